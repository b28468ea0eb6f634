"""The per-sentence coding pipeline alone: its CPU time per sentence, and a check that it
codes exactly as before.

    python benchmarks/pipeline.py --save /tmp/before.txt     # code the fixed corpus, save a canonical dump
    python benchmarks/pipeline.py --check /tmp/before.txt    # code it again: identical, or the first difference
    python benchmarks/pipeline.py --check /tmp/before.txt --any-pack-checksum  # the same, when only pack files moved
    python benchmarks/pipeline.py --time [--repeat 3]        # CPU seconds per sentence (best of the repeats)
    python benchmarks/pipeline.py --profile [--top 40]       # cProfile of one pass

The corpus: generated articles (warta.synthetic, 1,500 Indonesian and 300 English,
fixed seeds), the example articles, the golden test articles and the actor test corpus,
and real news when the shared corpora are present (../shared/corpora): every 40th article
of the Indonesian corpus (about 430) and every article of the English file (171), each
coded as it comes and with its language left to the coder.
The hand-written ones are coded three ways: language detected, and forced to each pack.
`--no-real` leaves the shared corpora out (the dumps of runs with and without them differ).
The dump holds every Analysis as its repr (document, sentences and tokens, dates,
places, mentions, triggers, events, notes) and its records(), so any change to what
the coder produces shows.
"""
from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import pstats
import re
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def real_documents(every: int = 40) -> list:
    """A fixed sample of the shared corpora: every `every`-th Indonesian article and every English
    one, as read from a copy in a fixed folder (a document's origin is in the dump); each once as
    the record gives it and once with its language left to the coder (lingua)."""
    import gzip

    from warta.model import Document
    from warta.read import read_paths
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from realtext import shared_corpora

    tmp = Path(tempfile.gettempdir()) / "warta-pipeline-corpus"
    tmp.mkdir(exist_ok=True)
    paths = []
    for lang, src in sorted(shared_corpora().items()):
        step = every if lang == "id" else 1
        dst = tmp / f"real-{lang}.jsonl"
        with gzip.open(src, "rt", encoding="utf-8") as f, open(dst, "w", encoding="utf-8") as out:
            for i, line in enumerate(f):
                if i % step == 0:
                    out.write(line)
        paths.append(dst)
    docs = [d for d in read_paths(paths) if isinstance(d, Document)]
    return docs + [d.with_(lang=None) for d in docs[::5]]


def corpus(synthetic_id: int = 1500, synthetic_en: int = 300) -> tuple[list, list]:
    """(timed documents: the generated ones, extra documents: the hand-written ones in each language)."""
    from warta.model import Document
    from warta.read import read_paths
    from warta.synthetic import write_jsonl

    # a fixed folder: the documents' origin (the file they were read from) is in the dump
    tmp = Path(tempfile.gettempdir()) / "warta-pipeline-corpus"
    tmp.mkdir(exist_ok=True)
    paths = [write_jsonl(tmp / "id.jsonl", synthetic_id, seed=7)]
    if synthetic_en:
        paths.append(write_jsonl(tmp / "en.jsonl", synthetic_en, seed=7, lang="en"))
    timed = [d for d in read_paths(paths) if isinstance(d, Document)]
    files = sorted(p for folder in ("examples", "tests/golden", "tests/actors/corpus")
                   for p in (REPO / folder).rglob("*.txt"))
    extra = []
    for d in read_paths(files):
        if isinstance(d, Document):
            extra.extend([d.with_(lang=None), d.with_(lang="id"), d.with_(lang="en")])
    return timed, extra


_STAMP = re.compile(r"\b([a-z]{2,3}-[^+'\"\s]+)\+[0-9a-f]{8}\b")  # a pack stamp: code-version+checksum


def dump(analysis) -> str:
    """The analysis, with the checkout's own path (in the origin of the example documents) taken
    out, so that two checkouts of different commits can be compared."""
    text = repr(analysis) + "\n" + json.dumps(analysis.records(), ensure_ascii=False, sort_keys=True, default=str)
    return text.replace(str(REPO), "<checkout>")


def code_all(coder, docs) -> list:
    return [coder.code(d) for d in docs]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--save")
    ap.add_argument("--check")
    # a change that moves knowledge into the packs changes their checksum (in every stamp) and nothing else
    ap.add_argument("--any-pack-checksum", action="store_true", help="compare pack stamps without their checksum")
    ap.add_argument("--time", action="store_true")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--sort", default="tottime")
    ap.add_argument("--no-real", action="store_true", help="leave the shared corpora out")
    ap.add_argument("--real-only", action="store_true", help="time and profile the real documents only")
    args = ap.parse_args()

    from warta.coder import Coder

    coder = Coder.load()
    timed, extra = corpus()
    real = [] if args.no_real else real_documents()
    if args.real_only:
        timed = real
    for lang in coder.pipelines:  # lazy parts (spaCy, lingua, automata) load before any clock starts
        coder.code(timed[0].with_(lang=lang))

    if args.save or args.check:
        lines = [dump(a) for a in code_all(coder, timed + extra + ([] if args.real_only else real))]
        digest = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
        if args.save:
            Path(args.save).write_text("\n".join(lines), encoding="utf-8")
            print(f"saved {len(lines)} analyses, sha256 {digest[:16]}")
        else:
            before = Path(args.check).read_text(encoding="utf-8").split("\n")
            after = "\n".join(lines).split("\n")
            if args.any_pack_checksum:
                before, after = ([_STAMP.sub(r"\1+checksum", ln) for ln in x] for x in (before, after))
            if before == after:
                print(f"identical: {len(lines)} analyses, sha256 {digest[:16]}")
            else:
                k = next((i for i, (a, b) in enumerate(zip(before, after)) if a != b), min(len(before), len(after)))
                print(f"DIFFERENT at line {k} of {len(before)}/{len(after)}")
                print("before:", before[k][:3000] if k < len(before) else None)
                print("after: ", after[k][:3000] if k < len(after) else None)
                print("if the change is meant, bump ENGINE_VERSION in warta/pipeline/__init__.py, so stored "
                      "documents are coded again by `warta recode`")
                sys.exit(1)

    if args.time:
        best = None
        for _ in range(args.repeat):
            # analyses are dropped as they are made, as a batch run drops them: holding 1,800 of
            # them would make the garbage collector's full passes dearer than they are in a run
            t0 = time.process_time()
            n = sum(len(coder.code(d).sentences) for d in timed)
            cpu = time.process_time() - t0
            best = cpu if best is None else min(best, cpu)
        print(f"{len(timed)} documents, {n} sentences: best of {args.repeat} {best:.3f} CPU s, "
              f"{best / n * 1e6:.1f} us/sentence, {n / best:.0f} sentences/CPU-s")

    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        code_all(coder, timed)
        prof.disable()
        pstats.Stats(prof).sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
