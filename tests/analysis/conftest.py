from __future__ import annotations

import duckdb
import pytest

from tests.analysis.synthetic import EVENTS, make_store


@pytest.fixture
def store_path(tmp_path):
    return make_store(tmp_path / "synthetic.duckdb", EVENTS)


@pytest.fixture
def con(store_path):
    c = duckdb.connect(str(store_path), read_only=True)
    yield c
    c.close()
