"""CLI command groups beyond `code` and `events`.

Each module here defines `register(app: typer.Typer) -> None`; `warta.cli`
calls every one of them, so a new command is a new module, not an edit to cli.py.
"""
from __future__ import annotations

import importlib
import pkgutil


def register_all(app) -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(app)
