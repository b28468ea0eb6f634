"""Learning who holds which office from the text Warta has coded.

News introduces people by their office: "Menteri Luar Negeri Iran Hossein
Amirabdollahian", "Ali Asghar Khaji, penasihat senior menlu Iran", "Iranian
President Hassan Rouhani". The engine already ties such names to a country
and sector (mentions with `actor.name` set, rules role+country, country+role,
and memory:person for an appositive). Each one is a sighting: this person
held this office on the day the sentence speaks of. Sightings are kept with
their evidence (document, sentence, words); a person's learned roles are
rebuilt from all their sightings: consecutive sightings of one code make one
role from the first to the last day seen (widened when knowledge is loaded,
see warta.actors.assemble), a different code makes another, and "mantan" /
"former" makes a sighting of the bare country that ends the office. Nothing
is overwritten: evidence that disagrees is kept and settled by date.

New roles start `pending` (used, below imported dictionaries, and listed by
`warta actors learned --review`); roles that agree with what is already known
start `accepted`; a rejected role stays rejected as more sightings come.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Iterable

import pyarrow as pa

from warta.actors import schema
from warta.actors.countries import country_names
from warta.actors.fuzzy import FuzzyNames
from warta.actors.people import People, Person, Role, builtin_people, split_code
from warta.actors.schema import LEARNED
from warta.actors.store import ACTOR_ROWS, ALIAS_ROWS, ROLE_ROWS
from warta.lang import name_words, stop_words
from warta.lang.case import in_capitals, starts_capital
from warta.model import Analysis, Mention
from warta.settings import ActorSettings

_PERSON_RULES = ("memory:person", "knowledge:person")
# a hyphen or a particle that carries a name on (warta/lang/names.toml continuing_particles)
_TRUNCATED = re.compile(r"[-‑]\w|\s+(?:%s)[-\s]\w" % "|".join(map(re.escape, name_words().continuing_particles)))


@dataclass(frozen=True, slots=True)
class Sighting:
    doc_id: str
    sentence_idx: int
    name: str  # as the text wrote it
    code: str  # IRNGOV; the bare country for "former ..."
    title: str  # the mention's words
    day: date
    former: bool
    rule: str
    confidence: float
    lang: str

    def __reduce__(self):  # a plain tuple, as warta.ingest.identity.DocKey: Dask workers send many
        return Sighting, (self.doc_id, self.sentence_idx, self.name, self.code, self.title, self.day, self.former,
                          self.rule, self.confidence, self.lang)


def sightings(analysis: Analysis, settings: ActorSettings | None = None) -> list[Sighting]:
    """What one coded document says about people's offices, one sighting per person and code.

    Two shapes: the office around the name ("Menlu Iran Hossein Amirabdollahian",
    "Iranian President Hassan Rouhani": one mention with `actor.name`), and the
    appositive ("Ali Asghar Khaji, penasihat senior menlu Iran": a person, a
    comma, then a role+country mention). The appositive is read from the mentions
    whether the engine knew the person already or not, so a person once learned
    keeps their evidence when the article is coded again.
    """
    settings = settings or ActorSettings.load()
    doc = analysis.document
    out: dict[tuple[str, str], Sighting] = {}
    for m in analysis.mentions:
        if m.actor is None or not m.actor.country:
            continue
        if m.rule in ("role+country", "country+role") and m.actor.name:
            name, office, rule = " ".join(m.actor.name.split()), m, m.rule
        elif m.kind == "person" and m.rule in _PERSON_RULES:
            office = _appositive_role(analysis, m)
            if office is None:
                continue  # a later bare mention: no office stated here
            name, rule = " ".join(doc.text[m.start:m.end].split()), "appositive"
        else:
            continue
        if not plausible_name(name, doc.lang or "", doc.text, m):
            continue
        day = _day_of(analysis, m)
        if day is None:
            continue
        former = _is_former(analysis, office)
        code = office.actor.country if former or not office.actor.sector else office.actor.code
        confidence = settings.rule_confidence.get(rule, 0.5)
        if len(name.split()) == 1:
            confidence *= settings.single_word_factor
        key = (name.lower(), code)
        if key not in out:
            title = m.text if office is m else doc.text[m.start:office.end]
            out[key] = Sighting(doc.id, m.sentence, name, code, title, day, former, rule, confidence,
                                doc.lang or "")
    return list(out.values())


def _appositive_role(analysis: Analysis, m: Mention) -> Mention | None:
    """The role+country mention right after "Name, " (the office the text gives the name)."""
    text = analysis.document.text
    after = m.end + len(text[m.end:]) - len(text[m.end:].lstrip())
    if not text.startswith(",", after):
        return None
    start = after + 1 + len(text[after + 1:]) - len(text[after + 1:].lstrip())
    former_words = _former_words(analysis.document.lang)
    for o in analysis.mentions:
        if o.sentence != m.sentence or o.rule != "role+country" or o.actor is None or o.actor.name:
            continue
        gap = text[start:o.start].strip().lower()
        if o.start >= start and (not gap or gap in former_words):
            return o
    return None


def plausible_name(name: str, lang: str, text: str = "", mention: Mention | None = None) -> bool:
    """A person's name, not a weekday, a country or a word the title ran into."""
    words = name.split()
    if not words or len(words) > 5:
        return False
    if mention is not None and _TRUNCATED.match(text, mention.end):
        return False  # the name was cut short: "Amir" of "Amir-Abdollahian", "Nouri" of "Nouri al-Maliki"
    skip = _skip_words(lang)
    for w in words:
        bare = w.strip(".,'’")
        if not bare or not starts_capital(bare) or bare.lower() in skip:
            return False
        if in_capitals(bare) and len(bare) > 2:
            return False  # ALL CAPS: an acronym or a shouted word
    return len(words) > 1 or len(words[0]) >= 3


@lru_cache(maxsize=8)
def _skip_words(lang: str) -> frozenset[str]:
    skip = set(stop_words())
    skip.update(n.lower() for n in country_names(lang or "en"))
    try:
        from warta.lang import LanguagePack

        pack = LanguagePack.load(lang)
    except Exception:  # no such pack: the stop words and countries must do
        return frozenset(skip)
    for row in pack.dates:
        skip.update(w.strip().lower() for w in row.get("words", "").split("|"))
    for words in pack.words.values():
        skip.update(words)
    for role in pack.roles:
        skip.update(p for p in role.phrases if " " not in p)
    for actor in pack.actors:
        skip.update(n.lower() for n in actor.names)
    return frozenset(skip)


def _day_of(analysis: Analysis, m: Mention) -> date | None:
    if analysis.dates and m.sentence < len(analysis.dates) and analysis.dates[m.sentence][0]:
        return analysis.dates[m.sentence][0]
    published = analysis.document.published
    return published.date() if isinstance(published, datetime) else None


def _is_former(analysis: Analysis, m: Mention) -> bool:
    """"mantan" / "former" just before the office."""
    sent = analysis.sentences[m.sentence] if m.sentence < len(analysis.sentences) else None
    if sent is None or m.tok_start == 0:
        return False
    return sent.tokens[m.tok_start - 1].lower in _former_words(analysis.document.lang)


@lru_cache(maxsize=8)
def _former_words(lang: str | None) -> frozenset[str]:
    """The pack's "former" words (words.tsv); for a language no installed pack reads, every pack's."""
    from warta.lang import LanguagePack, available_languages

    if lang in available_languages():
        return LanguagePack.load(lang).word_class("former")
    return frozenset().union(*(LanguagePack.load(c).word_class("former") for c in available_languages()))


# -- storing -------------------------------------------------------------------------------

_OBSERVATION_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("sentence_idx", pa.int32()), ("person", pa.string()), ("name", pa.string()),
    ("code", pa.string()), ("title", pa.string()), ("day", pa.date32()), ("former", pa.bool_()),
    ("rule", pa.string()), ("confidence", pa.float64()), ("lang", pa.string())])
_RUN_NAMES_SCHEMA = pa.schema([("run", pa.int64()), ("seq", pa.int64()), ("name", pa.string()),
                               ("person", pa.string()), ("country", pa.string())])


def learn(store, analyses: Iterable[Analysis], settings: ActorSettings | None = None) -> int:
    """Record the sightings in `analyses` in the store (a warta.store.Store or a connection) and
    rebuild the learned roles of everyone they concern; returns the number of sightings kept.

    Re-coding a document replaces its sightings. Runs in one transaction: on any error
    nothing is learned from this batch, and what was stored before is untouched. (`warta
    code` does the same over a run with a `Learner`: filing batch by batch, rebuilding once.)
    """
    settings = settings or ActorSettings.load()
    con = getattr(store, "con", store)
    analyses = list(analyses)
    found = [s for a in analyses for s in sightings(a, settings)]
    learner = Learner(con, settings)
    filed = learner.file([a.document.id for a in analyses], found)
    con.execute("BEGIN TRANSACTION")
    try:
        filed.store(con)
        _rebuild(con, _dirty(con), settings)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return len(found)


@dataclass(frozen=True)
class Filed:
    """A batch's sightings, each filed under a person: stored inside the batch's own transaction,
    so a document's events and what it said of people's offices are kept or lost together."""

    doc_ids: tuple[str, ...]  # documents stored before, whose earlier sightings these replace
    rows: pa.Table
    names: pa.Table | None = None  # names the run met first in this batch (a run's, see Learner.resume)

    def store(self, con) -> None:
        """Store the sightings, replacing those of `doc_ids`; their people's roles need rebuilding (`settle`)."""
        con.register("_filed_ids", pa.table({"v": pa.array(self.doc_ids, pa.string())}))
        con.register("_filed", self.rows)
        try:
            con.execute("INSERT OR IGNORE INTO actor_dirty SELECT DISTINCT person FROM actor_observations "
                        "WHERE doc_id IN (SELECT v FROM _filed_ids)")
            con.execute("DELETE FROM actor_observations WHERE doc_id IN (SELECT v FROM _filed_ids)")
            con.execute("INSERT INTO actor_observations BY NAME SELECT * FROM _filed")
            con.execute("INSERT OR IGNORE INTO actor_dirty SELECT DISTINCT person FROM _filed")
            if self.names is not None and self.names.num_rows:
                con.register("_filed_names", self.names)
                try:
                    con.execute("INSERT INTO actor_run_names BY NAME SELECT * FROM _filed_names")
                finally:
                    con.unregister("_filed_names")
        finally:
            con.unregister("_filed_ids")
            con.unregister("_filed")


class Learner:
    """Learning over a whole run of `warta code`.

    Each batch's sightings are filed under a person (`file`, in memory, before the
    batch's transaction) and stored with the batch (`Filed.store`); the people they
    concern are marked. `settle` rebuilds the learned roles of everyone marked, once,
    when the run ends: a run codes with the knowledge it started with (see
    warta.api), so rebuilding after every batch would only cost time. Marks are
    stored, so what a killed run filed is settled by the one that finishes it.

    Which person a name is depends on the names met earlier in the run (a spelling
    is matched to a name filed in an earlier batch). With `run` (a `warta code`
    run's id), the names the run meets are stored with each batch, in order; a
    killed run is taken up (`resume`, instead of `start`) by replaying them onto
    the store's people as the killed run read them, so the rest of the archive is
    filed exactly as an uninterrupted run files it.
    """

    def __init__(self, con, settings: ActorSettings | None = None, *, run: int | None = None):
        self.con = con
        self.settings = settings or ActorSettings.load()
        self.run = run
        schema.ensure(con)
        self._resolver: _Resolver | None = None
        self._seq = 0

    @property
    def resolver(self) -> _Resolver:
        """Read from the store's people when first needed (after `start` settled what was left)."""
        if self._resolver is None:
            self._resolver = _Resolver(self.con, self.settings)
        return self._resolver

    def start(self) -> int:
        """A new run: settle what earlier runs left (the people are read after), forget their names."""
        settled = self.settle()
        if self.run is not None:
            self.con.execute("DELETE FROM actor_run_names WHERE run NOT IN "
                             "(SELECT id FROM runs WHERE finished_at IS NULL)")
        return settled

    def resume(self) -> int:
        """Take up the killed run `run`: nothing is settled before it finishes (its people read the
        store as the killed run did), and the names it met are met again in the same order;
        returns how many."""
        resolver = self._resolver = _Resolver(self.con, self.settings)
        rows = self.con.execute("SELECT name, person, country FROM actor_run_names WHERE run = ? ORDER BY seq",
                                [self.run]).fetchall()
        for name, person, country in rows:
            resolver.remember(name, person, country)
        self._seq = len(rows)
        return len(rows)

    def finish(self) -> int:
        """The run is over: rebuild the learned roles (`settle`); its names are no longer needed."""
        settled = self.settle()
        if self.run is not None:
            self.con.execute("DELETE FROM actor_run_names WHERE run = ?", [self.run])
        return settled

    def file(self, doc_ids: Iterable[str], found: Iterable[Sighting]) -> Filed:
        """File sightings under people; `doc_ids`: the documents they replace the sightings of."""
        columns: dict[str, list] = {f.name: [] for f in _OBSERVATION_SCHEMA}
        resolver = self.resolver
        resolver.met.clear()
        for s in found:
            person = resolver.canonical(s.name, split_code(s.code).country)
            for name, value in (("doc_id", s.doc_id), ("sentence_idx", s.sentence_idx), ("person", person),
                                ("name", s.name), ("code", s.code), ("title", s.title), ("day", s.day),
                                ("former", s.former), ("rule", s.rule), ("confidence", s.confidence),
                                ("lang", s.lang)):
                columns[name].append(value)
        names = None
        if self.run is not None and resolver.met:
            met, seq = resolver.met, self._seq
            names = pa.table({"run": [self.run] * len(met), "seq": list(range(seq, seq + len(met))),
                              "name": [m[0] for m in met], "person": [m[1] for m in met],
                              "country": [m[2] for m in met]}, schema=_RUN_NAMES_SCHEMA)
            self._seq += len(met)
        resolver.met.clear()
        return Filed(tuple(dict.fromkeys(doc_ids)), pa.table(columns, schema=_OBSERVATION_SCHEMA), names)

    def settle(self) -> int:
        """Rebuild the roles of everyone whose sightings changed (one transaction); returns how many."""
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            persons = _dirty(con)
            _rebuild(con, persons, self.settings)
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        return len(persons)


def _dirty(con) -> list[str]:
    return [r[0] for r in con.execute("SELECT person FROM actor_dirty ORDER BY person").fetchall()]


class _Resolver:
    """Which known person a written name is: built-in, imported, learned, or a spelling of one.

    The names of the store's people are read once; names filed since are added, so a
    spelling seen in a later batch of the same run finds the person of an earlier one.
    """

    def __init__(self, con, settings: ActorSettings):
        self.con = con
        self.settings = settings
        self.builtin: People = builtin_people()
        self._fuzzy: dict[str | None, FuzzyNames] = {}
        self._names: dict[str, str] = {}  # lower-case name or alias -> canonical name
        self.met: list[tuple[str, str, str | None]] = []  # (name, person, country) met first since cleared
        for name, canonical, *_ in con.execute(
                "SELECT canonical_name, canonical_name, 0 AS o, id FROM actors WHERE kind = 'person' "
                "UNION ALL SELECT x.alias, a.canonical_name, 1 AS o, a.id FROM actor_aliases x "
                "JOIN actors a ON a.id = x.actor_id WHERE a.kind = 'person' ORDER BY o, id").fetchall():
            self._names.setdefault(name.lower(), canonical)

    def canonical(self, name: str, country: str | None) -> str:
        person = self.builtin.get(name)
        if person is not None and (person.country == country or country is None):
            return person.name
        known = self._names.get(name.lower())
        if known is None:
            found = self._index(country).match(name)
            known = found[0] if found else name
            self.remember(name, known, country)
            self.met.append((name, known, country))
        return known

    def remember(self, name: str, person: str, country: str | None) -> None:
        """`name` is `person` from now on (a spelling of them in `country`)."""
        self._names[name.lower()] = person
        self._index(country).add(name, person)

    def _index(self, country: str | None) -> FuzzyNames:
        if country not in self._fuzzy:
            names = list(_builtin_names_of(country))
            for canonical, alias in self.con.execute(
                    "SELECT a.canonical_name, coalesce(x.alias, a.canonical_name) FROM actors a "
                    "LEFT JOIN actor_aliases x ON x.actor_id = a.id WHERE a.kind = 'person' AND a.country = ? "
                    "ORDER BY a.id, x.alias",
                    [country]).fetchall():
                names.append((alias, canonical))
                names.append((canonical, canonical))
            self._fuzzy[country] = FuzzyNames(names, self.settings.fuzzy_threshold, self.settings.fuzzy_min_length)
        return self._fuzzy[country]


@lru_cache(maxsize=1)
def _builtin_names() -> dict[str | None, tuple[tuple[str, str], ...]]:
    """(name, person) of the built-in people, by country."""
    out: dict[str | None, list[tuple[str, str]]] = {}
    for name, person in builtin_people().by_name.items():
        out.setdefault(person.country, []).append((name, person.name))
    return {country: tuple(names) for country, names in out.items()}


def _builtin_names_of(country: str | None) -> tuple[tuple[str, str], ...]:
    return _builtin_names().get(country, ())


def _known(con, persons: list[str]) -> dict[str, Person]:
    """What built-in facts and imported dictionaries say of each person (learned roles left out)."""
    roles: dict[str, list[Role]] = {}
    for person, code, vf, vt, prov, conf in con.execute(
            "SELECT lower(a.canonical_name), r.code, r.valid_from, r.valid_to, r.provenance, r.confidence "
            "FROM actor_roles r JOIN actors a ON a.id = r.actor_id "
            "WHERE lower(a.canonical_name) IN (SELECT lower(person) FROM _who) AND a.provenance <> ? "
            "AND r.status = 'accepted' AND r.code <> '---' ORDER BY r.confidence DESC, r.priority",
            [LEARNED]).fetchall():
        roles.setdefault(person, []).append(Role(code, "", vf, vt, prov, conf))
    builtin = builtin_people()
    out = {}
    for person in persons:
        known = builtin.get(person)
        held = (list(known.roles) if known is not None else []) + roles.get(person.lower(), [])
        if held:
            out[person] = Person(person, (), known.country if known else None, tuple(held))
    return out


def _rebuild(con, persons: list[str], settings: ActorSettings) -> None:
    """The learned roles of these people, each from all their sightings; the marks are cleared.

    Set-wise: a few queries for all of them, not a few per person.
    """
    if not persons:
        return
    con.register("_who", pa.table({"person": pa.array(persons, pa.string())}))
    try:
        seen: dict[str, list[tuple]] = {}
        for person, *row in con.execute(
                "SELECT person, code, day, doc_id, sentence_idx, confidence, title, name FROM actor_observations "
                "WHERE person IN (SELECT person FROM _who) AND day IS NOT NULL "
                "ORDER BY person, day, doc_id, sentence_idx").fetchall():
            seen.setdefault(person, []).append(tuple(row))
        actor_ids = dict(con.execute(
            "SELECT canonical_name, min(id) FROM actors WHERE provenance = ? "
            "AND canonical_name IN (SELECT person FROM _who) GROUP BY canonical_name", [LEARNED]).fetchall())
        ids = list(actor_ids.values())
        old: dict[int, list[tuple]] = {}
        for actor_id, *row in con.execute(
                "SELECT actor_id, code, valid_from, valid_to, status, confidence, id FROM actor_roles "
                "WHERE provenance = ? AND actor_id IN (SELECT unnest(?))", [LEARNED, ids]).fetchall():
            old.setdefault(actor_id, []).append(tuple(row))
        known = _known(con, persons)
        con.execute("DELETE FROM actor_roles WHERE provenance = ? AND actor_id IN (SELECT unnest(?))", [LEARNED, ids])
        con.execute("DELETE FROM actor_aliases WHERE actor_id IN (SELECT unnest(?))", [ids])
        gone = [actor_ids[p] for p in persons if p in actor_ids and p not in seen]
        con.execute("DELETE FROM actors WHERE id IN (SELECT unnest(?))", [gone])
        con.execute("DELETE FROM actor_dirty WHERE person IN (SELECT person FROM _who)")
    finally:
        con.unregister("_who")
    next_actor = con.execute("SELECT coalesce(max(id), 0) + 1 FROM actors").fetchall()[0][0]
    next_role = max([con.execute("SELECT coalesce(max(id), 0) + 1 FROM actor_roles").fetchall()[0][0],
                     *(o[5] + 1 for rows in old.values() for o in rows)])
    actors, aliases, roles = [], [], []
    for person in persons:
        if person not in seen:
            continue
        rows = seen[person]
        actor_id = actor_ids.get(person)
        if actor_id is None:
            actor_id, next_actor = next_actor, next_actor + 1
            country = Counter(split_code(code).country for code, *_ in rows).most_common(1)[0][0]
            actors.append((actor_id, person, country, "person", LEARNED, None))
        aliases.extend((actor_id, alias) for alias in sorted({name for *_, name in rows if name != person}))
        earlier = old.get(actor_id, [])
        reused: set[int] = set()
        for priority, run in enumerate(_runs(rows)):
            code, first, last = run[0][0], run[0][1], run[-1][1]
            status, confidence = _status(code, first, last, run, earlier, known.get(person), settings)
            same = [o[5] for o in _overlapping(code, first, last, earlier, settings) if o[5] not in reused]
            if same:  # the id a reviewer saw stays the role's id
                role_id = same[0]
            else:
                role_id, next_role = next_role, next_role + 1
            reused.add(role_id)
            actor = split_code(code)
            roles.append((role_id, actor_id, code, actor.country, actor.sector, run[0][5], first, last, LEARNED,
                          run[0][2], run[0][3], confidence, status, priority, len(run)))
    _insert(con, "actors", ACTOR_ROWS, actors)
    _insert(con, "actor_aliases", ALIAS_ROWS, aliases)
    _insert(con, "actor_roles", ROLE_ROWS, roles)


def _insert(con, table: str, schema_: pa.Schema, rows: list[tuple]) -> None:
    if not rows:
        return
    data = pa.table({f.name: pa.array([r[i] for r in rows], f.type) for i, f in enumerate(schema_)}, schema=schema_)
    con.register("_learned_rows", data)
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _learned_rows")
    finally:
        con.unregister("_learned_rows")


def _overlapping(code, first, last, old, settings: ActorSettings) -> list[tuple]:
    """Earlier learned roles of this code that this run continues (within the margin)."""
    margin = timedelta(days=settings.margin_days)
    return [o for o in old if o[0] == code and not (o[2] < first - margin or o[1] > last + margin)]


def _runs(seen: list[tuple]) -> list[list[tuple]]:
    """Consecutive sightings of the same code, in date order."""
    runs: list[list[tuple]] = []
    for row in seen:
        if runs and runs[-1][-1][0] == row[0]:
            runs[-1].append(row)
        else:
            runs.append([row])
    return runs


def _status(code, first, last, run, old, known: Person | None, settings: ActorSettings) -> tuple[str, float]:
    evidence = min(settings.trust_learned_max, 1 - math.prod(1 - r[4] for r in run))
    for o_code, o_from, o_to, o_status, o_conf, _ in _overlapping(code, first, last, old, settings):
        if o_status == "rejected":
            return "rejected", evidence
        if o_status == "accepted" and o_conf >= settings.trust_learned_accepted:
            return "accepted", o_conf  # a reviewer accepted it: keep their word
    if known is not None and all(known.actor_on(d).code == code for d in (first, last)):
        return "accepted", evidence  # says what is already known
    return "pending", evidence
