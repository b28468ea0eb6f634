"""Where the time goes on real text: each stage of a run, timed, end to end into a fresh store.

    python benchmarks/stages.py                      # the shared Indonesian corpus (../shared/corpora), learning on
    python benchmarks/stages.py --lang en            # the shared English file
    python benchmarks/stages.py --corpus PATH --docs 2000 [--no-learn]

The run is `warta code` as the API runs it (read, plan, code, rows, store, merge into
events, learn), one process, into a fresh store. The stages are timed by wrapping them in this
process (benchmarks/realtext.py StageClock; nothing in warta/ is edited): reading (files,
JSON, cleaning, datelines), language identification (`Coder.language_of`: free when records
carry `lang`, as both shared corpora do), the pipeline's stages (sentences, dates, actors,
events), rows, plan, store, merge and learn. Each stage's time is its own. The wrappers cost
a few calls per document (about 1 µs each), not per sentence.
The bare Python floor runs on the same file in the same run.
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from realtext import StageClock, floor, head, shared_corpora, summary  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", default="id", help="which shared corpus (default id)")
    ap.add_argument("--corpus", type=Path, help="another corpus (a JSON Lines file, a folder, ...)")
    ap.add_argument("--docs", type=int, help="only the first N records (JSON Lines)")
    ap.add_argument("--no-learn", action="store_true")
    ap.add_argument("--workdir", type=Path)
    args = ap.parse_args()

    corpus = args.corpus or shared_corpora().get(args.lang)
    if corpus is None:
        raise SystemExit(f"no shared corpus for {args.lang!r} (../shared/corpora absent?): give --corpus")
    work = args.workdir or Path(tempfile.mkdtemp(prefix="warta-stages-"))
    work.mkdir(parents=True, exist_ok=True)
    if args.docs:
        corpus = head(corpus, args.docs, work / f"head{args.docs}.jsonl.gz")

    from warta.api import Warta

    db = work / "stages.duckdb"
    for f in (db, Path(f"{db}.wal")):
        f.unlink(missing_ok=True)
    w = Warta(db, learn=not args.no_learn)
    w.coder.warm_up()  # loading is not coding
    clock = StageClock().install(w)
    report = clock.run(lambda: w.code([corpus], keep_records=False))
    clock.uninstall()
    fl = floor(corpus)
    r = {"documents": report.documents, "sentences": report.sentences, "events": report.events,
         "seconds": clock.total_wall, "cpu_seconds": clock.total_cpu,
         "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    print("\n".join(summary(f"{corpus.name}, end to end into a fresh store, learning "
                            f"{'off' if args.no_learn else 'on'}, stages timed", r, fl)))
    print("\ntime by stage (own time; stages called inside others are taken out of them):")
    print("\n".join(clock.table(report.sentences)))


if __name__ == "__main__":
    main()
