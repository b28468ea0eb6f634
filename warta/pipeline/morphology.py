"""Affix stripping driven by a pack's morphology.tsv, and lexicon matching on it.

Indonesian builds words from roots with prefixes and suffixes (kecam: mengecam,
dikecam, kecaman); English inflects (criticize: criticized, criticizes). The
pack lists the affixes; this module only applies them, so a lexicon entry
written as a root matches its affixed forms.
"""
from __future__ import annotations

from warta.lang import LanguagePack, VerbEntry

_MIN_ROOT = 3


class Morphology:
    def __init__(self, pack: LanguagePack):
        self.prefixes = sorted((a for a in pack.affixes if a.position == "prefix"), key=lambda a: -len(a.affix))
        self.suffixes = sorted((a for a in pack.affixes if a.position == "suffix"), key=lambda a: -len(a.affix))
        self._cache: dict[str, dict[str, str]] = {}

    def __getstate__(self):
        return {"prefixes": self.prefixes, "suffixes": self.suffixes, "_cache": {}}

    def analyses(self, word: str) -> dict[str, str]:
        """Candidate roots of a word -> the voice the stripped prefix marks ("" if none)."""
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        stems = {word}
        for _ in range(2):  # pertemuannya: -nya, then -an
            stems |= {s[: -len(x.affix)] for s in stems for x in self.suffixes
                      if s.endswith(x.affix) and len(s) - len(x.affix) >= _MIN_ROOT}
        out = {s: "" for s in stems}
        for s in stems:
            for p in self.prefixes:
                if not s.startswith(p.affix):
                    continue
                rest = s[len(p.affix):]
                for letter in p.restore or ("",):
                    cand = letter + rest
                    if len(cand) >= _MIN_ROOT:
                        out.setdefault(cand, p.voice)
        if len(self._cache) < 200_000:
            self._cache[word] = out
        return out


class LexiconMatcher:
    """Finds verb-lexicon entries in a token sequence."""

    GAP = 3  # "..." skips at most this many words

    def __init__(self, pack: LanguagePack, morphology: Morphology):
        self.pack = pack
        self.morph = morphology
        self.by_first: dict[str, list[VerbEntry]] = {}
        for entry in pack.verbs:
            for alt in entry.pattern[0]:
                self.by_first.setdefault(alt.lstrip("=").split("_")[0], []).append(entry)
        # roots the lexicon knows, so an exact form's passive reading can be trusted
        self.known_roots = set()
        for entry in pack.verbs:
            for element in entry.pattern:
                for alt in element:
                    if alt == "...":
                        continue
                    first = alt.lstrip("=").split("_")[0]
                    if not alt.startswith("="):
                        self.known_roots.add(first)
                    else:
                        self.known_roots.update(r for r, v in self.morph.analyses(first).items() if v == "active")
        self.passive_aux = pack.word_class("passive_aux")

    def candidates(self, words: list[str], i: int) -> list[VerbEntry]:
        seen, out = set(), []
        for key in (words[i], *self.morph.analyses(words[i])):
            for entry in self.by_first.get(key, ()):
                if entry.id not in seen:
                    seen.add(entry.id)
                    out.append(entry)
        return out

    def match_at(self, words: list[str], i: int, entry: VerbEntry) -> tuple[int, bool] | None:
        """(end token, passive) when the entry's pattern matches from token i."""
        return self._match(words, i, entry.pattern, 0, False)

    def _match(self, words, i, pattern, k, passive):
        if k == len(pattern):
            return i, passive
        element = pattern[k]
        if element == ("...",):
            for skip in range(0, self.GAP + 1):
                got = self._match(words, i + skip, pattern, k + 1, passive)
                if got:
                    return got
            return None
        if i >= len(words):
            return None
        hit = self._element(words, i, element)
        if hit is None:
            return None
        length, voice = hit
        return self._match(words, i + length, pattern, k + 1, passive or voice == "passive")

    def _element(self, words, i, element) -> tuple[int, str] | None:
        """(words consumed, voice) of the first alternative that matches at i."""
        for alt in element:
            exact = alt.startswith("=")
            parts = alt.lstrip("=").split("_")
            tail = parts[1:]  # words after the first of a phrase match as written
            if words[i + 1 : i + 1 + len(tail)] != tail:
                continue
            voice = self._word_voice(words, i, parts[0], exact)
            if voice is not None:
                return 1 + len(tail), voice
        return None

    def _word_voice(self, words, i, alt: str, exact: bool) -> str | None:
        word = words[i]
        if exact:
            return self._passive_reading(words, i) if word == alt else None
        if word == alt:
            return self._aux_passive(words, i, alt)
        analyses = self.morph.analyses(word)
        if alt in analyses:
            return "passive" if analyses[alt] == "passive" else self._aux_passive(words, i, alt)
        return None

    def _passive_reading(self, words, i) -> str:
        for root, voice in self.morph.analyses(words[i]).items():
            if voice == "passive" and root in self.known_roots:
                return "passive"
        return self._aux_passive(words, i, None)

    def _aux_passive(self, words, i, lemma) -> str:
        """English-style passive: an auxiliary ("was", "been") before an inflected verb."""
        if not self.passive_aux or words[i] == lemma or words[i].endswith("ing"):
            return "active"
        for back in (1, 2):
            if i - back >= 0 and words[i - back] in self.passive_aux:
                return "passive"
        return "active"
