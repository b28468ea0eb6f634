"""Letter case, the one place Warta reads it: what a word's capitals say, in any script.

A script with letter case (Latin, Cyrillic, Greek) marks names with capitals: "Harjono" is a
name, "mengecam" a plain word, "M" before a name an initial. A script without letter case
(Arabic, Chinese, Thai) says none of this, and every test here answers for it as written
below: no word is a name, a capital or shouted by its letters (names come from the packs and
the gazetteer alone), and every word of letters is written plain, so the rules that pass over
plain words ("the brother of a jailed minister") read it as they read a lower-case word.
"""
from __future__ import annotations

import re
from itertools import compress, count
from operator import itemgetter


def is_name_token(text: str) -> bool:
    """A capitalised word of letters ("Harjono", "Amir-Abdollahian"); never in a caseless script."""
    hit = _NAME_TOKENS.get(text)
    if hit is None:
        hit = len(text) > 1 and text[0].isupper() and any(c.islower() for c in text[1:]) \
            and text.replace("-", "").isalpha()
        if len(_NAME_TOKENS) < 200_000:
            _NAME_TOKENS[text] = hit
    return hit


_NAME_TOKENS: dict[str, bool] = {}  # answers of is_name_token, per word as written


def written_plain(text: str) -> bool:
    """A word of letters without a capital: lower case ("mengecam"), or in a caseless script."""
    return text.isalpha() and (text.islower() or caseless(text))


def starts_capital(text: str) -> bool:
    """Does the word open with a capital letter ("Pak", "Dr")? Never in a caseless script."""
    return text[:1].isupper()


def capital_starts(texts: list[str]) -> list[int]:
    """Where the words that open with a capital stand (`starts_capital` of each), in one pass that
    takes no Python step a word (map and compress run in C): a scan for names skips the other
    words without a call for each."""
    if "" in texts:  # (an empty word has no first letter to read: read each the slower way)
        return [k for k, text in enumerate(texts) if text[:1].isupper()]
    return list(compress(count(), map(str.isupper, map(_FIRST_LETTER, texts))))


_FIRST_LETTER = itemgetter(0)


def capitalised(text: str) -> bool:
    """Opens with a capital and is not all capitals ("Harjono", not "KPK"); never in a caseless script."""
    return text[:1].isupper() and not text.isupper()


def starts_lower(text: str) -> bool:
    """Does the word open with a lower-case letter ("sat", "and")? Never in a caseless script."""
    return text[:1].islower()


def is_capital_letter(text: str) -> bool:
    """One capital letter ("M" of "M Harjono"): an initial, in a script with case."""
    return len(text) == 1 and text.isupper() and text.isalpha()


def in_lower_case(text: str) -> bool:
    """Written all in lower case ("kata", "said"); never in a caseless script."""
    return text.islower()


def caseless(text: str) -> bool:
    """No letter of the text has a case (Arabic, Chinese, digits): its capitals say nothing."""
    return not any(c.isupper() or c.islower() for c in text)


def in_capitals(text: str) -> bool:
    """Written all in capitals ("JAKARTA", "KPK"): shouted or an acronym; never in a caseless script."""
    return text.isupper()


_LETTER = re.compile(r"[^\W\d_]")


def capital_letters(text: str) -> str:
    """A regex class of the capital letters the text holds ("A-Z" and any other, "Ж", "Ω"):
    lets a pattern find capitalised words without a Python call for each word. ASCII's are
    always in it, so the class is one of a few for a whole corpus, and a small one (a class of
    every capital of Unicode makes a search four times slower)."""
    other = "".join(sorted(c for c in set(text) if c > "\x7f" and c.isupper() and _LETTER.match(c)))
    return "[A-Z" + re.escape(other) + "]"
