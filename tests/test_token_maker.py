"""The sentence splitter's fast Token maker gives the very objects Token() gives."""
from __future__ import annotations

import pickle

from warta.model import Token
from warta.pipeline.sentences import _token


def test_fast_tokens_equal_constructed_ones():
    fast, slow = _token(3, 8, "Rusia", "rusia"), Token(3, 8, "Rusia", "rusia")
    assert type(fast) is Token and fast == slow and hash(fast) == hash(slow)
    assert pickle.loads(pickle.dumps(fast)) == slow
