"""Archive benchmark: read -> code -> store, end to end, as `warta code` runs it.

    python benchmarks/archive.py                        # the shared Indonesian corpus (../shared/corpora), when present
    python benchmarks/archive.py --corpus PATH ...      # another real corpus (files, folders, JSONL/CSV archives)
    python benchmarks/archive.py --generated            # >= 200,000 generated sentences (the fallback; for scale)
    python benchmarks/archive.py --generated --sentences 20000   # a quicker look
    python benchmarks/archive.py --dask-repeats 3       # the Dask speed-up as a median of three pairs
    python benchmarks/archive.py --profile-stages       # also time each stage (benchmarks/stages.py)

Reports, for a local run: sentences per second (wall clock, one process)
and per CPU-second (what one core does), peak memory of the whole process
tree (sampled; also for the first and the second half of the run, to show
it stays flat); for Dask: the same corpus coded with 1 and with 2
local workers, and the speed-up; and a cProfile of a smaller local run,
grouped by phase (read, plan, code, rows, store, learn). Each run is a
child process so memory and CPU are its own. `--no-learn` leaves out the
actor-knowledge learning call (to show what it costs).

By default the corpus is real: `../shared/corpora/clickid-2019.jsonl.gz`
(17,189 Indonesian articles; ../shared found as warta.evaluation.devsets
finds it). Without it, or with --generated, the corpus is generated from the
example articles (warta.synthetic): names, dates and numbers vary, so coding
cost is realistic but the texts repeat their shapes; it also goes beyond the
real corpus's size (--sentences). The local run also prints CPU-seconds per
1,000 sentences (Warta's own count) and the bare Python floor on the same
file in the same run (benchmarks/realtext.py: read the JSON Lines, regex
sentence split, regex tokenise) as a ratio: Warta's time / the floor's.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import math
import os
import pstats
import statistics
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from realtext import floor, head, shared_corpora, summary  # noqa: E402

# Where the time of a profile goes: the cumulative time of each phase's entry point (they do not
# nest, but for storing sightings, inside "store").
PHASES = (
    ("read (files, cleaning, datelines)", "warta/read/__init__.py", "read_paths"),
    ("plan (what is stored already)", "warta/ingest/plan.py", "plan"),
    ("code (the per-sentence pipeline)", "warta/coder.py", "code"),
    ("rows (Arrow tables)", "warta/store/rows.py", "tables"),
    ("store (inserts, merge into events)", "warta/store/store.py", "write_tables"),
    ("learn: read sightings (where coded)", "warta/actors/learn.py", "sightings"),
    ("learn: file them under people", "warta/actors/learn.py", "file"),
    ("learn: rebuild roles (end of run)", "warta/actors/learn.py", "settle"),
)
TOTAL = ("warta/api.py", "_ingest")


def child(args) -> None:
    """One measured run; prints a JSON line with what it did."""
    from warta.api import Warta

    w = Warta(args.db, learn=not args.no_learn)
    # loading is not coding: packs and lazy parts load before the clock starts; on Dask this process only
    # plans and writes, and loads what `warta code --dask` loads here (the packs, not spaCy's tokenizers)
    if args.dask:
        w.knowledge  # noqa: B018 - the packs and the store's actor knowledge
        w.coder  # noqa: B018
    else:
        w.coder.warm_up()  # every pack's lazy parts and the language detector
    ticks: list[tuple[float, int]] = []  # (time, sentences stored) after each batch

    def tick(report, coded, plan):
        ticks.append((time.perf_counter(), report.sentences))

    start, cpu0 = time.perf_counter(), os.times()
    report = w.code([args.corpus], keep_records=False, dask=args.dask, workers=args.workers, on_batch=tick)
    seconds, cpu1 = time.perf_counter() - start, os.times()
    cpu = (cpu1.user - cpu0.user) + (cpu1.system - cpu0.system)
    steady = _steady(ticks, report.sentences)
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "documents": report.documents,
                      "sentences": report.sentences, "events": report.events, "merged_events": report.new_events,
                      "steady_sentences_per_s": steady,
                      "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def _steady(ticks: list[tuple[float, int]], total: int) -> float | None:
    """Sentences/s while the middle 80% of the corpus was stored: leaves out cluster start-up and
    worker loading at the head and the last batches, coded while a worker may be idle, at the tail.
    The moments are interpolated between batches, so big batches do not skew it."""
    if len(ticks) < 4 or not total:
        return None

    def when(sentences: float) -> float:
        before = ticks[0]  # nothing is known before the first batch was stored
        for t, n in ticks[1:]:
            if n >= sentences:
                return before[0] + (t - before[0]) * (sentences - before[1]) / max(1, n - before[1])
            before = (t, n)
        return ticks[-1][0]

    low, high = 0.1 * total, 0.9 * total
    return (high - low) / (when(high) - when(low))


def measured(cmd: list[str]) -> dict:
    """Run a child; sample the memory of its whole process tree while it runs."""
    import psutil

    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    samples: list[tuple[float, float]] = []
    cpu: dict[int, float] = {}  # pid -> CPU seconds last seen (the client is proc.pid)

    def sample():
        root = psutil.Process(proc.pid)
        while proc.poll() is None:
            try:
                tree = [root, *root.children(recursive=True)]
                rss = sum(p.memory_info().rss for p in tree if p.is_running())
                samples.append((time.monotonic(), rss / 2**20))
                for p in tree:
                    times = p.cpu_times()
                    cpu[p.pid] = times.user + times.system
            except psutil.Error:
                pass
            time.sleep(0.25)

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    out, _ = proc.communicate()
    watcher.join()
    if proc.returncode:
        raise SystemExit(f"benchmark run failed: {' '.join(cmd)}")
    result = json.loads(out.strip().splitlines()[-1])
    result["client_cpu_s"] = cpu.get(proc.pid, 0.0)  # reading, planning, writing, learning, the scheduler
    result["other_cpu_s"] = sum(v for pid, v in cpu.items() if pid != proc.pid)  # Dask workers and nannies
    if samples:
        t0, t1 = samples[0][0], samples[-1][0]
        mid = (t0 + t1) / 2
        result["peak_mb"] = max(m for _, m in samples)
        result["peak_first_half_mb"] = max((m for t, m in samples if t <= mid), default=0)
        result["peak_second_half_mb"] = max((m for t, m in samples if t > mid), default=0)
    return result


def run(args, corpus: Path, db: Path, dask: str | None = None, workers: int = 1) -> dict:
    for f in (db, Path(f"{db}.wal")):
        f.unlink(missing_ok=True)
    cmd = [sys.executable, __file__, "--child", "--corpus", str(corpus), "--db", str(db), "--workers", str(workers)]
    if dask:
        cmd += ["--dask", dask]
    if args.no_learn:
        cmd.append("--no-learn")
    return measured(cmd)


def generate(target_sentences: int, path: Path, seed: int) -> Path:
    """Enough generated articles for `target_sentences` (sentences per article measured on a sample)."""
    from warta.coder import Coder
    from warta.read import read_paths
    from warta.synthetic import write_jsonl

    sample = write_jsonl(path.with_name("sample.jsonl"), 400, seed=seed + 1)
    coder = Coder.load(["id"])
    per_doc = sum(len(coder.code(d).sentences) for d in read_paths([sample])) / 400
    n = math.ceil(target_sentences / per_doc * 1.3)  # a margin: articles vary in length, the sample is small
    return write_jsonl(path, n, seed=seed)


def profile(args, corpus: Path, db: Path) -> list[str]:
    for f in (db, Path(f"{db}.wal")):
        f.unlink(missing_ok=True)
    from warta.api import Warta

    w = Warta(db, learn=not args.no_learn)
    w.coder.warm_up()
    prof = cProfile.Profile()
    prof.enable()
    w.code([corpus], keep_records=False)
    prof.disable()
    stats = pstats.Stats(prof)

    def cumulative(file: str, name: str) -> float:
        return sum(v[3] for (f, _line, fn), v in stats.stats.items() if f.endswith(file) and fn == name)

    total = cumulative(*TOTAL)
    lines = []
    for label, file, name in PHASES:
        t = cumulative(file, name)
        lines.append(f"  {label:<38} {t:7.2f} s  {100 * t / total:5.1f} %")
    rest = total - sum(cumulative(f, n) for _, f, n in PHASES)
    lines.append(f"  {'the loop itself, callbacks':<38} {rest:7.2f} s  {100 * rest / total:5.1f} %")
    top = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:args.profile_top]
    lines.append(f"  top functions by own time (% of the run's {total:.2f} s under cProfile):")
    for (file, line, fn), (_cc, nc, tt, ct, _c) in top:
        short = file.replace(str(REPO) + "/", "").split("site-packages/")[-1]
        lines.append(f"    {tt:7.2f} s {100 * tt / total:5.1f} % own  {ct:7.2f} s {100 * ct / total:5.1f} % cum"
                     f"  {nc:>9,} calls  {short}:{line}({fn})")
    return lines


def dask_speedups(args, corpus: Path, work: Path) -> None:
    """1 and 2 local workers on the same corpus, `--dask-repeats` times, alternating which goes
    first (1-2, 2-1, ...): a shared machine's speed drifts between runs, and a single pair can
    be off by a tenth either way. Prints each pair and the median speed-ups."""
    pairs = []
    for i in range(args.dask_repeats):
        order = (1, 2) if i % 2 == 0 else (2, 1)
        runs = {n: run(args, corpus, work / f"dask{n}.duckdb", dask="local", workers=n) for n in order}
        one, two = runs[1], runs[2]
        pairs.append((one["seconds"] / two["seconds"],
                      two["steady_sentences_per_s"] / one["steady_sentences_per_s"]
                      if one["steady_sentences_per_s"] and two["steady_sentences_per_s"] else None))
        print(f"\ndask LocalCluster, {one['sentences']:,} sentences (pair {i + 1}, {order[0]} worker(s) first): "
              f"1 worker {one['seconds']:.1f} s ({one['sentences'] / one['seconds']:,.0f}/s), 2 workers "
              f"{two['seconds']:.1f} s ({two['sentences'] / two['seconds']:,.0f}/s): speed-up {pairs[-1][0]:.2f}x "
              "end to end (cluster start-up included)")
        if pairs[-1][1]:
            print(f"  steady state (middle 80% of the corpus): 1 worker {one['steady_sentences_per_s']:,.0f}/s, "
                  f"2 workers {two['steady_sentences_per_s']:,.0f}/s: speed-up {pairs[-1][1]:.2f}x")
        print(f"  peak memory: 1 worker {one['peak_mb']:,.0f} MB, 2 workers {two['peak_mb']:,.0f} MB "
              "(client + scheduler + workers)")
        for label, r in (("1 worker", one), ("2 workers", two)):
            print(f"  CPU, {label}: client {r['client_cpu_s']:.1f} s (loading, reading, planning, writing, "
                  f"learning, the scheduler), workers {r['other_cpu_s']:.1f} s, over {r['seconds']:.1f} s", flush=True)
    if len(pairs) > 1:
        steady = [s for _, s in pairs if s]
        print(f"\ndask speed-up over {len(pairs)} pairs, median: {statistics.median(e for e, _ in pairs):.2f}x end to "
              f"end" + (f", {statistics.median(steady):.2f}x steady state" if steady else ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sentences", type=int, default=200_000, help="generated corpus size (sentences)")
    ap.add_argument("--dask-sentences", type=int, help="a smaller corpus for the 1- vs 2-worker runs (default: the"
                    " whole corpus; fixed costs, cluster start-up and the last store fold, weigh more on less)")
    ap.add_argument("--dask-repeats", type=int, default=1, help="pairs of 1- and 2-worker runs, alternating order")
    ap.add_argument("--profile-sentences", type=int, default=10_000, help="generated corpus for the profile")
    ap.add_argument("--profile-docs", type=int, default=3000,
                    help="the first N records of a real (JSON Lines) corpus for the cProfile run (default 3,000; 0: all)")
    ap.add_argument("--profile-top", type=int, default=20, help="functions listed in the profile")
    ap.add_argument("--profile-stages", action="store_true",
                    help="also time each stage on the corpus (benchmarks/stages.py, a run of its own)")
    ap.add_argument("--corpus", type=Path, help="a real corpus (default: ../shared/corpora/clickid-2019.jsonl.gz)")
    ap.add_argument("--generated", action="store_true", help="a generated corpus (--sentences) even when the"
                    " shared corpus is present")
    ap.add_argument("--workdir", type=Path, help="where corpora and stores go (default: a temporary folder)")
    ap.add_argument("--no-learn", action="store_true", help="leave out the actor-knowledge learning call")
    ap.add_argument("--skip", nargs="*", default=(), choices=("local", "dask", "profile", "floor"))
    ap.add_argument("--seed", type=int, default=7)
    # used by the child runs
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--dask", help=argparse.SUPPRESS)
    ap.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return child(args)

    work = args.workdir or Path(tempfile.mkdtemp(prefix="warta-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"cores: {os.cpu_count()}  load average: {os.getloadavg()[0]:.1f}  workdir: {work}"
          f"{'  (learning call left out)' if args.no_learn else ''}", flush=True)
    if args.corpus is None and not args.generated:
        args.corpus = shared_corpora().get("id")
        print(f"corpus: {args.corpus or 'generated (no ../shared/corpora/clickid-2019.jsonl.gz)'}", flush=True)
    corpus = args.corpus or generate(args.sentences, work / "corpus.jsonl.gz", args.seed)
    small = args.corpus or (corpus if args.dask_sentences is None
                            else generate(args.dask_sentences, work / "dask.jsonl.gz", args.seed + 100))
    tiny = args.corpus or generate(args.profile_sentences, work / "profile.jsonl.gz", args.seed + 200)
    if args.corpus and args.profile_docs and ".jsonl" in tiny.name and "profile" not in args.skip:
        tiny = head(tiny, args.profile_docs, work / f"profile-head{args.profile_docs}.jsonl.gz")

    if "local" not in args.skip:
        r = run(args, corpus, work / "local.duckdb")
        r["sampled"] = True
        fl = floor(corpus) if "floor" not in args.skip else None
        print()
        print("\n".join(summary(f"local, end to end into the store ({r['merged_events']:,} merged events)", r, fl)))
        print(f"  peak memory of the process tree, first half {r['peak_first_half_mb']:,.0f} MB,"
              f" second half {r['peak_second_half_mb']:,.0f} MB", flush=True)
    if "dask" not in args.skip:
        dask_speedups(args, small, work)
    if "profile" not in args.skip:
        print(f"\nprofile of a local run ({tiny.name}), time by phase:")
        print("\n".join(profile(args, tiny, work / "profile.duckdb")), flush=True)
    if args.profile_stages:
        print(f"\ntime by stage ({corpus.name}; benchmarks/stages.py):", flush=True)
        cmd = [sys.executable, str(Path(__file__).with_name("stages.py")), "--corpus", str(corpus),
               "--workdir", str(work / "stages")]
        subprocess.run(cmd + (["--no-learn"] if args.no_learn else []), check=True)


if __name__ == "__main__":
    main()
