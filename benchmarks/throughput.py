"""Throughput of the whole coder: files in, events stored, sentences per second.

By default on real news: each of `../shared/corpora/*.jsonl.gz` (found as
warta.evaluation.devsets finds ../shared), coded whole, end to end
(`warta.api.Warta.code`: reading, cleaning, language, sentences, dates,
actors, events, DuckDB store, learning on) into a fresh store, in a child
process of its own. Prints, per corpus: sentences/s (Warta's own sentence
count), CPU-seconds per 1,000 sentences, peak memory of the child's process
tree, and the same file through the bare Python floor (read the JSON Lines,
regex sentence split, regex tokenise; benchmarks/realtext.py) measured in
the same run, as a ratio (Warta's time / the floor's): on a shared machine
the ratio is steadier than the absolute speed.

    python benchmarks/throughput.py                  # every shared corpus, whole (Indonesian: about 3 minutes)
    python benchmarks/throughput.py --lang en        # one of them
    python benchmarks/throughput.py --docs 2000      # the first 2,000 articles of each, a quicker look
    python benchmarks/throughput.py --generated [--sentences 10000] [--profile 25]

`--generated` (also the fallback when ../shared is absent) builds a corpus of
at least --sentences sentences from the example articles (examples/),
varying countries, people's names, numbers and dates so that no cache is
hit trivially, writes it as plain-text files to a temporary folder and codes
it in this process, as before; it scales beyond the real corpora.

Speed is measured here, never asserted in the tests.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import random
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from realtext import floor, head, shared_corpora, summary  # noqa: E402

from warta.api import Warta  # noqa: E402
from warta.lang import LanguagePack, available_languages  # noqa: E402
from warta.model import Document  # noqa: E402

# Country names each pack spells alike in the examples; a name is swapped for another of its list.
SWAPS = {
    "id": ["Rusia", "Iran", "Jepang", "Tiongkok", "Turki", "Mesir", "Prancis", "Jerman", "Inggris", "Australia",
           "Malaysia", "Vietnam", "Filipina", "Thailand", "Kamboja", "Myanmar", "Korea Selatan", "India",
           "Pakistan", "Arab Saudi", "Qatar", "Yordania", "Brasil", "Kanada", "Italia", "Spanyol", "Polandia"],
    "en": ["Russia", "Iran", "Japan", "China", "Turkey", "Egypt", "France", "Germany", "Britain", "Australia",
           "Malaysia", "Vietnam", "the Philippines", "Thailand", "Cambodia", "Myanmar", "South Korea", "India",
           "Pakistan", "Saudi Arabia", "Qatar", "Jordan", "Brazil", "Canada", "Italy", "Spain", "Poland"],
}
SYLLABLES = ["ka", "ri", "mo", "ta", "su", "na", "de", "wi", "lo", "ra", "ni", "ha", "bu", "sen", "tar", "mir"]
_NUMBER = re.compile(r"\b\d{1,3}\b")
_YEAR = re.compile(r"\b20\d\d\b")


def examples(lang: str) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((REPO / "examples" / lang).glob("*.txt"))]


def vary(text: str, lang: str, rng: random.Random) -> str:
    """The same article about other countries, other people, on other days."""
    names = SWAPS[lang]
    pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b")
    mapping = dict(zip(names, rng.sample(names, len(names))))
    text = pattern.sub(lambda m: mapping[m.group(1)], text)
    # capitalised words of the body that are no country become fresh names: people, places
    text = re.sub(r"(?<=[a-z,] )(?!(?:" + "|".join(re.escape(n) for n in names) + r")\b)([A-Z][a-z]{3,})\b(?= [A-Z][a-z]{3,})",
                  lambda m: _name(rng), text)
    text = _YEAR.sub(lambda m: str(rng.randint(2015, 2025)), text)
    return _NUMBER.sub(lambda m: str(rng.randint(1, 28)), text)


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def build_corpus(folder: Path, langs: list[str], target: int, seed: int) -> int:
    """Write articles until they hold at least `target` sentences (counted by full stops, roughly);
    returns the number of files."""
    rng = random.Random(seed)
    sources = [(lang, text) for lang in langs for text in examples(lang)]
    if not sources:
        raise SystemExit("no example articles found under examples/")
    written, approx = 0, 0
    while approx < target * 1.1:
        lang, text = rng.choice(sources)
        body = vary(text, lang, rng)
        (folder / f"{written:06d}_{lang}.txt").write_text(body, encoding="utf-8")
        approx += body.count(". ") + body.count(".\n") + 1
        written += 1
    return written


def run(db: Path, folder: Path, langs: list[str], profiler=None) -> tuple[int, int, int, float, float]:
    counts = {"sentences": 0, "documents": 0}

    def count(item):
        if hasattr(item, "sentences"):
            counts["sentences"] += len(item.sentences)
            counts["documents"] += 1

    warta = Warta(db, languages=langs)
    for lang in langs:  # loading packs and building tokenizers is not coding: done before the clock starts
        warta.coder.code(Document("warm-up", examples(lang)[0], lang=lang))
    if profiler:
        profiler.enable()
    start, cpu0 = time.perf_counter(), time.process_time()
    report = warta.code([folder], on_document=count, keep_records=False)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu0
    if profiler:
        profiler.disable()
    return counts["documents"], counts["sentences"], report.events, elapsed, cpu


def child(corpus: Path, db: Path, learn: bool) -> None:
    """One measured run of a real corpus; prints a JSON line."""
    warta = Warta(db, learn=learn)
    warta.coder.warm_up()  # loading packs and building tokenizers is not coding: done before the clock starts
    start, cpu0 = time.perf_counter(), os.times()
    report = warta.code([corpus], keep_records=False)
    seconds, cpu1 = time.perf_counter() - start, os.times()
    print(json.dumps({"seconds": seconds, "cpu_seconds": (cpu1.user - cpu0.user) + (cpu1.system - cpu0.system),
                      "documents": report.documents, "sentences": report.sentences, "events": report.events}))


def real(args, corpora: dict[str, Path]) -> None:
    from archive import measured  # samples the memory of the child's whole process tree

    work = Path(tempfile.mkdtemp(prefix="warta-bench-"))
    print(f"cores: {os.cpu_count()}  load average: {os.getloadavg()[0]:.1f}  workdir: {work}", flush=True)
    for lang, corpus in corpora.items():
        if args.docs:
            corpus = head(corpus, args.docs, work / f"{lang}-head{args.docs}.jsonl.gz")
        db = work / f"{lang}.duckdb"
        cmd = [sys.executable, __file__, "--child", str(corpus), "--db", str(db)]
        r = measured(cmd + (["--no-learn"] if args.no_learn else []))
        r["sampled"] = True
        fl = floor(corpus)
        print()
        print("\n".join(summary(f"{corpus.name} ({lang}), end to end into a fresh store, learning "
                                f"{'off' if args.no_learn else 'on'}", r, fl)), flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--generated", action="store_true", help="a corpus generated from examples/ (the fallback)")
    ap.add_argument("--docs", type=int, help="real corpora: only the first N articles of each")
    ap.add_argument("--no-learn", action="store_true", help="real corpora: leave out actor learning")
    ap.add_argument("--sentences", type=int, default=10_000,
                    help="generated: at least this many sentences (default 10,000)")
    ap.add_argument("--lang", choices=["all", *available_languages()], default="all")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--profile", type=int, metavar="N",
                    help="generated: also profile, and print the N costliest functions")
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return child(args.child, args.db, learn=not args.no_learn)
    corpora = {lang: p for lang, p in shared_corpora().items() if args.lang in ("all", lang)}
    if corpora and not args.generated:
        return real(args, corpora)
    if not args.generated:
        print("no ../shared/corpora: a generated corpus instead", flush=True)
    langs = available_languages() if args.lang == "all" else [args.lang]
    langs = [lang for lang in langs if examples(lang)]
    for lang in langs:
        LanguagePack.load(lang)
    with tempfile.TemporaryDirectory(prefix="warta-bench-") as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        files = build_corpus(folder, langs, args.sentences, args.seed)
        profiler = cProfile.Profile() if args.profile else None
        docs, sentences, events, elapsed, cpu = run(Path(tmp) / "bench.duckdb", folder, langs, profiler)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB
        fl = floor(folder)
        print(f"languages       {', '.join(langs)}")
        print(f"files           {files}")
        print(f"documents       {docs}")
        print(f"sentences       {sentences}")
        print(f"events stored   {events}")
        print(f"seconds         {elapsed:.2f}")
        print(f"sentences/s     {sentences / elapsed:,.0f}")
        print(f"documents/s     {docs / elapsed:,.1f}")
        print(f"peak memory     {peak_mb:,.0f} MiB (max RSS of the process)")
        print(f"CPU s / 1,000   {1000 * cpu / max(sentences, 1):.3f} sentences")
        print(f"floor           {fl['seconds']:.2f} s (read, regex split, regex tokenise; same files, same run): "
              f"Warta {elapsed / fl['seconds']:.1f}x")
        if profiler:
            pstats.Stats(profiler).sort_stats("tottime").print_stats(args.profile)


if __name__ == "__main__":
    main()
