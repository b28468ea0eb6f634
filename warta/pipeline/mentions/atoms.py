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
        starts, ends = _TokenAt(sentences, True), _TokenAt(sentences, False)
        raw: dict[int, list[Atom]] = {}
        for start, end, entry in self.gazetteer.find(text):
            a, b = starts.get(start), ends.get(end)
            if a is None or b is None or a[0] != b[0]:
                continue
            raw.setdefault(a[0], []).append(Atom(a[1], b[1] + 1, entry))
        out = []
        for s in sentences:
            cands = raw.get(s.index)
            if not cands:
                out.append([])
                continue
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
    """(sentence index, token index) of the token starting (or ending) at an offset of the text,
    as a dict of them would answer `get`; found by bisection, as a document has thousands of
    tokens and a few gazetteer hits to place."""

    def __init__(self, sentences, starts: bool):
        self.sentences = sentences
        self.offsets = [t.start for s in sentences for t in s.tokens] if starts else \
            [t.end for s in sentences for t in s.tokens]
        self.firsts = list(accumulate((len(s.tokens) for s in sentences), initial=0))

    def get(self, offset: int):
        k = bisect_left(self.offsets, offset)
        if k == len(self.offsets) or self.offsets[k] != offset:
            return None
        n = bisect_right(self.firsts, k) - 1
        return self.sentences[n].index, k - self.firsts[n]
