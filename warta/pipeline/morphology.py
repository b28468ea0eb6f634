"""Affix stripping driven by a pack's morphology.tsv, and lexicon matching on it.

Indonesian builds words from roots with prefixes and suffixes (kecam: mengecam,
dikecam, kecaman); English inflects (criticize: criticized, criticizes). The
pack lists the affixes; this module only applies them, so a lexicon entry
written as a root matches its affixed forms.
"""
from __future__ import annotations

import re

from warta.lang import LanguagePack, VerbEntry
from warta.pipeline.mood import CLAUSE_END

_MIN_ROOT = 3
_NONE: frozenset[int] = frozenset()


class Morphology:
    def __init__(self, pack: LanguagePack):
        self.prefixes = sorted((a for a in pack.affixes if a.position == "prefix"), key=lambda a: -len(a.affix))
        # clitics (-nya, -lah) attach to any word, so even a form listed "=as written" may carry one
        self.clitics = sorted((a.affix for a in pack.affixes if a.position == "clitic"), key=len, reverse=True)
        self.suffixes = sorted((a for a in pack.affixes if a.position in ("suffix", "clitic")),
                               key=lambda a: -len(a.affix))
        self._cache: dict[str, dict[str, str]] = {}
        self._bare: dict[str, str] = {}
        self._index_affixes()

    def __getstate__(self):
        return {"prefixes": self.prefixes, "suffixes": self.suffixes, "clitics": self.clitics, "_cache": {},
                "_bare": {}}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._index_affixes()

    def _index_affixes(self) -> None:
        """What the affixes give to look up fast (not pickled: made again from them)."""
        self._clitic_ends = tuple(self.clitics)
        self._by_first, self._by_last = _by_letter(self.prefixes, 0), _by_letter(self.suffixes, -1)

    def bare(self, word: str) -> str:
        """The word without a clitic ("kunjungannya" -> "kunjungan"); the word itself if it has none."""
        hit = self._bare.get(word)
        if hit is None:
            # (most words end with no clitic: one test of them all first)
            hit = next((word[: -len(c)] for c in self.clitics
                        if word.endswith(c) and len(word) - len(c) >= _MIN_ROOT), word) \
                if word.endswith(self._clitic_ends) else word
            if len(self._bare) < 200_000:
                self._bare[word] = hit
        return hit

    def analyses(self, word: str) -> dict[str, str]:
        """Candidate roots of a word -> the voice the stripped prefix marks ("" if none)."""
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        stems = {word}
        # only a suffix ending with a stem's last letter can end it (and a prefix, below, likewise)
        by_last, no_letter = self._by_last, self._by_last[""]
        for _ in range(2):  # pertemuannya: -nya, then -an
            # a suffix may have replaced letters of the root (denied -> deny): `restore` puts them back
            stems |= {root for s in stems for x in by_last.get(s[-1:], no_letter) if s.endswith(x.affix)
                      for root in (s[: -len(x.affix)] + letter for letter in (x.restore or ("",)))
                      if len(root) >= _MIN_ROOT}
        out = {s: "" for s in stems}
        by_first, no_letter = self._by_first, self._by_first[""]
        for s in stems:
            for p in by_first.get(s[:1], no_letter):
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


def _by_letter(affixes, at: int) -> dict[str, tuple]:
    """The affixes by their letter at `at` (-1: the last), each list in the affixes' order; an empty
    affix is in every list, and alone under "" (the list for a letter no affix has there)."""
    letters = {x.affix[at] for x in affixes if x.affix}
    out = {c: tuple(x for x in affixes if not x.affix or x.affix[at] == c) for c in letters}
    out[""] = tuple(x for x in affixes if not x.affix)
    return out


class _Element:
    """One position of a pattern, parsed once: its alternatives in order, and the first
    words they can start with, so most words are turned away without a loop."""

    __slots__ = ("alts", "exact_firsts", "root_firsts", "key")

    def __init__(self, element: tuple[str, ...]):
        self.alts = tuple((a.startswith("="), a.lstrip("=").split("_")[0], tuple(a.lstrip("=").split("_")[1:]))
                          for a in element)
        self.exact_firsts = frozenset(first for exact, first, _ in self.alts if exact)
        self.root_firsts = frozenset(first for exact, first, _ in self.alts if not exact)
        self.key = 0  # its number in the matcher's index of first words


_GAP = re.compile(r"\.\.\.(\d*)")


def _gap(alt: str) -> int | None:
    """The most words a gap element ("...", "...8") skips, -1 for the default; None: not a gap."""
    m = _GAP.fullmatch(alt)
    return None if m is None else (int(m.group(1)) if m.group(1) else -1)


def _compile(element: tuple[str, ...], default: int) -> "_Element | int":
    """A pattern element parsed once: a gap as the most words it skips, else an `_Element`."""
    size = _gap(element[0]) if len(element) == 1 else None
    if size is None:
        return _Element(element)
    return default if size < 0 else size


class LexiconMatcher:
    """Finds verb-lexicon entries in a token sequence."""

    GAP = 3  # "..." skips at most this many words; "...N" at most N
    PHRASE = 8  # the most words one alternative of an element spans (looking back from the verb)

    def __init__(self, pack: LanguagePack, morphology: Morphology):
        self.pack = pack
        self.morph = morphology
        self.compiled: dict[str, tuple[_Element | int, ...]] = {
            e.id: tuple(_compile(el, self.GAP) for el in e.pattern) for e in pack.verbs}
        # entries that carry `before` (imported dictionaries' patterns, warta.verbs): the words that must
        # stand before the verb in its clause; their gaps, before and after the verb, stay in the clause
        self.before: dict[str, tuple[_Element | int, ...]] = {
            e.id: tuple(_compile(el, self.GAP) for el in e.before)
            for e in pack.verbs if isinstance(getattr(e, "before", None), tuple)}
        self.blocked: frozenset[int] = frozenset()  # positions where no imported entry starts, per sentence
        self._words: list[str] | None = None  # the sentence being searched (`sentence`), and what it may match
        self._present: frozenset[int] | None = None
        self.passable: frozenset[int] | None = None  # positions an imported entry's gaps may pass over (None: any)
        self._passive_forms: dict[str, bool] = {}
        # every element's first words, the other way round: word -> numbers of the elements it
        # opens as written (`exact`) or as a root (`roots`), for `_may_match`
        self._exact_index: dict[str, frozenset[int]] = {}
        self._root_index: dict[str, frozenset[int]] = {}
        patterns = (*self.compiled.values(), *self.before.values())
        for n, element in enumerate(e for pattern in patterns for e in pattern if isinstance(e, _Element)):
            element.key = n
            for first in element.exact_firsts:
                self._exact_index.setdefault(first, set()).add(n)
            for first in element.root_firsts:
                self._root_index.setdefault(first, set()).add(n)
        self._exact_index = {w: frozenset(keys) for w, keys in self._exact_index.items()}
        self._root_index = {w: frozenset(keys) for w, keys in self._root_index.items()}
        # the elements patterns open with: a word that may match none of them opens no entry (but a
        # pattern opening with a gap opens at any word)
        self._head_keys = frozenset(p[0].key for p in self.compiled.values() if isinstance(p[0], _Element))
        self._gap_heads = any(not isinstance(p[0], _Element) for p in self.compiled.values())
        # what an imported entry needs besides its verb: its elements' numbers, all to be found in the sentence
        self.needs: dict[str, frozenset[int]] = {
            e: frozenset(el.key for el in (*self.compiled[e][1:], *b) if isinstance(el, _Element)) for e, b in self.before.items()}
        # what each entry needs besides its first word: the numbers of its later elements, every one of
        # them to be matched by some word of the sentence (`elements_in`) before the entry can match
        self.later: dict[str, frozenset[int]] = {
            e: frozenset(el.key for el in pattern[1:] if isinstance(el, _Element)) for e, pattern in self.compiled.items()}
        self._split: dict[tuple[str, bool], tuple] = {}  # (word, headline) -> (pack's entries, (needs, imported))
        self._elements_of: dict[str, frozenset[int]] = {}  # word -> elements it may match, kept
        self._nexts: dict[tuple[str, str], frozenset[str]] = {}  # (word, entry) -> `_next_words`, kept
        # head_candidates per word: in the body [0], in a headline [1]
        self._heads: tuple[dict[str, tuple[VerbEntry, ...]], ...] = ({}, {})
        self.by_first: dict[str, list[VerbEntry]] = {}
        for entry in pack.verbs:
            for alt in entry.pattern[0]:
                self.by_first.setdefault(alt.lstrip("=").split("_")[0], []).append(entry)
        # roots the lexicon knows, so an exact form's passive reading can be trusted
        self.known_roots = set()
        for entry in pack.verbs:
            for element in entry.pattern:
                for alt in element:
                    if _gap(alt) is not None:
                        continue
                    first = alt.lstrip("=").split("_")[0]
                    if not alt.startswith("="):
                        self.known_roots.add(first)
                    else:
                        self.known_roots.update(r for r, v in self.morph.analyses(first).items() if v in ("active", "noun"))
        self.passive_aux = pack.word_class("passive_aux")
        self.modal = pack.word_class("modal")  # "is expected to": modality, not a passive
        # suffixes marked active (morphology.tsv): after an auxiliary they make no passive ("was attacking")
        self.active_suffixes = tuple(a.affix for a in pack.affixes if a.position == "suffix" and a.voice == "active")
        # headlines drop the active prefix ("AS Kecam Rusia", "Prabowo Terima Kunjungan"):
        # bare stem -> the prefixed forms the lexicon lists as written
        self.headline_forms: dict[str, set[str]] = {}
        for entry in pack.verbs:
            for element in entry.pattern:
                for alt in element:
                    if alt.startswith("="):
                        form = alt[1:].split("_")[0]
                        for stem in self._active_stems(form):
                            self.headline_forms.setdefault(stem, set()).add(form)

    def _active_stems(self, form: str) -> set[str]:
        """Stems left when an active prefix comes off a form, its swallowed letter restored."""
        out = set()
        for p in self.morph.prefixes:
            if p.voice in ("active", "noun") and form.startswith(p.affix):
                rest = form[len(p.affix):]
                out.update(letter + rest for letter in (p.restore or ("",)) if len(letter + rest) >= _MIN_ROOT)
        return out

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_heads"] = ({}, {})
        state["_split"] = {}
        state["_elements_of"] = {}
        state["_nexts"] = {}
        state["_words"] = state["_present"] = None
        return state

    def head_candidates(self, word: str, headline: bool = False) -> tuple[VerbEntry, ...]:
        """`candidates` for a word, less those whose pattern's first word cannot match it
        (`_element` turns them away before looking at any other word); kept per word. Within a
        sentence (`sentence`), less the imported entries whose other words it lacks: a word that
        opens imported entries is answered per sentence, never kept in `head_table`."""
        key = (word, headline)
        split = self._split.get(key)
        if split is None:
            split = self._split_candidates(word, headline)
            if len(self._split) < 200_000:
                self._split[key] = split
            if not split[1] and len(self._heads[headline]) < 200_000:
                self._heads[headline][word] = split[0]
        base, imported = split
        if not imported:
            return base
        if self._words is None:
            return base + tuple(e for _, e in imported)
        present = self.present
        return base + tuple(e for needs, e in imported if needs <= present)

    def _split_candidates(self, word: str, headline: bool) -> tuple[tuple, tuple]:
        """`head_candidates` of a word as (the pack's entries, (needs, entry) of the imported ones):
        the pack's first, ties going to them. Most words may match no pattern's first element: they
        are told so by `elements_of`, the candidates never gathered."""
        if not headline and not self._gap_heads and self.elements_of(word).isdisjoint(self._head_keys):
            return (), ()
        hit = tuple(e for e in self.candidates([word], 0, headline)
                    if headline or self._head_may_match(word, self.compiled[e.id][0]))
        needs = self.needs
        return tuple(e for e in hit if e.id not in needs), tuple((needs[e.id], e) for e in hit if e.id in needs)

    def head_table(self, headline: bool = False) -> dict[str, tuple[VerbEntry, ...]]:
        """The answers `head_candidates` kept so far (word -> entries), to look up without a call."""
        return self._heads[1 if headline else 0]

    def sentence(self, words: list[str] | None, blocked=frozenset(), passable=None) -> None:
        """Search `words` next, with imported entries kept off `blocked` positions and their gaps
        on `passable` ones (warta.verbs.coding); `sentence(None)` when done."""
        self._words, self._present = words, None
        self.blocked = frozenset(blocked) if words is not None else frozenset()
        self.passable = passable if words is not None else None

    @property
    def present(self) -> frozenset[int] | None:
        """The elements some word of the current sentence may match (None outside a sentence)."""
        if self._present is None and self._words is not None:
            self._present = self.elements_in(self._words)
        return self._present

    def elements_in(self, words: list[str]) -> frozenset[int]:
        """The elements some of the words may match (`elements_of`, the kept answers looked up in one pass)."""
        found = list(map(self._elements_of.get, words))
        if None in found:
            found = [self.elements_of(w) if k is None else k for k, w in zip(found, words)]
        return frozenset().union(*found)

    def _head_may_match(self, word: str, element: "_Element | int") -> bool:
        """The first test of `_element`, on the word alone (a pattern opening with a gap: always)."""
        return not isinstance(element, _Element) or self._may_match(word, element)

    def _may_match(self, word: str, element: _Element) -> bool:
        """Can one of the element's alternatives match the word, as written or without its
        clitic (an exact alternative), or by one of its roots (the word itself among them)?"""
        return element.key in self.elements_of(word)

    def elements_of(self, word: str) -> frozenset[int]:
        """The numbers of the elements the word may match (see `_may_match`), kept per word."""
        keys = self._elements_of.get(word)
        if keys is None:
            exact, roots = self._exact_index, self._root_index
            found = [roots[r] for r in self.morph.analyses(word) if r in roots]
            keys = _NONE.union(exact.get(word, _NONE), exact.get(self.morph.bare(word), _NONE), *found)
            if len(self._elements_of) < 200_000:
                self._elements_of[word] = keys
        return keys

    def candidates(self, words: list[str], i: int, headline: bool = False) -> list[VerbEntry]:
        seen, out = set(), []
        keys = [words[i], *self.morph.analyses(words[i])]
        if headline:
            keys += self.headline_forms.get(words[i], ())
        for key in keys:
            for entry in self.by_first.get(key, ()):
                if entry.id not in seen:
                    seen.add(entry.id)
                    out.append(entry)
        return out

    def match_at(self, words: list[str], i: int, entry: VerbEntry,
                 headline: bool = False) -> tuple[int, bool, int] | None:
        """(end token, passive, words matched) when the entry's pattern matches from token i.
        Words matched, not words spanned, says how specific a match is: a gap adds none.
        In a headline the pattern's words may also stand bare ("Kecam" for "mengecam")."""
        if not headline and not self._next_word_fits(words, i, entry.id):
            return None  # each alternative the word opens goes on with a word that does not follow
        before = self.before.get(entry.id)
        if before is None:
            return self._match(words, i, self.compiled[entry.id], 0, False, 0, headline)
        if i in self.blocked:
            return None  # an imported verb does not start on a name (warta.verbs.coding)
        if self._words is not None and not self.needs[entry.id] <= self.present:
            return None  # a word it needs is nowhere in the sentence
        got = self._match(words, i, self.compiled[entry.id], 0, False, 0, headline, True)
        if got is not None and got[1] and entry.frame != "passive":
            return None  # a TABARI pattern is written for one voice: a passive one says so (`+ BEEN * BY $`)
        if got is None or not before:
            return got
        start = i
        while start > 0 and words[start - 1] not in CLAUSE_END:
            start -= 1
        more = self._match_before(words, i, before, start)
        return None if more is None else (got[0], got[1], got[2] + more)

    def _next_word_fits(self, words: list[str], i: int, entry_id: str) -> bool:
        """Can the word after token i go on the phrase the entry's first element opens at it? (Always,
        when an alternative the word opens is the word alone.) Found per word and entry, in one set."""
        key = (words[i], entry_id)
        nexts = self._nexts.get(key)
        if nexts is None:
            nexts = self._next_words(words[i], self.compiled[entry_id][0])
            if len(self._nexts) < 200_000:
                self._nexts[key] = nexts
        if not nexts:
            return True
        return i + 1 < len(words) and (words[i + 1] in nexts or self.morph.bare(words[i + 1]) in nexts)

    def _next_words(self, word: str, element: "_Element | int") -> frozenset[str]:
        """The second words of the element's alternatives that open with `word` (`_element`'s test of
        the first word), when each such alternative has one; empty when one is the word alone."""
        if not isinstance(element, _Element):
            return frozenset()
        bare, roots = self.morph.bare(word), self.morph.analyses(word)
        tails = [tail for exact, first, tail in element.alts
                 if first == word or (first == bare if exact else first in roots)]
        return frozenset(tail[0] for tail in tails) if all(tails) else frozenset()

    def _match_before(self, words, end, items, start) -> int | None:
        """Words matched when `items` stand in words[start:end], the last of them ending at `end`
        (a gap: anywhere before it in the clause); None when they do not."""
        if not items:
            return 0
        element = items[-1]
        if not isinstance(element, _Element):
            for p in range(end, start - 1, -1):
                if p < end and self.passable is not None and p not in self.passable:
                    break
                got = self._match_before(words, p, items[:-1], start)
                if got is not None:
                    return got
            return None
        for s in range(end - 1, max(start, end - self.PHRASE) - 1, -1):
            hit = self._element(words, s, element)
            if hit is not None and s + hit[0] == end:
                got = self._match_before(words, s, items[:-1], start)
                if got is not None:
                    return got + hit[0]
        return None

    def _match(self, words, i, pattern, k, passive, weight, headline=False, clause=False):
        if k == len(pattern):
            return i, passive, weight
        element = pattern[k]
        if not isinstance(element, _Element):  # "...": a gap of at most `element` words
            for skip in range(0, element + 1):
                if clause and skip and i + skip - 1 < len(words) and (
                        words[i + skip - 1] in CLAUSE_END
                        or (self.passable is not None and i + skip - 1 not in self.passable)):
                    break  # an imported pattern's words stand in the verb's clause, with little between
                got = self._match(words, i + skip, pattern, k + 1, passive, weight, headline, clause)
                if got:
                    return got
            return None
        if i >= len(words):
            return None
        hit = self._element(words, i, element, head=k == 0)
        if hit is None and headline:  # "Rusia Tolak Komentari ...": every word of a headline may stand bare
            hit = self._headline_element(words, i, element)
        if hit is None:
            return None
        length, voice = hit
        return self._match(words, i + length, pattern, k + 1, passive or voice == "passive", weight + length,
                           headline, clause)

    def _element(self, words, i, element: _Element, head: bool = False) -> tuple[int, str] | None:
        """(words consumed, voice) of the first alternative that matches at i.
        An auxiliary before the word marks a passive only on the pattern's head word
        ("was criticized"), not on later words ("is willing =to")."""
        word = words[i]
        if not self._may_match(word, element):
            return None
        bare = self.morph.bare(word)
        roots = None
        for exact, first, tail in element.alts:
            # the first word first: `_word_voice` answers None unless it matches so
            if first != word:
                if exact:
                    if first != bare:
                        continue
                else:
                    if roots is None:
                        roots = self.morph.analyses(word)
                    if first not in roots:
                        continue
            if tail and not self._tail_matches(words, i + 1, tail):
                continue  # words after the first of a phrase match as written
            voice = self._word_voice(words, i, first, exact, head)
            if voice is not None:
                return 1 + len(tail), voice
        return None

    def _headline_element(self, words, i, element: _Element) -> tuple[int, str] | None:
        forms = self.headline_forms.get(words[i], ())
        for exact, first, tail in element.alts:
            if exact and first in forms and (not tail or self._tail_matches(words, i + 1, tail)):
                return 1 + len(tail), "active"
        return None

    def _tail_matches(self, words, i, tail) -> bool:
        """Later words of a phrase match as written; the last may carry a clitic ("kunjungannya")."""
        n = len(tail)
        if i + n > len(words):
            return False
        for k in range(n - 1):
            if words[i + k] != tail[k]:
                return False
        last = words[i + n - 1]
        return last == tail[-1] or self.morph.bare(last) == tail[-1]

    def _word_voice(self, words, i, alt: str, exact: bool, head: bool = True) -> str | None:
        word = words[i]
        if exact:
            return self._passive_reading(words, i, head) if alt in (word, self.morph.bare(word)) else None
        if word == alt:
            return self._aux_passive(words, i, alt) if head else "active"
        analyses = self.morph.analyses(word)
        if alt in analyses:
            if analyses[alt] == "passive":
                return "passive"
            return self._aux_passive(words, i, alt) if head else "active"
        return None

    def _passive_reading(self, words, i, head: bool = True) -> str:
        word = words[i]
        passive = self._passive_forms.get(word)
        if passive is None:
            passive = any(v == "passive" and r in self.known_roots for r, v in self.morph.analyses(word).items())
            if len(self._passive_forms) < 200_000:
                self._passive_forms[word] = passive
        if passive:
            return "passive"
        return self._aux_passive(words, i, None) if head else "active"

    def _aux_passive(self, words, i, lemma) -> str:
        """English-style passive: an auxiliary ("was", "been") before an inflected verb."""
        if not self.passive_aux or words[i] == lemma or words[i].endswith(self.active_suffixes) or words[i] in self.modal:
            return "active"
        for back in (1, 2):
            if i - back >= 0 and words[i - back] in self.passive_aux:
                return "passive"
        return "active"
