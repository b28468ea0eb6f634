"""JSON Lines and CSV record files, plain and gzipped."""
import gzip
import json
from datetime import datetime, timezone

from warta.errors import E_CSV, E_EMPTY, E_GZIP, E_JSON, E_RECORD, E_TOO_LARGE
from warta.model import Document, ReadError
from warta.read import read_paths


def jsonl(*records) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records) + "\n"


def test_jsonl_with_a_malformed_line_reads_the_rest(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(jsonl(
        {"id": "a1", "title": "Judul Satu", "text": "Isi pertama.", "published": "2023-12-05T14:30:00+07:00",
         "url": "https://www.contoh.com/a1", "lang": "ID"},
        '{"id": "a2", "text": "tanpa penutup"',
        "",
        {"text": "Isi ketiga tanpa id."},
        ["not", "an", "object"],
        {"id": "a5", "text": "   "},
    ), encoding="utf-8")
    results = list(read_paths([path]))
    assert [type(r).__name__ for r in results] == ["Document", "ReadError", "Document", "ReadError", "ReadError"]
    first, bad, third, array, blank = results
    assert first.id == "a1" and first.origin == f"{path}:1"
    assert first.text == "Judul Satu\n\nIsi pertama." and first.title == "Judul Satu"
    assert first.published == datetime(2023, 12, 5, 7, 30, tzinfo=timezone.utc)
    assert first.outlet == "contoh.com" and first.lang == "id"
    assert bad.origin == f"{path}:2" and bad.code == E_JSON[0] and bad.reason.startswith("malformed JSON")
    assert third.id == "batch.jsonl:4" and third.lang is None
    assert array.code == E_RECORD[0] and array.origin.endswith(":5")
    assert blank.code == E_RECORD[0] and "'text'" in blank.reason


def test_record_outlet_field_wins_over_url(tmp_path):
    path = tmp_path / "a.ndjson"
    path.write_text(jsonl({"id": 7, "text": "Isi.", "url": "https://x.org/1", "outlet": "Kabar"}))
    doc = next(read_paths([path]))
    assert doc.id == "7" and doc.outlet == "Kabar"


def test_csv_with_quoted_multiline_text(tmp_path):
    path = tmp_path / "batch.csv"
    path.write_text(
        'id,title,text,published\n'
        'c1,Judul Satu,"Paragraf pertama, dengan koma.\n\nParagraf ""kedua"".",2023-12-05\n'
        'c2,,"Satu baris saja.",\n'
        ',Tanpa Id,"Baris ketiga.",\n',
        encoding="utf-8",
    )
    docs = list(read_paths([path]))
    assert all(isinstance(d, Document) for d in docs) and len(docs) == 3
    assert docs[0].text == 'Judul Satu\n\nParagraf pertama, dengan koma.\n\nParagraf "kedua".'
    assert docs[0].published == datetime(2023, 12, 5, tzinfo=timezone.utc)
    assert docs[1].title is None and docs[1].origin == f"{path}:5"
    assert docs[2].id == "batch.csv:6"


def test_csv_semicolon_and_bad_rows(tmp_path):
    path = tmp_path / "b.csv"
    path.write_text("id;text\nx1;Isi satu.\nx2;Isi dua.;lebih\nx3;Isi tiga.\n", encoding="utf-8")
    results = list(read_paths([path]))
    assert [getattr(r, "id", None) for r in results] == ["x1", None, "x3"]
    assert results[1].code == E_CSV[0] and results[1].origin == f"{path}:3"


def test_csv_without_text_column(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("id,body\n1,Isi.\n", encoding="utf-8")
    (err,) = read_paths([path])
    assert err.code == E_CSV[0] and "'text' column" in err.reason


def test_csv_large_field_is_allowed(tmp_path):
    path = tmp_path / "big.csv"
    big = "Kalimat panjang. " * 20_000  # beyond csv's default 131072-character field limit
    path.write_text(f'id,text\nb1,"{big}"\n', encoding="utf-8")
    (doc,) = read_paths([path])
    assert isinstance(doc, Document) and len(doc.text) > 300_000


def test_jsonl_gz_is_streamed_and_limit_applies_per_record(tmp_path):
    path = tmp_path / "batch.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(jsonl({"id": "g1", "text": "Pendek."}, {"id": "g2", "text": "panjang " * 500},
                      {"id": "g3", "text": "Pendek juga."}))
    results = list(read_paths([path], max_bytes=1000))
    assert [getattr(r, "id", None) for r in results] == ["g1", None, "g3"]
    assert results[1].code == E_TOO_LARGE[0] and results[1].origin == f"{path}:2"


def test_corrupt_gzip(tmp_path):
    path = tmp_path / "bad.jsonl.gz"
    path.write_bytes(b"this is not gzip data\n")
    (err,) = read_paths([path])
    assert isinstance(err, ReadError) and err.code == E_GZIP[0]
    assert err.reason.startswith("the gzip stream is corrupt")


def test_truncated_gzip_keeps_the_records_before_the_damage(tmp_path):
    path = tmp_path / "cut.jsonl.gz"
    records = jsonl(*({"id": f"r{i}", "text": f"Isi nomor {i} " * 20} for i in range(2000)))
    data = gzip.compress(records.encode())
    path.write_bytes(data[: len(data) // 2])
    results = list(read_paths([path]))
    assert isinstance(results[0], Document) and results[0].id == "r0"
    assert isinstance(results[-1], ReadError) and results[-1].code == E_GZIP[0]
    assert 0 < len(results) - 1 < 2000


def test_empty_record_file(tmp_path):
    path = tmp_path / "none.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    (err,) = read_paths([path])
    assert err.code == E_EMPTY[0]


def test_overlong_jsonl_line_is_skipped_not_loaded(tmp_path):
    path = tmp_path / "long.jsonl"
    path.write_text(jsonl({"id": "l1", "text": "x" * 5000}, {"id": "l2", "text": "Isi."}), encoding="utf-8")
    results = list(read_paths([path], max_bytes=1000))
    assert results[0].code == E_TOO_LARGE[0] and results[0].origin == f"{path}:1"
    assert results[1].id == "l2"


def test_latin1_line_in_jsonl(tmp_path):
    path = tmp_path / "l.jsonl"
    path.write_bytes('{"id": "e1", "text": "Le président à Jakarta."}\n'.encode("latin-1"))
    (doc,) = read_paths([path])
    assert "président à Jakarta" in doc.text
