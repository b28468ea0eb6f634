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
from warta.pipeline.mood import Mood
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
        self.mood = Mood(pack, settings)
        self.speech = pack.word_class("speech_verb")
        self.breaks = pack.word_class("clause_break")
        # phrases that look like a predicate but are none ("bunuh diri"): no trigger starts inside one
        self.non_events = tuple(sorted({tuple(p.split()) for p in pack.word_class("non_event")}, key=len, reverse=True))

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
        blocked = self._non_event_tokens(words)
        i = 0
        while i < len(words):
            if i in blocked:
                i += 1
                continue
            best = None
            for entry in self.matcher.candidates(words, i):
                got = self.matcher.match_at(words, i, entry)
                # the most words matched wins; of equals, the tighter match ("meminta Qatar menengahi")
                if got and (best is None or (got[2], -got[0]) > (best[3], -best[1])):
                    best = (entry, got[0], got[1], got[2])
            if best is None:
                i += 1
                continue
            entry, end, passive, _ = best
            toks = sent.tokens
            out.append(Trigger(sent.index, i, end, toks[i].start, toks[end - 1].end, entry.id, entry.code, passive))
            i = end
        return out

    def _non_event_tokens(self, words: list[str]) -> set[int]:
        out: set[int] = set()
        if not self.non_events:
            return out
        for i, w in enumerate(words):
            for phrase in self.non_events:
                if w == phrase[0] and tuple(words[i:i + len(phrase)]) == phrase:
                    out.update(range(i, i + len(phrase)))
                    break
        return out

    # -- actors around a trigger --------------------------------------------------

    def _groups(self, sent: Sentence, mentions: list[Mention]) -> list[Group]:
        out = []
        articles = self.pack.word_class("article")
        for members in compound_groups(mentions, sent, self.pack.word_class("coordinator"), articles):
            t0, t1 = members[0].tok_start, max(m.tok_end for m in members)
            k = _before(sent.tokens, t0, articles)
            prev = sent.tokens[k].lower if k >= 0 else None
            out.append(Group(tuple(members), t0, t1, self._prep_class.get(prev)))
        return out

    def _code(self, analysis, sent, trig: Trigger, groups: list[Group], triggers: list[Trigger],
              objects: set[int]) -> list[Event]:
        entry = self.entries[trig.entry_id]
        words = [t.lower for t in sent.tokens]
        obj = self._object(words, trig, entry, groups, triggers)
        passive = trig.passive or entry.frame == "passive"
        if obj is not None and not passive:  # a passive's right-hand group is its agent
            objects.add(obj.t0)
        reading = self.mood.read(words, trig.tok_start, entry)
        if reading.code is None:
            return []
        # a group taken as an earlier predicate's object is no subject, unless it stands right
        # before this one: "criticized Chinese military drills", "mengecam Israel menyerang Gaza"
        candidates = [g for g in groups if g.t0 not in objects or g.t1 == trig.tok_start]
        if entry.frame == "nominal":
            # a noun takes no subject from across another predicate: "mengecam serangan terhadap Gaza"
            since = max((t.tok_end for t in triggers if t.tok_end <= trig.tok_start), default=0)
            candidates = [g for g in candidates if g.t0 >= since]
        subject = self._subject(words, trig, candidates)
        if subject is not None and entry.frame != "nominal" and self._agent_of_noun(subject, trig, triggers):
            return []  # "Serangan Israel menewaskan ...": a consequence of the attack, not a second event
        pairs: list[tuple[Mention, Mention]] = []
        how = entry.frame
        if entry.frame == "nominal":
            # the agent follows the noun, or is named inside it ("bantuan militer AS": militer AS)
            agent = next((g for g in groups if trig.tok_start < g.t0 <= trig.tok_end and g.prep is None), None)
            if agent is not None:
                after = [g for g in groups if g.t0 >= agent.t1 and self._may_be_target(words, g, entry)
                         and g.t0 - agent.t1 <= self.settings.target_window
                         and not any(w in self.speech for w in words[agent.t1:g.t0])]
                pairs = _cross(agent, after[0]) if after else []
                how = "nominal:agent-after"
        if not pairs:
            if passive:
                subject, obj = obj, subject
                how += ":passive"
            if entry.frame == "symmetric" and subject is not None and _distinct(subject) > 1 and obj is None:
                pairs = _within(subject)
            elif entry.frame == "symmetric" and subject is None and obj is not None and _distinct(obj) > 1:
                pairs = _within(obj)
            elif subject is not None and obj is not None:
                pairs = _cross(subject, obj)
        if reading.mood != "done":
            how += f":{reading.mood}"
        events = [self._event(analysis, sent, trig, entry, s, t, how, reading.code) for s, t in pairs]
        return [e for e in events if e.source != e.target]

    def _agent_of_noun(self, group: Group, trig: Trigger, triggers: list[Trigger]) -> bool:
        return any(t.tok_start < group.t0 <= t.tok_end <= trig.tok_start and self.entries[t.entry_id].frame == "nominal"
                   for t in triggers)

    def _may_be_target(self, words, g: Group, entry: VerbEntry) -> bool:
        """Bare, behind a target preposition, or behind one the entry names ("serangan di Gaza")."""
        return g.prep in ("target_prep", None) or (g.t0 > 0 and words[g.t0 - 1] in entry.preps)

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

    def _object(self, words, trig: Trigger, entry: VerbEntry, groups: list[Group],
                triggers: list[Trigger]) -> Group | None:
        # the object may lie past a noun predicate ("mengecam serangan Israel"), not past a verb;
        # two sides acting together have no object behind a noun ("sepakat melawan sanksi AS")
        limit = min((t.tok_start for t in triggers if t.tok_start >= trig.tok_end
                     and (entry.frame == "symmetric" or self.entries[t.entry_id].frame != "nominal")),
                    default=len(words))
        articles = self.pack.word_class("article")
        for g in groups:
            # a party named inside the predicate's own gap ("expelled Russian diplomats",
            # "urged Israel to halt") is its object too
            if g.t0 <= trig.tok_start:
                continue
            if g.t0 >= limit or g.t0 - trig.tok_end > self.settings.target_window:
                return None
            if any(w in self.speech for w in words[trig.tok_end : g.t0]):
                return None  # '..." ujar Presiden Iran': the speaker, not the object
            if g.prep == "other_prep" and not all(w in articles for w in words[trig.tok_end : g.t0]) \
                    and words[g.t0 - 1] not in entry.preps:
                continue  # "di Moskow": a place, not a party (unless the entry names the preposition: "tiba di")
            return g
        return None

    # -- building the event -------------------------------------------------------

    def _event(self, analysis, sent, trig, entry, src: Mention, tgt: Mention, how: str,
               code: str | None = None) -> Event:
        code = code or entry.code
        info = self.ontology[code]
        day, date_how = analysis.dates[sent.index] if analysis.dates else (None, "none")
        start = min(src.start, trig.start, tgt.start)
        end = max(src.end, trig.end, tgt.end)
        return Event(
            doc=analysis.document.id,
            sentence=sent.index,
            source=self._promote(src, code),
            target=self._promote(tgt, code),
            source_name=src.text,
            target_name=tgt.text,
            code=code,
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
        articles = self.pack.word_class("article")
        for m in analysis.mentions:
            k = _before(sent.tokens, m.tok_start, articles) if m.sentence == sent.index else -1
            if k >= 0 and words[k] in place_preps and m.kind in ("capital", "country"):
                return m.text
        place = analysis.document.dateline_place
        if place and analysis.sentences:
            lead = next((s.paragraph for s in analysis.sentences if place.lower() in s.text.lower()), None)
            if lead is not None and sent.paragraph == lead:
                return place.title()
        return None


def _before(tokens, t0: int, articles: frozenset[str]) -> int:
    """Index of the word before token t0, passing over articles ("in the capital"); -1 at the start."""
    k = t0 - 1
    while k >= 0 and tokens[k].lower in articles:
        k -= 1
    return k


def _distinct(group: Group) -> int:
    return len({m.actor.code for m in group.members})


def _within(group: Group) -> list[tuple[Mention, Mention]]:
    return list(combinations(group.members, 2))


def _cross(a: Group, b: Group) -> list[tuple[Mention, Mention]]:
    return [(s, t) for s in a.members for t in b.members]
