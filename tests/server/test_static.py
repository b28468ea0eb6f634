"""The dashboard's files: nothing from elsewhere, no way for article text to become markup."""
from __future__ import annotations

import re
from pathlib import Path

import warta.server

STATIC = Path(warta.server.__file__).with_name("static")
FILES = sorted(p for p in STATIC.rglob("*") if p.suffix in {".html", ".js", ".css"})


def test_the_dashboard_is_there():
    names = {p.name for p in FILES}
    assert {"index.html", "app.js", "dom.js", "document.js", "timeline.js", "network.js", "style.css"} <= names


def test_no_markup_from_strings():
    sinks = re.compile(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|srcdoc")
    for path in FILES:
        if path.suffix == ".js":
            code = "\n".join(line for line in path.read_text().splitlines() if not line.lstrip().startswith("//"))
            assert not sinks.search(code), f"{path.name} builds markup from strings"


def test_nothing_is_fetched_from_elsewhere():
    remote = re.compile(r"""(src|href)\s*=\s*["']?(https?:)?//|@import|url\(\s*["']?(https?:)?//|fetch\(\s*["']https?:""")
    for path in FILES:
        assert not remote.search(path.read_text()), f"{path.name} loads something from another site"


def test_no_inline_scripts_or_handlers():
    html = (STATIC / "index.html").read_text()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert not re.search(r"\son[a-z]+\s*=", html)
