"""One actor as a dictionary defines it: names, and codes with the days they hold.

The record stays close to the source (names as written, codes in file
order) so that importing, exporting and showing an actor lose nothing;
turning it into knowledge the coder uses is `warta.actors.knowledge`'s job.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from warta.actors.codes import is_non_state
from warta.actors.people import within

# Codes that mean "do not code this" in TABARI/PETRARCH dictionaries.
NULL_CODES = frozenset({"---", "+++", "###", ""})
# Sectors that make an actor a group rather than an organisation.
GROUP_SECTORS = frozenset({"REB", "INS", "UAF", "SEP", "OPP", "RAD", "MOD"})


@dataclass(frozen=True, slots=True)
class CodeSpan:
    """A code and the days it applies; no dates = the actor's default code."""

    code: str  # "IRNGOV"
    valid_from: date | None = None  # inclusive
    valid_to: date | None = None  # inclusive

    @property
    def dated(self) -> bool:
        return self.valid_from is not None or self.valid_to is not None

    def holds_on(self, day: date) -> bool:
        return within(day, self.valid_from, self.valid_to)


@dataclass(frozen=True, slots=True)
class ActorRecord:
    name: str  # as the dictionary writes it, `_` already turned into spaces: "VLADIMIR PUTIN"
    aliases: tuple[str, ...] = ()
    codes: tuple[CodeSpan, ...] = ()  # in file order: it decides which dated code wins
    comment: str = ""  # the first comment on the entry's own line ("CountryInfo.txt")
    source: str = ""  # file name it came from
    line: int = 0  # 1-based line of the entry, for messages

    def code_on(self, day: date | None) -> str | None:
        """The code PETRARCH gives on `day`: the first dated code that holds, else the default.

        None when nothing holds or what holds is the null code (`---`).
        """
        found = None
        if day is not None:
            found = next((s.code for s in self.codes if s.dated and s.holds_on(day)), None)
        if found is None:
            found = next((s.code for s in self.codes if not s.dated), None)
        return None if found in NULL_CODES else found

    @property
    def is_person(self) -> bool:
        """People hold offices with dates (or are marked by CountryInfo, Phoenix's list of people).

        Places have dated codes too (GEORGIA was USRGEO until 1991, GEO since):
        an entry is a person when the code it holds last has a sector.
        """
        if "countryinfo" in self.comment.lower():
            return True
        latest = self._latest_dated()
        return latest is not None and len(latest.code) > 3

    def _latest_dated(self) -> CodeSpan | None:
        dated = [s for s in self.codes if s.dated and s.code not in NULL_CODES]
        if not dated:
            return None
        return max(dated, key=lambda s: (s.valid_to is None, s.valid_to or date.min, s.valid_from or date.min))

    @property
    def main_code(self) -> str | None:
        """The default code, else the code held last; None for entries that code nothing."""
        default = [s.code for s in self.codes if not s.dated and s.code not in NULL_CODES]
        if default:
            return default[0]
        latest = self._latest_dated()
        return latest.code if latest else None

    @property
    def country(self) -> str | None:
        """The country most of the codes name (IGO people: "IGO")."""
        counts = Counter(c.code[:3] for c in self.codes if len(c.code) >= 3 and c.code not in NULL_CODES)
        return counts.most_common(1)[0][0] if counts else None

    @property
    def kind(self) -> str:
        """person | country | org | group (| discard: codes nothing), for the gazetteer and the store."""
        if self.main_code is None:
            return "discard"
        if self.is_person:
            return "person"
        return kind_of_code(self.main_code)


def kind_of_code(code: str) -> str:
    if code.startswith(("IMG",)):
        return "group"
    if is_non_state(code):
        return "org"
    if len(code) == 3:
        return "country"
    sectors = {code[i:i + 3] for i in range(3, len(code), 3)}
    return "group" if sectors & GROUP_SECTORS else "org"
