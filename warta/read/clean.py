"""Removing page furniture from scraped article text.

Plain-text scrapes carry the site around the article: rating widgets,
"Baca Juga" boxes, photo captions printed twice, reporter credits, lists of
other headlines. Left in, each of those lines can be coded as an event, so
they go before any analysis. The output keeps the article's paragraphs,
separated by one blank line, because later stages share dates and places
within a paragraph.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from warta.lang import shared_furniture
from warta.lang.case import starts_lower
from warta.read import mojibake


def default_furniture() -> tuple[re.Pattern, ...]:
    """Used when the caller passes no patterns of its own: every installed pack's furniture.tsv rows
    of scope "all". Each is searched in one stripped line; a hit drops the whole line."""
    return shared_furniture("line")


def photo_credits() -> tuple[re.Pattern, ...]:
    """A photo credit (furniture.tsv rows of kind "credit", every pack's): the line beside it is
    often a caption, printed twice."""
    return shared_furniture("credit")


# A line ending in one of these closes its paragraph.
_TERMINAL = tuple(".!?:;\"'”’)]»…")
# A longer line without final punctuation is taken as hard-wrapped.
_WRAP_MIN_CHARS = 60
_INVISIBLE = re.compile(r"[\u200b\ufeff\u00ad]|[\x00-\x08\x0b-\x1f\x7f]")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c\x1c-\x1e]")
# the characters that open a match of _NEWLINES, ASCII's and the others: most texts (each read
# four times) have none, and `in` finds that for one character seven times faster than a regex
# class does for all
_ASCII_NEWLINES, _OTHER_NEWLINES = "\r\x0b\x0c\x1c\x1d\x1e", "\x85\u2028\u2029"


class _Line(NamedTuple):
    block: int  # index of the blank-line-separated block it came from
    text: str
    credit: bool


def repair_encoding(text: str) -> str:
    """Undo text decoded in the wrong encoding before it reached us (a scraper's UTF-8 read as
    Mac Roman or Windows-1252: "‚Äúpintu‚Äù", ",¬†Menteri"), which hides quote marks and glues
    words together; text without such signs is returned as it is."""
    # ASCII text is never mojibake (no pattern of ftfy's badness test matches ASCII alone; a test
    # keeps it so): half of the Indonesian corpus is ASCII, and the test cost 0.3 ms an article
    if text.isascii():
        return text
    # ftfy's own answers with fewer scans of the text (warta/read/mojibake.py): 12.4 CPU s of the
    # Indonesian corpus's 7,844 mis-decoded articles down to 3.5
    return mojibake.fix_text(text) if mojibake.is_bad(text) else text


def unify_newlines(text: str) -> str:
    """Every line ending as "\\n", so that every stage counts the same lines."""
    if any(c in text for c in _ASCII_NEWLINES) or (not text.isascii() and any(c in text for c in _OTHER_NEWLINES)):
        return _NEWLINES.sub("\n", text)
    return text


# What a scrape leaves where it cut out a link's words: an empty bracket ("Menteri Pertanian ( ,)
# Budi") and a comma with a space before it ("Ketua Umum , meminta maaf"). Edited text never
# spaces a comma off the word before it, so such a comma marks no clause, only the cut.
_EMPTY_BRACKET = re.compile(r" ?\([ ,;]*\)")  # (on a line whose spaces are already single)
_ANY_EMPTY_BRACKET = re.compile(r"\([ ,;]*\)")  # the same, found fast: it opens with a literal
_SPACED_COMMA = re.compile(r" ,+(?= |$)")


def normalise_line(line: str) -> str:
    """Strip a line, collapse every run of whitespace to one space, and drop the marks a cut-out
    link left. (Each pattern opens with a literal character and runs only on a line that holds it:
    cleaning reads every line of the corpus.)"""
    line = " ".join(line.split())
    if "(" in line and _ANY_EMPTY_BRACKET.search(line):
        line = " ".join(_EMPTY_BRACKET.sub("", line).split())
    if " ," in line:
        line = _SPACED_COMMA.sub("", line)
    return line


def clean_text(text: str, furniture: Sequence[re.Pattern] = ()) -> str:
    """The article text without furniture, paragraphs joined by a blank line.

    `furniture` replaces default_furniture() when given; each pattern is
    searched (`re.search`) in every stripped line, and a hit drops the whole
    line, so patterns should be anchored. Photo-credit lines
    always go; a caption next to one goes with every copy of it when the
    page repeats it; any other line seen before is dropped as a duplicate
    (scrapes repeat the headline under the rating widget).
    """
    patterns = tuple(furniture) or default_furniture()
    lines = [ln for ln in _lines(text) if ln.credit or not _is_furniture(ln.text, patterns)]
    captions = _repeated_captions(lines)
    kept, seen = [], set()
    for i, ln in enumerate(lines):
        if ln.credit or (ln.text in captions and i > 0) or ln.text in seen:
            continue
        seen.add(ln.text)
        kept.append(ln)
    return _paragraphs(kept)


def _lines(text: str) -> list[_Line]:
    """Non-blank normalised lines, each tagged with its block number."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", unify_newlines(text)))
    out, block, credits = [], 0, photo_credits()
    for raw in text.split("\n"):
        line = normalise_line(raw)
        if not line:
            block += 1
            continue
        out.append(_Line(block, line, _is_furniture(line, credits)))
    return out


def _is_furniture(line: str, patterns: Sequence[re.Pattern]) -> bool:
    return _joined(tuple(patterns)).search(line) is not None


_SCOPED_FLAGS = {re.IGNORECASE: "i", re.MULTILINE: "m", re.DOTALL: "s", re.VERBOSE: "x"}


@lru_cache(maxsize=32)
def _joined(patterns: tuple[re.Pattern, ...]) -> re.Pattern:
    """One pattern that finds what any of them finds: a line is searched once, not once per
    pattern (dozens of patterns per line was a fifth of the time spent reading)."""
    parts = []
    for p in patterns:
        flags = "".join(f for flag, f in _SCOPED_FLAGS.items() if p.flags & flag)
        parts.append(f"(?{flags}:{p.pattern})" if flags else f"(?:{p.pattern})")
    try:
        joined = re.compile("|".join(parts))
    except re.error:  # patterns that cannot share one expression (the same group name twice)
        return _AnyOf(patterns)
    # re tries every alternative at every position of the line even when each is anchored with ^;
    # anchored ones can only match at the start, so try there only (most of the time spent reading)
    return _AtStart(joined) if all(_anchored(p) for p in patterns) else joined


def _anchored(pattern: re.Pattern) -> bool:
    """Whether a pattern can only match at the start of a line: it begins with ^, has no
    alternative outside brackets (in "^a|b", b is not anchored) and is not MULTILINE."""
    src = pattern.pattern
    if pattern.flags & re.MULTILINE or pattern.flags & re.VERBOSE or not src.startswith("^"):
        return False
    depth, in_class, i = 0, False, 1
    while i < len(src):
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if src[i + 1: i + 2] == "]" or src[i + 1: i + 3] == "^]":  # "[]...]", "[^]...]": ] is a member
                i += 2 if src[i + 1] == "]" else 3
                continue
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return False
        i += 1
    return True


class _AtStart:
    """A pattern whose every alternative is anchored: `search` tries the start of the line only."""

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern

    def search(self, line: str):
        return self.pattern.match(line)


class _AnyOf:
    def __init__(self, patterns: tuple[re.Pattern, ...]):
        self.patterns = patterns

    def search(self, line: str):
        return next((m for m in (p.search(line) for p in self.patterns) if m), None)


def _repeated_captions(lines: list[_Line]) -> set[str]:
    """Lines next to a photo credit that also appear elsewhere.

    A caption is printed once over the photo and once in the article body;
    only the repetition tells a caption from the lead sentence that happens
    to follow a credit, so a single copy is left alone. The first line
    (the headline) is never treated as a caption.
    """
    counts = Counter(ln.text for ln in lines if not ln.credit)
    found = set()
    for i, ln in enumerate(lines):
        if not ln.credit:
            continue
        for j in (i - 1, i + 1):
            if 0 < j < len(lines) and not lines[j].credit and counts[lines[j].text] > 1:
                found.add(lines[j].text)
    return found


def _paragraphs(lines: list[_Line]) -> str:
    """Join lines: a hard-wrapped line continues its paragraph, others end one.

    Scrapes put one paragraph per line, often with no blank line between;
    hand-wrapped text breaks paragraphs mid-sentence. A line is a
    continuation only when the previous one, in the same block, has no
    closing punctuation and is either long or followed by a lowercase word.
    """
    paragraphs: list[list[str]] = []
    prev: _Line | None = None
    for ln in lines:
        if prev is not None and _continues(prev, ln):
            paragraphs[-1].append(ln.text)
        else:
            paragraphs.append([ln.text])
        prev = ln
    return "\n\n".join(" ".join(p) for p in paragraphs)


def _continues(prev: _Line, line: _Line) -> bool:
    if prev.block != line.block or prev.text.endswith(_TERMINAL):
        return False
    return starts_lower(line.text) or len(prev.text) >= _WRAP_MIN_CHARS
