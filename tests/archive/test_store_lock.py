"""A writer that finds the store locked for a moment (`warta serve` copying it) waits; a reader does not."""
from __future__ import annotations

import re
import subprocess
import sys
import time

import pytest

import warta.store.duck
from tests.conftest import REPO
from warta.errors import StoreError
from warta.store import Store


def _hold_read_lock(db, seconds: float) -> subprocess.Popen:
    """Another process holding a read-only connection, as the server does while it copies the file."""
    holder = subprocess.Popen([sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(db)!r}, "
                               f"read_only=True); print('held', flush=True); time.sleep({seconds})"],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    return holder


@pytest.mark.slow
def test_a_writer_waits_for_a_read_lock_to_go(db):
    Store.open(db).close()
    holder = _hold_read_lock(db, 1.0)
    start = time.monotonic()
    with Store.open(db) as store:
        assert store.con.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    assert time.monotonic() - start > 0.3  # it did wait
    holder.wait()


def test_a_writer_gives_up_after_the_wait_and_says_why(db, monkeypatch):
    Store.open(db).close()
    monkeypatch.setattr(warta.store.duck, "LOCK_WAIT_S", 0.2)
    holder = _hold_read_lock(db, 3.0)
    try:
        with pytest.raises(StoreError, match="cannot open .*lock"):
            Store.open(db)
    finally:
        holder.kill()


def test_other_open_errors_are_not_retried(tmp_path):
    bad = tmp_path / "not-a-store.duckdb"
    bad.write_bytes(b"this is not a DuckDB file at all" * 100)
    start = time.monotonic()
    with pytest.raises(StoreError, match="cannot open"):
        Store.open(bad)
    assert time.monotonic() - start < warta.store.duck.LOCK_WAIT_S  # only a lock is waited for


def test_an_opener_that_must_not_wait_fails_at_once(db, monkeypatch):
    Store.open(db).close()
    monkeypatch.setattr(warta.store.duck, "LOCK_WAIT_S", 5.0)
    holder = _hold_read_lock(db, 3.0)
    try:
        start = time.monotonic()
        with pytest.raises(StoreError, match="cannot open .*lock") as caught:
            warta.store.duck.connect(db, wait=False)
        assert time.monotonic() - start < 1.0
        assert warta.store.duck.locked(caught.value.__cause__)  # how `warta serve` knows a writer is on it
    finally:
        holder.kill()


def test_duckdb_is_opened_and_versioned_in_one_module_only():
    """One way to open a file (the lock wait, the error) and one place that knows DuckDB's versions."""
    calls = re.compile(r"duckdb\.connect\(|to_arrow_table|fetch_record_batch|to_arrow_reader|\.arrow\(\)")
    found = [str(p.relative_to(REPO)) for p in sorted((REPO / "warta").rglob("*.py"))
             if calls.search(p.read_text(encoding="utf-8"))]
    assert found == ["warta/store/duck.py"]
