"""The embedded store: documents, sentences and events in one DuckDB file.

Writes go in batches, each one transaction, inserted through Arrow tables, so
a crash leaves the file as it was after the last whole batch. A document is
re-coded only when its text or the language pack that coded it changed.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Sequence

import duckdb
import pyarrow as pa

from warta.errors import StoreError
from warta.model import Analysis, ReadError

SCHEMA_VERSION = 1

_DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, title TEXT, text TEXT NOT NULL,
    published TIMESTAMP, url TEXT, outlet TEXT, lang TEXT, origin TEXT, dateline_place TEXT,
    pack_version TEXT, coded_at TIMESTAMP, n_sentences INTEGER, n_events INTEGER
);
CREATE TABLE IF NOT EXISTS sentences (
    doc_id TEXT NOT NULL, idx INTEGER NOT NULL, start_char INTEGER, end_char INTEGER,
    paragraph INTEGER, is_title BOOLEAN, text TEXT, PRIMARY KEY (doc_id, idx)
);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, sentence_idx INTEGER, date DATE, date_source TEXT,
    source TEXT, target TEXT, source_name TEXT, target_name TEXT,
    source_actor_name TEXT, target_actor_name TEXT,
    code TEXT NOT NULL, root TEXT NOT NULL, name TEXT, goldstein DOUBLE, quad_class INTEGER, plover TEXT,
    location TEXT, span_start INTEGER, span_end INTEGER, trigger_start INTEGER, trigger_end INTEGER,
    source_start INTEGER, source_end INTEGER, target_start INTEGER, target_end INTEGER,
    evidence TEXT, sentence TEXT, rule TEXT, lang TEXT, pack_version TEXT
);
CREATE TABLE IF NOT EXISTS read_errors (
    origin TEXT, code TEXT, reason TEXT, seen_at TIMESTAMP
);
"""

EVENT_COLUMNS = (
    "id", "doc_id", "sentence_idx", "date", "date_source", "source", "target", "source_name", "target_name",
    "source_actor_name", "target_actor_name", "code", "root", "name", "goldstein", "quad_class", "plover",
    "location", "span_start", "span_end", "trigger_start", "trigger_end", "source_start", "source_end",
    "target_start", "target_end", "evidence", "sentence", "rule", "lang", "pack_version",
)


@dataclass(frozen=True)
class EventFilter:
    source: str | None = None  # prefix: "IRN" matches IRN, IRNGOV, ...
    target: str | None = None
    code: str | None = None  # prefix: "05" matches 051, 057
    since: str | None = None  # YYYY-MM-DD
    until: str | None = None
    doc: str | None = None
    lang: str | None = None
    limit: int | None = None

    def where(self) -> tuple[str, list]:
        clauses, params = [], []
        for column, value in (("source", self.source), ("target", self.target), ("code", self.code)):
            if value:
                clauses.append(f"{column} LIKE ? || '%'")
                params.append(value.upper() if column != "code" else value)
        if self.since:
            clauses.append("date >= CAST(? AS DATE)")
            params.append(self.since)
        if self.until:
            clauses.append("date <= CAST(? AS DATE)")
            params.append(self.until)
        if self.doc:
            clauses.append("doc_id = ?")
            params.append(self.doc)
        if self.lang:
            clauses.append("lang = ?")
            params.append(self.lang)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


class Store:
    """One DuckDB file. Open with `Store.open(path)`; close when done (or use `with`)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str):
        self.con = con
        self.path = path

    @classmethod
    def open(cls, path: str | Path = "warta.duckdb", read_only: bool = False) -> "Store":
        path = str(path)
        if read_only and path != ":memory:" and not Path(path).exists():
            raise StoreError(f"no store at {path}: run `warta code` first")
        try:
            con = duckdb.connect(path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open {path}: {exc}") from exc
        store = cls(con, path)
        if not read_only:
            con.execute(_DDL)
            con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        return store

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- what is already there -------------------------------------------------

    def known(self, ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        """doc id -> (content hash, pack version) for the ids already stored."""
        if not ids:
            return {}
        rows = self.con.execute(
            "SELECT id, content_hash, pack_version FROM documents WHERE id IN (SELECT unnest(?))", [list(ids)]
        ).fetchall()
        return {r[0]: (r[1], r[2]) for r in rows}

    # -- writing -------------------------------------------------------------------

    def write(self, analyses: Iterable[Analysis], errors: Iterable[ReadError] = ()) -> int:
        """Store a batch in one transaction; returns the number of events written."""
        analyses = list(analyses)
        errors = list(errors)
        docs, sents, evs = _tables(analyses)
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            ids = [a.document.id for a in analyses]
            if ids:
                for table, column in (("events", "doc_id"), ("sentences", "doc_id"), ("documents", "id")):
                    con.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT unnest(?))", [ids])
                con.register("_docs", docs)
                con.register("_sents", sents)
                con.register("_evs", evs)
                con.execute("INSERT INTO documents SELECT * FROM _docs")
                con.execute("INSERT INTO sentences SELECT * FROM _sents")
                con.execute("INSERT INTO events SELECT * FROM _evs")
                for name in ("_docs", "_sents", "_evs"):
                    con.unregister(name)
            if errors:
                now = datetime.now(timezone.utc).replace(tzinfo=None)
                con.executemany("INSERT INTO read_errors VALUES (?, ?, ?, ?)",
                                [(e.origin, e.code, e.reason, now) for e in errors])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        return evs.num_rows

    # -- reading ---------------------------------------------------------------------

    def events(self, flt: EventFilter = EventFilter()) -> list[dict]:
        where, params = flt.where()
        sql = f"SELECT * FROM events{where} ORDER BY date NULLS LAST, doc_id, sentence_idx, code"
        if flt.limit:
            sql += f" LIMIT {int(flt.limit)}"
        cur = self.con.execute(sql, params)
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]

    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "sentences", "events", "read_errors")}


def _tables(analyses: list[Analysis]) -> tuple[pa.Table, pa.Table, pa.Table]:
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    docs = {k: [] for k in ("id", "content_hash", "title", "text", "published", "url", "outlet", "lang", "origin",
                            "dateline_place", "pack_version", "coded_at", "n_sentences", "n_events")}
    sents = {k: [] for k in ("doc_id", "idx", "start_char", "end_char", "paragraph", "is_title", "text")}
    evs = {k: [] for k in EVENT_COLUMNS}
    for a in analyses:
        d = a.document
        pub = d.published.astimezone(timezone.utc).replace(tzinfo=None) if d.published else None
        version = a.pack_version or None
        for k, v in (("id", d.id), ("content_hash", d.content_hash), ("title", d.title), ("text", d.text),
                     ("published", pub), ("url", d.url), ("outlet", d.outlet), ("lang", d.lang),
                     ("origin", d.origin), ("dateline_place", d.dateline_place), ("pack_version", version),
                     ("coded_at", now), ("n_sentences", len(a.sentences)), ("n_events", len(a.events))):
            docs[k].append(v)
        for s in a.sentences:
            for k, v in (("doc_id", d.id), ("idx", s.index), ("start_char", s.start), ("end_char", s.end),
                         ("paragraph", s.paragraph), ("is_title", s.is_title), ("text", s.text)):
                sents[k].append(v)
        for e in a.events:
            row = {
                "id": e.key, "doc_id": e.doc, "sentence_idx": e.sentence, "date": e.date, "date_source": e.date_source,
                "source": e.source, "target": e.target, "source_name": e.source_name, "target_name": e.target_name,
                "source_actor_name": e.source_actor_name, "target_actor_name": e.target_actor_name,
                "code": e.code, "root": e.code[:2], "name": e.name, "goldstein": e.goldstein,
                "quad_class": e.quad_class, "plover": e.plover, "location": e.location,
                "span_start": e.span[0], "span_end": e.span[1],
                "trigger_start": e.trigger_span[0], "trigger_end": e.trigger_span[1],
                "source_start": e.source_span[0] if e.source_span else None,
                "source_end": e.source_span[1] if e.source_span else None,
                "target_start": e.target_span[0] if e.target_span else None,
                "target_end": e.target_span[1] if e.target_span else None,
                "evidence": d.text[e.span[0]: e.span[1]], "sentence": e.sentence_text, "rule": e.rule,
                "lang": e.lang, "pack_version": e.pack_version,
            }
            for k in EVENT_COLUMNS:
                evs[k].append(row[k])
    return (pa.table(docs, schema=_DOC_SCHEMA), pa.table(sents, schema=_SENT_SCHEMA), pa.table(evs, schema=_EVENT_SCHEMA))


_DOC_SCHEMA = pa.schema([
    ("id", pa.string()), ("content_hash", pa.string()), ("title", pa.string()), ("text", pa.string()),
    ("published", pa.timestamp("us")), ("url", pa.string()), ("outlet", pa.string()), ("lang", pa.string()),
    ("origin", pa.string()), ("dateline_place", pa.string()), ("pack_version", pa.string()),
    ("coded_at", pa.timestamp("us")), ("n_sentences", pa.int32()), ("n_events", pa.int32()),
])
_SENT_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("idx", pa.int32()), ("start_char", pa.int32()), ("end_char", pa.int32()),
    ("paragraph", pa.int32()), ("is_title", pa.bool_()), ("text", pa.string()),
])
_INT_COLS = {"sentence_idx", "quad_class", "span_start", "span_end", "trigger_start", "trigger_end",
             "source_start", "source_end", "target_start", "target_end"}
_EVENT_SCHEMA = pa.schema([
    (c, pa.int32() if c in _INT_COLS else pa.float64() if c == "goldstein" else pa.date32() if c == "date"
     else pa.string())
    for c in EVENT_COLUMNS
])
