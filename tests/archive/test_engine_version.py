"""The engine's version is stored with each coded document, so a change to the coding code (not only
to a pack) marks documents for `warta recode`; the same engine over the same input stores nothing twice."""
from __future__ import annotations

import pytest

from warta import pipeline
from warta.api import Warta
from warta.store import Store
from warta.synthetic import write_jsonl

pytestmark = pytest.mark.archive  # codes and recodes a store: the slow tier (tests/conftest.py)


def _stored(db):
    with Store.open(db, read_only=True) as store:
        engines = store.con.execute("SELECT engine_version, count(*) FROM documents GROUP BY 1").fetchall()
        counts = {k: v for k, v in store.counts().items() if k != "runs"}  # each run is a row of its own
    return dict(engines), counts


@pytest.fixture
def coded(tmp_path, db):
    corpus = write_jsonl(tmp_path / "c.jsonl", 4, seed=41)
    w = Warta(db, learn=False)
    assert w.code([corpus], keep_records=False).documents == 4
    return corpus, w


def test_the_engine_is_stored_and_an_unchanged_rerun_codes_nothing(coded, db):
    corpus, w = coded
    engines, counts = _stored(db)
    assert engines == {pipeline.ENGINE_VERSION: 4}
    assert w.code([corpus], keep_records=False).documents == 0
    assert w.recode().documents == 0
    assert _stored(db) == (engines, counts)


def test_a_new_engine_marks_every_document_for_recode(coded, db, monkeypatch):
    corpus, w = coded
    _, counts = _stored(db)
    monkeypatch.setattr(pipeline, "ENGINE_VERSION", "next")
    assert w.recode().documents == 4
    engines, after = _stored(db)
    assert engines == {"next": 4} and after == counts  # replaced, not stored twice
    assert w.recode().documents == 0
    assert w.code([corpus], keep_records=False).documents == 0


def test_a_rerun_of_code_under_a_new_engine_replaces_the_old_copies(coded, db, monkeypatch):
    corpus, w = coded
    _, counts = _stored(db)
    monkeypatch.setattr(pipeline, "ENGINE_VERSION", "next")
    assert w.code([corpus], keep_records=False).documents == 4
    assert _stored(db) == ({"next": 4}, counts)


def test_documents_of_a_store_made_before_the_stamp_are_for_recode(coded, db):
    corpus, w = coded
    with Store.open(db) as store:
        store.con.execute("UPDATE documents SET engine_version = NULL")
    assert w.code([corpus], keep_records=False).documents == 0  # a re-run alone codes nothing again
    assert w.recode().documents == 4
    assert _stored(db)[0] == {pipeline.ENGINE_VERSION: 4}
