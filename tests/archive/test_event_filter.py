"""`warta events` filters take actor and code prefixes literally."""
from __future__ import annotations

from warta.store import EventFilter, Store


def _store_with(db, rows):
    store = Store.open(db)
    store.con.executemany("INSERT INTO events (id, doc_id, source, target, code, root) VALUES (?, ?, ?, ?, ?, ?)", rows)
    return store


def test_prefixes_match_and_wildcards_are_literal(db):
    with _store_with(db, [("a", "d", "IRNGOV", "RUSGOV", "040", "04"),
                          ("b", "d", "USA", "IRN", "163", "16")]) as store:
        assert [e["id"] for e in store.events(EventFilter(source="IRN"))] == ["a"]
        assert [e["id"] for e in store.events(EventFilter(code="16"))] == ["b"]
        assert store.events(EventFilter(source="%")) == []
        assert store.events(EventFilter(source="I_N")) == []
