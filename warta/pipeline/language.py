"""Which language pack reads a document: lingua, limited to the packs Warta has
plus near neighbours (Malay reads well enough with the Indonesian pack)."""
from __future__ import annotations

from functools import lru_cache

from lingua import Language, LanguageDetectorBuilder

# neighbour -> the pack that reads it; only used when that pack is loaded
NEIGHBOURS = {"MALAY": "id"}
_SAMPLE = 3000  # characters: enough for a confident guess, cheap on long articles


class LanguageDetector:
    def __init__(self, packs: dict[str, str]):
        """`packs`: pack code -> lingua language name ("id" -> "INDONESIAN")."""
        self.packs = dict(packs)
        self._detector = None

    def __getstate__(self):
        return {"packs": self.packs, "_detector": None}

    def _build(self):
        names = set(self.packs.values()) | {n for n, code in NEIGHBOURS.items() if code in self.packs}
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
        return by_name.get(found.name) or (NEIGHBOURS.get(found.name) if NEIGHBOURS.get(found.name) in self.packs else None)


@lru_cache(maxsize=4)
def _detector(names: tuple[str, ...]):
    """One lingua detector per process and language set: its models take a while to load."""
    langs = [getattr(Language, n) for n in names]
    if len(langs) == 1:  # lingua needs two to choose between
        langs.append(Language.MALAY if langs[0] != Language.MALAY else Language.ENGLISH)
    return LanguageDetectorBuilder.from_languages(*langs).build()
