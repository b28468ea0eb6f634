"""The server reads its own copy of the store, so `warta code` can write the store meanwhile."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import duckdb
import pytest
from fastapi.testclient import TestClient

from warta.errors import StoreError
from warta.server import create_app
from warta.server.snapshot import Snapshots, StoreBusy


def add_document(db, doc_id="d9"):
    with duckdb.connect(str(db)) as con:
        con.execute("INSERT INTO documents (id, content_hash, text) VALUES (?, 'h', 'new text')", [doc_id])


class Writer:
    """Another process holding the store open for writing, as `warta code` does, until stopped."""

    def __init__(self, db):
        code = textwrap.dedent(f"""
            import sys, duckdb
            con = duckdb.connect({str(db)!r})
            con.execute("INSERT INTO documents (id, content_hash, text) VALUES ('w1', 'h', 'written')")
            print("holding", flush=True)
            sys.stdin.read()
            con.close()
        """)
        self.proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     text=True)
        assert self.proc.stdout.readline().strip() == "holding"

    def stop(self):
        self.proc.stdin.close()
        assert self.proc.wait(timeout=30) == 0


def documents(snaps) -> int:
    with snaps.lease() as db:
        return db.con.execute("SELECT count(*) FROM documents").fetchone()[0]


def test_a_changed_store_is_copied_again(synthetic_db, tmp_path):
    snaps = Snapshots(synthetic_db, workdir=tmp_path / "s")
    try:
        assert documents(snaps) == 2
        assert snaps.refresh() is False  # unchanged: no new copy
        add_document(synthetic_db)
        assert documents(snaps) == 2  # still the old copy until refreshed
        assert snaps.refresh() is True
        assert documents(snaps) == 3
        assert len(list((tmp_path / "s").glob("*.duckdb"))) == 1  # the old copy is gone
    finally:
        snaps.close()


def test_serving_goes_on_while_a_writer_holds_the_store(synthetic_db, tmp_path):
    snaps = Snapshots(synthetic_db, workdir=tmp_path / "s")
    try:
        assert documents(snaps) == 2
        writer = Writer(synthetic_db)
        try:
            assert snaps.refresh() is False
            assert snaps.info()["writer_active"] is True
            assert documents(snaps) == 2  # the last snapshot still answers
        finally:
            writer.stop()
        assert snaps.refresh() is True
        assert snaps.info()["writer_active"] is False
        assert documents(snaps) == 3
    finally:
        snaps.close()


def test_no_snapshot_while_a_writer_holds_the_store_is_a_503(synthetic_db, tmp_path):
    writer = Writer(synthetic_db)
    try:
        with TestClient(create_app(synthetic_db, snapshot_dir=tmp_path / "s"), base_url="http://127.0.0.1") as client:
            r = client.get("/api/stats")
            assert r.status_code == 503
            assert r.headers["retry-after"] == "2"
            assert "being written" in r.json()["detail"]
    finally:
        writer.stop()


def test_a_lease_outlives_a_refresh(synthetic_db, tmp_path):
    snaps = Snapshots(synthetic_db, workdir=tmp_path / "s")
    try:
        with snaps.lease() as old:
            add_document(synthetic_db)
            assert snaps.refresh() is True
            assert old.con.execute("SELECT count(*) FROM documents").fetchone()[0] == 2  # still readable
            assert len(list((tmp_path / "s").glob("*.duckdb"))) == 2
        assert len(list((tmp_path / "s").glob("*.duckdb"))) == 1
        assert documents(snaps) == 3
    finally:
        snaps.close()
    assert not list((tmp_path / "s").glob("*.duckdb"))


def test_a_missing_store_is_a_clear_error(tmp_path):
    snaps = Snapshots(tmp_path / "nothing.duckdb")
    with pytest.raises(StoreError, match="run `warta code` first"):
        with snaps.lease():
            pass
    assert issubclass(StoreBusy, StoreError)


def test_answers_are_remembered_per_snapshot(synthetic_db, tmp_path):
    snaps = Snapshots(synthetic_db, workdir=tmp_path / "s", cache_size=2)
    calls = []

    def count(db):
        return db.memo("documents", lambda: calls.append(1) or db.con.execute(
            "SELECT count(*) FROM documents").fetchone()[0])

    try:
        with snaps.lease() as db:
            assert count(db) == count(db) == 2
        assert len(calls) == 1
        add_document(synthetic_db)
        snaps.refresh()
        with snaps.lease() as db:
            assert count(db) == 3  # a new snapshot remembers nothing of the old one
            for key in ("a", "b", "c"):
                db.memo(key, lambda: key)
            assert list(db.snapshot.cache) == ["b", "c"]  # bounded
        assert len(calls) == 2
    finally:
        snaps.close()
