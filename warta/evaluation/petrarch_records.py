"""PETRARCH2's unit-test records as a grammar check for Warta.

Each `<Sentence>` record gives a sentence, its date, and the (source, target,
event) triples PETRARCH must code from it, or `noevents="True"`. The actors
are invented (Arnor ARN, Gondor GON) and defined in the validation
dictionaries, so the records test how a coder reads a sentence (compounds,
passives, agents), not what it knows about the world.

The file is XML-like but not well-formed, so records are cut out with
patterns; the Treebank parse inside each is ignored. Records that cannot
be fair to a coder without PETRARCH's own machinery are set aside, each with
its reason (and counted in the report):
  * expected codes that are not CAMEO (901-915, 345, 174K: defined only in
    the suite's verb dictionary), or actor "codes" that are names;
  * `sentence="false"`: features PETRARCH itself never implemented;
  * `error=...`: tests of PETRARCH's input checks (discard lists, parse
    trees, datelines), which Warta does not have.
A record passes when Warta's set of (source, target, code) equals the
expected set (PETRARCH's own criterion). Two looser criteria, in the spirit
of the seeds' country+root level, compare actors on their first three
letters (Warta says ARNGOV where a bare "Arnor" acts in a diplomatic verb;
PETRARCH says ARN): `root` with codes on their first two digits, `actors`
with no code at all (the grammar the records are about, apart from the
suite's verb dictionary, which assigns codes of its own: restoring ties is
064 there). `found` only asks that every expected triple be there.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from warta.coder import Coder
from warta.evaluation.coding import code_sentence

COUNTRY_CHARS = 3  # an actor code starts with its country (or IGO) code
ROOT_DIGITS = 2
UNKNOWN_ACTOR = "---"  # PETRARCH's "no actor found" (also as a prefix: ---GOV)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_RECORD = re.compile(r"<Sentence\b([^>]*)>(.*?)</Sentence>", re.S)
_ATTR = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_CODING = re.compile(r"<EventCoding\b([^>]*)>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_ENVIRONMENT = re.compile(r"<(Actorfile|Agentfile|Verbfile|Discardfile)>\s*([^<]+?)\s*</\1>")
_ACTOR_CODE = re.compile(r"^[A-Z0-9]*$")


def _attrs(raw: str) -> dict[str, str]:
    return {m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3) for m in _ATTR.finditer(raw)}


def normalise_actor(code: str | None) -> str:
    """PETRARCH's and Warta's ways of saying "no actor" made equal: "---" and None are ""; "---GOV" is "GOV"."""
    code = (code or "").strip().upper()
    return code[len(UNKNOWN_ACTOR):] if code.startswith(UNKNOWN_ACTOR) else code


Triple = tuple[str, str, str]  # (source, target, CAMEO code)


@dataclass(frozen=True, slots=True)
class Record:
    id: str
    category: str
    date: str
    text: str
    expected: tuple[Triple, ...]
    noevents: bool
    error: str | None
    implemented: bool  # sentence="false" marks a feature PETRARCH never implemented


def parse_records(text: str) -> list[Record]:
    records = []
    for m in _RECORD.finditer(_COMMENT.sub("", text)):
        head, body = _attrs(m.group(1)), m.group(2)
        codings = [_attrs(c) for c in _CODING.findall(body)]
        sentence = _TEXT.search(body)
        expected = tuple((normalise_actor(c.get("sourcecode")), normalise_actor(c.get("targetcode")),
                          c.get("eventcode", "").strip()) for c in codings if "eventcode" in c)
        records.append(Record(
            id=head.get("id", "").strip(),
            category=head.get("category", "").strip().upper(),
            date=head.get("date", "").strip(),
            text=" ".join(sentence.group(1).split()) if sentence else "",
            expected=expected,
            noevents=any(c.get("noevents", "").lower() == "true" for c in codings),
            error=next((c["error"] for c in codings if c.get("error")), None),
            implemented=head.get("sentence", "true").strip().lower() != "false",
        ))
    return records


def load_records(path: str | Path) -> list[Record]:
    return parse_records(Path(path).read_text(encoding="utf-8", errors="replace"))


def environment_files(path: str | Path) -> dict[str, Path]:
    """The dictionaries the records file names in its <Environment>, resolved beside it: kind -> path."""
    path = Path(path)
    text = path.read_text(encoding="utf-8", errors="replace")
    return {kind.lower().removesuffix("file"): path.parent / name for kind, name in _ENVIRONMENT.findall(text)}


def exclusion(record: Record, is_code: Callable[[str], bool]) -> str | None:
    """Why a record is not scored, or None when it is."""
    if record.error:
        return f"tests PETRARCH's input checks (error={record.error})"
    if not record.implemented:
        return "marked not implemented in PETRARCH itself"
    if not record.noevents and not record.expected:
        return "no expected coding"
    if any(not is_code(code) for _, _, code in record.expected):
        return "expects a test-only event code (not CAMEO)"
    if any(not _ACTOR_CODE.match(a) for s, t, _ in record.expected for a in (s, t)):
        return "expects actor names, not codes"
    return None


@dataclass
class RecordResult:
    record: Record
    got: frozenset[Triple]
    excluded: str | None = None

    @property
    def expected(self) -> frozenset[Triple]:
        return frozenset(self.record.expected)

    @property
    def passed(self) -> bool:
        return self.got == self.expected

    @property
    def passed_root(self) -> bool:
        return _countries(self.got, ROOT_DIGITS) == _countries(self.expected, ROOT_DIGITS)

    @property
    def passed_actors(self) -> bool:
        return _countries(self.got, 0) == _countries(self.expected, 0)

    @property
    def found(self) -> bool:
        return self.expected <= self.got


def _countries(triples: frozenset[Triple], digits: int) -> frozenset[Triple]:
    """Actors cut to their country (first three letters), codes to their first `digits` digits."""
    return frozenset((s[:COUNTRY_CHARS], t[:COUNTRY_CHARS], c[:digits]) for s, t, c in triples)


@dataclass
class PetrarchReport:
    path: str
    results: list[RecordResult]
    dictionaries: list[str] = field(default_factory=list)
    uncoded: bool = False  # no English pack: nothing could be coded

    @property
    def scored(self) -> list[RecordResult]:
        return [r for r in self.results if r.excluded is None]

    def rate(self, test: str, results: Sequence[RecordResult] | None = None) -> float:
        results = self.scored if results is None else results
        return sum(getattr(r, test) for r in results) / len(results) if results else 0.0

    def by_category(self) -> dict[str, dict]:
        out = {}
        for cat in sorted({r.record.category for r in self.results}):
            mine = [r for r in self.results if r.record.category == cat]
            scored = [r for r in mine if r.excluded is None]
            out[cat] = {"records": len(mine), "scored": len(scored),
                        "passed": sum(r.passed for r in scored), "passed_root": sum(r.passed_root for r in scored),
                        "passed_actors": sum(r.passed_actors for r in scored),
                        "found": sum(r.found for r in scored),
                        "pass_rate": round(self.rate("passed", scored), 4) if scored else None,
                        "pass_rate_root": round(self.rate("passed_root", scored), 4) if scored else None,
                        "pass_rate_actors": round(self.rate("passed_actors", scored), 4) if scored else None}
        return out

    def exclusions(self) -> dict[str, int]:
        return dict(Counter(r.excluded for r in self.results if r.excluded).most_common())

    def as_dict(self) -> dict:
        return {
            "path": self.path,
            "dictionaries": self.dictionaries,
            "records": len(self.results),
            "scored": len(self.scored),
            "pass_rate": round(self.rate("passed"), 4),
            "pass_rate_root": round(self.rate("passed_root"), 4),
            "pass_rate_actors": round(self.rate("passed_actors"), 4),
            "found_rate": round(self.rate("found"), 4),
            "excluded": self.exclusions(),
            "by_category": self.by_category(),
            "failures": [{"id": r.record.id, "category": r.record.category, "text": r.record.text,
                          "expected": sorted(map(list, r.expected)), "got": sorted(map(list, r.got))}
                         for r in self.scored if not r.passed],
        }


def evaluate_records(coder: Coder, records: Sequence[Record], is_code: Callable[[str], bool], path: str = "",
                     lang: str = "en", dictionaries: Sequence[str] = ()) -> PetrarchReport:
    """Code each scorable record's sentence (published on the record's date) and compare."""
    results, uncoded = [], False
    for rec in records:
        why = exclusion(rec, is_code)
        if why is not None:
            results.append(RecordResult(rec, frozenset(), why))
            continue
        analysis = code_sentence(coder, rec.id, rec.text, lang, rec.date or None)
        uncoded |= analysis is None
        got = frozenset((normalise_actor(e.source), normalise_actor(e.target), e.code)
                        for e in (analysis.events if analysis else ()))
        results.append(RecordResult(rec, got))
    return PetrarchReport(path, results, list(dictionaries), uncoded)
