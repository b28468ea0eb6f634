"""Exports of the stored events: parquet, csv, jsonl, gdelt, plover.

    from warta.export import export
    export("warta.duckdb", "gdelt", "events.export.CSV", EventFilter(since="2024-01-01"))

Tables (parquet, csv, jsonl) are written by DuckDB (warta.export.tables)
and can hold merged events or reports (`level`); GDELT and PLOVER rows are
events, formatted here a batch at a time (warta.export.gdelt, .plover).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from warta.export import gdelt, plover
from warta.export.query import records, rows_sql
from warta.export.tables import write_table
from warta.store import EventFilter, Store

FORMATS = ("parquet", "csv", "jsonl", "gdelt", "plover")


@dataclass(frozen=True)
class Exported:
    path: Path
    rows: int  # rows written
    left_out: int = 0  # events the format cannot hold (no day; no PLOVER category)


def export(db: str | Path, fmt: str, out: str | Path, flt: EventFilter = EventFilter(),
           level: str = "events") -> Exported:
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    out = Path(out)
    with Store.open(db, read_only=True) as store:
        if fmt in ("parquet", "csv", "jsonl"):
            return Exported(out, write_table(store.con, fmt, out, flt, level))
        if level != "events":
            raise ValueError(f"{fmt} holds events, not reports")
        out.parent.mkdir(parents=True, exist_ok=True)
        sql, params = rows_sql(flt, "events", evidence=fmt == "plover")
        written = left_out = 0
        with open(out, "w", encoding="utf-8", newline="\n") as f:
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
