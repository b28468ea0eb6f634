"""What every command shares: the `--db` and `--format` options, and how an error is shown.

Declared once so each command's help and defaults read the same; a message comes
from warta.errors as a WartaError and is printed with its code.
"""
from __future__ import annotations

from typing import NoReturn

import typer

from warta.errors import WartaError
from warta.output import Format, error_console, say_error

err = error_console()

DB = typer.Option("warta.duckdb", "--db", help="DuckDB file that holds documents, events and the actor and "
                  "verb knowledge.")
FMT = typer.Option(Format.table, "--format", "-f", help="How to print rows.")

# the event filters (`warta.query.EventQuery`) that `events`, `export` and `dyads` share
SOURCE = typer.Option(None, "--source", help="Source actor group(s): IRN (all of Iran), IRNGOV, IRN,SYR.")
TARGET = typer.Option(None, "--target", help="Target actor group(s), same form.")
CODE = typer.Option(None, "--code", help="CAMEO code(s) or prefix(es): 05 = every 05x; 04,05.")
SINCE = typer.Option(None, "--since", help="First day, YYYY-MM-DD.")
UNTIL = typer.Option(None, "--until", help="Last day, YYYY-MM-DD.")
DOC = typer.Option(None, "--doc", help="Only events reported by this document.")
LANG = typer.Option(None, "--lang", help="Only articles in this language (id, en; id,en).")
LIMIT = typer.Option(None, "--limit", help="At most this many rows.")

USAGE = 2  # exit code of a usage, store or pack problem (README: Exit codes)
NOT_FOUND = 1  # exit code of a name the store does not hold


def fail(error: WartaError, exit_code: int = USAGE) -> NoReturn:
    """Print `error: [Wnnn] message` on stderr and leave with `exit_code`."""
    say_error(err, error)
    raise typer.Exit(exit_code)


def bad_parameter(error: WartaError, param_hint: str | None = None) -> typer.BadParameter:
    """A usage error Typer prints under the command's usage line, with the message's code."""
    return typer.BadParameter(str(error), param_hint=param_hint)
