"""Fixtures for the API and dashboard tests: stores, an in-process client, a real server."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from tests.analysis.synthetic import EVENTS, make_store
from tests.conftest import shared_path
from warta.server import create_app

CHROMIUM = Path("/usr/bin/chromium")
LOCAL = "http://127.0.0.1"  # TestClient's base URL: the app answers to local host names only
BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def run_cli(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "warta.cli", *args], capture_output=True, text=True, **kw)


@pytest.fixture
def synthetic_db(tmp_path) -> Path:
    docs = {"d1": "Hello world, some text.", "folder/d2.txt": "Another <b>text</b>."}
    events = [dict(e) for e in EVENTS]
    events[-1]["doc_id"] = "folder/d2.txt"
    return make_store(tmp_path / "synthetic.duckdb", events, docs)


@pytest.fixture
def client(synthetic_db, tmp_path):
    with TestClient(create_app(synthetic_db, snapshot_dir=tmp_path / "snapshots"), base_url=LOCAL) as c:
        yield c


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory) -> Path:
    """The seed articles, coded by the real CLI."""
    seeds = shared_path("seeds")
    db = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    run_cli("code", str(seeds), "--db", str(db), "--lang", "id", "--format", "jsonl", check=True)
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`warta serve` in a subprocess on a free localhost port."""

    def __init__(self, db: Path, workdir: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "warta.cli", "serve", "--db", str(db), "--port", str(self.port),
             "--snapshot-dir", str(workdir), "--refresh", "0.2"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env={**os.environ, "NO_COLOR": "1"})
        deadline = time.monotonic() + 30
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"warta serve exited: {self.proc.stdout.read()}")
            try:
                if httpx.get(self.url + "/api/stats", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("warta serve did not answer within 30 s")
            time.sleep(0.1)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture
def serve(tmp_path):
    servers = []

    def start(db: Path) -> Server:
        server = Server(db, tmp_path / f"snapshots-{len(servers)}")
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent (apt-get install chromium): the dashboard tests need a browser")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    yield pg
    context.close()
