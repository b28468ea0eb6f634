"""Helpers over a sentence's tokens: the mention a token span makes, runs of name words, a
name's hyphens, what may stand between two parts of a title or two coordinated actors."""
from __future__ import annotations

from warta.lang.case import is_name_token
from warta.model import Mention


def _mention(sent, t0, t1, actor, kind, rule) -> Mention:
    """The mention of a sentence's tokens t0 to t1 (end exclusive), its offsets those of the text."""
    toks = sent.tokens
    start, end = toks[t0].start, toks[t1 - 1].end
    text = sent.text[start - sent.start : end - sent.start]
    return Mention(sent.index, start, end, text, actor, kind, t0, t1, rule)


def _name_run(toks, i: int, allow_comma: bool = False, limit: int = 4, not_names: frozenset[str] = frozenset()) -> int:
    """End of a run of capitalised words starting at i (after an optional comma), or 0."""
    if allow_comma and i < len(toks) and toks[i].lower == ",":
        i += 1
    j = i
    while j < len(toks) and j - i < limit and is_name_token(toks[j].text) and toks[j].lower not in not_names:
        j += 1
    return j if j > i else 0


def _hyphenated(toks, end: int, covered: set[int], limit: int = 6) -> int:
    """A name's end past the hyphens written inside it: "Jean-Bertrand Aristide", "Ahn Duk-geun"."""
    start = end
    while end + 1 < len(toks) and end + 1 not in covered and end - start < limit \
            and toks[end].lower == "-" and toks[end].start == toks[end - 1].end \
            and toks[end + 1].start == toks[end].end and toks[end + 1].text.isalpha():
        end += 2
        while end < len(toks) and end not in covered and end - start < limit and is_name_token(toks[end].text):
            end += 1
    return end


def _skip_comma(toks, i: int) -> int:
    return i + 1 if i < len(toks) and toks[i].lower == "," else i


def _set_off(toks, end: int, speech_verbs: frozenset[str]) -> bool:
    """Does a name ending at `end` close an apposition: the sentence ends, a comma, or a speech verb
    follows ("..., Ana Lopez, mengatakan", "... Ana Lopez mengatakan")?"""
    return end == len(toks) or toks[end].lower == "," or toks[end].lower in speech_verbs


def _gap_ok(toks, a: int, b: int, modifiers: frozenset[str]) -> bool:
    """Only modifier words (senior, khusus) or an ordinal ("ke-3", "3rd") stand between two parts of a title."""
    ordinal = _ordinal_span(toks, a, b)
    return a <= b and b - a - ordinal <= 2 and all(toks[k].lower in modifiers for k in range(a + ordinal, b))


def _ordinal_span(toks, a: int, b: int) -> int:
    """How many tokens at toks[a:b] write a number into a word, with no space ("ke-3", "3rd")."""
    k = a
    while k < b and (any(c.isdigit() for c in toks[k].text) or toks[k].lower == "-"
                     or k + 1 < b and toks[k + 1].start == toks[k].end and toks[k + 1].lower == "-"):
        k += 1
    glued = all(toks[j + 1].start == toks[j].end for j in range(a, k - 1))
    return k - a if k > a and glued and any(c.isdigit() for t in toks[a:k] for c in t.text) else 0


def _is_coordination(toks, a: int, b: int, coordinators: frozenset[str], articles: frozenset[str] = frozenset()) -> bool:
    """Only "and" or a comma (and an article: "Russia and the Palestinians") between two actors."""
    n = 0  # words between, articles aside: one or two, each a coordinator or a comma
    for k in range(a, b):
        w = toks[k].lower
        if w in articles:
            continue
        if n == 2 or not (w in coordinators or w == ","):
            return False
        n += 1
    return n > 0
