"""The data model: what every stage reads and writes.

All objects are frozen; spans are character offsets into `Document.text`
(half-open, `text[start:end]`), so evidence can always be shown in place.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read from its input, before any analysis."""

    id: str  # the input file's name, or the record's id
    text: str  # body text, furniture already removed; spans index into this
    title: str | None = None
    published: datetime | None = None  # UTC
    url: str | None = None
    outlet: str | None = None
    lang: str | None = None  # ISO 639-1, set by the reader or detected later
    origin: str | None = None  # path (and record number) it was read from
    dateline_place: str | None = None  # "MOSKOW" in "REPUBLIKA.CO.ID, MOSKOW -"

    @property
    def content_hash(self) -> str:
        """Identity of a document: the same text under the same id is the same document."""
        h = hashlib.sha256()
        h.update(self.id.encode("utf-8"))
        h.update(b"\0")
        h.update((self.title or "").encode("utf-8"))
        h.update(b"\0")
        h.update(self.text.encode("utf-8"))
        return h.hexdigest()[:32]

    def with_(self, **changes) -> "Document":
        return replace(self, **changes)


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    lower: str


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int  # position in the document, 0-based
    start: int
    end: int
    text: str
    paragraph: int  # sentences in one paragraph share dates and places
    tokens: tuple[Token, ...] = ()
    is_title: bool = False


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor: CAMEO code = country (or IGO/NGO code) + sector."""

    code: str  # "IRNGOV", "USA", "IGOUNO"
    country: str | None  # ISO3 when the actor belongs to a country
    sector: str | None  # "GOV", "MIL", ... or None
    name: str | None = None  # canonical name of a person or body, when known

    @staticmethod
    def of(country: str | None, sector: str | None, name: str | None = None, code: str | None = None) -> "Actor":
        return Actor(code or f"{country or ''}{sector or ''}", country, sector, name)


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of a sentence that names an actor."""

    sentence: int
    start: int  # character offsets into the document
    end: int
    text: str
    actor: Actor | None  # None: a named person nobody could resolve (or a place, a bare name)
    # country | capital | role | person | org | group | pronoun | name (a capitalised name that is
    # no person: a place, a body, a document; warta.pipeline.names decides)
    kind: str
    tok_start: int = 0  # token offsets into the sentence
    tok_end: int = 0
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word or phrase of the lexicon found in a sentence."""

    sentence: int
    tok_start: int
    tok_end: int
    start: int
    end: int
    entry_id: str
    code: str
    passive: bool = False


@dataclass(frozen=True, slots=True)
class Event:
    doc: str
    sentence: int
    source: str | None  # None: a named person nobody could code (source_name says who)
    target: str | None
    source_name: str | None
    target_name: str | None
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    date: date | None
    date_source: str  # explicit | relative | paragraph | document | published | none
    location: str | None
    sentence_text: str
    span: tuple[int, int]  # evidence: from the first to the last word it rests on
    trigger_span: tuple[int, int]
    source_span: tuple[int, int] | None
    target_span: tuple[int, int] | None
    rule: str  # e.g. "lexicon:id:sign_declaration"
    lang: str
    pack_version: str
    source_actor_name: str | None = None  # canonical person name, when known
    target_actor_name: str | None = None

    @property
    def key(self) -> str:
        """Stable identity, so a re-run stores nothing twice."""
        parts = [self.doc, self.sentence, self.source, self.target, self.code, self.span, self.rule]
        # a side with no code is told by its name (coded events keep the keys they always had)
        parts += [f"{side}={name}" for side, code, name in (("source", self.source, self.source_name),
                                                             ("target", self.target, self.target_name)) if code is None]
        raw = "|".join(str(x) for x in parts)
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:24]

    def as_record(self) -> dict:
        """The JSON Lines shape users see (`warta code --format jsonl`)."""
        return {
            "doc": self.doc,
            "date": self.date.isoformat() if self.date else None,
            "source": self.source,
            "target": self.target,
            "source_name": self.source_name,
            "target_name": self.target_name,
            "code": self.code,
            "name": self.name,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "plover": self.plover,
            "location": self.location,
            "sentence": self.sentence_text,
            "sentence_index": self.sentence,
            "span": list(self.span),
            "evidence": None,  # filled by Analysis.records, which has the text
            "rule": self.rule,
            "lang": self.lang,
            "date_source": self.date_source,
            "id": self.key,
        }


@dataclass(frozen=True, slots=True)
class Analysis:
    """A document moving through the pipeline; each stage returns a new one."""

    document: Document
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    triggers: tuple[Trigger, ...] = ()
    events: tuple[Event, ...] = ()
    # per sentence: (the day it speaks of, how that was found) and the place named
    dates: tuple[tuple[date | None, str], ...] = ()
    # sentences naming two days or more: (sentence index, ((token, day, how), ...)), so an event
    # takes the day named in its own clause ("said on Friday it had expelled the envoy on Wednesday")
    day_marks: tuple[tuple[int, tuple[tuple[int, date, str], ...]], ...] = ()
    places: tuple[str | None, ...] = ()
    # the speaker of each sentence inside a quotation, (sentence index, mention), for what it says
    # without a subject ("Belasungkawa untuk rakyat Indonesia," tulis X)
    speakers: tuple[tuple[int, Mention], ...] = ()
    notes: tuple[str, ...] = field(default=())  # warnings worth showing a user
    pack_version: str = ""  # the language pack (and its checksum) that coded it

    def with_(self, **changes) -> "Analysis":
        return replace(self, **changes)

    def records(self) -> list[dict]:
        out = []
        for ev in self.events:
            rec = ev.as_record()
            rec["evidence"] = self.document.text[ev.span[0] : ev.span[1]]
            out.append(rec)
        return out


@dataclass(frozen=True, slots=True)
class ReadError:
    """An input that could not be read; the batch goes on without it."""

    origin: str
    reason: str
    code: str  # see warta.errors
