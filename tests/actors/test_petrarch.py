"""Reading TABARI/PETRARCH actor and agent dictionaries: invented entries, then the real files."""
from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import shared_path
from warta.actors.knowledge import to_knowledge
from warta.actors.petrarch import (Problems, load_actors, load_agents, parse_actors, parse_agents,
                                   parse_code, parse_dictionary_date)
from warta.actors.records import CodeSpan

# Invented actors in the dictionary format, every form the real files use.
ACTORS = """\
<!-- a header comment
     over two lines -->
# a comment line
NORTHLAND_  [NTH]
+NORTHLANDER_ # demonym
+THE_NORTH_KINGDOM

NORTHLAND_COAST_GUARD
+NCG
\t[NTHMIL]

ANNA_BERG_  # CountryInfo.txt
+BERG
\t[NTHELI 700101-990809]
\t[NTHGOV 19990810 - 20041231]
\t[NTHGOV >20100101]
\t[NTHELI]
OLAF_STRAND_ [NTHGOV 20010101-20051231] [IGOUNO >20060101]
WILLEM_TOR
\t[NTHREB <151231]
\t[---]
  this line makes no sense
\t[NTHGOV 20200230-20210101]
\t[12345]
GREEN_CIRCLE_ [ngonth] ; an old-style comment
---STOP---
IGNORED_AFTER_STOP [XXX]
"""


@pytest.fixture
def records():
    problems = Problems()
    recs = parse_actors(ACTORS.splitlines(), "invented.actors.txt", problems)
    return {r.name: r for r in recs}, problems


def test_names_aliases_and_codes_are_read(records):
    recs, _ = records
    assert set(recs) == {"NORTHLAND", "NORTHLAND COAST GUARD", "ANNA BERG", "OLAF STRAND", "WILLEM TOR",
                         "GREEN CIRCLE"}
    assert recs["NORTHLAND"].aliases == ("NORTHLANDER", "THE NORTH KINGDOM")
    assert recs["NORTHLAND"].codes == (CodeSpan("NTH"),)
    assert recs["NORTHLAND COAST GUARD"].codes == (CodeSpan("NTHMIL"),)
    assert recs["GREEN CIRCLE"].codes == (CodeSpan("NGONTH"),)  # lower-case codes are read as codes


def test_date_restrictions_in_every_form(records):
    recs, _ = records
    berg = recs["ANNA BERG"]
    assert berg.codes == (
        CodeSpan("NTHELI", date(1970, 1, 1), date(1999, 8, 9)),
        CodeSpan("NTHGOV", date(1999, 8, 10), date(2004, 12, 31)),
        CodeSpan("NTHGOV", date(2010, 1, 1), None),
        CodeSpan("NTHELI"),
    )
    assert berg.aliases == ("BERG",) and berg.comment == "CountryInfo.txt"
    olaf = recs["OLAF STRAND"]  # dated codes on the entry's own line
    assert olaf.codes == (CodeSpan("NTHGOV", date(2001, 1, 1), date(2005, 12, 31)),
                          CodeSpan("IGOUNO", date(2006, 1, 1), None))
    assert recs["WILLEM TOR"].codes[0] == CodeSpan("NTHREB", None, date(2015, 12, 31))


def test_code_on_follows_petrarch(records):
    recs, _ = records
    berg = recs["ANNA BERG"]
    assert berg.code_on(date(1990, 1, 1)) == "NTHELI"
    assert berg.code_on(date(1999, 8, 10)) == "NTHGOV"  # bounds are inclusive
    assert berg.code_on(date(2004, 12, 31)) == "NTHGOV"
    assert berg.code_on(date(2007, 6, 1)) == "NTHELI"  # between offices: the default
    assert berg.code_on(date(2015, 6, 1)) == "NTHGOV"
    assert berg.code_on(None) == "NTHELI"
    assert recs["OLAF STRAND"].code_on(date(2007, 1, 1)) == "IGOUNO"
    assert recs["OLAF STRAND"].code_on(date(2000, 1, 1)) is None  # no default: nothing to code
    tor = recs["WILLEM TOR"]
    assert tor.code_on(date(2015, 12, 31)) == "NTHREB"
    assert tor.code_on(date(2016, 1, 1)) is None  # the null default code: do not code


def test_odd_lines_are_reported_not_fatal(records):
    recs, problems = records
    messages = " ".join(m for _, _, m in problems.items)
    assert "unreadable line" in messages
    assert "not an actor code" in messages  # [12345]
    assert len(problems) == 3  # ... and the impossible 30 February
    assert "IGNORED AFTER STOP" not in recs


def test_kinds(records):
    recs, _ = records
    assert recs["NORTHLAND"].kind == "country"
    assert recs["NORTHLAND COAST GUARD"].kind == "org"
    assert recs["ANNA BERG"].kind == "person" and recs["ANNA BERG"].is_person
    assert recs["GREEN CIRCLE"].kind == "org"


@pytest.mark.parametrize("text, day", [
    ("20130803", date(2013, 8, 3)), ("130803", date(2013, 8, 3)), ("300101", date(2030, 1, 1)),
    ("310101", date(1931, 1, 1)), ("991231", date(1999, 12, 31)),
])
def test_two_digit_years_pivot_at_30(text, day):
    assert parse_dictionary_date(text) == day


@pytest.mark.parametrize("bad", ["2013083", "20131301", "abc", "IRNGOV 20130803-20120101"])
def test_unreadable_dates_raise(bad):
    with pytest.raises(ValueError):
        parse_dictionary_date(bad) if " " not in bad else parse_code(bad)


AGENTS = """\
!PERSON! = MAN, WOMAN
!MIN! = MINISTER, MINISTRY
FOREIGN_MINISTER [~GOV] # regular plural
POLICE {} [ ~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]
AUTHORITY [~GOV]
ALDER!PERSON! [~GOV]
!MIN!_OF_FISHERIES [~GOVAGR]
RIGHTS_BODY [NGO~]
NO_CODE_HERE
"""


def test_agents_plurals_substitutions_and_sectors():
    problems = Problems()
    agents = dict(parse_agents(AGENTS.splitlines(), "invented.agents.txt", problems))
    assert agents["foreign minister"] == "GOV" and agents["foreign ministers"] == "GOV"
    assert agents["police"] == "COP" and "polices" not in agents
    assert agents["attorneys general"] == "JUD" and "attorney generals" not in agents
    assert agents["authorities"] == "GOV"
    assert agents["alderman"] == "GOV" and agents["alderwoman"] == "GOV"
    assert agents["ministry of fisheries"] == "GOVAGR" and agents["minister of fisheries"] == "GOVAGR"
    assert agents["rights body"] == "NGO"
    assert len(problems) == 1


def test_knowledge_from_records(records):
    recs, _ = records
    knowledge = to_knowledge(recs.values(), [("foreign minister", "GOV")])
    berg = knowledge.people.get("Berg")
    assert berg is not None and berg.name == "Anna Berg" and berg.country == "NTH"
    assert berg.actor_on(date(2002, 1, 1)).code == "NTHGOV"
    assert berg.actor_on(date(2007, 1, 1)).code == "NTHELI"  # the default, once out of office
    assert berg.actor_on(date(1980, 1, 1)).code == "NTHELI"
    rows = {name: (code, kind) for name, code, kind in knowledge.actors}
    assert rows["Northland"] == ("NTH", "country")
    assert rows["The North Kingdom"] == ("NTH", "country")
    assert rows["NCG"] == ("NTHMIL", "org")  # acronyms keep their capitals
    assert ("foreign minister", "GOV") in knowledge.roles


# -- the real files -------------------------------------------------------------------

PHOENIX = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")


@pytest.fixture(scope="module")
def phoenix():
    recs = []
    for name in PHOENIX:
        recs.extend(load_actors(shared_path("reference", "phoenix", name)))
    return recs


def test_phoenix_files_load_whole(phoenix):
    by_source = {}
    for r in phoenix:
        by_source[r.source] = by_source.get(r.source, 0) + 1
    assert by_source["Phoenix.Countries.actors.txt"] > 18000
    assert by_source["Phoenix.International.actors.txt"] > 7000
    assert by_source["Phoenix.MilNonState.actors.txt"] > 1000


def test_phoenix_people_change_code_at_the_dictionary_dates(phoenix):
    by_name = {r.name: r for r in phoenix}
    ahmadinejad = by_name["MAHMOUD AHMADINEJAD"]
    assert ahmadinejad.code_on(date(2005, 8, 2)) == "IRNELI"
    assert ahmadinejad.code_on(date(2005, 8, 3)) == "IRNGOV"
    assert ahmadinejad.code_on(date(2013, 8, 3)) == "IRNGOV"
    assert ahmadinejad.code_on(date(2013, 8, 4)) == "IRNELI"
    putin = by_name["VLADIMIR PUTIN"]
    assert "PUTIN" in putin.aliases
    assert putin.code_on(date(2020, 7, 16)) == "RUSGOV"
    knowledge = to_knowledge(phoenix)
    person = knowledge.people.get("Ahmadinejad")
    assert person.actor_on(date(2010, 1, 1)).code == "IRNGOV"
    assert person.actor_on(date(2015, 1, 1)).code == "IRNELI"
    assert knowledge.people.get("Hassan Rowhani").name == "Hassan Rouhani"


def test_validation_dictionary_date_restrictions():
    recs = {r.name: r for r in load_actors(shared_path("peer-suites", "petrarch", "PETR.Validate.actors.txt"))}
    sam = recs["SAM GAMGEE"]
    assert sam.code_on(date(2007, 1, 1)) == "HOBCIV"
    assert sam.code_on(date(2010, 1, 10)) == "ORCHOB"  # written first, so it wins over HOBMIL
    assert sam.code_on(date(2009, 1, 1)) == "HOBMIL"
    assert sam.code_on(date(2012, 12, 1)) == "HOBGOV"
    assert sam.code_on(date(2014, 1, 1)) == "HOBELI"
    gollum = recs["GOLLUM"]
    assert gollum.aliases == ("SMEAGOL", "SLINKER", "STINKER")
    assert [gollum.code_on(date(y, 1, 1)) for y in (1990, 1997, 2001)] == ["HOB", "HOBGOV", "HOBREB"]
    assert recs["INTERNATIONAL CRIMINAL POLICE ORGANIZATION"].aliases == ("INTERPOL",)
    assert recs["ENT"].codes == (CodeSpan("ENT"),)


def test_phoenix_agents():
    agents = dict(load_agents(shared_path("reference", "phoenix", "Phoenix.agents.txt")))
    assert len(agents) > 5000
    assert agents["police"] == "COP"
    assert agents["farmers"] == "AGR"
    assert agents["ministry of foreign affairs"] == "GOV"
    validate = dict(load_agents(shared_path("peer-suites", "petrarch", "PETR.Validate.agents.txt")))
    assert validate["golden geese"] == "GGS"
    assert validate["congresswoman"] == "LEG"
    assert validate["human rights body"] == "NGO"
