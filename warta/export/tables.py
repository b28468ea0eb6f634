"""Parquet (partitioned by month), CSV and JSON Lines: DuckDB writes them itself.

`COPY (query) TO` streams from the store to the files without passing rows
through Python, so an export of a whole archive costs what reading it
costs. Parquet goes to a folder with one `month=YYYY-MM` sub-folder per
month (hive style: pyarrow, DuckDB, Spark and pandas read the folder as one
table); events without a day go under `month=unknown`.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from warta.export.query import rows_sql
from warta.query import EventQuery

# Columns that serve the store or the other exports, not someone reading a table.
_INTERNAL = ("match_key", "sentence_paragraph", "sentence_is_title", "lead_paragraph")


def _select(flt: EventQuery, level: str) -> tuple[str, list]:
    sql, params = rows_sql(flt, level)
    drop = ", ".join(c for c in _INTERNAL if level == "events" or c != "match_key")
    return f"SELECT * EXCLUDE ({drop}), coalesce(strftime(day, '%Y-%m'), 'unknown') AS month FROM ({sql})", params


def write_table(con, fmt: str, out: Path, flt: EventQuery, level: str = "events") -> int:
    """Write rows as parquet (a folder), csv or jsonl (a file); returns the number of rows."""
    sql, params = _select(flt, level)
    out = Path(out)
    n = con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
    if fmt == "parquet":
        if out.exists():
            shutil.rmtree(out) if out.is_dir() else out.unlink()
        out.mkdir(parents=True)
        target, options = out, "FORMAT parquet, PARTITION_BY (month), OVERWRITE_OR_IGNORE"
    elif fmt == "csv":
        target, options = out, "FORMAT csv, HEADER"
    elif fmt == "jsonl":
        target, options = out, "FORMAT json"
    else:
        raise ValueError(f"not a table format: {fmt}")
    out.parent.mkdir(parents=True, exist_ok=True)
    quoted = str(target).replace("'", "''")
    con.execute(f"COPY ({sql}) TO '{quoted}' ({options})", params)
    return n
