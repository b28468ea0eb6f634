"""Find every known name in a text at once (Aho-Corasick), on word boundaries.

Two automata: one over lower-cased names, one over names that must match as
written (acronyms such as "AS", people's names), so "AS" is not the word "as".
"""
from __future__ import annotations

from dataclasses import dataclass

import ahocorasick

from warta.actors.countries import country_names
from warta.actors.fuzzy import PersonVariants
from warta.actors.people import People
from warta.lang import LanguagePack
from warta.lang.case import in_capitals


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str  # country | capital | org | group | role | person | word
    value: str  # actor code, sector, person key, or word class
    title: str = ""
    home_scoped: bool = False  # the story's own body of this kind when written without a country


class Gazetteer:
    def __init__(self, pack: LanguagePack, people: People, extra: tuple[tuple[str, str, str], ...] = (),
                 extra_roles: tuple[tuple[str, str], ...] = ()):
        """`extra`: (name, code, kind) rows and `extra_roles`: (noun, sector) rows from imported dictionaries."""
        self.pack = pack
        self._folded: dict[str, Entry] = {}
        self._exact: dict[str, Entry] = {}
        for name, code in country_names(pack.code).items():
            self._add(name, Entry("country", code), exact=False)
        for row in pack.actors:
            for name in row.names:
                self._add(name, Entry(row.kind, row.code, home_scoped=row.home_scoped), exact=row.case_sensitive)
        for role in pack.roles:
            for phrase in role.phrases:
                self._add(phrase, Entry("role", role.sector, role.title), exact=False)
        for key, person in people.by_name.items():
            for name in (person.name, *person.aliases):
                self._add(name, Entry("person", person.name.lower()), exact=True)
        self._people = people
        self._variants = None  # spelling variants of people's names, built on first use
        for name, code, kind in extra:
            self._add(name, Entry(kind, code), exact=kind == "person" or _as_written(name))
        for noun, sector in extra_roles:
            self._add(noun, Entry("role", sector), exact=False)
        for cls in ("both_parties", "plural_pronoun", "former", "coordinator"):
            for w in pack.word_class(cls):
                self._add(w, Entry("word", cls), exact=False)
        self._automata = None

    def _add(self, name: str, entry: Entry, exact: bool) -> None:
        name = " ".join(name.split())
        if len(name) < 2:
            return
        table = self._exact if exact else self._folded
        key = name if exact else name.lower()
        table.setdefault(key, entry)  # first definition wins: pack rows before imports

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_automata"] = None  # rebuilt on the worker; automata do not pickle small
        state["_variants"] = None
        return state

    def _build(self):
        built = []
        for table in (self._folded, self._exact):
            auto = ahocorasick.Automaton()
            for key, entry in table.items():
                auto.add_word(key, (len(key), entry))
            if len(auto):
                auto.make_automaton()
            built.append(auto)
        self._automata = tuple(built)
        return self._automata

    def find(self, text: str) -> list[tuple[int, int, Entry]]:
        """All matches as (start, end, entry); boundaries are checked by the caller."""
        folded, exact = self._automata or self._build()
        out = []
        if len(folded):
            out = [(end - length + 1, end + 1, entry) for end, (length, entry) in folded.iter(_lower_same_length(text))]
        if len(exact):
            out += [(end - length + 1, end + 1, entry) for end, (length, entry) in exact.iter(text)]
        out.extend(self._spelling_variants(text, out))
        return out

    def _spelling_variants(self, text: str, found: list) -> list[tuple[int, int, Entry]]:
        """Known people under another transliteration ("Rohani" for Rouhani): warta.actors.fuzzy."""
        if self._variants is None:
            self._variants = PersonVariants.of(self._people, self.pack)
        return [(s, e, Entry("person", key)) for s, e, key in self._variants.find(text, found)]

    def lookup(self, name: str) -> Entry | None:
        return self._exact.get(name) or self._folded.get(name.lower())


def _as_written(name: str) -> bool:
    """Imported acronyms and very short names match only as written: "US" is not "us"."""
    letters = sum(c.isalpha() for c in name)
    return letters <= 3 or (in_capitals(name) and " " not in name)


def _lower_same_length(text: str) -> str:
    """Lower-case without moving offsets (a few letters grow when lowered: "İ")."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
