"""A person nobody could code, all the way down: stored, merged, exported, counted (or not).

"Pak Ahmad Vahidi bertemu Menteri Luar Negeri Rusia" is an event with source None
and source_name "Ahmad Vahidi". The same meeting told twice (once the other
way round) is one event; another unresolved person meeting the same minister
on the same day is another event, told apart by the name. Dyads and the
network count coded actors only; GDELT keeps the name in Actor1Name with the
code columns empty; PLOVER writes an actor with its words and a null code.
"""
from __future__ import annotations

import json
from datetime import date

import pytest
from fastapi.testclient import TestClient

from warta.analysis.dyads import dyads
from warta.analysis.filters import EventQuery
from warta.analysis.network import network
from warta.api import Warta
from warta.export import export
from warta.export.gdelt import COLUMNS
from warta.server import create_app
from warta.store import EventFilter, Store
from warta.store.merge import Event, MergeRule, Report, score

pytestmark = pytest.mark.archive  # articles coded into a real store, read every way: slow (tests/conftest.py)

ARTICLES = {
    "a.txt": "Pak Ahmad Vahidi bertemu Menteri Luar Negeri Rusia di Moskow, Selasa (5/12/2023).",
    # the same meeting the other way round, in another article
    "b.txt": "Menteri Luar Negeri Rusia bertemu Pak Ahmad Vahidi di Moskow, Selasa (5/12/2023).",
    # another person nobody resolved, same minister, same day: another event
    "c.txt": "Pak Budi Santoso bertemu Menteri Luar Negeri Rusia di Moskow, Selasa (5/12/2023).",
    "d.txt": "Presiden Iran bertemu Presiden Rusia di Moskow, Selasa (5/12/2023).",
}
DAY = date(2023, 12, 5)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("articles")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = folder.parent / "unresolved.duckdb"
    Warta(path).code([folder], keep_records=False)
    return path


def _uncoded(rows):
    return sorted((r["source_name"] if r["source"] is None else r["target_name"]) for r in rows
                  if r["source"] is None or r["target"] is None)


def test_reports_and_events_keep_the_name_with_null_codes(db):
    with Store.open(db, read_only=True) as store:
        reports, events = store.reports(), store.events()
    assert len(reports) == 4
    assert _uncoded(reports) == ["Ahmad Vahidi", "Ahmad Vahidi", "Budi Santoso"]
    vahidi = [e for e in events if "Ahmad Vahidi" in (e["source_name"], e["target_name"])]
    assert len(vahidi) == 1 and vahidi[0]["report_count"] == 2 and vahidi[0]["article_count"] == 2
    side = "source" if vahidi[0]["source"] is None else "target"
    assert vahidi[0][f"{side}_actor_name"] == "Ahmad Vahidi"
    assert {vahidi[0]["source"], vahidi[0]["target"]} == {None, "RUSGOV"}
    assert _uncoded(events) == ["Ahmad Vahidi", "Budi Santoso"]  # two people, two events
    assert len(events) == 3 and all(e["date"] == DAY for e in events)


def test_the_merge_tells_uncoded_sides_apart_by_name():
    sym = "lexicon:id:meet:symmetric"
    anchor = Event(Report("r1", "d1", DAY, None, "RUSGOV", "040", sym, source_person="Ahmad Vahidi"))
    same = Report("r2", "d2", DAY, "RUSGOV", None, "040", sym, target_person="ahmad vahidi")
    other = Report("r3", "d3", DAY, None, "RUSGOV", "040", sym, source_person="Budi Santoso")
    nameless = Report("r4", "d4", DAY, None, "RUSGOV", "040", sym)
    assert score(same, anchor, MergeRule()) is not None
    assert score(other, anchor, MergeRule()) is None
    assert score(nameless, anchor, MergeRule()) is None


def test_dyads_and_the_network_count_coded_actors_only(db):
    series = dyads(db, source="IRN", target="RUS", directed=False, by="day", arrow=True).to_pylist()
    assert [(r["period"], r["total"]) for r in series] == [(DAY, 1)]
    rus = dyads(db, source="RUS", target="RUS", directed=False, by="day", arrow=True).to_pylist()
    assert rus == []
    with Store.open(db, read_only=True) as store:
        edges = network(store.con, EventQuery(), level="actor")["edges"].to_pylist()
    assert [(e["source"], e["target"], e["total"]) for e in edges] == [("IRNGOV", "RUSGOV", 1)]


def test_gdelt_keeps_the_name_with_empty_codes(db, tmp_path):
    out = export(db, "gdelt", tmp_path / "events.CSV")
    assert out.rows == 3
    rows = [dict(zip(COLUMNS, line.rstrip("\n").split("\t"))) for line in open(out.path, encoding="utf-8")]
    assert all(len(r) == len(COLUMNS) for r in rows)
    named = sorted((r["Actor1Name"], r["Actor1Code"], r["Actor1CountryCode"], r["Actor2Code"]) for r in rows
                   if not r["Actor1Code"])
    assert named == [("AHMAD VAHIDI", "", "", "RUSGOV"), ("BUDI SANTOSO", "", "", "RUSGOV")]
    coded = [r for r in rows if r["Actor1Code"]]
    assert [(r["Actor1Code"], r["Actor1CountryCode"], r["Actor1Type1Code"]) for r in coded] == [("IRNGOV", "IRN", "GOV")]


def test_plover_writes_the_person_with_a_null_code(db, tmp_path):
    out = export(db, "plover", tmp_path / "events.jsonl", EventFilter())
    records = [json.loads(line) for line in open(out.path, encoding="utf-8")]
    assert out.rows == len(records) == 3
    people = sorted((r["actor"][0]["entity_text"], r["actor"][0]["code"], r["actor"][0]["sector"],
                     r["actor"][0].get("identifier_text")) for r in records if r["actor"][0]["code"] is None)
    assert people == [("Ahmad Vahidi", None, None, "Ahmad Vahidi"), ("Budi Santoso", None, None, "Budi Santoso")]
    assert all(r["recipient"] and r["recipient"][0]["code"] == "RUS" for r in records)


def test_table_exports_hold_the_nulls(db, tmp_path):
    out = export(db, "jsonl", tmp_path / "events.jsonl", level="reports")
    rows = [json.loads(line) for line in open(out.path, encoding="utf-8")]
    assert out.rows == 4 and _uncoded(rows) == ["Ahmad Vahidi", "Ahmad Vahidi", "Budi Santoso"]


def test_the_dashboard_api_shows_the_name_and_lists_only_coded_actors(db, tmp_path):
    with TestClient(create_app(db, snapshot_dir=tmp_path / "snapshots"), base_url="http://127.0.0.1") as client:
        body = client.get("/api/events").json()
        assert body["total"] == 3
        assert _uncoded(body["events"]) == ["Ahmad Vahidi", "Budi Santoso"]
        assert client.get("/api/events", params={"target": "RUS"}).json()["total"] == 3  # an event has its first
        assert client.get("/api/events", params={"source": "RUS"}).json()["total"] == 0  # report's sides
        actors = {a["code"] for a in client.get("/api/actors").json()["actors"]}
        assert actors == {"IRNGOV", "RUSGOV"}
        assert client.get("/api/stats").status_code == 200


@pytest.mark.slow
def test_the_cli_table_shows_the_name_where_the_code_is_missing(db):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "warta.cli", "events", "--db", str(db), "--doc", "a.txt"],
                          capture_output=True, text=True, check=True)
    assert "? Ahmad Vahidi" in done.stdout and "RUSGOV" in done.stdout
