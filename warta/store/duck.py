"""DuckDB as Warta uses it: the one way a file is opened, and the calls of DuckDB's Python API
that differ between its versions (pyproject.toml allows 1.1 to 2.x), so no other module
needs to know which version it runs on.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Iterator

import duckdb
import pyarrow as pa

from warta.errors import StoreError, no_store

# A writer finding the file locked waits this long: `warta serve` holds a read lock while it copies a
# changed store (about 0.1 s per 70 MB), and a run started in that moment should not fail.
LOCK_WAIT_S = 10.0


def connect(path: str | Path, read_only: bool = False, wait: bool = True,
            must_exist: bool = False) -> duckdb.DuckDBPyConnection:
    """Open a DuckDB file (or ":memory:"); a failure is a StoreError whose cause is DuckDB's.

    A reader (`read_only`, or a command that only lists what is stored: `must_exist`) gets the
    StoreError "no store at ..." for a file that is not there, and no file is created.

    A writer retries for LOCK_WAIT_S while another process holds a lock on the file (`wait=False`:
    fail at once). Readers never wait: the lock they meet is usually a long `warta code` run.
    No configuration is passed (settings such as the memory limit are SET after opening), so
    connections to one file in one process share DuckDB's instance of it.
    """
    if (read_only or must_exist) and str(path) != ":memory:" and not Path(path).exists():
        raise no_store(path)
    deadline = time.monotonic() + LOCK_WAIT_S
    pause = 0.05
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as exc:
            if read_only or not wait or not locked(exc) or time.monotonic() + pause > deadline:
                raise StoreError(f"cannot open {path}: {exc}") from exc
        time.sleep(pause)
        pause = min(pause * 2, 1.0)


def locked(exc: BaseException | None) -> bool:
    """Whether DuckDB refused a file because another process holds its lock."""
    return isinstance(exc, duckdb.IOException) and "lock" in str(exc).lower()


def query_arrow(con, sql: str, params: list | None = None) -> pa.Table:
    """Run a parameterised query and return an Arrow table."""
    rel = con.sql(sql, params=params or None)
    to_table = getattr(rel, "to_arrow_table", None)  # DuckDB >= 1.4
    return to_table() if to_table else rel.arrow()


def query_batches(con, sql: str, params: list | None = None, rows: int = 10_000) -> Iterator[pa.RecordBatch]:
    """A query's rows as Arrow record batches of up to `rows` rows, fetched as they are consumed."""
    rel = con.sql(sql, params=params or None)
    reader = rel.to_arrow_reader(rows) if hasattr(rel, "to_arrow_reader") else rel.fetch_record_batch(rows)
    yield from reader


def query_dicts(con, sql: str, params: list | None = None) -> list[dict]:
    cur = con.execute(sql, params or [])
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row)) for row in cur.fetchall()]


def query_row(con, sql: str, params: list | None = None) -> tuple:
    """The one row a query returns, read to the end (DuckDB >= 2 refuses new work on a half-read result)."""
    return con.execute(sql, params or []).fetchall()[0]
