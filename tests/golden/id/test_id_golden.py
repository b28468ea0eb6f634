"""Golden Indonesian articles: text in, expected events out, through the real reader and coder.

Each `NAME.txt` here was written for these tests (no outlet's text is copied);
`NAME.expected.jsonl` lists, one per line, what a careful coder reads in it
(the format, shared with every language, is described in tests/golden/golden.py).

An article passes when every required row is found, no absent row is, and
every event coded matches some row: the golden set guards precision as well
as recall. The paragraphs named `heldout_*` are scored together instead
(test_heldout_precision), since they stand for unseen news.
"""
from __future__ import annotations

import pytest

from tests.golden.golden import (analyse, articles, check_article, check_expectations_and_dateline, expectations,
                                 heldout, matches, show)

ARTICLES = articles("id")
HELDOUT = heldout("id")


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_golden_article(path):
    check_article(path)


def test_every_article_has_expectations_and_a_dateline():
    check_expectations_and_dateline(ARTICLES + HELDOUT)


def _heldout_score(sector: bool) -> tuple[float, float, list]:
    found = required = good = predicted = 0
    misses = []
    for path in HELDOUT:
        rows = expectations(path)
        wanted = [r for r in rows if not r.get("absent")]
        events = analyse(path).events
        # identical predictions count once, as the shared scorer counts them
        unique = {(e.source, e.target, e.code, e.date): e for e in events}.values()
        for r in wanted:
            if not r.get("optional"):
                required += 1
                if any(matches(e, r, sector, exact=False) for e in unique):
                    found += 1
                else:
                    misses.append((path.stem, r["why"]))
        for e in unique:
            predicted += 1
            if any(matches(e, r, sector, exact=False) for r in wanted):
                good += 1
            else:
                misses.append((path.stem, show([e])))
    return good / max(predicted, 1), found / max(required, 1), misses


@pytest.mark.parametrize("sector", [False, True], ids=["country+root", "sector+root"])
def test_heldout_precision_and_recall(sector):
    """The held-out paragraphs, scored like the shared scorer scores the seeds."""
    assert len(HELDOUT) >= 10
    precision, recall, misses = _heldout_score(sector)
    assert precision >= 0.9, f"precision {precision:.2f}: {misses}"
    assert recall >= 0.8, f"recall {recall:.2f}: {misses}"
