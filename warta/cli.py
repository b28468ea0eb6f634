"""The `warta` command: a thin layer over warta.api."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from warta.api import BATCH, Warta
from warta.commands import register_all
from warta.commands.options import (CODE, DB, DOC, FMT, LANG, LIMIT, SINCE, SOURCE, TARGET, UNTIL,
                                     bad_parameter, err, fail)
from warta.errors import E_NOTHING_READ, UsageError, WartaError, no_pack
from warta.lang import available_languages
from warta.ingest.progress import RunDisplay
from warta.output import Format, RowStream, emit

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Warta: turn news articles into CAMEO/PLOVER political event data.")
NOTHING_READ = 1  # exit code of `warta code` when every input failed (README: Exit codes)
EVENT_COLUMNS = ["doc", "date", "source", "target", "code", "name", "quad_class", "location", "evidence"]
STORED_COLUMNS = ["doc_id", "date", "source", "target", "code", "name", "quad_class", "location", "evidence"]


def _languages(lang: str) -> Optional[list[str]]:
    if lang == "auto":
        return None
    if lang not in available_languages():
        raise bad_parameter(no_pack(lang, available_languages()))
    return [lang]


@app.command()
def code(
    articles: List[Path] = typer.Argument(..., help="Files or folders: .txt, .html, .jsonl, .csv (optionally .gz)."),
    db: Path = DB,
    fmt: Format = FMT,
    lang: str = typer.Option("auto", "--lang", help="auto (detect per document) or a pack code: id, en."),
    dask: Optional[str] = typer.Option(None, "--dask", help="Code on Dask: 'local' (a LocalCluster) or a "
                                       "scheduler address such as tcp://host:8786."),
    workers: int = typer.Option(2, "--workers", help="Worker processes for --dask local."),
    batch_size: int = typer.Option(BATCH, "--batch-size", help="Documents per transaction (a crash loses at "
                                   "most one batch)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or progress lines on stderr."),
    learn: bool = typer.Option(True, "--learn/--no-learn", help="Learn who held which office from the coded "
                               "text (warta actors learned); off, big archives code faster."),
):
    """Read articles, code their events, store them, and print the events.

    Documents already stored are skipped (same id and text, or the same text
    or URL under another id), so re-running over a growing archive codes only
    what is new, and a killed run resumes where its last batch was committed.
    """
    w = Warta(db, languages=_languages(lang), learn=learn)
    out = RowStream(fmt, EVENT_COLUMNS)

    def batch_done(report, coded, plan):
        out.write_batch(lambda: coded.records, coded.tables.n_reports)
        for item in plan.errors:
            if not quiet:
                display.console.print(f"[yellow]skipped[/yellow] {item.origin}: {item.reason} [{item.code}]",
                                      highlight=False)
        if report.batches:  # 0: every input failed, nothing was stored
            display.update(report)

    try:
        with RunDisplay(err, quiet=quiet) as display:
            report = w.code(articles, keep_records=False, dask=dask, workers=workers, batch_size=batch_size,
                            on_batch=batch_done)
    except WartaError as exc:
        fail(exc)
    left_out = out.close()
    if left_out:
        err.print(f"({left_out:,} more events not shown: `warta events` or `--format jsonl` lists them all)")
    if report.read == 0 and report.n_failed:
        err.print(report.summary(), markup=False, highlight=False, soft_wrap=True)
        fail(UsageError(E_NOTHING_READ[1], E_NOTHING_READ[0]), NOTHING_READ)
    err.print(report.summary() + f" -> {db}", markup=False, highlight=False, soft_wrap=True)


@app.command()
def events(
    db: Path = DB,
    fmt: Format = FMT,
    source: Optional[str] = SOURCE,
    target: Optional[str] = TARGET,
    code: Optional[str] = CODE,
    since: Optional[str] = SINCE,
    until: Optional[str] = UNTIL,
    doc: Optional[str] = DOC,
    lang: Optional[str] = LANG,
    limit: Optional[int] = LIMIT,
):
    """Query the events already stored."""
    try:
        rows = Warta(db).events(source=source, target=target, code=code, since=since, until=until, doc=doc,
                                lang=lang, limit=limit)
    except WartaError as exc:
        fail(exc)
    for row in rows:
        row["doc"] = row.get("doc_id")
    emit(rows, fmt, STORED_COLUMNS)


register_all(app)


def main() -> None:  # pragma: no cover - entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
