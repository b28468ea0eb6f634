"""Imported verb dictionaries in the events' DuckDB file, with where each rule came from.

    verb_imports  one row per imported file: its name, path, sha256, language, import time and counts
    verb_rules    one row per verb or pattern line used: the file's line number, its block, the CAMEO
                  code and frame Warta gives it, the words (JSON) and the line as written

Re-importing a file (same name, same language) replaces what it gave before.
Codes that are not CAMEO codes (warta/ontology/cameo.tsv) and null codes
(`[---]`) are not stored; the import counts them.

    with VerbStore.open("warta.duckdb") as verbs:
        summary = verbs.import_file("CAMEO.2.0.txt", lang="en")
        entries = verbs.entries()           # -> ImportedVerb entries for Coder.load (ExtraKnowledge.verbs)
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pyarrow as pa

from warta.errors import StoreError
from warta.store.duck import connect
from warta.verbs.entries import USES, ImportedVerb, make_entry, resolve_code
from warta.verbs.petrarch import Problems, load_verbs

DDL = """
CREATE TABLE IF NOT EXISTS verb_imports (
    id BIGINT PRIMARY KEY,
    file TEXT NOT NULL,          -- the file's name: what `warta verbs remove` and rules' ids name
    path TEXT,                   -- where it was read from
    sha256 TEXT NOT NULL,
    lang TEXT NOT NULL,          -- the language pack whose coder uses it
    format TEXT NOT NULL,        -- petrarch
    imported_at TIMESTAMP NOT NULL,
    verbs INTEGER NOT NULL,      -- verb lines stored (a verb alone, with its code)
    patterns INTEGER NOT NULL,   -- pattern lines stored
    skipped_code INTEGER NOT NULL,  -- lines whose code is not a CAMEO code
    skipped_null INTEGER NOT NULL,  -- lines with no code ([---]): verbs that only lend their forms to patterns
    unreadable INTEGER NOT NULL     -- lines that could not be read
);
CREATE TABLE IF NOT EXISTS verb_rules (
    import_id BIGINT NOT NULL,
    line INTEGER NOT NULL,       -- the line in the file
    lang TEXT NOT NULL,
    block TEXT NOT NULL,         -- the verb block's name (ASK, MEET_PEOPLE)
    kind TEXT NOT NULL,          -- verb | pattern
    code TEXT NOT NULL,          -- the CAMEO code Warta gives
    frame TEXT NOT NULL,         -- svo | passive | symmetric
    file_code TEXT NOT NULL,     -- the code as the file writes it (042:043, :111)
    verb TEXT NOT NULL,          -- JSON: the verb's alternatives (all the block's verbs, for a pattern)
    before TEXT NOT NULL,        -- JSON: elements before the verb in its clause
    after TEXT NOT NULL,         -- JSON: elements after it
    preps TEXT NOT NULL,         -- JSON: the words opening its (...) phrases (prepositions)
    text TEXT NOT NULL           -- the line as written
);
"""

IMPORT_ROWS = pa.schema([
    ("import_id", pa.int64()), ("line", pa.int32()), ("lang", pa.string()), ("block", pa.string()),
    ("kind", pa.string()), ("code", pa.string()), ("frame", pa.string()), ("file_code", pa.string()),
    ("verb", pa.string()), ("before", pa.string()), ("after", pa.string()), ("preps", pa.string()),
    ("text", pa.string()),
])


@dataclass
class ImportSummary:
    file: str
    lang: str
    sha256: str
    verbs: int = 0
    patterns: int = 0
    skipped_code: int = 0
    skipped_null: int = 0
    bad_codes: dict[str, int] = field(default_factory=dict)
    problems: Problems = field(default_factory=Problems)

    def line(self) -> str:
        bad = ", ".join(f"{c} x{n}" if n > 1 else c for c, n in sorted(self.bad_codes.items())[:8])
        more = " ..." if len(self.bad_codes) > 8 else ""
        return (f"{self.file} ({self.lang}): {self.verbs} verbs and {self.patterns} patterns stored; skipped: "
                f"{self.skipped_code} with codes that are not CAMEO codes" + (f" ({bad}{more})" if bad else "")
                + f", {self.skipped_null} with no code ([---]), {len(self.problems)} lines unreadable")


def ensure(con) -> None:
    con.execute(DDL)


def exists(con) -> bool:
    rows = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'verb_rules'").fetchall()
    return bool(rows[0][0])


class VerbStore:
    def __init__(self, con: duckdb.DuckDBPyConnection, owns: bool = False):
        self.con = con
        self._owns = owns

    @classmethod
    def open(cls, path: str | Path = "warta.duckdb", must_exist: bool = False) -> "VerbStore":
        """Open (or create) the store's verb tables; `must_exist`: a missing file is a StoreError."""
        con = connect(path, wait=False, must_exist=must_exist)
        ensure(con)
        return cls(con, owns=True)

    def close(self) -> None:
        if self._owns:
            self.con.close()

    def __enter__(self) -> "VerbStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- importing ---------------------------------------------------------------------------

    def import_file(self, path: str | Path, lang: str, fmt: str = "petrarch", valid=None) -> ImportSummary:
        """Read a verb dictionary and store what it codes, replacing an earlier import of the same file."""
        if fmt != "petrarch":
            raise ValueError(f"unknown verb dictionary format {fmt!r} (have: petrarch)")
        if valid is None:
            from warta.ontology import Ontology

            valid = Ontology.load().__contains__
        path = Path(path)
        read = load_verbs(path)
        summary = ImportSummary(path.name, lang, read.sha256, problems=read.problems)
        rows = {k: [] for k in IMPORT_ROWS.names}
        with _Transaction(self.con):
            for (old,) in self.con.execute("SELECT id FROM verb_imports WHERE file = ? AND lang = ?",
                                           [path.name, lang]).fetchall():
                self._delete(old)
            import_id = self.con.execute("SELECT coalesce(max(id), 0) + 1 FROM verb_imports").fetchall()[0][0]
            for rule in read.rules:
                code, frame, why = resolve_code(rule.code, rule.swapped, valid)
                if code is None:
                    if why == "code":
                        summary.skipped_code += 1
                        summary.bad_codes[rule.code] = summary.bad_codes.get(rule.code, 0) + 1
                    else:
                        summary.skipped_null += 1
                    continue
                if rule.kind == "verb":
                    summary.verbs += 1
                else:
                    summary.patterns += 1
                for k, v in (("import_id", import_id), ("line", rule.line), ("lang", lang), ("block", rule.block),
                             ("kind", rule.kind), ("code", code), ("frame", frame), ("file_code", rule.code),
                             ("verb", json.dumps(list(rule.verb))), ("before", json.dumps(_plain(rule.before))),
                             ("after", json.dumps(_plain(rule.after))), ("preps", json.dumps(list(rule.preps))),
                             ("text", rule.text)):
                    rows[k].append(v)
            self.con.execute("INSERT INTO verb_imports VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                             [import_id, path.name, str(path.resolve()), read.sha256, lang, fmt,
                              datetime.now(timezone.utc).replace(tzinfo=None), summary.verbs, summary.patterns,
                              summary.skipped_code, summary.skipped_null, len(read.problems)])
            table = pa.table(rows, schema=IMPORT_ROWS)
            if table.num_rows:
                self.con.register("_verb_rows", table)
                try:
                    self.con.execute("INSERT INTO verb_rules SELECT * FROM _verb_rows")
                finally:
                    self.con.unregister("_verb_rows")
        return summary

    def remove(self, name: str) -> int:
        """Remove imports by file name or id; how many were removed."""
        ids = [r[0] for r in self.con.execute(
            "SELECT id FROM verb_imports WHERE file = ? OR CAST(id AS TEXT) = ?", [name, name]).fetchall()]
        with _Transaction(self.con):
            for i in ids:
                self._delete(i)
        return len(ids)

    def _delete(self, import_id: int) -> None:
        self.con.execute("DELETE FROM verb_rules WHERE import_id = ?", [import_id])
        self.con.execute("DELETE FROM verb_imports WHERE id = ?", [import_id])

    # -- reading -----------------------------------------------------------------------------

    def imports(self) -> list[dict]:
        return self._dicts("SELECT id, file, lang, format, verbs, patterns, skipped_code, skipped_null, unreadable, "
                           "sha256, imported_at, path FROM verb_imports ORDER BY id")

    def show(self, word: str, limit: int | None = None) -> list[dict]:
        """The rules of blocks called `word`, or whose verbs include it (as written or as its root)."""
        w = word.strip().lower().replace(" ", "_")
        sql = ("SELECT i.file, r.line, r.lang, r.block, r.kind, r.code, r.frame, r.file_code, r.text "
               "FROM verb_rules r JOIN verb_imports i ON i.id = r.import_id "
               "WHERE lower(r.block) = ? OR list_contains(CAST(r.verb AS JSON)::VARCHAR[], ?) "
               "OR list_contains(CAST(r.verb AS JSON)::VARCHAR[], ?) ORDER BY i.id, r.line")
        if limit:
            sql += f" LIMIT {int(limit)}"
        return self._dicts(sql, [w, w, "=" + w])

    def entries(self, lang: str | None = None, use: str = "patterns") -> tuple[ImportedVerb, ...]:
        """The stored rules as lexicon entries, in import then file order. `use`: "patterns" (only rules
        with words beside the verb) or "all" (verbs alone with their block's code too)."""
        if use not in USES:
            raise ValueError(f"use must be one of {', '.join(USES)}")
        where = ["TRUE"]
        params: list = []
        if lang:
            where.append("r.lang = ?")
            params.append(lang)
        if use == "patterns":
            where.append("r.kind = 'pattern'")
        rows = self.con.execute(
            "SELECT i.file, r.line, r.lang, r.verb, r.before, r.after, r.code, r.frame, r.text, r.preps "
            "FROM verb_rules r JOIN verb_imports i ON i.id = r.import_id WHERE " + " AND ".join(where)
            + " ORDER BY i.id, r.line", params).fetchall()
        return tuple(make_entry(f, line, lg, json.loads(v), json.loads(b), json.loads(a), code, frame, text,
                                json.loads(p)) for f, line, lg, v, b, a, code, frame, text, p in rows)

    def _dicts(self, sql: str, params: list | None = None) -> list[dict]:
        cur = self.con.execute(sql, params or [])
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]


def _plain(items) -> list:
    return [x if isinstance(x, str) else list(x) for x in items]


def stored_entries(db: str, use: str = "patterns") -> tuple[ImportedVerb, ...]:
    """The verbs imported into the store at `db`; () when it has none (never creates a store)."""
    if db == ":memory:" or not Path(db).exists():
        return ()
    try:
        con = connect(db, wait=False)
    except StoreError:
        return ()
    try:
        if not exists(con):
            return ()
        return VerbStore(con).entries(use=use)
    finally:
        con.close()


class _Transaction:
    def __init__(self, con):
        self.con = con

    def __enter__(self):
        self.con.execute("BEGIN TRANSACTION")
        return self

    def __exit__(self, exc_type, *rest):
        self.con.execute("ROLLBACK" if exc_type else "COMMIT")
        return False


def with_stored_verbs(db: str, knowledge):
    """`knowledge` (an ExtraKnowledge or None) with the verbs imported into the store at `db` added."""
    verbs = stored_entries(db)
    if not verbs:
        return knowledge
    from dataclasses import replace

    from warta.coder import ExtraKnowledge

    knowledge = knowledge or ExtraKnowledge()
    return replace(knowledge, verbs=tuple(getattr(knowledge, "verbs", ())) + verbs)
