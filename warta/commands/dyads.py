"""`warta dyads`: how two actor groups treat each other, period by period."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from warta.commands.options import DB, FMT, SINCE, UNTIL, err, fail
from warta.output import Format, emit

COLUMNS = ["period", "total", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict",
           "goldstein_sum", "goldstein_mean", "top_codes"]


def _codes_text(codes: list[dict]) -> str:
    return ", ".join(f"{c['code']}×{c['count']}" for c in codes)


def register(app: typer.Typer) -> None:
    @app.command()
    def dyads(
        source: str = typer.Option(..., "--source", help="Source actor group(s): IRN (all of Iran), IRNGOV, IRN,SYR."),
        target: str = typer.Option(..., "--target", help="Target actor group(s), same form."),
        by: str = typer.Option("month", "--by", help="Period: day, week (from Monday), month or year."),
        count: str = typer.Option("events", "--count", help="events, or reports (the archive's report counts; "
                                                            "one per event where the store has none)."),
        directed: bool = typer.Option(True, "--directed/--undirected",
                                      help="Only source→target, or both ways (adds a `forward` count)."),
        since: Optional[str] = SINCE,
        until: Optional[str] = UNTIL,
        code: Optional[str] = typer.Option(None, "--code", help="Only these CAMEO codes or prefixes (04,05)."),
        lang: Optional[str] = typer.Option(None, "--lang", help="Only articles in this language."),
        top: int = typer.Option(3, "--top", help="Event codes listed per period."),
        db: Path = DB,
        fmt: Format = FMT,
    ):
        """Per period: events per quad class, Goldstein sum and mean, top event codes."""
        from warta.analysis.dyads import dyads as dyad_table
        from warta.errors import WartaError

        try:
            table = dyad_table(db, source=source, target=target, by=by, count=count, directed=directed, top=top,
                               arrow=True, since=since, until=until, code=code, lang=lang)
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from None
        except WartaError as exc:
            fail(exc)
        rows = table.to_pylist()
        if fmt != Format.jsonl:
            for row in rows:
                row["top_codes"] = _codes_text(row["top_codes"])
                for k in ("goldstein_sum", "goldstein_mean"):
                    row[k] = round(row[k], 3)
        columns = COLUMNS + (["forward"] if not directed else [])
        emit(rows, fmt, columns)
        if not rows:
            err.print("no dated events between these actors", highlight=False)
