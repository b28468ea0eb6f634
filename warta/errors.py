"""Every message Warta shows about bad input or misuse, each with a code.

Codes are stable so users can grep logs and tests can assert on them.
"""
from __future__ import annotations


class WartaError(Exception):
    """Base class: a problem a user can act on."""

    code = "W000"

    def __init__(self, message: str, code: str | None = None):
        if code is not None:  # one of the (code, reason) pairs below
            self.code = code
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


class PipelineError(WartaError):
    """A pipeline built from stages that cannot work together."""

    code = "W300"


class QueryError(WartaError, ValueError):
    """A filter that makes no sense: a day that is no day (`--since 2023-99-99`), a bad actor code,
    an unknown filter. Also a ValueError, so callers that checked values before still catch it."""

    code = "W400"


class UsageError(WartaError):
    """A command given nothing to do, or an option naming something that is not there."""

    code = "W401"


class NotFound(WartaError):
    """A name the store does not hold: an actor, a role, an imported verb dictionary. Exit code 1."""

    code = "W404"



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
E_NOTHING_READ = ("W015", "nothing could be read: every input failed")

# Messages of the other kinds, filled in where they are raised.
NO_STORE = "no store at {db}: run `warta code` first"  # StoreError
NO_PACK = "no language pack {lang!r}; have {have}"  # LanguagePackError
NO_STAGE = "no pipeline stage {name!r}; have {have}"  # PipelineError
NO_STAGES = "the pipeline names no stage (settings.toml [pipeline] stages)"  # PipelineError
STAGE_NAME = "the factory of stage {name!r} built a stage named {built!r}"  # PipelineError
NOT_A_DAY = "{option} takes a day as YYYY-MM-DD, not {text!r}"  # QueryError
NO_ACTOR = "no actor called {name!r} in {db}"  # NotFound
NO_ROLE = "no role {role_id}"  # NotFound
NO_VERB = "no imported verb or block {word!r} in {db}"  # NotFound
NO_VERB_FILE = "no imported verb dictionary {name!r} in {db}"  # NotFound
NO_VERB_PATH = "{path}: no such verb dictionary"  # UsageError
NO_SHARED = "{shared}: no such folder of development sets (use --shared or $WARTA_SHARED)"  # UsageError
NOTHING_TO_EVALUATE = ("nothing to evaluate: give a gold file, --plover-gsr, --petrarch-records, "
                       "--check-baseline or --update-baseline")  # UsageError


def plural(n: int, word: str, many: str | None = None) -> str:
    """"1 field", "2 fields": a count with its noun, for messages."""
    return f"{n} {word if n == 1 else many or word + 's'}"


def no_pack(lang: str, have: list[str]) -> LanguagePackError:
    return LanguagePackError(NO_PACK.format(lang=lang, have=", ".join(have)))


def no_store(db) -> StoreError:
    return StoreError(NO_STORE.format(db=db))


def input_error(origin: str, kind: tuple[str, str], detail: str | None = None) -> InputError:
    code, reason = kind
    return InputError(origin, f"{reason}{': ' + detail if detail else ''}", code)
