"""The actor network: who deals with whom, and how (cooperation or conflict).

Nodes are actors, either whole countries (`level="country"`: the first three
letters of a CAMEO code) or full codes (`level="actor"`: IRNGOV apart from
IRNMIL). An edge joins two actors that have events between them, weighted by
counts per quad class and by Goldstein; undirected by default. Events of an
actor with itself are left out.
"""
from __future__ import annotations

import pyarrow as pa

from warta.actors.countries import country_name
from warta.analysis.reports import weight_sql
from warta.query import EventQuery
from warta.store.duck import query_arrow

LEVELS = {"country": "substr({col}, 1, 3)", "actor": "{col}"}
MAX_EDGES = 500


def network(con, query: EventQuery = EventQuery(), *, level: str = "country", directed: bool = False,
            count: str = "events", limit: int = 100) -> dict[str, pa.Table]:
    """{'nodes': Arrow table, 'edges': Arrow table}: the `limit` heaviest edges and the actors they join."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, got {level!r}")
    if not 1 <= limit <= MAX_EDGES:
        raise ValueError(f"limit must be between 1 and {MAX_EDGES}, got {limit}")
    where, params = query.where()
    both = "source IS NOT NULL AND target IS NOT NULL"
    where = f"{where} AND {both}" if where else f" WHERE {both}"
    a, b = LEVELS[level].format(col="source"), LEVELS[level].format(col="target")
    # first one row per directed pair (few, short keys: fast), then fold the two directions together
    ends = ("least(a, b)", "greatest(a, b)") if not directed else ("a", "b")
    w = weight_sql(con, count)
    sql = f"""
WITH pairs AS (
    SELECT {a} AS a, {b} AS b, sum({w}) AS n,
           coalesce(sum({w}) FILTER (WHERE quad_class IN (1, 2)), 0) AS co,
           coalesce(sum({w}) FILTER (WHERE quad_class IN (3, 4)), 0) AS cf,
           sum({w} * goldstein) AS g
    FROM events{where} GROUP BY 1, 2
)
SELECT {ends[0]} AS source, {ends[1]} AS target, sum(n)::BIGINT AS total, sum(co)::BIGINT AS cooperation,
       sum(cf)::BIGINT AS conflict, sum(g) AS goldstein_sum, sum(g) / sum(n) AS goldstein_mean
FROM pairs WHERE a <> b
GROUP BY 1, 2 ORDER BY total DESC, source, target LIMIT {int(limit)}
"""
    edges = query_arrow(con, sql, params)
    return {"nodes": _nodes(edges), "edges": edges}


def actor_label(code: str) -> str | None:
    """'IRN' -> 'Iran', 'IRNGOV' -> 'Iran GOV'; None when the first three letters are no country."""
    name = country_name(code[:3]) if len(code) >= 3 else None
    if name and len(code) > 3:
        return f"{name} {code[3:]}"
    return name


def _nodes(edges: pa.Table) -> pa.Table:
    totals: dict[str, dict[str, int]] = {}
    for row in edges.to_pylist():
        for end in (row["source"], row["target"]):
            node = totals.setdefault(end, {"total": 0, "cooperation": 0, "conflict": 0})
            for k in node:
                node[k] += row[k]
    ids = sorted(totals, key=lambda n: (-totals[n]["total"], n))
    return pa.table({
        "id": pa.array(ids, pa.string()),
        "name": pa.array([actor_label(n) for n in ids], pa.string()),
        "total": pa.array([totals[n]["total"] for n in ids], pa.int64()),
        "cooperation": pa.array([totals[n]["cooperation"] for n in ids], pa.int64()),
        "conflict": pa.array([totals[n]["conflict"] for n in ids], pa.int64()),
    })
