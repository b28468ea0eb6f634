"""docs/architecture.md and the README's "How it works" name files and packages that exist
(a module moved without its doc is a newcomer sent to the wrong place)."""
from __future__ import annotations

import re

from tests.conftest import REPO

_PATH = re.compile(r"`?((?:warta|benchmarks|docs)/[\w./-]*\w/?)`?")


def _named(text: str) -> set[str]:
    return {m.rstrip("/") for m in _PATH.findall(text)}


def test_every_path_the_architecture_doc_names_exists():
    named = _named((REPO / "docs" / "architecture.md").read_text(encoding="utf-8"))
    assert {"warta/store", "warta/store/schema.py", "warta/api.py"} <= named
    missing = sorted(p for p in named if not (REPO / p).exists())
    assert not missing, f"docs/architecture.md names what is not there: {missing}"


def test_the_readme_architecture_section_names_paths_that_exist():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## How it works"):readme.index("\n## ", readme.index("## How it works") + 1)]
    named = _named(section)
    assert "warta/store" in named
    missing = sorted(p for p in named if not (REPO / p).exists())
    assert not missing, f"README's How it works names what is not there: {missing}"
