"""The Python API: everything the CLI does, callable from a notebook.

    from warta import Warta
    w = Warta("warta.duckdb")
    report = w.code(["examples/"])
    w.events(source="IRN", code="04")
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from warta.coder import Coder, ExtraKnowledge
from warta.model import Analysis, Document, ReadError
from warta.read import read_paths
from warta.settings import Settings
from warta.store import EventFilter, Store

BATCH = 200  # documents per transaction: a crash loses at most this many


@dataclass
class CodeReport:
    documents: int = 0
    skipped: int = 0  # already stored, unchanged
    events: int = 0
    errors: list[ReadError] = field(default_factory=list)
    records: list[dict] = field(default_factory=list)  # the events, as users see them

    def summary(self) -> str:
        return (f"{self.documents} documents coded, {self.skipped} unchanged and skipped, "
                f"{self.events} events stored, {len(self.errors)} inputs failed")


class Warta:
    """A store plus a coder. Nothing is loaded until first needed."""

    def __init__(self, db: str | Path = "warta.duckdb", languages: list[str] | None = None,
                 settings: Settings | None = None, extra: ExtraKnowledge | None = None):
        self.db = str(db)
        self.languages = languages
        self.settings = settings
        self.extra = extra
        self._coder: Coder | None = None

    @property
    def coder(self) -> Coder:
        if self._coder is None:
            self._coder = Coder.load(self.languages, self.settings, self.extra)
        return self._coder

    def analyse(self, doc: Document) -> Analysis:
        return self.coder.code(doc)

    def code_text(self, text: str, doc_id: str = "text", **meta) -> Analysis:
        """Code one string (no store): handy in notebooks and tests."""
        return self.coder.code(Document(doc_id, text, **meta))

    def code(self, paths: Iterable[str | Path], on_document: Callable[[Analysis | ReadError], None] | None = None,
             keep_records: bool = True) -> CodeReport:
        """Read, code and store; unchanged documents already in the store are skipped."""
        settings = self.settings or Settings.load()
        report = CodeReport()
        with Store.open(self.db) as store:
            furniture = tuple(p for pack in self.coder.packs.values() for p in pack.furniture)
            for batch in _batches(read_paths(paths, max_bytes=settings.max_bytes, furniture=furniture), BATCH):
                docs = [d for d in batch if isinstance(d, Document)]
                errors = [e for e in batch if isinstance(e, ReadError)]
                known = store.known([d.id for d in docs])
                fresh: list[Analysis] = []
                for doc in docs:
                    if doc.id in known and known[doc.id][0] == doc.content_hash \
                            and known[doc.id][1] in self.coder.versions.values():
                        report.skipped += 1  # same text, coded by the same packs: nothing to do
                        continue
                    analysis = self.coder.code(doc)
                    fresh.append(analysis)
                    if on_document:
                        on_document(analysis)
                    if keep_records:
                        report.records.extend(analysis.records())
                for err in errors:
                    if on_document:
                        on_document(err)
                report.events += store.write(fresh, errors)
                report.documents += len(fresh)
                report.errors.extend(errors)
        return report

    def events(self, **filters) -> list[dict]:
        with Store.open(self.db, read_only=True) as store:
            return store.events(EventFilter(**filters))


def _batches(items: Iterator, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
