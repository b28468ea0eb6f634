"""Read TABARI/PETRARCH actor and agent dictionaries (the Phoenix files and their kin).

Event-data users keep years of work in these files; a coder that reads them
lets them bring it along. The format, as the real files write it:

    VLADIMIR_PUTIN_  # CountryInfo.txt        an entry: `_` joins words
    +PUTIN_                                   an alias of the entry above
    	[RUSELI 700101-990809]                a code for a span of days (YYMMDD or YYYYMMDD)
    	[RUSGOV >20080508]                    from that day on
    	[HOB <950601]                         up to that day
    	[RUSELI]                              the default, when no dated code holds
    HAMAS [PSEREBHMS]                         code on the entry's own line
    ANN_VENEMAN_ [USAGOV 010120-050120] [IGOUNOKID >050501]

Comments are `#` to the end of a line and `<!-- ... -->` (also over several
lines); `---STOP---` ends a file. Two-digit years 00-30 are 20YY, others
19YY, as in TABARI. PETRARCH takes the first dated code that holds, in file
order, else the default; `ActorRecord.code_on` does the same. Lines that
cannot be read are skipped and reported, never fatal: these files were
edited by hand for decades.

Agents (`MINISTER [~GOV]`, `HUMAN_RIGHTS_BODY [NGO~]`) become (noun, sector)
pairs with PETRARCH's plurals (`{PLURAL}` given, `{}` none, else the regular
English plural) and substitution sets (`!MINIST! = MINISTER, MINISTRY`).
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from warta.actors.names import plain
from warta.actors.records import NULL_CODES, ActorRecord, CodeSpan

log = logging.getLogger("warta.actors")

_CODE = re.compile(r"^[A-Z0-9]{2,15}$")
_BRACKETS = re.compile(r"\[([^\]]*)\]?")


@dataclass
class Problems:
    """Lines a loader skipped, with why: shown by `warta actors import`, never raised."""

    items: list[tuple[str, int, str]] = field(default_factory=list)  # (file, line, message)

    def add(self, source: str, line: int, message: str) -> None:
        self.items.append((source, line, message))

    def __len__(self) -> int:
        return len(self.items)


# -- reading lines -----------------------------------------------------------------

def decoded_lines(path: Path) -> list[str]:
    """Lines as text; the real files mix UTF-8 with a few Windows-1252 bytes."""
    out = []
    for raw in Path(path).read_bytes().split(b"\n"):
        try:
            out.append(raw.decode("utf-8").rstrip("\r"))
        except UnicodeDecodeError:
            out.append(raw.decode("cp1252", errors="replace").rstrip("\r"))
    return out


def _content_lines(lines: list[str]):
    """(line number, text without comments, comment) for each line that says something."""
    in_comment = False
    for n, line in enumerate(lines, start=1):
        if in_comment:
            if "-->" in line:
                in_comment = False
                line = line[line.index("-->") + 3:]
            else:
                continue
        if "---STOP---" in line:
            return
        while "<!--" in line:
            before, _, after = line.partition("<!--")
            if "-->" in after:
                line = before + after[after.index("-->") + 3:]
            else:
                line, in_comment = before, True
        if line.lstrip().startswith("<!"):  # "<! -- NEW ACTORS -->": a comment written loosely
            if "-->" not in line:
                in_comment = True
            continue
        text, _, comment = line.partition("#")
        if not text.strip():
            continue
        yield n, text.rstrip(), comment.strip()


# -- dates and codes ------------------------------------------------------------------

def parse_dictionary_date(text: str) -> date:
    """YYYYMMDD, or YYMMDD with 00-30 = 20YY (TABARI's rule). Raises ValueError."""
    digits = text.strip()
    if not digits.isdigit() or len(digits) not in (6, 8):
        raise ValueError(f"not a date: {text!r}")
    if len(digits) == 8:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    yy = int(digits[:2])
    return date(yy + (2000 if yy <= 30 else 1900), int(digits[2:4]), int(digits[4:]))


def parse_code(inside: str) -> CodeSpan:
    """What stands between brackets: `IRNGOV 20130803-20210803`, `HOB < 950601`, `RUSELI`.

    A null code (`---`: "do not code") keeps its dates, so it still wins its days.
    Raises ValueError for what cannot be read.
    """
    inside = inside.strip()
    if not inside:
        raise ValueError("empty code")
    code, _, rest = inside.partition(" ")
    code = code.strip().upper().split("/")[0]  # "ELR/GAL": TABARI's compound; keep the first
    rest = rest.strip()
    if code in NULL_CODES:
        code = "---"
    elif not _CODE.match(code) or code.isdigit():
        raise ValueError(f"not an actor code: {code!r}")
    if not rest:
        return CodeSpan(code)
    if rest[0] in "<>":
        day = parse_dictionary_date(rest[1:])
        return CodeSpan(code, valid_to=day) if rest[0] == "<" else CodeSpan(code, valid_from=day)
    if "-" in rest:
        a, _, b = rest.partition("-")
        start, end = parse_dictionary_date(a), parse_dictionary_date(b)
        if end < start:
            raise ValueError(f"span ends before it starts: {rest!r}")
        return CodeSpan(code, start, end)
    raise ValueError(f"cannot read date restriction {rest!r}")


# -- actors -------------------------------------------------------------------------------

class _Entry:
    __slots__ = ("name", "aliases", "codes", "comment", "line")

    def __init__(self, name: str, comment: str, line: int):
        self.name, self.comment, self.line = name, comment, line
        self.aliases: list[str] = []
        self.codes: list[CodeSpan] = []

    def record(self, source: str) -> ActorRecord:
        aliases = tuple(dict.fromkeys(a for a in self.aliases if a and a != self.name))
        return ActorRecord(self.name, aliases, tuple(self.codes), self.comment, source, self.line)


def load_actors(path: str | Path, problems: Problems | None = None) -> list[ActorRecord]:
    """Every entry of a TABARI/PETRARCH .actors file, in file order."""
    path = Path(path)
    return parse_actors(decoded_lines(path), path.name, problems)


def parse_actors(lines: list[str], source: str = "", problems: Problems | None = None) -> list[ActorRecord]:
    problems = problems if problems is not None else Problems()
    records: list[ActorRecord] = []
    entry: _Entry | None = None

    def add_codes(text: str, n: int) -> None:
        for inside in _BRACKETS.findall(text):
            try:
                span = parse_code(inside)
            except ValueError as exc:
                problems.add(source, n, f"{exc}; code skipped")
                continue
            entry.codes.append(span)

    for n, text, comment in _content_lines(lines):
        indented = text[:1].isspace()
        body = text.strip()
        if body.startswith("[") or (indented and "[" in body and not body.startswith("+")):
            if entry is None:
                problems.add(source, n, "code before any actor; line skipped")
                continue
            add_codes(body, n)
            continue
        if body.startswith("+"):
            if entry is None:
                problems.add(source, n, "alias before any actor; line skipped")
                continue
            alias_text, _, codes = body[1:].partition("[")
            alias = plain(alias_text.split(";")[0])
            if alias:
                entry.aliases.append(alias)
            if codes:
                add_codes("[" + codes, n)
            continue
        if indented and "[" not in body:
            problems.add(source, n, f"unreadable line {body[:40]!r}; skipped")
            continue
        if entry is not None:
            records.append(entry.record(source))
        name_text, bracket, codes = body.partition("[")
        name = plain(name_text.split(";")[0])
        if not name:
            problems.add(source, n, "code with no name; line skipped")
            entry = None
            continue
        entry = _Entry(name, comment, n)
        if bracket:
            add_codes("[" + codes, n)
    if entry is not None:
        records.append(entry.record(source))
    for p in problems.items[-5:]:
        log.debug("%s:%d: %s", *p)
    return records


# -- agents -------------------------------------------------------------------------------

def load_agents(path: str | Path, problems: Problems | None = None) -> list[tuple[str, str]]:
    """(noun, sector) pairs, nouns in lower case with spaces: ("foreign minister", "GOV")."""
    path = Path(path)
    return parse_agents(decoded_lines(path), path.name, problems)


def parse_agents(lines: list[str], source: str = "", problems: Problems | None = None) -> list[tuple[str, str]]:
    problems = problems if problems is not None else Problems()
    sets: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    for n, text, _comment in _content_lines(lines):
        body = text.strip()
        if "!" in body and "=" in body and "[" not in body:  # !PERSON! = MAN, MEN, WOMAN
            m = re.match(r"!([^!]+)!\s*=\s*(.*)$", body)
            if not m:
                problems.add(source, n, "substitution set written wrongly; skipped")
                continue
            sets[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        if "[" not in body:
            problems.add(source, n, "agent with no code; skipped")
            continue
        noun_text, _, code_text = body.partition("[")
        sector = code_text.split("]")[0].replace(" ", "").replace("~", "").upper()
        if not _CODE.match(sector):
            problems.add(source, n, f"agent code {code_text.split(']')[0]!r} unreadable; skipped")
            continue
        plural: str | None = None
        if "{" in noun_text:
            if "}" not in noun_text:
                problems.add(source, n, "missing '}'; skipped")
                continue
            plural = noun_text[noun_text.index("{") + 1: noun_text.index("}")].strip()
            noun_text = noun_text[: noun_text.index("{")]
        for noun in _substitute(noun_text.strip(), sets, problems, source, n):
            forms = [noun]
            if plural is None:
                forms.append(_plural(noun))
            elif plural:
                forms.extend(_substitute(plural, sets, problems, source, n))
            for form in forms:
                key = plain(form).lower()
                if key and key not in out:
                    out[key] = sector
    return list(out.items())


def _substitute(noun: str, sets: dict[str, list[str]], problems: Problems, source: str, n: int) -> list[str]:
    m = re.search(r"!([^!]+)!", noun)
    if not m:
        return [noun]
    if m.group(1) not in sets:
        problems.add(source, n, f"substitution set !{m.group(1)}! not defined; skipped")
        return []
    out = []
    for word in sets[m.group(1)]:
        out.extend(_substitute(noun[: m.start()] + word + noun[m.end():], sets, problems, source, n))
    return out


def _plural(noun: str) -> str:
    """PETRARCH's regular plural of the last word, skipping words already plural."""
    stem = noun.rstrip("_ ")
    last = stem.replace("_", " ").split()[-1] if stem.strip() else ""
    if not last or (last.endswith("S") and not last.endswith("SS")) or last.endswith(("MEN", "PEOPLE")):
        return stem
    if last.endswith("Y") and len(last) > 1 and last[-2] not in "AEIOU":
        return stem[:-1] + "IES"
    if last.endswith(("S", "SH", "CH", "X", "Z")):
        return stem + "ES"
    return stem + "S"
