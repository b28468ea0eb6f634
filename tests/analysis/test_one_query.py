"""One query object (warta.query.EventQuery) behind every way of asking for events: `warta events`,
`warta export`, `warta dyads`, the Python API (`Warta.events`, `Store.events`, `export`, `dyads`)
and the REST API. Each takes comma lists, and each answers a day that is no day with a QueryError
(W400) or, on the command line, a message and exit code 2; never a DuckDB error."""
from __future__ import annotations

import json
from datetime import date

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from tests.analysis.synthetic import EVENTS, make_store
from warta import Warta
from warta.analysis.dyads import dyads
from warta.cli import app
from warta.errors import QueryError, WartaError
from warta.export import export
from warta.query import EventQuery
from warta.server import create_app
from warta.store import EventFilter, Store

runner = CliRunner()
IRN_OR_RUS = ["e0001", "e0002", "e0003", "e0004", "e0005", "e0009", "e0010"]  # source IRN* or RUS*
US_SANCTIONS = ["e0006", "e0007"]  # USA -> IRN or RUS
BAD_DAYS = ["2023-99-99", "notadate", "2023-02-30", "16/07/2020"]


@pytest.fixture
def store(tmp_path):
    return make_store(tmp_path / "synthetic.duckdb", EVENTS)


def ids(rows) -> list[str]:
    return sorted(r["id"] for r in rows)


def cli(*args):
    return runner.invoke(app, [str(a) for a in args])


# -- the object ----------------------------------------------------------------------------

def test_strings_lists_and_tuples_read_alike():
    want = EventQuery(source=("IRN", "RUS"), code=("04",), lang=("en",), since=date(2020, 7, 1))
    assert EventQuery(source="irn, RUS", code="04", lang="EN", since="2020-07-01") == want
    assert EventQuery(source=["IRN", "RUS,irn"], code=("04",), lang=["en"], since="2020-07-01") == want
    assert EventQuery.parse(source="IRN,RUS", code="04", lang="en", since="2020-07-01", until=None, doc="") == want
    assert EventFilter is EventQuery


@pytest.mark.parametrize("day", BAD_DAYS)
def test_a_day_that_is_no_day_is_a_query_error_with_a_code(day):
    for build in (EventQuery, EventQuery.parse):
        with pytest.raises(QueryError, match="is not a date") as caught:
            build(since=day)
        assert caught.value.code == "W400" and isinstance(caught.value, WartaError)
        assert isinstance(caught.value, ValueError)  # callers that caught ValueError still do
        assert "[W400] since:" in str(caught.value)


def test_other_nonsense_is_a_query_error_too():
    for raw in ({"source": "IRN'--"}, {"code": "x"}, {"colour": "red"}, {"limit": "many"}, {"limit": -1},
                {"since": "2021-01-01", "until": "2020-01-01"}, {"quad_class": "9"}):
        with pytest.raises(QueryError):
            EventQuery.parse(**raw)


# -- the Python API ----------------------------------------------------------------------------

def test_python_api_takes_comma_lists_and_an_event_query(store):
    w = Warta(store)
    assert ids(w.events(source="IRN,RUS")) == IRN_OR_RUS
    assert ids(w.events(source="USA", target=["IRN", "RUS"])) == US_SANCTIONS
    assert ids(w.events(EventQuery(source="USA", target="IRN,RUS"))) == US_SANCTIONS
    assert ids(w.events(code="16,057")) == ["e0002"] + US_SANCTIONS
    assert ids(w.events(since="2020-08-10", until="2020-08-10")) == US_SANCTIONS
    assert len(w.events(source="IRN,RUS", limit=2)) == 2
    assert ids(w.reports(source="USA", target="IRN,RUS")) == US_SANCTIONS
    assert ids(w.events(doc="d1", actor="SYR")) == ["e0008"]  # the filters dyads and REST take, too
    with pytest.raises(QueryError, match="not both"):
        w.events(EventQuery(source="USA"), target="IRN")


@pytest.mark.parametrize("day", BAD_DAYS)
def test_python_api_answers_a_bad_day_with_a_query_error(store, day):
    with pytest.raises(QueryError, match="not a date"):
        Warta(store).events(since=day)
    with pytest.raises(QueryError, match="not a date"):
        Warta(store).reports(until=day)
    with pytest.raises(QueryError, match="not a date"):  # before any store is looked for
        Warta(store.parent / "nothing-here.duckdb").events(since=day)


def test_store_and_export_and_dyads_take_the_same_query(store, tmp_path):
    with Store.open(store, read_only=True) as s:
        assert ids(s.events(EventFilter(source="IRN,RUS"))) == IRN_OR_RUS
        assert ids(s.reports(EventQuery.parse(target="IRN,RUS", source="USA"))) == US_SANCTIONS
    out = export(store, "jsonl", tmp_path / "x.jsonl", EventQuery.parse(source="USA", target="IRN,RUS"))
    assert out.rows == 2
    assert sorted(json.loads(line)["id"] for line in out.path.read_text().splitlines()) == US_SANCTIONS
    table = dyads(store, source="USA", target="IRN,RUS", by="month")
    assert table["total"].sum() == 2
    with pytest.raises(QueryError, match="not a date"):
        dyads(store, source="USA", target="IRN", since="2023-99-99")


# -- the command line -----------------------------------------------------------------------------

def test_cli_events_takes_comma_lists(store):
    result = cli("events", "--db", store, "--source", "IRN,RUS", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert sorted(json.loads(line)["id"] for line in result.stdout.splitlines()) == IRN_OR_RUS
    result = cli("events", "--db", store, "--source", "usa", "--target", "IRN, RUS", "--code", "16,17",
                 "--format", "jsonl")
    assert sorted(json.loads(line)["id"] for line in result.stdout.splitlines()) == US_SANCTIONS


@pytest.mark.parametrize("command", [("events",), ("export", "--format", "jsonl", "-o", "-"),
                                     ("dyads", "--source", "IRN", "--target", "RUS")])
@pytest.mark.parametrize("day", ["notadate", "2023-99-99"])
def test_cli_answers_a_bad_day_with_a_message_and_exit_2(store, command, day):
    result = cli(*command, "--db", store, "--since", day)
    assert result.exit_code == 2, result.output
    assert "is not a date (YYYY-MM-DD)" in result.output and "Traceback" not in result.output
    assert "Conversion Error" not in result.output  # DuckDB's
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_cli_names_the_error_code(store):
    result = cli("events", "--db", store, "--since", "notadate")
    assert "[W400]" in result.output


def test_cli_export_takes_comma_lists(store, tmp_path):
    result = cli("export", "--db", store, "--format", "jsonl", "-o", tmp_path / "x.jsonl", "--source", "USA",
                 "--target", "IRN,RUS")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in (tmp_path / "x.jsonl").read_text().splitlines()]
    assert sorted(r["id"] for r in rows) == US_SANCTIONS


# -- the REST API -----------------------------------------------------------------------------------

@pytest.fixture
def client(store, tmp_path):
    with TestClient(create_app(store, snapshot_dir=tmp_path / "snapshots"), base_url="http://127.0.0.1") as c:
        yield c


def test_rest_takes_comma_lists_and_answers_a_bad_day_with_400(client):
    page = client.get("/api/events", params={"source": "IRN,RUS", "limit": 100}).json()
    assert sorted(e["id"] for e in page["events"]) == IRN_OR_RUS
    page = client.get("/api/events", params={"source": "USA", "target": "IRN,RUS"}).json()
    assert sorted(e["id"] for e in page["events"]) == US_SANCTIONS
    series = client.get("/api/dyads", params={"source": "USA", "target": "IRN,RUS"}).json()["series"]
    assert sum(p["total"] for p in series) == 2
    for path, extra in (("/api/events", {}), ("/api/dyads", {"source": "IRN", "target": "RUS"})):
        r = client.get(path, params={"since": "2023-99-99", **extra})
        assert r.status_code == 400 and "W400" in r.json()["detail"] and "not a date" in r.json()["detail"]
