"""The rows an export writes, streamed from the store in Arrow batches.

Exports run over whole archives, so nothing is fetched whole: DuckDB hands
over record batches and each writer consumes them as they come. The same
filters as `warta events` apply (warta.query.EventQuery).
"""
from __future__ import annotations

from typing import Iterator

from warta.query import EventQuery
from warta.store.duck import query_batches

BATCH_ROWS = 10_000
LEVELS = ("events", "reports")
_EVIDENCE = """
        LEFT JOIN (SELECT event_id, list(evidence ORDER BY doc_id, sentence_idx, id) AS texts FROM reports
                   WHERE event_id IN (SELECT id FROM x) GROUP BY event_id) ev ON ev.event_id = x.id"""


def rows_sql(flt: EventQuery, level: str = "events", evidence: bool = False) -> tuple[str, list]:
    """Merged events (or reports) with their article's metadata and their sentence's place;
    `evidence` adds `report_texts`, the evidence of every report of each event."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, got {level!r}")
    where, params = flt.where(reports=True, table=level)
    limit = flt.limit_sql()
    extra = ("" if level == "events" else
             ", coalesce(x.date, CAST(d.published AS DATE)) AS day, 1 AS report_count, 1 AS article_count, "
             "1 AS source_count, d.coded_at AS first_seen")
    sql = f"""
        WITH x AS (SELECT * FROM {level}{where} ORDER BY date NULLS LAST, doc_id, sentence_idx, id{limit})
        SELECT x.*{extra}, d.url AS doc_url, d.title AS doc_title, d.outlet AS doc_outlet,
               d.published AS doc_published, s.paragraph AS sentence_paragraph, s.is_title AS sentence_is_title,
               lead.paragraph AS lead_paragraph{", ev.texts AS report_texts" if evidence else ""}
        FROM x
        LEFT JOIN documents d ON d.id = x.doc_id
        LEFT JOIN sentences s ON s.doc_id = x.doc_id AND s.idx = x.sentence_idx
        LEFT JOIN (SELECT doc_id, min(paragraph) AS paragraph FROM sentences
                   WHERE NOT is_title AND doc_id IN (SELECT doc_id FROM x) GROUP BY doc_id) lead
               ON lead.doc_id = x.doc_id{_EVIDENCE if evidence else ""}
        ORDER BY x.date NULLS LAST, x.doc_id, x.sentence_idx, x.id"""
    return sql, params


def records(con, sql: str, params: list, rows: int = BATCH_ROWS) -> Iterator[dict]:
    for batch in query_batches(con, sql, params, rows):
        yield from batch.to_pylist()
