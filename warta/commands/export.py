"""`warta export`: the stored events as parquet, csv, jsonl, GDELT 2.0 or PLOVER records.

    warta export --format gdelt -o events.export.CSV [--since 2024-01-01] [--source IDN] ...

A thin layer over warta.export; the filters are those of `warta events`.
"""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from warta.commands.options import CODE, DB, DOC, LANG, LIMIT, SINCE, SOURCE, TARGET, UNTIL, err, fail
from warta.errors import WartaError, plural
from warta.export import FORMATS, STDOUT, export as run_export
from warta.export.query import LEVELS
from warta.query import EventQuery

ExportFormat = Enum("ExportFormat", {f: f for f in FORMATS}, type=str)
Level = Enum("Level", {lv: lv for lv in LEVELS}, type=str)


def export(
    fmt: ExportFormat = typer.Option(..., "--format", "-f", help="parquet (a folder partitioned by month), csv, "
                                     "jsonl, gdelt (GDELT 2.0 event export, 61 tab-separated columns) or plover "
                                     "(PLOVER JSON records, one per line)."),
    out: Path = typer.Option(..., "--output", "-o", help="File to write (a folder for parquet); - writes to "
                             "standard output (not parquet)."),
    db: Path = DB,
    level: Level = typer.Option("events", "--level", help="events (merged, with report counts) or reports "
                                "(each event as each article coded it); gdelt and plover hold events."),
    source: Optional[str] = SOURCE,
    target: Optional[str] = TARGET,
    code: Optional[str] = CODE,
    since: Optional[str] = SINCE,
    until: Optional[str] = UNTIL,
    doc: Optional[str] = DOC,
    lang: Optional[str] = LANG,
    limit: Optional[int] = LIMIT,
):
    """Write the stored events to a file in an exchange format."""
    try:
        query = EventQuery.parse(source=source, target=target, code=code, since=since, until=until, doc=doc,
                                 lang=lang, limit=limit)
        done = run_export(db, fmt.value, out, query, level.value)
    except (WartaError, ValueError) as exc:
        fail(exc)
    why = "no day" if fmt.value == "gdelt" else "no day or no PLOVER category"
    note = f" ({plural(done.left_out, 'event')} left out: {why})" if done.left_out else ""
    where = "standard output" if str(out) == STDOUT else done.path
    err.print(f"{plural(done.rows, 'row')} -> {where}{note}", markup=False, highlight=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    app.command("export")(export)
