"""Each row of warta/actors/people.tsv: its example, coded on a day of the office, names the person with the row's code."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.actors.conftest import code_text, coder
from warta.actors.people import builtin_people, parse_day
from warta.tabular import read_tsv, split_alternatives

PEOPLE = Path(__file__).resolve().parents[2] / "warta" / "actors" / "people.tsv"
COLUMNS = ("name", "aliases", "country", "code", "title", "valid_from", "valid_to", "example")
ROWS = read_tsv(PEOPLE, "warta.people.v1", COLUMNS)


def _day_in(row: dict) -> date | None:
    """A day of the row's office on which the person holds this office and no earlier row's (None: the row never counts)."""
    first, last = parse_day(row["valid_from"]), parse_day(row["valid_to"])
    last = last or first + timedelta(days=3650)
    person = builtin_people().get(row["name"])
    span = (last - first).days
    for k in (2, 1, 3, 4, 8, 16, 32, 64, 128):
        for day in (first + timedelta(days=span * i // k) for i in range(k + 1)):
            if person.actor_on(day).code == row["code"]:
                return day
    return None


def _names(row: dict) -> list[str]:
    return sorted({row["name"], *split_alternatives(row["aliases"])}, key=len, reverse=True)


def test_rows_are_well_formed():
    wrong = []
    for r in ROWS:
        first, last = parse_day(r["valid_from"]), parse_day(r["valid_to"])
        if not first or (last and last < first) or not r["example"] or not r["title"]:
            wrong.append((r["name"], r["title"]))
        if len(r["country"]) != 3 or len(r["code"]) < 6 or not r["code"].isupper():
            wrong.append((r["name"], r["code"]))
        if not r["code"].startswith(r["country"]) and not r["code"].startswith(("IGO", "IMG")):
            wrong.append((r["name"], r["country"], r["code"]))
    assert wrong == []


def test_a_name_means_one_person():
    """No alias is shared by two people (the first would shadow the second)."""
    owner: dict[str, str] = {}
    clash = []
    for r in ROWS:
        for n in _names(r):
            if owner.setdefault(n.lower(), r["name"]) != r["name"]:
                clash.append((n, owner[n.lower()], r["name"]))
    assert clash == []


def test_every_name_finds_its_person():
    people = builtin_people()
    assert [n for r in ROWS for n in _names(r) if people.get(n) is None] == []


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['name']}:{r['valid_from']}" for r in ROWS])
def test_people_row_example_codes_the_office(row):
    day = _day_in(row)
    assert day is not None, f"{row['name']}: another row covers every day of {row['title']!r}"
    analysis = code_text(coder(None, ("id",)), row["example"], day.isoformat())
    name = next(n for n in _names(row) if n in row["example"])
    at = row["example"].index(name)
    got = [m.actor.code for m in analysis.mentions if m.start <= at < m.end and m.actor is not None]
    assert row["code"] in got, f"{row['example']!r} on {day} gave {[(m.text, m.actor and m.actor.code) for m in analysis.mentions]}"
