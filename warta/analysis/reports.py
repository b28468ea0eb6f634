"""Counting reports as well as events.

One row of `events` is one event. Where the archive merges the reports of
several articles into one event, it keeps how many there were in
`events.report_count` (and how many articles in `article_count`), and each
article's own coding, with spans into that article, in the table `reports`
(`event_id` names the event it joined). Counting reports sums `report_count`;
a store without it counts each event as one report, so `--count reports`
equals `--count events` there.
"""
from __future__ import annotations

COUNTS = ("events", "reports")
REPORT_COUNT = "report_count"
ARTICLE_COUNT = "article_count"


def columns(con, table: str) -> set[str]:
    rows = con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]).fetchall()
    return {r[0] for r in rows}


def report_column(con) -> str | None:
    """The report-count column of `events`, if the store has one."""
    return REPORT_COUNT if REPORT_COUNT in columns(con, "events") else None


def has_reports(con) -> bool:
    """Does the store keep each article's reports apart from the merged events?"""
    return "event_id" in columns(con, "reports")


def weight_sql(con, count: str) -> str:
    """SQL for how much one events row counts: 1 per event, or its reports."""
    if count not in COUNTS:
        raise ValueError(f"count must be one of {', '.join(COUNTS)}, got {count!r}")
    if count == "events" or not report_column(con):
        return "1"
    return f"coalesce({REPORT_COUNT}, 1)"
