"""Datelines: publication time, place and outlet from the top of an article."""
from datetime import datetime, timezone

import pytest

from warta.read.metadata import (
    build_document, find_dateline, find_outlet, guess_title, outlet_from_url, parse_published,
    strip_date_lines,
)

UTC = timezone.utc


@pytest.mark.parametrize("line, expected", [
    ("Rabu 06 Dec 2023 08:51 WIB", datetime(2023, 12, 6, 1, 51, tzinfo=UTC)),
    ("Selasa, 5 Desember 2023 14.30 WITA", datetime(2023, 12, 5, 6, 30, tzinfo=UTC)),
    ("Kamis, 7 Des 2023 | 10:00 WIT", datetime(2023, 12, 7, 1, 0, tzinfo=UTC)),
    ("Tuesday, 5 December 2023", datetime(2023, 12, 5, tzinfo=UTC)),
    ("December 5, 2023 10:00 GMT", datetime(2023, 12, 5, 10, 0, tzinfo=UTC)),
    ("2023-12-05", datetime(2023, 12, 5, tzinfo=UTC)),
    ("Published: 2023-12-05T14:30:00+07:00", datetime(2023, 12, 5, 7, 30, tzinfo=UTC)),
    ("05/12/2023 09:15 WIB", datetime(2023, 12, 5, 2, 15, tzinfo=UTC)),
])
def test_dateline_is_read_and_converted_to_utc(line, expected):
    published, _ = find_dateline(f"{line}\n\nJudul Berita\n\nIsi berita panjang di sini.")
    assert published == expected


def test_a_bare_date_keeps_its_day_even_in_an_eastern_zone():
    published, _ = find_dateline("Selasa, 5 Desember 2023 WIB\n\nIsi.")
    assert published.date().isoformat() == "2023-12-05"


def test_a_date_inside_a_sentence_is_not_a_dateline():
    text = "Judul\n\nPresiden bertemu menteri pada hari Kamis (16/7/2020) di istana negara untuk membahas anggaran."
    assert find_dateline(text) == (None, None)


@pytest.mark.parametrize("lead, place", [
    ("REPUBLIKA.CO.ID, MOSKOW – Rusia dan Iran menandatangani deklarasi.", "MOSKOW"),
    ("JAKARTA (ANTARA) - Presiden meresmikan bendungan.", "JAKARTA"),
    ("MOSCOW (Reuters) - Russia and Iran signed a declaration.", "MOSCOW"),
    ("MOSCOW, Dec 5 (Reuters) - Russia and Iran signed a declaration.", "MOSCOW"),
    ("Jakarta (ANTARA) - Presiden meresmikan bendungan.", "Jakarta"),
    ("JAKARTA, KOMPAS.com - Presiden meresmikan bendungan.", "JAKARTA"),
    ("TEMPO.CO, Jakarta - Presiden meresmikan bendungan.", "Jakarta"),
    ("KUALA LUMPUR - Polisi menangkap tersangka.", "KUALA LUMPUR"),
])
def test_dateline_place(lead, place):
    assert find_dateline(f"Judul Berita\n\n{lead}")[1] == place


def test_no_place_in_an_ordinary_lead():
    assert find_dateline("Judul\n\nPresiden Iran dan Rusia (AS) menyatakan tekad bersama.")[1] is None


def test_outlet_from_dateline_and_url():
    assert find_outlet("Judul\n\nREPUBLIKA.CO.ID, MOSKOW – Isi.") == "republika.co.id"
    assert find_outlet("Judul\n\nJAKARTA, KOMPAS.com - Isi.") == "kompas.com"
    assert find_outlet("Judul\n\nPresiden berkata.") is None
    assert outlet_from_url("https://www.antaranews.com/berita/123") == "antaranews.com"
    assert outlet_from_url("http://m.detik.com:8080/x") == "detik.com"
    assert outlet_from_url(None) is None


def test_date_only_line_is_removed_but_dateline_prefix_stays():
    text = "Rabu 06 Dec 2023 08:51 WIB\n\nJudul\n\nREPUBLIKA.CO.ID, MOSKOW – Rusia menandatangani deklarasi."
    out = strip_date_lines(text)
    assert "08:51" not in out
    assert "REPUBLIKA.CO.ID, MOSKOW – Rusia" in out


def test_date_line_with_words_is_kept():
    text = "Judul\n\nPada 5 Desember 2023 Presiden meresmikan jembatan baru yang panjang sekali."
    assert strip_date_lines(text) == text


@pytest.mark.parametrize("value, expected", [
    ("2023-12-05T10:00:00Z", datetime(2023, 12, 5, 10, tzinfo=UTC)),
    ("2023-12-05T14:30:00+07:00", datetime(2023, 12, 5, 7, 30, tzinfo=UTC)),
    ("2023-12-05", datetime(2023, 12, 5, tzinfo=UTC)),
    ("5 Desember 2023", datetime(2023, 12, 5, tzinfo=UTC)),
    (1701770400, datetime(2023, 12, 5, 10, tzinfo=UTC)),
    ("kemarin", None),
    ("not a date", None),
    ("", None),
    (None, None),
])
def test_parse_published(value, expected):
    assert parse_published(value) == expected


def test_title_guess():
    assert guess_title("Judul Pendek\n\nIsi.") == "Judul Pendek"
    assert guess_title("Kalimat pertama berakhir titik.\n\nIsi.") is None
    assert guess_title("Hanya satu baris") is None
    assert guess_title("x" * 250 + "\n\nIsi.") is None


def test_build_document_puts_a_given_title_first_once():
    doc = build_document(id="a", raw_text="Isi berita.\n\nJudul Resmi\n\nLanjutan.", origin="a",
                         title="Judul  Resmi")
    assert doc.title == "Judul Resmi"
    assert doc.text == "Judul Resmi\n\nIsi berita.\n\nLanjutan."
