"""Exports of the stored events: parquet, csv, jsonl, gdelt, plover.

    from warta.export import export
    export("warta.duckdb", "gdelt", "events.export.CSV", EventQuery.parse(since="2024-01-01"))

Tables (parquet, csv, jsonl) are written by DuckDB (warta.export.tables)
and can hold merged events or reports (`level`); GDELT and PLOVER rows are
events, formatted here a batch at a time (warta.export.gdelt, .plover).
"""
from __future__ import annotations

import io
import json
import shutil
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, TextIO

from warta.export import gdelt, plover
from warta.export.query import records, rows_sql
from warta.export.tables import write_table
from warta.query import EventQuery
from warta.store import Store

FORMATS = ("parquet", "csv", "jsonl", "gdelt", "plover")
STDOUT = "-"  # as `out`: standard output


@dataclass(frozen=True)
class Exported:
    path: Path
    rows: int  # rows written
    left_out: int = 0  # events the format cannot hold (no day; no PLOVER category)


def export(db: str | Path, fmt: str, out: str | Path, flt: EventQuery = EventQuery(),
           level: str = "events") -> Exported:
    """Write the rows to `out`; "-" is standard output (not for parquet, a folder of files)."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    to_stdout = str(out) == STDOUT
    if to_stdout and fmt == "parquet":
        raise ValueError("parquet is written as a folder of files, not to standard output: give -o a folder")
    out = Path(out)
    with Store.open(db, read_only=True) as store:
        if fmt in ("parquet", "csv", "jsonl"):
            if not to_stdout:
                return Exported(out, write_table(store.con, fmt, out, flt, level))
            with tempfile.TemporaryDirectory(prefix="warta-export-") as tmp:  # DuckDB writes files only
                part = Path(tmp) / f"rows.{fmt}"
                n = write_table(store.con, fmt, part, flt, level)
                sys.stdout.flush()
                with open(part, "rb") as f:
                    shutil.copyfileobj(f, sys.stdout.buffer)
                sys.stdout.buffer.flush()
            return Exported(out, n)
        if level != "events":
            raise ValueError(f"{fmt} holds events, not reports")
        sql, params = rows_sql(flt, "events", evidence=fmt == "plover")
        written = left_out = 0
        with _text_file(out, to_stdout) as f:
            for ev in records(store.con, sql, params):
                if fmt == "gdelt":
                    text = gdelt.line(ev)
                else:
                    rec = plover.record(ev)
                    text = None if rec is None else json.dumps(rec, ensure_ascii=False) + "\n"
                if text is None:
                    left_out += 1
                    continue
                f.write(text)
                written += 1
        return Exported(out, written, left_out)


@contextmanager
def _text_file(out: Path, to_stdout: bool) -> Iterator[TextIO]:
    """The file to write lines to: `out`, or standard output as UTF-8 whatever the locale says."""
    if not to_stdout:
        out.parent.mkdir(parents=True, exist_ok=True)
        with open(out, "w", encoding="utf-8", newline="\n") as f:
            yield f
        return
    sys.stdout.flush()
    stream = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n")
    try:
        yield stream
    finally:
        stream.flush()
        stream.detach()  # standard output stays open
