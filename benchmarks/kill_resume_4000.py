"""kill -9 at batch commits of a 4,000-document run, resume, compare with an uninterrupted run (issue 15).

    python benchmarks/kill_resume_4000.py [--docs 4000] [--batch 1000] [--seed 7] [--kill-after 1,2,3] [--mid]

Prints, for each kill point, which parts of the store differ from the uninterrupted run.
"""
from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from warta.synthetic import write_jsonl

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository, for the tests' store dump
from tests.archive.stores import cli, dump  # noqa: E402  (what a resumed store must share with the reference)


def killed_run(corpus, db, common, after: int, mid: bool) -> None:
    """Kill at the `after`-th commit (right as its progress line appears), or a little later (mid-batch)."""
    proc = subprocess.Popen(cli("code", str(corpus), "--db", str(db), *common), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    committed = 0
    for line in proc.stderr:
        if " committed:" in line:
            committed += 1
            if committed == after:
                if mid:
                    time.sleep(2)
                os.kill(proc.pid, signal.SIGKILL)
                break
    proc.wait(timeout=600)
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    subprocess.run(cli("code", str(corpus), "--db", str(db), "--quiet", *common), check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=4000)
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--kill-after", default="1,2,3")
    ap.add_argument("--mid", action="store_true", help="kill a little after the commit, mid-way through the next")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="kill_resume_"))
    corpus = write_jsonl(tmp / "corpus.jsonl.gz", args.docs, seed=args.seed)
    common = ["--batch-size", str(args.batch), "--format", "jsonl"]
    t = time.perf_counter()
    subprocess.run(cli("code", str(corpus), "--db", str(tmp / "reference.duckdb"), "--quiet", *common), check=True,
                   stdout=subprocess.DEVNULL)
    print(f"uninterrupted run: {time.perf_counter() - t:.0f} s", flush=True)
    reference = dump(tmp / "reference.duckdb")
    print("reference:", {k: len(v) for k, v in reference.items()}, flush=True)
    for after in (int(a) for a in args.kill_after.split(",")):
        db = tmp / f"killed_{after}.duckdb"
        t = time.perf_counter()
        killed_run(corpus, db, common, after, args.mid)
        got = dump(db)
        diff = {k: (len(got[k]), len(reference[k]), len(set(got[k]) ^ set(reference[k])))
                for k in reference if got[k] != reference[k]}
        print(f"killed after commit {after}{' (mid-batch)' if args.mid else ''}: {time.perf_counter() - t:.0f} s, "
              f"differs: {diff or 'nothing'}", flush=True)
        for k in ("sightings", "learned"):
            if k in diff:
                only_got = sorted(set(got[k]) - set(reference[k]))[:5]
                only_ref = sorted(set(reference[k]) - set(got[k]))[:5]
                print(f"  {k} only resumed: {only_got}\n  {k} only reference: {only_ref}", flush=True)


if __name__ == "__main__":
    main()
