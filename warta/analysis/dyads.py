"""Dyads over time: how two actor groups treat each other, period by period.

    from warta.analysis.dyads import dyads
    dyads("warta.duckdb", source="IRN", target="RUS", by="month")   # a pandas DataFrame
    dyads("warta.duckdb", source="IRN", target="RUS", arrow=True)   # an Arrow table

Each row is one period with at least one dated event: counts per quad class,
cooperation (quad classes 1+2) and conflict (3+4), the sum and mean Goldstein
score, and the most frequent event codes. Counts are of events or, with
`count="reports"`, of the reports behind them (see warta.analysis.reports);
sums and means weigh each event by what is counted.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pyarrow as pa

from warta.analysis.reports import weight_sql
from warta.query import EventQuery
from warta.store import Store
from warta.store.duck import query_arrow, query_row

PERIODS = ("day", "week", "month", "year")  # weeks start on Monday (ISO 8601)
QUAD_COLUMNS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
MAX_PERIODS = 20_000  # about 55 years of days
MAX_TOP = 10


@dataclass(frozen=True)
class DyadQuery:
    """Who (source and target groups, directed or not), how finely, and what to count."""

    events: EventQuery  # holds source/target/undirected and any further filter
    by: str = "month"
    count: str = "events"
    top: int = 3  # event codes listed per period

    def __post_init__(self):
        if not (self.events.source and self.events.target):
            raise ValueError("a dyad needs both a source and a target")
        if self.by not in PERIODS:
            raise ValueError(f"by must be one of {', '.join(PERIODS)}, got {self.by!r}")
        if not 0 <= self.top <= MAX_TOP:
            raise ValueError(f"top must be between 0 and {MAX_TOP}, got {self.top}")


def dyad_series(con, query: DyadQuery) -> pa.Table:
    """One row per period, oldest first (periods without events are left out)."""
    events = replace(query.events, dated=True)
    where, params = events.where()
    w = weight_sql(con, query.count)
    # the direction split only means something when both directions are counted
    fwd_params: list = []
    forward = "NULL"
    if events.undirected:
        fwd_where, fwd_params = EventQuery(source=events.source, target=events.target).where()
        forward = fwd_where[len(" WHERE "):]
    quads = "".join(f"coalesce(sum(n) FILTER (WHERE quad_class = {i}), 0)::BIGINT AS {name}, "
                    for i, name in enumerate(QUAD_COLUMNS, start=1))
    # one pass over the events into (period, code, quad class, direction) cells; the rest works on those
    sql = f"""
WITH cells AS MATERIALIZED (
    SELECT date_trunc('{query.by}', date)::DATE AS period, code, quad_class, {forward} AS fwd,
           sum({w}) AS n, sum({w} * goldstein) AS g
    FROM events{where} GROUP BY ALL
),
totals AS (
    SELECT period, sum(n)::BIGINT AS total, {quads}
           coalesce(sum(n) FILTER (WHERE quad_class IN (1, 2)), 0)::BIGINT AS cooperation,
           coalesce(sum(n) FILTER (WHERE quad_class IN (3, 4)), 0)::BIGINT AS conflict,
           sum(g) AS goldstein_sum, sum(g) / sum(n) AS goldstein_mean
           {", coalesce(sum(n) FILTER (WHERE fwd), 0)::BIGINT AS forward" if events.undirected else ""}
    FROM cells GROUP BY period
),
ranked AS (
    SELECT period, code, sum(n)::BIGINT AS n, row_number() OVER (PARTITION BY period ORDER BY sum(n) DESC, code) AS rank
    FROM cells GROUP BY period, code
),
codes AS (
    SELECT period, list({{'code': code, 'count': n}} ORDER BY rank) AS top_codes
    FROM ranked WHERE rank <= {int(query.top)} GROUP BY period
)
SELECT t.*, coalesce(c.top_codes, []) AS top_codes
FROM totals t LEFT JOIN codes c USING (period)
ORDER BY t.period
LIMIT {MAX_PERIODS}
"""
    # parameters bind in textual order: the direction test comes before the filters
    return query_arrow(con, sql, fwd_params + params)


def undated_count(con, query: EventQuery) -> int:
    """Events that match but have no date, so stand in no period."""
    where, params = query.where()
    where = f"{where} AND date IS NULL" if where else " WHERE date IS NULL"
    return query_row(con, f"SELECT count(*) FROM events{where}", params)[0]


def dyads(db: str | Path = "warta.duckdb", *, source: str, target: str, by: str = "month",
          count: str = "events", directed: bool = True, top: int = 3, arrow: bool = False, **filters):
    """The Python API: a dyad's series from a store file, as pandas (default) or Arrow."""
    events = EventQuery.parse(source=source, target=target, undirected=not directed, **filters)
    query = DyadQuery(events, by=by, count=count, top=top)
    with Store.open(db, read_only=True) as store:
        table = dyad_series(store.con, query)
    return table if arrow else table.to_pandas()
