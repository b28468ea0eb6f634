"""The actor store: importing, adding by hand, reviewing, and the knowledge it gives the coder."""
from __future__ import annotations

import shutil
from datetime import date

import pytest

from warta.actors.petrarch import parse_actors
from warta.actors.store import ActorStore

DICTIONARY = """\
NORTHLAND_ [NTH]
+NORTHLANDER
ANNA_BERG_  # CountryInfo.txt
+BERG
\t[NTHGOV 19990810-20041231]
\t[NTHELI]
NORTHLAND_COAST_GUARD [NTHMIL]
+NCG
"""


def _records(text=DICTIONARY, source="invented.actors.txt"):
    return parse_actors(text.splitlines(), source)


def test_tables_are_created_on_first_use(db):
    with ActorStore.open(db) as store:
        assert store.counts() == {"actors": 0, "actor_aliases": 0, "actor_roles": 0, "actor_observations": 0,
                                  "agents": 0}


def test_import_and_reimport_replace_only_that_source(db):
    with ActorStore.open(db) as store:
        first = store.import_records(_records())
        assert first == {"actors": 3, "aliases": 3, "roles": 4}
        store.add("Olaf Strand", "NTHGOV", date(2001, 1, 1))
        store.import_records(_records())  # again: same rows, not twice as many
        assert store.counts()["actors"] == 4
        store.import_records(_records("ANNA_BERG_ # CountryInfo.txt\n\t[NTHGOV 20000101-20041231]\n"))
        assert store.counts()["actors"] == 2  # the file now says less; the manual actor stays
        assert store.find("Olaf Strand") and store.find("anna berg") and not store.find("Northland")


def test_show_list_and_export(db):
    with ActorStore.open(db) as store:
        store.import_records(_records())
        [berg] = store.show("berg")
        assert berg["name"] == "Anna Berg" and berg["kind"] == "person" and berg["aliases"] == ["Berg"]
        assert [(r["code"], r["valid_from"], r["valid_to"]) for r in berg["roles"]] == [
            ("NTHGOV", date(1999, 8, 10), date(2004, 12, 31)), ("NTHELI", None, None)]
        listed = {row["name"]: row for row in store.list()}
        assert listed["Northland Coast Guard"]["codes"] == "NTHMIL"
        assert listed["Northland"]["kind"] == "country"
        exported = list(store.export())
        assert len(exported) == 3 and all("roles" in a and "aliases" in a for a in exported)


def test_add_gives_a_known_actor_another_dated_role(db):
    with ActorStore.open(db) as store:
        store.add("Hadi Tjahjanto", "IDNMIL", date(2017, 12, 8), date(2021, 11, 17), aliases=["Hadi"])
        store.add("Hadi Tjahjanto", "IDNGOV", date(2022, 6, 15))
        [hadi] = store.show("Hadi")
        assert [r["code"] for r in hadi["roles"]] == ["IDNMIL", "IDNGOV"]
        with pytest.raises(ValueError):
            store.add("Hadi Tjahjanto", "IDNGOV", date(2024, 1, 1), date(2023, 1, 1))
        person = store.knowledge().people.get("Hadi Tjahjanto")
    assert person.actor_on(date(2020, 1, 1)).code == "IDNMIL"
    assert person.actor_on(date(2022, 1, 1)).code == "IDN"  # between offices: the bare country
    assert person.actor_on(date(2023, 1, 1)).code == "IDNGOV"


def test_knowledge_rows_and_agents(db):
    with ActorStore.open(db) as store:
        store.import_records(_records())
        store.import_agents([("coast guard", "MIL"), ("minister", "GOV")], "petrarch:invented.agents.txt")
        knowledge = store.knowledge()
    rows = {name: (code, kind) for name, code, kind in knowledge.actors}
    assert rows["Northlander"] == ("NTH", "country")
    assert rows["NCG"] == ("NTHMIL", "org")
    assert ("minister", "GOV") in knowledge.roles
    berg = knowledge.people.get("Berg")
    assert berg.actor_on(date(2000, 1, 1)).code == "NTHGOV"
    assert berg.actor_on(date(2010, 1, 1)).code == "NTHELI"


def test_review_changes_status_and_trust(db):
    with ActorStore.open(db) as store:
        role = store.add("Ali Asghar Khaji", "IRNGOV", date(2023, 11, 13), date(2023, 11, 13),
                         provenance="learned", confidence=0.6, status="pending")
        assert [r["id"] for r in store.learned()] == [role]
        store.review(role, "accepted")
        assert store.learned() == [] and store.learned("accepted")[0]["confidence"] == 0.95
        store.review(role, "rejected")
        assert store.learned("rejected")[0]["id"] == role
        assert store.knowledge().people.get("Khaji") is None  # rejected roles teach nothing
        with pytest.raises(KeyError):
            store.review(999, "accepted")
        with pytest.raises(ValueError):
            store.review(role, "maybe")


@pytest.mark.slow
def test_phoenix_import_is_whole_and_dated(phoenix_db, tmp_path):
    db = tmp_path / "copy.duckdb"
    shutil.copy(phoenix_db, db)
    with ActorStore.open(db) as store:
        counts = store.counts()
        assert counts["actors"] > 27000 and counts["actor_roles"] > 37000 and counts["agents"] > 6000
        knowledge = store.knowledge()
    rouhani = knowledge.people.get("Hassan Rowhani")
    assert rouhani.name == "Hassan Rouhani"
    assert rouhani.actor_on(date(2020, 7, 16)).code == "IRNGOV"
    # the dictionary leaves his presidency open; the built-in fact ends it on 2021-08-03
    assert rouhani.actor_on(date(2023, 1, 1)).code == "IRN"
    ahmadinejad = knowledge.people.get("Ahmadinejad")
    assert ahmadinejad.actor_on(date(2010, 1, 1)).code == "IRNGOV"
    assert ahmadinejad.actor_on(date(2015, 1, 1)).code == "IRNELI"
