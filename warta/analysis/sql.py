"""Small helpers over DuckDB's Python API that differ between its versions."""
from __future__ import annotations

import pyarrow as pa


def query_arrow(con, sql: str, params: list | None = None) -> pa.Table:
    """Run a parameterised query and return an Arrow table."""
    rel = con.sql(sql, params=params or None)
    to_table = getattr(rel, "to_arrow_table", None)  # DuckDB >= 1.4
    return to_table() if to_table else rel.arrow()


def query_dicts(con, sql: str, params: list | None = None) -> list[dict]:
    cur = con.execute(sql, params or [])
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row)) for row in cur.fetchall()]


def query_row(con, sql: str, params: list | None = None) -> tuple:
    """The one row a query returns, read to the end (DuckDB >= 2 refuses new work on a half-read result)."""
    return con.execute(sql, params or []).fetchall()[0]
