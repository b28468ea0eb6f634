"""Every package Warta's code imports is declared in pyproject.toml (python-dateutil once was not), and
what the tests import is in the `test` extra; the declared Python is one the code runs on (tomllib:
3.11); the packages whose majors change the store or the cluster (pyarrow, dask, duckdb) are bounded."""
from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions

from tests.conftest import REPO


PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _declared(extras: tuple[str, ...] = ()) -> set[str]:
    """Declared distributions, and the extras named after one ("dask[distributed]")."""
    names = set()
    for spec in PROJECT["dependencies"] + [s for e in extras for s in PROJECT["optional-dependencies"][e]]:
        m = re.match(r"([A-Za-z0-9_.-]+)(?:\[([^\]]*)\])?", spec)
        names.add(m[1])
        names.update(e.strip() for e in (m[2] or "").split(","))
    return {n.lower().replace("_", "-") for n in names if n}


def _imported(folder: str = "warta") -> set[str]:
    names = set()
    for path in (REPO / folder).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return {n for n in names if n not in ("warta", "tests") and n not in sys.stdlib_module_names}


def _undeclared(imported: set[str], declared: set[str]) -> dict:
    dists = packages_distributions()
    undeclared = {}
    for name in sorted(imported):
        provided_by = {d.lower().replace("_", "-") for d in dists.get(name, [name])}
        if not provided_by & declared:
            undeclared[name] = sorted(provided_by)
    return undeclared


def test_every_imported_package_is_declared():
    assert "dateutil" in _imported()  # the check reads the code's imports (python-dateutil's module)
    undeclared = _undeclared(_imported(), _declared())
    assert not undeclared, f"imported but not in pyproject.toml dependencies: {undeclared}"


def test_the_check_finds_an_undeclared_import():
    assert _undeclared({"dateutil", "rapidfuzz"}, _declared() - {"python-dateutil"}) == {
        "dateutil": ["python-dateutil"]}


def test_every_package_the_tests_import_is_in_the_test_extra():
    undeclared = _undeclared(_imported("tests"), _declared(("test",)))
    assert not undeclared, f"imported by tests but not in the test extra: {undeclared}"


def test_store_and_cluster_packages_have_a_major_bound():
    specs = {re.match(r"[A-Za-z0-9_.-]+", s)[0].lower(): s for s in PROJECT["dependencies"]}
    for name in ("pyarrow", "dask", "duckdb"):
        assert re.search(r"<\s*\d", specs[name]), f"{name} has no upper bound: {specs[name]!r}"


def test_requires_python_covers_tomllib():
    assert re.fullmatch(r">=3\.(1[1-9]|[2-9]\d)", PROJECT["requires-python"]), PROJECT["requires-python"]


def test_the_code_parses_as_the_lowest_declared_python():
    lowest = tuple(int(n) for n in re.search(r">=(\d+)\.(\d+)", PROJECT["requires-python"]).groups())
    too_new = []
    for path in (REPO / "warta").rglob("*.py"):
        try:
            ast.parse(path.read_text(encoding="utf-8"), feature_version=lowest)
        except SyntaxError as exc:
            too_new.append(f"{path.relative_to(REPO)}: {exc}")
    assert too_new == []
