"""What two stores must share after kill -9 and resume: everything stored but the clock."""
from __future__ import annotations

import sys

from warta.store import Store


def cli(*args: str) -> list[str]:
    """The `warta` command run by this interpreter."""
    return [sys.executable, "-m", "warta.cli", *args]


def dump(db) -> dict:
    """Everything stored but the clock (when rows were written) and the ids of rebuilt learned rows."""
    with Store.open(db, read_only=True) as store:
        con = store.con
        return {
            "documents": con.execute("SELECT * EXCLUDE (coded_at) FROM documents ORDER BY id").fetchall(),
            "sentences": con.execute("SELECT * FROM sentences ORDER BY doc_id, idx").fetchall(),
            "reports": con.execute("SELECT * FROM reports ORDER BY id").fetchall(),
            "events": con.execute("SELECT * EXCLUDE (first_seen, last_seen) FROM events ORDER BY id").fetchall(),
            # what was learned of people's offices (ids aside: they depend on when roles were rebuilt)
            "sightings": con.execute("SELECT * FROM actor_observations ORDER BY ALL").fetchall(),
            "learned": con.execute(
                "SELECT a.canonical_name, r.code, r.valid_from, r.valid_to, r.status, r.confidence, r.doc_id, "
                "r.sentence_idx, r.observations FROM actor_roles r JOIN actors a ON a.id = r.actor_id "
                "WHERE r.provenance = 'learned' ORDER BY ALL").fetchall(),
            "aliases": con.execute(
                "SELECT a.canonical_name, x.alias FROM actor_aliases x JOIN actors a ON a.id = x.actor_id "
                "WHERE a.provenance = 'learned' ORDER BY ALL").fetchall(),
        }
