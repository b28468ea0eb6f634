"""Plain-text files, folders, and the checks that refuse bad files."""
import gzip
import time
from datetime import datetime, timezone

from warta.errors import (
    E_BINARY, E_EMPTY, E_ENCODING, E_GZIP, E_NOT_FOUND, E_TOO_LARGE, E_UNSUPPORTED,
)
from warta.model import Document, ReadError
from warta.read import files, read_paths

ARTICLE = (
    "Rabu 06 Dec 2023 08:51 WIB\r\n\r\n"
    "Menlu Bertemu di Ankara\r\n\r\n"
    "Rep: Ani/ Red: Budi\r\n"
    "Kedua menlu berfoto bersama usai pertemuan.\r\n"
    "Foto: AP/Fulan\r\n"
    "Kedua menlu berfoto bersama usai pertemuan.\r\n\r\n"
    "KABAR.CO.ID, ANKARA – Menteri luar negeri Turki dan Iran bertemu di Ankara.\r\n\r\n"
    "Baca Juga\r\n\r\n"
    "Keduanya sepakat memperluas perdagangan.\r\n\r\n"
    "Advertisement\r\n"
)


def one(path, **kw):
    results = list(read_paths([path], **kw))
    assert len(results) == 1, results
    return results[0]


def test_plain_text_article(tmp_path):
    path = tmp_path / "001_abc.txt"
    path.write_bytes(ARTICLE.encode("utf-8"))
    doc = one(path)
    assert isinstance(doc, Document)
    assert doc.id == "001_abc.txt" and doc.origin == str(path)
    assert doc.title == "Menlu Bertemu di Ankara"
    assert doc.text == (
        "Menlu Bertemu di Ankara\n\n"
        "KABAR.CO.ID, ANKARA – Menteri luar negeri Turki dan Iran bertemu di Ankara.\n\n"
        "Keduanya sepakat memperluas perdagangan."
    )
    assert doc.published == datetime(2023, 12, 6, 1, 51, tzinfo=timezone.utc)
    assert doc.dateline_place == "ANKARA"
    assert doc.outlet == "kabar.co.id"
    assert doc.lang is None


def test_file_without_extension_is_text(tmp_path):
    path = tmp_path / "artikel"
    path.write_text("Judul\n\nIsi berita singkat.", encoding="utf-8")
    assert one(path).text == "Judul\n\nIsi berita singkat."


def test_utf8_bom_is_dropped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfJudul\n\nIsi.")
    assert one(path).text.startswith("Judul")


def test_latin1_file_is_decoded(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Le président a visité Jakarta à midi.".encode("latin-1"))
    doc = one(path)
    assert isinstance(doc, Document)
    assert "président a visité Jakarta à midi" in doc.text


def test_stray_byte_in_utf8_keeps_utf8(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes("Menteri bertemu di Düsseldorf dan São Paulo \u2013 lalu pulang.".encode() + b" \x81 selesai.")
    text = one(path).text
    assert "Düsseldorf" in text and "São Paulo" in text


def test_empty_and_blank_files(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b"  \n\t\n ")
    (tmp_path / "c.txt").write_bytes(b"Advertisement\n(0 votes)\n")
    errors = list(read_paths([tmp_path]))
    assert [e.code for e in errors] == [E_EMPTY[0]] * 3
    assert all(e.reason.startswith("the file is empty") for e in errors)


def test_binary_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    err = one(path)
    assert isinstance(err, ReadError) and err.code == E_BINARY[0]
    assert "binary" in err.reason


def test_control_characters_count_as_binary(tmp_path):
    path = tmp_path / "ctl.txt"
    path.write_bytes(b"\x01\x02\x03\x04abc" * 100)
    assert one(path).code == E_BINARY[0]


def test_undecodable_text_is_an_encoding_error(tmp_path):
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(0x80, 0xA0)) * 50 + b"abc")
    err = one(path)
    assert err.code == E_ENCODING[0]
    assert "not valid UTF-8" in err.reason


def test_file_over_the_limit_is_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("Judul\n\n" + "kata " * 1000, encoding="utf-8")
    err = one(path, max_bytes=1000)
    assert err.code == E_TOO_LARGE[0]
    assert "1,000" in err.reason


def test_real_50_mb_file_is_refused_fast_with_default_limit(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        chunk = b"Kalimat berita yang sangat panjang sekali. " * 25_000  # about 1 MB
        for _ in range(50):
            f.write(chunk)
    assert path.stat().st_size > 50_000_000
    def must_not_open(*args, **kwargs):
        raise AssertionError("the file was opened; its size alone should refuse it")

    monkeypatch.setattr(files, "open_binary", must_not_open)
    start = time.perf_counter()
    err = one(path)
    assert err.code == E_TOO_LARGE[0]
    assert time.perf_counter() - start < 0.5


def test_gzipped_text_article_and_decompressed_limit(tmp_path):
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(("Judul\n\n" + "isi " * 2000).encode()))
    assert isinstance(one(path), Document)
    assert one(path, max_bytes=4000).code == E_TOO_LARGE[0]  # small on disk, large unpacked


def test_corrupt_gzip_text(tmp_path):
    path = tmp_path / "a.txt.gz"
    path.write_bytes(b"not gzip at all")
    assert one(path).code == E_GZIP[0]


def test_missing_path_and_unsupported_type(tmp_path):
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    missing = one(tmp_path / "nope.txt")
    assert missing.code == E_NOT_FOUND[0] and missing.origin.endswith("nope.txt")
    unsupported = one(tmp_path / "photo.jpg")
    assert unsupported.code == E_UNSUPPORTED[0] and ".jsonl" in unsupported.reason


def test_folder_walk_is_sorted_recursive_and_skips_hidden(tmp_path):
    for rel in ("b.txt", "a/z.txt", "a/c.txt", "c.txt", ".hidden.txt", ".git/x.txt", "a/.secret.txt"):
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(f"Judul {rel}\n\nIsi.", encoding="utf-8")
    ids = [(d.origin, d.id) for d in read_paths([tmp_path])]
    assert [o for o, _ in ids] == [str(tmp_path / r) for r in ("a/c.txt", "a/z.txt", "b.txt", "c.txt")]
    assert ids[0][1] == "c.txt"


def test_a_bare_string_path_is_one_path(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Judul\n\nIsi.", encoding="utf-8")
    assert [d.id for d in read_paths(str(path))] == ["a.txt"]


def test_bad_file_does_not_stop_the_batch(tmp_path):
    (tmp_path / "1.txt").write_bytes(b"\x00\x01")
    (tmp_path / "2.txt").write_text("Judul\n\nIsi.", encoding="utf-8")
    results = list(read_paths([tmp_path / "0.txt", tmp_path]))
    assert [type(r).__name__ for r in results] == ["ReadError", "ReadError", "Document"]
