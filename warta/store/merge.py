"""Reports into events: one happening told by several articles is one event.

A *report* is one event as one article codes it (a row of `reports`). An
*event* (a row of `events`) is what several reports tell of, counted like
GDELT's NumMentions / NumArticles / NumSources. A report joins an event when

- the dyad is the same: same source and target codes; either way round when
  the verb is symmetric (a meeting, a signing: "A and B met" is "B met A");
- the code family is the same: same root, and the same base code unless one
  side is the root's unspecified code ("040 consult" joins "042 visit");
- the day is the same or the next or previous one (articles print the day
  after, time zones shift it): the report's own day, or failing that its
  article's publication day;
- nothing names them apart: when both name a person on the same side, or a
  place, those agree; a side with no code (a named person nobody resolved)
  must name the same person in both, so "Ahmad Vahidi met the Russian foreign
  minister" and "Budi Santoso met the Russian foreign minister" stay apart.

Reports without any day never join: nothing would tell two of them apart.
An event keeps the attributes of its first report (its *anchor*), so a
report is compared with what the event was first told as, not with the
last report that joined it, and events cannot drift along a chain of days.
Assignment is greedy, in the order reports are stored, which makes a run
reproducible: the same inputs in the same order give the same events.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Iterable


@dataclass(frozen=True)
class MergeRule:
    max_day_gap: int = 1  # days between a report and its event's day

    @property
    def offsets(self) -> list[timedelta]:
        """How far from an event's day its reports may be: -gap .. +gap days."""
        gap = int(self.max_day_gap)
        return [timedelta(days=g) for g in range(-gap, gap + 1)]


@dataclass(frozen=True, slots=True)
class Report:
    """What the rule looks at in one report."""

    id: str
    doc_id: str
    day: date | None
    source: str | None
    target: str | None
    code: str
    rule: str  # the coder's rule: ":symmetric" marks a symmetric verb
    source_person: str | None = None
    target_person: str | None = None
    location: str | None = None
    outlet: str = ""  # who published it: the outlet, or the document itself when unknown
    key: str = field(default="", compare=False)  # match_key, computed once: the merge looks it up often

    def __post_init__(self) -> None:
        if not self.key:
            object.__setattr__(self, "key", match_key(self.source, self.target, self.code))

    @property
    def symmetric(self) -> bool:
        return ":symmetric" in self.rule


@dataclass(slots=True)
class Event:
    """An event as the merge sees it: its anchor report, and its counts so far."""

    anchor: Report
    report_count: int = 0
    article_count: int = 0
    sources: set[str] = field(default_factory=set)
    new: bool = False  # created in this pass
    changed: bool = False  # counts grew in this pass

    @property
    def id(self) -> str:
        return self.anchor.id


def match_key(source: str | None, target: str | None, code: str) -> str:
    """Root plus the unordered dyad: every report that could join an event shares its key."""
    a, b = sorted((source or "", target or ""))
    return f"{code[:2]}|{a}|{b}"


def _generic(code: str) -> bool:
    """The root's own "not specified below" code: 040, 110, 190."""
    return len(code) == 3 and code[2] == "0"


def _differ(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and a.casefold() != b.casefold()


def _same(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and a.casefold() == b.casefold()


def score(report: Report, event: Event, rule: MergeRule) -> tuple[int, int, int] | None:
    """How well a report fits an event (lower is better), or None when it does not."""
    anchor = event.anchor
    if report.day is None or anchor.day is None:
        return None
    gap = abs((report.day - anchor.day).days)
    if gap > rule.max_day_gap or report.code[:2] != anchor.code[:2]:
        return None
    if report.code[:3] != anchor.code[:3] and not (_generic(report.code) or _generic(anchor.code)):
        return None
    if (report.source, report.target) == (anchor.source, anchor.target):
        flipped = False
    elif (report.target, report.source) == (anchor.source, anchor.target) and (report.symmetric or anchor.symmetric):
        flipped = True
    else:
        return None
    src, tgt = (report.target_person, report.source_person) if flipped else (report.source_person, report.target_person)
    if _differ(src, anchor.source_person) or _differ(tgt, anchor.target_person):
        return None
    if anchor.source is None and not _same(src, anchor.source_person) \
            or anchor.target is None and not _same(tgt, anchor.target_person):
        return None  # no code on a side: only the person's name says who it is
    if _differ(report.location, anchor.location):
        return None
    return gap, int(report.code != anchor.code), int(flipped)


def assign(reports: Iterable[Report], candidates: Iterable[Event], rule: MergeRule = MergeRule()) -> tuple[list[str], list[Event]]:
    """The event id of each report, in order, and every event that was created or grew.

    `candidates` are the stored events that may fit (same match key, near
    day), in the order they were made; new events are made from reports that
    fit none, and later reports of the same pass may join those. Ties go to
    the event made first.
    """
    pools: dict[tuple[str, date], list[tuple[int, Event]]] = {}  # (match key, day) -> (order made, event)
    made = 0
    for made, ev in enumerate(candidates, start=1):
        if ev.anchor.day is not None:
            pools.setdefault((ev.anchor.key, ev.anchor.day), []).append((made, ev))
    ids: list[str] = []
    touched: dict[str, Event] = {}
    new_docs: dict[str, set[str]] = {}  # event id -> documents of this pass already counted
    near = rule.offsets
    for report in reports:
        best, best_rank = None, None
        day = report.day
        if day is not None:
            key = report.key
            for offset in near:
                pool = pools.get((key, day + offset))
                if pool is None:  # most reports: nothing near
                    continue
                for order, ev in pool:
                    s = score(report, ev, rule)
                    if s is not None and (best_rank is None or (s, order) < best_rank):
                        best, best_rank = ev, (s, order)
        if best is None:
            best = Event(report, 1, 1, {report.outlet}, new=True)
            made += 1
            if day is not None:
                pools.setdefault((key, day), []).append((made, best))
            new_docs[best.id] = {report.doc_id}
        else:
            best.changed = True
            best.report_count += 1
            seen = new_docs.setdefault(best.id, set())
            if report.doc_id not in seen:
                seen.add(report.doc_id)
                best.article_count += 1
            best.sources.add(report.outlet)
        touched[best.id] = best
        ids.append(best.id)
    return ids, list(touched.values())
