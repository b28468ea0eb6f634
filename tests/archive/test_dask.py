"""Coding on Dask workers gives the store a local run gives (real LocalClusters, 2 worker processes)."""
from __future__ import annotations

import subprocess
import sys

import pytest

from tests.archive.test_kill_and_resume import _dump
from warta.api import Warta
from warta.synthetic import write_jsonl

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_jsonl(tmp_path_factory.mktemp("dask") / "corpus.jsonl", 60, seed=21)


@pytest.fixture(scope="module")
def local_store(corpus, tmp_path_factory):
    db = tmp_path_factory.mktemp("local") / "local.duckdb"
    Warta(db).code([corpus], keep_records=False, batch_size=25)
    return db


def test_cli_dask_local_equals_a_local_run(corpus, local_store, tmp_path):
    db = tmp_path / "dask.duckdb"
    done = subprocess.run([sys.executable, "-m", "warta.cli", "code", str(corpus), "--db", str(db), "--dask", "local",
                           "--workers", "2", "--batch-size", "25", "--format", "jsonl", "--quiet"],
                          capture_output=True, text=True, check=True)
    assert "60 documents coded" in done.stderr
    assert len(done.stdout.splitlines()) > 60  # the events, streamed as each batch is stored
    assert _dump(db) == _dump(local_store)


def test_a_running_scheduler_codes_with_one_coder_per_worker(corpus, local_store, tmp_path):
    from distributed import Client, LocalCluster

    from warta.distributed import PLUGIN

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        db = tmp_path / "remote.duckdb"
        report = Warta(db).code([corpus], keep_records=False, batch_size=25, dask=cluster.scheduler_address)
        assert report.documents == 60
        with Client(cluster) as client:
            coders = client.run(lambda dask_worker: id(dask_worker.plugins[PLUGIN].coder))
            again = client.run(lambda dask_worker: id(dask_worker.plugins[PLUGIN].coder))
    assert len(coders) == 2 and coders == again  # loaded once when the plugin was set up, then reused
    assert _dump(db) == _dump(local_store)


def test_a_loaded_coder_travels_by_pickle_and_codes_the_same(tmp_path):
    import pickle

    from warta.coder import Coder
    from warta.read import read_paths

    coder = Coder.load(["id"])
    (doc,) = read_paths([write_jsonl(tmp_path / "one.jsonl", 1, seed=22)])
    copy = pickle.loads(pickle.dumps(coder))
    assert copy.code(doc).records() == coder.code(doc).records() != []
