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

from warta.actors import schema
from warta.actors.fuzzy import FuzzyNames
from warta.actors.names import STOP_WORDS
from warta.actors.settings import ActorSettings
from warta.actors.store import LEARNED
from warta.knowledge import People, Person, Role, builtin_people, split_code
from warta.knowledge.countries import country_names
from warta.model import Analysis, Mention

_PERSON_RULES = ("memory:person", "knowledge:person")
_FORMER = frozenset({"mantan", "former", "eks", "ex"})
# particles inside names that are not words of Indonesian or English ("di" is "in")
_NAME_PARTICLES = ("al", "el", "bin", "binti", "ibn", "bint", "abu", "van", "von", "der", "de", "del", "della", "du")
_TRUNCATED = re.compile(r"[-‑]\w|\s+(?:%s)[-\s]\w" % "|".join(_NAME_PARTICLES))


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
        if not bare or not bare[0].isupper() or bare.lower() in skip:
            return False
        if not any(c.islower() for c in bare) and len(bare) > 2:
            return False  # ALL CAPS: an acronym or a shouted word
    return len(words) > 1 or len(words[0]) >= 3


@lru_cache(maxsize=8)
def _skip_words(lang: str) -> frozenset[str]:
    skip = set(STOP_WORDS)
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
    try:
        from warta.lang import LanguagePack

        return LanguagePack.load(lang).word_class("former") or _FORMER
    except Exception:  # no such pack
        return _FORMER


# -- storing -------------------------------------------------------------------------------

def learn(store, analyses: Iterable[Analysis], settings: ActorSettings | None = None) -> int:
    """Record the sightings in `analyses` in the store (a warta.store.Store or a connection) and
    rebuild the learned roles of everyone they concern; returns the number of sightings kept.

    Re-coding a document replaces its sightings. Runs in one transaction: on any error
    nothing is learned from this batch, and what was stored before is untouched.
    """
    settings = settings or ActorSettings.load()
    con = getattr(store, "con", store)
    schema.ensure(con)
    analyses = list(analyses)
    found = [s for a in analyses for s in sightings(a, settings)]
    doc_ids = sorted({a.document.id for a in analyses})
    con.execute("BEGIN TRANSACTION")
    try:
        touched = {r[0] for r in con.execute(
            "SELECT DISTINCT person FROM actor_observations WHERE doc_id IN (SELECT unnest(?))", [doc_ids]).fetchall()}
        con.execute("DELETE FROM actor_observations WHERE doc_id IN (SELECT unnest(?))", [doc_ids])
        resolver = _Resolver(con, settings)
        for s in found:
            person = resolver.canonical(s.name, split_code(s.code).country)
            touched.add(person)
            con.execute("INSERT INTO actor_observations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [s.doc_id, s.sentence_idx, person, s.name, s.code, s.title, s.day, s.former, s.rule,
                         s.confidence, s.lang])
        for person in sorted(touched):
            _rebuild(con, person, settings, resolver)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return len(found)


class _Resolver:
    """Which known person a written name is: built-in, imported, learned, or a spelling of one."""

    def __init__(self, con, settings: ActorSettings):
        self.con = con
        self.settings = settings
        self.builtin: People = builtin_people()
        self._fuzzy: dict[str | None, FuzzyNames] = {}

    def canonical(self, name: str, country: str | None) -> str:
        person = self.builtin.get(name)
        if person is not None and (person.country == country or country is None):
            return person.name
        rows = self.con.execute(
            "SELECT a.canonical_name FROM actors a WHERE a.kind = 'person' AND lower(a.canonical_name) = lower(?) "
            "UNION ALL SELECT a.canonical_name FROM actor_aliases x JOIN actors a ON a.id = x.actor_id "
            "WHERE a.kind = 'person' AND lower(x.alias) = lower(?)", [name, name]).fetchall()
        if rows:
            return rows[0][0]
        found = self._index(country).match(name)
        return found[0] if found else name

    def _index(self, country: str | None) -> FuzzyNames:
        if country not in self._fuzzy:
            names = [(n, p.name) for n, p in self.builtin.by_name.items() if p.country == country]
            for canonical, alias in self.con.execute(
                    "SELECT a.canonical_name, coalesce(x.alias, a.canonical_name) FROM actors a "
                    "LEFT JOIN actor_aliases x ON x.actor_id = a.id WHERE a.kind = 'person' AND a.country = ?",
                    [country]).fetchall():
                names.append((alias, canonical))
                names.append((canonical, canonical))
            self._fuzzy[country] = FuzzyNames(names, self.settings.fuzzy_threshold, self.settings.fuzzy_min_length)
        return self._fuzzy[country]

    def known(self, person: str) -> Person | None:
        """What built-in facts and imported dictionaries say of `person` (learned roles left out)."""
        roles = [Role(code, "", vf, vt, prov, conf) for code, vf, vt, prov, conf in self.con.execute(
            "SELECT r.code, r.valid_from, r.valid_to, r.provenance, r.confidence FROM actor_roles r "
            "JOIN actors a ON a.id = r.actor_id WHERE lower(a.canonical_name) = lower(?) AND a.provenance <> ? "
            "AND r.status = 'accepted' AND r.code <> '---' ORDER BY r.confidence DESC, r.priority",
            [person, LEARNED]).fetchall()]
        builtin = self.builtin.get(person)
        if builtin is not None:
            roles = list(builtin.roles) + roles
        if not roles:
            return None
        return Person(person, (), builtin.country if builtin else None, tuple(roles))


def _rebuild(con, person: str, settings: ActorSettings, resolver: _Resolver) -> None:
    """The learned roles of one person, from all their sightings."""
    seen = con.execute(
        "SELECT code, day, doc_id, sentence_idx, confidence, title, name FROM actor_observations "
        "WHERE person = ? AND day IS NOT NULL ORDER BY day, doc_id, sentence_idx", [person]).fetchall()
    rows = con.execute("SELECT id FROM actors WHERE provenance = ? AND canonical_name = ?",
                       [LEARNED, person]).fetchall()
    actor_id = rows[0][0] if rows else None
    old = []
    if actor_id is not None:
        old = con.execute("SELECT code, valid_from, valid_to, status, confidence, id FROM actor_roles "
                          "WHERE actor_id = ? AND provenance = ?", [actor_id, LEARNED]).fetchall()
        con.execute("DELETE FROM actor_roles WHERE actor_id = ? AND provenance = ?", [actor_id, LEARNED])
        con.execute("DELETE FROM actor_aliases WHERE actor_id = ?", [actor_id])
    if not seen:
        if actor_id is not None:
            con.execute("DELETE FROM actors WHERE id = ?", [actor_id])
        return
    country = Counter(split_code(code).country for code, *_ in seen).most_common(1)[0][0]
    if actor_id is None:
        actor_id = con.execute("SELECT coalesce(max(id), 0) + 1 FROM actors").fetchall()[0][0]
        con.execute("INSERT INTO actors VALUES (?, ?, ?, 'person', ?, NULL)", [actor_id, person, country, LEARNED])
    for alias in sorted({name for *_, name in seen if name != person}):
        con.execute("INSERT INTO actor_aliases VALUES (?, ?)", [actor_id, alias])
    known = resolver.known(person)
    next_id = max([con.execute("SELECT coalesce(max(id), 0) + 1 FROM actor_roles").fetchall()[0][0],
                   *(o[5] + 1 for o in old)])
    reused: set[int] = set()
    for priority, run in enumerate(_runs(seen)):
        code, first, last = run[0][0], run[0][1], run[-1][1]
        status, confidence = _status(code, first, last, run, old, known, settings)
        same = [o[5] for o in _overlapping(code, first, last, old, settings) if o[5] not in reused]
        role_id = same[0] if same else next_id  # the id a reviewer saw stays the role's id
        reused.add(role_id)
        next_id = max(next_id, role_id + 1)
        actor = split_code(code)
        con.execute("INSERT INTO actor_roles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [role_id, actor_id, code, actor.country, actor.sector, run[0][5], first, last, LEARNED,
                     run[0][2], run[0][3], confidence, status, priority, len(run)])


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
