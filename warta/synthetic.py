"""Generated corpora for the archive tests and benchmark.

Ingestion, restarts, merging and Dask only show their faults at scale, and
a real archive cannot ship with the repository. This turns the example
articles in `examples/` into as many distinct articles as needed: the
countries, people, dates and numbers vary, the sentences keep the shapes
the coder knows, so coding cost and event density stay realistic. The
output is deterministic for a given seed.
"""
from __future__ import annotations

import gzip
import json
import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Iterator

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

# Made-up people: varied names that no dictionary knows, so nothing real is implied.
_GIVEN = ("Arif", "Dewi", "Rudi", "Sari", "Hendra", "Maya", "Agus", "Lina", "Bayu", "Nadia", "Kenji", "Aiko")
_FAMILY = ("Wirawan", "Kusuma", "Hartono", "Lestari", "Pratama", "Saputra", "Tanaka", "Mori", "Halim", "Siregar")
_OUTLETS = ("kabarpagi.example", "warta-nusa.example", "harian-timur.example", "suara-kota.example")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2}) (%s) (\d{4})\b" % "|".join(_MONTHS))
_SLASH_DATE = re.compile(r"\((\d{1,2})/(\d{1,2})/(\d{4})\)")


@dataclass(frozen=True)
class Template:
    """One example article, with the names in it that can be swapped."""

    text: str
    countries: tuple[str, ...]  # country names as the article writes them
    people: tuple[str, ...]  # people's names as the article writes them


def templates(folder: Path = EXAMPLES, lang: str = "id") -> list[Template]:
    """The example articles of one language, with their swappable names found."""
    from warta.knowledge import builtin_people
    from warta.knowledge.countries import country_names

    names = sorted(country_names(lang), key=len, reverse=True)
    people = builtin_people()
    out = []
    for path in sorted((folder / lang).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found = tuple(n for n in names if re.search(rf"\b{re.escape(n)}\b", text))
        persons = {p.name for key, p in people.by_name.items() if key in text.lower()}
        named = tuple(sorted({a for p in persons for a in (p, *people.get(p).aliases) if a in text},
                             key=len, reverse=True))
        out.append(Template(text, found, named))
    if not out:
        raise FileNotFoundError(f"no example articles in {folder / lang}")
    return out


def articles(n: int, seed: int = 0, lang: str = "id", folder: Path = EXAMPLES,
             start: date = date(2024, 1, 1), days: int = 365) -> Iterator[dict]:
    """`n` article records (id, title, published, url, outlet, text), all different."""
    from warta.knowledge.countries import country_names

    rng = random.Random(seed)
    pool = sorted(set(country_names(lang)))
    tpls = templates(folder, lang)
    for i in range(n):
        tpl = tpls[i % len(tpls)]
        day = start + timedelta(days=rng.randrange(days))
        text = _vary(tpl, rng, pool, day)
        title, _, body = text.partition("\n")
        outlet = _OUTLETS[rng.randrange(len(_OUTLETS))]
        yield {
            "id": f"gen-{seed}-{i:08d}",
            "title": title.strip(),
            "published": f"{day.isoformat()}T03:15:00Z",
            "url": f"https://{outlet}/berita/{seed}/{i}",
            "outlet": outlet,
            "text": body.strip(),
        }


def _vary(tpl: Template, rng: random.Random, pool: list[str], day: date) -> str:
    text = tpl.text
    swaps = {c: rng.choice(pool) for c in tpl.countries}
    swaps.update({p: f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}" for p in tpl.people})
    if swaps:
        pattern = re.compile(r"\b(%s)\b" % "|".join(re.escape(k) for k in sorted(swaps, key=len, reverse=True)))
        text = pattern.sub(lambda m: swaps[m.group(1)], text)
    text = _DAY_MONTH_YEAR.sub(lambda m: f"{day.day:02d} {_MONTHS[day.month - 1]} {day.year}", text)
    text = _SLASH_DATE.sub(lambda m: f"({day.day}/{day.month}/{day.year})", text)
    paragraphs = text.split("\n\n")
    if len(paragraphs) > 4 and rng.random() < 0.3:  # some articles leave a paragraph out
        del paragraphs[rng.randrange(3, len(paragraphs))]
    return "\n\n".join(paragraphs)


def write_jsonl(path: str | Path, n: int, seed: int = 0, **kwargs) -> Path:
    """Write `n` generated articles as JSON Lines (gzipped when the name ends in .gz)."""
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as f:
        for record in articles(n, seed, **kwargs):
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
