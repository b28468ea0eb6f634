"""The REST API through FastAPI's TestClient, on a store whose numbers are known."""
from __future__ import annotations

import pytest


def test_events_filters_and_total(client):
    body = client.get("/api/events", params={"source": "usa", "target": "IRN,RUS"}).json()
    assert body["total"] == 2
    assert {e["id"] for e in body["events"]} == {"e0006", "e0007"}
    ev = body["events"][0]
    assert ev["span"] == [0, 5] and ev["trigger"] == [0, 2] and ev["source_span"] == [0, 1]
    assert ev["reports"] == 1
    assert client.get("/api/events", params={"q": "SANCTIONS", "root": "16"}).json()["total"] == 2
    assert client.get("/api/events", params={"sector": "MIL"}).json()["total"] == 2
    assert client.get("/api/events", params={"quad_class": "1", "lang": "en"}).json()["total"] == 1
    assert client.get("/api/events", params={"source": "IRN", "target": "RUS", "undirected": True}).json()["total"] == 7
    assert client.get("/api/events", params={"doc": "folder/d2.txt"}).json()["total"] == 1


def test_pagination_is_stable_and_complete(client):
    total = client.get("/api/events").json()["total"]
    assert total == 10
    seen = []
    for offset in range(0, total, 3):
        page = client.get("/api/events", params={"limit": 3, "offset": offset}).json()
        assert page["total"] == total and page["limit"] == 3 and page["offset"] == offset
        seen += [e["id"] for e in page["events"]]
    assert sorted(seen) == sorted(set(seen)) and len(seen) == total
    dates = [e["date"] for e in client.get("/api/events", params={"sort": "date"}).json()["events"]]
    assert dates[0] == "2020-07-16" and dates[-1] is None  # oldest first, undated last
    assert client.get("/api/events", params={"offset": 100}).json()["events"] == []


@pytest.mark.parametrize("params, status, words", [
    ({"limit": 501}, 422, "less than or equal"),
    ({"limit": 0}, 422, "greater than or equal"),
    ({"offset": -1}, 422, "greater than or equal"),
    ({"sort": "id; DROP TABLE events"}, 422, "sort"),
    ({"source": "IRN'--"}, 400, "not a valid actor code"),
    ({"quad_class": "9"}, 400, "quad class"),
    ({"since": "2021-01-01", "until": "2020-01-01"}, 400, "after"),
    ({"since": "yesterday"}, 400, "not a date"),
    ({"q": "x" * 201}, 422, "at most 200"),
])
def test_bad_event_parameters_are_4xx_and_say_why(client, params, status, words):
    r = client.get("/api/events", params=params)
    assert r.status_code == status
    assert words in r.text


def test_dyads_series(client):
    body = client.get("/api/dyads", params={"source": "IRN", "target": "RUS", "directed": False, "by": "month"}).json()
    assert [r["period"] for r in body["series"]] == ["2020-07-01", "2020-08-01"]
    assert [r["total"] for r in body["series"]] == [4, 2]
    assert body["undated"] == 1
    assert body["series"][0]["top_codes"][0] == {"code": "040", "count": 2}
    week = client.get("/api/dyads", params={"source": "USA", "target": "IRN", "by": "week"}).json()
    assert [(r["period"], r["material_conflict"]) for r in week["series"]] == [("2020-08-10", 1)]


@pytest.mark.parametrize("params, status", [
    ({"source": "IRN"}, 422),
    ({"source": "IRN", "target": "RUS", "by": "hour"}, 422),
    ({"source": "IRN", "target": "RUS", "count": "articles"}, 422),
    ({"source": "IRN", "target": "RUS", "top": 11}, 422),
    ({"source": "IRN", "target": "R_S"}, 400),
])
def test_bad_dyad_parameters(client, params, status):
    assert client.get("/api/dyads", params=params).status_code == status


def test_actors_with_counts(client):
    body = client.get("/api/actors").json()
    by_code = {a["code"]: a for a in body["actors"]}
    assert body["total"] == 5
    assert (by_code["IRNGOV"]["as_source"], by_code["IRNGOV"]["as_target"]) == (5, 2)
    assert by_code["IRNMIL"]["sector"] == "MIL" and by_code["IRNMIL"]["country"] == "IRN"
    assert by_code["RUSGOV"]["name"] == "Russia GOV"
    assert [a["code"] for a in client.get("/api/actors", params={"q": "irn"}).json()["actors"]] == ["IRNGOV", "IRNMIL"]
    assert client.get("/api/actors", params={"q": "I%"}).status_code == 422


def test_document_with_its_events(client):
    doc = client.get("/api/documents/folder/d2.txt").json()
    assert doc["text"] == "Another <b>text</b>."
    assert [e["id"] for e in doc["events"]] == ["e0010"]
    assert doc["events"][0]["span"] == [0, 5]
    r = client.get("/api/documents/missing.txt")
    assert r.status_code == 404 and "missing.txt" in r.json()["detail"]


def test_single_event(client):
    ev = client.get("/api/events/e0002").json()
    assert ev["code"] == "057" and ev["doc_id"] == "d1"
    assert client.get("/api/events/nope").status_code == 404


def test_network(client):
    body = client.get("/api/network", params={"root": "16"}).json()
    assert {(e["source"], e["target"]) for e in body["edges"]} == {("IRN", "USA"), ("RUS", "USA")}
    assert {n["id"]: n["total"] for n in body["nodes"]} == {"USA": 2, "IRN": 1, "RUS": 1}
    assert client.get("/api/network", params={"limit": 501}).status_code == 422
    assert client.get("/api/network", params={"level": "city"}).status_code == 422


def test_stats(client):
    st = client.get("/api/stats").json()
    assert (st["documents"], st["events"], st["undated_events"]) == (2, 10, 1)
    assert (st["first_date"], st["last_date"]) == ("2020-07-16", "2020-08-11")
    assert st["quad_classes"]["4"]["events"] == 2
    assert st["snapshot"]["taken_at"] and st["snapshot"]["writer_active"] is False


def test_openapi_schema_lists_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/dyads", "/api/actors", "/api/documents/{doc_id}",
                 "/api/network", "/api/stats"):
        assert path in paths
    assert set(paths) <= {p for p in paths if p.startswith("/api/")}


def test_read_only_and_bounded(client):
    assert client.post("/api/events").status_code == 405
    assert client.delete("/api/documents/d1").status_code == 405
    assert client.get("/api/events", params={"q": "x" * 5000}).status_code == 414


def test_dashboard_and_security_headers(client):
    r = client.get("/")
    assert r.status_code == 200 and "<title>Warta" in r.text
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert client.get("/static/js/app.js").headers["content-type"].startswith("text/javascript")
    assert client.get("/docs").status_code == 404  # Swagger UI would load scripts from a CDN


def test_an_event_told_by_two_articles(synthetic_db, tmp_path):
    """Where the store merges reports into events, each article shows its own report of the event."""
    import duckdb
    from fastapi.testclient import TestClient

    from warta.analysis.reports import has_reports
    from warta.server import create_app

    with duckdb.connect(str(synthetic_db)) as con:
        if not has_reports(con):
            pytest.skip("this store keeps no reports apart from events")
        con.execute("INSERT INTO reports BY NAME SELECT * REPLACE ('r2' AS id, 'folder/d2.txt' AS doc_id, 8 AS span_start,"
                    " 19 AS span_end, 'signed again' AS evidence) FROM reports WHERE id = 'e0002'")
        con.execute("UPDATE events SET report_count = 2, article_count = 2 WHERE id = 'e0002'")
    with TestClient(create_app(synthetic_db, snapshot_dir=tmp_path / "s"), base_url="http://127.0.0.1") as client:
        doc = client.get("/api/documents/folder/d2.txt").json()
        told = next(e for e in doc["events"] if e["id"] == "e0002")
        assert told["span"] == [8, 19] and told["evidence"] == "signed again"
        assert (told["reports"], told["articles"]) == (2, 2)
        ev = client.get("/api/events/e0002").json()
        assert sorted(t["doc_id"] for t in ev["told_in"]) == ["d1", "folder/d2.txt"]
        assert client.get("/api/events", params={"doc": "folder/d2.txt"}).json()["total"] == 2
        reports = client.get("/api/dyads", params={"source": "IRN", "target": "RUS", "count": "reports"}).json()
        assert reports["series"][0]["total"] == 4  # e0002 counts twice
