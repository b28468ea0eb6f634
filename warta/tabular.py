"""Reading the tab-separated data files that hold Warta's knowledge.

Every data file starts with `# schema: NAME` so a file can never be read
with the wrong columns; other `#` lines are comments.
"""
from __future__ import annotations

from pathlib import Path

from warta.errors import LanguagePackError


def read_tsv(path: Path, schema: str, required: tuple[str, ...] = ()) -> list[dict[str, str]]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    if not lines or not lines[0].startswith("# schema:"):
        raise LanguagePackError(f"{path}: first line must be '# schema: {schema}'")
    found = lines[0].split(":", 1)[1].strip()
    if found != schema:
        raise LanguagePackError(f"{path}: schema is {found!r}, expected {schema!r}")
    body = [ln for ln in lines[1:] if ln.strip() and not ln.lstrip().startswith("#")]
    if not body:
        return []
    header = body[0].split("\t")
    missing = [c for c in required if c not in header]
    if missing:
        raise LanguagePackError(f"{path}: missing columns {missing}")
    rows = []
    for n, ln in enumerate(body[1:], start=2):
        cells = ln.split("\t")
        if len(cells) > len(header):
            raise LanguagePackError(f"{path}: row {n} has {len(cells)} cells, header has {len(header)}: {ln!r}")
        cells += [""] * (len(header) - len(cells))
        rows.append({h: c.strip() for h, c in zip(header, cells)})
    return rows


def split_alternatives(cell: str) -> list[str]:
    """`a | b | c` -> ['a', 'b', 'c'], the convention for alternatives in a cell."""
    return [p.strip() for p in cell.split("|") if p.strip()]
