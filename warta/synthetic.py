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
_GIVEN = ("Arif", "Dewi", "Rudi", "Sari", "Hendra", "Maya", "Agus", "Lina", "Bayu", "Nadia", "Kenji", "Aiko",
          "Fajar", "Intan", "Yoga", "Ratna", "Dimas", "Wulan", "Reza", "Putri", "Taro", "Hana", "Omar", "Leila",
          "Ivan", "Olga", "Pierre", "Claire", "Diego", "Lucia")
_FAMILY = ("Wirawan", "Kusuma", "Hartono", "Lestari", "Pratama", "Saputra", "Tanaka", "Mori", "Halim", "Siregar",
           "Nasution", "Hutapea", "Wibowo", "Santoso", "Suzuki", "Kato", "Haddad", "Karimi", "Petrov", "Morozov",
           "Dubois", "Laurent", "Herrera", "Castillo", "Okafor", "Mensah", "Novak", "Horvat", "Larsen", "Berg")
_OUTLETS = ("kabarpagi.example", "warta-nusa.example", "harian-timur.example", "suara-kota.example")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2}) (%s) (\d{4})\b" % "|".join(_MONTHS))
_SLASH_DATE = re.compile(r"\((\d{1,2})/(\d{1,2})/(\d{4})\)")


@dataclass(frozen=True)
class Template:
    """One example article, with the names in it that can be swapped."""

    text: str
    countries: tuple[str, ...]  # country names as the article writes them
    people: tuple[tuple[str, str], ...]  # (full name, surname) of the people it names


_TWO_NAMES = re.compile(r"\b([A-Z][a-z]+) ([A-Z][a-z]+)\b")


def _people(text: str, countries: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Known people, and any "First Last" whose surname also stands alone ("... kata Kamikawa")."""
    from warta.actors.people import builtin_people

    found = {}
    for person in builtin_people().by_name.values():
        if person.name in text:
            found[person.name] = person.name.split()[-1]
    lower = set(re.findall(r"\b[a-z]\w*", text))
    for m in _TWO_NAMES.finditer(text):
        first, last = m.group(1), m.group(2)
        if any(w in c for w in (first, last) for c in countries) or first.lower() in lower or last.lower() in lower \
                or any(first[:4] == c[:4] for c in countries):
            continue  # part of a country's name, its people ("Iranian"), or an ordinary word capitalised
        if len(re.findall(rf"\b{last}\b", text)) > len(re.findall(rf"\b{m.group(0)}\b", text)):
            found.setdefault(m.group(0), last)
    return tuple(sorted(found.items()))


def templates(folder: Path = EXAMPLES, lang: str = "id") -> list[Template]:
    """The example articles of one language, with their swappable names found."""
    from warta.actors.countries import country_names

    names = sorted(country_names(lang), key=len, reverse=True)
    out = []
    for path in sorted((folder / lang).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found = tuple(n for n in names if re.search(rf"\b{re.escape(n)}\b", text))
        out.append(Template(text, found, _people(text, found)))
    if not out:
        raise FileNotFoundError(f"no example articles in {folder / lang}")
    return out


def articles(n: int, seed: int = 0, lang: str = "id", folder: Path = EXAMPLES,
             start: date = date(2024, 1, 1), days: int = 365) -> Iterator[dict]:
    """`n` article records (id, title, published, url, outlet, text), all different."""
    from warta.actors.countries import country_names

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
    for full, surname in tpl.people:
        family = rng.choice(_FAMILY)
        swaps[full] = f"{rng.choice(_GIVEN)} {family}"
        swaps.setdefault(surname, family)
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
