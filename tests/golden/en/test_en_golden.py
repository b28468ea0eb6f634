"""Golden English articles: text in, expected events out, through the real reader and coder.

The same format as the Indonesian ones (tests/golden/golden.py): each `NAME.txt` here was written
for these tests, and `NAME.expected.jsonl` lists what a careful coder reads in it. An article
passes when every required row is found, no absent row is, and every event coded matches some row.
"""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from tests.golden.golden import GOLDEN, analyse, articles, check_article, check_expectations_and_dateline

ARTICLES = articles("en")


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_golden_article(path):
    analysis = check_article(path)
    assert all(e.lang == "en" and e.rule.startswith("lexicon:en:") for e in analysis.events), \
        [(e.lang, e.rule) for e in analysis.events]


def test_every_article_has_expectations_and_a_dateline():
    assert ARTICLES
    check_expectations_and_dateline(ARTICLES)


def test_dateline_title_and_furniture_are_read_the_way_the_cli_reads_them():
    doc = analyse(GOLDEN / "en" / "moscow_tehran_ties.txt").document
    assert doc.published == datetime(2020, 7, 17, 9, 30, tzinfo=timezone.utc)
    assert doc.dateline_place == "MOSCOW" and doc.title == "Moscow and Tehran agree to deepen ties"
    assert "Advertisement" not in doc.text  # page furniture
