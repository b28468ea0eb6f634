"""Reports into events in a real store: two outlets telling of one meeting give one event.

The articles are written for this test (in Indonesian, in our own words).
"""
from __future__ import annotations

import json

import pytest

from warta.api import Warta
from warta.store import Store

pytestmark = pytest.mark.archive  # articles coded into real stores, run after run: slow (tests/conftest.py)

MEETING_A = {
    "id": "kabar-a-1", "outlet": "kabar-a.example", "url": "https://kabar-a.example/2024/03/05/menlu",
    "published": "2024-03-05T02:00:00Z", "title": "Indonesia dan Malaysia Bahas Batas Laut",
    "text": "KUALA LUMPUR – Menteri Luar Negeri Indonesia bertemu Menteri Luar Negeri Malaysia di Kuala Lumpur, "
            "Selasa (5/3/2024). Keduanya membicarakan penyelesaian batas laut di Selat Malaka.",
}
MEETING_B = {
    "id": "harian-b-7", "outlet": "harian-b.example", "url": "https://harian-b.example/berita/7",
    "published": "2024-03-06T00:10:00Z", "title": "Dua Menlu Serumpun Berunding Soal Perbatasan",
    "text": "Menteri Luar Negeri Malaysia dan Menteri Luar Negeri Indonesia bertemu di Kuala Lumpur pada Selasa "
            "(5/3/2024) untuk membahas batas maritim kedua negara.",
}
MEETING_C = {  # a third outlet, a day later, in a later run
    "id": "suara-c-3", "outlet": "suara-c.example", "url": "https://suara-c.example/3",
    "published": "2024-03-06T05:00:00Z", "title": "Menlu RI Temui Mitranya dari Malaysia",
    "text": "Menteri Luar Negeri Indonesia bertemu Menteri Luar Negeri Malaysia di Kuala Lumpur, Selasa (5/3/2024).",
}
OTHER_MEETING = {  # the same two ministers, three weeks later: another event
    "id": "kabar-a-9", "outlet": "kabar-a.example", "url": "https://kabar-a.example/2024/03/26/menlu",
    "published": "2024-03-26T02:00:00Z", "title": "Menlu Kembali Bertemu",
    "text": "Menteri Luar Negeri Indonesia bertemu Menteri Luar Negeri Malaysia di Jakarta, Selasa (26/3/2024).",
}


def _jsonl(path, *records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def _meeting_events(db):
    with Store.open(db, read_only=True) as store:
        return store.con.execute("""
            SELECT id, day, report_count, article_count, source_count, sources FROM events
            WHERE root = '04' AND match_key = '04|IDNGOV|MYSGOV' ORDER BY day""").fetchall()


def test_two_outlets_reporting_one_meeting_give_one_event_with_two_reports(tmp_path, db):
    Warta(db).code([_jsonl(tmp_path / "day1.jsonl", MEETING_A, MEETING_B)])
    (event,) = _meeting_events(db)
    _id, day, reports, articles, sources, outlets = event
    assert str(day) == "2024-03-05"
    assert articles == 2 and sources == 2 and reports >= 2
    assert outlets == ["harian-b.example", "kabar-a.example"]
    with Store.open(db, read_only=True) as store:
        linked = store.con.execute("SELECT DISTINCT doc_id FROM reports WHERE event_id = ? ORDER BY 1",
                                   [event[0]]).fetchall()
    assert linked == [("harian-b-7",), ("kabar-a-1",)]


def test_new_reports_join_stored_events_and_other_meetings_stay_apart(tmp_path, db):
    w = Warta(db)
    w.code([_jsonl(tmp_path / "day1.jsonl", MEETING_A, MEETING_B)])
    first = _meeting_events(db)
    w.code([_jsonl(tmp_path / "day1.jsonl", MEETING_A, MEETING_B), _jsonl(tmp_path / "day2.jsonl", MEETING_C),
            _jsonl(tmp_path / "later.jsonl", OTHER_MEETING)])
    events = _meeting_events(db)
    assert len(events) == 2
    assert events[0][0] == first[0][0]  # the same event, grown
    assert (events[0][3], events[0][4]) == (3, 3)
    assert events[0][2] > first[0][2]  # its reports, whatever number the third article adds
    assert str(events[1][1]) == "2024-03-26" and events[1][3] == 1


def test_stored_counts_equal_counts_from_the_reports(tmp_path, db):
    w = Warta(db)
    w.code([_jsonl(tmp_path / "a.jsonl", MEETING_A, MEETING_B, MEETING_C, OTHER_MEETING)])
    edited = dict(MEETING_B, text=MEETING_B["text"] + " Pertemuan berlangsung dua jam.")
    w.code([_jsonl(tmp_path / "a.jsonl", MEETING_A, edited, MEETING_C, OTHER_MEETING)])  # edited in place
    with Store.open(db, read_only=True) as store:
        mismatched = store.con.execute("""
            SELECT count(*) FROM events e FULL JOIN event_report_counts c ON c.event_id = e.id
            WHERE c.event_id IS NULL OR e.id IS NULL OR c.report_count != e.report_count
               OR c.article_count != e.article_count OR c.source_count != e.source_count""").fetchone()[0]
        orphans = store.con.execute("SELECT count(*) FROM reports WHERE event_id IS NULL OR event_id NOT IN "
                                    "(SELECT id FROM events)").fetchone()[0]
        text = store.con.execute("SELECT text FROM documents WHERE id = 'harian-b-7'").fetchone()[0]
    assert mismatched == 0 and orphans == 0
    assert text.endswith("dua jam.")
    assert _meeting_events(db)[0][3] == 3
