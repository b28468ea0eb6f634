"""A pack in a script without letter case and with its own punctuation (Arabic: ، ؛ ؟ and
Arabic-Indic digits), from tests/fixtures/packs (not shipped), found through $WARTA_PACKS.

The pack says what differs from the shipped ones in pack.toml: its marks ([punctuation]) and
that a clause may open with its verb (word_order = "VSO"); no stage leans on capitals
(warta/lang/case.py) or on ASCII marks for it.
"""
from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from warta.coder import Coder
from warta.lang import PACKS_ENV, LanguagePack, pack_folder, refresh
from warta.model import Document
from warta.read.metadata import find_dateline
from warta.tabular import read_tsv

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "packs"
PUBLISHED = datetime(2024, 1, 10, tzinfo=timezone.utc)  # a Wednesday


@pytest.fixture(scope="module")
def coder():
    mp = pytest.MonkeyPatch()
    mp.setenv(PACKS_ENV, str(FIXTURES))
    refresh()
    assert pack_folder("ar") == FIXTURES / "ar"
    yield Coder.load(["ar"])
    mp.undo()
    refresh()


def events(coder, text: str) -> list[tuple]:
    analysis = coder.code(Document("d", text, lang="ar", published=PUBLISHED))
    return [(r["source"], r["target"], r["code"], r["date"]) for r in analysis.records()]


def test_every_verb_example_codes_as_expected(coder):
    rows = read_tsv(FIXTURES / "ar" / "verbs.tsv", "warta.verbs.v1")
    assert rows
    for row in rows:
        source, target = row["expect"].split()
        found = events(coder, row["example"])
        assert [(s[:3], t[:3], c) for s, t, c, _ in found] == [(source, target, row["code"])], row["example"]


def test_negation_from_the_packs_words(coder):
    assert events(coder, "روسيا لم تنتقد إيران.") == []


def test_arabic_comma_semicolon_and_question_mark(coder):
    """"،" sets off a relative clause, "؛" and "؟" end clauses and sentences as "," ";" "?" do."""
    found = events(coder, "روسيا، التي انتقدت إيران، التقت مع الأمم المتحدة؛ هل نسيت ذلك؟ إيران انتقدت روسيا.")
    assert [(s, t, c) for s, t, c, _ in found] == [
        ("RUSGOV", "IRNGOV", "111"), ("RUSGOV", "IGOUNO", "040"), ("IRNGOV", "RUSGOV", "111")]


def test_the_packs_own_marks_are_read_as_the_ones_stages_compare(coder):
    """pack.toml [punctuation]: "،" stays in the text and is a "," to the stages."""
    sent = coder.code(Document("d", "الأمم المتحدة، روسيا و إيران التقت؟", lang="ar")).sentences[0]
    assert [(t.text, t.lower) for t in sent.tokens if not t.text.isalpha()] == [("،", ","), ("؟", "?")]


def test_a_list_set_off_by_arabic_commas(coder):
    """"The UN, Russia and Iran met": three parties, as the English list with ASCII commas gives."""
    assert [(s, t, c) for s, t, c, _ in events(coder, "الأمم المتحدة، روسيا و إيران التقت.")] == [
        ("IGOUNO", "RUSGOV", "040"), ("IGOUNO", "IRNGOV", "040"), ("RUSGOV", "IRNGOV", "040")]


@pytest.mark.parametrize("text", ["روسيا انتقدت إيران في 8 يناير 2024.", "روسيا انتقدت إيران في ٨ يناير ٢٠٢٤."])
def test_a_date_in_the_text_with_either_digits(coder, text):
    assert [d for *_, d in events(coder, text)] == ["2024-01-08"]


def test_a_dateline_with_an_arabic_comma_and_the_packs_zone(coder):
    published, _ = find_dateline("الاثنين، ٨ يناير ٢٠٢٤ 10:30 AST\n\nعنوان\n\nروسيا انتقدت إيران.")
    assert published == datetime(2024, 1, 8, 7, 30, tzinfo=timezone.utc)


def test_the_pack_is_caseless(coder):
    pack = LanguagePack.load("ar")
    assert all(a.lower() == a.upper() for entry in pack.actors for a in entry.names)


def test_a_weekday_dates_the_event(coder):
    assert [d for *_, d in events(coder, "روسيا انتقدت إيران يوم الاثنين.")] == [date(2024, 1, 8).isoformat()]


@pytest.mark.parametrize("text, expected", [
    ("انتقدت روسيا إيران.", [("RUSGOV", "IRNGOV", "111")]),  # criticised Russia Iran
    ("التقت روسيا مع إيران.", [("RUSGOV", "IRNGOV", "040")]),  # met Russia with Iran
    ("انتقدت روسيا و إيران الأمم المتحدة.", [("RUSGOV", "IGOUNO", "111"), ("IRNGOV", "IGOUNO", "111")]),
    ("انتقدت روسيا.", []),  # no object: no event
])
def test_a_verb_first_sentence(coder, text, expected):
    """pack.toml word_order = "VSO": a predicate with no subject before it takes the first party after it."""
    assert [(s, t, c) for s, t, c, _ in events(coder, text)] == expected


def test_a_dateline_place_before_a_known_agency(coder):
    """No capitals to tell a place by: the place is the words before an agency the packs know."""
    assert find_dateline("عنوان\n\nموسكو (رويترز) - روسيا انتقدت إيران.")[1] == "موسكو"
    assert find_dateline("عنوان\n\nموسكو (وكالة) - روسيا انتقدت إيران.")[1] is None  # an agency no pack knows
    assert find_dateline("Judul\n\nparis (Reuters) - Rusia mengecam Iran.")[1] is None  # lower case in a cased script
