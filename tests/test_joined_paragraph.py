"""The pattern that finds paragraphs a scraper joined with a comma opens each branch with the
comma (so a search skips to commas): it finds what the lookbehind-first pattern found."""
from __future__ import annotations

import re

from warta.pipeline.sentences import _JOINED_PARAGRAPH

_PLAIN = re.compile(r"(?<=[.!?][\"'\u201d\u2019]),+|(?<=[.!?]),+(?=[\"'\u201c\u2018]?[^\W\d_])")


def test_the_same_matches_as_the_lookbehind_pattern():
    marks = ['.', '!', '?', '"', "'", "\u201d", "\u2019", "\u201c", "\u2018", ",", ",,", "a", "A", "1", " ", "_"]
    texts = [a + b + c + d for a in marks for b in marks for c in marks for d in marks]
    texts += ["Selasa.,Menteri datang.,\"Kami,\" katanya.\u201d,,Lalu 3.,4 ya?,,\u201cTidak!\u201d,x"]
    for text in texts:
        assert [m.span() for m in _JOINED_PARAGRAPH.finditer(text)] == [m.span() for m in _PLAIN.finditer(text)], text
