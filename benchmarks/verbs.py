"""An imported verb dictionary: how long it takes to load, and what it costs coding.

    python benchmarks/verbs.py [--dictionary ../shared/reference/phoenix/CAMEO.2.0.txt]
                               [--corpus ../shared/corpora/wikinews-2019.jsonl.gz] [--repeat 3]

Prints the time to import the file into a fresh store (read, check codes,
insert), to read its entries back, to build an English coder with them, and
the coding pipeline's CPU time over the corpus (English articles) without and
with the dictionary loaded (best of `--repeat` passes, passes alternating).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from warta.evaluation.devsets import default_shared_dir  # noqa: E402 - after the path above

SHARED = default_shared_dir()  # $WARTA_SHARED, else ../shared: where the tests and `warta eval` look


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dictionary", type=Path, default=SHARED / "reference" / "phoenix" / "CAMEO.2.0.txt")
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpora" / "wikinews-2019.jsonl.gz")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    from warta.coder import Coder, ExtraKnowledge
    from warta.model import Document
    from warta.read import read_paths
    from warta.verbs.store import VerbStore

    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        with VerbStore.open(Path(tmp) / "v.duckdb") as store:
            summary = store.import_file(args.dictionary, "en")
            imported = time.perf_counter() - t
            t = time.perf_counter()
            entries = store.entries()
            read_back = time.perf_counter() - t
    print(summary.line())
    print(f"import {imported:.2f} s, entries read back {read_back:.2f} s ({len(entries)} entries)")

    t = time.perf_counter()
    plain = Coder.load(["en"]).warm_up()
    load_plain = time.perf_counter() - t
    t = time.perf_counter()
    loaded = Coder.load(["en"], extra=ExtraKnowledge(verbs=entries)).warm_up()
    load_loaded = time.perf_counter() - t
    print(f"English coder load: {load_plain:.2f} s without, {load_loaded:.2f} s with the dictionary")

    docs = [d.with_(lang="en") for d in read_paths([args.corpus]) if isinstance(d, Document)]
    best = {"without": float("inf"), "with": float("inf")}
    counts = {}
    for _ in range(args.repeat):
        for name, coder in (("without", plain), ("with", loaded)):
            t = time.process_time()
            analyses = [coder.code(d) for d in docs]
            best[name] = min(best[name], time.process_time() - t)
            counts[name] = (sum(len(a.sentences) for a in analyses), sum(len(a.events) for a in analyses))
    sentences = counts["without"][0]
    for name in ("without", "with"):
        print(f"{name:8s} the dictionary: {best[name]:.2f} s CPU, {sentences / best[name]:,.0f} sentences/s, "
              f"{counts[name][1]} events ({len(docs)} documents, {sentences} sentences)")
    print(f"slowdown: {best['with'] / best['without']:.2f}x")


if __name__ == "__main__":
    main()
