"""Atoms are placed on tokens by bisection (warta.pipeline.mentions.atoms._TokenAt): the answer must be
what a plain table of every token's start and end gives, for every span of the text."""
from __future__ import annotations

import re

from warta.model import Sentence, Token
from warta.pipeline.mentions.atoms import _TokenAt


def _sentences(text: str, bounds: list[tuple[int, int]]) -> tuple[Sentence, ...]:
    out = []
    for index, (a, b) in enumerate(bounds):
        tokens = tuple(Token(m.start() + a, m.end() + a, m.group(), m.group().lower())
                       for m in re.finditer(r"\w+|[^\w\s]", text[a:b]))
        out.append(Sentence(index, a, b, text[a:b], 0, tokens))
    return tuple(out)


def test_a_span_is_placed_on_the_tokens_a_table_of_them_names():
    text = "Ab cd-ef, gh. ... Ij kl mn."
    # the second sentence holds no token; the last two share nothing
    sentences = _sentences(text, [(0, 13), (13, 14), (14, 17), (17, 27)])
    assert [len(s.tokens) for s in sentences] == [7, 0, 3, 4]
    starts = {t.start: (s.index, k) for s in sentences for k, t in enumerate(s.tokens)}
    ends = {t.end: (s.index, k) for s in sentences for k, t in enumerate(s.tokens)}
    tokens = _TokenAt(sentences)
    placed = 0
    for start in range(len(text) + 1):
        for end in range(start + 1, len(text) + 2):
            a, b = starts.get(start), ends.get(end)
            expected = (a[0], a[1], b[1] + 1) if a and b and a[0] == b[0] else None
            assert tokens.span(start, end) == expected, (start, end, text[start:end])
            placed += expected is not None
    assert placed > 20
