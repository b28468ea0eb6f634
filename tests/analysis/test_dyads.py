import duckdb
import pandas as pd
import pyarrow as pa
import pytest

from warta.analysis import DyadQuery, EventQuery, dyad_series
from warta.analysis.dyads import dyads


def series(con, by="month", count="events", **filters):
    return dyad_series(con, DyadQuery(EventQuery.parse(**filters), by=by, count=count)).to_pylist()


def test_monthly_directed_counts_quads_goldstein_and_codes(con):
    rows = series(con, source="IRN", target="RUS")
    assert [str(r["period"]) for r in rows] == ["2020-07-01", "2020-08-01"]
    july, august = rows
    assert (july["total"], july["verbal_coop"], july["material_coop"]) == (3, 3, 0)
    assert july["goldstein_sum"] == pytest.approx(10.0)
    assert july["goldstein_mean"] == pytest.approx(10.0 / 3)
    assert [c["code"] for c in july["top_codes"]] == ["040", "041", "057"]
    assert (august["total"], august["verbal_conflict"], august["conflict"]) == (1, 1, 1)


def test_undirected_counts_both_ways_and_splits_them(con):
    rows = series(con, source="IRN", target="RUS", undirected=True)
    july, august = rows
    assert (july["total"], july["forward"]) == (4, 3)
    assert (august["total"], august["material_coop"], august["verbal_conflict"], august["forward"]) == (2, 1, 1, 1)


def test_periods_day_week_year(con):
    days = series(con, by="day", source="IRN", target="RUS")
    assert [str(r["period"]) for r in days] == ["2020-07-16", "2020-07-17", "2020-07-20", "2020-08-04"]
    weeks = series(con, by="week", source="IRN", target="RUS")
    assert [str(r["period"]) for r in weeks] == ["2020-07-13", "2020-07-20", "2020-08-03"]  # Mondays
    years = series(con, by="year", source="IRN", target="RUS")
    assert [(str(r["period"]), r["total"]) for r in years] == [("2020-01-01", 4)]


def test_groups_and_sector_codes(con):
    rows = series(con, source="USA", target="IRN,RUS")
    assert [(r["total"], r["material_conflict"], r["goldstein_sum"]) for r in rows] == [(2, 2, -16.0)]
    assert series(con, source="RUS", target="IRNGOV") == series(con, source="RUS", target="IRNGOV")
    assert sum(r["total"] for r in series(con, source="RUS", target="IRNGOV")) == 1
    assert sum(r["total"] for r in series(con, source="RUS", target="IRN")) == 2


def test_reports_count_rows_until_the_store_has_report_counts(store_path):
    events = dyads(store_path, source="IRN", target="RUS", arrow=True).to_pylist()
    reports = dyads(store_path, source="IRN", target="RUS", count="reports", arrow=True).to_pylist()
    assert events == reports
    with duckdb.connect(str(store_path)) as c:
        c.execute("ALTER TABLE events ADD COLUMN IF NOT EXISTS report_count INTEGER")
        c.execute("UPDATE events SET report_count = 5 WHERE id = 'e0002'")  # the declaration, told five times
    weighted = dyads(store_path, source="IRN", target="RUS", count="reports", arrow=True).to_pylist()
    assert weighted[0]["total"] == 3 + 4
    assert weighted[0]["goldstein_sum"] == pytest.approx(1.0 + 5 * 8.0 + 1.0)
    assert weighted[0]["top_codes"][0] == {"code": "057", "count": 5}
    assert dyads(store_path, source="IRN", target="RUS", arrow=True).to_pylist() == events


def test_python_api_returns_pandas_or_arrow(store_path):
    frame = dyads(store_path, source="IRN", target="RUS", directed=False)
    assert isinstance(frame, pd.DataFrame)
    assert list(frame["total"]) == [4, 2]
    table = dyads(store_path, source="IRN", target="RUS", arrow=True)
    assert isinstance(table, pa.Table) and table.num_rows == 2
    assert dyads(store_path, source="IRN", target="RUS", since="2020-08-01").shape[0] == 1


def test_a_dyad_needs_two_sides_and_a_known_period(con):
    with pytest.raises(ValueError, match="both a source and a target"):
        DyadQuery(EventQuery.parse(source="IRN"))
    with pytest.raises(ValueError, match="by must be"):
        DyadQuery(EventQuery.parse(source="IRN", target="RUS"), by="hour")
    with pytest.raises(ValueError, match="count must be"):
        series(con, count="articles", source="IRN", target="RUS")
