"""What a coded batch carries from where it was coded to the writer, and how cheaply."""
from __future__ import annotations

import pickle
from datetime import date
from pathlib import Path

import pytest

from warta.actors.learn import Sighting
from warta.coder import Coder
from warta.ingest.coded import code_batch
from warta.ingest.identity import DocKey
from warta.model import Document
from warta.store.rows import records, tables

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder.load()


def _one_per_key(recs: list[dict]) -> list[dict]:
    seen: set[str] = set()
    return [r for r in recs if not (r["id"] in seen or seen.add(r["id"]))]


@pytest.mark.slow
def test_records_made_from_the_rows_are_the_events_as_users_see_them(coder):
    articles = sorted(EXAMPLES.rglob("*.txt"))
    assert articles
    for path in articles:
        analysis = coder.code(Document(path.name, path.read_text(encoding="utf-8")))
        made = records(tables([analysis]).reports)
        assert made and made == _one_per_key(analysis.records())  # the same event twice in a sentence: one row


def test_a_coded_batch_makes_its_records_only_when_asked(coder):
    batch = code_batch(coder, [Document("a", "Iran dan Rusia menandatangani perjanjian kerja sama di Moskow.",
                                        lang="id")], analyses=False)
    assert "records" not in batch.__dict__  # nothing built, nothing pickled to the writer
    sent = pickle.loads(pickle.dumps(batch))
    assert [r["code"] for r in sent.records] == sent.tables.reports.column("code").to_pylist() != []


def test_keys_and_sightings_pickle_whole():
    key = DocKey("id-1", "content", "archive.jsonl:3", "x.test/a", "text")
    seen = Sighting("d", 2, "Hossein Amirabdollahian", "IRNGOV", "Menlu Iran", date(2023, 12, 1), True,
                    "title_before", 0.8, "id")
    assert pickle.loads(pickle.dumps(key)) == key
    assert pickle.loads(pickle.dumps(seen)) == seen  # a field added later must be added to __reduce__ too


def test_a_batch_frees_each_analysis_it_does_not_keep_once_its_rows_are_taken(coder):
    """An analysis nobody asked for dies young (its rows taken as it is made): a batch's thousand
    analyses kept to the end were walked twice by the garbage collector, 6% of a run."""
    import sys

    docs = [Document(f"d{k}", f"Iran dan Rusia menandatangani perjanjian kerja sama di Moskow, kata Budi {k}.",
                     lang="id") for k in range(3)]
    made: list = []
    original = coder.code

    class Watching:
        engine_version = coder.engine_version

        def code(self, doc):
            if len(made) >= 2:  # (the one just before may still be held by the loops that took its rows)
                refs = sys.getrefcount(made[-2])  # (outside the assert, which would hold one more)
                assert refs == 2  # held by this list alone (and the call): the batch let it go
            made.append(original(doc))
            return made[-1]

    batch = code_batch(Watching(), docs, analyses=False, sightings=True)
    assert batch.analyses is None and batch.tables.documents.num_rows == 3 and batch.sightings is not None
    kept = code_batch(coder, docs, analyses=True)
    assert [a.document.id for a in kept.analyses] == ["d0", "d1", "d2"]
    assert kept.tables.reports.column("id").to_pylist() == batch.tables.reports.column("id").to_pylist() != []
