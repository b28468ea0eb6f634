"""What the REST API reads from a snapshot: pages of events, documents, actors, totals.

Every value from a request is a bound parameter; the only SQL built from
request data are column names and sort orders picked from fixed tables here.
"""
from __future__ import annotations

from warta.analysis.network import actor_label
from warta.analysis.reports import ARTICLE_COUNT, REPORT_COUNT, columns, has_reports
from warta.query import EventQuery
from warta.ontology import QUAD_NAMES
from warta.store.duck import query_dicts, query_row

MAX_LIMIT = 500
# what a page of events shows of each event (the sentence and document text come with the document)
EVENT_FIELDS = ("id", "doc_id", "sentence_idx", "date", "date_source", "source", "target", "source_name",
                "target_name", "source_actor_name", "target_actor_name", "code", "root", "name", "goldstein",
                "quad_class", "plover", "location", "evidence", "lang", "rule",
                "span_start", "span_end", "trigger_start", "trigger_end",
                "source_start", "source_end", "target_start", "target_end")
# `rowid` last: a cheap, stable tie-break (a snapshot never changes), much faster than sorting on text ids
SORTS = {
    "date": "date NULLS LAST, rowid",
    "-date": "date DESC NULLS LAST, rowid",
    "goldstein": "goldstein, date DESC NULLS LAST, rowid",
    "-goldstein": "goldstein DESC, date DESC NULLS LAST, rowid",
    "code": "code, date DESC NULLS LAST, rowid",
}


def _counts(con, alias: str = "") -> str:
    """How many reports and articles tell of each event: 1 and 1 where the store does not merge reports."""
    have = columns(con, "events")
    return ", ".join(f"coalesce({alias}{col}, 1) AS {name}" if col in have else f"1 AS {name}"
                     for col, name in ((REPORT_COUNT, "reports"), (ARTICLE_COUNT, "articles")))


def _select(con) -> str:
    return f"{', '.join(EVENT_FIELDS)}, {_counts(con)}"


def shape_event(row: dict) -> dict:
    """Spans as [start, end] pairs (None when absent), dates as ISO strings."""
    out = {k: v for k, v in row.items() if not k.endswith(("_start", "_end"))}
    for name, key in (("span", "span"), ("trigger", "trigger"), ("source_span", "source"),
                      ("target_span", "target")):
        start, end = row.get(f"{key}_start"), row.get(f"{key}_end")
        out[name] = [start, end] if start is not None and end is not None else None
    if out.get("date") is not None:
        out["date"] = out["date"].isoformat()
    return out


def events_page(con, query: EventQuery, limit: int = 50, offset: int = 0, sort: str = "-date") -> dict:
    if sort not in SORTS:
        raise ValueError(f"sort must be one of {', '.join(SORTS)}, got {sort!r}")
    where, params = query.where(reports=has_reports(con))
    total = query_row(con, f"SELECT count(*) FROM events{where}", params)[0]
    # sort only the keys to find the page, then fetch its rows: sorting whole rows is slow past a few
    # thousand rows of offset
    rows = query_dicts(con, f"""
        WITH page AS (SELECT rowid AS r FROM events{where} ORDER BY {SORTS[sort]} LIMIT ? OFFSET ?)
        SELECT {_select(con)} FROM events WHERE rowid IN (SELECT r FROM page) ORDER BY {SORTS[sort]}""",
                       params + [int(limit), int(offset)])
    return {"total": total, "limit": limit, "offset": offset, "events": [shape_event(r) for r in rows]}


def event(con, event_id: str) -> dict | None:
    """One event, and each article that reports it (where the store keeps reports apart)."""
    rows = query_dicts(con, f"SELECT {_select(con)}, sentence FROM events WHERE id = ?", [event_id])
    if not rows:
        return None
    found = shape_event(rows[0])
    if has_reports(con):
        found["told_in"] = query_dicts(con, """
            SELECT r.doc_id, d.title, d.outlet, d.published, r.evidence FROM reports r
            LEFT JOIN documents d ON d.id = r.doc_id WHERE r.event_id = ?
            ORDER BY d.published NULLS LAST, r.doc_id LIMIT 100""", [event_id])
    else:
        found["told_in"] = query_dicts(con, "SELECT id AS doc_id, title, outlet, published, ? AS evidence "
                                            "FROM documents WHERE id = ?", [found["evidence"], found["doc_id"]])
    for told in found["told_in"]:
        told["published"] = told["published"].isoformat() if told["published"] else None
    return found


def document(con, doc_id: str) -> dict | None:
    rows = query_dicts(con, "SELECT id, title, text, published, url, outlet, lang, dateline_place FROM documents "
                            "WHERE id = ?", [doc_id])
    if not rows:
        return None
    doc = rows[0]
    if doc["published"] is not None:
        doc["published"] = doc["published"].isoformat()
    if has_reports(con):  # this article's own reports: their spans index its text; ids name their events
        fields = ", ".join(f"r.{f}" for f in EVENT_FIELDS if f != "id")
        evs = query_dicts(con, f"SELECT coalesce(r.event_id, r.id) AS id, {fields}, {_counts(con, 'e.')} "
                               "FROM reports r LEFT JOIN events e ON e.id = r.event_id WHERE r.doc_id = ? "
                               "ORDER BY r.span_start, r.id", [doc_id])
    else:
        evs = query_dicts(con, f"SELECT {_select(con)} FROM events WHERE doc_id = ? ORDER BY span_start, id",
                          [doc_id])
    doc["events"] = [shape_event(r) for r in evs]
    return doc


def actors(con, prefix: str | None = None, limit: int = 100, offset: int = 0) -> dict:
    """Actor codes with how often each is source and target."""
    where, params = (" WHERE starts_with(actor, ?)", [prefix]) if prefix else ("", [])
    sql = f"""
WITH sides AS (
    SELECT source AS actor, 1 AS as_source, 0 AS as_target, date FROM events WHERE source IS NOT NULL
    UNION ALL
    SELECT target, 0, 1, date FROM events WHERE target IS NOT NULL
)
SELECT actor AS code, count(*) AS events, sum(as_source)::BIGINT AS as_source, sum(as_target)::BIGINT AS as_target,
       min(date) AS first_date, max(date) AS last_date, count(*) OVER () AS n_actors
FROM sides{where} GROUP BY actor ORDER BY events DESC, actor LIMIT ? OFFSET ?"""
    rows = query_dicts(con, sql, params + [int(limit), int(offset)])
    total = rows[0]["n_actors"] if rows else 0
    for r in rows:
        del r["n_actors"]
        r["country"] = r["code"][:3]
        r["sector"] = r["code"][3:6] or None
        r["name"] = actor_label(r["code"])
        for k in ("first_date", "last_date"):
            r[k] = r[k].isoformat() if r[k] else None
    return {"total": total, "limit": limit, "offset": offset, "actors": rows}


def stats(con) -> dict:
    tables = ("documents", "events", "reports") if has_reports(con) else ("documents", "events")
    counts = {t: query_row(con, f"SELECT count(*) FROM {t}")[0] for t in tables}
    first, last, undated = query_row(
        con, "SELECT min(date), max(date), count(*) FILTER (WHERE date IS NULL) FROM events")
    quads = dict(con.execute("SELECT quad_class, count(*) FROM events GROUP BY quad_class").fetchall())
    langs = dict(con.execute("SELECT lang, count(*) FROM events GROUP BY lang ORDER BY 2 DESC").fetchall())
    return {
        **counts,
        "undated_events": undated,
        "first_date": first.isoformat() if first else None,
        "last_date": last.isoformat() if last else None,
        "quad_classes": {str(q): {"name": QUAD_NAMES.get(q), "events": n} for q, n in sorted(quads.items())
                         if q is not None},
        "languages": {k: v for k, v in langs.items() if k},
        "report_counts": REPORT_COUNT in columns(con, "events"),
    }
