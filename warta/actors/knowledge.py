"""Dictionary records -> the knowledge the coder uses (`warta.coder.ExtraKnowledge`).

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

from typing import Iterable

from spacy.lang.en.stop_words import STOP_WORDS as _EN_STOP
from spacy.lang.id.stop_words import STOP_WORDS as _ID_STOP

from warta.actors.names import display, is_acronym, person_variants
from warta.actors.records import NULL_CODES, ActorRecord
from warta.coder import ExtraKnowledge
from warta.knowledge import People, Person, Role

DATED_CONFIDENCE = 0.9  # below built-in facts (1.0), above a dictionary's default code
DEFAULT_CONFIDENCE = 0.5
# Words too common to stand for an actor on their own ("Lima" is five in Indonesian).
STOP_WORDS = frozenset(_EN_STOP) | frozenset(_ID_STOP)


def to_knowledge(records: Iterable[ActorRecord], agents: Iterable[tuple[str, str]] = (),
                 provenance: str | None = None) -> ExtraKnowledge:
    """People with dated roles, (name, code, kind) gazetteer rows and (noun, sector) role rows."""
    people: dict[str, Person] = {}
    rows: dict[str, tuple[str, str, str]] = {}
    for rec in records:
        prov = provenance or f"petrarch:{rec.source}"
        if rec.kind == "discard":
            continue
        if rec.kind == "person":
            person = person_of(rec, prov)
            key = person.name.lower()
            if key in people:  # one name, several entries: one person, roles in file order
                old = people[key]
                person = Person(old.name, tuple(dict.fromkeys(old.aliases + person.aliases)),
                                old.country or person.country, old.roles + person.roles)
            people[key] = person
            continue
        for name in actor_names(rec):
            rows.setdefault(name, (name, rec.main_code, rec.kind))
    return ExtraKnowledge(people=people_index(people.values()), actors=tuple(rows.values()),
                          roles=tuple(agents))


def person_of(rec: ActorRecord, provenance: str) -> Person:
    name = display(rec.name, person=True)
    aliases: list[str] = []
    for raw in rec.aliases:
        alias = display(raw, person=True)
        aliases.append(alias)
        aliases.extend(person_variants(alias))
    aliases.extend(person_variants(name))
    roles = []
    for span in rec.codes:
        if span.code in NULL_CODES:
            continue
        confidence = DATED_CONFIDENCE if span.dated else DEFAULT_CONFIDENCE
        roles.append(Role(span.code, "", span.valid_from, span.valid_to, provenance, confidence))
    aliases = [a for a in dict.fromkeys(aliases) if a != name]
    return Person(name, tuple(aliases), rec.country, tuple(roles))


def actor_names(rec: ActorRecord) -> list[str]:
    """Every way news may write a country, organisation or group of the dictionary."""
    out = []
    for raw in (rec.name, *rec.aliases):
        name = display(raw)
        letters = sum(c.isalpha() for c in name)
        if letters < 2:
            continue
        if " " not in name and name.lower() in STOP_WORDS and not is_acronym(name):
            continue  # "Lima", "Sana": a word long before it is a capital
        out.append(name)
        if letters <= 3 and name.isupper():  # "QOM" is also written "Qom"
            out.append(name.title())
    return out


def people_index(people: Iterable[Person]) -> People:
    """Look-up by every name of every person; the first person to claim a name keeps it."""
    by_name: dict[str, Person] = {}
    for person in people:
        by_name.setdefault(person.name.lower(), person)
    for person in list(by_name.values()):
        for alias in person.aliases:
            by_name.setdefault(alias.lower(), person)
    return People(by_name)
