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


def test_keys_sent_by_workers_are_planned_as_their_documents(tmp_path):
    """A Dask worker sends DocKeys (URL already normalised there); the planner must skip the same
    duplicates it would skip among whole documents."""
    from warta.ingest.identity import DocKey
    from warta.ingest.plan import SAME_TEXT, SAME_URL, Planner
    from warta.store import Store

    docs = [Document("a", "Satu.", url="https://www.kabar.example/1/"),
            Document("b", "Dua.", url="http://kabar.example/1"),  # the same page fetched again
            Document("c", "Satu."),  # the same words under another id
            Document("d", "Tiga.", url="https://kabar.example/2")]
    with Store.open(tmp_path / "s.duckdb") as store:
        plans = [Planner(store, ["p"]).plan(items) for items in (docs, [DocKey.of(d) for d in docs])]
    assert [[d.id for d in p.to_code] for p in plans] == [["a", "d"], ["a", "d"]]
    assert plans[0].skipped == plans[1].skipped == {SAME_URL: 1, SAME_TEXT: 1}
    assert DocKey.of(docs[0]).url_key == url_key(docs[1].url) == "kabar.example/1"
