"""`warta serve` as users start it, while `warta code` writes the same store."""
from __future__ import annotations

import time

import httpx
import pytest

from tests.server.conftest import run_cli
from tests.server.test_untrusted import ARTICLE

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def test_serve_needs_a_store(tmp_path):
    result = run_cli("serve", "--db", str(tmp_path / "none.duckdb"), "--port", "0")
    assert result.returncode == 2
    assert "run `warta code` first" in " ".join(result.stderr.split())


def test_code_writes_while_serve_reads(seed_db, serve, tmp_path):
    db = tmp_path / "live.duckdb"
    db.write_bytes(seed_db.read_bytes())
    server = serve(db)
    before = httpx.get(server.url + "/api/stats").json()
    assert before["documents"] == 2

    article = tmp_path / "new" / "baru.txt"
    article.parent.mkdir()
    article.write_text(ARTICLE, encoding="utf-8")
    result = run_cli("code", str(article.parent), "--db", str(db), "--lang", "id", "--format", "jsonl")
    assert result.returncode == 0, result.stderr  # the server did not lock the writer out

    deadline = time.monotonic() + 30  # the server polls every 0.2 s; allow a slow machine
    while httpx.get(server.url + "/api/stats").json()["documents"] != 3:
        assert time.monotonic() < deadline, "the server never took a fresh snapshot"
        time.sleep(0.2)
    after = httpx.get(server.url + "/api/stats").json()
    assert after["events"] > before["events"]
    assert after["snapshot"]["writer_active"] is False
    assert httpx.get(server.url + "/api/documents/baru.txt").status_code == 200
