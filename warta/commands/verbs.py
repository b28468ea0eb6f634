"""`warta verbs`: verb dictionaries users bring (TABARI/PETRARCH), kept in the store.

    warta verbs import CAMEO.2.0.txt --format petrarch [--lang en] [--db warta.duckdb]
    warta verbs list                       # imported files: name, sha256, time, counts
    warta verbs show MEET                  # a block's rules, or the rules of a verb
    warta verbs remove CAMEO.2.0.txt       # by file name or import id

A thin layer over warta.verbs.store.VerbStore. Every later `warta code` on
the same --db codes with the imported patterns beside the pack's own verbs.
"""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from warta.commands.options import DB, FMT, NOT_FOUND, bad_parameter, err, fail
from warta.errors import NO_VERB, NO_VERB_FILE, NotFound, no_pack
from warta.output import Format, emit

LIST_COLUMNS = ["id", "file", "lang", "verbs", "patterns", "skipped_code", "skipped_null", "unreadable", "sha256",
                "imported_at"]
SHOW_COLUMNS = ["file", "line", "lang", "block", "kind", "code", "frame", "file_code", "text"]


class VerbFormat(str, Enum):
    petrarch = "petrarch"


def _store(db: Path, reading: bool = False):
    """The verb store in `db`; a command that only reads or removes (`reading`) fails on a missing
    file, not creating it."""
    from warta.errors import WartaError
    from warta.verbs.store import VerbStore

    try:
        return VerbStore.open(db, must_exist=reading)
    except WartaError as exc:
        fail(exc)


def register(app: typer.Typer) -> None:
    verbs = typer.Typer(no_args_is_help=True, help="Verb dictionaries (TABARI/PETRARCH) imported into the store.")
    app.add_typer(verbs, name="verbs")

    @verbs.command("import")
    def import_(
        files: List[Path] = typer.Argument(..., exists=True, dir_okay=False, help="Verb dictionary files."),
        fmt: VerbFormat = typer.Option(..., "--format", help="The files' format."),
        lang: str = typer.Option("en", "--lang", help="The language pack whose coder uses them."),
        db: Path = DB,
        problems: bool = typer.Option(False, "--problems", help="List the lines that could not be read."),
    ):
        """Import verb dictionaries; re-importing a file replaces what it gave before."""
        from warta.lang import available_languages

        if lang not in available_languages():
            raise bad_parameter(no_pack(lang, available_languages()))
        with _store(db) as store:
            for path in files:
                summary = store.import_file(path, lang, fmt.value)
                err.print(summary.line(), highlight=False, markup=False, soft_wrap=True)
                if problems:
                    for _, line, message in summary.problems.items:
                        err.print(f"  {path.name}:{line}: {message}", highlight=False, markup=False)

    @verbs.command("list")
    def list_(
        db: Path = DB,
        fmt: Format = FMT,
    ):
        """Every imported file, with its sha256, import time and counts."""
        with _store(db, reading=True) as store:
            rows = store.imports()
        for row in rows:
            row["imported_at"] = str(row["imported_at"])[:19]
            if fmt == Format.table:
                row["sha256"] = row["sha256"][:12]
        emit(rows, fmt, LIST_COLUMNS)

    @verbs.command()
    def show(
        word: str = typer.Argument(..., help="A block's name (MEET_PEOPLE) or a verb (meet, met)."),
        db: Path = DB,
        fmt: Format = FMT,
        limit: Optional[int] = typer.Option(None, help="At most this many rows."),
    ):
        """The imported rules of a block or a verb: file, line, code and the line as written."""
        with _store(db, reading=True) as store:
            rows = store.show(word, limit)
        if not rows:
            fail(NotFound(NO_VERB.format(word=word, db=db)), NOT_FOUND)
        emit(rows, fmt, SHOW_COLUMNS)

    @verbs.command()
    def remove(
        name: str = typer.Argument(..., help="An imported file's name, or its import id."),
        db: Path = DB,
    ):
        """Remove an imported file and everything it gave."""
        with _store(db, reading=True) as store:
            n = store.remove(name)
        if not n:
            fail(NotFound(NO_VERB_FILE.format(name=name, db=db)), NOT_FOUND)
        err.print(f"removed {name} ({n} import{'s' if n > 1 else ''}) from {db}", highlight=False)
