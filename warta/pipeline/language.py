"""Which language pack reads a document: lingua, limited to the packs Warta has
plus near neighbours a pack stands in for when theirs is not loaded (pack.toml
`fallback`: Malay reads well enough with the Indonesian pack). Where lingua
confuses two loaded packs' languages (Malay and Indonesian), the words each one
writes and the other does not decide (pack.toml [identify])."""
from __future__ import annotations

import re
from functools import lru_cache

from lingua import Language, LanguageDetectorBuilder

from warta.errors import LanguagePackError
from warta.lang import fallbacks, pack_metadata

_SAMPLE = 3000  # characters: enough for a confident guess, cheap on long articles
_WORD = re.compile(r"\w+(?:-\w+)*")


class LanguageDetector:
    def __init__(self, packs: dict[str, str]):
        """`packs`: pack code -> lingua language name ("id" -> "INDONESIAN")."""
        self.packs = dict(packs)
        # neighbour (lingua name) -> the loaded pack that reads it, when its own pack is not loaded
        loaded = set(self.packs.values())
        self.neighbours = {n: code for n, code in fallbacks().items() if code in self.packs and n not in loaded}
        # (pack, its words, rival pack, the rival's words) for each loaded pair lingua confuses
        self.contrasts = tuple(c for c in map(_contrast, self.packs) if c is not None and c[2] in self.packs)
        self._detector = None

    def __getstate__(self):
        return {"packs": self.packs, "neighbours": self.neighbours, "contrasts": self.contrasts, "_detector": None}

    def _build(self):
        names = set(self.packs.values()) | set(self.neighbours)
        self._detector = _detector(tuple(sorted(names)))
        return self._detector

    def detect(self, text: str) -> str | None:
        if len(self.packs) == 1:
            return next(iter(self.packs))
        detector = self._detector or self._build()
        found = detector.detect_language_of(text[:_SAMPLE])
        if found is None:
            return None
        by_name = {v: k for k, v in self.packs.items()}
        code = by_name.get(found.name) or self.neighbours.get(found.name)
        return self._contrasted(code, text[:_SAMPLE]) if self.contrasts else code

    def _contrasted(self, code: str | None, text: str) -> str | None:
        """Between two packs lingua confuses, the one whose own words the text uses more."""
        words = None
        for mine, my_words, rival, rival_words in self.contrasts:
            if code not in (mine, rival):
                continue
            words = words if words is not None else _WORD.findall(text.lower())
            score = sum(w in my_words for w in words) - sum(w in rival_words for w in words)
            if score:
                return mine if score > 0 else rival
        return code


def _contrast(code: str) -> tuple[str, frozenset[str], str, frozenset[str]] | None:
    """pack.toml [identify]: `rival` (a pack code), `words` this language writes and the rival
    does not, `rival_words` the other way round."""
    try:
        table = pack_metadata(code).get("identify")
    except LanguagePackError:  # a pack given by hand, with no folder: nothing to contrast
        return None
    if not table or not table.get("rival"):
        return None
    fold = lambda ws: frozenset(w.lower() for w in ws)  # noqa: E731
    return code, fold(table.get("words", ())), table["rival"], fold(table.get("rival_words", ()))


@lru_cache(maxsize=4)
def _detector(names: tuple[str, ...]):
    """One lingua detector per process and language set: its models take a while to load."""
    langs = [getattr(Language, n) for n in names]
    if len(langs) == 1:  # lingua needs two to choose between
        langs.append(Language.MALAY if langs[0] != Language.MALAY else Language.ENGLISH)
    return LanguageDetectorBuilder.from_languages(*langs).build()
