"""Finding input files, telling their format, and turning bytes into text.

Every check here exists so that one bad file costs one ReadError and the
batch goes on: sizes are checked before reading, binary files are refused
before decoding, and text in a legacy encoding is accepted only when it
still looks like text.
"""
from __future__ import annotations

import codecs
import gzip
import os
import re
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from warta.errors import (
    E_BINARY, E_EMPTY, E_ENCODING, E_GZIP, E_TOO_LARGE, E_UNREADABLE, input_error,
)
from warta.model import Document, ReadError
from warta.read.metadata import build_document

# Formats by extension (after any ".gz"); "" is a file without extension.
FORMATS = {
    "": "text", ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv",
}
GZIP_ERRORS = (OSError, EOFError, zlib.error)  # gzip.BadGzipFile is an OSError
SNIFF_BYTES = 8192
_BINARY_CONTROL_SHARE = 0.30
_MIN_PRINTABLE_SHARE = 0.95
_TEXT_CONTROLS = frozenset(b"\t\n\r\f")
_UTF16_NUL_SHARE = 0.5  # of the high bytes NUL in UTF-16 text without a byte order mark


class Rejected(Exception):
    """An input is refused for a reason in warta.errors (caught and turned into a ReadError)."""

    def __init__(self, kind: tuple[str, str], detail: str | None = None):
        super().__init__(kind[1])
        self.kind = kind
        self.detail = detail


def failure(origin: str, kind: tuple[str, str], detail: str | None = None) -> ReadError:
    """A ReadError with the code and sentence from warta.errors, plus what was found."""
    err = input_error(origin, kind, detail)
    return ReadError(origin, err.reason, err.code)


def walk(folder: Path) -> Iterator[Path]:
    """Files under a folder, depth first in name order, hidden ones skipped.

    Name order makes runs reproducible; symlinked folders are followed once,
    so a link loop cannot recurse forever.
    """
    seen: set[str] = set()

    def visit(directory: Path) -> Iterator[Path]:
        real = os.path.realpath(directory)
        if real in seen:
            return
        seen.add(real)
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = directory / entry.name
            try:
                is_dir = entry.is_dir()
            except OSError:  # a link to itself (ELOOP): reading it says why
                is_dir = False
            if is_dir:
                yield from visit(path)
            else:
                yield path

    yield from visit(folder)


def format_of(path: Path) -> tuple[str | None, bool]:
    """(format, gzipped) from the file name; format None when unsupported."""
    name = path.name.lower()
    gz = name.endswith(".gz")
    if gz:
        name = name[:-3]
    return FORMATS.get(os.path.splitext(name)[1]), gz


def open_binary(path: Path, gz: bool) -> BinaryIO:
    """The file's bytes, decompressed on the fly when gzipped.

    A file that cannot be opened is Rejected here, so that later OS errors
    while reading a gzip stream can only mean a corrupt stream.
    """
    try:
        return gzip.open(path, "rb") if gz else open(path, "rb")
    except OSError as exc:
        raise Rejected(E_UNREADABLE, exc.strerror or str(exc)) from exc


def load_bytes(path: Path, *, gz: bool, max_bytes: int) -> bytes:
    """A whole single-article file, refused before reading when it is too large.

    For gzip the compressed size is checked first, then the decompressed
    stream is read only up to the limit.
    """
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise Rejected(E_UNREADABLE, exc.strerror) from exc
    if size > max_bytes:
        raise Rejected(E_TOO_LARGE, f"{size:,} bytes; the limit is {max_bytes:,}")
    if size == 0:
        raise Rejected(E_EMPTY)
    try:
        with open_binary(path, gz) as f:
            data = f.read(max_bytes + 1)
    except GZIP_ERRORS as exc:
        if not gz:
            raise Rejected(E_UNREADABLE, str(exc)) from exc
        raise Rejected(E_GZIP, str(exc)) from exc
    if len(data) > max_bytes:
        raise Rejected(E_TOO_LARGE, f"more than {max_bytes:,} bytes once decompressed")
    return data


def check_bytes(data: bytes) -> None:
    """Refuse empty and binary content before anyone tries to decode it."""
    if not data.strip():
        raise Rejected(E_EMPTY)
    if looks_binary(data[:SNIFF_BYTES]):
        raise Rejected(E_BINARY)


def looks_binary(head: bytes) -> bool:
    """NUL bytes, or too many control characters, in the first bytes of a file (UTF-16 is text)."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or utf16_order(head):
        return False
    if b"\0" in head:
        return True
    controls = sum(1 for b in head if (b < 32 and b not in _TEXT_CONTROLS) or b == 127)
    return bool(head) and controls / len(head) > _BINARY_CONTROL_SHARE


def utf16_order(head: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" for UTF-16 text without a byte order mark, else None.

    Text in a Latin, Cyrillic, Arabic... script has a NUL as the high byte of most characters:
    at odd offsets (little-endian) or even ones (big-endian), and almost never at the others.
    Binary data has its NULs anywhere; a file of wide strings that is not text fails to decode
    as readable text later.
    """
    head = head[: len(head) // 2 * 2]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    pairs = len(head) // 2
    for order, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros.count(0) >= _UTF16_NUL_SHARE * pairs and other.count(0) <= 0.01 * pairs:
            # "replace": the first bytes may end inside a surrogate pair
            return order if _mostly_printable(head.decode(order, errors="replace")) else None
    return None


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (BOM dropped), else a legacy encoding if the result reads as text.

    A UTF-8 file with stray bytes keeps its UTF-8 when its valid non-ASCII
    characters outnumber the bad bytes (these become U+FFFD); otherwise the
    file is taken as Windows-1252, falling back to Latin-1.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise Rejected(E_ENCODING, f"invalid UTF-16 at byte {exc.start}") from exc
    order = utf16_order(data[:SNIFF_BYTES])
    if order:
        try:
            return data.decode(order)
        except UnicodeDecodeError as exc:
            raise Rejected(E_ENCODING, f"invalid {order.upper()} at byte {exc.start}") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    lenient = data.decode("utf-8-sig", errors="replace")
    bad = lenient.count("\ufffd")
    if sum(1 for c in lenient if ord(c) > 127 and c != "\ufffd") > bad:
        return lenient
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _mostly_printable(text):
            return text
    raise Rejected(E_ENCODING, f"invalid UTF-8 at byte {first_bad}")


def _mostly_printable(text: str) -> bool:
    if not text:
        return False
    printable = sum(1 for c in text if c.isprintable() or c in "\t\n\r\f")
    return printable / len(text) >= _MIN_PRINTABLE_SHARE


def read_text(data: bytes, *, doc_id: str, origin: str,
              furniture: Sequence[re.Pattern]) -> Document | ReadError:
    """One plain-text article; its first short line becomes the title."""
    try:
        check_bytes(data)
        text = decode(data)
    except Rejected as r:
        return failure(origin, r.kind, r.detail)
    doc = build_document(id=doc_id, raw_text=text, origin=origin, furniture=furniture)
    return doc or failure(origin, E_EMPTY)
