"""Every command `warta --help` lists is documented in the README (datasette's rule:
an undocumented command is a bug)."""
from __future__ import annotations

import re

import typer.main

from tests.conftest import REPO
from warta.cli import app


def _commands() -> list[str]:
    click_app = typer.main.get_command(app)
    return sorted(click_app.commands)


def test_cli_has_the_core_commands():
    assert {"code", "events"} <= set(_commands())


def test_every_command_is_in_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [c for c in _commands() if not re.search(rf"`warta {c}\b|^warta {c}\b", readme, re.M)]
    assert not missing, f"README does not document: {missing}"
