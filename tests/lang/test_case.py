"""Letter case is read in one place (warta/lang/case.py), and each test there answers for a
script without letter case as its docstring says."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import warta
from warta.lang.case import (capital_letters, capital_starts, capitalised, caseless, in_capitals, in_lower_case, is_capital_letter, is_name_token,
                             starts_capital, starts_lower, written_plain)

PACKAGE = Path(warta.__file__).parent


@pytest.mark.parametrize("word, name, plain, capital, lower, shouted", [
    ("Harjono", True, False, True, False, False),
    ("Amir-Abdollahian", True, False, True, False, False),
    ("mengecam", False, True, False, True, False),
    ("KPK", False, False, True, False, True),
    ("روسيا", False, True, False, False, False),  # no case: plain, never a name by its letters
    ("2024", False, False, False, False, False),
])
def test_what_a_words_letters_say(word, name, plain, capital, lower, shouted):
    assert is_name_token(word) is name
    assert written_plain(word) is plain
    assert starts_capital(word) is capital
    assert starts_lower(word) is lower and in_lower_case(word) is lower
    assert in_capitals(word) is shouted
    assert capitalised(word) is (capital and not shouted)


def test_caseless_text_and_initials():
    assert caseless("موسكو") and caseless("北京") and not caseless("Moskwa") and not caseless("موسكو x")
    assert is_capital_letter("M") and not is_capital_letter("m") and not is_capital_letter("م")


def test_the_class_of_a_texts_capitals_holds_each_and_no_other_letter():
    text = "Ólafur dan Ωmega di Москва, moskwa ß"
    capitals = re.compile(capital_letters(text))
    assert [c for c in set(text) if capitals.fullmatch(c)] and all(
        bool(capitals.fullmatch(c)) == (c.isupper() and c.isalpha()) for c in set(text) | set("AZaz"))
    assert capital_letters("plain ascii") == "[A-Z]"


def test_capital_starts_are_the_words_starts_capital_finds():
    """`capital_starts` reads first letters in C: the same words as `starts_capital` of each, in any
    script, an empty word (no first letter) included."""
    words = ["Harjono", "kata", "KPK", "\u0416\u0443\u043a\u043e\u0432", "\u01c5", "2024", "\u0631\u0648\u0633\u064a\u0627", "-", "M", "\u03a9"]
    expected = [k for k, w in enumerate(words) if starts_capital(w)]
    assert expected == [0, 2, 3, 8, 9]
    assert capital_starts(words) == expected
    assert capital_starts(["", *words]) == [k + 1 for k in expected]
    assert capital_starts([]) == []


def test_no_other_module_reads_letter_case_itself():
    asks = re.compile(r"\.(isupper|islower|istitle)\(")
    found = [f"{p.relative_to(PACKAGE)}:{n}" for p in sorted(PACKAGE.rglob("*.py")) if p.name != "case.py"
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if asks.search(line)]
    assert found == []
