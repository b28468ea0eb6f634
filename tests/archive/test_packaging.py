"""Every package Warta's code imports is declared in pyproject.toml (python-dateutil once was not),
and the declared Python is one the code runs on (tomllib: 3.11)."""
from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions

from tests.conftest import REPO


def _declared() -> set[str]:
    """Declared distributions, and the extras named after one ("dask[distributed]")."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = set()
    for spec in project["dependencies"]:
        m = re.match(r"([A-Za-z0-9_.-]+)(?:\[([^\]]*)\])?", spec)
        names.add(m[1])
        names.update(e.strip() for e in (m[2] or "").split(","))
    return {n.lower().replace("_", "-") for n in names if n}


def _imported() -> set[str]:
    names = set()
    for path in (REPO / "warta").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return {n for n in names if n != "warta" and n not in sys.stdlib_module_names}


def test_every_imported_package_is_declared():
    dists = packages_distributions()
    declared = _declared()
    undeclared = {}
    for name in sorted(_imported()):
        provided_by = {d.lower().replace("_", "-") for d in dists.get(name, [name])}
        if not provided_by & declared:
            undeclared[name] = sorted(provided_by)
    assert not undeclared, f"imported but not in pyproject.toml dependencies: {undeclared}"


def test_requires_python_covers_tomllib():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert re.fullmatch(r">=3\.(1[1-9]|[2-9]\d)", project["requires-python"]), project["requires-python"]
