"""The knowledge a run is pinned to is kept in the store as JSON, never a pickle: reading a store
runs no code from it. It comes back equal, imported verbs and dated offices included."""
from __future__ import annotations

import ast
import json
import pickle
from pathlib import Path

import pytest

import warta
from warta.actors.people import people_from_rows
from warta.api import Warta
from warta.coder import ExtraKnowledge
from warta.ingest import pinned
from warta.ingest.versions import knowledge_stamp
from warta.store import Store
from warta.verbs.store import VerbStore

PACKAGE = Path(warta.__file__).parent
SMALL = Path(__file__).parents[1] / "verbs" / "data" / "small.verbs.txt"


def test_no_module_of_warta_pickles():
    found = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            found += [f"{path.relative_to(PACKAGE)}: {n}" for n in names
                      if n.split(".")[0] in ("pickle", "cloudpickle", "dill", "shelve", "marshal")]
    assert found == []


def _knowledge(db) -> ExtraKnowledge:
    with VerbStore.open(db) as store:
        store.import_file(SMALL, "en")
    people = people_from_rows([{"name": "Nadia Halim", "aliases": "Halim", "country": "IDN", "code": "IDNGOV",
                                "title": "menteri", "valid_from": "2021-03-04", "valid_to": ""}], "test")
    w = Warta(db, languages=["en"], extra=ExtraKnowledge(people=people, actors=(("Dewan Kota", "IDNLEG", "org"),),
                                                          roles=(("walikota", "GOV"),)))
    return w.knowledge


def test_knowledge_comes_back_equal(db):
    knowledge = _knowledge(db)
    assert knowledge.verbs and knowledge.people.by_name
    again = pinned.loads(pinned.dumps(knowledge))
    assert again == knowledge and knowledge_stamp(again) == knowledge_stamp(knowledge)
    assert pinned.loads(pinned.dumps(None)) is None  # a fresh store: nothing beyond the built-in
    assert pinned.loads(pinned.dumps(ExtraKnowledge())) == ExtraKnowledge()


def test_a_run_stores_json_and_refuses_a_pickle(db):
    w = Warta(db, languages=["en"], extra=_knowledge(db))
    with Store.open(db) as store:
        run, resumed = w._start_run(store, "code")
        blob = store.unfinished_run("code")[2]
        assert not resumed and json.loads(bytes(blob))["class"] == "ExtraKnowledge"
        assert Warta(db, languages=["en"])._start_run(store, "code") == (run, True)  # a killed run is taken up
        # an older Warta's pickle is never unpickled: a new run starts
        store.con.execute("UPDATE runs SET knowledge = ? WHERE id = ?", [pickle.dumps(w.knowledge), run])
        assert Warta(db, languages=["en"])._start_run(store, "code")[1] is False
    with pytest.raises(ValueError):
        pinned.loads(json.dumps({"class": "Popen", "fields": {"args": "true"}}).encode())
