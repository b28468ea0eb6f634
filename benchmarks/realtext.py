"""Real text for the benchmarks: the shared corpora, the bare Python floor, and a per-stage clock.

- `shared_corpora()`: `../shared/corpora/*.jsonl.gz` (found as warta.evaluation.devsets finds
  `../shared`: $WARTA_SHARED, else the `shared` folder beside the checkout), by language.
- `floor(path)`: the same file through bare Python (read the JSON Lines, split sentences with
  a regex, tokenise with a regex): what any coder pays at least. A benchmark times it in the
  same run as Warta and prints the ratio, which stays meaningful on a shared, noisy machine.
- `StageClock`: times the stages of a real run (reading, language identification, sentences,
  dates, actors, events, rows, plan, store, merge, learn) by wrapping them in this process;
  nothing in warta/ is edited. Each stage's time is its own (a stage called inside another is
  taken out of the outer one), so the stages and "the rest" add up to the run.
"""
from __future__ import annotations

import gzip
import json
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

_SENTENCE = re.compile(r"(?<=[.!?])[\s,]+|\n+")  # scraped text joins paragraphs with ".,"
_TOKEN = re.compile(r"\w+|[^\w\s]")
CORPUS_LANG = {"clickid-2019": "id", "wikinews-2019": "en"}


def shared_corpora() -> dict[str, Path]:
    """{language: corpus file} of the shared corpora present (empty when ../shared is absent)."""
    from warta.evaluation.devsets import default_shared_dir

    found: dict[str, Path] = {}
    for path in sorted((default_shared_dir() / "corpora").glob("*.jsonl.gz")):
        lang = CORPUS_LANG.get(path.name.split(".")[0])
        if lang is None:  # another corpus: its language from its first record
            with gzip.open(path, "rt", encoding="utf-8") as f:
                lang = json.loads(f.readline() or "{}").get("lang") or path.stem
        found.setdefault(lang, path)
    return found


def head(src: Path, n: int, dst: Path) -> Path:
    """The first `n` records of a JSON Lines file (gzipped or not), as a gzipped file."""
    opener = gzip.open if src.name.endswith(".gz") else open
    with opener(src, "rt", encoding="utf-8") as f, gzip.open(dst, "wt", encoding="utf-8") as out:
        for i, line in enumerate(f):
            if i >= n:
                break
            out.write(line)
    return dst


def _texts(path: Path):
    if path.is_dir():
        for p in sorted(path.rglob("*")):
            if p.is_file():
                yield p.read_text(encoding="utf-8", errors="replace")
        return
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                yield f"{rec.get('title') or ''}\n{rec.get('text') or ''}"


def floor(path: Path, repeats: int = 3) -> dict:
    """Bare Python over the same input: best (least) wall and CPU seconds of `repeats` passes."""
    best: dict | None = None
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        docs = sentences = tokens = 0
        for text in _texts(path):
            docs += 1
            for s in _SENTENCE.split(text):
                if s.strip():
                    sentences += 1
                    tokens += len(_TOKEN.findall(s))
        r = {"seconds": time.perf_counter() - t0, "cpu_seconds": time.process_time() - c0,
             "documents": docs, "sentences": sentences, "tokens": tokens}
        if best is None or r["seconds"] < best["seconds"]:
            best = r
    return best


def summary(label: str, r: dict, fl: dict | None) -> list[str]:
    """The figures issue 16 asks for, from a measured run (`r`: seconds, cpu_seconds, sentences,
    peak_mb) and its floor."""
    lines = [f"{label}: {r['documents']:,} documents, {r['sentences']:,} sentences (Warta's count), "
             f"{r['events']:,} events in {r['seconds']:.1f} s wall, {r['cpu_seconds']:.1f} CPU s",
             f"  {r['sentences'] / r['seconds']:,.0f} sentences/s (wall, one process)   "
             f"{r['sentences'] / r['cpu_seconds']:,.0f} sentences per CPU-second   "
             f"{1000 * r['cpu_seconds'] / r['sentences']:.3f} CPU s per 1,000 sentences",
             f"  peak memory {r['peak_mb']:,.0f} MB" + (" (process tree, sampled)" if r.get("sampled") else "")]
    if fl:
        lines.append(f"  floor (read JSON Lines, regex split, regex tokenise; best of 3, same run): "
                     f"{fl['seconds']:.2f} s wall, {fl['cpu_seconds']:.2f} CPU s, {fl['sentences']:,} regex "
                     f"sentences, {fl['tokens']:,} tokens")
        lines.append(f"  Warta / floor: {r['seconds'] / fl['seconds']:.1f}x wall, "
                     f"{r['cpu_seconds'] / max(fl['cpu_seconds'], 1e-9):.1f}x CPU")
    return lines


class StageClock:
    """Own wall and CPU time per stage of a run, by wrapping the stages in this process."""

    STAGE_OF_CLASS = {"SentenceSplitter": "sentences", "DateResolver": "dates", "ActorFinder": "actors",
                      "EventCoder": "events", "ImportingEventCoder": "events"}
    ORDER = ("reading", "language identification", "sentences", "dates", "actors", "events", "coder, rest",
             "rows (Arrow tables)", "plan (what is stored)", "store (inserts)", "merge (into events)",
             "learn", "the rest (loop, batching, callbacks)")

    def __init__(self):
        self.wall: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self._stack: list[str] = []
        self._mark = (0.0, 0.0)
        self._undo: list = []

    # the clock
    def _now(self):
        return time.perf_counter(), time.process_time()

    def _charge(self, now):
        if self._stack:
            top = self._stack[-1]
            self.wall[top] = self.wall.get(top, 0.0) + now[0] - self._mark[0]
            self.cpu[top] = self.cpu.get(top, 0.0) + now[1] - self._mark[1]
        self._mark = now

    def enter(self, stage: str):
        self._charge(self._now())
        self._stack.append(stage)
        self.calls[stage] = self.calls.get(stage, 0) + 1

    def leave(self):
        self._charge(self._now())
        self._stack.pop()

    def timed(self, stage: str, fn):
        clock = self

        def wrapper(*a, **k):
            clock.enter(stage)
            try:
                return fn(*a, **k)
            finally:
                clock.leave()
        return wrapper

    def timed_iter(self, stage: str, it):
        it = iter(it)
        while True:
            self.enter(stage)
            try:
                item = next(it)
            except StopIteration:
                return
            finally:
                self.leave()
            yield item

    def patch(self, owner, attr: str, stage: str):
        old = getattr(owner, attr)
        self._undo.append((owner, attr, owner.__dict__.get(attr, old) if isinstance(owner, type) else old))
        setattr(owner, attr, self.timed(stage, old))

    # installing it
    def install(self, warta) -> "StageClock":
        """Wrap the stages of `warta` (a warta.api.Warta whose coder is loaded and warmed up)."""
        import warta.api as api
        import warta.ingest.coded as coded
        from warta.actors.learn import Filed, Learner
        from warta.coder import Coder
        from warta.ingest.plan import Planner
        from warta.store.merger import Merger
        from warta.store import Store

        clock = self
        read_paths = api.read_paths

        def timed_read_paths(*a, **k):
            return clock.timed_iter("reading", read_paths(*a, **k))

        self._undo.append((api, "read_paths", read_paths))
        api.read_paths = timed_read_paths
        self.patch(Coder, "language_of", "language identification")
        self.patch(Coder, "code", "coder, rest")
        self.patch(coded, "tables", "rows (Arrow tables)")
        self.patch(coded, "read_sightings", "learn")
        self.patch(Planner, "plan", "plan (what is stored)")
        self.patch(Planner, "done", "plan (what is stored)")
        self.patch(Store, "write_tables", "store (inserts)")
        self.patch(Merger, "merge", "merge (into events)")
        self.patch(api.Warta, "_start_run", "store (inserts)")
        self.patch(Store, "finish_run", "store (inserts)")
        self.patch(Learner, "file", "learn")
        self.patch(Learner, "settle", "learn")
        self.patch(Filed, "store", "learn")
        for pipeline in warta.coder.pipelines.values():
            stages = pipeline.stages
            self._undo.append((pipeline, "stages", stages))
            pipeline.stages = tuple(_Timed(s, self.STAGE_OF_CLASS.get(type(s).__name__, type(s).__name__), self)
                                    for s in stages)
        return self

    def uninstall(self) -> None:
        for owner, attr, old in reversed(self._undo):
            setattr(owner, attr, old)
        self._undo.clear()

    def run(self, fn):
        """Call fn() with the clock running; everything not in a stage goes to 'the rest'."""
        rest = self.ORDER[-1]
        self._stack = [rest]
        self._mark = self._now()
        t0 = self._mark
        try:
            return fn()
        finally:
            self._charge(self._now())
            self._stack = []
            self.total_wall = self._mark[0] - t0[0]
            self.total_cpu = self._mark[1] - t0[1]

    def table(self, sentences: int) -> list[str]:
        names = [s for s in self.ORDER if s in self.wall] + sorted(set(self.wall) - set(self.ORDER))
        lines = [f"  {'stage':<40} {'wall s':>8} {'% wall':>7} {'CPU s':>8} {'CPU s/1k sent':>14}",
                 ]
        for name in names:
            w, c = self.wall[name], self.cpu.get(name, 0.0)
            lines.append(f"  {name:<40} {w:8.2f} {100 * w / self.total_wall:6.1f}% {c:8.2f} "
                         f"{1000 * c / max(sentences, 1):14.3f}")
        lines.append(f"  {'total':<40} {self.total_wall:8.2f} {100.0:6.1f}% {self.total_cpu:8.2f} "
                     f"{1000 * self.total_cpu / max(sentences, 1):14.3f}")
        return lines


class _Timed:
    """A pipeline stage, timed; the same interface."""

    def __init__(self, stage, label: str, clock: StageClock):
        self.stage, self.label, self.clock = stage, label, clock
        self.name, self.requires, self.assigns = stage.name, stage.requires, stage.assigns

    def __call__(self, analysis):
        self.clock.enter(self.label)
        try:
            return self.stage(analysis)
        finally:
            self.clock.leave()
