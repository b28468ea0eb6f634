"""What Warta knows about actors beyond a language: people and their offices.

A person is a government actor only while in office: every role carries the
days it is valid, and `Person.actor_on(day)` answers with the role of that day
(or the bare country outside every role).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from warta.model import Actor
from warta.tabular import read_tsv, split_alternatives


def within(day: date, first: date | None, last: date | None) -> bool:
    """Is `day` inside [first, last]? An open end is unbounded."""
    return (first is None or day >= first) and (last is None or day <= last)


@dataclass(frozen=True, slots=True)
class Role:
    code: str  # full CAMEO actor code, "IRNGOV"
    title: str
    valid_from: date | None
    valid_to: date | None
    provenance: str = "built-in"
    confidence: float = 1.0

    def active(self, day: date | None) -> bool:
        if day is None:
            return self.valid_to is None  # undated text: only current offices count
        return within(day, self.valid_from, self.valid_to)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    aliases: tuple[str, ...]
    country: str | None
    roles: tuple[Role, ...] = ()

    def actor_on(self, day: date | None) -> Actor:
        for role in sorted(self.roles, key=lambda r: -r.confidence):
            if role.active(day):
                return split_code(role.code, self.name)
        return Actor.of(self.country, None, self.name)


def split_code(code: str, name: str | None = None) -> Actor:
    """IRNGOV -> country IRN, sector GOV. A non-state code keeps its prefix where the country
    would be (IGOUNO -> country IGO, sector UNO): `codes.is_non_state` tells it from a country."""
    return Actor(code, code[:3] or None, code[3:6] or None, name)


@dataclass(frozen=True)
class People:
    """Known people, looked up by any of their names (lower case)."""

    by_name: dict[str, Person] = field(default_factory=dict)

    def merged(self, others: "People") -> "People":
        out = dict(self.by_name)
        for key, person in others.by_name.items():
            mine = out.get(key)
            if mine is None:
                out[key] = person
            else:
                out[key] = Person(mine.name, tuple(dict.fromkeys(mine.aliases + person.aliases)),
                                  mine.country or person.country, mine.roles + person.roles)
        return People(out)

    def names(self) -> list[str]:
        return list(self.by_name)

    def get(self, name: str) -> Person | None:
        return self.by_name.get(name.lower())


def parse_day(text: str) -> date | None:
    text = (text or "").strip()
    if not text or text == "-":
        return None
    if len(text) == 8 and text.isdigit():  # PETRARCH style 20130803
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    return date.fromisoformat(text)


def people_from_rows(rows: list[dict], provenance: str) -> People:
    grouped: dict[str, list[dict]] = {}
    for r in rows:
        grouped.setdefault(r["name"], []).append(r)
    by_name: dict[str, Person] = {}
    for name, rs in grouped.items():
        aliases = tuple(dict.fromkeys(a for r in rs for a in split_alternatives(r.get("aliases", ""))))
        roles = tuple(
            Role(r["code"], r.get("title", ""), parse_day(r.get("valid_from", "")), parse_day(r.get("valid_to", "")),
                 provenance)
            for r in rs if r.get("code")
        )
        person = Person(name, aliases, rs[0].get("country") or None, roles)
        for key in (name, *aliases):
            by_name.setdefault(key.lower(), person)
    return People(by_name)


@lru_cache(maxsize=1)
def builtin_people() -> People:
    rows = read_tsv(Path(__file__).with_name("people.tsv"), "warta.people.v1",
                    ("name", "aliases", "country", "code", "valid_from", "valid_to", "example"))
    return people_from_rows(rows, "built-in")
