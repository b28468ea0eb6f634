"""Measurements of actor resolution, shared by the gate tests and benchmarks/resolve_actors.py.

* `threshold_study`: precision/recall of "same person" over labelled name
  pairs (data/name_variants.tsv), at each fuzzy threshold, with the index's
  blocking (what the coder really does) and without it (the scorer alone).
* `resolution_scores`: precision/recall of the country and of the sector the
  coder gives each person named in labelled sentences (data/resolution.tsv).
"""
from __future__ import annotations

from pathlib import Path

from rapidfuzz import fuzz

from warta.actors.fuzzy import FuzzyNames, similarity
from warta.actors.names import fold
from warta.tabular import read_tsv

DATA = Path(__file__).with_name("data")


PAIR_SETS = {"dev": "name_variants.tsv", "heldout": "name_variants_heldout.tsv"}
SCORERS = ("ratio", "warta", "warta+blocking")


def load_pairs(which: str = "dev") -> list[tuple[str, str, bool]]:
    rows = read_tsv(DATA / PAIR_SETS[which], "warta.name_variants.v1", ("query", "known", "same"))
    return [(r["query"], r["known"], r["same"] == "1") for r in rows]


def pair_score(query: str, known: str, scorer: str = "warta+blocking", min_length: int = 5) -> float:
    """The score `query` gets against `known` (0 = never compared).

    ratio: rapidfuzz ratio on folded names (the baseline); warta: `fuzzy.similarity`;
    warta+blocking: what the coder does, an index holding only `known`.
    """
    if scorer == "warta+blocking":
        found = FuzzyNames([(known, "x")], threshold=1, min_length=min_length).match(query)
        return found[1] if found else 0.0
    if scorer == "warta":
        return similarity(query, known)
    a, b = fold(query), fold(known)
    return max(fuzz.ratio(a, b), fuzz.ratio(a.replace(" ", ""), b.replace(" ", "")))


def threshold_study(thresholds=range(70, 101, 2), scorer: str = "warta+blocking", which: str = "dev") -> list[dict]:
    pairs = load_pairs(which)
    scored = [(pair_score(q, k, scorer), same) for q, k, same in pairs]
    positives = sum(1 for _, same in scored if same)
    out = []
    for t in thresholds:
        tp = sum(1 for s, same in scored if s >= t and same)
        fp = sum(1 for s, same in scored if s >= t and not same)
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / positives if positives else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        out.append({"threshold": t, "precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3),
                    "tp": tp, "fp": fp, "fn": positives - tp})
    return out


def mistakes(threshold: float, scorer: str = "warta+blocking", which: str = "dev") -> list[tuple]:
    return [(q, k, same, round(s, 1)) for q, k, same in load_pairs(which)
            for s in [pair_score(q, k, scorer)] if (s >= threshold) != same]


# -- resolution of people in labelled sentences --------------------------------------------

def load_resolution(langs=None) -> list[dict]:
    rows = read_tsv(DATA / "resolution.tsv", "warta.resolution.v1", ("id", "lang", "date", "text", "people"))
    out = []
    for r in rows:
        if langs and r["lang"] not in langs:
            continue
        people = []
        for item in r["people"].split(";"):
            name, _, label = item.strip().partition("=")
            country, _, sector = label.partition("/")
            people.append((name.strip(), country.strip(), sector.strip()))
        out.append({**r, "people": people})
    return out


def _sector(actor) -> str:
    return "-" if actor.sector in (None, "", "ELI") else actor.sector


def resolve_people(coders: dict, rows: list[dict]) -> list[dict]:
    """For each labelled person: what the coder of the row's language made of them."""
    from datetime import datetime, timezone

    from warta.model import Document

    out = []
    for row in rows:
        published = datetime.fromisoformat(row["date"]).replace(hour=12, tzinfo=timezone.utc)
        analysis = coders[row["lang"]].code(Document(row["id"], row["text"], published=published, lang=row["lang"]))
        for name, country, sector in row["people"]:
            at = row["text"].index(name)
            covering = [m for m in analysis.mentions if m.start <= at < m.end]
            actor = next((m.actor for m in covering if m.actor is not None), None)
            out.append({"id": row["id"], "lang": row["lang"], "name": name, "country": country, "sector": sector,
                        "got_country": actor.country if actor else None,
                        "got_sector": _sector(actor) if actor else None, "got": actor.code if actor else None})
    return out


def resolution_scores(results: list[dict]) -> dict[str, dict]:
    """Precision and recall of the country and of the sector given to each labelled person."""
    scores = {}
    for part in ("country", "sector"):
        tp = sum(1 for r in results if r[f"got_{part}"] == r[part])
        fp = sum(1 for r in results if r[f"got_{part}"] is not None and r[f"got_{part}"] != r[part])
        n = len(results)
        scores[part] = {"precision": round(tp / (tp + fp), 3) if tp + fp else 1.0,
                        "recall": round(tp / n, 3) if n else 0.0, "tp": tp, "fp": fp, "fn": n - tp, "n": n}
    return scores
