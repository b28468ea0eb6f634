"""Atoms: the gazetteer's hits in a document, placed on the tokens of their sentence
(leftmost-longest, no overlaps). The other modules compose mentions from them."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate

from warta.actors.gazetteer import Entry
from warta.model import Sentence

# mentions of a place that is (part of) a country; region: a province
PLACE_KINDS = ("country", "capital", "region")
_ACTORISH = (*PLACE_KINDS, "org", "group")
_COORDINATOR_WORD = Entry("word", "coordinator")


@dataclass(frozen=True, slots=True)
class Atom:
    t0: int
    t1: int  # token span in the sentence, end exclusive
    entry: Entry


class Atoms:
    """Finding a document's atoms.

    Reads the finder's gazetteer (set by ActorFinder.__init__).
    """

    def _atoms(self, text: str, sentences: tuple[Sentence, ...]) -> list[list[Atom]]:
        tokens = _TokenAt(sentences)
        raw: dict[int, list[Atom]] = {}
        for start, end, entry in self.gazetteer.find(text):
            span = tokens.span(start, end)
            if span is not None:
                raw.setdefault(span[0], []).append(Atom(span[1], span[2], entry))
        out = []
        for s in sentences:
            cands = raw.get(s.index)
            if not cands:
                out.append([])
                continue
            if len(cands) > 1:
                cands = sorted(cands, key=lambda x: (x.t0, -(x.t1 - x.t0)))
            chosen, taken_to = [], -1
            for atom in cands:  # leftmost-longest, no overlaps
                if atom.t0 >= taken_to:
                    chosen.append(atom)
                    taken_to = atom.t1
                elif atom.t1 > taken_to and chosen[-1].entry.kind == "role" and atom.entry.kind != "role":
                    # "anggota Dewan Perwakilan Rakyat": a body's name that a role phrase ("anggota
                    # dewan") only begins is the body
                    chosen[-1] = atom
                    taken_to = atom.t1
            out.append(chosen)
        return out


class _TokenAt:
    """The tokens a span of the text covers, as (sentence index, first token, end token): found by
    bisection over the starts of the document's tokens, as a document has thousands of tokens and
    a few gazetteer hits to place. The tokens follow one another through the text, none empty and
    none overlapping the next, so the token that ends a span is the last one starting inside it."""

    def __init__(self, sentences):
        self.sentences = sentences
        self.starts = [t.start for s in sentences for t in s.tokens]
        self.firsts = list(accumulate((len(s.tokens) for s in sentences), initial=0))

    def span(self, start: int, end: int) -> tuple[int, int, int] | None:
        """The tokens from offset `start` to offset `end`, if a token starts at the one and a token
        of the same sentence ends at the other; else None."""
        starts = self.starts
        k = bisect_left(starts, start)
        if k == len(starts) or starts[k] != start:
            return None
        n = bisect_right(self.firsts, k) - 1  # the sentence of the first token
        first, past = self.firsts[n], self.firsts[n + 1]
        j = bisect_left(starts, end, k, past) - 1  # its last token starting before the span's end
        sent = self.sentences[n]
        if sent.tokens[j - first].end != end:
            return None
        return sent.index, k - first, j - first + 1
