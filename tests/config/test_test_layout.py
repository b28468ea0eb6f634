"""How the tests are written: ../shared is found one way (tests/conftest.py), and no assert leaves
`A and B or C` to precedence (an empty evidence once passed `e["evidence"] and x in y or z`)."""
from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.conftest import REPO, SHARED
from warta.evaluation.devsets import default_shared_dir

SCRIPTS = sorted([*(REPO / "tests").rglob("*.py"), *(REPO / "benchmarks").rglob("*.py")])
# a path to the shared folder built from the checkout's place instead of asked for
OWN_WAY = re.compile(r"""(parents?\b|REPO|__file__)[^\n]*["']shared["']""")


def test_shared_is_found_one_way():
    assert SHARED == default_shared_dir()
    assert OWN_WAY.search('SHARED = REPO.parent / "shared"')  # how benchmarks/verbs.py once found it
    own = [f"{p.relative_to(REPO)}:{n}" for p in SCRIPTS if p != Path(__file__)  # its example below
           for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if OWN_WAY.search(line)]
    assert own == []


def _unbracketed_and_or(source: str) -> list[int]:
    lines = source.splitlines()
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Assert) and isinstance(node.test, ast.BoolOp) and isinstance(node.test.op, ast.Or)):
            continue
        for value in node.test.values:
            if isinstance(value, ast.BoolOp) and isinstance(value.op, ast.And):
                before = "".join(lines[:value.lineno - 1]) + lines[value.lineno - 1][:value.col_offset]
                if not before.rstrip().endswith("("):
                    found.append(node.lineno)
    return found


def test_the_check_sees_the_trap_and_lets_brackets_pass():
    assert _unbracketed_and_or('assert e and x in y or x in z\n') == [1]
    assert _unbracketed_and_or('assert (e and x in y) or x in z\n') == []
    assert _unbracketed_and_or('assert e and (x in y or x in z)\n') == []


def test_no_assert_leaves_and_or_to_precedence():
    found = [f"{p.relative_to(REPO)}:{n}" for p in SCRIPTS
             for n in _unbracketed_and_or(p.read_text(encoding="utf-8"))]
    assert found == []
