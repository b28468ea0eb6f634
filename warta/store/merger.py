"""Merging reports into events, inside the store's transactions.

The rule itself is warta.store.merge (pure Python, no SQL); this is its SQL side:
find the stored events a batch's reports might join (same match key, day
within the gap: one query per batch, whatever the store's size), insert the
events made and update the counts of those that grew, and re-merge stored
reports that lost their event (a document coded again) or never had one (a
schema-1 store; `warta recode --recluster`), in the order they were stored.
"""
from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timezone

import pyarrow as pa
import pyarrow.compute as pc

from warta.store import merge
from warta.store.duck import query_arrow
from warta.store.schema import EVENTS

PENDING_CHUNK = 5000  # reports merged per transaction when (re)merging stored reports


class Merger:
    """Merges into the events of one connection; the caller owns the transactions."""

    def __init__(self, con, rule: merge.MergeRule = merge.MergeRule()):
        self.con = con
        self.rule = rule

    def merge(self, reps: pa.Table, docs: dict[str, tuple[date | None, str | None]]) -> tuple[list[str], int]:
        """Merge reports (an Arrow table of report rows) into events; returns each report's
        event id and how many events were made.

        Counts grow by what the reports add, which is exact as long as no stored
        event already holds a report of the same documents (true for documents
        written now: their older copies were removed first); `pending` recounts.
        """
        if reps.num_rows == 0:
            return [], 0
        nothing = (None, None)
        doc_ids = reps.column("doc_id").to_pylist()
        info = [docs.get(d, nothing) for d in doc_ids]
        days = [day or published for day, (published, _) in zip(reps.column("date").to_pylist(), info)]
        outlets = [outlet or d for d, (_, outlet) in zip(doc_ids, info)]
        keys = match_keys(reps)
        candidates = self.candidates({(k, d) for k, d in zip(keys, days) if d is not None})
        # Most reports have no other report of their match key within the gap, in this batch or stored:
        # each is an event of its own, whatever the rule says, so only the others are made into objects
        # and compared (a third of them in an archive; the rest cost Python time the writer has little of).
        crowded = self._crowded(keys, days, candidates)
        ids = reps.column("id").to_pylist()
        reports = _merge_reports(reps, crowded, ids, doc_ids, keys, days, outlets)
        assigned, touched = merge.assign(reports, candidates, self.rule)
        event_ids = list(ids)  # a report alone is its own event
        for i, event_id in zip(crowded, assigned):
            event_ids[i] = event_id
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        grown = [e for e in touched if not e.new]
        new = self._insert_new(reps, ids, [e for e in touched if e.new], crowded, keys, days, outlets, now)
        if grown:
            self.con.register("_grown", pa.table({
                "id": [e.id for e in grown], "sources": [sorted(e.sources) for e in grown],
                "report_count": pa.array([e.report_count for e in grown], pa.int32()),
                "article_count": pa.array([e.article_count for e in grown], pa.int32()),
            }))
            self.con.execute("""
                UPDATE events SET report_count = g.report_count, article_count = g.article_count,
                       sources = g.sources, source_count = len(g.sources), last_seen = ?
                FROM _grown g WHERE events.id = g.id AND events.day BETWEEN ? AND ?""",
                             [now, min(e.anchor.day for e in grown), max(e.anchor.day for e in grown)])
            self.con.unregister("_grown")
        return event_ids, new

    def _crowded(self, keys: list[str], days: list[date | None], candidates: list[merge.Event]) -> list[int]:
        """Positions of the reports another report or a stored event could share an event with:
        the same match key, days within the gap. The rest can join nothing and nothing can join them."""
        near = Counter(zip(keys, days))  # a report counts itself
        near.update((e.anchor.key, e.anchor.day) for e in candidates)
        offsets = self.rule.offsets
        return [i for i, (key, day) in enumerate(zip(keys, days))
                if day is not None and sum(near.get((key, day + o), 0) for o in offsets) > 1]

    def _insert_new(self, reps: pa.Table, ids: list[str], made: list[merge.Event], crowded: list[int],
                    keys: list[str], days: list, outlets: list[str], now: datetime) -> int:
        """Insert the batch's new events: each is its first report's row, plus its counts. Reports
        alone make one each; `made` are those the rule made from the others."""
        alone = sorted(set(range(reps.num_rows)).difference(crowded))
        at = {ids[i]: i for i in crowded}
        rows_at = alone + [at[e.id] for e in made]
        if not rows_at:
            return 0
        sources = [[outlets[i]] for i in alone] + [sorted(e.sources) for e in made]
        stamp = [now] * len(rows_at)
        rows = reps.take(pa.array(rows_at, pa.int64()))
        for name, values in (
                ("day", [days[i] for i in alone] + [e.anchor.day for e in made]),
                ("match_key", [keys[i] for i in rows_at]),
                ("sources", sources),
                ("source_count", [len(x) for x in sources]),
                ("report_count", [1] * len(alone) + [e.report_count for e in made]),
                ("article_count", [1] * len(alone) + [e.article_count for e in made]),
                ("first_seen", stamp), ("last_seen", stamp)):
            rows = rows.append_column(name, pa.array(values, EVENTS.type_of(name)))
        self.con.register("_new", rows)
        self.con.execute("INSERT INTO events BY NAME SELECT * FROM _new")
        self.con.unregister("_new")
        return len(rows_at)

    def candidates(self, near: set[tuple[str, date]]) -> list[merge.Event]:
        """Stored events the reports at these (match key, day) might join: same key, day within the gap."""
        offsets = self.rule.offsets
        keys = {(key, day + d) for key, day in near for d in offsets}
        if not keys:
            return []
        con = self.con
        # every (key, day) a report could join, so the join is on equality (a hash join), not a range
        con.register("_keys", pa.table({"match_key": [k for k, _ in keys],
                                        "day": pa.array([d for _, d in keys], pa.date32())}))
        days = [d for _, d in keys]
        # the constant day range lets DuckDB skip whole row groups by their min/max day (an archive is
        # mostly coded in date order), so a batch does not scan every stored event
        rows = con.execute("""
            SELECT e.id, e.doc_id, e.day, e.source, e.target, e.code, e.rule, e.source_actor_name,
                   e.target_actor_name, e.location, e.sources, e.report_count, e.article_count, e.match_key
            FROM events e SEMI JOIN _keys k ON e.match_key = k.match_key AND e.day = k.day
            WHERE e.day BETWEEN ? AND ?
            ORDER BY e.seq NULLS LAST, e.first_seen, e.id""", [min(days), max(days)]).fetchall()  # as made
        con.unregister("_keys")
        return [merge.Event(merge.Report(r[0], r[1], r[2], r[3], r[4], r[5], r[6] or "", r[7], r[8], r[9],
                                         key=r[13] or ""),
                            report_count=r[11] or 0, article_count=r[12] or 0, sources=set(r[10] or ()))
                for r in rows]

    def pending(self, transactions: bool = False) -> int:
        """Merge stored reports that belong to no event yet, a chunk at a time, in the order they were
        stored; `transactions`: commit each chunk (outside a batch's transaction)."""
        con = self.con
        done = 0
        while True:
            if transactions:
                con.execute("BEGIN TRANSACTION")
            try:
                chunk = query_arrow(con, f"""
                    SELECT r.* EXCLUDE (event_id), d.published AS _published, d.outlet AS _outlet
                    FROM reports r JOIN documents d ON d.id = r.doc_id WHERE r.event_id IS NULL
                    ORDER BY r.seq NULLS LAST, d.coded_at, r.doc_id, r.sentence_idx, r.id LIMIT {PENDING_CHUNK}""")
                if chunk.num_rows:
                    docs = {d: ((p.date() if p else None), o) for d, p, o in zip(
                        chunk.column("doc_id").to_pylist(), chunk.column("_published").to_pylist(),
                        chunk.column("_outlet").to_pylist())}
                    reps = chunk.drop_columns(["_published", "_outlet"])
                    event_ids, _new = self.merge(reps, docs)
                    con.register("_assigned", pa.table({"id": reps.column("id"), "event_id": event_ids}))
                    con.execute("UPDATE reports SET event_id = a.event_id FROM _assigned a WHERE reports.id = a.id")
                    con.unregister("_assigned")
                    self.recount(sorted(set(event_ids)))
                if transactions:
                    con.execute("COMMIT")
            except Exception:
                if transactions:
                    con.execute("ROLLBACK")
                raise
            done += chunk.num_rows
            if chunk.num_rows < PENDING_CHUNK:
                return done

    def recount(self, event_ids: list[str]) -> None:
        """Counts of some events recomputed from their reports (when reports moved between events)."""
        if not event_ids:
            return
        self.con.execute("""
            UPDATE events SET report_count = c.n, article_count = c.a, sources = c.s, source_count = len(c.s)
            FROM (SELECT r.event_id, count(*)::INTEGER AS n, count(DISTINCT r.doc_id)::INTEGER AS a,
                         list_sort(list(DISTINCT coalesce(d.outlet, r.doc_id))) AS s
                  FROM reports r JOIN documents d ON d.id = r.doc_id
                  WHERE r.event_id IN (SELECT unnest(?)) GROUP BY r.event_id) c
            WHERE events.id = c.event_id""", [event_ids])


def doc_info(documents: pa.Table) -> dict[str, tuple[date | None, str | None]]:
    """doc id -> (publication day, outlet) for the merge."""
    return {d: ((p.date() if p else None), o) for d, p, o in zip(
        documents.column("id").to_pylist(), documents.column("published").to_pylist(),
        documents.column("outlet").to_pylist())}


def match_keys(reps: pa.Table) -> list[str]:
    """warta.store.merge.match_key of every report row, computed on whole columns: root, then the two
    sides' codes in order (UTF-8 bytes sort as Python sorts str)."""
    source, target = (pc.fill_null(reps.column(c), "") for c in ("source", "target"))
    in_order = pc.less_equal(source, target)
    return pc.binary_join_element_wise(pc.utf8_slice_codeunits(reps.column("code"), 0, 2),
                                       pc.if_else(in_order, source, target), pc.if_else(in_order, target, source),
                                       "|").to_pylist()


def _merge_reports(reps: pa.Table, at: list[int], ids: list[str], doc_ids: list[str], keys: list[str],
                   days: list, outlets: list[str]) -> list[merge.Report]:
    """The rule's view of the report rows at positions `at`; the per-row lists are the batch's own."""
    rows = reps.take(pa.array(at, pa.int64()))
    columns = [rows.column(c).to_pylist() for c in (
        "code", "source", "target", "rule", "source_actor_name", "target_actor_name", "location")]
    return [merge.Report(ids[i], doc_ids[i], days[i], source, target, code, rule or "", source_person,
                         target_person, location, outlets[i], keys[i])
            for i, code, source, target, rule, source_person, target_person, location in zip(at, *columns)]
