"""The embedded store: documents, sentences, reports and events in one DuckDB file.

Tables (their columns: warta.store.schema):
  documents   one row per article, with its text, so events can be re-derived
  sentences   the sentences of each document
  reports     one row per event as one article codes it (what `events` held in
              schema 1); `event_id` names the event it was merged into
  events      one row per merged event (warta.store.merge): the columns of its first
              report, plus `report_count`, `article_count`, `source_count`
              (GDELT's NumMentions, NumArticles, NumSources); counting rows
              counts events, summing `report_count` counts reports
  read_errors inputs that could not be read, once per (origin, code)
  runs        each `warta code` / `warta recode` run; an unfinished one keeps the actor
              knowledge it started with, so the run that finishes its job codes with it too
  event_report_counts  a view: the same three counts, computed live from reports

Writes go in batches, each one transaction inserted through Arrow tables, so
a crash leaves the file as it was after the last whole batch, merges
included. Queries and the merge never hold more than a batch in memory.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Sequence

import duckdb
import pyarrow as pa

from warta.errors import StoreError
from warta.ingest.identity import HASH_CHARS, SEPARATOR, url_key
from warta.model import Analysis, ReadError
from warta.query import EventQuery
from warta.store import merge, schema
from warta.store.duck import connect, query_dicts
from warta.store.merger import Merger, doc_info
from warta.store.rows import Tables, tables

# DuckDB's own memory (buffers, indexes, sorts): without a cap it caches up to 80% of the machine's
# memory and grows with the store; with one it spills to `<db>.tmp` and a run stays flat.
MEMORY_LIMIT = "512MB"
# How much a writer appends to the write-ahead log before DuckDB folds it into the file. Each fold
# compresses the new rows and rewrites the tables' last, partly filled row groups again, so the fewer
# folds the less work: at DuckDB's 16 MB default folding was a fifth of the writer's CPU, and 256 MB
# takes a fifth less than 64 MB over a 380 MB store (benchmarks/archive.py). Data is just as safe (the
# log is fsynced at each commit), the file is folded when the store is closed, a killed run's log is
# replayed on open (0.4 s for 150 MB), and rows not yet folded stay under MEMORY_LIMIT.
CHECKPOINT_THRESHOLD = "256MB"

# The one query object (warta.query): `warta events`, `warta export`, the dyads and the REST API
# filter with it; the old name stays for callers of Store.events(EventFilter(...)).
EventFilter = EventQuery


@dataclass(frozen=True)
class Written:
    """What one batch added."""

    documents: int
    reports: int
    new_events: int  # events first told in this batch
    merged: int  # reports that joined an event another report made


@dataclass(frozen=True)
class Known:
    """What the store already holds of a batch's documents."""

    by_id: dict[str, tuple[str, str | None, str | None, str | None]]  # id -> (content hash, pack, origin, engine)
    by_text: dict[str, str]  # text hash -> id
    by_url: dict[str, str]  # url key -> id


class Store:
    """One DuckDB file. Open with `Store.open(path)`; close when done (or use `with`)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, rule: merge.MergeRule = merge.MergeRule()):
        self.con = con
        self.path = path
        self.merger = Merger(con, rule)
        self._seq: int | None = None  # the last report's seq, read once

    @classmethod
    def open(cls, path: str | Path = "warta.duckdb", read_only: bool = False,
             rule: merge.MergeRule = merge.MergeRule(), memory_limit: str = MEMORY_LIMIT) -> "Store":
        path = str(path)
        con = connect(path, read_only)
        store = cls(con, path, rule)
        con.execute(f"SET memory_limit = '{memory_limit}'")
        if not read_only:
            con.execute(f"SET checkpoint_threshold = '{CHECKPOINT_THRESHOLD}'")
            store._migrate()
        return store

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- schema --------------------------------------------------------------------

    def _migrate(self) -> None:
        """Create the tables, or bring a schema-1 store (events = reports) up to date."""
        con = self.con
        for table in schema.BASE_TABLES:
            con.execute(table.create())
        for table in schema.BASE_TABLES:
            for sql in table.add_columns():
                con.execute(sql)
        if not self._has_table("reports"):
            con.execute("BEGIN TRANSACTION")
            con.execute(schema.REPORTS.create(if_not_exists=False, added=True))
            cols = ", ".join(schema.REPORT_COLUMNS)
            con.execute(f"INSERT INTO reports ({cols}) SELECT {cols} FROM events")  # schema 1: a row per report
            con.execute("DELETE FROM events")
            con.execute(f"UPDATE documents SET text_hash = substr(sha256(coalesce(title, '') || chr({ord(SEPARATOR)})"
                        f" || text), 1, {HASH_CHARS}) WHERE text_hash IS NULL")
            urls = con.execute("SELECT id, url FROM documents WHERE url IS NOT NULL AND url_key IS NULL").fetchall()
            if urls:
                con.register("_urls", pa.table({"id": [u[0] for u in urls], "k": [url_key(u[1]) for u in urls]}))
                con.execute("UPDATE documents SET url_key = _urls.k FROM _urls WHERE documents.id = _urls.id")
                con.unregister("_urls")
            con.execute("COMMIT")
        for sql in schema.REPORTS.add_columns():
            con.execute(sql)
        con.execute(schema.VIEWS)
        con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(schema.SCHEMA_VERSION)])
        self.merge_pending()  # reports of a migrated store, or of an interrupted re-merge

    def merge_pending(self) -> int:
        """Merge stored reports that belong to no event yet (after a migration, or `recluster`)."""
        return self.merger.pending(transactions=True)

    def _has_table(self, name: str) -> bool:
        return bool(self.con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?",
                                     [name]).fetchone()[0])

    # -- what is already there -------------------------------------------------

    def lookup(self, ids: Sequence[str], text_hashes: Sequence[str], url_keys: Sequence[str]) -> Known:
        """Stored documents sharing an id, a text hash or a URL with a batch (one query)."""
        if not ids and not text_hashes:
            return Known({}, {}, {})
        self.con.register("_probe_ids", pa.table({"v": pa.array(list(ids), pa.string())}))
        self.con.register("_probe_text", pa.table({"v": pa.array(list(text_hashes), pa.string())}))
        self.con.register("_probe_url", pa.table({"v": pa.array(list(url_keys), pa.string())}))
        try:
            rows = self.con.execute("""
                SELECT id, content_hash, pack_version, origin, text_hash, url_key, engine_version FROM documents
                WHERE id IN (SELECT v FROM _probe_ids) OR text_hash IN (SELECT v FROM _probe_text)
                   OR url_key IN (SELECT v FROM _probe_url)""").fetchall()
        finally:
            for name in ("_probe_ids", "_probe_text", "_probe_url"):
                self.con.unregister(name)
        return Known({r[0]: (r[1], r[2], r[3], r[6]) for r in rows},
                     {r[4]: r[0] for r in rows if r[4]}, {r[5]: r[0] for r in rows if r[5]})

    # -- writing -------------------------------------------------------------------

    def write(self, analyses: Iterable[Analysis], errors: Iterable[ReadError] = (),
              knowledge_version: str | None = None) -> int:
        """Store a batch of analyses in one transaction; returns the number of reports written."""
        return self.write_tables(tables(analyses, knowledge_version), errors).reports

    def write_tables(self, batch: Tables, errors: Iterable[ReadError] = (),
                     replacing: Sequence[str] | None = None,
                     also: Callable[[duckdb.DuckDBPyConnection], None] | None = None) -> Written:
        """Store one batch in one transaction: documents (replacing older copies), sentences,
        reports, and their merge into events; plus the batch's read errors.

        `replacing`: the ids among them already stored, when the caller knows
        (warta.ingest.plan does); None looks them up. `also`: more writes that
        belong to this batch (the actor learner's), in the same transaction.
        """
        errors = list(errors)
        con = self.con
        ids = batch.documents.column("id").to_pylist()
        if len(set(ids)) != len(ids):
            raise StoreError("a batch holds two documents with the same id; the planner should have kept one")
        con.execute("BEGIN TRANSACTION")
        try:
            written = Written(len(ids), 0, 0, 0)
            if ids:
                if replacing is None or replacing:
                    self._remove(ids if replacing is None else list(replacing))
                con.register("_docs", batch.documents)
                con.register("_sents", batch.sentences)
                con.execute("INSERT INTO documents BY NAME SELECT * FROM _docs")
                con.execute("INSERT INTO sentences BY NAME SELECT * FROM _sents")
                con.unregister("_docs")
                con.unregister("_sents")
                docs = doc_info(batch.documents)
                seq = self._last_seq()
                reps = batch.reports.append_column(
                    "seq", pa.array(range(seq + 1, seq + 1 + batch.reports.num_rows), pa.int64()))
                event_ids, new = self.merger.merge(reps, docs)
                reps = reps.append_column("event_id", pa.array(event_ids, pa.string()))
                con.register("_reps", reps)
                con.execute("INSERT INTO reports BY NAME SELECT * FROM _reps")
                con.unregister("_reps")
                written = Written(len(ids), reps.num_rows, new, reps.num_rows - new)
            self._errors(errors)
            if also is not None:
                also(con)
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            self._seq = None
            raise
        if ids:
            self._seq = self._last_seq() + written.reports
        return written

    def _last_seq(self) -> int:
        if self._seq is None:
            self._seq = self.con.execute("SELECT coalesce(max(seq), 0) FROM reports").fetchall()[0][0]
        return self._seq

    def _remove(self, ids: list[str]) -> None:
        """Take out stored copies of documents about to be written again, and re-merge
        the reports that shared events with them."""
        con = self.con
        stored = [r[0] for r in con.execute("SELECT id FROM documents WHERE id IN (SELECT unnest(?))",
                                            [ids]).fetchall()]
        if not stored:
            return
        affected = [r[0] for r in con.execute(
            "SELECT DISTINCT event_id FROM reports WHERE doc_id IN (SELECT unnest(?)) AND event_id IS NOT NULL",
            [stored]).fetchall()]
        for table, column in (("reports", "doc_id"), ("sentences", "doc_id"), ("documents", "id")):
            con.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT unnest(?))", [stored])
        if affected:
            con.execute("DELETE FROM events WHERE id IN (SELECT unnest(?))", [affected])
            con.execute("UPDATE reports SET event_id = NULL WHERE event_id IN (SELECT unnest(?))", [affected])
            self.merger.pending()

    def recluster(self) -> int:
        """Re-merge every stored report from scratch (after the merge rule changed)."""
        con = self.con
        con.execute("BEGIN TRANSACTION")
        con.execute("DELETE FROM events")
        con.execute("UPDATE reports SET event_id = NULL")
        con.execute("COMMIT")
        return self.merger.pending(transactions=True)

    def _errors(self, errors: list[ReadError]) -> None:
        """Read errors, each (origin, code) once however often the input is read again."""
        if not errors:
            return
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        self.con.register("_errs", pa.table({
            "origin": [e.origin for e in errors], "code": [e.code for e in errors],
            "reason": [e.reason for e in errors], "seen_at": [now] * len(errors)}, schema=schema.READ_ERRORS.arrow))
        self.con.execute("DELETE FROM read_errors WHERE (origin, code) IN (SELECT (origin, code) FROM _errs)")
        self.con.execute("INSERT INTO read_errors SELECT DISTINCT ON (origin, code) * FROM _errs")
        self.con.unregister("_errs")

    # -- runs ------------------------------------------------------------------------

    def unfinished_run(self, kind: str) -> tuple[int, str | None, bytes | None] | None:
        """(id, knowledge version, knowledge as JSON: warta.ingest.pinned) of the last run of this kind
        that never finished."""
        rows = self.con.execute("SELECT id, knowledge_version, knowledge FROM runs WHERE kind = ? AND finished_at "
                                "IS NULL ORDER BY id DESC LIMIT 1", [kind]).fetchall()
        return (rows[0][0], rows[0][1], rows[0][2]) if rows else None

    def begin_run(self, kind: str, knowledge_version: str | None, knowledge: bytes | None = None) -> int:
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        self.con.execute("UPDATE runs SET finished_at = ?, knowledge = NULL WHERE kind = ? AND finished_at IS NULL",
                         [now, kind])  # superseded
        run = self.con.execute("SELECT coalesce(max(id), 0) + 1 FROM runs").fetchall()[0][0]
        self.con.execute("INSERT INTO runs VALUES (?, ?, ?, NULL, ?, ?, NULL, NULL)",
                         [run, kind, now, knowledge_version, knowledge])
        return run

    def finish_run(self, run: int, documents: int, events: int) -> None:
        self.con.execute("UPDATE runs SET finished_at = ?, knowledge = NULL, documents = ?, events = ? WHERE id = ?",
                         [datetime.now(timezone.utc).replace(tzinfo=None), documents, events, run])

    # -- reading ---------------------------------------------------------------------

    def events(self, flt: EventQuery = EventQuery()) -> list[dict]:
        """Merged events (one row per event, with its report, article and source counts)."""
        return self._rows("events", flt)

    def reports(self, flt: EventQuery = EventQuery()) -> list[dict]:
        """Reports: each event as each article coded it."""
        return self._rows("reports", flt)

    def _rows(self, table: str, flt: EventQuery) -> list[dict]:
        where, params = flt.where(reports=True, table=table)
        sql = f"SELECT * FROM {table}{where} ORDER BY date NULLS LAST, doc_id, sentence_idx, code, id"
        sql += flt.limit_sql()
        return query_dicts(self.con, sql, params)

    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "sentences", "reports", "events", "read_errors", "runs")}
