"""Property: nothing stops a batch (issue 15).

Hypothesis writes folders of hostile inputs (random bytes, text in mixed encodings and with control
characters, JSON nested thousands deep, lines over the size limit, odd URLs and publication times,
broken gzip, broken CSV, a symlink to itself) beside three good documents, and runs the real
`Warta.code` over them. Whatever it writes: the run ends, every failure carries a code from
warta.errors and names a file of the folder, every good document is stored with its events, and
running again stores nothing more.
"""
from __future__ import annotations

import dataclasses
import gzip
import json
import os
import tempfile
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import warta.errors
from warta import Warta
from warta.settings import Settings

pytestmark = pytest.mark.archive  # slow (tests/conftest.py)

MAX_BYTES = 20_000  # the per-file and per-record limit for these runs: "huge" stays cheap
CODES = {v[0] for k, v in vars(warta.errors).items() if k.startswith("E_") and isinstance(v, tuple)}
GOOD = {
    "good-1.txt": "Presiden Rusia bertemu Presiden Iran di Moskow, Selasa (5/12/2023).",
    "good-record": "Menteri luar negeri Turki dan Iran bertemu di Ankara pada Rabu (6/12/2023).",
    "good-3.html": "Presiden Amerika Serikat mengecam Korea Utara di Washington, Kamis (7/12/2023).",
}
ODD_URLS = ["javascript:void(0)", "https://example.com:99999/x", "http://[::1", "mailto:redaksi@kabar.example",
            "/", "#", "http://kabar.example:abc/", "", " ", "ftp://kabar.example/x", "\x00", "http://" + "a" * 3000,
            "https://kabar.example/berita/1", "data:text/html,<b>x</b>", "//", "http://user:pw@[v1.x]/"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1"]

controls = st.sampled_from(list("\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\u2028\u2029\u200b\ufeff\r\t"))
hostile_text = st.text(alphabet=st.one_of(st.characters(exclude_categories=["Cs"]), controls), max_size=300)
words = st.lists(st.sampled_from(["Presiden", "Iran", "bertemu", "Rusia", "di", "Moskow", "the", "met", "and",
                                  "mengecam", "Korea", "Selasa", "(5/12/2023)", ".", ",", "\n\n", "<p>", "é"]),
                 max_size=60).map(" ".join)
text = st.one_of(hostile_text, words)


def encoded(draw_text=text) -> st.SearchStrategy[bytes]:
    return st.tuples(draw_text, st.sampled_from(ENCODINGS)).map(lambda t: t[0].encode(t[1], errors="replace"))


scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), text)
json_values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                            st.dictionaries(text, inner, max_size=3)), max_leaves=8)
records = st.fixed_dictionaries(
    {"text": st.one_of(text, json_values)},
    optional={"id": st.one_of(text, st.integers()), "url": st.one_of(st.sampled_from(ODD_URLS), text),
              "published": st.one_of(text, st.integers(), st.floats(), st.sampled_from(["2023-99-99", "9999-12-31T99"])),
              "title": json_values, "lang": st.one_of(text, st.sampled_from(["id", "en", "xx", "ID "])),
              "outlet": json_values})
json_line = st.one_of(
    records.map(lambda r: json.dumps(r, ensure_ascii=False)),
    st.integers(1_000, 5_000).map(lambda n: "[" * n + "]" * n),  # deeper than the parser recurses
    st.integers(1_000, 5_000).map(lambda n: '{"text": ' + '{"a": ' * n + "1" + "}" * (n + 1)),
    st.just('{"id": ' + "9" * 5000 + ', "text": "x"}'),  # an integer Python refuses to read
    st.integers(MAX_BYTES + 1, 2 * MAX_BYTES).map(lambda n: json.dumps({"text": "a " * (n // 2)})),  # over the limit
    hostile_text, json_values.map(json.dumps))
csv_cell = st.one_of(text, st.sampled_from(['"', '""', '"open', "a,b", "x\ny", "x\ry", "\x00"]))
csv_text = st.tuples(st.sampled_from(["id,text,url", "text", "judul;text", "nothing,here", "", "te\rxt,id", "text\r"]),
                     st.lists(st.lists(csv_cell, max_size=4).map(",".join), max_size=5)
                     ).map(lambda t: "\n".join([t[0], *t[1]]))


def _gzip(data: bytes, damage: int) -> bytes:
    packed = gzip.compress(data)
    if damage == 1:  # truncated
        return packed[: max(1, len(packed) // 2)]
    if damage == 2:  # a byte flipped in the stream
        i = len(packed) // 2
        return packed[:i] + bytes([packed[i] ^ 0xFF]) + packed[i + 1:]
    return packed


hostile_file = st.one_of(
    st.tuples(st.sampled_from([".txt", "", ".text", ".htm", ".pdf"]), st.one_of(st.binary(max_size=2000), encoded())),
    st.tuples(st.just(".html"), st.one_of(
        encoded(text.map(lambda t: f"<html><body><p>{t}</p></body></html>")), st.binary(max_size=500),
        st.just(b'<html><body><nav><a href="/">Beranda</a> <a href="/n">Nasional</a></nav></body></html>'),
        st.just(b"<html>" + b"<div>" * 5000 + b"Presiden Iran bertemu Presiden Rusia."))),
    st.tuples(st.just(".jsonl"), st.lists(json_line, max_size=6).map(lambda ls: "\n".join(ls).encode("utf-8"))),
    st.tuples(st.just(".csv"), st.one_of(csv_text.map(lambda t: t.encode("utf-8")), encoded(csv_text))),
    st.tuples(st.just(".txt"), st.integers(MAX_BYTES + 1, 2 * MAX_BYTES).map(lambda n: b"kata " * (n // 5 + 1))),
    st.tuples(st.just(".txt"), st.just(b"")),
)
gzipped = st.tuples(hostile_file, st.integers(0, 2)).map(
    lambda t: (t[0][0] + ".gz", _gzip(t[0][1], t[1])))
inputs = st.lists(st.one_of(hostile_file, gzipped), min_size=1, max_size=8)


def _write_good(folder: Path) -> None:
    (folder / "good-1.txt").write_text(GOOD["good-1.txt"], encoding="utf-8")
    (folder / "good-2.jsonl").write_text(json.dumps({"id": "good-record", "text": GOOD["good-record"],
                                                     "url": "https://kabar.example/good-record"}) + "\n",
                                         encoding="utf-8")
    (folder / "good-3.html").write_text(f"<html><body><article><p>{GOOD['good-3.html']}</p></article></body></html>",
                                        encoding="utf-8")


def _counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "sentences", "reports", "events")}
    finally:
        con.close()


def _good_stored(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT d.id, count(r.doc_id) FROM documents d LEFT JOIN reports r ON r.doc_id = d.id "
                           "WHERE d.id IN (SELECT unnest(?)) GROUP BY d.id", [list(GOOD)]).fetchall()
    finally:
        con.close()
    return dict(rows)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(files=inputs)
def test_nothing_stops_a_batch(files):
    run_settings = dataclasses.replace(Settings.load(), max_bytes=MAX_BYTES)
    with tempfile.TemporaryDirectory(prefix="warta-fuzz-") as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        _write_good(folder)
        for i, (ext, data) in enumerate(files):
            (folder / f"h{i:02d}{ext}").write_bytes(data)
        os.symlink("loop.txt", folder / "loop.txt")
        db = Path(tmp) / "w.duckdb"

        report = Warta(db, settings=run_settings).code([folder])  # must not raise

        assert report.n_failed == len(report.errors) >= 1  # the symlink at least
        for err in report.errors:
            assert err.code in CODES and err.reason, err
            assert err.origin.startswith(str(folder)), err
        stored = _good_stored(db)
        assert set(stored) == set(GOOD), f"good documents not stored: {set(GOOD) - set(stored)}"
        assert all(n >= 1 for n in stored.values()), stored  # and their events with them
        before = _counts(db)

        again = Warta(db, settings=run_settings).code([folder])
        assert again.documents == 0 and again.events == 0
        assert again.failed == report.failed
        assert _counts(db) == before
