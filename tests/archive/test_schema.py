"""The store's tables are made from warta.store.schema, and a batch's Arrow rows fit them."""
from __future__ import annotations

from datetime import date

import duckdb
import pytest

from warta.model import Analysis, Document, Event
from warta.store import Store, schema
from warta.store.rows import records, tables

# how DuckDB names the types the schema writes
_SHOWN = {"TEXT": "VARCHAR", "TEXT[]": "VARCHAR[]"}


def _columns(con, table: str) -> list[tuple]:
    return con.execute("SELECT column_name, data_type, is_nullable FROM information_schema.columns "
                       "WHERE table_name = ? ORDER BY ordinal_position", [table]).fetchall()


def _expected(table: schema.Table) -> list[tuple]:
    return [(c.name, _SHOWN.get(c.type, c.type), "NO" if c.constraint else "YES") for c in table.columns]


def test_a_new_store_has_every_column_of_the_schema_in_order(db):
    with Store.open(db) as store:
        for table in (*schema.BASE_TABLES, schema.REPORTS):
            assert _columns(store.con, table.name) == _expected(table), table.name


def test_a_store_made_before_the_added_columns_gets_them_last(db):
    with duckdb.connect(str(db)) as con:  # the tables as they were before any column was added
        for table in schema.BASE_TABLES:
            con.execute(table.create())
    with Store.open(db) as store:
        got = _columns(store.con, "events")
    assert got == _expected(schema.EVENTS)
    assert [c[0] for c in got][-3:] == ["first_seen", "last_seen", "seq"]


@pytest.mark.parametrize("table, arrow", [(schema.DOCUMENTS, schema.DOC_SCHEMA),
                                          (schema.SENTENCES, schema.SENT_SCHEMA),
                                          (schema.REPORTS, schema.REPORT_SCHEMA)])
def test_a_batch_is_built_in_its_tables_columns_save_those_the_store_fills(table, arrow):
    assert arrow.names == [c.name for c in table.columns if c.batch]
    assert {c.name for c in table.columns} - set(arrow.names) == \
        ({"event_id", "seq"} if table is schema.REPORTS else set())


def test_records_from_the_rows_are_the_records_of_the_events():
    text = "Iran dan Rusia menandatangani perjanjian di Moskow."
    event = Event("a", 0, "IRNGOV", "RUSGOV", "Iran", "Rusia", "057", "Sign formal agreement", 8.0, 1, "AGREE",
                  date(2024, 10, 14), "explicit", "Moskow", text, (0, 39), (15, 29), (0, 4), (9, 14),
                  "lexicon:id:sign:symmetric", "id", "id-1")
    analysis = Analysis(Document("a", text), events=(event,))
    made = records(tables([analysis]).reports)
    assert made == analysis.records() and made[0]["span"] == [0, 39] and made[0]["date"] == "2024-10-14"
    assert list(made[0]) == list(event.as_record())  # the same fields in the same order
