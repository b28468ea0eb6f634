"""Language packs: everything Warta knows about a language, as data files.

Each pack is a folder `<iso-639-1>/` holding the same files (see PACK_FILES)
and a pack.toml; the code never names a language. The packs shipped live beside
this module; others are found, like spaCy's languages, through the entry point
group `warta.packs` (name: the pack code; value: a module whose folder is the
pack, a path, or a callable returning one) and in folders named by
$WARTA_PACKS (os.pathsep-separated) or by settings.toml `[packs] folders`
(`add_pack_folders`). A folder given there is a pack itself (it holds pack.toml)
or holds packs; a pack found later shadows an earlier one of the same code
(built-in < entry points < folders). Load a pack with `LanguagePack.load("id")`;
the result is immutable and picklable.
"""
from __future__ import annotations

import hashlib
import importlib
import os
import re
import tomllib
import types
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import entry_points
from pathlib import Path

from warta.errors import LanguagePackError, no_pack
from warta.tabular import read_tsv, split_alternatives

LANG_DIR = Path(__file__).parent
ENTRY_POINT_GROUP = "warta.packs"
PACKS_ENV = "WARTA_PACKS"
_added_folders: list[Path] = []  # add_pack_folders(), in the order given

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
    "party_word",  # partai, party: a party's unknown name right beside a country is that country's (OPP)
    "topic_noun",  # kasus, issue: a deed noun right after it is a topic, not a deed of the subject before
    "counted_person",  # orang, people: "185 orang" after a number are civilians (CVL)
    "plan_verb",  # dijadwalkan, digagas: after a predicate noun, the deed is planned, not done
    "alias_word",  # atau, alias: "Budi Santoso atau BS" gives the person a short name
    "verbal_target",  # kebijakan, decision: the object of an attack verb that makes it a verbal attack (111)
    "between",  # antara, between: after a symmetric predicate, the pair that follows are its parties
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
    "law_title",  # nomor, tentang, of: words inside a law's title after its word ("UU Nomor 30 tentang KPK")
    "advice",  # seharusnya, should: a party a speaker says should act is an appeal (020)
    "sport",  # laga, timnas, match: three of them make a sports story, which codes no events
    "happen_verb",  # berlangsung, digelar: after a predicate noun and a modal, the deed is still to come
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
    "story_deed",  # move, decision: after "the", the deed the story is about, done by its headline's party
    "doer_participle",  # staged, blamed: right after a deed noun, the party behind "by" or "on" did it
    "comma_complement",  # berharap, urged: a comma right after it opens a clause whose subject is its target
    "subordinator",  # after, before: a party after it is in another clause, no agent of a passive before it
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
    credits: tuple[re.Pattern, ...] = ()  # furniture.tsv rows of kind "credit": a photo credit line
    word_examples: tuple[tuple[str, str, str], ...] = field(default=())  # (word, class, example)
    # the country whose press mostly writes the language (pack.toml `press_country`): its own
    # offices go unnamed ("Menteri Pertanian" in Jakarta's papers is Indonesia's), foreign ones not
    press_country: str | None = None
    # pack.toml [punctuation]: a mark of the pack's script -> the ASCII mark the stages compare
    # with ("،" -> ","); the sentence stage writes the ASCII one as the token's `lower`
    punctuation: dict[str, str] = field(default_factory=dict)
    # pack.toml `word_order`: "SVO" (the default), or "VSO" for a language whose clauses may open with
    # the verb: a predicate with no subject before it takes the first party after it as its subject
    word_order: str = "SVO"
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
    return sorted(pack_folders())


def pack_folder(code: str) -> Path:
    """The folder a pack is read from."""
    try:
        return pack_folders()[code]
    except KeyError:
        raise no_pack(code, available_languages()) from None


def add_pack_folders(*folders: str | Path) -> None:
    """Read packs from these folders too (settings.toml `[packs] folders`); each is a pack or holds packs."""
    new = [Path(f).expanduser().resolve() for f in folders]
    new = [f for f in new if f not in _added_folders]
    if new:
        _added_folders.extend(new)
        refresh()


def refresh() -> None:
    """Forget what was read about packs: after packs were installed or folders added."""
    for cached in (pack_folders, pack_metadata, _load_pack, dateline_words, stop_words, furniture_rows,
                   shared_furniture):
        cached.cache_clear()


def _is_pack(folder: Path) -> bool:
    return (folder / "pack.toml").is_file()


def _packs_in(folder: Path) -> dict[str, Path]:
    if _is_pack(folder):
        return {_pack_code(folder): folder}
    if not folder.is_dir():
        return {}
    return {p.name: p for p in sorted(folder.iterdir()) if p.is_dir() and _is_pack(p)}


def _pack_code(folder: Path) -> str:
    """A pack folder given by itself is named by pack.toml `code`, else by the folder's name."""
    try:
        return str(tomllib.loads((folder / "pack.toml").read_text(encoding="utf-8")).get("code") or folder.name)
    except (OSError, tomllib.TOMLDecodeError):
        return folder.name  # a broken pack.toml fails where the pack is loaded


def _entry_point_folder(ep) -> Path | None:
    obj = ep.load()
    if callable(obj):
        obj = obj()
    if isinstance(obj, types.ModuleType):  # a module: its folder is the pack
        obj = Path(obj.__file__).parent
    return Path(obj) if obj else None


@lru_cache(maxsize=1)
def pack_folders() -> dict[str, Path]:
    """Pack code -> folder, for every pack installed (see the module's doc for the order)."""
    found = _packs_in(LANG_DIR)
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        try:
            folder = _entry_point_folder(ep)
        except Exception as exc:  # noqa: BLE001 - a broken plug-in is named, not swallowed
            raise LanguagePackError(f"entry point {ep.name!r} ({ep.value}) of {ENTRY_POINT_GROUP}: {exc}") from exc
        if folder is None or not _is_pack(folder):
            raise LanguagePackError(f"entry point {ep.name!r} of {ENTRY_POINT_GROUP}: {folder} holds no pack.toml")
        found[ep.name] = folder
    env = [Path(f) for f in os.environ.get(PACKS_ENV, "").split(os.pathsep) if f.strip()]
    for folder in (*env, *_added_folders):
        found.update(_packs_in(folder))
    return found


@lru_cache(maxsize=None)
def pack_metadata(code: str) -> dict:
    """A pack's pack.toml, read without loading its tables (name, lingua, fallback, [dateline])."""
    folder = pack_folder(code)
    return tomllib.loads((folder / "pack.toml").read_text(encoding="utf-8"))


def fallbacks() -> dict[str, str]:
    """Lingua name -> the pack that reads that language when its own pack is not loaded
    (pack.toml `fallback`: Malay reads well enough with the Indonesian pack)."""
    return {meta["lingua"]: meta["fallback"] for meta in map(pack_metadata, available_languages())
            if meta.get("fallback") and meta.get("lingua")}


@dataclass(frozen=True, eq=False)  # hashed by identity: what is compiled from it is cached per reading
class DatelineWords:
    """What every installed pack tells about datelines, which are read before a document's
    language is known: month and weekday names (dates.tsv, plus pack.toml [dateline] `months`
    and `weekdays` that only datelines abbreviate so), time zones and their UTC offsets, labels
    that may stand beside a date, words between a date and its clock, ordinal endings after a
    day, the words for before and after noon, and news agencies a lead names after its place."""
    months: dict[str, int]
    weekdays: frozenset[str]
    zones: dict[str, str]
    labels: frozenset[str]
    clock: frozenset[str]
    ordinals: frozenset[str]
    am: frozenset[str]
    pm: frozenset[str]
    agencies: frozenset[str]


@lru_cache(maxsize=1)
def dateline_words() -> DatelineWords:
    months: dict[str, int] = {}
    weekdays: set[str] = set()
    zones: dict[str, str] = {}
    lists: dict[str, set[str]] = {k: set() for k in ("labels", "clock", "ordinals", "am", "pm", "agencies")}
    for code in available_languages():
        try:
            meta = pack_metadata(code)
            rows = read_tsv(pack_folder(code) / "dates.tsv", *PACK_FILES["dates.tsv"])
        except (LanguagePackError, OSError, ValueError, tomllib.TOMLDecodeError):
            continue  # a broken pack fails where it is loaded, not where articles are read
        dateline = meta.get("dateline", {})
        for r in rows:
            words = [w.lower().rstrip(".") for w in split_alternatives(r["words"])]
            if r["kind"] == "month":
                months.update((w, int(r["value"])) for w in words if w)
            elif r["kind"] == "weekday":
                weekdays.update(w for w in words if w)
        months.update((w.lower().rstrip("."), int(n)) for w, n in dateline.get("months", {}).items())
        weekdays.update(w.lower().rstrip(".") for w in dateline.get("weekdays", ()))
        zones.update((z.lower(), str(offset)) for z, offset in dateline.get("zones", {}).items())
        for key, words in lists.items():
            words.update(w.lower() for w in dateline.get(key, ()))
    return DatelineWords(months, frozenset(weekdays), zones, **{k: frozenset(v) for k, v in lists.items()})


@dataclass(frozen=True)
class NameWords:
    """names.toml: how names are written across languages (see the file)."""
    particles: frozenset[str]
    continuing_particles: tuple[str, ...]
    small_words: frozenset[str]


@lru_cache(maxsize=1)
def name_words() -> NameWords:
    raw = tomllib.loads((LANG_DIR / "names.toml").read_text(encoding="utf-8"))
    return NameWords(frozenset(raw["particles"]), tuple(raw["continuing_particles"]), frozenset(raw["small_words"]))


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Words too common to stand for an actor on their own, from every installed pack
    (pack.toml [stop_words]: `spacy`, a spaCy language whose list is taken, and `words`)."""
    out: set[str] = set()
    for code in available_languages():
        table = pack_metadata(code).get("stop_words", {})
        if table.get("spacy"):
            module = importlib.import_module(f"spacy.lang.{table['spacy']}.stop_words")
            out.update(module.STOP_WORDS)
        out.update(w.lower() for w in table.get("words", ()))
    return frozenset(out)


@lru_cache(maxsize=None)
def furniture_rows(code: str) -> tuple[tuple[re.Pattern, str, str], ...]:
    """A pack's furniture.tsv as (pattern, kind, scope). kind "line": a line to drop; "credit": a photo
    credit (dropped, and a caption beside it printed twice goes with it; every pack's credits are
    looked for in every text). scope "all": the line is dropped also from text read before its
    language is known (a reader given no pack's furniture). case "exact": matched with its letter case."""
    out = []
    for r in read_tsv(pack_folder(code) / "furniture.tsv", *PACK_FILES["furniture.tsv"]):
        kind, scope = r.get("kind") or "line", r.get("scope", "")
        if kind not in ("line", "credit") or scope not in ("", "all"):
            raise LanguagePackError(f"{code}/furniture.tsv: unknown kind {kind!r} or scope {scope!r} for {r['pattern']!r}")
        out.append((re.compile(r["pattern"], 0 if r.get("case") == "exact" else re.IGNORECASE), kind, scope))
    return tuple(out)


@lru_cache(maxsize=4)
def shared_furniture(kind: str = "line") -> tuple[re.Pattern, ...]:
    """What a reader drops from every text, whatever its language: every installed pack's
    furniture of scope "all" (kind "line"), or every pack's photo credits (kind "credit");
    each pattern once, in pack order."""
    seen: dict[tuple[str, int], re.Pattern] = {}
    for code in available_languages():
        try:
            rows = furniture_rows(code)
        except (LanguagePackError, OSError):
            continue  # a broken pack fails where it is loaded, not where articles are read
        for pattern, k, scope in rows:
            if k == kind and (kind == "credit" or scope == "all"):
                seen.setdefault((pattern.pattern, pattern.flags), pattern)
    return tuple(seen.values())


@lru_cache(maxsize=None)
def _load_pack(code: str) -> LanguagePack:
    folder = pack_folder(code)
    meta = pack_metadata(code)
    tables, digest = {}, hashlib.sha256()
    digest.update((folder / "pack.toml").read_bytes())  # it holds knowledge too: stop words, [identify], dates
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
        furniture=tuple(p for p, kind, _ in furniture_rows(code) if kind == "line"),
        credits=tuple(p for p, kind, _ in furniture_rows(code) if kind == "credit"),
        abbreviations=tuple(r["abbreviation"] for r in tables["abbreviations.tsv"]),
        word_examples=tuple(word_examples),
        punctuation=_punctuation(code, meta.get("punctuation", {})),
        word_order=_word_order(code, meta.get("word_order", "SVO")),
        checksum=digest.hexdigest(),
    )


# The marks the stages read (a comma sets off an appositive, a colon opens a quote, a hyphen joins
# a name): a pack whose script writes them otherwise maps its own marks to these (pack.toml [punctuation]).
PUNCTUATION = frozenset(",;:?!-.()\"")
# Marks that are one of those in every script: the non-breaking hyphen ("Amir\u2011Abdollahian").
SAME_MARKS = {"\u2011": "-"}


WORD_ORDERS = ("SVO", "VSO")


def _word_order(code: str, order: str) -> str:
    if order not in WORD_ORDERS:
        raise LanguagePackError(f"{code}/pack.toml: word_order {order!r} is none of {', '.join(WORD_ORDERS)}")
    return order


def _punctuation(code: str, table: dict) -> dict[str, str]:
    """pack.toml `[punctuation]`: `"," = ["،"]` reads the Arabic comma as a comma."""
    out = dict(SAME_MARKS)
    for mark, own in table.items():
        if mark not in PUNCTUATION or not isinstance(own, list):
            raise LanguagePackError(f"{code}/pack.toml [punctuation]: {mark!r} = {own!r}; a key is one of "
                                    f"{' '.join(sorted(PUNCTUATION))}, its value a list of the pack's marks")
        out.update((m, mark) for m in own)
    return out


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
