"""Code events: lexicon triggers plus the actors around them.

For each trigger the source is the nearest actor group on its left that no
preposition governs (the subject), the target the first group on its right
that is bare or behind a target preposition ("dengan", "terhadap"). Passive
voice swaps them; symmetric predicates (meet, sign, agree) pair the members of
a compound actor ("Rusia dan Iran menandatangani"); nominal predicates take
their agent from the right ("kecaman Rusia terhadap AS"). Negated or
not-yet-happened predicates ("tidak", "akan") are not coded as done.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from warta.lang import LanguagePack, VerbEntry
from warta.model import Analysis, Event, Mention, Sentence, Trigger
from warta.ontology import Ontology
from warta.pipeline.actors import compound_groups
from warta.pipeline.morphology import LexiconMatcher, Morphology
from warta.settings import Settings


@dataclass(frozen=True, slots=True)
class Group:
    members: tuple[Mention, ...]
    t0: int
    t1: int
    prep: str | None  # class of the word just before the group, if a preposition


class EventCoder:
    name = "warta.events.v1"
    requires = ("sentences", "dates", "mentions")
    assigns = ("triggers", "events")

    def __init__(self, pack: LanguagePack, ontology: Ontology, settings: Settings):
        self.pack = pack
        self.ontology = ontology
        self.settings = settings
        self.matcher = LexiconMatcher(pack, Morphology(pack))
        self.entries = {e.id: e for e in pack.verbs}
        self._prep_class = {}
        for cls in ("target_prep", "agent_prep", "other_prep"):
            for w in pack.word_class(cls):
                self._prep_class.setdefault(w, cls)

    def __call__(self, analysis: Analysis) -> Analysis:
        by_sentence: dict[int, list[Mention]] = {}
        for m in analysis.mentions:
            by_sentence.setdefault(m.sentence, []).append(m)
        triggers, events = [], []
        for sent in analysis.sentences:
            found = self.find_triggers(sent)
            triggers.extend(found)
            mentions = [m for m in by_sentence.get(sent.index, []) if m.actor is not None]
            if not found or not mentions:
                continue
            groups = self._groups(sent, mentions)
            seen = set()
            objects: set[int] = set()  # groups already taken as an object in this sentence
            for trig in found:
                for ev in self._code(analysis, sent, trig, groups, found, objects):
                    key = (ev.source, ev.target, ev.code)
                    if key not in seen:
                        seen.add(key)
                        events.append(ev)
        return analysis.with_(triggers=tuple(triggers), events=tuple(events))

    # -- triggers ---------------------------------------------------------------

    def find_triggers(self, sent: Sentence) -> list[Trigger]:
        words = [t.lower for t in sent.tokens]
        out: list[Trigger] = []
        i = 0
        while i < len(words):
            best = None
            for entry in self.matcher.candidates(words, i):
                got = self.matcher.match_at(words, i, entry)
                if got and (best is None or got[0] > best[1]):
                    best = (entry, got[0], got[1])
            if best is None:
                i += 1
                continue
            entry, end, passive = best
            toks = sent.tokens
            out.append(Trigger(sent.index, i, end, toks[i].start, toks[end - 1].end, entry.id, entry.code, passive))
            i = end
        return out

    # -- actors around a trigger --------------------------------------------------

    def _groups(self, sent: Sentence, mentions: list[Mention]) -> list[Group]:
        out = []
        for members in compound_groups(mentions, sent, self.pack.word_class("coordinator")):
            t0, t1 = members[0].tok_start, max(m.tok_end for m in members)
            prev = sent.tokens[t0 - 1].lower if t0 > 0 else None
            out.append(Group(tuple(members), t0, t1, self._prep_class.get(prev)))
        return out

    def _code(self, analysis, sent, trig: Trigger, groups: list[Group], triggers: list[Trigger],
              objects: set[int]) -> list[Event]:
        entry = self.entries[trig.entry_id]
        words = [t.lower for t in sent.tokens]
        nxt_trigger = min((t.tok_start for t in triggers if t.tok_start >= trig.tok_end), default=len(words))
        obj = self._object(words, trig, groups, nxt_trigger)
        if obj is not None and not trig.passive:  # a passive's right-hand group is its agent
            objects.add(obj.t0)
        if self._blocked(words, trig, entry):
            return []
        subject = self._subject(words, trig, [g for g in groups if g.t0 not in objects])
        pairs: list[tuple[Mention, Mention]] = []
        how = entry.frame
        if entry.frame == "nominal":
            agent = next((g for g in groups if g.t0 == trig.tok_end and g.prep is None), None)
            if agent is not None:
                after = [g for g in groups if g.t0 >= agent.t1 and g.prep in ("target_prep", None)
                         and g.t0 - agent.t1 <= self.settings.target_window]
                pairs = _cross(agent, after[0]) if after else []
                how = "nominal:agent-after"
        if not pairs:
            if trig.passive:
                subject, obj = obj, subject
                how += ":passive"
            if entry.frame == "symmetric" and subject is not None and _distinct(subject) > 1 and obj is None:
                pairs = _within(subject)
            elif entry.frame == "symmetric" and subject is None and obj is not None and _distinct(obj) > 1:
                pairs = _within(obj)
            elif subject is not None and obj is not None:
                pairs = _cross(subject, obj)
        events = [self._event(analysis, sent, trig, entry, s, t, how) for s, t in pairs]
        return [e for e in events if e.source != e.target]

    def _blocked(self, words, trig: Trigger, entry: VerbEntry) -> bool:
        window = words[max(0, trig.tok_start - self.settings.negation_window): trig.tok_start]
        if any(w in self.pack.word_class("negation") for w in window):
            return True
        modal = any(w in self.pack.word_class("modal") for w in window)
        return modal and entry.code[:2] not in self.settings.intent_roots

    def _subject(self, words, trig: Trigger, groups: list[Group]) -> Group | None:
        breaks = self.pack.word_class("clause_break")
        for g in reversed([g for g in groups if g.t1 <= trig.tok_start]):
            if g.prep is not None:
                continue
            if trig.tok_start - g.t1 > self.settings.subject_window:
                return None
            if any(w in breaks for w in words[g.t1: trig.tok_start]):
                return None
            return g
        return None

    def _object(self, words, trig: Trigger, groups: list[Group], limit: int) -> Group | None:
        speech = self.pack.word_class("speech_verb")
        for g in groups:
            if g.t0 < trig.tok_end:
                continue
            if g.t0 >= limit or g.t0 - trig.tok_end > self.settings.target_window:
                return None
            if any(w in speech for w in words[trig.tok_end : g.t0]):
                return None  # '..." ujar Presiden Iran': the speaker, not the object
            if g.prep == "other_prep":
                continue  # "di Moskow": a place, not a party
            return g
        return None

    # -- building the event -------------------------------------------------------

    def _event(self, analysis, sent, trig, entry, src: Mention, tgt: Mention, how: str) -> Event:
        info = self.ontology[entry.code]
        day, date_how = analysis.dates[sent.index] if analysis.dates else (None, "none")
        start = min(src.start, trig.start, tgt.start)
        end = max(src.end, trig.end, tgt.end)
        return Event(
            doc=analysis.document.id,
            sentence=sent.index,
            source=self._promote(src, entry.code),
            target=self._promote(tgt, entry.code),
            source_name=src.text,
            target_name=tgt.text,
            code=entry.code,
            name=info.name,
            goldstein=info.goldstein,
            quad_class=info.quad_class,
            plover=info.plover,
            date=day,
            date_source=date_how,
            location=self._place(analysis, sent),
            sentence_text=sent.text,
            span=(start, end),
            trigger_span=(trig.start, trig.end),
            source_span=(src.start, src.end),
            target_span=(tgt.start, tgt.end),
            rule=f"lexicon:{self.pack.code}:{entry.id}:{how}",
            lang=self.pack.code,
            pack_version=self.pack.stamp,
            source_actor_name=src.actor.name,
            target_actor_name=tgt.actor.name,
        )

    def _promote(self, mention: Mention, code: str) -> str:
        """A country acting in diplomacy acts through its government."""
        actor = mention.actor
        if actor.sector is None and mention.kind == "country" and code[:2] in self.settings.government_roots \
                and actor.country and len(actor.code) == 3:
            return actor.code + "GOV"
        return actor.code

    def _place(self, analysis: Analysis, sent: Sentence) -> str | None:
        words = [t.lower for t in sent.tokens]
        place_preps = self.pack.word_class("place_prep")
        for m in analysis.mentions:
            if m.sentence == sent.index and m.tok_start > 0 and words[m.tok_start - 1] in place_preps \
                    and m.kind in ("capital", "country"):
                return m.text
        place = analysis.document.dateline_place
        if place and analysis.sentences:
            lead = next((s.paragraph for s in analysis.sentences if place.lower() in s.text.lower()), None)
            if lead is not None and sent.paragraph == lead:
                return place.title()
        return None


def _distinct(group: Group) -> int:
    return len({m.actor.code for m in group.members})


def _within(group: Group) -> list[tuple[Mention, Mention]]:
    return list(combinations(group.members, 2))


def _cross(a: Group, b: Group) -> list[tuple[Mention, Mention]]:
    return [(s, t) for s in a.members for t in b.members]
