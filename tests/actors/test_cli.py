"""`warta actors ...` and `warta agents ...`, driven through the real CLI app."""
from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from typer.testing import CliRunner

from warta.actors.store import ActorStore

DICTIONARY = """\
NORTHLAND_ [NTH]
+NORTHLANDER
ANNA_BERG_  # CountryInfo.txt
+BERG
\t[NTHGOV 19990810-20041231]
\t[NTHELI]
BROKEN_LINE [NTHGOV 20200230-20210101]
"""
AGENTS = "FOREIGN_MINISTER [~GOV]\nPOLICE {} [~COP]\n"


@pytest.fixture
def cli():
    from warta.cli import app

    runner = CliRunner()

    def run(*args: str, ok: bool = True):
        result = runner.invoke(app, [str(a) for a in args])
        if ok:
            assert result.exit_code == 0, result.output
        return result
    return run


def test_import_show_list_export(cli, db, tmp_path):
    path = tmp_path / "invented.actors.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    out = cli("actors", "import", path, "--format", "petrarch", "--db", db).output
    assert "2 actors" in out and "1 lines skipped" in out and "day is out of range" in out  # BROKEN LINE codes nothing
    shown = [json.loads(line) for line in cli("actors", "show", "berg", "--db", db, "-f", "jsonl").stdout.splitlines()]
    assert shown[0]["name"] == "Anna Berg"
    assert [(r["code"], r["valid_from"]) for r in shown[0]["roles"]] == [("NTHGOV", "1999-08-10"), ("NTHELI", None)]
    listed = list(csv.DictReader(io.StringIO(cli("actors", "list", "--db", db, "-f", "csv").stdout)))
    assert {r["name"]: r["codes"] for r in listed}["Northland"] == "NTH"
    exported = [json.loads(line) for line in cli("actors", "export", "--db", db).stdout.splitlines()]
    assert {a["name"] for a in exported} == {"Northland", "Anna Berg"}
    rows = list(csv.DictReader(io.StringIO(cli("actors", "export", "--db", db, "-f", "csv").stdout)))
    assert {r["code"] for r in rows} == {"NTH", "NTHGOV", "NTHELI"}
    assert cli("actors", "show", "nobody", "--db", db, ok=False).exit_code == 1


def test_add_with_dates_and_aliases(cli, db):
    cli("actors", "add", "Hadi Tjahjanto", "--code", "idnmil", "--from", "2017-12-08", "--to", "2021-11-17",
        "--alias", "Hadi", "--db", db)
    cli("actors", "add", "Hadi Tjahjanto", "--code", "IDNGOV", "--from", "2022-06-15", "--db", db)
    with ActorStore.open(db) as store:
        [hadi] = store.show("Hadi")
    assert [(r["code"], r["valid_from"], r["valid_to"]) for r in hadi["roles"]] == [
        ("IDNMIL", date(2017, 12, 8), date(2021, 11, 17)), ("IDNGOV", date(2022, 6, 15), None)]
    bad = cli("actors", "add", "X", "--code", "IRN", "--from", "5/12/2023", "--db", db, ok=False)
    assert bad.exit_code != 0 and "YYYY-MM-DD" in bad.output


def test_review_learned_roles(cli, db):
    with ActorStore.open(db) as store:
        first = store.add("Ali Asghar Khaji", "IRNGOV", date(2023, 11, 13), date(2023, 11, 13),
                          provenance="learned", confidence=0.6, status="pending")
        second = store.add("Kaukasus Selatan", "IRNGOV", date(2023, 11, 13), date(2023, 11, 13),
                           provenance="learned", confidence=0.6, status="pending")
    pending = list(csv.DictReader(io.StringIO(cli("actors", "learned", "--review", "--db", db, "-f", "csv").stdout)))
    assert {int(r["id"]) for r in pending} == {first, second}
    cli("actors", "learned", "--accept", first, "--reject", second, "--db", db)
    pending = list(csv.DictReader(io.StringIO(cli("actors", "learned", "--review", "--db", db, "-f", "csv").stdout)))
    assert pending == []
    everything = list(csv.DictReader(io.StringIO(cli("actors", "learned", "--all", "--db", db, "-f", "csv").stdout)))
    assert {r["name"]: r["status"] for r in everything} == {"Ali Asghar Khaji": "accepted",
                                                           "Kaukasus Selatan": "rejected"}
    assert cli("actors", "learned", "--accept", 999, "--db", db, ok=False).exit_code == 1


def test_agents_import_and_list(cli, db, tmp_path):
    path = tmp_path / "invented.agents.txt"
    path.write_text(AGENTS, encoding="utf-8")
    assert "3 agent nouns" in cli("agents", "import", path, "--format", "petrarch", "--db", db).output
    rows = list(csv.DictReader(io.StringIO(cli("agents", "list", "--db", db, "-f", "csv").stdout)))
    assert {(r["noun"], r["sector"]) for r in rows} == {("foreign minister", "GOV"), ("foreign ministers", "GOV"),
                                                        ("police", "COP")}


def test_every_command_says_what_it_does(cli):
    for group in ("actors", "agents"):
        out = cli(group, "--help").stdout
        commands = {"actors": ("list", "show", "add", "import", "export", "learned"), "agents": ("import", "list")}
        for name in commands[group]:
            assert name in out
            assert cli(group, name, "--help").stdout.strip()
