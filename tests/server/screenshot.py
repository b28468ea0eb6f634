"""Take docs/dashboard.png: the seed articles, coded and served for real, in headless Chromium.

    python -m tests.server.screenshot [docs/dashboard.png]
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.conftest import SHARED
from tests.server.conftest import BROWSER_ARGS, CHROMIUM, Server, run_cli

VIEW = "#ds=IRN&dt=RUS&source=IRN&target=RUS&undirected=1"


def main(out: str = "docs/dashboard.png") -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "seeds.duckdb"
        run_cli("code", str(SHARED / "seeds"), "--db", str(db), "--lang", "id", "--format", "jsonl", check=True)
        server = Server(db, Path(tmp) / "snapshots")
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
                page = browser.new_page(viewport={"width": 1440, "height": 900}, device_scale_factor=1)
                page.goto(server.url + "/" + VIEW)
                page.wait_for_selector("body[data-ready]")
                page.click('#events tbody tr[data-code="057"]')
                page.wait_for_selector("#doc-text mark.ev")
                page.screenshot(path=out, full_page=True)
                browser.close()
        finally:
            server.stop()
    print(f"wrote {out}")


if __name__ == "__main__":
    main(*sys.argv[1:])
