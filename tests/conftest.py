"""Shared fixtures: where ../shared is, and a fresh store per test.

Every test finds the shared reference material (seeds, gold, dictionaries, development sets)
through `shared_path`, in the one place `warta eval` looks too: $WARTA_SHARED, else the `shared`
folder beside this checkout (warta.evaluation.devsets.default_shared_dir).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from warta.evaluation.devsets import SHARED_ENV, default_shared_dir

REPO = Path(__file__).resolve().parents[1]
SHARED = default_shared_dir()
# Test tiers (markers declared in pyproject.toml): these kinds of test are slow as well, so
# `python -m pytest -m "not slow"` is the quick loop and `python -m pytest` runs everything.
SLOW_KINDS = ("archive", "dask", "browser")


def pytest_collection_modifyitems(items):
    for item in items:
        if any(item.get_closest_marker(kind) for kind in SLOW_KINDS) and not item.get_closest_marker("slow"):
            item.add_marker(pytest.mark.slow)


def shared_path(*parts: str) -> Path:
    """A path under the shared folder, or skip the test with a clear reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared reference material is not beside this checkout "
                    f"(set ${SHARED_ENV} to where it is)")
    return path


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "warta.duckdb"
