"""The store's tables, written once: the DDL, the Arrow rows a batch is built in and the
user-facing record are all derived from the columns here.

A column marked `added` came after its table did: a store made before it gets it by
ALTER TABLE, so new columns go last and are marked. A column with `batch=False` is not
built with a batch's rows (warta.store.rows) but filled in by the store as it writes.
"""
from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

SCHEMA_VERSION = 2

# DuckDB type -> Arrow type of the rows inserted into it (an Arrow table is inserted BY NAME).
_ARROW = {
    "TEXT": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(),
    "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us"), "BOOLEAN": pa.bool_(), "BLOB": pa.binary(),
    "TEXT[]": pa.list_(pa.string()),
}


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a DuckDB type, a key of _ARROW
    constraint: str = ""  # NOT NULL, PRIMARY KEY
    added: bool = False
    batch: bool = True

    @property
    def sql(self) -> str:
        return f"{self.name} {self.type}{' ' + self.constraint if self.constraint else ''}"

    @property
    def arrow(self) -> pa.DataType:
        return _ARROW[self.type]


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]

    def create(self, if_not_exists: bool = True, added: bool = False) -> str:
        """CREATE TABLE with the table's first columns (or all of them, for a table made whole)."""
        cols = ", ".join(c.sql for c in self.columns if added or not c.added)
        return f"CREATE TABLE {'IF NOT EXISTS ' if if_not_exists else ''}{self.name} ({cols})"

    def add_columns(self) -> list[str]:
        """ALTER TABLE for each added column: a no-op on a store that has them."""
        return [f"ALTER TABLE {self.name} ADD COLUMN IF NOT EXISTS {c.name} {c.type}"
                for c in self.columns if c.added]

    @property
    def arrow(self) -> pa.Schema:
        """The Arrow rows a batch is built in: the columns with `batch` set."""
        return pa.schema([(c.name, c.arrow) for c in self.columns if c.batch])

    def type_of(self, name: str) -> pa.DataType:
        return next(c.arrow for c in self.columns if c.name == name)


def _cols(spec: str, **flags) -> tuple[Column, ...]:
    """Columns from 'name TYPE [constraint], ...' (the way DDL reads)."""
    out = []
    for item in spec.split(","):
        name, kind, *constraint = item.split()
        out.append(Column(name, kind, " ".join(constraint), **flags))
    return tuple(out)


# An event as one article codes it: the columns `reports` and `events` share (schema 1's `events`).
REPORT_COLS = _cols("""
    id TEXT NOT NULL, doc_id TEXT NOT NULL, sentence_idx INTEGER, date DATE, date_source TEXT,
    source TEXT, target TEXT, source_name TEXT, target_name TEXT,
    source_actor_name TEXT, target_actor_name TEXT,
    code TEXT NOT NULL, root TEXT NOT NULL, name TEXT, goldstein DOUBLE, quad_class INTEGER, plover TEXT,
    location TEXT, span_start INTEGER, span_end INTEGER, trigger_start INTEGER, trigger_end INTEGER,
    source_start INTEGER, source_end INTEGER, target_start INTEGER, target_end INTEGER,
    evidence TEXT, sentence TEXT, rule TEXT, lang TEXT, pack_version TEXT""")
REPORT_COLUMNS = tuple(c.name for c in REPORT_COLS)

META = Table("meta", _cols("key TEXT PRIMARY KEY, value TEXT"))
DOCUMENTS = Table("documents", _cols("""
    id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, title TEXT, text TEXT NOT NULL,
    published TIMESTAMP, url TEXT, outlet TEXT, lang TEXT, origin TEXT, dateline_place TEXT,
    pack_version TEXT, coded_at TIMESTAMP, n_sentences INTEGER, n_events INTEGER""")
    + _cols("text_hash TEXT, url_key TEXT, knowledge_version TEXT, engine_version TEXT", added=True))
SENTENCES = Table("sentences", _cols("""
    doc_id TEXT NOT NULL, idx INTEGER NOT NULL, start_char INTEGER, end_char INTEGER,
    paragraph INTEGER, is_title BOOLEAN, text TEXT"""))
# No primary key on the big tables (sentences, reports, events): their ids are unique by construction
# (a report's id hashes its document, sentence and event; the planner and `write_tables` keep one copy
# of each document), and DuckDB's key indexes cost a fifth of the writer's time and a third of the
# file, more with every fold of the log (benchmarks/archive.py). Stores made with them keep them.
# events: the columns of its first report, then the merge's (warta.store.merger); seq: the order
# reports were stored in, so re-merging stored reports follows the order of the first merge.
EVENTS = Table("events", REPORT_COLS + _cols("""
    knowledge_version TEXT, day DATE, match_key TEXT, sources TEXT[], report_count INTEGER,
    article_count INTEGER, source_count INTEGER, first_seen TIMESTAMP, last_seen TIMESTAMP, seq BIGINT""",
                                              added=True))
# reports came with schema 2 and is made whole (taking schema 1's events); seq came after it
REPORTS = Table("reports", REPORT_COLS + _cols("knowledge_version TEXT")
                + _cols("event_id TEXT", batch=False) + _cols("seq BIGINT", added=True, batch=False))
READ_ERRORS = Table("read_errors", _cols("origin TEXT, code TEXT, reason TEXT, seen_at TIMESTAMP"))
RUNS = Table("runs", _cols("""
    id INTEGER PRIMARY KEY, kind TEXT NOT NULL, started_at TIMESTAMP, finished_at TIMESTAMP,
    knowledge_version TEXT, knowledge BLOB, documents INTEGER, events INTEGER"""))

# made by CREATE TABLE IF NOT EXISTS on every open, in this order; `reports` is made by the migration
BASE_TABLES = (META, DOCUMENTS, SENTENCES, EVENTS, READ_ERRORS, RUNS)

VIEWS = """
CREATE OR REPLACE VIEW event_report_counts AS
SELECT r.event_id, count(*) AS report_count, count(DISTINCT r.doc_id) AS article_count,
       count(DISTINCT coalesce(d.outlet, r.doc_id)) AS source_count
FROM reports r JOIN documents d ON d.id = r.doc_id GROUP BY r.event_id;
"""

# The rows a batch is built in (warta.store.rows), crossing from Dask workers to the writer.
DOC_SCHEMA = DOCUMENTS.arrow
SENT_SCHEMA = SENTENCES.arrow
REPORT_SCHEMA = REPORTS.arrow

# An event as users see it (`warta code --format jsonl`), field -> the report column it shows;
# `span` pairs two columns and `date` is written as ISO. warta.model.Event.as_record makes the same
# record from an Event (tests/archive/test_batch_rows.py holds the two together).
RECORD_FIELDS = (
    ("doc", "doc_id"), ("date", "date"), ("source", "source"), ("target", "target"),
    ("source_name", "source_name"), ("target_name", "target_name"), ("code", "code"), ("name", "name"),
    ("goldstein", "goldstein"), ("quad_class", "quad_class"), ("plover", "plover"), ("location", "location"),
    ("sentence", "sentence"), ("sentence_index", "sentence_idx"), ("span", ("span_start", "span_end")),
    ("evidence", "evidence"), ("rule", "rule"), ("lang", "lang"), ("date_source", "date_source"), ("id", "id"),
)
