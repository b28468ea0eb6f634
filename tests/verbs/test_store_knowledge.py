"""Imported verbs reach the coder through the store, like imported actors: the knowledge
stamp changes with them, so `recode` codes again what was coded without them."""
from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from warta.api import Warta
from warta.verbs.store import VerbStore, stored_entries

SMALL = Path(__file__).parent / "data" / "small.verbs.txt"


@pytest.mark.slow
def test_store_verbs_reach_the_coder_and_recode(db, tmp_path):
    article = tmp_path / "aid.txt"
    article.write_text("Norway brought grain to Yemen on Monday.\n", encoding="utf-8")
    before = Warta(db, languages=["en"])
    before.code([article])
    assert not [e for e in Warta(db).events() if e["code"] == "073"]
    stamp = before.knowledge_version

    with VerbStore.open(db) as store:
        store.import_file(SMALL, "en")
    after = Warta(db, languages=["en"])
    assert [e.id for e in after.knowledge.verbs] == [e.id for e in stored_entries(str(db))]
    assert after.knowledge_version != stamp
    pickle.loads(pickle.dumps(after.coder))  # Dask ships the coder to its workers
    after.recode()
    assert [(e["source"], e["target"]) for e in Warta(db).events() if e["code"] == "073"] == [("NORGOV", "YEMGOV")]


def test_a_store_without_verbs_gives_none(db, tmp_path):
    assert stored_entries(str(db)) == ()  # no file: nothing, and no file made
    assert not db.exists()
    Warta(db, languages=["en"]).code_text("Norway brought grain to Yemen.")
    assert stored_entries(str(db)) == ()
