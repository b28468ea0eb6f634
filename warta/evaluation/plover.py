"""The PLOVER gold-standard records: does Warta land in the right PLOVER category?

Each case is one sentence with the PLOVER category (and actors) a human gave
it. Warta codes the sentence with the case's date as publication time; each
event's `plover` field (from the CAMEO-to-PLOVER table in the ontology) is
its category, and events PLOVER drops (CAMEO 01, 02) have none.

The cases were annotated in PLOVER 0.5, whose names differ from the 2021
table Warta follows: DEMAND is REQUEST, DISAPPROVE and INVESTIGATE are both
ACCUSE, FIGHT is ASSAULT. Gold names are translated before comparing, so the
figures measure Warta, not the renaming (at the price of not telling
DISAPPROVE from INVESTIGATE).

Figures: accuracy (share of cases whose predicted categories include the
gold one), precision (share of predicted categories, per case, that are the
gold one), a confusion table gold x predicted, and actor agreement on the
cases whose category was found.
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from warta.coder import Coder
from warta.evaluation.coding import code_sentence

# PLOVER 0.5 name -> the 2021 name Warta's ontology uses.
PLOVER_2021_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# Country codes the annotators wrote that are not ISO 3166 (CAMEO uses ISO): slips, not conventions.
GOLD_COUNTRY_SLIPS = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
NONE = "none"  # the confusion table's column for cases where Warta coded no category


def plover_name(category: str) -> str:
    category = category.strip().upper()
    return PLOVER_2021_NAMES.get(category, category)


def clean_actor(code: str | None) -> str:
    """A gold actor code reduced to letters, upper case, with known country slips fixed ("PSE***" -> "PSE")."""
    letters = re.sub(r"[^A-Za-z]", "", code or "").upper()
    return GOLD_COUNTRY_SLIPS.get(letters[:3], letters[:3]) + letters[3:] if letters else ""


@dataclass(frozen=True, slots=True)
class GsrCase:
    id: str
    text: str
    lang: str
    date: str | None
    category: str  # 2021 name
    actors: tuple[tuple[str, str], ...]  # (source, target) codes; "" when not given


def load_cases(path: str | Path) -> list[GsrCase]:
    cases = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            events = row.get("events") or []
            names = [e.get("code") for e in events if e.get("code")] or [row.get("plover", {}).get("event", "")]
            cases.append(GsrCase(
                id=str(row.get("record_id") or row.get("id")),
                text=row["text"],
                lang=row.get("language") or "en",
                date=row.get("date"),
                category=plover_name(names[0]),
                actors=tuple((clean_actor(e.get("source")), clean_actor(e.get("target"))) for e in events),
            ))
    return cases


@dataclass
class CaseResult:
    case: GsrCase
    predicted: dict[str, list[tuple[str, str]]]  # category -> (source, target) of the events in it
    coded: bool  # False: no pack for the case's language was loaded

    @property
    def hit(self) -> bool:
        return self.case.category in self.predicted


@dataclass
class Agreement:
    """Of the gold actors given on cases whose category was found, how many Warta's events share."""

    given: int = 0
    country: int = 0  # first three letters agree
    code: int = 0  # the full gold code agrees (a longer Warta code, IRNGOVFRM for IRNGOV, agrees too)

    def as_dict(self) -> dict:
        rate = (lambda n: round(n / self.given, 4) if self.given else None)
        return {"given": self.given, "country": self.country, "code": self.code,
                "country_rate": rate(self.country), "code_rate": rate(self.code)}


@dataclass
class GsrReport:
    path: str
    results: list[CaseResult]
    source: Agreement = field(default_factory=Agreement)
    target: Agreement = field(default_factory=Agreement)

    @property
    def cases(self) -> int:
        return len(self.results)

    @property
    def hits(self) -> int:
        return sum(r.hit for r in self.results)

    @property
    def accuracy(self) -> float:
        return self.hits / self.cases if self.cases else 0.0

    @property
    def predicted_categories(self) -> int:
        return sum(len(r.predicted) for r in self.results)

    @property
    def precision(self) -> float:
        n = self.predicted_categories
        return self.hits / n if n else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.accuracy
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def uncoded(self) -> int:
        return sum(not r.coded for r in self.results)

    def confusion(self) -> dict[str, Counter]:
        """gold category -> Counter of predicted categories (NONE when Warta coded none)."""
        table: dict[str, Counter] = defaultdict(Counter)
        for r in self.results:
            table[r.case.category].update(list(r.predicted) or [NONE])
        return dict(table)

    def by_category(self) -> dict[str, dict]:
        rows: dict[str, dict] = {}
        for r in self.results:
            row = rows.setdefault(r.case.category, {"cases": 0, "found": 0, "predicted": 0, "correct": 0})
            row["cases"] += 1
            row["found"] += r.hit
        for r in self.results:
            for cat in r.predicted:
                row = rows.setdefault(cat, {"cases": 0, "found": 0, "predicted": 0, "correct": 0})
                row["predicted"] += 1
                row["correct"] += cat == r.case.category
        for row in rows.values():
            row["accuracy"] = round(row["found"] / row["cases"], 4) if row["cases"] else None
            row["precision"] = round(row["correct"] / row["predicted"], 4) if row["predicted"] else None
        return dict(sorted(rows.items()))

    def as_dict(self) -> dict:
        return {
            "path": self.path,
            "cases": self.cases,
            "uncoded": self.uncoded,
            "category_accuracy": round(self.accuracy, 4),
            "category_precision": round(self.precision, 4),
            "category_f1": round(self.f1, 4),
            "by_category": self.by_category(),
            "confusion": {gold: dict(c.most_common()) for gold, c in sorted(self.confusion().items())},
            "actor_agreement": {"source": self.source.as_dict(), "target": self.target.as_dict()},
            "wrong": [{"id": r.case.id, "text": r.case.text, "gold": r.case.category,
                       "predicted": sorted(r.predicted)} for r in self.results if not r.hit],
        }


def _agrees(have: str, want: str) -> tuple[bool, bool]:
    have = (have or "").upper()
    return have[:3] == want[:3], have.startswith(want)


def _tally_actors(report: GsrReport) -> None:
    for r in report.results:
        if not r.hit:
            continue
        pairs = r.predicted[r.case.category]
        for gold_source, gold_target in r.case.actors:
            for want, side, agreement in ((gold_source, 0, report.source), (gold_target, 1, report.target)):
                if not want:
                    continue
                agreement.given += 1
                checks = [_agrees(pair[side], want) for pair in pairs]
                agreement.country += any(c for c, _ in checks)
                agreement.code += any(c for _, c in checks)


def evaluate_gsr(coder: Coder, cases: Sequence[GsrCase], path: str = "") -> GsrReport:
    results = []
    for case in cases:
        analysis = code_sentence(coder, case.id, case.text, case.lang, case.date)
        predicted: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for ev in analysis.events if analysis else ():
            if ev.plover:
                predicted[ev.plover].append((ev.source or "", ev.target or ""))
        results.append(CaseResult(case, dict(predicted), analysis is not None))
    report = GsrReport(path, results)
    _tally_actors(report)
    return report
