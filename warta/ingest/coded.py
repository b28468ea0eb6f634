"""Coding one batch into what the store inserts: the function Dask workers run.

It lives in an importable module (workers import it by name) and takes
the coder as an argument, so the same code runs in-process and on workers.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cached_property
from typing import Sequence

from warta.actors.learn import Sighting
from warta.actors.learn import sightings as read_sightings
from warta.coder import Coder
from warta.model import Analysis, Document
from warta.store.rows import Tables, records, tables


@dataclass(frozen=True)
class CodedBatch:
    """A batch after coding: rows for the store, plus what the caller asked to see."""

    tables: Tables
    analyses: tuple[Analysis, ...] | None = None  # when asked (streaming callers)
    sightings: tuple[Sighting, ...] | None = None  # when asked: what the texts say of people's offices

    @cached_property
    def records(self) -> list[dict]:
        """The batch's events as users see them, one per stored report; made from the rows
        when first asked for, so workers neither build nor send them."""
        return records(self.tables.reports)


def code_batch(coder: Coder, docs: Sequence[Document], *, knowledge_version: str | None = None,
               analyses: bool = True, sightings: bool = False) -> CodedBatch:
    """Code documents and build their rows (and analyses and sightings, when asked).

    Sightings are read here, where the documents were coded, so a Dask worker sends
    back a few small rows instead of whole analyses for the learner to read.
    """
    kept: list[Analysis] = []
    seen: list[Sighting] = []

    def coded():
        # each analysis goes into the rows as soon as it is made: one nobody keeps is freed then,
        # young, instead of living through the batch and being walked by the garbage collector
        # twice (6% of a run when a batch's analyses were kept)
        for d in docs:
            a = coder.code(d)
            if sightings:
                seen.extend(read_sightings(a))
            if analyses:
                kept.append(a)
            yield a

    rows = tables(coded(), knowledge_version, datetime.now(timezone.utc), coder.engine_version)
    return CodedBatch(rows, tuple(kept) if analyses else None, tuple(seen) if sightings else None)
