"""Gold events, predicted events, and when one counts as the other.

The rules are those of the project's official scorer (shared/tools/
score_events.py), restated here so `warta eval` needs nothing outside the
package and can explain each decision (misses, false positives, evidence):

* three levels: `country+root` compares actors on their first three letters
  and codes on their first two digits; `sector+root` also demands the full
  gold actor code when the gold names a sector (IRNGOV); `country+code`
  compares actors on country and needs one of the gold's exact codes;
* a gold field may list alternatives: any one of them is right;
* a `symmetric` gold row may be matched either way round;
* a gold date, when given, must equal the predicted day at every level;
* documents are compared by file name only (a path's folders do not count).

A test (tests/evaluation/test_matches_official_scorer.py) runs both on the
same input and requires the same figures.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping


@dataclass(frozen=True, slots=True)
class Level:
    name: str
    sector: bool  # a gold actor with a sector must be matched with it
    exact_code: bool  # the full CAMEO code, not just its root

    def __str__(self) -> str:
        return self.name


LEVELS: dict[str, Level] = {
    "country+root": Level("country+root", sector=False, exact_code=False),
    "sector+root": Level("sector+root", sector=True, exact_code=False),
    "country+code": Level("country+code", sector=False, exact_code=True),
}
COUNTRY_CHARS = 3  # a CAMEO actor code starts with its country (or IGO/NGO) code


def doc_key(doc: object) -> str:
    """The name a document is compared by: the last part of its path."""
    return os.path.basename(str(doc or ""))


def _alternatives(value: object) -> tuple[str, ...]:
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value)
    return (str(value),) if value is not None else ("",)


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One row of a gold file (format: shared/gold/README.md)."""

    id: str
    doc: str
    required: bool  # optional rows may be found (precision) but are never missed (recall)
    source: tuple[str, ...]  # alternatives
    target: tuple[str, ...]
    symmetric: bool
    roots: tuple[str, ...]
    codes: tuple[str, ...]
    date: str | None
    where: str | None = None
    evidence: str = ""

    @classmethod
    def from_json(cls, row: Mapping) -> "GoldEvent":
        codes = tuple(str(c) for c in row.get("codes") or ())
        roots = tuple(str(r) for r in row.get("roots") or ()) or tuple(dict.fromkeys(c[:2] for c in codes))
        return cls(
            id=str(row.get("id", "")),
            doc=doc_key(row.get("doc")),
            required=bool(row.get("required")),
            source=_alternatives(row.get("source")),
            target=_alternatives(row.get("target")),
            symmetric=bool(row.get("symmetric")),
            roots=roots,
            codes=codes,
            date=row.get("date") or None,
            where=row.get("where"),
            evidence=row.get("evidence") or "",
        )

    @property
    def root(self) -> str:
        """The root a row is counted under in per-root tables: the first one listed."""
        return self.roots[0] if self.roots else "??"


@dataclass(frozen=True, slots=True)
class Prediction:
    """One event Warta coded, reduced to what scoring and reporting need."""

    doc: str
    source: str | None
    target: str | None
    code: str
    date: str | None  # YYYY-MM-DD
    lang: str | None = None
    evidence: str = ""
    rule: str = ""
    sentence: str = ""

    @classmethod
    def from_record(cls, rec: Mapping) -> "Prediction":
        """From the JSON Lines shape of `warta code --format jsonl` (or any record with those keys)."""
        return cls(
            doc=doc_key(rec.get("doc")),
            source=rec.get("source"),
            target=rec.get("target"),
            code=str(rec.get("code") or ""),
            date=(str(rec.get("date"))[:10] if rec.get("date") else None),
            lang=rec.get("lang"),
            evidence=rec.get("evidence") or "",
            rule=rec.get("rule") or "",
            sentence=rec.get("sentence") or "",
        )

    @property
    def identity(self) -> tuple:
        """Predictions equal in these fields are one prediction, however often they were coded."""
        return (self.doc, self.source, self.target, self.code, self.date or "")

    @property
    def root(self) -> str:
        return self.code[:2]


def actor_matches(predicted: str | None, gold: Iterable[str], level: Level) -> bool:
    """Does a predicted actor code satisfy any of the gold alternatives at this level?"""
    have = (predicted or "").upper()
    for want in gold:
        want = want.upper()
        if level.sector and len(want) > COUNTRY_CHARS:
            if have.startswith(want):  # IRNGOV accepts IRNGOV and IRNGOVFRM, not IRN or IRNMIL
                return True
        elif have[:COUNTRY_CHARS] == want[:COUNTRY_CHARS]:
            return True
    return False


def event_matches(pred: Prediction, gold: GoldEvent, level: Level) -> bool:
    if level.exact_code:
        if pred.code not in gold.codes:
            return False
    elif pred.code[:2] not in gold.roots:
        return False
    if gold.date and (pred.date or "")[:10] != gold.date:
        return False
    orders = [(pred.source, pred.target)]
    if gold.symmetric:
        orders.append((pred.target, pred.source))
    return any(actor_matches(s, gold.source, level) and actor_matches(t, gold.target, level) for s, t in orders)


def load_gold(path: str | Path) -> list[GoldEvent]:
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                rows.append(GoldEvent.from_json(json.loads(line)))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not JSON: {exc}") from exc
    return rows


def load_predictions(path: str | Path) -> list[Prediction]:
    with open(path, encoding="utf-8") as f:
        return [Prediction.from_record(json.loads(line)) for line in f if line.strip()]
