"""The store: coded documents, their sentences, reports and merged events in one DuckDB file.

Modules, in the order a batch meets them:
  schema  the tables and their columns, once: the DDL, the Arrow rows and the user's record come from it
  rows    a batch of Analyses as Arrow tables (built where the coding ran, on Dask workers too)
  store   `Store`: opening (and migrating) a file, writing a batch in one transaction, reading events
  merge   the rule that makes reports of one happening one event (pure Python)
  merger  that rule applied inside the store's transactions (the SQL side)
  duck    the one way a DuckDB file is opened, and DuckDB's API across its versions

The actor and verb tables in the same file have their own modules (warta.actors.store,
warta.verbs.store); they open it with `warta.store.duck.connect` too.
"""
from warta.store.duck import connect
from warta.store.store import EventFilter, Known, Store, Written

__all__ = ["EventFilter", "Known", "Store", "Written", "connect"]
