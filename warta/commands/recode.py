"""`warta recode`: code the stored documents again after packs or actor knowledge changed.

    warta recode [--db warta.duckdb] [--all] [--dask local|tcp://host:8786]

No input is read: documents come from the store, events are replaced and
merged again. By default only documents coded by other pack or knowledge
versions than the current ones are taken, so a killed run resumes where it
stopped; `--all` takes every document.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from warta.api import BATCH, Warta
from warta.commands.options import DB, err, fail
from warta.errors import WartaError, no_store
from warta.ingest.progress import RunDisplay



def recode(
    db: Path = DB,
    everything: bool = typer.Option(False, "--all", help="Every document, not only those coded by older versions."),
    recluster: bool = typer.Option(False, "--recluster", help="Only merge the stored reports into events again "
                                   "(after the merge rule changed); no coding."),
    dask: Optional[str] = typer.Option(None, "--dask", help="Code on Dask: 'local' or tcp://host:8786."),
    workers: int = typer.Option(2, "--workers", help="Worker processes for --dask local."),
    batch_size: int = typer.Option(BATCH, "--batch-size", help="Documents per transaction."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress on stderr."),
):
    """Re-derive events from stored documents, without re-reading the inputs."""
    if not db.exists():
        fail(no_store(db))
    w = Warta(db)
    try:
        if recluster:
            from warta.store import Store

            with Store.open(db) as store:
                n = store.recluster()
                counts = store.counts()
            err.print(f"{n} reports merged into {counts['events']} events -> {db}", highlight=False)
            return
        with RunDisplay(err, quiet=quiet, label="recoding") as display:
            report = w.recode(everything, dask=dask, workers=workers, batch_size=batch_size,
                              on_batch=lambda report, coded, plan: display.update(report))
    except WartaError as exc:
        fail(exc)
    err.print(report.summary() + f" -> {db}", markup=False, highlight=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    app.command("recode")(recode)
