"""The server reads a private snapshot of the store, never the store itself.

DuckDB lets one process write a database file, and while it does no other
process may open the file at all, not even to read; while any process reads
it, `warta code` cannot open it to write. So the server copies the store to a
file of its own and answers every request from that copy:

- a copy is taken only while no writer has the store open: the server opens
  the store read-only (which keeps writers out for the moment the copy takes),
  copies the file (and its write-ahead log, if a crash left one), and closes it;
- a poller looks at the store's size and modification time every `interval`
  seconds and takes a fresh copy when they changed; while `warta code` is
  writing, the copy cannot be taken, so the server goes on answering from the
  last one and says so (`writer_active`) in /api/stats;
- requests lease the current snapshot; a replaced snapshot is closed and its
  file deleted once the last request reading it has finished.

The cost is disk space: one more copy of the store, in `workdir`.
"""
from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
from collections import OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

import duckdb

from warta.errors import StoreError, no_store
from warta.store.duck import connect, locked

log = logging.getLogger("warta.server")


class StoreBusy(StoreError):
    """No snapshot yet, and a writer holds the store."""


def _signature(path: Path) -> tuple:
    """What changes when the store is written: size and mtime of the file and its log."""
    sig = []
    for p in (path, Path(f"{path}.wal")):
        try:
            st = p.stat()
            sig.append((st.st_size, st.st_mtime_ns))
        except FileNotFoundError:
            sig.append(None)
    return tuple(sig)


@dataclass
class Snapshot:
    path: Path
    con: duckdb.DuckDBPyConnection
    signature: tuple
    taken_at: datetime
    cache_size: int = 0
    users: int = 0
    retired: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)
    cache: OrderedDict = field(default_factory=OrderedDict)

    def memo(self, key, compute):
        """compute(), remembered under `key` for as long as this snapshot serves (it never changes)."""
        with self.lock:
            if key in self.cache:
                self.cache.move_to_end(key)
                return self.cache[key]
        value = compute()
        if self.cache_size:
            with self.lock:
                self.cache[key] = value
                while len(self.cache) > self.cache_size:
                    self.cache.popitem(last=False)
        return value

    def release(self) -> None:
        with self.lock:
            self.users -= 1
            done = self.retired and self.users == 0
        if done:
            self._drop()

    def retire(self) -> None:
        with self.lock:
            self.retired = True
            done = self.users == 0
        if done:
            self._drop()

    def _drop(self) -> None:
        self.con.close()
        for p in (self.path, Path(f"{self.path}.wal")):
            p.unlink(missing_ok=True)


@dataclass(frozen=True)
class Reader:
    """What a request reads through: a cursor on one snapshot, and that snapshot's memo."""

    con: duckdb.DuckDBPyConnection
    snapshot: Snapshot

    def memo(self, key, compute):
        return self.snapshot.memo(key, compute)


class Snapshots:
    """Keeps a fresh read-only copy of the store at `db`. No I/O until `refresh()` or `lease()`.

    Answers worth remembering (aggregates the dashboard asks for on every load) are kept per
    snapshot, at most `cache_size` of them, and go when the snapshot is replaced."""

    def __init__(self, db: str | Path, workdir: str | Path | None = None, interval: float = 1.0,
                 cache_size: int = 256):
        self.db = Path(db)
        self.interval = interval
        self.cache_size = cache_size
        self._workdir = Path(workdir) if workdir else None
        self._own_workdir = workdir is None
        self._current: Snapshot | None = None
        self._serial = 0
        self._refreshing = threading.Lock()  # one copy at a time
        self._swap = threading.Lock()  # guards `_current` and its lease count: held only for moments
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.writer_active = False  # the last attempt found a writer holding the store
        self.checked_at: datetime | None = None

    # -- taking copies ------------------------------------------------------------

    def refresh(self) -> bool:
        """Take a new snapshot if the store changed and no writer holds it; True if one was taken."""
        if not self.db.exists():
            raise no_store(self.db)
        with self._refreshing:
            self.checked_at = datetime.now(timezone.utc)
            if self._current and self._current.signature == _signature(self.db):
                self.writer_active = False
                return False
            try:
                source = connect(self.db, read_only=True)  # keeps writers out while we copy
            except StoreError as exc:
                if not locked(exc.__cause__):
                    raise
                self.writer_active = True
                return False
            try:
                signature = _signature(self.db)
                path = self._next_path()
                shutil.copyfile(self.db, path)
                wal = Path(f"{self.db}.wal")
                if wal.exists():
                    shutil.copyfile(wal, f"{path}.wal")
            finally:
                source.close()
            self.writer_active = False
            con = connect(path, wait=False)  # our own copy: nobody else holds it
            fresh = Snapshot(path, con, signature, datetime.now(timezone.utc), self.cache_size)
            with self._swap:
                old, self._current = self._current, fresh
        if old:
            old.retire()
        log.info("snapshot of %s taken", self.db)
        return True

    def _next_path(self) -> Path:
        if self._workdir is None:
            self._workdir = Path(tempfile.mkdtemp(prefix="warta-serve-"))
        self._workdir.mkdir(parents=True, exist_ok=True)
        self._serial += 1
        return self._workdir / f"snapshot-{os.getpid()}-{self._serial}.duckdb"

    # -- serving ----------------------------------------------------------------------

    @contextmanager
    def lease(self) -> Iterator[Reader]:
        """The current snapshot, valid inside the `with` block."""
        snap = self._acquire()
        cur = snap.con.cursor()
        try:
            yield Reader(cur, snap)
        finally:
            cur.close()
            snap.release()

    def _acquire(self) -> Snapshot:
        if self._current is None:
            self.refresh()
        with self._swap:  # a snapshot handed out here is not dropped until released
            snap = self._current
            if snap is None:
                raise StoreBusy(f"{self.db} is being written by another process and no snapshot exists yet: "
                                "retry in a moment")
            with snap.lock:
                snap.users += 1
        return snap

    def info(self) -> dict:
        snap = self._current
        return {
            "store": str(self.db),
            "taken_at": snap.taken_at.isoformat(timespec="seconds") if snap else None,
            "checked_at": self.checked_at.isoformat(timespec="seconds") if self.checked_at else None,
            "writer_active": self.writer_active,
        }

    # -- the poller ---------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._poll, name="warta-snapshots", daemon=True)
            self._thread.start()

    def _poll(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.refresh()
            except Exception:  # keep serving the last snapshot; say why in the log
                log.exception("could not refresh the snapshot of %s", self.db)

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        with self._refreshing, self._swap:
            old, self._current = self._current, None
        if old:
            old.retire()
        if self._own_workdir and self._workdir is not None:
            shutil.rmtree(self._workdir, ignore_errors=True)
            self._workdir = None
