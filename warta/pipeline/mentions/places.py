"""Places: the story's own country (its dateline, its most named country), a place that only says
where something happened ("di Gedung DPR, Jakarta,"), and a dateline's place, which is no actor."""
from __future__ import annotations

from dataclasses import replace

from warta.actors.people import split_code
from warta.lang.case import in_capitals
from warta.model import Actor, Mention, Sentence
from warta.pipeline.mentions.atoms import PLACE_KINDS, Atom
from warta.pipeline.setting import is_place_apposition


class Places:
    """The story's country and the places a sentence is set in.

    Reads the finder's gazetteer, place_preps (set by ActorFinder.__init__).
    """

    @staticmethod
    def _at_home(m: Mention, home: str | None) -> Mention:
        """A body every country has, written without a country, in a story set abroad: that country's."""
        if not m.rule.endswith(":home") or home is None or m.actor is None or m.actor.country == home:
            return m
        return replace(m, actor=Actor.of(home, m.actor.sector))

    def _dateline_country(self, place: str | None) -> str | None:
        entry = self.gazetteer.lookup(place.title()) if place else None
        return split_code(entry.value).country if entry and entry.kind in PLACE_KINDS else None

    def _places_apart(self, sent, words: list[str], found: list[Mention]) -> tuple[list[Mention], str | None]:
        """"di Gedung DPR, Jakarta,": the capital says where, it is no party. Returns the
        mentions and the country of the place the sentence names, if any (`words`: the sentence's
        tokens in lower case)."""
        out, place = [], None
        for m in found:
            if m.kind in PLACE_KINDS and m.actor and m.actor.country:
                if m.kind in ("capital", "region") and is_place_apposition(words, m.tok_start, self.place_preps):
                    place = place or m.actor.country
                    m = replace(m, actor=None)
                elif m.tok_start > 0 and words[m.tok_start - 1] in self.place_preps:
                    place = place or m.actor.country
            out.append(m)
        return out, place


def _is_dateline(text: str, sent: Sentence, atom: Atom, place: str | None) -> bool:
    """"REPUBLIKA.CO.ID, MOSKOW –": the place a story was filed from is not an actor."""
    if not place:
        return False
    tok = sent.tokens[atom.t0]
    written = text[tok.start : sent.tokens[atom.t1 - 1].end]
    return in_capitals(written) and written.lower() == place.lower()
