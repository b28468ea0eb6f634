"""A store written by schema 1 (events = one row per article's event) opens as schema 2."""
from __future__ import annotations

import duckdb
import pytest

from tests.archive.test_reports_to_events import MEETING_A, MEETING_B, _jsonl
from warta.api import Warta
from warta.store import Store
from warta.store.schema import REPORT_COLUMNS

# The schema-1 tables, as the first store wrote them.
V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE documents (
    id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, title TEXT, text TEXT NOT NULL,
    published TIMESTAMP, url TEXT, outlet TEXT, lang TEXT, origin TEXT, dateline_place TEXT,
    pack_version TEXT, coded_at TIMESTAMP, n_sentences INTEGER, n_events INTEGER);
CREATE TABLE sentences (doc_id TEXT NOT NULL, idx INTEGER NOT NULL, start_char INTEGER, end_char INTEGER,
    paragraph INTEGER, is_title BOOLEAN, text TEXT, PRIMARY KEY (doc_id, idx));
CREATE TABLE events (
    id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, sentence_idx INTEGER, date DATE, date_source TEXT,
    source TEXT, target TEXT, source_name TEXT, target_name TEXT, source_actor_name TEXT, target_actor_name TEXT,
    code TEXT NOT NULL, root TEXT NOT NULL, name TEXT, goldstein DOUBLE, quad_class INTEGER, plover TEXT,
    location TEXT, span_start INTEGER, span_end INTEGER, trigger_start INTEGER, trigger_end INTEGER,
    source_start INTEGER, source_end INTEGER, target_start INTEGER, target_end INTEGER,
    evidence TEXT, sentence TEXT, rule TEXT, lang TEXT, pack_version TEXT);
CREATE TABLE read_errors (origin TEXT, code TEXT, reason TEXT, seen_at TIMESTAMP);
INSERT INTO meta VALUES ('schema_version', '1');
"""
DOC_V1 = ("id, content_hash, title, text, published, url, outlet, lang, origin, dateline_place, pack_version, "
          "coded_at, n_sentences, n_events")


@pytest.mark.slow
def test_a_schema_1_store_gets_reports_and_merged_events(tmp_path):
    current = tmp_path / "current.duckdb"
    Warta(current).code([_jsonl(tmp_path / "m.jsonl", MEETING_A, MEETING_B)], keep_records=False)
    old = tmp_path / "old.duckdb"
    cols = ", ".join(REPORT_COLUMNS)
    with duckdb.connect(str(old)) as con:
        con.execute(V1)
        con.execute(f"ATTACH '{current}' AS cur (READ_ONLY)")
        con.execute(f"INSERT INTO documents SELECT {DOC_V1} FROM cur.documents")
        con.execute("INSERT INTO sentences SELECT * FROM cur.sentences")
        con.execute(f"INSERT INTO events SELECT {cols} FROM cur.reports")  # schema 1 kept reports as events
        n_rows = con.execute("SELECT count(*) FROM events").fetchone()[0]
    with Store.open(old) as store:
        counts = store.counts()
        version = store.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
        hashes = store.con.execute("SELECT count(*) FROM documents WHERE text_hash IS NULL OR url_key IS NULL"
                                   ).fetchone()[0]
        migrated = store.con.execute("SELECT report_count, article_count, source_count FROM events ORDER BY ALL"
                                     ).fetchall()
    with Store.open(current, read_only=True) as store:
        fresh = store.con.execute("SELECT report_count, article_count, source_count FROM events ORDER BY ALL"
                                  ).fetchall()
    assert version == "2" and hashes == 0
    assert counts["reports"] == n_rows and counts["events"] < n_rows
    assert migrated == fresh  # the same events a schema-2 run makes (their ids may differ: schema 1 kept
    # no record of the order reports came in, and an event is named after its first report)
    again = Warta(old).code([_jsonl(tmp_path / "m.jsonl", MEETING_A, MEETING_B)], keep_records=False)
    assert again.skipped == 2 and again.documents == 0  # the text hashes filled in recognise them
