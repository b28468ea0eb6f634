"""Inputs that once stopped a whole batch (issue 15): each is now one named error, or read."""
from __future__ import annotations

import json
import os

import pytest

from warta import Warta
from warta.errors import E_CSV, E_HTML, E_JSON, E_NESTING, E_UNREADABLE
from warta.ingest.identity import url_key
from warta.ingest.report import CodeReport
from warta.model import Document, ReadError
from warta.read import read_paths
from warta.read.files import looks_binary, utf16_order

GOOD = "Presiden Rusia bertemu Presiden Iran di Moskow, Selasa (5/12/2023)."
OTHER = "Menteri luar negeri Turki dan Iran bertemu di Ankara pada Rabu (6/12/2023)."


def _record(text: str, **fields) -> str:
    return json.dumps({"text": text, **fields}, ensure_ascii=False)


@pytest.mark.parametrize("url", ["javascript:void(0)", "https://example.com:99999/x", "http://kabar.example:abc/",
                                 "http://[::1", "mailto:redaksi@kabar.example", "/", "#"])
def test_a_url_with_no_usable_address_has_no_key(url):
    assert url_key(url) is None


def test_url_keys_of_real_addresses_are_kept():
    assert url_key("kabar.example:8080/x") == "kabar.example:8080/x"
    assert url_key("HTTPS://www.Kabar.example:443/a/") == "kabar.example/a"


@pytest.mark.slow
def test_records_with_bad_urls_are_coded_and_not_taken_for_duplicates(tmp_path):
    """`.port` of these raised ValueError and ended the run; a junk URL shared by two records must not
    make the second a duplicate of the first either."""
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join([_record(GOOD, id="a", url="javascript:void(0)"),
                               _record(OTHER, id="b", url="javascript:void(0)"),
                               _record(GOOD + " Lagi.", id="c", url="https://example.com:99999/x")]) + "\n",
                    encoding="utf-8")
    report = Warta(tmp_path / "w.duckdb", languages=["id"], learn=False).code([path])
    assert (report.documents, report.n_failed, sum(report.duplicates.values())) == (3, 0, 0)


def test_deeply_nested_json_line_is_a_named_error_and_the_file_goes_on(tmp_path):
    path = tmp_path / "deep.jsonl"
    deep = "[" * 100_000 + "]" * 100_000
    huge_number = '{"id": ' + "7" * 5000 + ', "text": "x"}'
    path.write_text("\n".join([_record(GOOD, id="a"), deep, '{"text": ' + deep + "}", huge_number,
                               _record(OTHER, id="b")]) + "\n", encoding="utf-8")
    results = list(read_paths([path]))
    assert [r.id for r in results if isinstance(r, Document)] == ["a", "b"]
    errors = [r for r in results if isinstance(r, ReadError)]
    assert [(e.origin, e.code) for e in errors] == [(f"{path}:2", E_NESTING[0]), (f"{path}:3", E_NESTING[0]),
                                                    (f"{path}:4", E_JSON[0])]
    assert "nested too deeply" in errors[0].reason and "digits" in errors[2].reason


def test_a_csv_header_with_a_bare_carriage_return_is_a_named_error(tmp_path):
    """Found by tests/archive/test_fuzz_inputs.py: csv.Error from the header row ended the run."""
    bad = tmp_path / "a.csv"
    bad.write_bytes(b"te\rxt,id\nx,1\n")
    good = tmp_path / "b.csv"
    good.write_text(f"id,text\nb1,\"{GOOD}\"\n", encoding="utf-8")
    results = list(read_paths([bad, good]))
    assert isinstance(results[0], ReadError) and results[0].code == E_CSV[0] and "header row" in results[0].reason
    assert [r.id for r in results[1:]] == ["b1"]


@pytest.mark.slow
def test_a_symlink_to_itself_in_a_folder_is_a_named_error(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    os.symlink("loop.txt", folder / "loop.txt")
    (folder / "z.txt").write_text(OTHER, encoding="utf-8")
    results = list(read_paths([folder]))
    assert [r.id for r in results if isinstance(r, Document)] == ["a.txt", "z.txt"]
    [err] = [r for r in results if isinstance(r, ReadError)]
    assert err.origin == str(folder / "loop.txt") and err.code == E_UNREADABLE[0]
    assert "symbolic links" in err.reason
    report = Warta(tmp_path / "w.duckdb", languages=["id"], learn=False).code([folder])
    assert report.documents == 2 and dict(report.failed) == {E_UNREADABLE[0]: 1}


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(tmp_path, encoding):
    text = "Judul Berita\n\n" + GOOD + "\n\nKedua presiden membahas kerja sama ekonomi."
    path = tmp_path / "artikel.txt"
    path.write_bytes(text.encode(encoding))
    [doc] = read_paths([path])
    assert isinstance(doc, Document), doc
    assert doc.text == text and doc.title == "Judul Berita"


def test_binary_with_nuls_is_still_binary():
    numbers = b"".join(i.to_bytes(2, "little") for i in range(300))  # NULs in alternate places, not text
    assert utf16_order(numbers) is None and looks_binary(numbers)
    assert looks_binary(bytes(range(256)) * 8)
    assert not looks_binary("Teks biasa saja.".encode("utf-16-le"))


def test_a_page_of_navigation_only_is_no_article(tmp_path):
    menu = tmp_path / "menu.html"
    menu.write_text('<html><head><title>Menu</title></head><body><nav><ul><li><a href="/">Home</a></li>'
                    '<li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></body></html>',
                    encoding="utf-8")
    bar = tmp_path / "bar.html"
    bar.write_text('<html><body><div class="menu"><a href="/">Beranda</a> | <a href="/n">Nasional</a> | '
                   '<a href="/i">Internasional</a></div></body></html>', encoding="utf-8")
    article = tmp_path / "article.html"
    article.write_text(f'<html><body><nav><a href="/">Beranda</a></nav><p>{GOOD}</p></body></html>',
                       encoding="utf-8")
    results = list(read_paths([article, bar, menu]))
    assert isinstance(results[0], Document) and GOOD in results[0].text
    for err in results[1:]:
        assert isinstance(err, ReadError) and err.code == E_HTML[0] and "only navigation" in err.reason


def test_counts_in_messages_agree_with_their_nouns(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text("id,text\nsolo\n", encoding="utf-8")
    [err] = read_paths([path])
    assert "the row has 1 field but the header has 2" in err.reason
    one = CodeReport(read=1, documents=1, events=1, new_events=1)
    one.failed[E_JSON[0]] = 1
    one.reasons[E_JSON[0]] = "malformed JSON"
    assert one.summary() == ("1 document read: 1 document coded, 0 unchanged and skipped, 0 skipped as duplicates; "
                             "1 event stored as 1 new merged event (0 joined events already told); "
                             "1 input failed: 1 x W006 malformed JSON")
