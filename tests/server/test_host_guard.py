"""DNS rebinding: the server answers only to the host names it is known by (issue 15); HEAD / works."""
from __future__ import annotations

import subprocess
import sys
import time

import httpx
import pytest
from fastapi.testclient import TestClient

from tests.server.conftest import free_port
from warta.server import create_app
from warta.server.app import host_name


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "127.0.0.1:8000", "[::1]:8000", "[::1]",
                                  "LOCALHOST."])
def test_local_names_are_answered(client, host):
    response = client.get("/api/stats", headers={"host": host})
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("path", ["/api/stats", "/", "/static/app.js", "/openapi.json"])
@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "localhost.evil",
                                  "[::2]:8000", ""])
def test_other_names_are_refused_everywhere(client, host, path):
    response = client.get(path, headers={"host": host})
    assert response.status_code == 400 and "--allow-host" in response.json()["detail"]


def test_allowed_hosts_are_configurable(synthetic_db, tmp_path):
    app = create_app(synthetic_db, snapshot_dir=tmp_path / "s", allowed_hosts=["warta.lan", "10.0.0.5"])
    with TestClient(app, base_url="http://warta.lan:8000") as c:
        assert c.get("/api/stats").status_code == 200
        assert c.get("/api/stats", headers={"host": "10.0.0.5"}).status_code == 200
        assert c.get("/api/stats", headers={"host": "localhost"}).status_code == 400  # the list replaces the default
    with TestClient(create_app(synthetic_db, snapshot_dir=tmp_path / "t", allowed_hosts=["*"]),
                    base_url="http://anything.example") as c:
        assert c.get("/api/stats").status_code == 200


def test_host_names_are_read_without_port_case_or_final_dot():
    assert [host_name(h) for h in ("Kabar.Example.:80", "[::1]:8000", "::1", "127.0.0.1")] == \
           ["kabar.example", "::1", "::1", "127.0.0.1"]


def test_head_of_the_dashboard(client):
    head, get = client.head("/"), client.get("/")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-type"].startswith("text/html")
    assert head.headers["content-length"] == get.headers["content-length"] == str(len(get.content))


@pytest.mark.e2e
@pytest.mark.slow
def test_warta_serve_refuses_a_rebound_name_and_takes_allow_host(synthetic_db, tmp_path):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "warta.cli", "serve", "--db", str(synthetic_db), "--port", str(port),
                             "--snapshot-dir", str(tmp_path / "s"), "--allow-host", "warta.lan"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(url + "/api/stats", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert proc.poll() is None and time.monotonic() < deadline, "warta serve did not answer"
            time.sleep(0.1)
        assert httpx.head(url + "/").status_code == 200
        assert httpx.get(url + "/api/stats", headers={"host": f"warta.lan:{port}"}).status_code == 200
        refused = httpx.get(url + "/api/stats", headers={"host": f"evil.example:{port}"})
        assert refused.status_code == 400 and "--allow-host" in refused.json()["detail"]
    finally:
        proc.terminate()
        proc.wait(timeout=10)
