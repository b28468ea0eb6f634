"""The actor store: actors, aliases, dated roles and agents in the events' DuckDB file.

Imported dictionaries, actors added by hand and roles learned from text live
side by side, each row saying where it came from. Re-importing a file
replaces what that file gave before and nothing else; learned roles keep
their review status. Bulk writes go through Arrow, so importing the whole
Phoenix set takes a second or two, not minutes.

    with ActorStore.open("warta.duckdb") as actors:
        actors.import_records(load_actors("Phoenix.Countries.actors.txt"))
        extra = actors.knowledge()          # -> ExtraKnowledge for Coder.load
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

import duckdb
import pyarrow as pa

from warta.actors import schema
from warta.actors.names import display
from warta.actors.people import split_code
from warta.actors.records import ActorRecord
from warta.actors.schema import LEARNED, MANUAL, STATUSES
from warta.settings import ActorSettings
from warta.store.duck import connect

ACTOR_ROWS = pa.schema([("id", pa.int64()), ("canonical_name", pa.string()), ("country", pa.string()),
                           ("kind", pa.string()), ("provenance", pa.string()), ("source_line", pa.int32())])
ALIAS_ROWS = pa.schema([("actor_id", pa.int64()), ("alias", pa.string())])
ROLE_ROWS = pa.schema([
    ("id", pa.int64()), ("actor_id", pa.int64()), ("code", pa.string()), ("country", pa.string()),
    ("sector", pa.string()), ("title", pa.string()), ("valid_from", pa.date32()), ("valid_to", pa.date32()),
    ("provenance", pa.string()), ("doc_id", pa.string()), ("sentence_idx", pa.int32()),
    ("confidence", pa.float64()), ("status", pa.string()), ("priority", pa.int32()), ("observations", pa.int32()),
])


class ActorStore:
    """Actor knowledge in a DuckDB connection; tables are created on first use."""

    def __init__(self, con: duckdb.DuckDBPyConnection, settings: ActorSettings | None = None, owns: bool = False):
        self.con = con
        self.settings = settings or ActorSettings.load()
        self._owns = owns

    @classmethod
    def open(cls, path: str | Path = "warta.duckdb", settings: ActorSettings | None = None,
             must_exist: bool = False) -> "ActorStore":
        """Open (or create) the store's actor tables; `must_exist`: a missing file is a StoreError."""
        con = connect(path, wait=False, must_exist=must_exist)
        store = cls(con, settings, owns=True)
        schema.ensure(con)
        return store

    @classmethod
    def on(cls, store_or_con, settings: ActorSettings | None = None) -> "ActorStore":
        """The actor store inside an open `warta.store.Store` (or a bare connection)."""
        store = cls(getattr(store_or_con, "con", store_or_con), settings)
        schema.ensure(store.con)
        return store

    def close(self) -> None:
        if self._owns:
            self.con.close()

    def __enter__(self) -> "ActorStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- importing ------------------------------------------------------------------

    def import_records(self, records: Iterable[ActorRecord], provenance: str | None = None) -> dict[str, int]:
        """Store dictionary records, replacing what the same source gave before."""
        records = [r for r in records if r.kind != "discard"]
        s = self.settings
        actors = {k: [] for k in ACTOR_ROWS.names}
        aliases = {k: [] for k in ALIAS_ROWS.names}
        roles = {k: [] for k in ROLE_ROWS.names}
        sources = sorted({provenance or f"petrarch:{r.source}" for r in records})
        with self._transaction():
            for source in sources:
                self._delete_provenance(source)
            next_actor, next_role = self._next_ids()
            for rec in records:
                person = rec.kind == "person"
                actor_id, next_actor = next_actor, next_actor + 1
                for k, v in (("id", actor_id), ("canonical_name", display(rec.name, person)),
                             ("country", rec.country), ("kind", rec.kind),
                             ("provenance", provenance or f"petrarch:{rec.source}"), ("source_line", rec.line)):
                    actors[k].append(v)
                for alias in dict.fromkeys(display(a, person) for a in rec.aliases):
                    aliases["actor_id"].append(actor_id)
                    aliases["alias"].append(alias)
                for priority, span in enumerate(rec.codes):
                    actor = split_code(span.code)
                    trust = s.trust_imported_dated if span.dated else s.trust_imported_default
                    row = {"id": next_role, "actor_id": actor_id, "code": span.code, "country": actor.country,
                           "sector": actor.sector, "title": None, "valid_from": span.valid_from,
                           "valid_to": span.valid_to, "provenance": provenance or f"petrarch:{rec.source}",
                           "doc_id": None, "sentence_idx": None, "confidence": trust, "status": "accepted",
                           "priority": priority, "observations": 1}
                    next_role += 1
                    for k in ROLE_ROWS.names:
                        roles[k].append(row[k])
            self._insert("actors", pa.table(actors, schema=ACTOR_ROWS))
            self._insert("actor_aliases", pa.table(aliases, schema=ALIAS_ROWS))
            self._insert("actor_roles", pa.table(roles, schema=ROLE_ROWS))
        return {"actors": len(actors["id"]), "aliases": len(aliases["alias"]), "roles": len(roles["id"])}

    def import_agents(self, agents: Iterable[tuple[str, str]], provenance: str) -> int:
        rows = list(dict.fromkeys((noun.lower(), sector) for noun, sector in agents))
        table = pa.table({"noun": [n for n, _ in rows], "sector": [s for _, s in rows],
                          "provenance": [provenance] * len(rows)})
        with self._transaction():
            self.con.execute("DELETE FROM agents WHERE provenance = ?", [provenance])
            self._insert("agents", table)
        return len(rows)

    # -- by hand ----------------------------------------------------------------------

    def add(self, name: str, code: str, valid_from: date | None = None, valid_to: date | None = None,
            aliases: Iterable[str] = (), title: str = "", kind: str = "person",
            provenance: str = MANUAL, confidence: float | None = None, status: str = "accepted",
            doc_id: str | None = None, sentence_idx: int | None = None) -> int:
        """Give an actor (created if new, by name within `provenance`) a code for some days; returns the role id."""
        code = code.strip().upper()
        if valid_from and valid_to and valid_to < valid_from:
            raise ValueError(f"{name}: the role ends ({valid_to}) before it starts ({valid_from})")
        actor = split_code(code)
        with self._transaction():
            actor_id = self._actor_id(name, kind, actor.country, provenance)
            self._add_aliases(actor_id, aliases)
            next_actor, role_id = self._next_ids()
            priority = self.con.execute("SELECT coalesce(max(priority) + 1, 0) FROM actor_roles WHERE actor_id = ?",
                                        [actor_id]).fetchall()[0][0]
            self.con.execute(
                "INSERT INTO actor_roles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                [role_id, actor_id, code, actor.country, actor.sector, title or None, valid_from, valid_to, provenance,
                 doc_id, sentence_idx, self.settings.trust_manual if confidence is None else confidence, status,
                 priority])
        return role_id

    def _actor_id(self, name: str, kind: str, country: str | None, provenance: str) -> int:
        row = self.con.execute("SELECT id FROM actors WHERE lower(canonical_name) = lower(?) AND provenance = ?",
                               [name, provenance]).fetchall()
        if row:
            return row[0][0]
        actor_id, _ = self._next_ids()
        self.con.execute("INSERT INTO actors VALUES (?, ?, ?, ?, ?, NULL)", [actor_id, name, country, kind, provenance])
        return actor_id

    def _add_aliases(self, actor_id: int, aliases: Iterable[str]) -> None:
        have = {r[0] for r in self.con.execute("SELECT lower(alias) FROM actor_aliases WHERE actor_id = ?",
                                               [actor_id]).fetchall()}
        for alias in aliases:
            if alias and alias.lower() not in have:
                self.con.execute("INSERT INTO actor_aliases VALUES (?, ?)", [actor_id, alias])
                have.add(alias.lower())

    # -- reading ------------------------------------------------------------------------

    def find(self, name: str) -> list[int]:
        """Ids of actors called `name` (canonical name or alias, any case)."""
        rows = self.con.execute(
            "SELECT id FROM actors WHERE lower(canonical_name) = lower(?) "
            "UNION SELECT actor_id FROM actor_aliases WHERE lower(alias) = lower(?)", [name, name]).fetchall()
        return sorted(r[0] for r in rows)

    def list(self, kind: str | None = None, provenance: str | None = None, limit: int | None = None) -> list[dict]:
        where, params = [], []
        if kind:
            where.append("a.kind = ?")
            params.append(kind)
        if provenance:
            where.append("a.provenance LIKE ? || '%'")
            params.append(provenance)
        sql = ("SELECT a.id, a.canonical_name AS name, a.kind, a.country, a.provenance, "
               "(SELECT string_agg(DISTINCT r.code, ' ' ORDER BY r.code) FROM actor_roles r "
               " WHERE r.actor_id = a.id AND r.status <> 'rejected') AS codes, "
               "(SELECT count(*) FROM actor_aliases x WHERE x.actor_id = a.id) AS aliases "
               "FROM actors a" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY a.canonical_name, a.id")
        if limit:
            sql += f" LIMIT {int(limit)}"
        return self._dicts(sql, params)

    def show(self, name: str) -> list[dict]:
        """Each actor called `name`, with its aliases and roles."""
        return [self.actor(i) for i in self.find(name)]

    def actor(self, actor_id: int) -> dict:
        rows = self._dicts("SELECT id, canonical_name AS name, kind, country, provenance FROM actors WHERE id = ?",
                           [actor_id])
        if not rows:
            raise KeyError(actor_id)
        out = rows[0]
        out["aliases"] = [r[0] for r in self.con.execute(
            "SELECT alias FROM actor_aliases WHERE actor_id = ? ORDER BY alias", [actor_id]).fetchall()]
        out["roles"] = self._dicts(
            "SELECT id, code, title, valid_from, valid_to, provenance, status, confidence, observations, doc_id, "
            "sentence_idx FROM actor_roles WHERE actor_id = ? ORDER BY priority, valid_from NULLS LAST", [actor_id])
        return out

    def export(self) -> Iterator[dict]:
        """Every actor with aliases and roles: the JSON Lines users keep or share."""
        for (actor_id,) in self.con.execute("SELECT id FROM actors ORDER BY provenance, id").fetchall():
            yield self.actor(actor_id)

    def agents(self) -> list[dict]:
        return self._dicts("SELECT noun, sector, provenance FROM agents ORDER BY noun, provenance")

    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in schema.TABLES[:-1]}

    # -- learned roles under review ------------------------------------------------------

    def learned(self, status: str | None = "pending") -> list[dict]:
        sql = ("SELECT r.id, a.canonical_name AS name, r.code, r.title, r.valid_from, r.valid_to, r.observations, "
               "r.confidence, r.status, r.doc_id, r.sentence_idx FROM actor_roles r JOIN actors a ON a.id = r.actor_id "
               "WHERE r.provenance = ?" + (" AND r.status = ?" if status else "") + " ORDER BY a.canonical_name, "
               "r.valid_from")
        return self._dicts(sql, [LEARNED, status] if status else [LEARNED])

    def review(self, role_id: int, status: str) -> None:
        """Accept or reject a learned role; an accepted one is trusted above imported dictionaries."""
        if status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}")
        rows = self.con.execute("SELECT provenance FROM actor_roles WHERE id = ?", [role_id]).fetchall()
        if not rows:
            raise KeyError(f"no role {role_id}")
        trust = {"accepted": self.settings.trust_learned_accepted}.get(status)
        if trust is not None and rows[0][0] == LEARNED:
            self.con.execute("UPDATE actor_roles SET status = ?, confidence = ? WHERE id = ?", [status, trust, role_id])
        else:
            self.con.execute("UPDATE actor_roles SET status = ? WHERE id = ?", [status, role_id])

    # -- knowledge for the coder -----------------------------------------------------------

    def knowledge(self, as_of_builtin: bool = True):
        """Everything stored, as `ExtraKnowledge` for `Coder.load` (see warta.actors.assemble)."""
        from warta.actors.assemble import knowledge_from_store

        return knowledge_from_store(self.con, self.settings, reconcile_builtin=as_of_builtin)

    # -- plumbing ----------------------------------------------------------------------------

    def _next_ids(self) -> tuple[int, int]:
        a = self.con.execute("SELECT coalesce(max(id), 0) + 1 FROM actors").fetchall()[0][0]
        r = self.con.execute("SELECT coalesce(max(id), 0) + 1 FROM actor_roles").fetchall()[0][0]
        return a, r

    def _delete_provenance(self, provenance: str) -> None:
        ids = "SELECT id FROM actors WHERE provenance = ?"
        self.con.execute(f"DELETE FROM actor_aliases WHERE actor_id IN ({ids})", [provenance])
        self.con.execute(f"DELETE FROM actor_roles WHERE actor_id IN ({ids})", [provenance])
        self.con.execute("DELETE FROM actors WHERE provenance = ?", [provenance])

    def _insert(self, table: str, data: pa.Table) -> None:
        if data.num_rows:
            self.con.register("_actor_rows", data)
            try:
                self.con.execute(f"INSERT INTO {table} SELECT * FROM _actor_rows")
            finally:
                self.con.unregister("_actor_rows")

    def _dicts(self, sql: str, params: list | None = None) -> list[dict]:
        cur = self.con.execute(sql, params or [])
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]

    def _transaction(self):
        return _Transaction(self.con)


class _Transaction:
    """BEGIN ... COMMIT, or ROLLBACK on any error: a failed import leaves the store as it was."""

    def __init__(self, con):
        self.con = con

    def __enter__(self):
        self.con.execute("BEGIN TRANSACTION")
        return self

    def __exit__(self, exc_type, *rest):
        self.con.execute("ROLLBACK" if exc_type else "COMMIT")
        return False
