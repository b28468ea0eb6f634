"""Which events a question is about, as a parameterised SQL WHERE clause.

Actor groups follow the CAMEO code hierarchy: a group is a code prefix, so
`IRN` matches every Iranian actor (IRN, IRNGOV, IRNMIL, ...) and `IRNGOV`
only the Iranian government (and its sub-sectors). Matching is literal
(`starts_with`), so characters such as `%` or `_` in a value match nothing
special, and every value reaches DuckDB as a bound parameter.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date

ACTOR_RE = re.compile(r"^[A-Z0-9]{2,24}$")
COUNTRY_RE = re.compile(r"^[A-Z]{3}$")
SECTOR_RE = re.compile(r"^[A-Z]{3}$")
CODE_RE = re.compile(r"^[0-9]{2,4}$")
ROOT_RE = re.compile(r"^[0-9]{2}$")
LANG_RE = re.compile(r"^[a-z]{2,3}$")
MAX_VALUES = 20  # values per filter: bounds the size of the query


def parse_codes(value: str | None, pattern: re.Pattern = ACTOR_RE, what: str = "actor") -> tuple[str, ...]:
    """'irn, RUS' -> ('IRN', 'RUS'); ValueError names the first bad value."""
    if not value:
        return ()
    items = tuple(dict.fromkeys(v.strip().upper() if what != "language" else v.strip().lower()
                                for v in value.split(",") if v.strip()))
    if len(items) > MAX_VALUES:
        raise ValueError(f"at most {MAX_VALUES} {what} values, got {len(items)}")
    for item in items:
        if not pattern.match(item):
            raise ValueError(f"{item!r} is not a valid {what} code")
    return items


def parse_date(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def actor_clause(column: str, codes: tuple[str, ...], params: list) -> str:
    """`column` belongs to one of the actor groups `codes` (column names come from this module only)."""
    params.extend(codes)
    return "(" + " OR ".join(f"starts_with({column}, ?)" for _ in codes) + ")"


@dataclass(frozen=True)
class EventQuery:
    """Filters on events; every field is optional and they all must hold."""

    actor: tuple[str, ...] = ()  # either side belongs to one of these groups
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    undirected: bool = False  # source/target may also match the other way round
    country: tuple[str, ...] = ()  # either side's country (first three letters of its code)
    sector: tuple[str, ...] = ()  # either side's first sector (letters 4-6: GOV, MIL, ...)
    code: tuple[str, ...] = ()  # CAMEO code prefix: 05 matches 050-057
    root: tuple[str, ...] = ()  # CAMEO root, two digits
    quad_class: tuple[int, ...] = ()
    since: date | None = None
    until: date | None = None
    lang: tuple[str, ...] = ()
    q: str | None = None  # words in the evidence, case-insensitive, literal
    doc: str | None = None
    dated: bool = False  # only events with a date

    def __post_init__(self):
        if self.since and self.until and self.since > self.until:
            raise ValueError(f"since ({self.since}) is after until ({self.until})")
        bad = [q for q in self.quad_class if q not in (1, 2, 3, 4)]
        if bad:
            raise ValueError(f"quad class must be 1-4, got {bad[0]}")

    @classmethod
    def parse(cls, **raw) -> "EventQuery":
        """Build from user strings (CLI options, query parameters); ValueError says what is wrong."""
        known = {f.name for f in fields(cls)}
        unknown = set(raw) - known
        if unknown:
            raise ValueError(f"unknown filter {sorted(unknown)[0]!r}")
        out = {}
        for name, pattern, what in (("actor", ACTOR_RE, "actor"), ("source", ACTOR_RE, "actor"),
                                    ("target", ACTOR_RE, "actor"), ("country", COUNTRY_RE, "country"),
                                    ("sector", SECTOR_RE, "sector"), ("code", CODE_RE, "CAMEO"),
                                    ("root", ROOT_RE, "CAMEO root"), ("lang", LANG_RE, "language")):
            if raw.get(name):
                out[name] = parse_codes(raw[name], pattern, what)
        if raw.get("quad_class"):
            value = raw["quad_class"]
            items = value if isinstance(value, (list, tuple)) else str(value).split(",")
            try:
                out["quad_class"] = tuple(sorted({int(str(v).strip()) for v in items if str(v).strip()}))
            except ValueError:
                raise ValueError(f"quad class must be 1-4, got {value!r}") from None
        for name in ("since", "until"):
            if raw.get(name):
                out[name] = parse_date(raw[name])
        for name in ("undirected", "dated"):
            if raw.get(name):
                out[name] = bool(raw[name])
        for name in ("q", "doc"):
            if raw.get(name):
                out[name] = str(raw[name])
        return cls(**out)

    def where(self, reports: bool = False) -> tuple[str, list]:
        """(' WHERE ...' or '', parameters). `reports`: the store keeps each article's reports in
        `reports`, so an event belongs to every document that reports it, not only its first."""
        clauses: list[str] = []
        params: list = []
        if self.source or self.target:
            clauses.append(self._dyad(params))
        for codes in self.actor, self.country:
            if codes:
                clauses.append(f"({actor_clause('source', codes, params)} OR {actor_clause('target', codes, params)})")
        if self.sector:
            slots = ", ".join("?" for _ in self.sector)
            clauses.append(f"(substr(source, 4, 3) IN ({slots}) OR substr(target, 4, 3) IN ({slots}))")
            params.extend(self.sector * 2)
        if self.code:
            clauses.append(actor_clause("code", self.code, params))
        for column, values in (("root", self.root), ("quad_class", self.quad_class), ("lang", self.lang)):
            if values:
                clauses.append(f"{column} IN ({', '.join('?' for _ in values)})")
                params.extend(values)
        if self.since:
            clauses.append("date >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("date <= ?")
            params.append(self.until)
        if self.dated:
            clauses.append("date IS NOT NULL")
        if self.q:
            clauses.append("contains(lower(evidence), lower(?))")
            params.append(self.q)
        if self.doc:
            clauses.append("id IN (SELECT event_id FROM reports WHERE doc_id = ?)" if reports else "doc_id = ?")
            params.append(self.doc)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def _dyad(self, params: list) -> str:
        def one_way(src: tuple[str, ...], tgt: tuple[str, ...]) -> str:
            parts = []
            if src:
                parts.append(actor_clause("source", src, params))
            if tgt:
                parts.append(actor_clause("target", tgt, params))
            return "(" + " AND ".join(parts) + ")"

        forward = one_way(self.source, self.target)
        if not self.undirected:
            return forward
        return f"({forward} OR {one_way(self.target, self.source)})"
