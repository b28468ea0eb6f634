"""Coding on Dask workers gives the store a local run gives (real LocalClusters, 2 worker processes)."""
from __future__ import annotations

import subprocess
import sys

import pytest

from tests.archive.stores import dump as _dump
from warta.api import Warta
from warta.synthetic import write_jsonl

pytestmark = pytest.mark.dask  # starts Dask clusters: slow (tests/conftest.py)

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
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        stored = con.execute("SELECT count(*) FROM reports").fetchone()[0]
    assert len(done.stdout.splitlines()) == stored > 60  # each stored report, printed as its batch is stored
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


def _mixed_inputs(folder, corpus):
    """Articles (text and HTML), records, bad inputs and a duplicate: what the workers must read."""
    import gzip
    import shutil
    from pathlib import Path

    folder.mkdir()
    for article in sorted((Path(__file__).resolve().parents[2] / "examples").rglob("*.txt")):
        shutil.copy(article, folder / article.name)
    (folder / "page.html").write_text(
        "<html><head><title>Menlu Iran Kunjungi Moskow</title></head><body><nav>Beranda | Dunia</nav><article>"
        "<h1>Menlu Iran Kunjungi Moskow</h1><p>Selasa 5 Desember 2023</p><p>Menteri Luar Negeri Iran bertemu "
        "Menteri Luar Negeri Rusia di Moskow, Selasa (5/12/2023). Keduanya mengecam sanksi Amerika Serikat "
        "terhadap kedua negara.</p></article></body></html>", encoding="utf-8")
    (folder / "copy-of-page.html").write_bytes((folder / "page.html").read_bytes())  # the same text again
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    lines = gzip.open(corpus, "rt", encoding="utf-8").read().splitlines()[:20] if str(corpus).endswith(".gz") \
        else corpus.read_text(encoding="utf-8").splitlines()[:20]
    (folder / "records.jsonl").write_text("\n".join([*lines, "{not json", '["a list"]']) + "\n", encoding="utf-8")
    return folder


def test_workers_read_every_kind_of_input_as_this_process_would(corpus, tmp_path):
    from distributed import LocalCluster

    folder = _mixed_inputs(tmp_path / "inputs", corpus)
    local_db, remote_db = tmp_path / "local.duckdb", tmp_path / "remote.duckdb"
    local = Warta(local_db).code([folder], keep_records=False, batch_size=10)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        remote = Warta(remote_db).code([folder], keep_records=False, batch_size=10, dask=cluster.scheduler_address)
        assert (remote.read, remote.documents, remote.duplicates, remote.failed) == \
               (local.read, local.documents, local.duplicates, local.failed)
        assert sum(remote.failed.values()) == 3 and sum(remote.duplicates.values()) == 1  # binary, 2 records; copy
        assert _dump(remote_db) == _dump(local_db)
        again = Warta(remote_db).code([folder], keep_records=False, batch_size=10, dask=cluster.scheduler_address)
        assert again.documents == 0 and again.skipped == local.documents  # read there, planned here, none coded
        recoded = Warta(remote_db).recode(everything=True, batch_size=10, dask=cluster.scheduler_address)
    Warta(local_db).recode(everything=True, batch_size=10)
    assert recoded.documents == local.documents
    assert _dump(remote_db) == _dump(local_db)


def test_a_local_cluster_runs_without_the_dashboards_housekeeping():
    import dask

    from warta.distributed import LOCAL_CLUSTER_CONFIG, DaskRunner

    with DaskRunner("local", workers=1) as runner:
        seen = runner.client.run(lambda: {k: dask.config.get(k) for k in LOCAL_CLUSTER_CONFIG})
        ticks = runner.client.run_on_scheduler(lambda dask_scheduler: dask_scheduler.periodic_callbacks["tick"].callback_time)
    assert list(seen.values()) == [LOCAL_CLUSTER_CONFIG] and ticks == 1000
    assert dask.config.get("distributed.worker.profile.enabled") is True  # this process keeps its own settings


def test_a_chunks_keys_travel_as_one_frame_not_one_per_document():
    from distributed.protocol import dumps

    from warta.distributed import keys_on_worker
    from warta.ingest.identity import DocKey
    from warta.model import Document, ReadError

    items = [Document(f"d{i}", f"Teks berita {i}.") for i in range(50)] + [ReadError("x.bin", "not text", "binary")]
    keys = keys_on_worker(items)
    assert [type(k) for k in keys.items] == [DocKey] * 50 + [ReadError]
    assert len(dumps({"data": keys})) <= 3  # a message header and one pickle
    assert len(dumps({"data": list(keys.items)})) > 50  # what a list costs: a frame per item
