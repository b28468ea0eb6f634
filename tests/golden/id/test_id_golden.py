"""Golden Indonesian articles: text in, expected events out, through the real reader and coder.

Each `NAME.txt` here was written for these tests (no outlet's text is copied);
`NAME.expected.jsonl` lists, one per line, what a careful coder reads in it:

    source, target   CAMEO actor codes; a predicted code must start with them;
                     null for a person nobody could code, who is then told by
                     `source_name` / `target_name` (the name as written)
    code | root      the exact CAMEO code, or only its root
    symmetric        either side may be the source
    date             the day the event happened (else any)
    optional         right if found, not wrong if missed
    absent           must NOT be coded (negated, planned, supposed, asked for)
    why              the grammar the row checks

An article passes when every required row is found, no absent row is, and
every event coded matches some row: the golden set guards precision as well
as recall. The paragraphs named `heldout_*` are scored together instead
(test_heldout_precision), since they stand for unseen news.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from warta.coder import Coder
from warta.model import Analysis, Document
from warta.read import read_paths

HERE = Path(__file__).parent
ARTICLES = sorted(p for p in HERE.glob("*.txt") if not p.name.startswith("heldout_"))
HELDOUT = sorted(HERE.glob("heldout_*.txt"))


@lru_cache(maxsize=1)
def coder() -> Coder:
    return Coder.load(["id"])


def analyse(path: Path) -> Analysis:
    pack = coder().packs["id"]
    docs = [d for d in read_paths([path], furniture=pack.furniture) if isinstance(d, Document)]
    assert len(docs) == 1, f"{path.name} did not read as one document"
    return coder().code(docs[0])


def expectations(path: Path) -> list[dict]:
    rows = path.parent / f"{path.stem}.expected.jsonl"
    return [json.loads(line) for line in rows.read_text(encoding="utf-8").splitlines() if line.strip()]


def matches(event, row: dict, sector: bool = True, exact: bool = True) -> bool:
    """`sector`: actor codes compared in full, else on the country; `exact`: codes in full, else on the root."""
    if exact and "code" in row and event.code != row["code"]:
        return False
    if event.code[:2] != (row.get("root") or row["code"])[:2]:
        return False
    if row.get("date") and (event.date is None or event.date.isoformat() != row["date"]):
        return False
    pairs = [(event.source, event.target)]
    if row.get("symmetric"):
        pairs.append((event.target, event.source))
    names = [(event.source_name, event.target_name)]
    if row.get("symmetric"):
        names.append((event.target_name, event.source_name))
    width = None if sector else 3
    return any(_side(s, sn, row["source"], row.get("source_name"), width)
               and _side(t, tn, row["target"], row.get("target_name"), width)
               for (s, t), (sn, tn) in zip(pairs, names))


def _side(code: str | None, name: str | None, want: str | None, want_name: str | None, width: int | None) -> bool:
    """One side of an event against a row's: a code prefix, or (want None) no code and the same name."""
    if want is None:
        return code is None and bool(name) and name.casefold() == (want_name or "").casefold()
    return code is not None and code.startswith(want[:width])


def show(events) -> list[tuple]:
    return [(e.source, e.target, e.code, e.date and e.date.isoformat(), e.rule) for e in events]


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_golden_article(path):
    rows = expectations(path)
    assert rows, f"{path.name} has no expectations"
    events = analyse(path).events
    wanted = [r for r in rows if not r.get("absent")]
    missed = [r["why"] for r in wanted if not r.get("optional") and not any(matches(e, r) for e in events)]
    assert not missed, f"missed {missed}; coded {show(events)}"
    wrong = [(show([e]), r["why"]) for r in rows if r.get("absent") for e in events if matches(e, r)]
    assert not wrong, f"coded what the text does not report: {wrong}"
    extra = [e for e in events if not any(matches(e, r) for r in wanted)]
    assert not extra, f"coded events no row expects: {show(extra)}"


def test_every_article_has_expectations_and_a_dateline():
    for path in ARTICLES + HELDOUT:
        assert (HERE / f"{path.stem}.expected.jsonl").exists(), path.name
        analysis = analyse(path)
        assert analysis.document.published is not None, f"{path.name}: no publication date read"


def _heldout_score(sector: bool) -> tuple[float, float, list]:
    found = required = good = predicted = 0
    misses = []
    for path in HELDOUT:
        rows = expectations(path)
        wanted = [r for r in rows if not r.get("absent")]
        events = analyse(path).events
        # identical predictions count once, as the shared scorer counts them
        unique = {(e.source, e.target, e.code, e.date): e for e in events}.values()
        for r in wanted:
            if not r.get("optional"):
                required += 1
                if any(matches(e, r, sector, exact=False) for e in unique):
                    found += 1
                else:
                    misses.append((path.stem, r["why"]))
        for e in unique:
            predicted += 1
            if any(matches(e, r, sector, exact=False) for r in wanted):
                good += 1
            else:
                misses.append((path.stem, show([e])))
    return good / max(predicted, 1), found / max(required, 1), misses


@pytest.mark.parametrize("sector", [False, True], ids=["country+root", "sector+root"])
def test_heldout_precision_and_recall(sector):
    """The held-out paragraphs, scored like the shared scorer scores the seeds."""
    assert len(HELDOUT) >= 10
    precision, recall, misses = _heldout_score(sector)
    assert precision >= 0.9, f"precision {precision:.2f}: {misses}"
    assert recall >= 0.8, f"recall {recall:.2f}: {misses}"
