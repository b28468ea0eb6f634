"""Deciding, for each document of a batch, whether to code it.

Re-running over an archive plus new files must code only the new ones, and
a run killed half-way must pick up where the last committed batch ended:
both follow from asking the store, batch by batch, what it already holds
(warta.ingest.identity says what counts as the same document). Batches
still being coded (on Dask workers) are not in the store yet, so the
planner also remembers their keys until they are written.
"""
from __future__ import annotations

from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Collection

from warta import pipeline
from warta.ingest.identity import DocKey, origin_file, text_hash, url_key
from warta.model import Document, ReadError
from warta.store import Store

# Why a document was not coded (the summary counts each).
UNCHANGED = "unchanged"  # same id, same text, coded by the packs in use
SAME_TEXT = "same text as a stored document"
SAME_URL = "same URL as a stored document"
SAME_ID = "same id as another input"


@dataclass
class BatchPlan:
    """One batch of what the reader gave: what to code, what to skip and why, what failed."""

    to_code: list[Document | DocKey] = field(default_factory=list)  # keys: documents read elsewhere
    replacing: list[str] = field(default_factory=list)  # ids of stored documents these replace
    skipped: Counter = field(default_factory=Counter)  # reason -> documents
    errors: list[ReadError] = field(default_factory=list)
    read: int = 0  # documents the reader gave (coded or not)
    keys: tuple[set, set, set] = field(default_factory=lambda: (set(), set(), set()))  # ids, texts, urls


class Planner:
    """`recode=True`: the documents come from the store itself, and each is coded again."""

    def __init__(self, store: Store, pack_versions: Collection[str], recode: bool = False,
                 engine_version: str | None = None):
        self.store = store
        self.pack_versions = set(pack_versions)
        self.engine_version = engine_version or pipeline.ENGINE_VERSION
        self.recode = recode
        self._in_flight: deque[tuple[set, set, set]] = deque()

    def plan(self, items: list[Document | DocKey | ReadError]) -> BatchPlan:
        plan = BatchPlan()
        docs = [d for d in items if isinstance(d, (Document, DocKey))]
        plan.errors = [e for e in items if isinstance(e, ReadError)]
        plan.read = len(docs)
        if self.recode:
            plan.to_code = docs
            plan.replacing = [d.id for d in docs]
            return plan
        keyed = [isinstance(d, DocKey) for d in docs]
        hashes = [d.text_hash if k else text_hash(d) for d, k in zip(docs, keyed)]
        urls = [d.url_key if k else url_key(d.url) for d, k in zip(docs, keyed)]
        known = self.store.lookup([d.id for d in docs], hashes, [u for u in urls if u])
        ids, texts, links = set(), set(), set()
        for doc, th, uk in zip(docs, hashes, urls):
            reason = self._skip(doc, th, uk, known, ids, texts, links)
            if reason:
                plan.skipped[reason] += 1
                continue
            if doc.id in known.by_id:
                plan.replacing.append(doc.id)
            plan.to_code.append(doc)
            ids.add(doc.id)
            texts.add(th)
            if uk:
                links.add(uk)
        plan.keys = (ids, texts, links)
        self._in_flight.append(plan.keys)
        return plan

    def done(self, plan: BatchPlan) -> None:
        """The batch is in the store: its keys no longer need remembering."""
        if plan.keys in self._in_flight:
            self._in_flight.remove(plan.keys)

    def _skip(self, doc: Document | DocKey, th: str, uk: str | None, known, ids, texts, links) -> str | None:
        flying = [*self._in_flight, (ids, texts, links)]
        if any(doc.id in f[0] for f in flying):
            return SAME_ID
        stored = known.by_id.get(doc.id)
        if stored is not None:
            content_hash, pack_version, origin, engine_version = stored
            if content_hash == doc.content_hash:
                # a newer pack or engine codes it again; no pack at all (language unknown), or no engine
                # stamp (a store from before it), is for `warta recode`, not a surprise re-run of everything
                current = pack_version in self.pack_versions and engine_version in (None, self.engine_version)
                return UNCHANGED if pack_version is None or current else None
            if origin_file(origin) != origin_file(doc.origin):
                return SAME_ID  # another input under the same name: the first one stays
            return None  # edited in place: code again, replacing the stored copy
        if th in known.by_text or any(th in f[1] for f in flying):
            return SAME_TEXT
        if uk and (uk in known.by_url or any(uk in f[2] for f in flying)):
            return SAME_URL
        return None
