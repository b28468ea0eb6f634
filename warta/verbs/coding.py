"""The event stage when imported verbs are loaded: the pack's EventCoder, with imported verbs
kept off words that are names, and off the pack's own predicates.

PETRARCH finds verbs with a parser; Warta matches words. A dictionary's verbs
are also nouns and adjectives ("the United States", "state media", "Israeli
police"), so an imported entry does not start on a word inside an actor's name,
on a capitalised word inside a sentence (a name nobody resolved), nor right
after a preposition of the pack (an infinitive or a noun: "to remain", "for
support"); and the gaps of its patterns pass over actors' names and the pack's
function words only ("filed the lawsuit", "blaming Iran for the attack", not
"concluded evidence supported": `warta.verbs.entries.FUNCTION_CLASSES`). On the
English development set the gap rule is what keeps precision from falling. The
pack's own entries are not affected. The positions are handed to the matcher
(`LexiconMatcher.sentence`) for the sentence being searched, which also leaves
out the imported patterns whose words the sentence lacks.
"""
from __future__ import annotations

from warta.lang.case import starts_capital
from warta.model import Analysis, Sentence, Trigger
from warta.pipeline.events import EventCoder
from warta.verbs.entries import FUNCTION_CLASSES

PREPOSITIONS = ("target_prep", "agent_prep", "other_prep", "place_prep", "locative")


class ImportingEventCoder(EventCoder):
    def __init__(self, pack, ontology, settings):
        super().__init__(pack, ontology, settings)
        self._function = frozenset().union(*(pack.word_class(c) for c in FUNCTION_CLASSES))
        self._preps = frozenset().union(*(pack.word_class(c) for c in PREPOSITIONS))
        self._names: dict[int, set[int]] = {}

    def __call__(self, analysis: Analysis) -> Analysis:
        names: dict[int, set[int]] = {}
        for m in analysis.mentions:
            names.setdefault(m.sentence, set()).update(range(m.tok_start, m.tok_end))
        self._names = names
        try:
            return super().__call__(analysis)
        finally:
            self._names = {}

    def find_triggers(self, sent: Sentence, words: list[str] | None = None) -> list[Trigger]:
        if words is None:
            words = [t.lower for t in sent.tokens]
        blocked = set(self._names.get(sent.index, ()))
        if not sent.is_title:
            blocked.update(i for i, t in enumerate(sent.tokens) if i and starts_capital(t.text))
        blocked.update(i for i in range(1, len(words)) if words[i - 1] in self._preps)
        passable = set(self._names.get(sent.index, ()))
        passable.update(i for i, w in enumerate(words) if w in self._function)
        self.matcher.sentence(words, blocked, frozenset(passable))
        try:
            return super().find_triggers(sent, words)
        finally:
            self.matcher.sentence(None)
