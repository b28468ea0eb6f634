"""Read TABARI/PETRARCH verb dictionaries (CAMEO.2.0.txt and the files users keep beside it).

The format, as the real files write it:

    &CURRENCY                        a word class (synset): `+` lines are its members
    +DOLLAR
    +CASH_                           `_` at the end: this form only (no inflections)
    +KRONE_                          a member may be several words (`NUCLEAR_BOMB`, `AUSTRIAN FLORIN`)
                                     or another class (`+&TIETYPES`)

    ---  ASK   [---]  ---            a verb block: a name and the code its verbs give alone ([---]: none)
    ASK     [020]                    a verb of the block, with a code of its own
    QUERY {QUERYING QUERIES QUERIED} irregular forms spelled out (`{}`: no other forms at all)
    +ASK_FOR {+ASKED_FOR}            several words: `+` marks the verb among them
    - * AID             [023]        a pattern: `*` is the verb; words after it stand after the verb,
    - PROSECUTOR * &DETENTION [173]    words before it before the verb (the subject side)
    - * (FOR HELP) (IN &SECURITY)    prepositional phrases in `(...)`; `{A B}` words in a row;
    - * (BY/WITH PROTESTS)             `A_B` words in a row; `/` alternatives; `&NAME` a word class
    - * CRITICISM       [:111]       TABARI's paired codes: [x:y] is x done by the subject and y by
    - * (WITH LEADERS)  [036:036]      the other side: [:y] swaps the sides, [x:x] both sides act

Comments are `#` at the start of a line or after a space, and `<!-- ... -->`
(also over several lines). `$`, `+`, `%` and `^` in patterns are TABARI's
places for the source, the target, a compound actor and a skipped phrase:
they hold no word, and a `+` before the verb or a `$` after it says the
sides are the other way round.

Nothing here knows a language: words are taken as the file spells them (in
lower case); a word without `_` at its end matches its inflected forms
through the language pack's morphology when it is coded (a plain word is a
root, `=word` is this form only, as in a pack's verbs.tsv), and the forms the
file spells out in `{...}` are taken as written. Lines that cannot be read are
skipped and reported, never fatal.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from warta.actors.petrarch import decoded_lines  # the real files mix UTF-8 with Windows-1252 bytes

GAP = "..."  # words may stand between two elements (a space in the file)
NULL_CODES = frozenset({"---", ""})
_MARKERS = frozenset("$+%^")
_CODE = re.compile(r"\[([^\]]*)\]\s*$")


@dataclass
class Problems:
    """Lines the reader skipped, with why (file, line, message)."""

    items: list[tuple[str, int, str]] = field(default_factory=list)

    def add(self, source: str, line: int, message: str) -> None:
        self.items.append((source, line, message))

    def __len__(self) -> int:
        return len(self.items)


@dataclass(frozen=True)
class VerbRule:
    """One line of a verb block that codes something: a verb alone, or a pattern.

    `verb` is the verb's alternatives (the verbs of the block, for a pattern);
    `before` and `after` are the words that must stand before and after the
    verb in its clause, as elements (tuples of alternatives) and GAP markers,
    in a pack's verbs.tsv syntax (plain = root, `=` = as written, `_` = words
    in a row). `code` is the file's code as written ("042:043", ":111", "---").
    """

    line: int
    block: str
    kind: str  # verb | pattern
    verb: tuple[str, ...]
    before: tuple[tuple[str, ...], ...]
    after: tuple[tuple[str, ...], ...]
    code: str
    swapped: bool  # TABARI's `+` before the verb or `$` after it: the sides are the other way round
    text: str  # the line as written, without its comment
    preps: tuple[str, ...] = ()  # the words that open its (...) phrases: prepositions, by the file's own syntax


@dataclass
class VerbFile:
    path: Path
    sha256: str
    rules: list[VerbRule]
    synsets: dict[str, tuple[str, ...]]
    problems: Problems


# -- lines -----------------------------------------------------------------------------

def _content(lines: list[str]):
    """(line number, text without comments) for each line that says something."""
    in_comment = False
    for n, line in enumerate(lines, start=1):
        if in_comment:
            if "-->" not in line:
                continue
            in_comment, line = False, line[line.index("-->") + 3:]
        while "<!--" in line:
            head, _, rest = line.partition("<!--")
            if "-->" in rest:
                line = head + " " + rest[rest.index("-->") + 3:]
            else:
                line, in_comment = head, True
        if line.lstrip().startswith("#"):
            continue
        cut = re.search(r"(?:\s|(?<=[\]}]))[#;]", line)  # `#` after a space or a code; TABARI's `;`
        if cut:
            line = line[:cut.start()]
        line = line.strip()
        if line:
            yield n, line


def _code_of(text: str) -> tuple[str, str | None]:
    """(text before the code, the code) of a line ending in `[code]`; None when it has none."""
    m = _CODE.search(text)
    if not m:
        return text, None
    return text[:m.start()].strip(), m.group(1).strip()


# -- words ------------------------------------------------------------------------------

def _alternative(word: str) -> str | None:
    """A file's word or phrase ("CASH_", "NUCLEAR_BOMB", "AUSTRIAN FLORIN") as an alternative."""
    word = "_".join(word.replace(",", " ").split())
    if not any(ch.isalnum() for ch in word):
        return None  # punctuation only ("{+WAS_DETERMINED , +BE_DETERMINED}")
    exact = word.endswith("_")
    word = word.strip("_").lower()
    word = "_".join(p for p in word.split("_") if p)
    if not word:
        return None
    return ("=" + word) if exact else word


class _Synsets:
    def __init__(self, raw: dict[str, list[tuple[int, str]]], source: str, problems: Problems):
        self.raw, self.source, self.problems = raw, source, problems
        self.done: dict[str, tuple[str, ...]] = {}

    def get(self, name: str, line: int, seen: tuple[str, ...] = ()) -> tuple[str, ...] | None:
        name = name.upper().rstrip("_")
        if name in self.done:
            return self.done[name]
        if name not in self.raw or name in seen:
            self.problems.add(self.source, line, f"word class &{name} is not defined" if name not in self.raw
                              else f"word class &{name} contains itself")
            return None
        out: list[str] = []
        for n, member in self.raw[name]:
            if member.startswith("&"):
                out.extend(self.get(member[1:], n, seen + (name,)) or ())
            elif (alt := _alternative(member)) is not None:
                out.append(alt)
        self.done[name] = tuple(dict.fromkeys(out))
        return self.done[name]


def _items(text: str, synsets: _Synsets, line: int) -> list | None:
    """A pattern's words as elements and GAPs; "*" stands for the verb. None: unreadable."""
    text = re.sub(r"\{([^{}]*)\}", lambda m: "_".join(m.group(1).split()), text)  # {A B}: words in a row
    heads = {w.lower().strip("_").replace("/", " ") for w in re.findall(r"\(\s*([^\s()]+)", text)}
    heads = {h for w in heads for h in w.split()}  # the first word of each (...) phrase: its preposition
    text = text.replace("(", " ").replace(")", " ").replace("*", "_*_")  # "*SCEPTICAL": the verb, then a word
    items: list = []
    for token in text.split():
        pieces = token.split("_")
        new_token = True
        for k, piece in enumerate(pieces):
            piece = piece.strip()
            if not piece or piece in _MARKERS:
                continue
            exact = k + 2 == len(pieces) and pieces[-1] == ""  # "RELIEF_": this form only
            if new_token and items and items[-1] != GAP:
                items.append(GAP)  # a space: other words may stand between
            new_token = False
            if piece == "*":
                items.append("*")
                continue
            piece = piece.strip("".join(_MARKERS))
            alts: list[str] = []
            for alt in piece.split("/"):
                if not alt:
                    continue
                if alt.startswith("&"):
                    members = synsets.get(alt[1:], line)
                    if members is None:
                        return None
                    alts.extend(members)
                elif (a := _alternative(alt + ("_" if exact else ""))) is not None:
                    alts.append(a)
            if not alts:
                return None
            items.append(tuple(dict.fromkeys(alts)))
    while items and items[0] == GAP:
        items.pop(0)
    while items and items[-1] == GAP:
        items.pop()
    return items, tuple(sorted(heads))


def _verb_alternatives(text: str) -> tuple[str, ...] | None:
    """A verb line ("QUERY {QUERYING QUERIED}", "+ASK_FOR {+ASKED_FOR}", "+ANGERED_BY {}")."""
    forms: list[str] = []
    m = re.search(r"\{([^}]*)\}", text)
    spelled = None
    if m:
        spelled = m.group(1).replace(",", " ").split()
        text = (text[:m.start()] + " " + text[m.end():]).strip()
    if not text.split():
        return None
    base = _alternative(text.replace("+", ""))  # "LASH OUT": words in a row
    if base is None:
        return None
    if spelled is not None and not spelled and not base.startswith("="):
        base = "=" + base  # `{}`: this form only
    forms.append(base)
    for form in spelled or ():
        alt = _alternative(form.replace("+", ""))
        if alt is not None:
            forms.append(alt if alt.startswith("=") else "=" + alt)
    return tuple(dict.fromkeys(forms))


# -- the file -----------------------------------------------------------------------------

def load_verbs(path: str | Path, problems: Problems | None = None) -> VerbFile:
    """Read a verb dictionary: its word classes, and every verb and pattern line that carries a code."""
    path = Path(path)
    problems = problems if problems is not None else Problems()
    data = path.read_bytes()
    source = path.name
    content = list(_content(decoded_lines(path)))

    # first pass: word classes, wherever they stand in the file
    raw: dict[str, list[tuple[int, str]]] = {}
    current = None
    for n, text in content:
        if text.startswith("&"):
            current = text[1:].split()[0].upper().rstrip("_")
            raw.setdefault(current, [])
        elif text.startswith("+") and current is not None:
            raw[current].append((n, text[1:].strip()))
        else:
            current = None
    synsets = _Synsets(raw, source, problems)

    rules: list[VerbRule] = []
    block = None  # (name, code, line)
    verbs: list[tuple[int, str, tuple[str, ...], str | None]] = []  # (line, text, alternatives, own code)
    patterns: list[tuple[int, str]] = []

    def close_block():
        if block is None:
            return
        name, code = block[0], block[1]
        every = tuple(dict.fromkeys(a for _, _, alts, _ in verbs for a in alts))
        for n, text, alts, own in verbs:
            rules.append(VerbRule(n, name, "verb", alts, (), (), own if own is not None else code, False, text))
        for n, text in patterns:
            rule = _pattern(n, text, name, every, synsets, source, problems)
            if rule is not None:
                rules.append(rule)

    in_synset = False
    for n, text in content:
        if text.startswith("&"):
            in_synset = True
            continue
        if text.startswith("---"):
            in_synset = False
            close_block()
            inner = text.strip("-").strip()
            body, code = _code_of(inner)
            name = body.split()[0] if body.split() else ""
            if name.upper() == "STOP":
                block = None
                break
            if not name:
                problems.add(source, n, "a verb block without a name")
                block = None
            else:
                block = (name, code if code is not None else "---", n)
            verbs, patterns = [], []
            continue
        if text.startswith("+") and in_synset:
            continue
        in_synset = False
        if block is None:
            problems.add(source, n, "a line outside any verb block")
            continue
        if text.startswith("-"):
            patterns.append((n, text))
            continue
        if text.startswith("~"):
            problems.add(source, n, "a PETRARCH2 transformation (an event inside a statement): not used")
            continue
        body, code = _code_of(text)
        alts = _verb_alternatives(body)
        if alts is None:
            problems.add(source, n, f"not a verb: {text!r}")
            continue
        verbs.append((n, text, alts, code))
    close_block()
    return VerbFile(path, hashlib.sha256(data).hexdigest(), rules, {k: synsets.get(k, 0) or () for k in raw},
                    problems)


def _pattern(n: int, text: str, block: str, verbs: tuple[str, ...], synsets: _Synsets, source: str,
             problems: Problems) -> VerbRule | None:
    body, code = _code_of(text[1:].strip())
    if code is None:
        problems.add(source, n, "a pattern without a [code]")
        return None
    if body.count("*") != 1:
        problems.add(source, n, "a pattern needs one `*` (the verb)")
        return None
    if not verbs:
        problems.add(source, n, f"a pattern in block {block} that has no verbs")
        return None
    got = _items(body, synsets, n)
    if got is None:
        problems.add(source, n, f"a pattern that cannot be read: {text!r}")
        return None
    items, heads = got
    star = items.index("*")
    before, after = items[:star], items[star + 1:]
    pre, _, post = body.partition("*")
    swapped = bool(re.search(r"(^|[\s_(])\+", pre) or re.search(r"(^|[\s_(])\$", post))
    return VerbRule(n, block, "pattern", verbs, tuple(before), tuple(after), code, swapped, text, heads)
