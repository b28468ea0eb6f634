"""Spelling variants of known people's names: Rohani/Rouhani, Zelenskyy/Zelensky.

Names from Persian, Arabic, Russian or Ukrainian reach Indonesian and
English news in several transliterations, and no alias list holds them all.
Exact matching (the gazetteer's Aho-Corasick automata) comes first; this
index answers only for names it missed:

1. Keys: `names.translit` rewrites letters that one sound takes in different
   transliterations (w/v, q/k, gh/g, dj/j, ou/u, doubled letters, -eh/-a),
   so many variants become equal before any score.
2. Blocking: each name is filed under the first and the last three letters
   of its consonant skeleton (vowels, h and glides dropped, k/q/g/c merged)
   and the skeleton's length; a query looks at lengths one either side, so it
   is scored against a handful of names, not 50,000.
3. Score: rapidfuzz `ratio` on the keys, raised halfway to 100 when the two
   consonant skeletons are equal (vowels are what transliterations disagree
   on), and zero when one surname is the other plus -a, -i, -ova, -eva:
   Lavrova, Abbasi, Husseini are other people.

The threshold (settings.toml [actors.fuzzy]) was chosen from labelled pairs
(tests/actors/data/name_variants.tsv, checked on a held-out set written
afterwards, name_variants_heldout.tsv); `python benchmarks/resolve_actors.py
--study` prints the table. Names shorter than `min_length` letters are never
matched fuzzily: short names are one letter from other people's.
"""
from __future__ import annotations

import re
import weakref
from functools import lru_cache
from typing import Iterable

from rapidfuzz import fuzz, process

from warta.actors.names import fold, translit
from warta.lang.case import capital_letters, in_capitals, in_lower_case

_MERGE = str.maketrans({"q": "k", "g": "k", "c": "k", "w": "v", "z": "j", "f": "p", "x": "k",
                        **{v: None for v in "aeiouyh' "}})
_NON_LETTER = re.compile(r"[^a-z]")
_DOUBLED = re.compile(r"(.)\1+")
_OTHER_PERSON_SUFFIXES = ("a", "i", "ova", "eva")  # feminine forms, Persian/Arabic nisba


@lru_cache(maxsize=200_000)
def skeleton(name: str) -> str:
    """Consonants that survive transliteration: "Amir-Abdollahian" -> "mrbdln"."""
    key = fold(name)
    for a, b in (("ph", "f"), ("zh", "j"), ("dj", "j"), ("sch", "sh"), ("tch", "ch")):
        if a in key:
            key = key.replace(a, b)
    return _DOUBLED.sub(r"\1", _NON_LETTER.sub("", key.translate(_MERGE)))


def similarity(a: str, b: str) -> float:
    """0-100: how likely two spellings name the same person (see the module docstring)."""
    return _score(translit(a), translit(b), skeleton(a) == skeleton(b))


def _score(ka: str, kb: str, same_skeleton: bool) -> float:
    r = max(fuzz.ratio(ka, kb), fuzz.ratio(ka.replace(" ", ""), kb.replace(" ", "")))
    la, lb = (ka.split() or [""])[-1], (kb.split() or [""])[-1]
    short, long_ = sorted((la, lb), key=len)
    if long_ != short and long_.startswith(short) and long_[len(short):] in _OTHER_PERSON_SUFFIXES:
        return 0.0
    return r + (100 - r) / 2 if same_skeleton else r


def _forms(name: str) -> list[tuple[str, str]]:
    """(key, space): word by word in the space of names with that many words, and a
    multi-word name also run together among one-word names ("Amir Abdollahian")."""
    key = translit(name)
    words = key.count(" ") + 1
    if words == 1:
        return [(key, "1")]
    return [(key, str(words)), (key.replace(" ", ""), "1")]


def _blocks(skel: str, space: str, spread: int = 0) -> list[str]:
    """Block keys: first or last three consonants, and the skeleton's length (give or take `spread`)."""
    lengths = range(len(skel) - spread, len(skel) + spread + 1)
    return [f"{space}{end}{part}{n}" for end, part in (("<", skel[:3]), (">", skel[-3:])) for n in lengths]


class FuzzyNames:
    """Names of known people -> the value to answer (a person key), with blocking."""

    def __init__(self, names: Iterable[tuple[str, str]], threshold: float | None = None,
                 min_length: int | None = None):
        from warta.settings import ActorSettings  # the defaults are the settings file's, not literals here

        settings = ActorSettings.load()
        self.threshold = settings.fuzzy_threshold if threshold is None else threshold
        self.min_length = settings.fuzzy_min_length if min_length is None else min_length
        self._values: dict[tuple[str, str], tuple[str, str]] = {}  # (space, key) -> (value, skeleton)
        self._blocks: dict[str, list[str]] = {}
        self._matched: dict[str, tuple[str, float] | None] = {}  # answers of `match`, until a name is added
        for name, value in dict.fromkeys(names):
            self.add(name, value)

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_matched"] = {}
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.__dict__.setdefault("_matched", {})  # pickled before answers were kept

    def add(self, name: str, value: str) -> None:
        """File one more name (a name filed already keeps its first value)."""
        if self._matched:
            self._matched = {}
        skel = skeleton(name)
        for key, space in _forms(name):
            if not key or (space, key) in self._values:
                continue
            self._values[(space, key)] = (value, skel)
            for block in _blocks(skel, space):
                self._blocks.setdefault(block, []).append(key)

    def __len__(self) -> int:
        return len(self._values)

    def match(self, name: str) -> tuple[str, float] | None:
        """(value, score 0-100) of the closest known name at or above the threshold, or None."""
        key = (name, self.threshold, self.min_length)
        try:
            return self._matched[key]
        except KeyError:
            pass
        found = self._match(name)
        if len(self._matched) < 100_000:
            self._matched[key] = found
        return found

    def _match(self, name: str) -> tuple[str, float] | None:
        folded = fold(name)
        letters = len(folded) if folded.isalpha() else sum(c.isalpha() for c in folded)
        if letters < self.min_length:
            return None
        skel = skeleton(name)
        floor = max(0.0, 2 * self.threshold - 100)  # the lowest ratio the skeleton bonus can lift
        best: tuple[str, float] | None = None
        for key, space in _forms(name):
            known = self._values.get((space, key))
            if known is not None:
                return known[0], 100.0
            for block in _blocks(skel, space, spread=1):
                candidates = self._blocks.get(block)
                if not candidates:
                    continue
                for other in _closest(key, candidates, floor):
                    value, other_skel = self._values[(space, other)]
                    score = _score(key, other, skel == other_skel)
                    if score >= self.threshold and (best is None or score > best[1]):
                        best = (value, score)
        return best


def _closest(key: str, candidates: list[str], floor: float, limit: int = 3) -> list[str]:
    """The `limit` candidates most like `key` by `fuzz.ratio`, at or above `floor`, best first and
    in their order on a tie, as `process.extract` gives them; a block holds one or two names
    as a rule, too few to pay for that call's set-up (half the time of a miss)."""
    if len(candidates) > limit:
        return [other for other, _, _ in process.extract(key, candidates, scorer=fuzz.ratio,
                                                         score_cutoff=floor, limit=limit)]
    scored = [(fuzz.ratio(key, other, score_cutoff=floor), other) for other in candidates]
    return [other for score, other in sorted(scored, key=lambda pair: -pair[0]) if score >= floor]


def person_names(people) -> list[tuple[str, str]]:
    """(name, person key) for every name of every curated person in a `warta.actors.people.People`.

    Curated: built-in, added by hand or learned from text. People known only from
    an imported dictionary are matched exactly (those files carry their own spelling
    variants): against the 18,000 people of Phoenix, 15% of unknown real surnames and
    1.6% of unknown full names found a fuzzy match (benchmarks/resolve_actors.py --study).
    """
    out = []
    seen: set[int] = set()
    for key, person in people.by_name.items():
        if id(person) in seen:
            continue
        seen.add(id(person))
        if person.roles and all(r.provenance.startswith("petrarch:") for r in person.roles):
            continue
        out.extend((name, person.name.lower()) for name in (person.name, *person.aliases))
    return out


_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# Where a match of _WORD can start: a letter not after a letter, nor after a hyphen or
# apostrophe that joins it to a letter before ("Jean-Luc" is one word).
_WORD_START = r"(?<![^\W\d_])(?<![^\W\d_][-'’])"


@lru_cache(maxsize=256)
def _capital_word(capitals: str) -> re.Pattern:
    """The matches of _WORD that open with one of `capitals`, found by the regex engine, not word
    by word in Python (a whole text is scanned for each document). The lookbehinds, the same as
    _WORD_START's, come after the capital so the search tries them only at capitals."""
    return re.compile(capitals + r"(?<![^\W\d_].)(?<![^\W\d_][-'’].)[^\W\d_]*(?:[-'’][^\W\d_]+)*")


_WORD_AT = re.compile(_WORD_START + _WORD.pattern)


def _capitalised_runs(text: str, max_words: int = 4) -> list[list[tuple[int, int]]]:
    """Word spans of each run of capitalised words ("Harjono", not "KPK") with single spaces between."""
    runs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    last_end = -2
    for m in _capital_word(capital_letters(text)).finditer(text):
        if in_capitals(m.group()):
            continue  # the run is broken all the same: the next capital cannot follow on
        start, end = m.span()
        if current and start == last_end + 1 and text[last_end] == " " and len(current) < max_words:
            current.append((start, end))
        else:
            if current:
                runs.append(current)
            current = [(start, end)]
        last_end = end
    if current:
        runs.append(current)
    return runs


def _written_lower(text: str, word: str) -> bool:
    """Does the text write `word` in lower case as a whole word ("kerja" of a headline's "Kerja")?"""
    if not in_lower_case(word):
        return False
    at = text.find(word)
    while at >= 0:
        m = _WORD_AT.match(text, at)
        if m is not None and m.end() == at + len(word):
            return True
        at = text.find(word, at + 1)
    return False


class PersonVariants:
    """Finds known people written another way in a text, for the gazetteer.

    Looks only at capitalised words no exact match covers, longer than
    `min_length`, that are not common words or day and month names of the
    language, and that the text never writes in lower case (a headline's
    "Kerja" is the word kerja of the body); tries a run of such words whole,
    then its last word (a surname).
    """

    def __init__(self, index: FuzzyNames, skip: frozenset[str]):
        self.index = index
        self.skip = skip

    @classmethod
    def of(cls, people, pack=None, settings=None) -> "PersonVariants":
        from warta.lang import stop_words
        from warta.settings import ActorSettings

        settings = settings or ActorSettings.load()
        skip = set(stop_words())
        if pack is not None:
            for row in pack.dates:
                skip.update(w.strip().lower() for w in row.get("words", "").split("|"))
            for words in pack.words.values():
                skip.update(words)
        return cls(_index_of(people, settings), frozenset(skip))

    def find(self, text: str, found) -> list[tuple[int, int, str]]:
        """(start, end, person key) for each variant; `found`: matches already made (start, end, ...)."""
        if not len(self.index):
            return []
        taken = bytearray(len(text) + 1)
        for start, end, *_ in found:
            if _on_word_boundaries(text, start, end):
                taken[start:end] = b"\x01" * (end - start)
        skip = self.skip
        written_lower: dict[str, bool] = {}
        out = []
        for words in _capitalised_runs(text):
            # the run's free words, split where a taken word stands between them
            run: list[tuple[int, int]] = []
            for s, e in words:
                low = text[s:e].lower()
                if taken.find(1, s, e) >= 0 or low in skip:
                    free = False
                else:
                    free = written_lower.get(low)
                    if free is None:
                        free = written_lower[low] = not _written_lower(text, low)
                if free:
                    run.append((s, e))
                elif run:
                    hit = self._match_run(text, run)
                    if hit:
                        out.append(hit)
                    run = []
            if run:
                hit = self._match_run(text, run)
                if hit:
                    out.append(hit)
        return out

    def _match_run(self, text: str, run: list[tuple[int, int]]) -> tuple[int, int, str] | None:
        tries = [run] if len(run) == 1 else [run, run[-1:]]
        for words in tries:
            start, end = words[0][0], words[-1][1]
            found = self.index.match(text[start:end])
            if found:
                return start, end, found[0]
        return None


_INDEXES: dict[int, tuple[weakref.ref, float, FuzzyNames]] = {}


def _index_of(people, settings) -> FuzzyNames:
    """One index per People object, shared by every language's gazetteer in a process."""
    held = _INDEXES.get(id(people))
    if held is not None and held[0]() is people and held[1] == settings.fuzzy_threshold:
        return held[2]
    index = FuzzyNames(person_names(people), settings.fuzzy_threshold, settings.fuzzy_min_length)
    for key in [k for k, (ref, _, _) in _INDEXES.items() if ref() is None]:
        del _INDEXES[key]
    _INDEXES[id(people)] = (weakref.ref(people), settings.fuzzy_threshold, index)
    return index


def _on_word_boundaries(text: str, start: int, end: int) -> bool:
    return (start == 0 or not text[start - 1].isalnum()) and (end >= len(text) or not text[end].isalnum())
