"""Coding on Dask workers: `warta code ... --dask local` or `--dask tcp://host:8786`.

Workers read and code, this process plans and writes: DuckDB allows one
writer, and writing in input order keeps a run reproducible. Reading is
split (warta.read.pending): this process takes lines, rows and file bytes
out of the inputs; the workers parse, extract and clean them, send back
only the documents' keys, and code the ones the planner chose. Each worker
loads the language packs and knowledge once, when the `CoderPlugin` is set
up on it (and again only if the worker restarts); tasks then find the
loaded coder on their worker. What comes back: Arrow rows (cheap to send;
the events users see are made from them here, when wanted), the sightings
of people's offices the actor learner files (a few small records per
document), and whole analyses only when a caller streams them
(`on_document`). See benchmarks/archive.py.

Everything a task needs is importable (`warta.distributed`,
`warta.ingest.coded`), so any worker with Warta installed can run it.
"""
from __future__ import annotations

import gc
import logging
from dataclasses import dataclass, field
from typing import Sequence

import dask
import pyarrow as pa
from distributed import Client, LocalCluster, WorkerPlugin, get_worker

from warta.coder import Coder, ExtraKnowledge
from warta.ingest.coded import CodedBatch, code_batch
from warta.ingest.identity import DocKey
from warta.model import Document
from warta.read.pending import finished
from warta.settings import Settings
from warta.store.rows import Tables

PLUGIN = "warta-coder"
# A LocalCluster shares this machine's cores with this process, and Dask's own housekeeping, made
# for its dashboard (off here), costs them: an event-loop check every 20 ms in the scheduler and each
# nanny, resource sampling for the dashboard's plots, and a profiler sampling each running task every
# 10 ms. Less often, or off: about 7% of a run's wall time on 2 cores (benchmarks/archive.py).
LOCAL_CLUSTER_CONFIG = {
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",  # the nanny's check of its worker's memory
    "distributed.worker.profile.enabled": False,
}
CHUNK = 500  # documents per chunk of a batch (read, keys, code: three small tasks a chunk). Every task
# costs this process (the scheduler runs here) and the workers some CPU: a default batch of 1,000 is two
# chunks, one per worker of two (benchmarks/archive.py: 200 gave the writer a sixth more work)


class CoderPlugin(WorkerPlugin):
    """Loads the coder on a worker when the plugin is set up there."""

    name = PLUGIN

    def __init__(self, languages: list[str] | None, settings: Settings | None, extra: ExtraKnowledge | None):
        self.languages = languages
        self.settings = settings
        self.extra = extra
        self.coder: Coder | None = None

    def setup(self, worker) -> None:
        self.coder = Coder.load(self.languages, self.settings, self.extra)
        self.coder.warm_up()  # before the first task
        gc.collect()
        gc.freeze()  # the loaded coder lives as long as the worker: keep it out of every garbage collection


def read_on_worker(items: Sequence) -> list:
    """The first task of a batch read remotely: finish each pending input (warta.read.pending)."""
    return [finished(item) for item in items]


@dataclass(frozen=True)
class Keys:
    """A chunk's document keys and read errors, sent back as one object: Dask's messages send a
    list or tuple of objects item by item (a pickle, a header and a frame each, 500 a chunk),
    which cost this process more than planning them."""

    items: tuple


def keys_on_worker(items: Sequence) -> Keys:
    """What the planner needs of them: keys for documents, read errors whole."""
    return Keys(tuple(DocKey.of(item) if isinstance(item, Document) else item for item in items))


def code_read_on_worker(items: Sequence, positions: Sequence[int], knowledge_version: str | None, analyses: bool,
                        sightings: bool) -> CodedBatch:
    """The last task: code the documents the planner chose, where they were read, with this
    worker's coder."""
    coder = get_worker().plugins[PLUGIN].coder
    return code_batch(coder, [items[i] for i in positions], knowledge_version=knowledge_version,
                      analyses=analyses, sightings=sightings)


class DaskRunner:
    """Codes batches on a Dask cluster, `window` batches ahead of the one being written."""

    def __init__(self, address: str, *, languages: list[str] | None = None, settings: Settings | None = None,
                 extra: ExtraKnowledge | None = None, knowledge_version: str | None = None, workers: int = 2,
                 chunk: int = CHUNK):
        self.address = address
        self.plugin = CoderPlugin(languages, settings, extra)
        self.knowledge_version = knowledge_version
        self.workers = workers
        self.chunk = chunk
        self.window = 2
        self.cluster: LocalCluster | None = None
        self.client: Client | None = None

    def __enter__(self) -> "DaskRunner":
        if self.address == "local":
            with dask.config.set(LOCAL_CLUSTER_CONFIG):  # read as the scheduler, nannies and workers start
                self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                            dashboard_address=None, silence_logs=logging.ERROR)
            self.client = Client(self.cluster)
        else:
            self.client = Client(self.address)
        self.client.register_plugin(self.plugin)
        n = max(1, len(self.client.scheduler_info().get("workers", {})))
        self.window = max(2, n)  # enough batches queued that no worker waits while this process writes
        return self

    def __exit__(self, *exc) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    # -- reading and coding on the workers ----------------------------------------------

    reads = True  # warta.ingest.runner sends pending inputs (read_paths(defer=True)) to `read`

    def read(self, items: Sequence) -> "_Reading":
        """Start reading a batch on the workers: each chunk's items are finished where they
        will be coded, and only their keys come back. Reading goes before coding already queued
        (priority): this process plans a batch from its keys, and until they come back it can
        send the workers no more coding (their queues ran dry at every batch)."""
        items = list(items)
        read = [self.client.submit(read_on_worker, items[i: i + self.chunk], pure=False, priority=1)
                for i in range(0, len(items), self.chunk)]
        return _Reading(read, [self.client.submit(keys_on_worker, f, pure=False, priority=1) for f in read])

    def keys(self, reading: "_Reading") -> list:
        """The batch's document keys and read errors, in input order (waits for the reading)."""
        reading.parts = [keys.items for keys in self.client.gather(reading.keys)]
        return [k for part in reading.parts for k in part]

    def code_read(self, reading: "_Reading", plan, *, analyses: bool, sightings: bool) -> list:
        """Code the documents `plan` chose on the workers that read them (the planner was given
        the very key objects `keys` returned, so they are told apart by identity)."""
        chosen = {id(k) for k in plan.to_code}
        futures = []
        for future, part in zip(reading.read, reading.parts):
            positions = [i for i, k in enumerate(part) if id(k) in chosen]
            if positions:
                futures.append(self.client.submit(code_read_on_worker, future, positions, self.knowledge_version,
                                                  analyses, sightings, pure=False))
        return futures

    def result(self, futures: list) -> CodedBatch:
        parts: list[CodedBatch] = self.client.gather(futures) if futures else []
        if not parts:
            return CodedBatch(Tables(*_empty()), ())
        return CodedBatch(
            Tables(*(pa.concat_tables([getattr(p.tables, t) for p in parts])
                     for t in ("documents", "sentences", "reports"))),
            tuple(a for p in parts for a in (p.analyses or ())),
            None if parts[0].sightings is None else tuple(s for p in parts for s in p.sightings),
        )


@dataclass
class _Reading:
    """A batch being read on the workers: futures of its read items (kept there) and of their keys."""

    read: list
    keys: list
    parts: list = field(default_factory=list)  # the keys, once gathered


def _empty() -> tuple[pa.Table, pa.Table, pa.Table]:
    from warta.store.schema import DOC_SCHEMA, REPORT_SCHEMA, SENT_SCHEMA

    return DOC_SCHEMA.empty_table(), SENT_SCHEMA.empty_table(), REPORT_SCHEMA.empty_table()
