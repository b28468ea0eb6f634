"""kill -9 in the middle of an ingest, then a re-run: exactly the store of an uninterrupted run.

The real CLI runs in a subprocess over a generated archive, one transaction
per batch; it is killed once some batches are committed (its progress lines
say so), mid-way through another one. The actor learner adds knowledge after
every batch; the re-run must still code like the run it finishes.
"""
from __future__ import annotations

import os
import signal
import subprocess

import pytest

from tests.archive.stores import cli, dump
from warta.store import Store
from warta.synthetic import write_jsonl

pytestmark = pytest.mark.archive  # whole archives through the CLI: slow (tests/conftest.py)

BATCH = 10
DOCS = 90


def test_kill_9_mid_ingest_then_rerun_equals_an_uninterrupted_run(tmp_path):
    corpus = write_jsonl(tmp_path / "corpus.jsonl.gz", DOCS, seed=11)
    reference, killed = tmp_path / "reference.duckdb", tmp_path / "killed.duckdb"
    common = ["--batch-size", str(BATCH), "--format", "jsonl"]
    subprocess.run(cli("code", str(corpus), "--db", str(reference), "--quiet", *common), check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    proc = subprocess.Popen(cli("code", str(corpus), "--db", str(killed), *common), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    committed = 0
    for line in proc.stderr:
        if " committed:" in line:
            committed += 1
            if committed == 3:
                os.kill(proc.pid, signal.SIGKILL)  # the fourth batch is being coded
                break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    with Store.open(killed, read_only=True) as store:
        partial = store.counts()["documents"]
        seen, orphans = store.con.execute(
            "SELECT count(*), count(*) FILTER (WHERE doc_id NOT IN (SELECT id FROM documents)) "
            "FROM actor_observations").fetchone()
    assert 3 * BATCH <= partial < DOCS and partial % BATCH == 0  # whole batches only
    assert seen > 0 and orphans == 0  # what the stored batches said of people's offices was stored with them

    rerun = subprocess.run(cli("code", str(corpus), "--db", str(killed), "--quiet", *common), check=True,
                           capture_output=True, text=True)
    assert f"{partial} unchanged and skipped" in rerun.stderr
    assert dump(reference)["learned"], "the corpus should teach some offices"
    assert dump(killed) == dump(reference)  # the re-run coded with the knowledge the killed run started with
    with Store.open(killed, read_only=True) as store:
        runs = store.con.execute("SELECT count(*), count(finished_at), count(knowledge) FROM runs").fetchone()
    assert runs == (1, 1, 0)  # one run, finished by the re-run; its pinned knowledge dropped
