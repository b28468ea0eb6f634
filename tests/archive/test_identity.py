"""What counts as the same document (warta.ingest.identity)."""
from __future__ import annotations

from warta.ingest.identity import origin_file, text_hash, url_key
from warta.model import Document


def test_text_hash_ignores_the_id_and_where_it_was_found():
    a = Document("a", "Teks berita.", title="Judul", origin="x.jsonl:3")
    b = Document("b", "Teks berita.", title="Judul", origin="y.csv:9", url="https://e.example/1")
    assert text_hash(a) == text_hash(b)
    assert text_hash(a) != text_hash(Document("a", "Teks berita lain.", title="Judul"))
    assert text_hash(a) != text_hash(Document("a", "Teks berita.", title="Judul lain"))


def test_url_key_drops_what_does_not_change_the_article():
    key = url_key("https://www.Kabar.example/berita/1/")
    assert key == url_key("http://kabar.example/berita/1#komentar") == url_key(" kabar.example/berita/1 ")
    assert key != url_key("https://kabar.example/berita/2")
    assert url_key("https://kabar.example/b?id=1") != url_key("https://kabar.example/b?id=2")
    assert url_key(None) is None and url_key("  ") is None


def test_origin_file_drops_a_record_line_number():
    assert origin_file("/data/dump.jsonl:17") == "/data/dump.jsonl"
    assert origin_file("/data/2024/index.txt") == "/data/2024/index.txt"
    assert origin_file(None) == ""
