"""Every message Warta shows about bad input or misuse, each with a code.

Codes are stable so users can grep logs and tests can assert on them.
"""
from __future__ import annotations


class WartaError(Exception):
    """Base class: a problem a user can act on."""

    code = "W000"

    def __init__(self, message: str):
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class InputError(WartaError):
    """An input file or record could not be read."""

    def __init__(self, origin: str, reason: str, code: str):
        self.code = code
        self.origin = origin
        self.reason = reason
        super().__init__(f"{origin}: {reason}")


class LanguagePackError(WartaError):
    code = "W100"


class StoreError(WartaError):
    code = "W200"


class QueryError(WartaError, ValueError):
    """A filter that makes no sense: a day that is no day (`--since 2023-99-99`), a bad actor code,
    an unknown filter. Also a ValueError, so callers that checked values before still catch it."""

    code = "W400"


# Input problems (the reader turns each into a ReadError and goes on).
E_NOT_FOUND = ("W001", "no such file or folder")
E_EMPTY = ("W002", "the file is empty (no text after removing whitespace and page furniture)")
E_BINARY = ("W003", "the file looks binary, not text (NUL bytes or mostly unprintable characters)")
E_ENCODING = ("W004", "the text is not valid UTF-8, and no other encoding fits it")
E_HTML = ("W005", "no article text could be extracted from the HTML")
E_JSON = ("W006", "malformed JSON")
E_RECORD = ("W007", "record has no usable 'text' field")
E_TOO_LARGE = ("W008", "the file is larger than the limit")
E_CSV = ("W009", "malformed CSV")
E_GZIP = ("W010", "the gzip stream is corrupt")
E_UNSUPPORTED = ("W011", "unsupported file type")
E_LANG = ("W012", "no language pack for this document's language")
E_UNREADABLE = ("W013", "the file could not be opened or read")
E_NESTING = ("W014", "the JSON is nested too deeply to read")


def plural(n: int, word: str, many: str | None = None) -> str:
    """"1 field", "2 fields": a count with its noun, for messages."""
    return f"{n} {word if n == 1 else many or word + 's'}"


def input_error(origin: str, kind: tuple[str, str], detail: str | None = None) -> InputError:
    code, reason = kind
    return InputError(origin, f"{reason}{': ' + detail if detail else ''}", code)
