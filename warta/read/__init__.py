"""Reading articles from files and folders into Documents.

`read_paths` is the one entry point: it never raises for bad input. Each
article becomes a Document, each unreadable file or record a ReadError
saying why, and the batch goes on, so one broken file in ten thousand
costs one line in the report, not the run.

Formats, by extension (any of them may also end in ".gz"):
  .txt, .text, no extension  one plain-text article
  .html, .htm                one saved web page
  .jsonl, .ndjson            JSON Lines, one record per line
  .csv                       CSV with a header row
Records carry `text` and optionally `id`, `title`, `published`, `url`,
`outlet`, `lang`.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from warta.errors import E_NOT_FOUND, E_UNSUPPORTED
from warta.model import Document, ReadError
from warta.read.clean import clean_text, default_furniture
from warta.read.files import FORMATS, Rejected, failure, format_of, load_bytes, read_text, walk
from warta.read.html import read_html
from warta.read.metadata import find_dateline, find_outlet, parse_published
from warta.read.pending import Pending, finished
from warta.read.records import read_records

__all__ = [
    "Pending", "clean_text", "default_furniture", "find_dateline", "find_outlet", "finished",
    "parse_published", "read_file", "read_paths",
]



def _max_bytes(given: int | None) -> int:
    """The caller's limit, else the settings file's (one value, not a second literal here)."""
    if given is not None:
        return given
    from warta.settings import Settings

    return Settings.load().max_bytes


def read_paths(paths: Iterable[str | Path], *, max_bytes: int | None = None,
               furniture: Sequence[re.Pattern] = (),
               defer: bool = False) -> Iterator[Document | ReadError | Pending]:
    """Documents from files and folders (walked recursively, in name order).

    `max_bytes` bounds a single-article file, and each record of a record
    file. `furniture` holds line patterns to drop (from the language
    packs); without it a small built-in list is used. `defer`: yield each
    readable input as a `Pending` to be finished elsewhere (warta.read.pending);
    what fails at the file (missing, binary, too large, bad gzip) is still a ReadError.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]  # one path given bare: not a sequence of one-letter names
    furniture, max_bytes = tuple(furniture), _max_bytes(max_bytes)
    for given in paths:
        path = Path(given)
        try:
            is_dir, found = path.is_dir(), path.exists() or path.is_symlink()
        except OSError:  # not even its kind can be known (a folder on the way may not be searchable)
            is_dir, found = False, True  # reading it says why
        if is_dir:
            files: Iterable[Path] = walk(path)
        elif found:
            files = [path]
        else:
            yield failure(str(given), E_NOT_FOUND)
            continue
        for file in files:
            yield from read_file(file, max_bytes=max_bytes, furniture=furniture, defer=defer)


def read_file(path: Path, *, max_bytes: int | None = None, furniture: Sequence[re.Pattern] = (),
              defer: bool = False) -> Iterator[Document | ReadError | Pending]:
    """Everything in one file: one result for an article file, one per record otherwise."""
    fmt, gz = format_of(path)
    max_bytes = _max_bytes(max_bytes)
    if fmt is None:
        supported = ", ".join(sorted(ext for ext in FORMATS if ext))
        yield failure(str(path), E_UNSUPPORTED, f"expected one of {supported} (optionally .gz) or no extension")
    elif fmt in ("jsonl", "csv"):
        yield from read_records(path, fmt, gz=gz, max_bytes=max_bytes, furniture=furniture, defer=defer)
    else:
        yield _read_article(path, fmt, gz=gz, max_bytes=max_bytes, furniture=furniture, defer=defer)


def _read_article(path: Path, fmt: str, *, gz: bool, max_bytes: int, furniture: Sequence[re.Pattern],
                  defer: bool = False) -> Document | ReadError | Pending:
    origin = str(path)
    try:
        data = load_bytes(path, gz=gz, max_bytes=max_bytes)
    except Rejected as r:
        return failure(origin, r.kind, r.detail)
    reader = read_html if fmt == "html" else read_text
    if defer:
        return Pending(origin, reader, (data,), {"doc_id": path.name, "origin": origin, "furniture": furniture})
    return reader(data, doc_id=path.name, origin=origin, furniture=furniture)
