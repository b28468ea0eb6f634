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
