"""The English example articles in examples/en code what a reader would code."""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest

from warta.coder import Coder
from warta.lang import LanguagePack
from warta.model import Analysis
from warta.read.metadata import build_document

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "en"


@lru_cache(maxsize=1)
def _coder() -> Coder:
    return Coder.load()  # every pack: the language is detected, not given


def coded(name: str) -> Analysis:
    path = EXAMPLES / name
    doc = build_document(id=path.stem, raw_text=path.read_text(encoding="utf-8"), origin=str(path),
                         furniture=LanguagePack.load("en").furniture)
    return _coder().code(doc)


def events(a: Analysis) -> set[tuple]:
    return {(e.source, e.target, e.code, e.date) for e in a.events}


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt")), ids=lambda p: p.stem)
def test_example_is_read_as_english_with_dated_evidence(path):
    a = coded(path.name)
    assert a.document.lang == "en"
    assert a.document.published is not None
    assert len(a.events) >= 4
    for e in a.events:
        assert e.rule.startswith("lexicon:en:") and e.date is not None
        assert a.document.text[e.span[0]:e.span[1]] in e.sentence_text.replace("\n", " ") or \
            a.document.text[e.span[0]:e.span[1]] in e.sentence_text


def test_phone_call_article():
    a = coded("putin_rouhani_moscow.txt")
    got = events(a)
    assert ("RUSGOV", "IRNGOV", "041", date(2020, 7, 16)) in got
    assert ("USAGOV", "IRNGOV", "111", date(2020, 7, 15)) in got  # passive, "on Wednesday"
    assert ("RUSGOV", "IRNGOV", "036", date(2020, 7, 16)) in got  # "plans to visit": intent only
    assert not [e for e in a.events if "did not meet" in e.sentence_text]  # negated
    assert "Advertisement" not in a.document.text


def test_maritime_article():
    got = events(coded("jakarta_tokyo_maritime.txt"))
    assert ("IDNGOV", "JPNGOV", "040", date(2024, 10, 14)) in got
    assert ("IDNGOV", "JPNGOV", "057", date(2024, 10, 14)) in got
    assert ("JPNGOV", "IDNGOV", "033", date(2024, 10, 14)) in got
    assert ("CHNMIL", "TWN", "150", date(2024, 10, 14)) in got  # the drills belong to the Chinese military


def test_gaza_article():
    a = coded("gaza_ceasefire_talks.txt")
    got = events(a)
    assert ("IGOUNO", "ISRGOV", "0256", date(2024, 3, 9)) in got
    assert ("PSEREB", "ISR", "195", date(2024, 3, 8)) in got
    assert ("IDNGOV", "PSEGOV", "073", date(2024, 3, 8)) in got  # undated: the last day the story named
    assert {e.target for e in a.events if e.source == "QATGOV"} == {"ISRGOV", "PSEREB"}  # "both sides": a country party acts through its government


def test_sanctions_article():
    got = events(coded("kyiv_sanctions.txt"))
    assert ("IGOEUREEC", "RUSGOV", "163", date(2023, 12, 5)) in got
    assert ("RUSMIL", "UKR", "194", date(2023, 12, 5)) in got
    assert ("UKRGOV", "RUSGOV", "1124", date(2023, 12, 5)) in got
    assert ("RUSGOV", "POLGOV", "161", date(2023, 12, 5)) in got
