"""Re-running over an archive codes only what is new; duplicates are recognised by content."""
from __future__ import annotations

import csv
import gzip
import json

import pytest

from warta.api import Warta
from warta.store import Store
from warta.synthetic import articles, write_jsonl

pytestmark = pytest.mark.archive  # whole archives, coded again and again: slow (tests/conftest.py)


def _snapshot(db):
    with Store.open(db, read_only=True) as store:
        return {
            "documents": store.con.execute("SELECT id, content_hash FROM documents ORDER BY id").fetchall(),
            "reports": store.con.execute("SELECT id, event_id FROM reports ORDER BY id").fetchall(),
            "events": store.con.execute("SELECT id, report_count, article_count, source_count FROM events "
                                        "ORDER BY id").fetchall(),
            "counts": {t: n for t, n in store.counts().items() if t != "runs"},  # a run is recorded, even one that adds nothing
        }


def _archive(tmp_path):
    """A gzipped JSON Lines dump, a CSV file and a folder of text files."""
    folder = tmp_path / "archive"
    (folder / "txt").mkdir(parents=True)
    write_jsonl(folder / "dump.jsonl.gz", 30, seed=1)
    records = list(articles(10, seed=2))
    with open(folder / "wire.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(records[0]))
        writer.writeheader()
        writer.writerows(records)
    for r in articles(5, seed=3):
        (folder / "txt" / f"{r['id']}.txt").write_text(f"{r['title']}\n\n{r['text']}\n", encoding="utf-8")
    (folder / "txt" / "broken.jsonl").write_text('{"text": "unterminated\n', encoding="utf-8")
    return folder


def test_reingesting_an_archive_adds_nothing(tmp_path, db):
    folder = _archive(tmp_path)
    w = Warta(db)
    first = w.code([folder], keep_records=False)
    assert (first.read, first.documents, first.n_failed) == (45, 45, 1)
    assert first.failed == {"W006": 1}
    before = _snapshot(db)
    assert before["counts"]["reports"] > 45
    again = w.code([folder], keep_records=False)
    assert (again.documents, again.skipped, again.events) == (0, 45, 0)
    assert _snapshot(db) == before
    assert before["counts"]["read_errors"] == 1  # the broken file is reported again, stored once


def test_new_files_beside_old_ones_are_the_only_ones_coded(tmp_path, db):
    folder = _archive(tmp_path)
    w = Warta(db)
    w.code([folder], keep_records=False)
    write_jsonl(folder / "dump-2.jsonl", 7, seed=4)
    report = w.code([folder], keep_records=False)
    assert (report.documents, report.skipped) == (7, 45)
    assert _snapshot(db)["counts"]["documents"] == 52


def test_the_same_article_under_another_id_or_url_is_a_duplicate(tmp_path, db):
    records = list(articles(4, seed=5))
    w = Warta(db)
    w.code([write_jsonl(tmp_path / "a.jsonl", 4, seed=5)], keep_records=False)
    renamed = [dict(r, id=f"copy-{i}") for i, r in enumerate(records[:2])]  # same text, other ids
    refetched = [dict(records[2], id="again", text=records[2]["text"] + " (diperbarui)")]  # same URL, edited text
    with gzip.open(tmp_path / "b.jsonl.gz", "wt", encoding="utf-8") as f:
        for r in renamed + refetched + renamed:  # and repeated inside the file
            f.write(json.dumps(r) + "\n")
    report = w.code([tmp_path / "b.jsonl.gz"], keep_records=False)
    assert report.documents == 0
    assert report.duplicates == {"same text as a stored document": 4, "same URL as a stored document": 1}
    assert "5 skipped as duplicates" in report.summary()
    assert _snapshot(db)["counts"]["documents"] == 4


def test_two_inputs_with_one_id_never_replace_each_other_run_after_run(tmp_path, db):
    one, two = tmp_path / "2024-01" / "index.txt", tmp_path / "2024-02" / "index.txt"
    recs = list(articles(2, seed=6))
    for path, r in zip((one, two), recs):
        path.parent.mkdir()
        path.write_text(f"{r['title']}\n\n{r['text']}\n", encoding="utf-8")
    w = Warta(db)
    first = w.code([tmp_path], keep_records=False)
    second = w.code([tmp_path], keep_records=False)
    assert first.documents == 1 and first.duplicates == {"same id as another input": 1}
    assert second.documents == 0 and second.skipped == 1 and second.duplicates == {"same id as another input": 1}
