"""Golden articles, in every language the same way: text in, expected events out, through the real
reader and coder.

Each `tests/golden/<lang>/NAME.txt` was written for these tests (no outlet's text is copied);
`NAME.expected.jsonl` lists, one per line, what a careful coder reads in it:

    source, target   CAMEO actor codes; a predicted code must start with them;
                     null for a person nobody could code, who is then told by
                     `source_name` / `target_name` (the name as written)
    code | root      the exact CAMEO code, or only its root
    symmetric        either side may be the source
    date             the day the event happened (else any)
    location         the place the event is coded at (else any)
    optional         right if found, not wrong if missed
    absent           must NOT be coded (negated, planned, supposed, asked for)
    why              the grammar the row checks

An article passes when every required row is found, no absent row is, and
every event coded matches some row: the golden set guards precision as well
as recall. Paragraphs named `heldout_*` are scored together instead (see
tests/golden/id/test_id_golden.py), since they stand for unseen news.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from warta.coder import Coder
from warta.model import Analysis, Document
from warta.read import read_paths

GOLDEN = Path(__file__).parent


def articles(lang: str) -> list[Path]:
    """The golden articles of one language (held-out paragraphs apart)."""
    return sorted(p for p in (GOLDEN / lang).glob("*.txt") if not p.name.startswith("heldout_"))


def heldout(lang: str) -> list[Path]:
    return sorted((GOLDEN / lang).glob("heldout_*.txt"))


@lru_cache(maxsize=None)
def coder(lang: str) -> Coder:
    return Coder.load([lang])


def analyse(path: Path, lang: str | None = None) -> Analysis:
    """Read the file as `warta code` reads it (with the pack's furniture) and code it with that pack;
    the language is the folder's unless given."""
    lang = lang or path.parent.name
    pack = coder(lang).packs[lang]
    docs = [d for d in read_paths([path], furniture=pack.furniture) if isinstance(d, Document)]
    assert len(docs) == 1, f"{path.name} did not read as one document"
    return coder(lang).code(docs[0])


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
    if row.get("location") and event.location != row["location"]:
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


def check_article(path: Path) -> Analysis:
    """Every required row found, no absent row coded, every event coded expected by some row."""
    rows = expectations(path)
    assert rows, f"{path.name} has no expectations"
    analysis = analyse(path)
    events = analysis.events
    wanted = [r for r in rows if not r.get("absent")]
    missed = [r["why"] for r in wanted if not r.get("optional") and not any(matches(e, r) for e in events)]
    assert not missed, f"missed {missed}; coded {show(events)}"
    wrong = [(show([e]), r["why"]) for r in rows if r.get("absent") for e in events if matches(e, r)]
    assert not wrong, f"coded what the text does not report: {wrong}"
    extra = [e for e in events if not any(matches(e, r) for r in wanted)]
    assert not extra, f"coded events no row expects: {show(extra)}"
    return analysis


def check_expectations_and_dateline(paths: list[Path]) -> None:
    for path in paths:
        assert (path.parent / f"{path.stem}.expected.jsonl").exists(), path.name
        analysis = analyse(path)
        assert analysis.document.published is not None, f"{path.name}: no publication date read"
