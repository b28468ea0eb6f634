"""Which stored events a question is about: the one query object of the CLI, the Python API,
the exports, the dyads and the REST API.

    EventQuery.parse(source="IRN,SYR", code="04", since="2023-01-01")   # user strings, checked
    EventQuery(source=("IRN",), since=date(2023, 1, 1))                  # from code

Actor groups follow the CAMEO code hierarchy: a group is a code prefix, so
`IRN` matches every Iranian actor (IRN, IRNGOV, IRNMIL, ...) and `IRNGOV`
only the Iranian government (and its sub-sectors); a comma list (`IRN,SYR`)
matches either. Matching is literal (`starts_with`), so characters such as
`%` or `_` in a value match nothing special, and every value reaches DuckDB
as a bound parameter.

`parse` reads what a user typed (CLI options, query parameters, keyword
arguments of `Warta.events`) and checks every value's form; a value that
makes no sense is a QueryError (W400, also a ValueError) naming the filter
and the value. Built directly, an EventQuery takes the same strings or
tuples and normalises them (comma lists split, actor codes upper-cased, days
read) without checking the codes' form; days and quad classes are checked
either way, since the store cannot compare a day that is no day.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date

from warta.errors import QueryError

ACTOR_RE = re.compile(r"^[A-Z0-9]{2,24}$")
COUNTRY_RE = re.compile(r"^[A-Z]{3}$")
SECTOR_RE = re.compile(r"^[A-Z]{3}$")
CODE_RE = re.compile(r"^[0-9]{2,4}$")
ROOT_RE = re.compile(r"^[0-9]{2}$")
LANG_RE = re.compile(r"^[a-z]{2,3}$")
MAX_VALUES = 20  # values per filter: bounds the size of the query
TABLES = ("events", "reports")
# the comma-list filters: field, the form of one value, what the value is called in messages
CODE_FIELDS = (("actor", ACTOR_RE, "actor"), ("source", ACTOR_RE, "actor"), ("target", ACTOR_RE, "actor"),
               ("country", COUNTRY_RE, "country"), ("sector", SECTOR_RE, "sector"), ("code", CODE_RE, "CAMEO"),
               ("root", ROOT_RE, "CAMEO root"), ("lang", LANG_RE, "language"))


def split_values(value, lower: bool = False) -> tuple[str, ...]:
    """'irn, RUS' (or ['irn', 'RUS'], or a tuple) -> ('IRN', 'RUS'): stripped, one case, each once."""
    if value is None or value == "":
        return ()
    items = [value] if isinstance(value, str) else list(value)
    parts = (p.strip() for item in items for p in str(item).split(","))
    return tuple(dict.fromkeys(p.lower() if lower else p.upper() for p in parts if p))


def parse_codes(value, pattern: re.Pattern = ACTOR_RE, what: str = "actor") -> tuple[str, ...]:
    """'irn, RUS' -> ('IRN', 'RUS'); a QueryError names the first bad value."""
    items = split_values(value, lower=what == "language")
    check_codes(items, pattern, what)
    return items


def check_codes(items: tuple[str, ...], pattern: re.Pattern, what: str) -> None:
    if len(items) > MAX_VALUES:
        raise QueryError(f"at most {MAX_VALUES} {what} values, got {len(items)}")
    for item in items:
        if not pattern.match(item):
            raise QueryError(f"{item!r} is not a valid {what} code")


def parse_date(value: str | date | None, name: str | None = None) -> date | None:
    """'2023-12-05' -> date(2023, 12, 5); a QueryError for a value that is no day."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise QueryError(f"{name + ': ' if name else ''}{value!r} is not a date (YYYY-MM-DD)") from None


def _quad_classes(value) -> tuple[int, ...]:
    if value is None or value == "":
        return ()
    items = value if isinstance(value, (list, tuple, set, frozenset)) else str(value).split(",")
    try:
        return tuple(sorted({int(str(v).strip()) for v in items if str(v).strip()}))
    except ValueError:
        raise QueryError(f"quad class must be 1-4, got {value!r}") from None


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
    doc: str | None = None  # events one of whose reports comes from this document
    dated: bool = False  # only events with a date
    limit: int | None = None  # at most this many rows (the store's and the exports' listings; pages have their own)

    def __post_init__(self):
        for name, _, what in CODE_FIELDS:
            object.__setattr__(self, name, split_values(getattr(self, name), lower=what == "language"))
        object.__setattr__(self, "quad_class", _quad_classes(self.quad_class))
        for name in ("since", "until"):
            object.__setattr__(self, name, parse_date(getattr(self, name), name))
        if self.limit is not None:
            try:
                limit = int(self.limit)
            except (TypeError, ValueError):
                raise QueryError(f"limit must be a whole number, got {self.limit!r}") from None
            if limit < 0:
                raise QueryError(f"limit must not be negative, got {limit}")
            object.__setattr__(self, "limit", limit or None)
        if self.since and self.until and self.since > self.until:
            raise QueryError(f"since ({self.since}) is after until ({self.until})")
        bad = [q for q in self.quad_class if q not in (1, 2, 3, 4)]
        if bad:
            raise QueryError(f"quad class must be 1-4, got {bad[0]}")

    @classmethod
    def parse(cls, **raw) -> "EventQuery":
        """Build from user strings (CLI options, query parameters, `Warta.events(...)`): comma lists
        for the code filters, YYYY-MM-DD days; a QueryError says what is wrong. Empty values are no filter."""
        known = {f.name for f in fields(cls)}
        unknown = set(raw) - known
        if unknown:
            raise QueryError(f"unknown filter {sorted(unknown)[0]!r}; filters are {', '.join(sorted(known))}")
        for name, pattern, what in CODE_FIELDS:
            if raw.get(name):
                raw[name] = parse_codes(raw[name], pattern, what)
        out = {name: value for name, value in raw.items() if value}
        for name in ("undirected", "dated"):
            if name in out:
                out[name] = bool(out[name])
        for name in ("q", "doc"):
            if name in out:
                out[name] = str(out[name])
        return cls(**out)

    def where(self, reports: bool = False, *, table: str = "events") -> tuple[str, list]:
        """(' WHERE ...' or '', parameters) over `table` (events or reports). `reports`: the store
        keeps each article's reports in `reports`, so an event belongs to every document that reports
        it, not only its first."""
        if table not in TABLES:
            raise ValueError(f"table must be one of {', '.join(TABLES)}, got {table!r}")
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
            clauses.append("id IN (SELECT event_id FROM reports WHERE doc_id = ?)"
                           if reports and table == "events" else "doc_id = ?")
            params.append(self.doc)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def limit_sql(self) -> str:
        """' LIMIT n', or '' without a limit."""
        return f" LIMIT {int(self.limit)}" if self.limit else ""

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
