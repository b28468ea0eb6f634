"""Where batches are coded, and the loop that keeps coding and storing apart.

A runner codes a batch somewhere: `LocalRunner` in this process, when it is
asked for the result; `warta.distributed.DaskRunner` on Dask workers, with
several batches in flight so workers code while this process writes. The
store has one writer (DuckDB allows no other), this process, and it
writes batches in the order they were read, so a run gives the same store
wherever it was coded.
"""
from __future__ import annotations

from collections import deque
from typing import Callable, Iterable, Iterator, Protocol, Sequence

from warta.coder import Coder
from warta.ingest.coded import CodedBatch, code_batch
from warta.ingest.plan import BatchPlan, Planner
from warta.model import Document


class Runner(Protocol):
    """Codes documents (`submit`, `result`). A runner that reads as well (`reads = True`:
    `read`, `keys`, `code_read`, `result`; warta.distributed) is given pending inputs instead."""

    window: int  # batches coded ahead of the one being written

    def submit(self, docs: Sequence[Document], *, analyses: bool, sightings: bool) -> object: ...

    def result(self, handle) -> CodedBatch: ...


class LocalRunner:
    """Codes in this process, one batch at a time."""

    window = 0

    def __init__(self, coder: Coder, knowledge_version: str | None = None):
        self.coder = coder
        self.knowledge_version = knowledge_version

    def submit(self, docs: Sequence[Document], *, analyses: bool, sightings: bool) -> Callable[[], CodedBatch]:
        return lambda: code_batch(self.coder, docs, knowledge_version=self.knowledge_version, analyses=analyses,
                                  sightings=sightings)

    def result(self, handle: Callable[[], CodedBatch]) -> CodedBatch:
        return handle()

    def __enter__(self) -> "LocalRunner":
        return self

    def __exit__(self, *exc) -> None:
        return None


def batches(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def coded_batches(items: Iterable[list], planner: Planner, runner: Runner, *, analyses: bool = False,
                  sightings: bool = False) -> Iterator[tuple[BatchPlan, CodedBatch]]:
    """Plan and code each batch, yielding them in input order, `runner.window` batches ahead.

    The caller writes each batch before asking for the next, and tells the
    planner (`planner.done`) once it is stored.
    """
    if getattr(runner, "reads", False):
        yield from _read_there(items, planner, runner, analyses=analyses, sightings=sightings)
        return
    in_flight: deque = deque()
    for batch in items:
        plan = planner.plan(batch)
        in_flight.append((plan, runner.submit(plan.to_code, analyses=analyses, sightings=sightings)))
        while len(in_flight) > runner.window:
            plan, handle = in_flight.popleft()
            yield plan, runner.result(handle)
    while in_flight:
        plan, handle = in_flight.popleft()
        yield plan, runner.result(handle)


def _read_there(items: Iterable[list], planner: Planner, runner, *, analyses: bool,
                sightings: bool) -> Iterator[tuple[BatchPlan, CodedBatch]]:
    """For a runner that also reads (warta.distributed): each batch of pending inputs is read
    where it will be coded, only its documents' keys come back to plan with, and then the
    documents to code are coded there. Up to `runner.window` batches are being read and as
    many coded while this process writes."""
    reading: deque = deque()
    coding: deque = deque()

    def plan_next() -> None:
        handle = reading.popleft()
        plan = planner.plan(runner.keys(handle))
        coding.append((plan, runner.code_read(handle, plan, analyses=analyses, sightings=sightings)))

    for batch in items:
        reading.append(runner.read(batch))
        while len(reading) > runner.window:
            plan_next()
        while len(coding) > runner.window:
            plan, handle = coding.popleft()
            yield plan, runner.result(handle)
    while reading or coding:
        if reading:
            plan_next()
        while coding and (len(coding) > runner.window or not reading):
            plan, handle = coding.popleft()
            yield plan, runner.result(handle)
