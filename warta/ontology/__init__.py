"""CAMEO event codes with names, Goldstein scores, quad classes and PLOVER types.

The facts come from the CAMEO manual and the 2021 CAMEO-to-PLOVER table, typed
into `cameo.tsv` beside this module.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from warta.tabular import read_tsv

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None
    plover_context: str | None

    @property
    def root(self) -> str:
        return self.code[:2]


class Ontology:
    """Immutable lookup of CAMEO codes; load once with `Ontology.load()`."""

    def __init__(self, codes: dict[str, CameoCode]):
        self._codes = dict(codes)

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> "Ontology":
        rows = read_tsv(Path(__file__).with_name("cameo.tsv"), schema="warta.cameo.v1")
        codes = {}
        for r in rows:
            codes[r["code"]] = CameoCode(
                code=r["code"],
                name=r["name"],
                goldstein=float(r["goldstein"]),
                quad_class=int(r["quad_class"]),
                plover=r["plover"] or None,
                plover_mode=r["plover_mode"] or None,
                plover_context=r["plover_context"] or None,
            )
        return cls(codes)

    def __contains__(self, code: str) -> bool:
        return code in self._codes

    def __getitem__(self, code: str) -> CameoCode:
        return self._codes[code]

    def get(self, code: str) -> CameoCode | None:
        return self._codes.get(code)

    def codes(self) -> list[CameoCode]:
        return list(self._codes.values())

    def roots(self) -> list[str]:
        return sorted({c.root for c in self._codes.values()})
