"""Shared fixtures: where ../shared is, and a fresh store per test."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with a clear reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared reference material is not beside this checkout")
    return path


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "warta.duckdb"
