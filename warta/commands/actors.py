"""`warta actors` and `warta agents`: the actor knowledge kept in the store.

    warta actors import Phoenix.Countries.actors.txt --format petrarch
    warta actors add "Ali Asghar Khaji" --code IRNGOV --from 2023-01-01 --alias Khaji
    warta actors show Khaji
    warta actors learned --review            # roles learned from coded text, waiting for a look
    warta actors learned --accept 12         # or --reject 12
    warta agents import Phoenix.agents.txt --format petrarch

A thin layer over warta.actors.store.ActorStore. Every later `warta code`
on the same --db uses what is stored here (and what it learns while coding).
"""
from __future__ import annotations

import json
from datetime import date
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from warta.commands.options import DB, FMT, NOT_FOUND, bad_parameter, err, fail
from warta.errors import NO_ACTOR, NO_ROLE, NOT_A_DAY, NotFound, QueryError
from warta.output import Format, emit

LIST_COLUMNS = ["id", "name", "kind", "country", "codes", "aliases", "provenance"]
ROLE_COLUMNS = ["actor_id", "name", "code", "valid_from", "valid_to", "provenance", "status", "confidence",
                "aliases"]
LEARNED_COLUMNS = ["id", "name", "code", "valid_from", "valid_to", "observations", "confidence", "status",
                   "doc_id", "sentence_idx", "title"]


class DictFormat(str, Enum):
    petrarch = "petrarch"


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"


def _day(text: Optional[str], option: str) -> Optional[date]:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise bad_parameter(QueryError(NOT_A_DAY.format(option=option, text=text)))


def _store(db: Path, reading: bool = False):
    """The actor store in `db`; a command that only reads (`reading`) fails on a missing file, not
    creating it."""
    from warta.actors.store import ActorStore
    from warta.errors import WartaError

    try:
        return ActorStore.open(db, must_exist=reading)
    except WartaError as exc:
        fail(exc)


def _role_rows(actor: dict) -> list[dict]:
    """One row per role of an actor, for tables and CSV."""
    aliases = " | ".join(actor["aliases"])
    rows = [{"actor_id": actor["id"], "name": actor["name"], "kind": actor["kind"], "country": actor["country"],
             "aliases": aliases, **role} for role in actor["roles"]]
    return rows or [{"actor_id": actor["id"], "name": actor["name"], "kind": actor["kind"], "aliases": aliases}]


def _plain(actor: dict) -> dict:
    """Dates as ISO text all the way down, for JSON Lines."""
    out = dict(actor)
    out["roles"] = [{k: v.isoformat() if isinstance(v, date) else v for k, v in r.items()} for r in actor["roles"]]
    return out


def register(app: typer.Typer) -> None:
    actors = typer.Typer(no_args_is_help=True, help="Actors, their aliases and their offices with dates.")
    agents = typer.Typer(no_args_is_help=True, help="Agent nouns (minister, police) and the sector they give.")
    app.add_typer(actors, name="actors")
    app.add_typer(agents, name="agents")

    @actors.command("list")
    def list_(
        db: Path = DB,
        fmt: Format = FMT,
        kind: Optional[str] = typer.Option(None, help="Only person, country, org or group."),
        provenance: Optional[str] = typer.Option(None, help="Only from here: manual, learned, petrarch:..."),
        limit: Optional[int] = typer.Option(None, help="At most this many rows."),
    ):
        """Every stored actor, one row each."""
        with _store(db, reading=True) as store:
            emit(store.list(kind=kind, provenance=provenance, limit=limit), fmt, LIST_COLUMNS)

    @actors.command()
    def show(
        name: str = typer.Argument(..., help="A name or alias, any case."),
        db: Path = DB,
        fmt: Format = FMT,
    ):
        """An actor's aliases and roles, one row per role."""
        with _store(db, reading=True) as store:
            found = store.show(name)
        if not found:
            fail(NotFound(NO_ACTOR.format(name=name, db=db)), NOT_FOUND)
        if fmt == Format.jsonl:
            for actor in found:
                typer.echo(json.dumps(_plain(actor), ensure_ascii=False))
            return
        emit([row for actor in found for row in _role_rows(actor)], fmt, ROLE_COLUMNS)

    @actors.command()
    def add(
        name: str = typer.Argument(..., help="The actor's name as news writes it."),
        code: str = typer.Option(..., "--code", help="CAMEO actor code held: IRNGOV, RUS, IGOUNO."),
        valid_from: Optional[str] = typer.Option(None, "--from", help="First day in office, YYYY-MM-DD."),
        valid_to: Optional[str] = typer.Option(None, "--to", help="Last day in office, YYYY-MM-DD."),
        alias: Optional[List[str]] = typer.Option(None, "--alias", help="Another name (repeat for more)."),
        title: str = typer.Option("", "--title", help="The office, in words."),
        kind: str = typer.Option("person", "--kind", help="person, country, org or group."),
        db: Path = DB,
    ):
        """Add an actor, or give a known one another role for some days."""
        start, end = _day(valid_from, "--from"), _day(valid_to, "--to")
        with _store(db) as store:
            try:
                role_id = store.add(name, code, start, end, alias or [], title, kind)
            except ValueError as exc:
                raise typer.BadParameter(str(exc))
        span = f"{start or '…'} to {end or '…'}"
        err.print(f"{name}: {code.upper()} from {span} (role {role_id}) -> {db}", highlight=False)

    @actors.command("import")
    def import_(
        files: List[Path] = typer.Argument(..., exists=True, dir_okay=False, help="Dictionary files."),
        fmt: DictFormat = typer.Option(..., "--format", help="The files' format."),
        db: Path = DB,
    ):
        """Import actor dictionaries; re-importing a file replaces what it gave before."""
        from warta.actors.petrarch import Problems, load_actors

        with _store(db) as store:
            for path in files:
                problems = Problems()
                counts = store.import_records(load_actors(path, problems))
                err.print(f"{path.name}: {counts['actors']} actors, {counts['aliases']} aliases, "
                          f"{counts['roles']} roles; {len(problems)} lines skipped", highlight=False)
                for source, line, message in problems.items[:10]:
                    err.print(f"  {source}:{line}: {message}", highlight=False)

    @actors.command()
    def export(
        db: Path = DB,
        fmt: ExportFormat = typer.Option(ExportFormat.jsonl, "--format", "-f", help="jsonl: one actor a line; "
                                                                                     "csv: one role a row."),
    ):
        """Everything stored about actors, to keep or share."""
        with _store(db, reading=True) as store:
            found = list(store.export())
        if fmt == ExportFormat.jsonl:
            for actor in found:
                typer.echo(json.dumps(_plain(actor), ensure_ascii=False))
        else:
            emit([row for actor in found for row in _role_rows(actor)], Format.csv,
                 ["actor_id", "name", "kind", "country", "code", "valid_from", "valid_to", "provenance", "status",
                  "confidence", "aliases"])

    @actors.command()
    def learned(
        review: bool = typer.Option(False, "--review", help="List the learned roles waiting for review."),
        accept: Optional[List[int]] = typer.Option(None, "--accept", help="Accept this role id (repeatable)."),
        reject: Optional[List[int]] = typer.Option(None, "--reject", help="Reject this role id (repeatable)."),
        all_: bool = typer.Option(False, "--all", help="List every learned role, whatever its status."),
        db: Path = DB,
        fmt: Format = FMT,
    ):
        """Roles learned from coded text: review them, accept or reject."""
        with _store(db, reading=True) as store:
            for status, ids in (("accepted", accept or []), ("rejected", reject or [])):
                for role_id in ids:
                    try:
                        store.review(role_id, status)
                    except KeyError:
                        fail(NotFound(NO_ROLE.format(role_id=role_id)), NOT_FOUND)
                    err.print(f"role {role_id}: {status}", highlight=False)
            if review or all_ or not (accept or reject):
                emit(store.learned(None if all_ else "pending"), fmt, LEARNED_COLUMNS)

    @agents.command("import")
    def agents_import(
        file: Path = typer.Argument(..., exists=True, dir_okay=False, help="An agents dictionary."),
        fmt: DictFormat = typer.Option(..., "--format", help="The file's format."),
        db: Path = DB,
    ):
        """Import agent nouns; re-importing a file replaces what it gave before."""
        from warta.actors.petrarch import Problems, load_agents

        problems = Problems()
        pairs = load_agents(file, problems)
        with _store(db) as store:
            n = store.import_agents(pairs, f"{fmt.value}:{file.name}")
        err.print(f"{file.name}: {n} agent nouns; {len(problems)} lines skipped", highlight=False)

    @agents.command("list")
    def agents_list(
        db: Path = DB,
        fmt: Format = FMT,
    ):
        """Every stored agent noun and its sector."""
        with _store(db, reading=True) as store:
            emit(store.agents(), fmt, ["noun", "sector", "provenance"])
