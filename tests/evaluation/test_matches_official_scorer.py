"""Warta's scoring gives the official scorer's figures, on real output and on crafted edge cases.

The official scorer (shared/tools/score_events.py) is imported from where it
lives, never copied; the test skips when it is absent.
"""
from __future__ import annotations

import importlib.util
import itertools
import json

import pytest

from tests.conftest import shared_path
from warta.evaluation.coding import code_articles
from warta.evaluation.matching import LEVELS, Prediction, load_gold
from warta.evaluation.scoring import score_events


def _official():
    path = shared_path("tools", "score_events.py")
    spec = importlib.util.spec_from_file_location("official_score_events", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _assert_same(gold_path, records: list[dict]):
    official = _official()
    gold_rows = official.load(gold_path)
    ours = score_events(load_gold(gold_path), [Prediction.from_record(r) for r in records], {})
    for level in LEVELS:
        theirs = official.score(gold_rows, records, level)
        mine = ours.levels[level]
        assert round(mine.total.recall, 3) == theirs["recall"], level
        assert round(mine.total.precision, 3) == theirs["precision"], level
        assert mine.total.found == theirs["required_found"], level
        assert mine.total.required == theirs["required"], level
        assert mine.total.predicted == theirs["predicted"], level
        assert mine.total.correct == theirs["predicted_matching_gold"], level
        assert [g.id for g in mine.misses] == theirs["missed"], level
        assert [(p.doc, p.source, p.target, p.code) for p in mine.false_positives][:20] == \
            [(u["doc"], u["source"], u["target"], str(u["code"])) for u in theirs["unmatched_predictions"]], level


def test_seed_figures_equal_the_official_scorer(coders):
    gold_path = shared_path("gold", "seeds.jsonl")
    seeds = shared_path("seeds")
    coded = code_articles(coders.get(), [seeds])
    records = [{"doc": p.doc, "source": p.source, "target": p.target, "code": p.code, "date": p.date}
               for p in coded.predictions]
    assert records, "the seeds produced no events at all"
    _assert_same(gold_path, records)


def _variants(row: dict) -> list[dict]:
    """Predictions around one gold row: right, reversed, wrong sector, wrong day, other codes, other docs."""
    src = row["source"] if isinstance(row["source"], str) else row["source"][0]
    tgt = row["target"] if isinstance(row["target"], str) else row["target"][-1]
    code = row["codes"][0]
    day = row.get("date")
    base = {"doc": row["doc"], "source": src, "target": tgt, "code": code, "date": day}
    out = [base, dict(base),  # a duplicate, to be counted once
           base | {"source": tgt, "target": src},
           base | {"source": src[:3] + "MIL"}, base | {"target": tgt[:3]},
           base | {"code": code[:2] + "9"}, base | {"code": row["roots"][-1] + "0"}, base | {"code": "190"},
           base | {"date": "1999-01-01"}, base | {"date": None}, base | {"date": (day or "2020-01-01") + "T08:00"},
           base | {"doc": "some/folder/" + row["doc"]}, base | {"doc": "not-in-gold.txt"},
           base | {"source": None}, base | {"source": src.lower()}]
    return out


def test_crafted_edge_cases_score_the_same_as_the_official_scorer():
    gold_path = shared_path("gold", "seeds.jsonl")
    rows = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = list(itertools.chain.from_iterable(_variants(r) for r in rows))
    _assert_same(gold_path, records)
    # and every subset of one kind of variant, so precision is not always the same mix
    for k in range(1, 15, 3):
        _assert_same(gold_path, [v for r in rows for v in _variants(r)[k:k + 2]])


@pytest.mark.parametrize("level", list(LEVELS))
def test_no_predictions_scores_as_the_official_scorer(level):
    gold_path = shared_path("gold", "seeds.jsonl")
    theirs = _official().score(_official().load(gold_path), [], level)
    mine = score_events(load_gold(gold_path), [], {}).levels[level].total
    assert (mine.precision, round(mine.recall, 3)) == (theirs["precision"], theirs["recall"])
