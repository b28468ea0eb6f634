"""Tables of the actor store, in the same DuckDB file as documents and events.

Kept apart from the tables of warta.store: actor knowledge has its own life
(imported, added by hand, learned from text, reviewed) and its own version.
Every code an actor has is a row of `actor_roles` with the days it holds
(none = the actor's default code), where it came from, and, for roles
learned from text, the sentence that said so and a review status.
"""
from __future__ import annotations

ACTOR_SCHEMA_VERSION = 1

# where a row came from (besides petrarch:<file>) and a learned role's review status
MANUAL = "manual"
LEARNED = "learned"
STATUSES = ("accepted", "pending", "rejected")

DDL = """
CREATE TABLE IF NOT EXISTS actors (
    id BIGINT PRIMARY KEY,
    canonical_name TEXT NOT NULL,
    country TEXT,                -- ISO3 / CAMEO country, or IGO, NGO ... for non-state actors
    kind TEXT NOT NULL,          -- person | country | org | group
    provenance TEXT NOT NULL,    -- petrarch:<file> | manual | learned
    source_line INTEGER          -- where an imported entry starts in its file
);
CREATE TABLE IF NOT EXISTS actor_aliases (
    actor_id BIGINT NOT NULL,
    alias TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS actor_roles (
    id BIGINT PRIMARY KEY,
    actor_id BIGINT NOT NULL,
    code TEXT NOT NULL,          -- full CAMEO actor code: IRNGOV
    country TEXT,
    sector TEXT,
    title TEXT,
    valid_from DATE,             -- inclusive; null = since always
    valid_to DATE,               -- inclusive; null = still
    provenance TEXT NOT NULL,
    doc_id TEXT,                 -- learned roles: the first sentence that stated the role
    sentence_idx INTEGER,
    confidence DOUBLE NOT NULL,
    status TEXT NOT NULL,        -- accepted | pending | rejected
    priority INTEGER NOT NULL,   -- order among an actor's roles (a dictionary's file order)
    observations INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS actor_observations (
    doc_id TEXT NOT NULL,
    sentence_idx INTEGER NOT NULL,
    person TEXT NOT NULL,        -- who that is: the canonical name the sighting was filed under
    name TEXT NOT NULL,          -- the person's name as the text wrote it
    code TEXT NOT NULL,          -- what the text made them on that day (country only: "former")
    title TEXT,                  -- the words of the mention
    day DATE,
    former BOOLEAN NOT NULL,
    rule TEXT,
    confidence DOUBLE NOT NULL,
    lang TEXT
);
CREATE TABLE IF NOT EXISTS actor_dirty (
    person TEXT PRIMARY KEY      -- sightings changed since this person's learned roles were rebuilt
);
CREATE TABLE IF NOT EXISTS actor_run_names (
    run BIGINT NOT NULL,         -- the `warta code` run (runs.id) that filed it, until that run finishes
    seq BIGINT NOT NULL,         -- the order the run met the names in
    name TEXT NOT NULL,          -- a name no person of the store had, as first written
    person TEXT NOT NULL,        -- the person it was filed under
    country TEXT                 -- the country of the office it was first seen with
);
CREATE TABLE IF NOT EXISTS agents (
    noun TEXT NOT NULL,
    sector TEXT NOT NULL,
    provenance TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS actor_meta (key TEXT PRIMARY KEY, value TEXT);
"""

TABLES = ("actors", "actor_aliases", "actor_roles", "actor_observations", "agents", "actor_meta")


def ensure(con) -> None:
    """Create the tables on first use (idempotent)."""
    con.execute(DDL)
    con.execute("INSERT OR REPLACE INTO actor_meta VALUES ('schema_version', ?)", [str(ACTOR_SCHEMA_VERSION)])


def exists(con) -> bool:
    """Whether this file holds an actor store yet (reading never creates one)."""
    rows = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'actor_roles'").fetchall()
    return bool(rows[0][0])
