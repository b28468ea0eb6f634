"""Re-coding from the store, without the inputs, when packs or actor knowledge change."""
from __future__ import annotations

import subprocess
import sys

import pytest

from warta.actors.people import people_from_rows
from warta.api import Warta
from warta.coder import ExtraKnowledge
from warta.store import Store
from warta.synthetic import write_jsonl

pytestmark = pytest.mark.archive  # archives coded and recoded through the CLI: slow (tests/conftest.py)


def _versions(db):
    with Store.open(db, read_only=True) as store:
        return store.con.execute("SELECT DISTINCT knowledge_version FROM reports").fetchall(), \
            store.con.execute("SELECT count(*) FROM documents WHERE pack_version IS NULL").fetchone()[0]


def test_recode_codes_only_what_older_knowledge_coded(tmp_path, db):
    corpus = write_jsonl(tmp_path / "c.jsonl", 12, seed=31)
    Warta(db).code([corpus], keep_records=False)
    corpus.unlink()  # the inputs are gone: recode needs only the store
    w = Warta(db)
    w.recode()  # whatever the first run's learning changed is coded again once
    assert w.recode().documents == 0  # nothing is out of date any more

    person = people_from_rows([{"name": "Nadia Halim", "aliases": "", "country": "IDN", "code": "IDNGOV",
                                "title": "menteri", "valid_from": "", "valid_to": ""}], "test")
    knowing = Warta(db, extra=ExtraKnowledge(people=person))
    assert knowing.knowledge_version != w.knowledge_version
    report = knowing.recode()
    assert report.documents == 12 and report.read == 12
    (versions,), untouched = _versions(db)
    assert versions == (knowing.knowledge_version,)
    assert untouched == 0


def test_recode_replaces_reports_and_keeps_counts_exact(tmp_path, db):
    Warta(db).code([write_jsonl(tmp_path / "c.jsonl", 10, seed=32)], keep_records=False)
    with Store.open(db, read_only=True) as store:
        before = store.con.execute("SELECT id, code, source, target FROM reports ORDER BY id").fetchall()
    done = subprocess.run([sys.executable, "-m", "warta.cli", "recode", "--db", str(db), "--all", "--quiet"],
                          capture_output=True, text=True, check=True)
    assert "10 documents coded" in done.stderr
    with Store.open(db, read_only=True) as store:
        after = store.con.execute("SELECT id, code, source, target FROM reports ORDER BY id").fetchall()
        bad = store.con.execute("""SELECT count(*) FROM events e JOIN event_report_counts c ON c.event_id = e.id
                                   WHERE c.report_count != e.report_count""").fetchone()[0]
        events = store.counts()["events"]
    assert after == before and bad == 0  # same packs, same knowledge: the same reports again
    with Store.open(db, read_only=True) as store:
        merged = store.con.execute("SELECT * EXCLUDE (first_seen, last_seen) FROM events ORDER BY id").fetchall()
    done = subprocess.run([sys.executable, "-m", "warta.cli", "recode", "--db", str(db), "--recluster"],
                          capture_output=True, text=True, check=True)
    assert f"{len(after)} reports merged into {events} events" in done.stderr
    with Store.open(db, read_only=True) as store:
        remerged = store.con.execute("SELECT * EXCLUDE (first_seen, last_seen) FROM events ORDER BY id").fetchall()
    assert remerged == merged  # merging again from scratch, in the stored order, gives the same events
