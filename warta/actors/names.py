"""Names as news prints them, from names as dictionaries store them.

PETRARCH/TABARI dictionaries write every name in capitals with `_` for
spaces (`VLADIMIR_V._PUTIN_`). News writes "Vladimir V. Putin", and the
gazetteer matches people's names case-sensitively (so the surname "Rais" is
not the word "rais"), so an imported name must be restored to the case
news uses, particles included ("Osama bin Laden", "Staffan de Mistura").

`fold` gives the key fuzzy matching compares: no accents, no hyphens or
spaces inside a name, lower case, so "Amir-Abdollahian" and
"Amirabdollahian" are the same key before any fuzzy score is computed.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from warta.lang import name_words

# Lower-case words inside personal names, as news prints them; small words inside an
# organisation's name (warta/lang/names.toml).
PARTICLES = name_words().particles
_SMALL_WORDS = name_words().small_words


def plain(raw: str) -> str:
    """`VLADIMIR_V._PUTIN_` -> `VLADIMIR V. PUTIN`: spaces for `_`, no stray parts."""
    text = raw.replace("_", " ")
    text = re.sub(r"\s*\([^)]*\)\s*", " ", text)  # "DIRECT ACTION (GREECE)" -> "DIRECT ACTION"
    return " ".join(text.split()).strip(" ,;")


def is_acronym(word: str, alone: bool = True) -> bool:
    """Written in capitals in news too: U.S., UN, IMF, PKK (dotted, short, or with no vowels).

    `alone`: the word is the whole name; inside a longer name only two-letter
    words (UN, US, EU) count, since "THE", "BIN", "AL" are words there.
    """
    letters = [c for c in word if c.isalpha()]
    if not letters or word != word.upper():
        return False
    if "." in word and len(letters) <= 6:
        return True
    if not any(c in "AEIOUY" for c in letters) and len(letters) <= 6:
        return True
    if alone:
        return len(letters) <= 3
    low = word.lower()
    return len(letters) <= 2 and low not in PARTICLES and low not in _SMALL_WORDS


def _word_case(word: str, first: bool, person: bool, alone: bool) -> str:
    low = word.lower()
    if word[:1].isdigit():  # "1ST" -> "1st"
        return low
    if person:
        if len([c for c in word if c.isalpha()]) == 1:  # an initial: "V."
            return word.upper()
        if not first and low in PARTICLES:
            return low
    else:
        if not first and low in _SMALL_WORDS:
            return low
        if is_acronym(word, alone):
            return word
    parts = re.split(r"([-'’])", low)
    out = []
    for i, part in enumerate(parts):
        if part in ("-", "'", "’"):
            out.append(part)
        elif i >= 2 and parts[i - 1] in ("'", "’") and len(part) <= 1:
            out.append(part)  # "people's"
        elif i >= 2 and parts[i - 1] == "-" and person and part in PARTICLES:
            out.append(part)  # "Abd-al-Rahman"
        else:
            out.append(part[:1].upper() + part[1:])
    cased = "".join(out)
    if cased.startswith("Mc") and len(cased) > 3:  # MCCAIN -> McCain
        cased = "Mc" + cased[2].upper() + cased[3:]
    return cased


def display(raw: str, person: bool = False) -> str:
    """A dictionary name written the way news writes it."""
    words = plain(raw).split()
    return " ".join(_word_case(w, i == 0, person, len(words) == 1) for i, w in enumerate(words))


def person_variants(name: str) -> list[str]:
    """Other casings news uses for one person's name: "Al-Assad" / "al-Assad", "Bin Laden"."""
    out = []
    words = name.split()
    capitalised = " ".join(w[:1].upper() + w[1:] if w.lower() in PARTICLES else w for w in words)
    if capitalised != name:
        out.append(capitalised)
    hyphen_particle = re.sub(r"\b(Al|El)-", lambda m: m.group(1).lower() + "-", name)
    if hyphen_particle != name:
        out.append(hyphen_particle)
    return out


_FOLD_DROP = str.maketrans({"-": None, "'": None, ".": None, "’": None, "ı": "i"})


@lru_cache(maxsize=200_000)
def fold(name: str) -> str:
    """Comparison key: "Amir-Abdollahian" -> "amirabdollahian", "Erdoğan" -> "erdogan"."""
    if name.isascii():
        text = name.lower()
    else:
        text = unicodedata.normalize("NFKD", name)
        text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(text.translate(_FOLD_DROP).split())


# Letters that stand for one sound in different transliterations (Persian, Arabic,
# Russian, Ukrainian into English, French, German, Indonesian), applied in order.
_TRANSLIT = (("sch", "sh"), ("tch", "ch"), ("dj", "j"), ("zh", "j"), ("ph", "f"), ("gh", "g"), ("dh", "d"),
             ("ck", "k"), ("x", "ks"), ("q", "k"), ("w", "v"), ("z", "s"), ("ou", "u"), ("ae", "a"), ("j", "y"),
             ("g", "k"))
_OW = re.compile(r"ow(?=[^aeiouy])")
_Y_BETWEEN_VOWELS = re.compile(r"(?<=[aeiou])y(?=[aeiou])")
_DOUBLED = re.compile(r"(.)\1+")
_FINAL_EH = re.compile(r"(?<=[a-z])[ea]h$")


@lru_cache(maxsize=200_000)
def translit(name: str) -> str:
    """A spelling-neutral key: "Rowhani", "Rouhani" -> "ruhani"; "Haniyeh", "Haniya" -> "hania"."""
    out = []
    for w in fold(name).split():
        if "ow" in w and not w.endswith("ow"):
            w = _OW.sub("u", w)  # Rowhani; but Bogdanow is Bogdanov
        if w.startswith("ye"):
            w = w[1:]  # Yevgeny / Evgeny
        for a, b in _TRANSLIT:
            if a in w:
                w = w.replace(a, b)
        if "y" in w:
            w = _Y_BETWEEN_VOWELS.sub("", w).replace("y", "i")  # Aliyev / Aliev
        w = _DOUBLED.sub(r"\1", w)  # Gaddafi / Gadafi
        if w.endswith("h"):
            w = _FINAL_EH.sub("a", w)  # Persian -eh, Arabic -ah / -a
        out.append(w)
    return " ".join(out)
