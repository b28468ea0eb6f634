"""The date resolver visits only the words that can be evidence of a day (DateResolver._evidence):
they must be exactly the words its searches stop at, a digit of any script included."""
from __future__ import annotations

import random

import pytest

from warta.lang import LanguagePack, available_languages
from warta.pipeline.dates import DateResolver


@pytest.mark.parametrize("lang", available_languages())
def test_evidence_is_every_word_the_searches_stop_at(lang):
    resolver = DateResolver(LanguagePack.load(lang))
    marked = sorted(resolver._evidence_words)
    plain = ["x", "yz", "(", ",", ".", "a1", "-", "\u00e9x", "\u201c"]
    digits = ["2019", "16/7/2020", "5", "\u0663", "\u00b2", "\u0967\u0968"]  # Arabic-Indic three, superscript two
    rng = random.Random(16)
    for _ in range(3000):
        words = rng.choices(plain, k=rng.randint(0, 15))
        for pool in (marked, digits):
            for _ in range(rng.randint(0, 2)):
                if pool:
                    words.insert(rng.randint(0, len(words)), rng.choice(pool))
        expected = [i for i, w in enumerate(words) if w in resolver._evidence_words or w[:1].isdigit()]
        assert resolver._evidence(words) == expected, words
