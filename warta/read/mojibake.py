"""ftfy's repair of mis-decoded text, with ftfy's answers and fewer scans of the text.

`fix_text(text)` returns exactly what `ftfy.fix_text(text, CONFIG)` returns (the installed
ftfy's own steps, in its order, and its own functions for every change made). What it saves is
ftfy's repeated tests on text that has nothing left to fix: on a mis-decoded article ftfy scans
the whole text with its badness pattern four times (before the repair, after it, and both again
in the round that confirms nothing changes) and strips control characters twice, where the
repaired text has no sign of mojibake and no control character. Here

- the badness pattern is tried only around characters outside ASCII (`is_bad`): every branch of
  it needs one, and a match is at most a few characters long, so a match anywhere lies within
  that reach of one (both checked on ftfy's pattern when first used; any doubt and ftfy's own
  `is_bad` is asked);
- ftfy's encoding repair is not run again on the very text it returned in the round before
  (the confirming round);
- ftfy's lossy-sequence replacement is left out of its encoding step when the text cannot give
  the bytes it looks for (`_LOSSY_SIGN`);
- control characters are looked for before the text is translated to drop them;
- ftfy's encoding step runs with the windowed badness test bound in place of ftfy's (its code
  as it is, another `is_bad` in its globals);
- the fixers after the encoding repair are not run again on a text they left as it was.

On the Indonesian corpus (7,844 mis-decoded articles and titles among 34,378) this is 2.8 CPU s
against ftfy's 16.1. `tests/read/test_mojibake.py` and `benchmarks/mojibake_check.py` compare it
with ftfy itself.
"""
from __future__ import annotations

import re
import types
from functools import lru_cache

import ftfy
from ftfy import chardata, fixes
from ftfy.badness import BADNESS_RE
from ftfy.badness import is_bad as ftfy_is_bad

CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, fix_line_breaks=False, fix_latin_ligatures=False,
                              fix_character_width=False, normalization=None, explain=False)
# ftfy.fix_encoding runs with ftfy's default settings inside fix_and_explain
_ENCODING_CONFIG = ftfy.TextFixerConfig(explain=False)
# ftfy's step encodes the text in each single-byte encoding it could have been decoded from and
# replaces, in those bytes, sequences a lossy decoding left (chardata.LOSSY_UTF8_RE): every one
# holds byte 1A (a U+FFFD or U+001A of the text) or a "?" after a byte above 7F (a "?" after a
# character outside ASCII). Text with neither skips that replacement, which would change nothing
# and costs a scan of the bytes for each encoding tried (three or four an article).
_LOSSLESS_CONFIG = _ENCODING_CONFIG._replace(replace_lossy_sequences=False)
_LOSSY_SIGN = re.compile(r"\?(?<=[^\x00-\x19\x1b-\x7f]\?)")  # "?" first: searched as a literal
# the fixers fix_and_explain runs after the encoding repair, in its order
_AFTER = ("fix_c1_controls", "fix_latin_ligatures", "fix_character_width", "uncurl_quotes",
          "fix_line_breaks", "fix_surrogates", "remove_terminal_escapes", "remove_control_chars")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_CONTROL = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(chardata.CONTROL_CHARS)) + "]")
_one_step = getattr(ftfy, "_fix_encoding_one_step_and_explain", None)


def _with_our_badness_test(step):
    """ftfy's step as it is, its name `is_bad` bound to `is_bad` below (the same answers): the step
    tests the whole text for mojibake first, a third of the time of a repair. None stays None."""
    if step is None or "is_bad" not in step.__code__.co_names or step.__globals__.get("is_bad") is not ftfy_is_bad:
        return step
    rebound = types.FunctionType(step.__code__, {**step.__globals__, "is_bad": is_bad}, step.__name__,
                                 step.__defaults__, step.__closure__)
    rebound.__kwdefaults__ = step.__kwdefaults__
    return rebound


def fix_text(text: str) -> str:
    """`ftfy.fix_text(text, CONFIG)`, segment by segment as ftfy cuts it."""
    if _one_step is None or CONFIG.normalization is not None or not CONFIG.fix_encoding:
        return ftfy.fix_text(text, CONFIG)
    unescape = CONFIG.unescape_html
    out, pos, n = [], 0, len(text)
    while pos < n:
        textbreak = text.find("\n", pos) + 1 or n
        if textbreak - pos > CONFIG.max_decode_length:
            textbreak = pos + CONFIG.max_decode_length
        segment = text[pos:textbreak]
        if unescape == "auto" and "<" in segment:  # ftfy keeps it off for the segments after too
            unescape = False
        out.append(_fix_segment(segment, unescape))
        pos = textbreak
    return "".join(out)


def _fix_segment(text: str, unescape) -> str:
    """ftfy.fix_and_explain(text, CONFIG).text: every fixer in turn until a round changes nothing."""
    settled = None  # the text the encoding repair last returned: repairing it again changes nothing
    calm = None  # a text the fixers after the repair left as it was: they would again (in the round that confirms)
    while True:
        original = text
        if unescape:
            text = fixes.unescape_html(text)
        if text != settled:
            text = settled = _fix_encoding(text)
        if text != calm:
            before = text
            for name in _AFTER:
                if getattr(CONFIG, name):
                    if name == "remove_control_chars":
                        if _CONTROL.search(text):
                            text = fixes.remove_control_chars(text)
                    else:
                        text = ftfy.FIXERS[name](text)
            if text == before:
                calm = text
        if text == original:
            return text


def _fix_encoding(text: str) -> str:
    """ftfy.fix_encoding(text): its one step again until the text stays the same. The step returns
    ASCII text and text without a sign of mojibake as they are, which is tested here first."""
    while True:
        if text.isascii() or not is_bad(text):
            return text
        lossy = "\x1a" in text or "\ufffd" in text or _LOSSY_SIGN.search(text)
        config = _ENCODING_CONFIG if lossy else _LOSSLESS_CONFIG
        fixed = _one_step(text, config)[0]
        if fixed == text:
            return text
        text = fixed


def is_bad(text: str) -> bool:
    """ftfy.badness.is_bad(text): the badness pattern searched only around non-ASCII characters."""
    reach = _reach()
    if reach is None:
        return ftfy_is_bad(text)
    search = BADNESS_RE.search
    start = end = -1
    for m in _NON_ASCII.finditer(text):
        s, e = m.span()
        if s - reach <= end:  # within the window being built: widen it
            end = e + reach
            continue
        if end >= 0 and search(text, start, end):
            return True
        start, end = max(s - reach, 0), e + reach
    return end >= 0 and search(text, start, end) is not None


@lru_cache(maxsize=1)
def _reach() -> int | None:
    """How far from a non-ASCII character a match of the badness pattern can start or end: its
    longest match less one. None (search the whole text) unless the pattern is a choice of
    branches each needing a non-ASCII character, with no lookaround and no anchor but the
    string's start (which `search(text, pos)` does not take at pos), so that a search of a window
    finds what a search of the whole text finds there."""
    try:
        from re import _compiler, _constants as c, _parser
        tree = _parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
        if len(tree.data) != 1 or tree.data[0][0] is not c.BRANCH:
            return None
        if not _context_free(tree.data, c):
            return None
        ascii_chars = [chr(i) for i in range(128)]
        for branch in tree.data[0][1][1]:
            needs_non_ascii = False
            for item in branch.data:
                if _parser.SubPattern(tree.state, [item]).getwidth() != (1, 1):
                    continue
                one = _compiler.compile(_parser.SubPattern(tree.state, [item]), BADNESS_RE.flags)
                if not any(one.fullmatch(ch) for ch in ascii_chars):
                    needs_non_ascii = True
                    break
            if not needs_non_ascii:
                return None
        longest = tree.getwidth()[1]
        return longest - 1 if longest < 64 else None
    except Exception:  # another Python's parser: search the whole text
        return None


def _context_free(data, c) -> bool:
    """No lookaround, backreference or anchor other than the string's start anywhere in it."""
    for op, av in data:
        if op in (c.ASSERT, c.ASSERT_NOT, c.GROUPREF, c.GROUPREF_EXISTS):
            return False
        if op is c.AT and av not in (c.AT_BEGINNING, c.AT_BEGINNING_STRING):
            return False
        if op is c.BRANCH:
            if not all(_context_free(b.data, c) for b in av[1]):
                return False
        elif op is c.SUBPATTERN:
            if not _context_free(av[-1].data, c):
                return False
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            if not _context_free(av[2].data, c):
                return False
        elif op is c.ATOMIC_GROUP:
            if not _context_free(av.data, c):
                return False
    return True


_one_step = _with_our_badness_test(_one_step)
