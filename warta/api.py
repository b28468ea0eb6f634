"""The Python API: everything the CLI does, callable from a notebook.

    from warta import Warta
    w = Warta("warta.duckdb")
    report = w.code(["examples/"])              # read, code, store (skips what is stored)
    report = w.code(["archive/"], dask="local")  # the same, coded on Dask workers
    w.recode()                                   # code stored documents again after packs or actors changed
    w.events(source="IRN", code="04")
"""
from __future__ import annotations

import gc
import itertools
import logging
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator

from warta.coder import Coder, ExtraKnowledge
from warta.errors import QueryError
from warta.ingest import pinned as pinned_knowledge
from warta.ingest.coded import CodedBatch
from warta.ingest.plan import BatchPlan, Planner
from warta.ingest.recode import stored_documents
from warta.ingest.report import CodeReport
from warta.ingest.runner import LocalRunner, batches, coded_batches
from warta.ingest.versions import knowledge_stamp
from warta.model import Analysis, Document, ReadError
from warta.query import EventQuery
from warta.read import read_paths
from warta.settings import Settings
from warta.store import Store, Written
from warta.store.rows import tables

__all__ = ["BATCH", "CodeReport", "Warta"]

BATCH = 1000  # documents per transaction: a crash loses at most this many (a few seconds of coding to redo).
# Each batch costs the writer a fixed ~40 ms (plan, merge, commit, gathering from workers): at 200 that
# was a third of its work on Dask, where the writer shares the cores with the workers
GC_THRESHOLD = 50_000  # allocations between young-generation collections during a run (Python's default: 700)
_LOG = logging.getLogger("warta.actors")


class Warta:
    """A store plus a coder. Nothing is loaded until first needed."""

    def __init__(self, db: str | Path = "warta.duckdb", languages: list[str] | None = None,
                 settings: Settings | None = None, extra: ExtraKnowledge | None = None, learn: bool = True):
        """`learn`: learn who held which office from what is coded (warta.actors.learn)."""
        self.db = str(db)
        self.languages = languages
        self.settings = settings
        self.extra = extra
        self.learn = learn
        self._coder: Coder | None = None
        self._knowledge: tuple[ExtraKnowledge | None, str] | None = None  # and its stamp

    @property
    def knowledge(self) -> ExtraKnowledge | None:
        """What the coder knows about actors beyond the packs: the caller's, then the store's."""
        if self._knowledge is None:
            from warta.actors.assemble import stored_knowledge  # actors imported, added, learned in this store
            from warta.verbs.store import with_stored_verbs  # verb dictionaries imported into this store

            self._use(with_stored_verbs(self.db, stored_knowledge(self.db, self.extra)))
        return self._knowledge[0]

    @property
    def knowledge_version(self) -> str:
        self.knowledge
        return self._knowledge[1]

    def _use(self, knowledge: ExtraKnowledge | None) -> None:
        self._knowledge, self._coder = (knowledge, knowledge_stamp(knowledge)), None

    @property
    def coder(self) -> Coder:
        if self._coder is None:
            self._coder = Coder.load(self.languages, self.settings, self.knowledge)
        return self._coder

    def analyse(self, doc: Document) -> Analysis:
        return self.coder.code(doc)

    def code_text(self, text: str, doc_id: str = "text", **meta) -> Analysis:
        """Code one string (no store): handy in notebooks and tests."""
        return self.coder.code(Document(doc_id, text, **meta))

    def code(self, paths: Iterable[str | Path], on_document: Callable[[Analysis | ReadError], None] | None = None,
             keep_records: bool = True, *, dask: str | None = None, workers: int = 2, batch_size: int = BATCH,
             on_batch: Callable[[CodeReport, CodedBatch, BatchPlan], None] | None = None) -> CodeReport:
        """Read, code and store; what the store holds already is skipped (see warta.ingest.plan).

        `dask`: None codes here; "local" starts a LocalCluster of `workers`
        processes; "tcp://host:8786" uses a running scheduler. `on_batch` is
        called after each batch is stored (progress, streaming output). When inputs are
        given and none can be read, no store is made: the report holds the errors.
        """
        settings = self.settings or Settings.load()
        furniture = tuple(p for pack in self.coder.packs.values() for p in pack.furniture)
        paths = list(paths) if not isinstance(paths, (str, Path)) else [paths]
        # on Dask the workers finish reading (parsing, HTML extraction, cleaning) too: see warta.read.pending
        items = read_paths(paths, max_bytes=settings.max_bytes, furniture=furniture, defer=bool(dask))
        errors, items = _readable(items, limit=batch_size)
        if items is None:
            if errors and not Path(self.db).exists():  # every input failed: no store is made for nothing
                return _nothing_read(errors, on_document, on_batch)
            items = iter(errors)  # a store there is opened all the same: a killed run's learning is settled
        return self._ingest(lambda store: items,
                            recode=False, on_document=on_document, keep_records=keep_records, dask=dask,
                            workers=workers, batch_size=batch_size, on_batch=on_batch)

    def recode(self, everything: bool = False, *, dask: str | None = None, workers: int = 2,
               batch_size: int = BATCH, on_batch: Callable | None = None) -> CodeReport:
        """Code stored documents again, without reading any input: those coded by other
        pack, knowledge or engine versions than now (or all of them), replacing their events."""
        versions, knowledge = list(self.coder.versions.values()), self.knowledge_version
        engine = self.coder.engine_version
        return self._ingest(lambda store: stored_documents(store, versions, knowledge, everything=everything,
                                                           page=batch_size, engine_version=engine),
                            recode=True, on_document=None, keep_records=False, dask=dask,
                            workers=workers, batch_size=batch_size, on_batch=on_batch)

    def _ingest(self, source: Callable[[Store], Iterator[Document | ReadError]], *, recode: bool,
                on_document, keep_records: bool, dask: str | None, workers: int, batch_size: int,
                on_batch) -> CodeReport:
        """The loop: read -> plan -> code (here or on workers) -> store, one transaction per batch.

        With `learn`, what each batch says of people's offices is stored in the batch's
        transaction, and the learned roles are rebuilt once, when the run ends (the run
        codes with the knowledge it started with). Learning never costs an event: if it
        fails, the events are stored and a warning is logged.
        """
        report = CodeReport()
        with Store.open(self.db) as store:
            if dask == "local":  # the workers have this machine's cores: DuckDB's own threads would compete
                store.con.execute("SET threads = 1")
            run, resumed = self._start_run(store, "recode" if recode else "code")
            coder, knowledge = self.coder, self.knowledge_version
            if not dask:
                coder.warm_up()  # Dask workers warm up their own; this process only plans and writes
            learner = self._learner(store, None if recode else run, resumed)
            with self._runner(dask, workers, knowledge) as runner, _frozen_heap():
                planner = Planner(store, coder.versions.values(), recode=recode, engine_version=coder.engine_version)
                stream = coded_batches(batches(source(store), batch_size), planner, runner,
                                       analyses=on_document is not None, sightings=learner is not None)
                for plan, coded in stream:
                    filed = self._file(learner, coded, plan)
                    written = store.write_tables(coded.tables, plan.errors, replacing=plan.replacing,
                                                 also=filed.store if filed is not None else None)
                    planner.done(plan)
                    report.add(plan, written, coded.tables.n_sentences)
                    if keep_records:
                        report.records.extend(coded.records)
                    if on_document:
                        for item in (*(coded.analyses or ()), *plan.errors):
                            on_document(item)
                    if on_batch:
                        on_batch(report, coded, plan)
            store.finish_run(run, report.documents, report.events)
            self._settle(learner)
        return report

    def _learner(self, store: Store, run: int | None, resumed: bool):
        """The run's actor learner (None without `learn`): a new run's after settling what earlier
        runs left; a killed `code` run's as it was when killed (the names it had met, nothing
        settled), so the rest is filed as an uninterrupted run files it."""
        if not self.learn:
            return None
        try:
            from warta.actors.learn import Learner

            learner = Learner(store.con, run=run)
            if resumed:
                learner.resume()
            else:
                learner.start()
            return learner
        except Exception as exc:  # noqa: BLE001 - coding goes on without learning
            _LOG.warning("actor learning is off for this run: %s", exc)
            return None

    @staticmethod
    def _file(learner, coded: CodedBatch, plan: BatchPlan):
        if learner is None or coded.sightings is None:
            return None
        try:  # only documents stored before can have sightings stored before
            return learner.file(plan.replacing, coded.sightings)
        except Exception as exc:  # noqa: BLE001
            _LOG.warning("learning from this batch failed: %s", exc)
            return None

    @staticmethod
    def _settle(learner) -> None:
        if learner is None:
            return
        try:
            learner.finish()
        except Exception as exc:  # noqa: BLE001 - the sightings stay stored; the next run settles them
            _LOG.warning("rebuilding learned roles failed: %s", exc)

    def _start_run(self, store: Store, kind: str) -> tuple[int, bool]:
        """Record the run, and say whether it takes up a killed one: a `code` run killed before it
        finished is finished with the actor knowledge it started with (learning since then would
        make the same archive code differently depending on where it was interrupted)."""
        pinned = store.unfinished_run(kind) if kind == "code" else None
        if pinned is not None and pinned[2] is not None:
            try:
                knowledge = pinned_knowledge.loads(pinned[2])
            except Exception:  # noqa: BLE001 - written by another version of Warta: start a new run
                pass
            else:
                if knowledge_stamp(knowledge) != self.knowledge_version:
                    self._use(knowledge)
                return pinned[0], True
        blob = pinned_knowledge.dumps(self.knowledge) if kind == "code" else None
        return store.begin_run(kind, self.knowledge_version, blob), False

    def _runner(self, dask: str | None, workers: int, knowledge_version: str):
        if not dask:
            return LocalRunner(self.coder, knowledge_version)
        from warta.distributed import DaskRunner  # dask is imported only when asked for

        return DaskRunner(dask, languages=self.languages, settings=self.settings, extra=self.knowledge,
                          knowledge_version=knowledge_version, workers=workers)

    def events(self, query: EventQuery | None = None, **filters) -> list[dict]:
        """Stored events matching an EventQuery, or the filters `warta events` and the REST API take
        (source="IRN,SYR", code="04", since="2023-01-01", limit=100, ...); a QueryError (W400) says
        which value makes no sense."""
        query = _query(query, filters)
        with Store.open(self.db, read_only=True) as store:
            return store.events(query)

    def reports(self, query: EventQuery | None = None, **filters) -> list[dict]:
        """Reports (each event as each article coded it), filtered as `events` filters."""
        query = _query(query, filters)
        with Store.open(self.db, read_only=True) as store:
            return store.reports(query)


def _query(query: EventQuery | None, filters: dict) -> EventQuery:
    if query is None:
        return EventQuery.parse(**filters)
    if filters:
        raise QueryError("give an EventQuery or filters, not both")
    return query


def _readable(items: Iterable, limit: int) -> tuple[list[ReadError], Iterator | None]:
    """The read errors before the first input that could be read, and the whole stream again; None
    for the stream when there is no such input. Past `limit` errors the stream is taken as it is."""
    errors: list[ReadError] = []
    it = iter(items)
    for item in it:
        if not isinstance(item, ReadError) or len(errors) >= limit:
            return errors, itertools.chain(errors, [item], it)
        errors.append(item)
    return errors, None


def _nothing_read(errors: list[ReadError], on_document, on_batch) -> CodeReport:
    """The report of a run in which every input failed, told as one batch."""
    report, plan = CodeReport(), BatchPlan(errors=errors)
    report.add(plan, Written(0, 0, 0, 0), 0)
    report.batches = 0  # none was committed
    for err in errors if on_document else ():
        on_document(err)
    if on_batch:
        on_batch(report, CodedBatch(tables([])), plan)
    return report


@contextmanager
def _frozen_heap():
    """Keep what is loaded (packs, gazetteers, lexicons: millions of objects) out of the cyclic
    garbage collector for the run: its full collections walked all of it again and again,
    10-15% of a long run's time (benchmarks/archive.py). And collect less often: once the loaded
    heap is frozen, Python's rule for full collections (a quarter more long-lived objects than at
    the last one) holds almost always, and the objects a run keeps (Dask's task states, the names
    the learner has filed) were walked every few batches: a sixth of the writer's CPU on Dask.
    No collection first: the little garbage loading leaves is frozen with the rest until the run
    ends, and a full collection cost 0.1 s a run (7% of coding the English corpus)."""
    gc.freeze()
    thresholds = gc.get_threshold()
    gc.set_threshold(GC_THRESHOLD, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()
