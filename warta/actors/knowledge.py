"""The knowledge the coder takes beyond the built-in files (`ExtraKnowledge`), and dictionary
records turned into it.

People (entries with offices that have dates) become `Person`s whose roles
keep the dictionary's days, so a person is coded by the office held on the
day the text speaks of. Countries, organisations and groups become gazetteer
rows; agent nouns become role nouns ("minister" -> GOV).

Two choices keep PETRARCH's meaning: dated codes outrank the default code
and keep their file order (the first that holds wins); and names are written
the way news writes them, since people's names match case-sensitively.
A null code (`---`) cannot be said as a Role, so its days fall to the
default; `ActorRecord.code_on` keeps the exact PETRARCH answer.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from warta.actors.names import display, is_acronym, person_variants
from warta.actors.people import People, Person, Role
from warta.actors.records import NULL_CODES, ActorRecord
from warta.lang import stop_words
from warta.lang.case import in_capitals
from warta.settings import ActorSettings


@dataclass(frozen=True)
class ExtraKnowledge:
    """Knowledge beyond the built-in files: imported dictionaries, learned roles (`Coder.load(extra=...)`)."""

    people: People = People()
    actors: tuple[tuple[str, str, str], ...] = ()  # (name, code, kind)
    roles: tuple[tuple[str, str], ...] = ()  # (agent noun, sector): "minister" -> GOV
    verbs: tuple = ()  # imported verb dictionaries' entries (warta.verbs.entries.ImportedVerb), each with its `lang`


def to_knowledge(records: Iterable[ActorRecord], agents: Iterable[tuple[str, str]] = (),
                 provenance: str | None = None, settings: ActorSettings | None = None) -> ExtraKnowledge:
    """People with dated roles, (name, code, kind) gazetteer rows and (noun, sector) role rows."""
    settings = settings or ActorSettings.load()
    people: dict[str, Person] = {}
    rows: dict[str, tuple[str, str, str]] = {}
    for rec in records:
        prov = provenance or f"petrarch:{rec.source}"
        if rec.kind == "discard":
            continue
        if rec.kind == "person":
            add_person(people, person_of(rec, prov, settings))
            continue
        for name in row_names(display(n) for n in (rec.name, *rec.aliases)):
            rows.setdefault(name, (name, rec.main_code, rec.kind))
    index = people_index(people.values())
    rows = {name: row for name, row in rows.items() if name.lower() not in index.by_name}  # dated beats undated
    return ExtraKnowledge(people=index, actors=tuple(rows.values()), roles=tuple(agents))


def person_of(rec: ActorRecord, provenance: str, settings: ActorSettings) -> Person:
    """A dictionary person: dated codes in file order, then the default, which ranks below."""
    roles = []
    for span in rec.codes:
        if span.code in NULL_CODES:
            continue
        trust = settings.trust_imported_dated if span.dated else settings.trust_imported_default
        roles.append(Role(span.code, "", span.valid_from, span.valid_to, provenance, trust))
    return person_named(display(rec.name, person=True), [display(a, person=True) for a in rec.aliases],
                        rec.country, roles)


def person_named(name: str, aliases: Iterable[str], country: str | None, roles: Iterable[Role]) -> Person:
    """A Person whose aliases include the casings news uses ("Bashar al-Assad")."""
    names: list[str] = []
    for alias in aliases:
        names.append(alias)
        names.extend(person_variants(alias))
    names.extend(person_variants(name))
    return Person(name, tuple(a for a in dict.fromkeys(names) if a != name), country, tuple(roles))


def add_person(people: dict[str, Person], person: Person) -> None:
    """One name, several entries: one person, roles kept in the order they came."""
    key = person.name.lower()
    old = people.get(key)
    if old is not None:
        person = Person(old.name, tuple(dict.fromkeys(old.aliases + person.aliases)),
                        old.country or person.country, old.roles + person.roles)
    people[key] = person


def row_names(names: Iterable[str]) -> list[str]:
    """Every way news may write a country, organisation or group, minus common words."""
    out = []
    for name in names:
        letters = sum(c.isalpha() for c in name)
        if letters < 2:
            continue
        if " " not in name and name.lower() in stop_words() and not is_acronym(name):
            continue  # "Lima", "Sana": a word long before it is a capital
        out.append(name)
        if letters <= 3 and in_capitals(name):  # "QOM" is also written "Qom"
            out.append(name.title())
    return list(dict.fromkeys(out))


def people_index(people: Iterable[Person]) -> People:
    """Look-up by every name of every person; the first person to claim a name keeps it."""
    by_name: dict[str, Person] = {}
    for person in people:
        by_name.setdefault(person.name.lower(), person)
    for person in list(by_name.values()):
        for alias in person.aliases:
            by_name.setdefault(alias.lower(), person)
    return People(by_name)
