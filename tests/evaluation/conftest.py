"""One set of loaded coders for every evaluation test (loading is the slow part)."""
from __future__ import annotations

import pytest

from warta.evaluation.devsets import Coders


@pytest.fixture(scope="session")
def coders() -> Coders:
    return Coders()
