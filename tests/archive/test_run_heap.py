"""A run keeps what is loaded out of the garbage collector's way, and gives the process back as it was."""
from __future__ import annotations

import gc

import pytest

from warta.api import GC_THRESHOLD, Warta
from warta.synthetic import write_jsonl

pytestmark = pytest.mark.archive  # a whole run: slow (tests/conftest.py)


def test_a_run_freezes_the_loaded_heap_and_collects_less_often_then_restores_both(tmp_path):
    seen = []
    before = gc.get_threshold()
    Warta(tmp_path / "w.duckdb").code([write_jsonl(tmp_path / "a.jsonl", 6, seed=3)], keep_records=False,
                                      batch_size=2,
                                      on_batch=lambda *_: seen.append((gc.get_threshold(), gc.get_freeze_count())))
    assert len(seen) == 3
    assert all(t == (GC_THRESHOLD, *before[1:]) and frozen > 100_000 for t, frozen in seen)
    assert gc.get_threshold() == before != seen[0][0] and gc.get_freeze_count() == 0
