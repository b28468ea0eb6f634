"""Resolve a name, on a day, to the actor it was then: exact names first, then spellings.

The coder finds names in running text (warta.actors.gazetteer); this is
the same knowledge for a name already cut out of its text: an evaluation
harness comparing actors, an API looking up who someone was, a benchmark.

    resolver = Resolver(knowledge.people)
    resolver.resolve("Rowhani", date(2020, 1, 5))   # -> Actor IRNGOV, "Hassan Rouhani"
"""
from __future__ import annotations

from datetime import date

from warta.actors.fuzzy import FuzzyNames, person_names
from warta.actors.people import People
from warta.model import Actor
from warta.settings import ActorSettings


class Resolver:
    def __init__(self, people: People, settings: ActorSettings | None = None):
        settings = settings or ActorSettings.load()
        self.people = people
        self.fuzzy = FuzzyNames(person_names(people), settings.fuzzy_threshold, settings.fuzzy_min_length)

    def person(self, name: str):
        """The known person called `name` (any alias, any spelling close enough), or None."""
        person = self.people.get(name)
        if person is None:
            found = self.fuzzy.match(name)
            person = self.people.get(found[0]) if found else None
        return person

    def resolve(self, name: str, day: date | None) -> Actor | None:
        """The actor `name` was on `day`: their office then, else their country; None if unknown."""
        person = self.person(name)
        return person.actor_on(day) if person is not None else None
