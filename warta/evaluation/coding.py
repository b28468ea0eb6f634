"""Running the real coder, in memory, over what an evaluation set names.

Evaluation never touches a store: documents are read with the same reader
as `warta code`, coded by a `Coder`, and turned into `Prediction`s. Where
a gold file's articles live is found by convention when the user does not
say (the folder beside the gold file, or one named after it, as in
shared/gold/seeds.jsonl -> shared/seeds/).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone
from pathlib import Path
from typing import Iterable, Sequence

from warta.coder import Coder
from warta.evaluation.matching import GoldEvent, Prediction, doc_key
from warta.model import Analysis, Document, ReadError
from warta.read import read_paths


class ArticlesNotFound(Exception):
    """The gold file names documents and no folder near it holds them."""


def article_folders(gold_path: Path) -> list[Path]:
    """Where a gold file's documents are looked for, in order, when no articles are given."""
    gold_path = Path(gold_path).resolve()
    here, stem = gold_path.parent, gold_path.stem
    return [here / stem, here.parent / stem, here / "docs", here]


def find_articles(gold_path: Path, gold: Sequence[GoldEvent]) -> list[Path]:
    """The files holding the gold's documents, from the first conventional folder that has them all."""
    wanted = sorted({g.doc for g in gold})
    for folder in article_folders(gold_path):
        if folder.is_dir() and all((folder / name).is_file() for name in wanted):
            return [folder / name for name in wanted]
    tried = ", ".join(str(f) for f in article_folders(gold_path))
    raise ArticlesNotFound(f"no folder holds all of {len(wanted)} documents the gold names (tried {tried}); "
                           "pass the article files or folders after the gold file")


@dataclass
class Coded:
    """Predictions from a batch of documents, with the language each was coded in."""

    predictions: list[Prediction] = field(default_factory=list)
    languages: dict[str, str] = field(default_factory=dict)  # document name -> language
    errors: list[ReadError] = field(default_factory=list)
    notes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # document name -> the coder's warnings


def predictions_of(analysis: Analysis) -> list[Prediction]:
    return [Prediction.from_record(rec) for rec in analysis.records()]


def code_documents(coder: Coder, items: Iterable[Document | ReadError], only: set[str] | None = None) -> Coded:
    """Code each document (those named in `only`, when given); read errors are kept, not raised."""
    out = Coded()
    for item in items:
        if isinstance(item, ReadError):
            out.errors.append(item)
            continue
        name = doc_key(item.id)
        if only is not None and name not in only:
            continue
        analysis = coder.code(item)
        out.languages[name] = analysis.document.lang or "?"
        if analysis.notes:
            out.notes[name] = analysis.notes
        out.predictions.extend(predictions_of(analysis))
    return out


def code_articles(coder: Coder, paths: Sequence[Path], only: set[str] | None = None) -> Coded:
    furniture = tuple(p for pack in coder.packs.values() for p in pack.furniture)
    return code_documents(coder, read_paths(paths, furniture=furniture), only)


def published_at(day: str | date | None) -> datetime | None:
    """A day (YYYY-MM-DD or YYYYMMDD) as the UTC midnight the coder takes as publication time."""
    if day is None or day == "":
        return None
    if isinstance(day, str):
        digits = day.replace("-", "")[:8]
        day = date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    return datetime.combine(day, time(0, 0), tzinfo=timezone.utc)


def code_sentence(coder: Coder, doc_id: str, text: str, lang: str | None, day: str | None) -> Analysis | None:
    """Code one test sentence in a given language; None when no pack for that language is loaded."""
    if lang is not None and lang not in coder.pipelines:
        return None
    return coder.code(Document(doc_id, text, lang=lang, published=published_at(day)))
