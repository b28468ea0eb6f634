"""Dating classes of real Indonesian news: a lead told without a day takes the day of the next
sentence that tells the same deed again; a day named right after citing another outlet dates that
outlet's report, not the event. Sentences are our own."""
import datetime

import pytest

from warta.coder import Coder
from warta.lang import available_languages
from warta.model import Document

pytestmark = pytest.mark.skipif("id" not in available_languages(), reason="needs the id pack")

PUBLISHED = datetime.datetime(2019, 9, 20)  # a Friday


def _code(text: str):
    return Coder.load(["id"]).code(Document("t", text, lang="id", published=PUBLISHED))


def test_an_undated_lead_takes_the_day_of_its_retelling():
    analysis = _code("Ketua partai oposisi Jepang memprotes pemerintah dengan menggunduli kepalanya.\n\n"
                     "Politikus itu menggunduli kepalanya di depan kantor perdana menteri pada Rabu (18/9).")
    assert analysis.dates[0] == (datetime.date(2019, 9, 18), "retold")
    assert analysis.events and {e.date for e in analysis.events} == {datetime.date(2019, 9, 18)}


def test_a_lead_is_not_dated_by_a_sentence_about_something_else():
    analysis = _code("Ketua partai oposisi Jepang memprotes pemerintah dengan menggunduli kepalanya.\n\n"
                     "Parlemen Jepang menggelar sidang anggaran pada Rabu (18/9).")
    assert analysis.dates[0] == (datetime.date(2019, 9, 20), "published")


@pytest.mark.parametrize("text, day", [
    ("Dilansir Reuters, Kamis (19/9/2019), militer Jepang menembak kapal Korea Utara pada Selasa (17/9).", 17),
    ("Mengutip kantor berita AFP, Kamis (19/9/2019), Jepang mengecam Korea Utara pada Senin (16/9/2019).", 16),
    ("Jepang mengecam Korea Utara, Senin (16/9/2019).", 16),
])
def test_the_day_of_a_cited_report_is_not_the_events(text, day):
    assert _code(text).dates[0][0] == datetime.date(2019, 9, day)


def test_a_weekday_of_saying_is_not_moved_ahead_by_a_modal_in_what_was_said():
    analysis = _code("Menteri Luar Negeri Jepang mengatakan pada Senin bahwa Jepang akan mengirim kapal ke Laut China Selatan.")
    assert analysis.dates[0] == (datetime.date(2019, 9, 16), "relative")
    analysis = _code("Menteri Luar Negeri Jepang akan bertemu Menteri Luar Negeri Korea Selatan pada Senin.")
    assert analysis.dates[0] == (datetime.date(2019, 9, 23), "relative")


def test_an_event_takes_the_day_named_in_its_own_clause():
    analysis = _code("Pada Rabu (18/9), Presiden Prancis mengumumkan bahwa Prancis telah mengusir Duta Besar Rusia pada Senin malam.")
    assert {(e.code, e.date) for e in analysis.events} == {("161", datetime.date(2019, 9, 16))}


def test_a_weekday_written_with_its_date_is_that_date():
    analysis = _code("Di Tokyo pada hari Kamis 12 September, Perdana Menteri Jepang bertemu Presiden Korea Selatan.")
    assert {e.date for e in analysis.events} == {datetime.date(2019, 9, 12)}
