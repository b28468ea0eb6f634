"""Throughput of the whole coder: files in, events stored, sentences per second.

Builds a corpus of at least --sentences sentences from the example articles
(examples/), varying countries, people's names, numbers and dates so that
no cache is hit trivially, writes it as plain-text files to a temporary
folder, then runs the real pipeline end to end (`warta.api.Warta.code`:
reading, cleaning, language detection, sentences, dates, actors, events,
DuckDB store) and reports sentences/s and peak memory (max RSS).

    python benchmarks/throughput.py                 # 10,000+ sentences, Indonesian and English
    python benchmarks/throughput.py --lang id --profile 25

Speed is measured here, never asserted in the tests.
"""
from __future__ import annotations

import argparse
import cProfile
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


def run(db: Path, folder: Path, langs: list[str], profiler=None) -> tuple[int, int, int, float]:
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
    start = time.perf_counter()
    report = warta.code([folder], on_document=count, keep_records=False)
    elapsed = time.perf_counter() - start
    if profiler:
        profiler.disable()
    return counts["documents"], counts["sentences"], report.events, elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sentences", type=int, default=10_000, help="at least this many sentences (default 10,000)")
    ap.add_argument("--lang", choices=["all", *available_languages()], default="all")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--profile", type=int, metavar="N", help="also profile, and print the N costliest functions")
    args = ap.parse_args()
    langs = available_languages() if args.lang == "all" else [args.lang]
    langs = [lang for lang in langs if examples(lang)]
    for lang in langs:
        LanguagePack.load(lang)
    with tempfile.TemporaryDirectory(prefix="warta-bench-") as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        files = build_corpus(folder, langs, args.sentences, args.seed)
        profiler = cProfile.Profile() if args.profile else None
        docs, sentences, events, elapsed = run(Path(tmp) / "bench.duckdb", folder, langs, profiler)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB
        print(f"languages       {', '.join(langs)}")
        print(f"files           {files}")
        print(f"documents       {docs}")
        print(f"sentences       {sentences}")
        print(f"events stored   {events}")
        print(f"seconds         {elapsed:.2f}")
        print(f"sentences/s     {sentences / elapsed:,.0f}")
        print(f"documents/s     {docs / elapsed:,.1f}")
        print(f"peak memory     {peak_mb:,.0f} MiB (max RSS of the process)")
        if profiler:
            pstats.Stats(profiler).sort_stats("tottime").print_stats(args.profile)


if __name__ == "__main__":
    main()
