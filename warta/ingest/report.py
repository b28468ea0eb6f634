"""What a run did, counted as it goes: the summary users read at the end.

Memory stays flat however long the run: errors are counted by code, and
only the first few are kept whole for the message.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from warta.errors import plural
from warta.ingest.plan import UNCHANGED, BatchPlan
from warta.model import ReadError
from warta.store import Written

KEPT_ERRORS = 1000  # errors kept whole; the rest are only counted


@dataclass
class CodeReport:
    read: int = 0  # documents the readers gave
    documents: int = 0  # coded and stored
    skipped: int = 0  # already stored, unchanged
    duplicates: Counter = field(default_factory=Counter)  # reason -> documents skipped as duplicates
    events: int = 0  # events found in articles (reports) and stored
    new_events: int = 0  # merged events made (the rest joined events other reports had made)
    sentences: int = 0
    failed: Counter = field(default_factory=Counter)  # error code -> inputs
    reasons: dict = field(default_factory=dict)  # error code -> the first reason seen
    errors: list[ReadError] = field(default_factory=list)  # the first KEPT_ERRORS
    records: list[dict] = field(default_factory=list)  # the events, as users see them (when kept)
    batches: int = 0

    def add(self, plan: BatchPlan, written: Written, sentences: int) -> None:
        self.batches += 1
        self.read += plan.read
        self.documents += written.documents
        self.skipped += plan.skipped.get(UNCHANGED, 0)
        for reason, n in plan.skipped.items():
            if reason != UNCHANGED:
                self.duplicates[reason] += n
        self.events += written.reports
        self.new_events += written.new_events
        self.sentences += sentences
        for err in plan.errors:
            self.failed[err.code] += 1
            self.reasons.setdefault(err.code, err.reason.split(":")[0])
            if len(self.errors) < KEPT_ERRORS:
                self.errors.append(err)

    @property
    def n_failed(self) -> int:
        return sum(self.failed.values())

    def summary(self) -> str:
        dup = sum(self.duplicates.values())
        parts = [f"{plural(self.read, 'document')} read: {plural(self.documents, 'document')} coded, "
                 f"{self.skipped} unchanged and skipped, {dup} skipped as duplicates"]
        if dup:
            parts[-1] += " (" + ", ".join(f"{n} {why}" for why, n in self.duplicates.most_common()) + ")"
        joined = self.events - self.new_events
        parts.append(f"{plural(self.events, 'event')} stored as {plural(self.new_events, 'new merged event')} "
                     f"({joined} joined {'an event' if joined == 1 else 'events'} already told)")
        failed = f"{plural(self.n_failed, 'input')} failed"
        if self.failed:
            failed += ": " + ", ".join(f"{n} x {code} {self.reasons[code]}" for code, n in self.failed.most_common())
        parts.append(failed)
        return "; ".join(parts)
