"""Where a story is set, so roles named without a country still get one.

Domestic news rarely names its own country: "Polisi menangkap 15 demonstran"
in a Jakarta story means Indonesian police and Indonesian protesters. A story's
home is the country most of its actors belong to, the dateline place counted
too (a wire story about Myanmar filed from Jakarta is at home in Myanmar); a
crowd or the police belong to the place the sentence or paragraph names first.

A capital written as the place after another name ("di Gedung DPR, Jakarta,")
is where something happened, not a party to it.
"""
from __future__ import annotations

from collections import Counter

from warta.actors.codes import is_non_state
from warta.model import Mention

HOME_SHARE = 0.4  # the home country is the most named, with at least this share of the mentions
DATELINE_WEIGHT = 2  # the dateline place counts as this many mentions
PRESS_NAMED = 2  # a story names the press's own country this often to be at home there


def home_country(mentions: list[Mention], dateline_country: str | None, press: str | None = None) -> str | None:
    counts: Counter[str] = Counter()
    for m in mentions:
        if m.actor and m.actor.country and not is_non_state(m.actor.code) and m.kind != "pronoun":
            counts[m.actor.country] += 1
    if dateline_country:
        counts[dateline_country] += DATELINE_WEIGHT
    if not counts:
        return None
    if press is not None and counts[press] >= PRESS_NAMED:
        # the press names foreign offices with their country, its own without: in a story that
        # involves its own country, an office named alone is its own
        return press
    country, n = counts.most_common(1)[0]
    return country if n / sum(counts.values()) >= HOME_SHARE and n > DATELINE_WEIGHT - 1 else None


def foreign_in(found: list[Mention], home: str) -> bool:
    """Does the sentence name a country other than home?"""
    return any(m.actor and m.actor.country and m.actor.country != home
               and not is_non_state(m.actor.code) for m in found)


def is_place_apposition(words: list[str], t0: int, place_preps: frozenset[str], reach: int = 5) -> bool:
    """"di depan Gedung DPR, Jakarta": a capital after a comma that closes a place phrase."""
    if t0 < 2 or words[t0 - 1] != ",":
        return False
    return any(words[k] in place_preps for k in range(max(0, t0 - 1 - reach), t0 - 1))
