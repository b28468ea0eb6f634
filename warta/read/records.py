"""Record files: JSON Lines and CSV, one article per record, gzipped or not.

Corpora come as one big file, so these are streamed a line at a time
(memory stays flat however large the file) and the size limit applies to
each record, not to the file. A bad record costs one ReadError naming
`path:LINE`; the rest of the file is still read. Only a corrupt gzip
stream ends a file early, since nothing after the damage can be trusted.
"""
from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from warta.errors import E_BINARY, E_CSV, E_EMPTY, E_GZIP, E_JSON, E_NESTING, E_RECORD, E_TOO_LARGE, plural
from warta.model import Document, ReadError
from warta.read.files import (
    E_UNREADABLE, GZIP_ERRORS, SNIFF_BYTES, Rejected, decode, failure, looks_binary, open_binary,
)
from warta.read.metadata import build_document, parse_published
from warta.read.pending import Pending

Result = Document | ReadError
_DELIMITERS = ",;\t|"
_SKIP_CHUNK = 1 << 20


class Lines:
    """Decoded lines of a binary stream, counted, none longer than `limit` bytes.

    An over-long or undecodable line raises Rejected for that line only; the
    iterator can be resumed, so csv.reader and the JSON loop both go on
    with the next line.
    """

    def __init__(self, stream: BinaryIO, limit: int):
        self._stream = stream
        self._limit = limit
        self.lineno = 0  # number of the line returned (or refused) last

    def __iter__(self) -> "Lines":
        return self

    def __next__(self) -> str:
        raw = self._stream.readline(self._limit + 1)
        if not raw:
            raise StopIteration
        self.lineno += 1
        if len(raw) > self._limit and not raw.endswith(b"\n"):
            self._skip_rest_of_line()
            raise Rejected(E_TOO_LARGE, f"the line is longer than {self._limit:,} bytes")
        return decode(raw)

    def _skip_rest_of_line(self) -> None:
        while chunk := self._stream.readline(_SKIP_CHUNK):
            if chunk.endswith(b"\n"):
                return


def read_records(path: Path, fmt: str, *, gz: bool, max_bytes: int,
                 furniture: Sequence[re.Pattern], defer: bool = False) -> Iterator[Result | Pending]:
    """Every record of a JSONL or CSV file, as Documents and ReadErrors (`defer`: a record
    whose line or row could be read comes as a Pending, see warta.read.pending)."""
    origin = str(path)
    reader = _jsonl if fmt == "jsonl" else _csv
    try:
        _sniff(path, gz)
        with open_binary(path, gz) as stream:
            for item in reader(Lines(stream, max_bytes), path, max_bytes, furniture):
                yield item if defer or not isinstance(item, Pending) else item.read()
    except Rejected as r:
        yield failure(origin, r.kind, r.detail)
    except GZIP_ERRORS as exc:
        yield failure(origin, E_GZIP if gz else E_UNREADABLE, str(exc) or type(exc).__name__)


def _sniff(path: Path, gz: bool) -> None:
    """Refuse a binary file up front rather than report each of its "lines"."""
    with open_binary(path, gz) as stream:
        head = stream.read(SNIFF_BYTES)
    if not head.strip():
        raise Rejected(E_EMPTY)
    if looks_binary(head):
        raise Rejected(E_BINARY)


def _jsonl(lines: Lines, path: Path, max_bytes: int,
           furniture: Sequence[re.Pattern]) -> Iterator[Result | Pending]:
    while True:
        try:
            line = next(lines)
        except StopIteration:
            return
        except Rejected as r:
            yield failure(f"{path}:{lines.lineno}", r.kind, r.detail)
            continue
        if line.strip():
            yield Pending(f"{path}:{lines.lineno}", _json_record, (line, path, lines.lineno, max_bytes, furniture))


def _json_record(line: str, path: Path, lineno: int, max_bytes: int,
                 furniture: Sequence[re.Pattern]) -> Result:
    origin = f"{path}:{lineno}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return failure(origin, E_JSON, f"{exc.msg} at column {exc.colno}")
    except RecursionError:
        return failure(origin, E_NESTING, f"more than {sys.getrecursionlimit():,} levels of arrays and objects")
    except ValueError as exc:  # valid JSON Python will not hold: an integer of more than 4,300 digits
        return failure(origin, E_JSON, str(exc))
    if not isinstance(record, dict):
        return failure(origin, E_RECORD, f"the line holds a JSON {type(record).__name__}, not an object")
    return record_document(record, origin=origin, default_id=f"{path.name}:{lineno}",
                           max_bytes=max_bytes, furniture=furniture)


def _csv(lines: Lines, path: Path, max_bytes: int,
         furniture: Sequence[re.Pattern]) -> Iterator[Result | Pending]:
    """CSV with a header row naming the fields; quoted fields may span lines."""
    header_line = next((ln for ln in lines if ln.strip()), None)
    if header_line is None:
        raise Rejected(E_EMPTY)
    delimiter = max(_DELIMITERS, key=header_line.count)
    try:
        names = [n.strip().lower() for n in next(csv.reader([header_line], delimiter=delimiter))]
    except csv.Error as exc:  # a bare carriage return inside a name
        raise Rejected(E_CSV, f"the header row: {exc}") from exc
    if "text" not in names:
        raise Rejected(E_CSV, f"the header row has no 'text' column (found: {', '.join(names)})")
    csv.field_size_limit(max(csv.field_size_limit(), max_bytes))
    rows = csv.reader(lines, delimiter=delimiter)
    while True:
        start = lines.lineno + 1
        try:
            row = next(rows)
        except StopIteration:
            return
        except Rejected as r:
            yield failure(f"{path}:{lines.lineno}", r.kind, r.detail)
            continue
        except csv.Error as exc:
            kind = E_TOO_LARGE if "field limit" in str(exc) else E_CSV
            yield failure(f"{path}:{start}", kind, str(exc))
            continue
        if any(cell.strip() for cell in row):
            yield Pending(f"{path}:{start}", _csv_record, (row, names, path, start, max_bytes, furniture))


def _csv_record(row: list[str], names: list[str], path: Path, lineno: int, max_bytes: int,
                furniture: Sequence[re.Pattern]) -> Result:
    origin = f"{path}:{lineno}"
    if len(row) != len(names):
        return failure(origin, E_CSV, f"the row has {plural(len(row), 'field')} but the header has {len(names)}")
    return record_document(dict(zip(names, row)), origin=origin, default_id=f"{path.name}:{lineno}",
                           max_bytes=max_bytes, furniture=furniture)


def record_document(record: dict, *, origin: str, default_id: str, max_bytes: int,
                    furniture: Sequence[re.Pattern]) -> Result:
    """A Document from a record's fields: id, text, title, published, url, outlet, lang."""
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return failure(origin, E_RECORD, "'text' is missing, empty or not a string")
    if len(text) > max_bytes:
        return failure(origin, E_TOO_LARGE, f"the text has {len(text):,} characters; the limit is {max_bytes:,}")
    lang = _field(record, "lang")
    lang = lang.lower() if lang else None
    doc = build_document(
        id=_field(record, "id") or default_id,
        raw_text=text,
        origin=origin,
        furniture=furniture,
        title=_field(record, "title"),
        published=parse_published(record.get("published") or None, lang),  # in its language's date order
        url=_field(record, "url"),
        outlet=_field(record, "outlet"),
        lang=lang,
    )
    return doc or failure(origin, E_RECORD, "the text is empty once page furniture is removed")


def _field(record: dict, name: str) -> str | None:
    """A field as a stripped string, or None when absent or blank."""
    value = record.get(name)
    if value is None or isinstance(value, (dict, list)):
        return None
    value = str(value).strip()
    return value or None

