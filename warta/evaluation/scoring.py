"""Precision, recall and F1 of predicted events against a gold file, with the why.

Recall counts required gold rows that some prediction matches; precision
counts unique predictions that match any gold row, required or optional
(matching rules: `warta.evaluation.matching`). Only documents the gold file
names are scored. Beside the totals a report breaks the figures down by
language and by CAMEO root, and lists the misses (gold rows nobody found,
with the words they rest on) and the false positives (with Warta's evidence
and the rule that fired), each with its nearest near-miss (`causes`: coded on
another day, with another code, with one side only, nothing near), so a drop
can be read, not just seen.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Iterable, Mapping, Sequence

from warta.evaluation.causes import (FALSE_POSITIVE_CAUSES, MISS_CAUSES, by_rule, false_positive_cause,
                                     miss_cause)
from warta.evaluation.matching import LEVELS, GoldEvent, Level, Prediction, event_matches

UNKNOWN_LANG = "?"


@dataclass
class Tally:
    """Counts that make a precision/recall pair; they add up across groups."""

    predicted: int = 0
    correct: int = 0  # predictions matching some gold row
    required: int = 0
    found: int = 0  # required rows some prediction matched

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.required if self.required else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                **asdict(self)}


@dataclass
class LevelReport:
    level: str
    total: Tally
    by_language: dict[str, Tally]
    by_root: dict[str, Tally]
    misses: list[GoldEvent]
    false_positives: list[Prediction]
    found: dict[str, Prediction] = field(default_factory=dict)  # gold id -> the first prediction matching it
    miss_causes: list[str] = field(default_factory=list)  # beside `misses`: warta.evaluation.causes
    false_positive_causes: list[str] = field(default_factory=list)  # beside `false_positives`

    def cause_counts(self) -> dict[str, dict[str, int]]:
        return {"misses": _counts(self.miss_causes, MISS_CAUSES),
                "false_positives": _counts(self.false_positive_causes, FALSE_POSITIVE_CAUSES),
                "false_positives_by_rule": by_rule(self.false_positives)}

    def as_dict(self) -> dict:
        return {
            "level": self.level,
            **self.total.as_dict(),
            "by_language": {k: v.as_dict() for k, v in sorted(self.by_language.items())},
            "by_root": {k: v.as_dict() for k, v in sorted(self.by_root.items())},
            "causes": self.cause_counts(),
            "misses": [{**_gold_dict(g), "cause": c} for g, c in zip(self.misses, self.miss_causes)],
            "false_positives": [{**_prediction_dict(p), "cause": c}
                                for p, c in zip(self.false_positives, self.false_positive_causes)],
        }


def unique_predictions(predicted: Iterable[Prediction], docs: set[str]) -> list[Prediction]:
    """Predictions about the gold's documents, each identical prediction kept once (the first seen)."""
    seen: dict[tuple, Prediction] = {}
    for p in predicted:
        if p.doc in docs and p.identity not in seen:
            seen[p.identity] = p
    return list(seen.values())


def score_level(gold: Sequence[GoldEvent], predicted: Iterable[Prediction], level: Level | str,
                languages: Mapping[str, str] | None = None) -> LevelReport:
    """Score at one level. `languages` maps a document name to its language (for the per-language table)."""
    level = LEVELS[level] if isinstance(level, str) else level
    languages = languages or {}
    gold_by_doc: dict[str, list[GoldEvent]] = defaultdict(list)
    for g in gold:
        gold_by_doc[g.doc].append(g)
    preds = unique_predictions(predicted, set(gold_by_doc))
    preds_by_doc: dict[str, list[Prediction]] = defaultdict(list)
    for p in preds:
        preds_by_doc[p.doc].append(p)

    total, by_lang, by_root = Tally(), defaultdict(Tally), defaultdict(Tally)
    misses, found, miss_causes = [], {}, []
    for g in gold:
        if not g.required:
            continue
        lang = languages.get(g.doc, UNKNOWN_LANG)
        hit = next((p for p in preds_by_doc[g.doc] if event_matches(p, g, level)), None)
        for t in (total, by_lang[lang], by_root[g.root]):
            t.required += 1
            t.found += hit is not None
        if hit is None:
            misses.append(g)
            miss_causes.append(miss_cause(g, preds_by_doc[g.doc], level))
        else:
            found[g.id] = hit

    false_positives, fp_causes = [], []
    for p in preds:
        ok = any(event_matches(p, g, level) for g in gold_by_doc[p.doc])
        lang = p.lang or languages.get(p.doc, UNKNOWN_LANG)
        for t in (total, by_lang[lang], by_root[p.root]):
            t.predicted += 1
            t.correct += ok
        if not ok:
            false_positives.append(p)
            fp_causes.append(false_positive_cause(p, gold_by_doc[p.doc], level))
    return LevelReport(level.name, total, dict(by_lang), dict(by_root), misses, false_positives, found,
                       miss_causes, fp_causes)


@dataclass
class EventReport:
    """Every level for one gold file, plus what was coded."""

    gold_path: str
    documents: dict[str, str]  # document name -> language it was coded in
    missing_documents: list[str]  # named by the gold, not among the articles
    levels: dict[str, LevelReport]

    def as_dict(self, detail_level: str | None = None) -> dict:
        """All levels' totals; breakdowns, misses and false positives for `detail_level` (default: all)."""
        chosen = [detail_level] if detail_level else list(self.levels)
        return {
            "gold": self.gold_path,
            "documents": self.documents,
            "missing_documents": self.missing_documents,
            "summary": {name: rep.total.as_dict() for name, rep in self.levels.items()},
            "levels": {name: self.levels[name].as_dict() for name in chosen},
        }


def score_events(gold: Sequence[GoldEvent], predicted: Sequence[Prediction], languages: Mapping[str, str],
                 gold_path: str = "", missing_documents: Sequence[str] = ()) -> EventReport:
    levels = {name: score_level(gold, predicted, lvl, languages) for name, lvl in LEVELS.items()}
    return EventReport(gold_path, dict(languages), list(missing_documents), levels)


def _counts(causes: Sequence[str], order: Sequence[str]) -> dict[str, int]:
    return {c: causes.count(c) for c in order if c in causes}


def _gold_dict(g: GoldEvent) -> dict:
    return {"id": g.id, "doc": g.doc, "source": list(g.source), "target": list(g.target), "symmetric": g.symmetric,
            "roots": list(g.roots), "codes": list(g.codes), "date": g.date, "where": g.where, "evidence": g.evidence}


def _prediction_dict(p: Prediction) -> dict:
    return {"doc": p.doc, "source": p.source, "target": p.target, "code": p.code, "date": p.date, "lang": p.lang,
            "evidence": p.evidence, "rule": p.rule, "sentence": p.sentence}
