"""Language packs: everything Warta knows about a language, as data files.

Each pack is a folder `warta/lang/<iso-639-1>/` holding the same files (see
PACK_FILES); the code never names a language. Load a pack with
`LanguagePack.load("id")`; the result is immutable and picklable.
"""
from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from warta.errors import LanguagePackError
from warta.tabular import read_tsv, split_alternatives

LANG_DIR = Path(__file__).parent

# file name -> (schema, required columns). Every pack has every file.
PACK_FILES: dict[str, tuple[str, tuple[str, ...]]] = {
    "actors.tsv": ("warta.actors.v1", ("names", "code", "kind", "example")),
    "roles.tsv": ("warta.roles.v1", ("phrases", "sector", "example")),
    "verbs.tsv": ("warta.verbs.v1", ("id", "pattern", "code", "frame", "example")),
    "words.tsv": ("warta.words.v1", ("words", "class", "example")),
    "dates.tsv": ("warta.dates.v1", ("words", "kind", "value", "example")),
    "morphology.tsv": ("warta.morphology.v1", ("affix", "position", "restore", "voice", "example")),
    "furniture.tsv": ("warta.furniture.v1", ("pattern", "example")),
    "abbreviations.tsv": ("warta.abbreviations.v1", ("abbreviation", "example")),
}

# How a predicate relates the actors around it (verbs.tsv `frame` column).
FRAMES = ("svo", "nominal", "symmetric", "passive")

# Word classes the coder understands (words.tsv `class` column).
WORD_CLASSES = {
    "negation",  # tidak, not: the event did not happen
    "modal",  # akan, will, plans to: not (yet) done
    "target_prep",  # dengan, kepada, terhadap, with, against: introduces a target
    "agent_prep",  # oleh, by: introduces the agent of a passive
    "other_prep",  # di, dari, pada, in, from: an actor after it is not a subject
    "coordinator",  # dan, serta, and: joins compound actors
    "plural_pronoun",  # mereka, they: the last compound subject
    "both_parties",  # kedua negara, both countries: the two last-named countries
    "speech_verb",  # kata, ujar, said: reported speech, the speaker is the source
    "clause_break",  # yang, which: ends a subject search
    "former",  # mantan, former: a role no longer held
    "passive_aux",  # was, were, been (English passive before a participle)
    "place_prep",  # di, in: the actor after it is where the event happened
    "role_modifier",  # senior, khusus: may stand inside a title ("penasihat senior menlu")
    "article",  # the, a, an: passed over between a preposition or "and" and the actor after it
    "condition",  # jika, if: the rest of the clause is hypothetical, not an event
    "self_pronoun",  # kami, we: inside a quote, the speaker ("kata Menlu Iran")
    "non_event",  # bunuh diri, suicide: phrases that look like a predicate but are none
    "relative",  # yang, which: opens a relative clause whose subject is the actor right before it
    "light_verb",  # menyatakan, express: with a predicate noun right after it, the noun is the deed
    "singular_pronoun",  # ia, he: the person or office the previous sentence began with
    "purpose",  # untuk, in order to: the predicate after it is an aim, not a deed
    "background",  # tahun, peringatan, anniversary: a predicate noun after it names a lasting state, not news
    "scare_quote",  # ', ‘, ": around a predicate alone, a figure of speech ("Parlemen 'Usir' Tentara AS")
    "quote_mark",  # ", “, ”: open and close a quotation, whose first-person words stand for its speaker
    "judgement_verb",  # menilai, considers: opens a speaker's judgement of another party (speech verbs do too)
    "negative",  # melanggar, unlawful: bad words a speaker says of a party, a criticism (111)
    "obligation",  # harus, must: a party a speaker says must act is a demand (100)
    "unrealised",  # hampir, nearly: right before a predicate, what almost happened and did not
    "blame",  # dalang, behind: a party a speaker says caused a harm is accused (112)
    "headline_modal",  # to: in a headline, what is to come ("China to extradite suspects")
    # capitalised names nobody resolved (warta.pipeline.names): a person, or a place or body that is no party
    "person_title",  # pak, presiden, juru bicara, mr, dr: the name right after it is a person's
    "place_word",  # provinsi, kota, timur, province, heights: a name holding it (or beside it) is a place
    "org_word",  # partai, perjanjian, front, council: a name holding it (or beside it) is a body or a document
    "locative",  # ke, dekat, near, into: the name right after it is a place (as after a place_prep)
    "name_joiner",  # of, for: a capitalised name after it and a capitalised word goes on that name
    "infinitive",  # to: after a permission word, the predicate right after it is one someone is let or pressed to do
    "permission",  # allowed, pressure: a predicate in the infinitive after it ("allowed X to extradite") is not done
    "office_verb",  # elected, appointed: "Ana Ruiz was elected Speaker": the name before holds the office after
    "kin",  # son, fiancée: in "the son of X" the son acts, never X
    "against_prefix",  # anti: the actor after "anti-" is what a crowd or a deed is against, never its doer
    "definite",  # the: a predicate noun after it names a deed the story told before ("claimed the attacks")
}


@dataclass(frozen=True, slots=True)
class VerbEntry:
    id: str
    pattern: tuple[tuple[str, ...], ...]  # each element: alternatives; "..." = gap; "_" joins words
    code: str
    frame: str  # svo | nominal | symmetric | passive (the subject undergoes it: "received aid from")
    example: str
    expected: str  # "SOURCE TARGET" the example should give, or ""
    intent: str = ""  # optional column: code when only intended ("akan bertemu" -> 036); "" = not coded
    preps: tuple[str, ...] = ()  # optional column: prepositions that introduce this predicate's other party
    refuse: str = ""  # optional last column: the code when refused ("tidak akan bertemu" -> 125); "" = none


@dataclass(frozen=True, slots=True)
class ActorEntry:
    names: tuple[str, ...]
    code: str
    kind: str  # country | capital | org | group | demonym
    case_sensitive: bool
    example: str
    # "home": a body every country has under this name (a parliament, a party name); written
    # without a country it is the one of the country the story is set in ("DPR" in a story
    # set in the United States is its House, USALEG), the code's country when set at home
    home_scoped: bool = False


@dataclass(frozen=True, slots=True)
class RoleEntry:
    phrases: tuple[str, ...]
    sector: str
    title: str
    example: str


@dataclass(frozen=True, slots=True)
class AffixRule:
    affix: str
    position: str  # prefix | suffix
    restore: tuple[str, ...]  # letters that the affix swallowed (meny- ate an s)
    voice: str  # active | passive | noun (a noun made from the root: pertemuan) | ""
    example: str


@dataclass(frozen=True)
class LanguagePack:
    code: str
    name: str
    version: str
    spacy_lang: str
    date_order: str  # DMY | MDY
    lingua_name: str
    actors: tuple[ActorEntry, ...]
    roles: tuple[RoleEntry, ...]
    verbs: tuple[VerbEntry, ...]
    words: dict[str, frozenset[str]]  # class -> words/phrases (lower case)
    dates: tuple[dict, ...]
    affixes: tuple[AffixRule, ...]
    furniture: tuple[re.Pattern, ...]
    abbreviations: tuple[str, ...]
    word_examples: tuple[tuple[str, str, str], ...] = field(default=())  # (word, class, example)
    # the country whose press mostly writes the language (pack.toml `press_country`): its own
    # offices go unnamed ("Menteri Pertanian" in Jakarta's papers is Indonesia's), foreign ones not
    press_country: str | None = None
    checksum: str = ""

    @classmethod
    def load(cls, code: str) -> "LanguagePack":
        return _load_pack(code)

    @property
    def stamp(self) -> str:
        """Version plus content checksum: what stored events record."""
        return f"{self.code}-{self.version}+{self.checksum[:8]}"

    def word_class(self, cls_name: str) -> frozenset[str]:
        return self.words.get(cls_name, frozenset())


def available_languages() -> list[str]:
    return sorted(p.name for p in LANG_DIR.iterdir() if p.is_dir() and (p / "pack.toml").exists())


@lru_cache(maxsize=None)
def pack_metadata(code: str) -> dict:
    """A pack's pack.toml, read without loading its tables (name, lingua, fallback, [dateline])."""
    folder = LANG_DIR / code
    if not (folder / "pack.toml").exists():
        raise LanguagePackError(f"no language pack {code!r} (have: {', '.join(available_languages())})")
    return tomllib.loads((folder / "pack.toml").read_text(encoding="utf-8"))


def fallbacks() -> dict[str, str]:
    """Lingua name -> the pack that reads that language when its own pack is not loaded
    (pack.toml `fallback`: Malay reads well enough with the Indonesian pack)."""
    return {meta["lingua"]: meta["fallback"] for meta in map(pack_metadata, available_languages())
            if meta.get("fallback") and meta.get("lingua")}


@lru_cache(maxsize=1)
def dateline_words() -> tuple[dict[str, int], frozenset[str], dict[str, str], frozenset[str]]:
    """What every pack tells about datelines: month names -> number and weekday names (dates.tsv),
    time zones -> UTC offset and the labels that may stand beside a date (pack.toml [dateline])."""
    months: dict[str, int] = {}
    weekdays: set[str] = set()
    zones: dict[str, str] = {}
    labels: set[str] = set()
    for code in available_languages():
        try:
            meta = pack_metadata(code)
            rows = read_tsv(LANG_DIR / code / "dates.tsv", *PACK_FILES["dates.tsv"])
        except (LanguagePackError, OSError, ValueError, tomllib.TOMLDecodeError):
            continue  # a broken pack fails where it is loaded, not where articles are read
        for r in rows:
            words = [w.lower().rstrip(".") for w in split_alternatives(r["words"])]
            if r["kind"] == "month":
                months.update((w, int(r["value"])) for w in words if w)
            elif r["kind"] == "weekday":
                weekdays.update(w for w in words if w)
        dateline = meta.get("dateline", {})
        zones.update((z.lower(), str(offset)) for z, offset in dateline.get("zones", {}).items())
        labels.update(w.lower() for w in dateline.get("labels", ()))
    return months, frozenset(weekdays), zones, frozenset(labels)


@lru_cache(maxsize=None)
def _load_pack(code: str) -> LanguagePack:
    folder = LANG_DIR / code
    meta = pack_metadata(code)
    tables, digest = {}, hashlib.sha256()
    for fname, (schema, required) in PACK_FILES.items():
        path = folder / fname
        if not path.exists():
            raise LanguagePackError(f"language pack {code!r} lacks {fname}")
        digest.update(path.read_bytes())
        tables[fname] = read_tsv(path, schema, required)
    words: dict[str, set[str]] = {}
    word_examples = []
    for r in tables["words.tsv"]:
        if r["class"] not in WORD_CLASSES:
            raise LanguagePackError(f"{code}/words.tsv: unknown class {r['class']!r}")
        for w in split_alternatives(r["words"]):
            words.setdefault(r["class"], set()).add(w.lower())
            word_examples.append((w.lower(), r["class"], r["example"]))
    return LanguagePack(
        code=code,
        name=meta["name"],
        version=str(meta["version"]),
        spacy_lang=meta.get("spacy", code),
        date_order=meta.get("date_order", "DMY"),
        lingua_name=meta["lingua"],
        press_country=meta.get("press_country"),
        actors=tuple(_actor(r) for r in tables["actors.tsv"]),
        roles=tuple(
            RoleEntry(tuple(p.lower() for p in split_alternatives(r["phrases"])), r["sector"], r.get("title", ""), r["example"])
            for r in tables["roles.tsv"]
        ),
        verbs=tuple(_verb(code, r) for r in tables["verbs.tsv"]),
        words={k: frozenset(v) for k, v in words.items()},
        dates=tuple(tables["dates.tsv"]),
        affixes=tuple(
            AffixRule(r["affix"].lower(), r["position"], tuple(x.strip() for x in r["restore"].split("|")), r["voice"],
                      r["example"])
            for r in tables["morphology.tsv"]
        ),
        furniture=tuple(re.compile(r["pattern"], re.IGNORECASE) for r in tables["furniture.tsv"]),
        abbreviations=tuple(r["abbreviation"] for r in tables["abbreviations.tsv"]),
        word_examples=tuple(word_examples),
        checksum=digest.hexdigest(),
    )


def _actor(r: dict) -> ActorEntry:
    names = tuple(split_alternatives(r["names"]))
    return ActorEntry(names, r["code"], r["kind"], r.get("case", "") == "exact", r["example"],
                      r.get("scope", "") == "home")


def _verb(lang: str, r: dict) -> VerbEntry:
    elements = []
    for part in r["pattern"].split():
        elements.append(tuple(a.lower() for a in part.split("|")))
    if not elements:
        raise LanguagePackError(f"{lang}/verbs.tsv: entry {r['id']!r} has an empty pattern")
    if r["frame"] not in FRAMES:
        raise LanguagePackError(f"{lang}/verbs.tsv: entry {r['id']!r} has unknown frame {r['frame']!r}")
    preps = tuple(p.lower() for p in split_alternatives(r.get("prep", "")))
    return VerbEntry(r["id"], tuple(elements), r["code"], r["frame"], r["example"], r.get("expect", ""),
                     r.get("intent", ""), preps, r.get("refuse", ""))
