"""kill -9 at every batch commit, and once mid-batch, of a 4,000-document run; each resumed run
must end with exactly the store of one uninterrupted run (issue 15).

At 90 documents (test_kill_and_resume.py) no learned person is met again after a
kill; at 4,000 they are, and which person a name is filed under depends on the
names the run met before (a spelling matched to a name filed in an earlier batch).
A resumed run must meet them again as the killed run had, and must not rebuild the
killed run's learned roles before it ends. `benchmarks/kill_resume_4000.py` prints
what differs, kill point by kill point.
"""
from __future__ import annotations

import os
import re
import signal
import subprocess
import time

import pytest

from tests.archive.stores import cli, dump
from warta.store import Store
from warta.synthetic import write_jsonl

pytestmark = pytest.mark.archive  # five killed and resumed runs of 4,000 documents: slow (tests/conftest.py)

DOCS, BATCH, SEED = 4000, 1000, 7
_COMMITTED = re.compile(r" batch (\d+) committed: [\d,]+ documents read, ([\d,]+) coded")


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """The generated archive and the store of one uninterrupted run of it (shared by every kill point)."""
    tmp = tmp_path_factory.mktemp("kill_every_commit")
    corpus = write_jsonl(tmp / "corpus.jsonl.gz", DOCS, seed=SEED)
    reference = tmp / "reference.duckdb"
    subprocess.run(cli("code", str(corpus), "--db", str(reference), "--quiet", *_common()), check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return corpus, dump(reference)


def _common() -> list[str]:
    return ["--batch-size", str(BATCH), "--format", "jsonl"]


def _kill(corpus, db, at: int, wait: float) -> tuple[int, bool]:
    """Run, kill -9 `wait` seconds after the `at`-th commit; (documents the last commit seen stored, killed)."""
    proc = subprocess.Popen(cli("code", str(corpus), "--db", str(db), *_common()), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    coded = 0
    for line in proc.stderr:
        found = _COMMITTED.search(line)
        if found:
            coded = int(found.group(2).replace(",", ""))
            if int(found.group(1)) == at:
                time.sleep(wait)
                os.kill(proc.pid, signal.SIGKILL)
                break
    proc.wait(timeout=300)
    return coded, proc.returncode == -signal.SIGKILL


@pytest.mark.slow
@pytest.mark.parametrize("at, wait", [(1, 0), (2, 0), (3, 0), (4, 0), (2, 1.0)],
                         ids=["commit-1", "commit-2", "commit-3", "last-commit", "mid-batch-3"])
def test_kill_9_at_a_commit_then_resume_equals_an_uninterrupted_run(archive, tmp_path, at, wait):
    corpus, reference = archive
    assert reference["learned"] and reference["sightings"], "the archive should teach some offices"
    db = tmp_path / "killed.duckdb"
    coded, killed = _kill(corpus, db, at, wait)
    assert killed or at == DOCS // BATCH, "the run ended before it could be killed"
    if killed:
        with Store.open(db, read_only=True) as store:
            stored = store.counts()["documents"]
        assert stored == coded  # whole batches only: killed before the next commit (mid-batch with a wait)
    subprocess.run(cli("code", str(corpus), "--db", str(db), "--quiet", *_common()), check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    got = dump(db)
    for part in reference:  # one part at a time: a failure says which
        assert got[part] == reference[part], f"{part} differ after a kill at commit {at} (+{wait} s)"
    with Store.open(db, read_only=True) as store:
        runs = store.con.execute("SELECT count(*), count(finished_at), count(knowledge) FROM runs").fetchone()
        left = store.con.execute("SELECT count(*) FROM actor_run_names").fetchone()[0]
        dirty = store.con.execute("SELECT count(*) FROM actor_dirty").fetchone()[0]
    assert runs == (1, 1, 0) and left == 0 and dirty == 0  # one run, finished, its resume state dropped
