"""How fast people's names resolve against a large knowledge base, and how well.

    python benchmarks/resolve_actors.py                # 10,000 mentions, 50,000 known people
    python benchmarks/resolve_actors.py --people 100000 --mentions 50000
    python benchmarks/resolve_actors.py --study        # also the fuzzy-threshold study and the
                                                       # precision/recall of people's countries and sectors

Speed: synthetic people (syllable names, 1-3 dated offices each) and mentions
that are 70% exact names or aliases, 15% spelling variants (the alternations
of warta.actors.names.translit), 15% names nobody knows, each on a random day.
Two measurements, one core: `Resolver.resolve` (name -> actor on a day), and
the gazetteer's scan of short sentences (automata + spelling-variant scan),
which is what the coder pays per sentence. Target: 10,000 mentions < 1 s.

Study (needs ../shared for the Phoenix dictionaries): precision/recall of
"same person" on the labelled name pairs per threshold, and of the country
and sector given to each person in tests/actors/data/resolution.tsv, with
built-in knowledge only, + learned from tests/actors/corpus, + Phoenix, + both.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from warta.actors.people import People, Person, Role  # noqa: E402
from warta.actors.resolve import Resolver  # noqa: E402

SYLLABLES = ("ka", "ri", "mo", "ha", "san", "ro", "ba", "dar", "zi", "fa", "lav", "nov", "she", "ko", "ta", "mir",
             "ab", "dol", "la", "hi", "an", "ser", "gey", "ru", "tin", "vo", "lo", "dy", "mur", "za", "qa", "li")
COUNTRIES = ("IRN", "RUS", "USA", "CHN", "IDN", "MYS", "TUR", "ISR", "UKR", "SYR", "IRQ", "SAU", "EGY", "IND")
SECTORS = ("GOV", "MIL", "JUD", "LEG", "OPP", "BUS")
VARIANTS = (("ou", "o"), ("v", "w"), ("i", "y"), ("a", "aa"), ("k", "q"), ("s", "ss"), ("ha", "a"))


def _name(rng: random.Random, words: int) -> str:
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
                    for _ in range(words))


def synthetic_people(n: int, seed: int = 7) -> People:
    rng = random.Random(seed)
    by_name: dict[str, Person] = {}
    made = 0
    while made < n:
        name = _name(rng, rng.choice((2, 2, 3)))
        if name.lower() in by_name:
            continue
        country = rng.choice(COUNTRIES)
        start = date(1990, 1, 1) + timedelta(days=rng.randint(0, 10000))
        roles = []
        for _ in range(rng.randint(1, 3)):
            end = start + timedelta(days=rng.randint(300, 3000))
            roles.append(Role(country + rng.choice(SECTORS), "", start, end, "synthetic", 1.0))
            start = end + timedelta(days=rng.randint(1, 700))
        person = Person(name, (name.split()[-1],), country, tuple(roles))
        by_name[name.lower()] = person
        made += 1
        by_name.setdefault(name.split()[-1].lower(), person)
    return People(by_name)


def _variant(rng: random.Random, name: str) -> str:
    for a, b in rng.sample(VARIANTS, len(VARIANTS)):
        if a in name:
            return name.replace(a, b, 1)
    return name + "h"


def synthetic_mentions(people: People, n: int, seed: int = 11) -> list[tuple[str, date, str]]:
    rng = random.Random(seed)
    names = [p.name for p in {id(p): p for p in people.by_name.values()}.values()]
    out = []
    for _ in range(n):
        day = date(1990, 1, 1) + timedelta(days=rng.randint(0, 12000))
        kind = rng.random()
        if kind < 0.70:
            name = rng.choice(names)
            out.append((rng.choice((name, name.split()[-1])), day, "exact"))
        elif kind < 0.85:
            out.append((_variant(rng, rng.choice(names).split()[-1]), day, "variant"))
        else:
            out.append((_name(rng, 2), day, "unknown"))
    return out


def bench_resolver(people: People, mentions) -> dict:
    t0 = time.perf_counter()
    resolver = Resolver(people)
    built = time.perf_counter() - t0
    times: dict[str, float] = {"exact": 0.0, "variant": 0.0, "unknown": 0.0}
    counts: dict[str, int] = {"exact": 0, "variant": 0, "unknown": 0}
    resolved: dict[str, int] = {"exact": 0, "variant": 0, "unknown": 0}
    start = time.perf_counter()
    for name, day, kind in mentions:
        t = time.perf_counter()
        actor = resolver.resolve(name, day)
        times[kind] += time.perf_counter() - t
        counts[kind] += 1
        resolved[kind] += actor is not None
    total = time.perf_counter() - start
    return {"index_build_s": built, "total_s": total, "times": times, "counts": counts, "resolved": resolved}


def bench_gazetteer(people: People, mentions) -> dict:
    from warta.actors.gazetteer import Gazetteer
    from warta.lang import LanguagePack

    sentences = [f"Menurut laporan, {name} bertemu Duta Besar Jepang di Jakarta." for name, _, _ in mentions]
    t0 = time.perf_counter()
    gazetteer = Gazetteer(LanguagePack.load("id"), people)
    gazetteer.find("Pemanasan.")  # builds the automata and the spelling index
    built = time.perf_counter() - t0
    start = time.perf_counter()
    hits = sum(1 for s in sentences for _, _, e in gazetteer.find(s) if e.kind == "person")
    return {"build_s": built, "total_s": time.perf_counter() - start, "person_hits": hits}


def false_matches() -> None:
    """How often a real name nobody knows finds a fuzzy match among Phoenix's people.

    Phoenix's people of a fifth of the countries are the unknown names; the rest are the
    index (every name, curated or not). All matches below 100 are different people."""
    from tests.conftest import shared_path
    from warta.actors.fuzzy import FuzzyNames
    from warta.actors.knowledge import person_of
    from warta.actors.petrarch import load_actors
    from warta.settings import ActorSettings

    settings = ActorSettings.load()
    records = [r for r in load_actors(shared_path("reference", "phoenix", "Phoenix.Countries.actors.txt"))
               if r.kind == "person"]
    countries = sorted({r.country for r in records})
    held = set(random.Random(3).sample(countries, len(countries) // 5))
    known = [person_of(r, "p", settings) for r in records if r.country not in held]
    index = FuzzyNames([(n, p.name) for p in known for n in (p.name, *p.aliases, p.name.split()[-1])],
                       settings.fuzzy_threshold, settings.fuzzy_min_length)
    unknown = [person_of(r, "p", settings).name for r in records if r.country in held]
    print(f"\nfalse fuzzy matches of unknown real names against {len(known):,} Phoenix people:")
    for label, queries in (("full names", unknown), ("last names", [n.split()[-1] for n in unknown])):
        hits = [index.match(q) for q in queries]
        fuzzy = sum(1 for h in hits if h and h[1] < 100)
        print(f"  {label:<10} {len(queries):>5} queries, {fuzzy} fuzzy matches ({fuzzy / len(queries):.1%})")


def study() -> None:
    import shutil
    import tempfile

    from tests.actors.conftest import CORPUS, import_phoenix, learn_from
    from tests.actors.measure import load_resolution, mistakes, resolution_scores, resolve_people, threshold_study
    from warta.actors.assemble import stored_knowledge
    from warta.coder import Coder

    for which in ("dev", "heldout"):
        for scorer in ("ratio", "warta+blocking"):
            print(f"\nname pairs ({which}), scorer {scorer}:  threshold  precision  recall  f1")
            for row in threshold_study(range(80, 101, 2), scorer=scorer, which=which):
                print(f"  {row['threshold']:>3}  {row['precision']:.3f}  {row['recall']:.3f}  {row['f1']:.3f}")
    print("\nmistakes at 90 (dev):", mistakes(90))
    false_matches()
    tmp = Path(tempfile.mkdtemp())
    phoenix, learned, both = tmp / "p.duckdb", tmp / "l.duckdb", tmp / "pl.duckdb"
    import_phoenix(phoenix)
    learn_from(learned, [CORPUS])
    shutil.copy(phoenix, both)
    learn_from(both, [CORPUS])
    rows = load_resolution()
    print("\nresolution of people (country P/R, sector P/R):")
    for label, db in (("built-in", None), ("+learned", learned), ("+phoenix", phoenix), ("+phoenix+learned", both)):
        extra = stored_knowledge(str(db)) if db else None
        coders = {lang: Coder.load([lang], extra=extra) for lang in ("id", "en")}
        results = resolve_people(coders, rows)
        for lang in ("id", "en", None):
            s = resolution_scores([r for r in results if lang is None or r["lang"] == lang])
            print(f"  {label:<18} {lang or 'all':<3} n={s['country']['n']:<3} country "
                  f"{s['country']['precision']:.3f}/{s['country']['recall']:.3f}  sector "
                  f"{s['sector']['precision']:.3f}/{s['sector']['recall']:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--people", type=int, default=50_000)
    ap.add_argument("--mentions", type=int, default=10_000)
    ap.add_argument("--study", action="store_true", help="also the threshold study and resolution P/R")
    args = ap.parse_args()
    people = synthetic_people(args.people)
    mentions = synthetic_mentions(people, args.mentions)
    r = bench_resolver(people, mentions)
    print(f"{args.people:,} people ({len(people.by_name):,} names), {args.mentions:,} mentions, one core")
    print(f"Resolver: index built in {r['index_build_s']:.2f} s; resolved in {r['total_s']:.3f} s "
          f"({r['total_s'] / args.mentions * 1e6:.1f} us a mention)")
    for kind in ("exact", "variant", "unknown"):
        n = r["counts"][kind]
        print(f"  {kind:<8} {n:>6} mentions  {r['times'][kind]:.3f} s  resolved {r['resolved'][kind]}/{n}")
    g = bench_gazetteer(people, mentions)
    print(f"Gazetteer: built in {g['build_s']:.2f} s; {args.mentions:,} sentences scanned in {g['total_s']:.3f} s, "
          f"{g['person_hits']:,} people found")
    if args.study:
        study()


if __name__ == "__main__":
    main()
