"""The sentence splitter's fast makers give the very objects Token() and Sentence() give."""
from __future__ import annotations

import pickle

from warta.model import Sentence, Token
from warta.pipeline.sentences import _make_sentence, _make_token


def test_fast_tokens_equal_constructed_ones():
    fast, slow = _make_token(3, 8, "Rusia", "rusia"), Token(3, 8, "Rusia", "rusia")
    assert type(fast) is Token and fast == slow and hash(fast) == hash(slow)
    assert pickle.loads(pickle.dumps(fast)) == slow


def test_fast_sentences_equal_constructed_ones():
    tokens = (Token(0, 5, "Rusia", "rusia"),)
    fast, slow = _make_sentence(2, 0, 5, "Rusia", 1, tokens, True), Sentence(2, 0, 5, "Rusia", 1, tokens, True)
    assert type(fast) is Sentence and fast == slow and hash(fast) == hash(slow)
    assert pickle.loads(pickle.dumps(fast)) == slow
