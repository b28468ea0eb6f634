"""Actor knowledge is one package with no import cycle: warta.actors imports only lower layers
(never the coder or the pipeline, which import it), no module of it imports one that imports it
back (at the top or inside a function); the modules of the mention-finding stage have no cycle
either; and every module of both imports alone in a fresh interpreter."""
from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from tests.conftest import REPO

# what warta.actors may import from the rest of Warta
LOWER = {"warta.errors", "warta.lang", "warta.lang.case", "warta.model", "warta.settings", "warta.store.duck",
         "warta.tabular"}


def _modules(package: str) -> dict[str, ast.Module]:
    folder = REPO.joinpath(*package.split("."))
    assert folder.is_dir(), package
    return {(package if p.stem == "__init__" else f"{package}.{p.stem}"): ast.parse(p.read_text(encoding="utf-8"))
            for p in sorted(folder.glob("*.py"))}


def _imports(tree: ast.Module, known: set[str]) -> set[str]:
    """The warta modules a module imports anywhere in it ("from warta.actors import schema" names
    warta.actors.schema)."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("warta"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("warta"):
            subs = [f"{node.module}.{a.name}" for a in node.names]
            out.update(s for s in subs if s in known)
            if any(s not in known for s in subs):
                out.add(node.module)
    return out


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """A cycle of the graph, if it has one (depth first, grey nodes on the path)."""
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(m: str) -> list[str]:
        state[m] = 1
        path.append(m)
        for n in sorted(graph.get(m, ())):
            if state.get(n) == 1:
                return path[path.index(n):] + [n]
            if n not in state and (found := visit(n)):
                return found
        state[m] = 2
        path.pop()
        return []

    for m in sorted(graph):
        if m not in state and (found := visit(m)):
            return found
    return []


def test_the_cycle_check_sees_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) == []


def test_actor_knowledge_imports_only_lower_layers_and_has_no_cycle():
    modules = _modules("warta.actors")
    known = set(modules) | LOWER
    graph = {m: _imports(tree, known) - {m} for m, tree in modules.items()}
    outside = {m: sorted(i for i in deps if not i.startswith("warta.actors") and i not in LOWER)
               for m, deps in graph.items()}
    assert {m: deps for m, deps in outside.items() if deps} == {}
    inside = {m: {i for i in deps if i in modules and i != "warta.actors"} for m, deps in graph.items()}
    assert _cycle(inside) == []


def test_mention_finding_has_no_cycle():
    modules = _modules("warta.pipeline.mentions")
    graph = {m: {i for i in _imports(tree, set(modules)) if i in modules and i != "warta.pipeline.mentions"} - {m}
             for m, tree in modules.items()}
    assert _cycle(graph) == []


@pytest.mark.slow
@pytest.mark.parametrize("package", ["warta.actors", "warta.pipeline.mentions"])
def test_each_module_imports_alone(package):
    failed = {}
    for module in _modules(package):
        run = subprocess.run([sys.executable, "-c", f"import {module}"], cwd=REPO, capture_output=True, text=True)
        if run.returncode:
            failed[module] = run.stderr.strip().splitlines()[-1]
    assert failed == {}
