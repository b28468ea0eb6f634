"""The actor store -> `ExtraKnowledge`: what the coder knows on its next run.

Three sources meet here and disagree; disagreements are settled by date,
never by overwriting:

* Roles learned from text are known only around the days they were seen:
  each holds from `margin_days` before its first sighting to `margin_days`
  after its last, but never across a sighting that says otherwise (the
  change is put halfway between the two sightings). A "former minister"
  sighting is such a sighting: the office ended before it.
* Imported dictionaries stop years ago (Phoenix: 2014-2019) and leave
  offices open. An open-ended imported role ends where a built-in fact for
  the same code ends (Rouhani was president until 2021-08-03, whatever the
  dictionary says), or the day before a learned "former" sighting.
* On a day where several roles hold, the most trusted wins (settings.toml
  [actors.trust]): built-in and manual facts, reviewed learned roles, dictionaries,
  learned roles under review, dictionaries' default codes.
"""
from __future__ import annotations

import logging
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from warta.actors.knowledge import ExtraKnowledge, add_person, people_index, person_named, row_names
from warta.actors.names import fold
from warta.actors.people import Person, Role, builtin_people
from warta.actors.records import NULL_CODES
from warta.actors.schema import LEARNED
from warta.lang.case import starts_capital
from warta.settings import ActorSettings

log = logging.getLogger("warta.actors")
_MIN_SURNAME = 4  # a learned person's last name is an alias only when at least this long


def knowledge_from_store(con, settings: ActorSettings, reconcile_builtin: bool = True) -> ExtraKnowledge:
    actors = con.execute("SELECT id, canonical_name, country, kind, provenance FROM actors").fetchall()
    aliases: dict[int, list[str]] = {}
    for actor_id, alias in con.execute("SELECT actor_id, alias FROM actor_aliases ORDER BY actor_id").fetchall():
        aliases.setdefault(actor_id, []).append(alias)
    roles: dict[int, list[tuple]] = {}
    for row in con.execute(
            "SELECT actor_id, code, title, valid_from, valid_to, provenance, confidence, status FROM actor_roles "
            "WHERE status <> 'rejected' ORDER BY actor_id, priority, valid_from NULLS FIRST").fetchall():
        roles.setdefault(row[0], []).append(row[1:])

    people: dict[str, Person] = {}
    rows: dict[str, tuple[str, str, str]] = {}
    learned_names: set[str] = set()
    for actor_id, name, country, kind, provenance in actors:
        mine = roles.get(actor_id, [])
        if kind == "person":
            made = [Role(code, title or "", vf, vt, prov, conf) for code, title, vf, vt, prov, conf, _ in mine
                    if code not in NULL_CODES]
            if provenance == LEARNED:
                if not made:
                    continue  # every learned role rejected: maybe not even a person
                made = widen(made, settings.margin_days)
                learned_names.add(name.lower())
            add_person(people, person_named(name, aliases.get(actor_id, []), country, made))
            continue
        codes = [r[0] for r in mine if r[0] not in NULL_CODES and r[2] is None and r[3] is None] or \
                [r[0] for r in mine if r[0] not in NULL_CODES]
        if codes:
            for n in row_names([name, *aliases.get(actor_id, [])]):
                rows.setdefault(n, (n, codes[0], kind))
    builtin = builtin_people() if reconcile_builtin else None
    settled = [settle(p, _builtin_match(builtin, p)) for p in people.values()]
    index = people_index(settled)
    rows = drop_people_rows(rows, index, builtin)
    _add_surnames(index, learned_names)
    agents = con.execute("SELECT noun, sector FROM agents ORDER BY provenance = 'manual' DESC, noun").fetchall()
    return ExtraKnowledge(people=index, actors=tuple(rows.values()),
                          roles=tuple(dict((n, s) for n, s in reversed(agents)).items()))


def _builtin_match(builtin, person: Person) -> Person | None:
    """The built-in person this one is, by any of its names ("Mohammad Zarif Khonsari" is
    "Mohammad Javad Zarif")."""
    if builtin is None:
        return None
    for name in (person.name, *person.aliases):
        found = builtin.get(name)
        if found is not None:
            return found
    return None


def drop_people_rows(rows: dict, index, builtin=None) -> dict:
    """Gazetteer rows that name a known person go: undated, they would outrank the person's
    dated offices ("BASHAR_AL-ASSAD [SYRGOV]" would make him president for ever)."""
    def is_person(name: str) -> bool:
        return name.lower() in index.by_name or (builtin is not None and builtin.get(name) is not None)

    return {name: row for name, row in rows.items() if not is_person(name)}


def widen(roles: list[Role], margin_days: int) -> list[Role]:
    """Learned roles: from the days seen to the days around them, up to a contrary sighting."""
    learned = sorted((r for r in roles if r.provenance == LEARNED and r.valid_from), key=lambda r: r.valid_from)
    others = [r for r in roles if r not in learned]
    margin = timedelta(days=margin_days)
    out = []
    for i, role in enumerate(learned):
        lo, hi = role.valid_from - margin, (role.valid_to or role.valid_from) + margin
        for other in learned[:i]:
            if other.code != role.code and other.valid_to and other.valid_to < role.valid_from:
                lo = max(lo, _midpoint(other.valid_to, role.valid_from) + timedelta(days=1))
        for other in learned[i + 1:]:
            seen_to = role.valid_to or role.valid_from
            if other.code != role.code and other.valid_from > seen_to:
                hi = min(hi, _midpoint(seen_to, other.valid_from))
        out.append(replace(role, valid_from=lo, valid_to=hi))
    return others + out


def settle(person: Person, builtin: Person | None) -> Person:
    """End open-ended imported roles where better knowledge says the office ended."""
    ends: dict[str, list[date]] = {}
    if builtin is not None:
        for role in builtin.roles:
            if role.valid_to:
                ends.setdefault(role.code, []).append(role.valid_to)
    formers = [r.valid_from for r in person.roles
               if r.provenance == LEARNED and len(r.code) == 3 and r.valid_from]  # "mantan menlu": country only
    roles = []
    for role in person.roles:
        if role.valid_to is None and role.provenance.startswith("petrarch:"):
            start = role.valid_from or date.min
            candidates = [d for d in ends.get(role.code, []) if d >= start]
            candidates += [d - timedelta(days=1) for d in formers if d > start and role.code[:3] == person.country]
            if candidates:
                role = replace(role, valid_to=min(candidates))
        roles.append(role)
    return Person(person.name, person.aliases, person.country, tuple(roles))


def _add_surnames(index, learned_names: set[str]) -> None:
    """"Ali Asghar Khaji" is "Khaji" later on: a learned person's last name, unless taken."""
    if not learned_names:
        return
    persons = {id(p): p for p in index.by_name.values()}.values()
    last_names = Counter(fold(p.name).split()[-1] for p in persons if p.name.split())
    for key in learned_names:
        person = index.by_name.get(key)
        words = person.name.split() if person else []
        if len(words) < 2 or len(words[-1]) < _MIN_SURNAME or not starts_capital(words[-1]):
            continue
        surname = words[-1]
        if surname.lower() in index.by_name or last_names[fold(surname)] > 1:
            continue  # another person's name, or shared by two people: not safe alone
        widened = Person(person.name, person.aliases + (surname,), person.country, person.roles)
        for k in [key, surname.lower(), *(a.lower() for a in person.aliases)]:
            if index.by_name.get(k) is person or k == surname.lower():
                index.by_name[k] = widened


def _midpoint(a: date, b: date) -> date:
    return a + (b - a) / 2


def stored_knowledge(db: str, extra: ExtraKnowledge | None = None) -> ExtraKnowledge | None:
    """What the store at `db` knows about actors, after (and below) `extra` given by the caller.

    Never creates a store and never fails the coder: a missing file, a file with
    no actor tables or one another process holds gives `extra` unchanged.
    """
    from warta.actors import schema
    from warta.errors import StoreError
    from warta.store.duck import connect

    if db == ":memory:" or not Path(db).exists():
        return extra
    try:
        con = connect(db, wait=False)
    except StoreError as exc:
        log.warning("actor knowledge in %s not loaded: %s", db, exc)
        return extra
    try:
        if not schema.exists(con):
            return extra
        stored = knowledge_from_store(con, ActorSettings.load())
    finally:
        con.close()
    return stored if extra is None else merge(extra, stored)


def merge(first: ExtraKnowledge, second: ExtraKnowledge) -> ExtraKnowledge:
    """Both; where they name the same thing, `first` is found first (the gazetteer keeps the first)."""
    return ExtraKnowledge(people=first.people.merged(second.people), actors=first.actors + second.actors,
                          roles=first.roles + second.roles,
                          verbs=getattr(first, "verbs", ()) + getattr(second, "verbs", ()))
