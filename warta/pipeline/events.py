"""Code events: lexicon triggers plus the actors around them.

For each trigger the source is the nearest actor group on its left that no
preposition governs (the subject), the target the first group on its right
that is bare or behind a target preposition ("dengan", "terhadap"). Passive
voice swaps them; symmetric predicates (meet, sign, agree) pair the members of
a compound actor ("Rusia dan Iran menandatangani"); nominal predicates take
their agent from the right ("kecaman Rusia terhadap AS"). Negated or
not-yet-happened predicates ("tidak", "akan") are not coded as done.

A named person nobody could resolve ("Ahmad Vahidi bertemu Menlu Rusia") takes
part with their name and no code (source None, source_name "Ahmad Vahidi"), as
GDELT keeps an actor's name with empty codes; an event needs at least one
coded side, and two uncoded people are told apart by their names.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta
from itertools import chain, combinations, compress
from operator import attrgetter

from warta.actors.people import split_code
from warta.actors.codes import is_non_state
from warta.lang import LanguagePack, VerbEntry
from warta.lang.case import is_name_token, written_plain
from warta.model import Actor, Analysis, Event, Mention, Sentence, Trigger
from warta.ontology import Ontology
from warta.pipeline.mentions import PLACE_KINDS, compound_groups
from warta.pipeline.mood import CLAUSE_END, Mood
from warta.pipeline.setting import is_place_apposition
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

    KIN_WORDS = 4  # "of" and the words of description between a relative's word and the relative's kin
    NOUN_REACH = 3  # words between a noun predicate and a subject on its left
    SOURCE_REACH = 8  # words between "according" and the speaker behind "by" ("according to a post on Friday by X")
    OFFICE_WORDS = 4  # words of a speaker's office between a closing quote and the speaker's name
    EMBED_WINDOW = 3  # words between a predicate and another standing in its object phrase
    GOVERN_WINDOW = 4  # words (actors' names aside) between an appeal ("mendesak") and what it asks for
    GOVERNING_ROOTS = frozenset({"02", "10", "12", "13"})  # appeal, demand, reject, threaten
    JUDGEMENT_CODE = "111"  # criticize or denounce: bad words a speaker says of another party
    DEMAND_CODE = "100"  # demand: a party a speaker says must act
    APPEAL_CODE = "020"  # appeal: a party a speaker says should act
    MEET_ROOT = "04"  # meet, discuss, negotiate: only parties meet, a law they discuss is none
    ACCUSE_CODE = "112"  # accuse: a party a speaker says caused a harm or stands behind it
    SPORT_ARTICLE = 3  # words of sport a story holds to be a sports story
    BARE_AGENT_GAP = 1  # words between a passive verb and its agent written without "oleh" ("dikecam keras Rusia")
    # CAMEO 172 curbs the rights of one's own civilians; the same ban on another country's party
    # restricts relations with it (163, embargo or sanctions)
    DOMESTIC_SANCTION, FOREIGN_SANCTION = "172", "163"
    ASSAULT_ROOT = "19"  # fight: its object a thing said or decided makes it a verbal attack (111)
    DEED_ROOTS = frozenset({"18", "19", "20"})  # violence: inside another's quote, an accusation
    CONFLICT_ROOTS = frozenset({"11", "12", "13", "16", "17", "18", "19", "20"})
    PROTEST_CODES = frozenset({"140", "141"})  # demonstrate (a blockade or a riot names what it hits)
    # told in the passive with no agent, who did it: the police arrest; a criminal nobody names assaults
    # (a stabbing, a beating); unidentified armed men abduct
    IMPLIED_AGENTS = {"173": "COP", "181": "UAF", "182": "CRM", "1821": "CRM"}
    AID_CODES = ("070", "073", "033")  # aid given or offered: its receiver may go unnamed (arms sold, money invested: not)
    STATE_SECTORS = frozenset({None, "GOV", "MIL", "COP", "SPY", "JUD"})  # no crowd protesting its own state
    ORDER_SECTORS = frozenset({"COP", "JUD", "SPY"})  # police, courts, spies: never a protest's crowd (troops may march)
    PROTESTED_SECTORS = STATE_SECTORS | {"LEG"}  # what an unnamed crowd protests against ("unjuk rasa di DPR")
    FUTURE_ROOTS = frozenset({"03", "13"})  # intents and threats: their day may lie ahead
    INTENT_ROOT = "03"  # an invitation governs the verb close after its guest ("mengundang X berkunjung")
    INTENT_WINDOW = 2
    # reactions whose other party may be the doer (or, for a claim, the target) of a deed told before
    REACTION_ROOTS = frozenset({"01", "02", "05", "09", "10", "11", "12"})
    CLAIM_CODE = "015"  # claim responsibility: the claimant did the deed
    REFERENT_GAP = 3  # words between a reaction and the noun of the deed it reacts to ("for the", "into the")

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
        self.passive_aux = pack.word_class("passive_aux")  # "was reported": no speaker follows
        self.breaks = pack.word_class("clause_break")
        self.coordinators = pack.word_class("coordinator")
        self.relatives = pack.word_class("relative")
        self.verbal_targets = pack.word_class("verbal_target")  # "attacked the decision": words, not force
        self.topic_nouns = pack.word_class("topic_noun")  # kasus, masalah: "kasus penganiayaan" is a topic
        self.between = pack.word_class("between")  # "talks between A and B": the pair after it are the parties
        self.light_verbs = pack.word_class("light_verb")
        # roots of the light verbs ("melakukan": laku, lakukan), to know their passives ("dilakukan")
        self._light_roots = {r for w in self.light_verbs for r, v in self.matcher.morph.analyses(w).items() if v}
        self.articles = pack.word_class("article")
        self.kin = pack.word_class("kin")  # fiancée, son: "the son of X" is not X
        self.joiners = pack.word_class("name_joiner")
        self.against = pack.word_class("against_prefix")  # anti-: "anti-government" names the target
        self.definite = pack.word_class("definite")  # "the attacks": a deed the story told before
        self.comma_complements = pack.word_class("comma_complement")
        self.story_deeds = pack.word_class("story_deed")  # "the move": the deed the headline tells
        self.subordinators = pack.word_class("subordinator")  # after, before: no passive's agent behind them
        self.doer_participles = _phrases(pack.word_class("doer_participle"))  # "a raid blamed on X"
        self.function_words = frozenset().union(*(pack.word_class(c) for c in (
            "target_prep", "agent_prep", "other_prep", "place_prep", "locative", "name_joiner", "article")))
        self.place_preps = pack.word_class("place_prep")
        self.titles = frozenset(t for t in pack.word_class("person_title") if " " not in t)
        # a speaker's bad words about another party: "X menilai Y melanggar konstitusi" (see _judgements)
        self.judging = pack.word_class("judgement_verb") | self.speech
        # (each by its first word: only the phrases opening with a word can match at it)
        self.negatives = _by_first(_phrases(pack.word_class("negative")))
        self.blames = _by_first(_phrases(pack.word_class("blame")))
        self.obligations = pack.word_class("obligation")
        self.advice = pack.word_class("advice")
        # a sentence with none of these words holds no judgement (`_judgements` finds one by them)
        self.judgement_words = self.obligations.union(self.advice, self.negatives, self.blames)
        self.sport = pack.word_class("sport")  # laga, timnas: a story about sport codes no events
        self.self_pronouns = pack.word_class("self_pronoun")
        self.quote_marks = pack.word_class("quote_mark")
        self.scare_quotes = pack.word_class("scare_quote")
        self.verb_first = pack.word_order == "VSO"
        self._judgement = VerbEntry("judgement", (), self.JUDGEMENT_CODE, "svo", "", "")
        # phrases that look like a predicate but are none ("bunuh diri"): no trigger starts inside one
        self.non_events = _by_first(_phrases(pack.word_class("non_event")))
        self._non_event_firsts = frozenset(self.non_events)

    def __call__(self, analysis: Analysis) -> Analysis:
        # each sentence's words in lower case, found once for every step that reads them
        lowered = [list(map(_LOWER, s.tokens)) for s in analysis.sentences]
        if self.sport and sum(map(self.sport.__contains__, chain.from_iterable(lowered))) >= self.SPORT_ARTICLE:
            return analysis.with_(triggers=(), events=())  # a match report: teams, not states, "meet" and "attack"
        by_sentence: dict[int, list[Mention]] = {}
        for m in analysis.mentions:
            by_sentence.setdefault(m.sentence, []).append(m)
        triggers, events = [], []
        earlier: list[tuple[Trigger, list[Event], Mention | None]] = []  # each predicate so far, its events, its place
        lead = self._dateline_paragraph(analysis)
        for sent, words in zip(analysis.sentences, lowered):
            found = self.find_triggers(sent, words)
            if found:
                names = [m for m in by_sentence.get(sent.index, ()) if m.tok_end - m.tok_start > 1
                         and m.kind in ("org", "group", *PLACE_KINDS)]
                # "Pasukan Dukungan Cepat", "Front Pembebasan": a predicate word inside a name is none,
                # nor one capitalised after a capitalised word in running text ("Badan Kerja Sama ...")
                toks = sent.tokens
                found = [t for t in found if not any(m.tok_start < t.tok_start < m.tok_end for m in names)
                         and not (not sent.is_title and t.tok_start > 1 and is_name_token(toks[t.tok_start].text)
                                  and is_name_token(toks[t.tok_start - 1].text))]
            triggers.extend(found)
            speech = (self.negatives or self.obligations or self.advice or self.blames) and (
                sent.is_title or not self.judging.isdisjoint(words))
            judged = speech and not self.judgement_words.isdisjoint(words)
            if not found and not judged:
                continue
            # a role the story's country was given to ("mengerahkan polisi") is no party when the
            # predicate's own words name it (at its edge: inside a gap it is the object)
            mentions = [m for m in by_sentence.get(sent.index, []) if _party(m) and not (
                m.rule == "role+home" and any(m.tok_start == t.tok_start or m.tok_end == t.tok_end
                                              for t in found)) and not (
                m.kind == "region" and not self._standalone(sent, m, found))]
            if not mentions:
                continue
            groups = self._groups(sent, mentions)
            seen = set()
            objects: set[int] = set()  # groups already taken as an object in this sentence
            parties: list = []  # (subject, object) of each predicate so far, for "melalui telepon"
            place = self._place(analysis, sent, by_sentence.get(sent.index, ()), lead)
            names = frozenset(k for m in by_sentence.get(sent.index, ()) if m.kind == "name"
                              for k in range(m.tok_start, m.tok_end))
            coded = [ev for trig in found
                     for ev in self._code(analysis, sent, trig, groups, found, objects, parties, place, earlier, names,
                                          words)]
            if judged:
                coded += self._judgements(analysis, sent, groups, coded, place)
            if speech:
                coded = self._quoted_deeds(analysis, sent, groups, coded, place)
            spot = self._place_mention(sent, by_sentence.get(sent.index, ()))
            earlier.extend((t, [e for e in coded if e.trigger_span == (t.start, t.end)], spot) for t in found)
            for ev in coded:
                key = (_side(ev.source, ev.source_name), _side(ev.target, ev.target_name), ev.code)
                if key not in seen:
                    seen.add(key)
                    events.append(ev)
        return analysis.with_(triggers=tuple(triggers), events=tuple(events))

    # -- judgements -----------------------------------------------------------------

    def _judgements(self, analysis, sent: Sentence, groups: list[Group], coded: list[Event],
                    place: str | None = None) -> list[Event]:
        """What a speaker says of another party, though no predicate of the lexicon says it:
        bad words are a criticism (111: "X menilai Y melanggar konstitusi", '"Y merusak demokrasi,"
        kata X', "X called Y's deal lousy"), blame an accusation (112: "X mengatakan Y dalang
        kerusuhan", "X said Y was behind the attack"), a party that must act is a demand (100: "X mengatakan Y
        harus mundur", "X said Y must return the helicopter", the headline "X: Y Harus ..."). The
        speaker acts; the words (the pack's `negative` and `obligation` classes, not negated) and the
        party they fall on stand in the clause the speech verb opens. Nothing is added where the
        lexicon already coded the speaker in conflict."""
        words = [t.lower for t in sent.tokens]
        out: list[Event] = []
        for k, w, speaker, lo, hi in self._speeches(sent, words, groups):
            mine = {_identity(m) for m in speaker.members}
            # the words fall on a party the text codes, not on a name nobody resolved (a place, a thing)
            parties = [g for g in groups if lo <= g.t0 < hi and g is not speaker
                       and all(m.actor is not None for m in g.members)
                       and not mine & {_identity(m) for m in g.members}]
            if not parties or any(e.code[:2] in self.CONFLICT_ROOTS
                                  and e.source_span[0] in {m.start for m in speaker.members} for e in coded):
                continue
            found = None
            must = next(((g, j) for g in parties for j in (g.t1, g.t1 + 1)
                         if j < hi and (words[j] in self.obligations or words[j] in self.advice)
                         and not all(m.kind == "pronoun" for m in g.members)  # "X mengatakan dia harus ...": X's own duty
                         and all(words[x] in self.articles for x in range(g.t1, j))
                         and not self.mood._supposed(words, g.t0)), None)  # "bila KPK harus ...": a supposition
            if must is not None:
                code = self.DEMAND_CODE if words[must[1]] in self.obligations else self.APPEAL_CODE
                found = (must[0], (must[1], must[1] + 1), code)
            else:
                blame = self._negative_in(words, lo, hi, self.blames)
                bad = self._negative_in(words, lo, hi, self.negatives)
                for span, code in ((blame, self.ACCUSE_CODE), (bad, self.JUDGEMENT_CODE)):
                    # the words fall on the first party named before them ("Y melanggar", "Y treats Z
                    # with contempt"), not across a relative clause of another noun ("rakyat ... praktik
                    # yang merugikan")
                    party = next((g for g in parties if span is not None and g.t1 <= span[0] and not any(
                        words[j] in self.relatives for j in range(g.t1 + 1, span[0]))), None)
                    if party is not None:
                        found = (party, span, code)
                        break
            if found is None:
                continue
            target, (b0, b1), code = found
            toks = sent.tokens
            trig = Trigger(sent.index, b0, b1, toks[b0].start, toks[b1 - 1].end, "judgement", code)
            how = f"{w}:{' '.join(words[b0:b1])}"
            out.extend(e for e, a, b in ((self._event(analysis, sent, trig, self._judgement, a, b, how, code, False, place), a, b)
                                         for a, b in _cross(speaker, target) if not (_shape_only(a) or _shape_only(b)))
                       if (e.source or e.target)
                       and (_two_sides(e) or _colleagues(a, b)))
        return out

    def _quoted_deeds(self, analysis, sent: Sentence, groups: list[Group], coded: list[Event],
                      place: str | None = None) -> list[Event]:
        """Violence told inside a quote by a speaker who is not its doer ('"Mereka membunuh ribuan
        warga," kata X') is the speaker's accusation of the doer (112), not a deed the reporter
        states; a speaker telling their own side's deed ('"Kami menyerang markas itu," kata X') keeps it."""
        if not coded:
            return coded
        words = [t.lower for t in sent.tokens]
        toks = sent.tokens
        out = list(coded)
        for k, _, speaker, lo, hi in self._speeches(sent, words, groups):
            if not (k > 0 and (words[k - 1] in self.quote_marks
                               or words[k - 1] == "," and k > 1 and words[k - 2] in self.quote_marks)):
                continue  # direct speech only: the quote closes right before the speech verb
            mine = {_identity(m) for m in speaker.members}
            speaker_side = next((m for m in speaker.members if m.actor is not None), None)
            if speaker_side is None:
                continue
            inside = (toks[lo].start, toks[hi - 1].end)
            for i, e in enumerate(out):
                if e.code[:2] not in self.DEED_ROOTS or not inside[0] <= e.trigger_span[0] < inside[1] \
                        or e.source in mine:
                    continue
                doer = next((m for g in groups for m in g.members if m.start == e.source_span[0]), None)
                t0 = next((j for j, t in enumerate(toks) if t.start == e.trigger_span[0]), None)
                t1 = next((j + 1 for j, t in enumerate(toks) if t.end == e.trigger_span[1]), None)
                if doer is None or doer.actor is None or t0 is None or t1 is None:
                    continue
                trig = Trigger(sent.index, t0, t1, e.trigger_span[0], e.trigger_span[1], "judgement", self.ACCUSE_CODE)
                out[i] = self._event(analysis, sent, trig, self._judgement, speaker_side, doer,
                                     f"quoted:{e.rule.split(':')[2]}",
                                     self.ACCUSE_CODE, False, place)
        return out

    def _speeches(self, sent: Sentence, words, groups: list[Group]):
        """(speech word index, word, speaker group, content start, content end) for each speech in
        the sentence: "X menilai ...", '"...," kata X', '"...," the minister said', "X: ..." (a headline)."""
        if sent.is_title:
            colon = next((j for j, w in enumerate(words) if w == ":"), None)
            head = next((g for g in groups if g.t1 == colon), None) if colon else None
            if head is not None and head.t0 <= 1:
                yield colon, "headline", head, colon + 1, len(words)
        for k, w in enumerate(words):
            if w not in self.judging:
                continue
            before_quote = k > 0 and (words[k - 1] in self.quote_marks or words[k - 1] == ","
                                      and k > 1 and words[k - 2] in self.quote_marks)
            named_first = next((g for g in groups if g.t1 == k and self._after_quote(sent, g.t0) >= 0), None)
            if before_quote:  # '"...," kata X': the speaker after the verb, the words before it
                speaker = next((g for g in groups if k < g.t0 <= k + 3), None) or next(
                    (g for g in groups if g.prep == "agent_prep" and k < g.t0 <= k + self.SOURCE_REACH
                     and not any(x in CLAUSE_END for x in words[k + 1:g.t0])), None)  # '"...," according to a post by X'
                if speaker is None:
                    # '"Kami ...," tambahnya.': with nobody named after the verb, the quote's "we"
                    # (which the actor stage gave the speaker named before) speaks
                    speaker = next((g for g in groups if g.t1 <= k and all(
                        m.rule == "pronoun:speaker" and words[m.tok_start] in self.self_pronouns
                        for m in g.members)), None)
                lo, hi = 0, k
            elif named_first is not None:  # '"...," the minister said': the speaker between
                speaker, lo, hi = named_first, 0, self._after_quote(sent, named_first.t0)
            else:  # "X menilai ...": the speaker before, the words after, up to the next speech
                speaker = self._speaker_before(words, k, groups)
                lo = k + 1
                hi = next((j for j in range(lo, len(words)) if words[j] in self.judging), len(words))
            if speaker is not None and not _law(speaker):  # a law says nothing
                yield k, w, speaker, lo, hi

    def _after_quote(self, sent: Sentence, t0: int) -> int:
        """The closing quote token t0 follows (a comma and articles aside, or a few words of the
        speaker's office before the name: '"...," Lima director of Oxfam Ana Ruiz said'), or -1."""
        toks = sent.tokens
        k = _before(toks, t0, self.articles)
        for _ in range(self.OFFICE_WORDS + 1):
            if k < 0 or toks[k].lower in self.quote_marks:
                break
            if toks[k].lower in CLAUSE_END or toks[k].lower in self.judging:
                k = -1 if toks[k].lower != "," else k
                break
            k -= 1
        if k >= 0 and toks[k].lower == ",":
            k -= 1
        return k if k >= 0 and toks[k].lower in self.quote_marks else -1

    def _speaker_before(self, words, k: int, groups: list[Group]) -> Group | None:
        """The group right before a speech verb, a few words at most between, none a preposition's."""
        for g in reversed(groups):
            if g.t1 <= k:
                return g if g.prep is None and k - g.t1 <= self.NOUN_REACH \
                    and not any(words[j] in self.breaks for j in range(g.t1, k)) else None
        return None

    def _negative_in(self, words, lo: int, hi: int, by_first: dict[str, tuple]) -> tuple[int, int] | None:
        """The first of the phrases (bad words, blame; `_by_first`) in words[lo:hi] that no negation
        turns round ("tidak melanggar")."""
        negation = self.mood.negation
        for j in range(lo, hi):
            for phrase in by_first.get(words[j], ()):
                if tuple(words[j:j + len(phrase)]) == phrase and j + len(phrase) <= hi:
                    if len(phrase) == 1 and j > 0 and words[j - 1] in negation:
                        break
                    return j, j + len(phrase)
        return None

    # -- triggers ---------------------------------------------------------------

    def find_triggers(self, sent: Sentence, words: list[str] | None = None) -> list[Trigger]:
        """The predicates of the sentence, left to right (`words`: its tokens' lower forms, if known)."""
        if words is None:
            words = list(map(_LOWER, sent.tokens))
        out: list[Trigger] = []
        matcher = self.matcher
        headline = sent.is_title
        heads = self._head_entries(words, headline)
        if not any(heads):
            return out  # no word opens an entry (most sentences)
        blocked = self._non_event_tokens(words)
        later = matcher.later
        present = None  # the elements the sentence's words may match, found for the first entry that needs them
        free = 0  # the first token no trigger found so far covers
        for i in compress(range(len(words)), heads):
            if i < free or i in blocked:
                continue
            best = None
            for entry in heads[i]:
                # an entry whose later words the sentence lacks cannot match (a headline's bare
                # words aside, which `elements_of` does not know)
                needs = later[entry.id]
                if needs and not headline:
                    if present is None:
                        present = matcher.elements_in(words)
                    if not needs <= present:
                        continue
                got = matcher.match_at(words, i, entry, headline)
                # the most words matched wins; of equals, in a headline the verb ("DPR Kritik Kemenlu"),
                # then the tighter match ("meminta Qatar menengahi")
                score = (got[2], sent.is_title and entry.frame != "nominal", -got[0]) if got else None
                if got and (best is None or score > best[3]):
                    best = (entry, got[0], got[1], score)
            if best is None:
                continue
            entry, end, passive, _ = best
            toks = sent.tokens
            out.append(Trigger(sent.index, i, end, toks[i].start, toks[end - 1].end, entry.id, entry.code, passive))
            free = end
        return out

    def _head_entries(self, words: list[str], headline: bool) -> list[tuple[VerbEntry, ...]]:
        """The entries each word may open (`LexiconMatcher.head_candidates`), looked up in one pass
        over the words; a word not yet known is asked for."""
        heads = list(map(self.matcher.head_table(headline).get, words))
        if None in heads:
            ask = self.matcher.head_candidates
            heads = [ask(w, headline) if e is None else e for e, w in zip(heads, words)]
        return heads

    def _non_event_tokens(self, words: list[str]) -> set[int]:
        out: set[int] = set()
        if self._non_event_firsts.isdisjoint(words):  # no phrase opens anywhere (most sentences)
            return out
        for i, w in enumerate(words):
            for phrase in self.non_events.get(w, ()):
                if tuple(words[i:i + len(phrase)]) == phrase:
                    out.update(range(i, i + len(phrase)))
                    break
        return out

    # -- actors around a trigger --------------------------------------------------

    def _groups(self, sent: Sentence, mentions: list[Mention]) -> list[Group]:
        out = []
        articles = self.articles
        # "Pak Ahmad dan Pak Budi": a title before the next name joins it like an article
        for members in compound_groups(mentions, sent, self.coordinators, articles | self.titles, unresolved=True):
            t0, t1 = members[0].tok_start, max(m.tok_end for m in members)
            k = _before(sent.tokens, t0, articles)
            prev = sent.tokens[k].lower if k >= 0 else None
            prep = self._prep_class.get(prev)
            if prev == "-" and k > 0 and sent.tokens[k - 1].lower in self.against:
                prep = "target_prep"  # "anti-government protests": the government is what they are against
            elif self.kin and self._kin_of(sent.tokens, t0):
                prep = "other_prep"  # "the brother of a Chilean minister": the brother acts, not the minister
            out.append(Group(tuple(members), t0, t1, prep))
        return out

    def _kin_of(self, toks, t0: int) -> bool:
        """Does a relative's word and "of" stand before token t0, a word or two of description
        between ("the brother of a jailed Chilean minister", "the widow of a former general")?"""
        k = t0 - 1
        for _ in range(self.KIN_WORDS):
            if k < 1 or not (toks[k].lower in self.articles or written_plain(toks[k].text)):
                break
            if toks[k].lower in self.joiners and toks[k - 1].lower in self.kin:
                return True
            k -= 1
        return False

    def _code(self, analysis, sent, trig: Trigger, groups: list[Group], triggers: list[Trigger],
              objects: set[int], parties: list | None = None, place: str | None = None,
              earlier: list | None = None, names: frozenset[int] = frozenset(),
              words: list[str] | None = None) -> list[Event]:
        """`names`: the tokens of the sentence's names that are no party ("Universitas Gadjah Mada Budi
        Santoso"), part of a subject's own phrase rather than distance from it. `words`: the sentence's
        words in lower case, if known."""
        entry = self.entries[trig.entry_id]
        if words is None:
            words = [t.lower for t in sent.tokens]
        if entry.frame == "symmetric":
            # "pembahasan RKUHP antara DPR dan pemerintah": a law is what is talked about, never who
            # talks; what is agreed to (or refused) only with no party after it ("menyetujui revisi UU")
            groups = [g for g in groups if not (_law(g) and (entry.code[:2] == self.MEET_ROOT or any(
                h.t0 >= g.t1 and not _law(h) and not any(w in CLAUSE_END for w in words[g.t1:h.t0]) for h in groups)))]
        obj = self._object(words, trig, entry, groups, triggers)
        passive = trig.passive or entry.frame == "passive" or obj is not None and self._done_by(words, trig, obj)
        if passive and obj is not None and any(w in self.subordinators for w in words[trig.tok_end:obj.t0]):
            obj = None  # "a man was arrested after the minister spoke": the minister is in another clause
        if trig.passive and obj is not None and obj.prep is None and entry.frame != "passive" and any(
                w in self.mood.negation or "active" in self.matcher.morph.analyses(w).values()
                for w in words[trig.tok_end:obj.t0]):
            obj = None  # "parlemen diminta tidak menolak usulan X": the party is the later verb's, not the agent
        if obj is not None and not passive:  # a passive's right-hand group is its agent
            objects.add(obj.t0)
        if 0 < trig.tok_start and trig.tok_end < len(words) and words[trig.tok_start - 1] in self.scare_quotes \
                and words[trig.tok_end] in self.scare_quotes:
            return []  # "Parlemen 'Usir' Tentara AS": a predicate set in quotes is a figure of speech
        reading = self.mood.read(words, trig.tok_start, entry, sent.is_title, trig.tok_end)
        if reading.code is None or self._governed(words, trig, triggers, groups):
            return []
        host = self._host(words, trig, triggers, groups)
        if host is not None and entry.frame != "nominal" and words[host.tok_start] not in self.mood.modal:
            return []  # "menandatangani nota kesepahaman kerja sama ...": the signing is the event
        if words[trig.tok_start] in self.mood.modal and any(
                self._host(words, t, triggers, groups) == trig for t in triggers if t.tok_start >= trig.tok_end):
            return []  # "berjanji membantu": the promise is the help's intent, coded there
        subject = self._subject(words, trig, entry, groups, triggers, objects, names)
        if subject is None and self.verb_first and obj is not None and obj.prep is None and entry.frame != "nominal":
            subject, obj = obj, self._after_subject(words, obj, groups)  # "انتقدت روسيا إيران": verb, subject, object
            objects.discard(subject.t0)
            if obj is not None and not passive:
                objects.add(obj.t0)
        if subject is None and not passive and entry.frame in ("svo", "nominal") \
                and not any(w[:1].isalnum() for w in words[:trig.tok_start]):
            # '"Belasungkawa untuk rakyat Indonesia. ...," tulis X': a quoted sentence that opens
            # with its predicate says what its speaker does
            speaker = next((m for i, m in analysis.speakers if i == sent.index), None)
            if speaker is not None:
                subject = Group((speaker,), trig.tok_start, trig.tok_start, None)
        if subject is not None and not passive and entry.frame != "symmetric" and _law(subject):
            return []  # "UU baru mengancam KPK": a law does nothing itself (its makers are the target of words about it)
        if subject is not None and entry.frame != "nominal" and self._agent_of_noun(subject, trig, triggers):
            return []  # "Serangan Israel menewaskan ...": a consequence of the attack, not a second event
        pairs: list[tuple[Mention, Mention]] = []
        how = entry.frame
        if entry.frame == "nominal" and trig.tok_start > 0 and words[trig.tok_start - 1] in self.topic_nouns:
            return []  # "mengangkat masalah pelanggaran HAM", "kasus penganiayaan": a topic, not a deed told
        if entry.frame == "nominal":
            # the agent follows the noun, or is named inside it ("bantuan militer AS": militer AS)
            agent = next((g for g in groups if trig.tok_start < g.t0 <= trig.tok_end and g.prep is None), None) \
                or self._relative_doer(words, trig, groups)
            if agent is not None:
                after = [g for g in groups if g.t0 >= agent.t1 and self._may_be_target(words, g, entry)
                         and g.t0 - agent.t1 <= self.settings.target_window
                         and not any(w in self.speech or w == "," or w in self.breaks for w in words[agent.t1:g.t0])
                         and not self._agent_of_relative(words, agent.t1, g.t0, groups)]
                how = "nominal:agent-after"
                if not after:
                    return []  # "kunjungan Presiden Turki": the agent is known, the other party is not
                pairs = _cross(agent, after[0])
            elif self._object_of_other_verb(sent.tokens, trig) or sent.is_title and self._headline_verb_before(words, trig, groups):
                return []  # "mengesahkan penyelidikan ...": the noun is another verb's object, no deed of the subject

        if entry.frame == "symmetric" and subject is not None and not passive:
            # "Komisi I dengan Menlu ... menyepakati": the partner named with the subject, before the predicate
            partner = next((g for g in groups if subject.t1 < g.t0 and g.t1 <= trig.tok_start
                            and g.prep == "target_prep" and not _law(g)
                            and _before(sent.tokens, g.t0, self.articles) == subject.t1), None)
            if partner is not None:
                obj = partner
        if subject is not None and entry.code[:3] in self.PROTEST_CODES and all(
                m.actor is not None and m.actor.sector in self.ORDER_SECTORS for m in subject.members):
            subject = None  # "polisi menahan dua orang saat unjuk rasa di depan Istana": they keep order, a crowd protests
        if not pairs:
            if passive and not (entry.frame == "passive" and reading.mood == "refused"):
                # (the receiver who refuses aid is the one who acts: "tidak mau menerima bantuan dari X")
                subject, obj = obj, subject
                how += ":passive"
            implied = self.IMPLIED_AGENTS.get(reading.code or entry.code)
            if subject is None and obj is not None and passive and implied and reading.mood == "done":
                # "a man was arrested in Chile": the police of the place named, or of the story's own
                # country for a party of it; "the mayor was stabbed": an assailant nobody names (an
                # agent named later in the sentence would have been found)
                spot = self._place_mention(sent, [m for g in groups for m in g.members])
                home = _home(analysis) if spot is None else None
                # (a party named, not a pronoun: "that it had been hijacked" may be a ship)
                pairs = [(_agent_of(spot or m, trig, sent, implied), m) for m in obj.members
                         if m.actor is not None and m.kind != "pronoun" and m.actor.country
                         and not is_non_state(m.actor.code)
                         and (spot is not None or m.actor.country == home)]
                how += ":implied"
            elif entry.frame == "symmetric" and obj is not None and not passive \
                    and obj.t0 > 0 and words[obj.t0 - 1] in self.between and obj.t0 - trig.tok_end <= self.BETWEEN_REACH \
                    and not any(w == "," or w in self.breaks for w in words[trig.tok_end:obj.t0]):
                # "mengumumkan perundingan (soal perbatasan) antara Peru dan Chile": the two named after "between"
                # are the parties; the subject only tells of it (and of "antara kedua pihak" names neither)
                pairs = _within(obj)
            elif entry.frame == "symmetric" and subject is not None and _distinct(subject) > 1:
                # "Rusia dan Iran bertemu": the pair; a third party only behind "dengan"
                pairs = _within(subject)
                if obj is not None and obj.prep == "target_prep":
                    pairs += _cross(subject, obj)
            elif entry.frame == "symmetric" and subject is None and obj is not None and _distinct(obj) > 1:
                pairs = _within(obj)
            elif subject is not None and obj is not None:
                pairs = _cross(subject, obj)
            elif entry.frame == "symmetric" and subject is None and obj is None and parties \
                    and self._prep_class.get(words[trig.tok_start - 1]) == "other_prep" \
                    and not (entry.code[:2] == self.MEET_ROOT and any(_law(g) for g in parties[-1])):
                # "menyampaikan belasungkawa kepada Erdogan melalui sambungan telepon": the call
                # joins the parties of the predicate whose manner it names
                pairs = _cross(*parties[-1])
                how += ":manner"
            elif (entry.code[:3] in self.PROTEST_CODES and subject is not None and obj is None and not passive
                  and reading.mood == "done"):
                # a crowd that protests and names no one protests against its own government
                # ("Ratusan ribu warga Australia berdemonstrasi"): the protest words stand for it
                pairs = [(m, _government_of(m, trig, sent)) for m in subject.members
                         if m.actor is not None and m.actor.country and m.actor.sector not in self.STATE_SECTORS
                         and not is_non_state(m.actor.code)]
                how += ":own-government"
            elif (entry.code[:3] in self.PROTEST_CODES and subject is None and obj is not None and not passive
                  and reading.mood == "done" and (obj.prep == "target_prep" and _before_words(words, obj.t0, self.articles)
                                                  == trig.tok_end or self._protest_venue(words, trig, obj, entry))):
                # "protests against the Chinese government went on": a crowd of the place named, or
                # of the story's own country, against the party right behind the preposition
                spot = self._place_mention(sent, [m for g in groups for m in g.members])
                home = spot.actor.country if spot is not None else _home(analysis)
                crowd = _crowd_of(spot, trig, sent) if spot is not None else None
                if crowd is None and home is not None:
                    crowd = _implied(home, "CVL", trig, sent, "implied:crowd")
                # (a state's body named as such: "a protest with the Iraq veterans" names none)
                pairs = [(crowd, m) for m in obj.members if crowd is not None and m.actor is not None
                         and m.actor.country and m.actor.sector is not None and m.actor.sector in self.PROTESTED_SECTORS]
                how += ":crowd"
            elif (subject is not None and obj is None and not passive and reading.mood == "done"
                  and (reading.code or entry.code).startswith(self.AID_CODES) and trig.tok_end - trig.tok_start > 1):
                # "Singapura mengirim bantuan pemadam kebakaran": aid named as such has a receiver even
                # unnamed, the country the sentence is set in, or the story's own (never the giver's own);
                # a bare "helps" may help a cause, not a party
                spot = self._place_mention(sent, [m for g in groups for m in g.members])
                to = spot.actor.country if spot is not None else _home(analysis)
                pairs = [(m, _implied(to, None, trig, sent, "implied:recipient")) for m in subject.members
                         if to is not None and m.actor is not None and m.actor.country and m.actor.country != to]
                how += ":recipient"
            elif (entry.code[:3] in self.PROTEST_CODES and subject is None and not passive
                  and reading.mood == "done"):
                # "anti-war rallies went on in Lima": a crowd of the place, named by the
                # protest words, against the party after "anti-"
                against = next((g for g in groups if g.t1 == trig.tok_start and g.prep == "target_prep"
                                and words[g.t0 - 1] == "-"), None)
                where = next((m for g in groups if g.t0 > 0 and words[g.t0 - 1] in self.place_preps
                              for m in g.members if m.kind in PLACE_KINDS and m.actor is not None), None)
                if against is not None and where is not None:
                    pairs = [(_crowd_of(where, trig, sent), m) for m in against.members
                             if m.actor is not None and m.actor.country]
                    how += ":against"
        # (an object known by its shape alone is no party: 'denounced the plan as "Circus Politics"')
        loose = obj is not None and all(_shape_only(m) for m in obj.members)
        if (not pairs or loose) and subject is not None and not passive and (obj is None or loose) \
                and entry.frame == "svo" and reading.mood == "done" and trig.code[:2] in self.REACTION_ROOTS:
            # "X took responsibility for the raid", "X urged a probe of the killing":
            # the other party is the one of the deed an earlier sentence told; "X criticized the
            # move": the party the headline is about
            return (self._reaction(analysis, sent, trig, entry, subject, words, triggers, earlier, how, place)
                    if earlier else []) or self._story_reaction(analysis, sent, trig, entry, subject, words, how, place) \
                or self._headline_patient(analysis, sent, trig, entry, subject, earlier, how, place)
        if parties is not None and subject is not None and obj is not None and not passive and reading.mood == "done":
            parties.append((subject, obj))  # (a meeting only hoped for lends its parties to no call)
        code = reading.code
        if reading.mood == "done" and (code or entry.code)[:2] == self.ASSAULT_ROOT and entry.frame == "svo" \
                and self._verbal_target(words, trig):
            code, how = self.JUDGEMENT_CODE, how + ":verbal"  # "menyerang kebijakan X": words, not force
        if reading.mood != "done":
            how += f":{reading.mood}"
        ahead = reading.mood != "done" or (code or entry.code)[:2] in self.FUTURE_ROOTS
        # a side nobody could code takes part only when the text shows it is a person (a title, an
        # appositive): by its shape alone a capitalised name is as often a club, a car or a report
        events = [(self._event(analysis, sent, trig, entry, s, t, how, code, ahead, place), s, t) for s, t in pairs
                  if not (_shape_only(s) or _shape_only(t)) and not self._trip_at_home(s, t, code or entry.code)]
        # two sides apart, at least one of them coded (two names alone place the event nowhere)
        return [e for e, s, t in events if (e.source or e.target)
                and (_two_sides(e) or _colleagues(s, t) or self._internal(s, t, code or entry.code))]

    INQUIRY_ROOT = "09"  # an inquiry a police, army or court turns on its own people
    DISCIPLINED_SECTORS = frozenset({"COP", "MIL", "JUD", "SPY"})

    def _internal(self, s: Mention, t: Mention, code: str) -> bool:
        """ "Propam menyelidiki dua anggota polisi", "the army investigates two soldiers": a police, army or court
        body named in the text (not implied) inquires into people of its own code, named by other words."""
        return (code[:2] == self.INQUIRY_ROOT and s.actor is not None and t.actor is not None
                and s.actor.code == t.actor.code and s.actor.sector in self.DISCIPLINED_SECTORS
                and s.kind in ("role", "org") and t.kind == "role" and not s.rule.startswith("implied")
                and s.text.casefold() != t.text.casefold())

    def _trip_at_home(self, source: Mention, target: Mention, code: str) -> bool:
        """A visit to a province of one's own country ("Presiden terbang ke Riau") meets no one."""
        return code[:2] == self.MEET_ROOT and target.kind == "region" and source.actor is not None \
            and target.actor is not None and source.actor.country == target.actor.country

    def _verbal_target(self, words, trig: Trigger) -> bool:
        """Is the predicate's object a thing said or decided ("attacked the decision of ...",
        "menyerang kebijakan ..."): a word of the pack's `verbal_target` class right after it?"""
        k = trig.tok_end
        while k < len(words) and words[k] in self.articles:
            k += 1
        return k < len(words) and words[k] in self.verbal_targets

    DOER_GAP = 2  # words between a deed noun and the participle naming its doer (", allegedly")

    def _done_by(self, words, trig: Trigger, obj: Group) -> bool:
        """Does a participle of the pack's `doer_participle` class follow the predicate, a comma or a word
        between at most, and a preposition then the group ("the ambush, allegedly staged by X",
        "a raid blamed on X")? Then the group did it, as the agent of a passive."""
        if not self.doer_participles:
            return False
        k = _before_words(words, obj.t0, self.articles)
        if k < trig.tok_end or self._prep_class.get(words[k]) not in ("agent_prep", "target_prep"):
            return False
        for phrase in self.doer_participles:
            j = k - len(phrase)
            if j >= trig.tok_end and tuple(words[j:k]) == phrase and j - trig.tok_end <= self.DOER_GAP \
                    and all(w == "," or w.isalpha() and w not in self._prep_class for w in words[trig.tok_end:j]):
                return True
        return False

    def _object_of_other_verb(self, tokens, trig: Trigger) -> bool:
        """Does an active verb the lexicon does not know stand right before the predicate noun, or
        before a preposition before it (a light verb aside: "melakukan penyelidikan" is the deed;
        "merujuk pada sanksi" is no sanction)?"""
        k = _before(tokens, trig.tok_start, self.articles)
        if k > 0 and tokens[k].lower in self._prep_class:
            k -= 1
        if k < 0 or tokens[k].lower in self.light_verbs:
            return False
        return "active" in self.matcher.morph.analyses(tokens[k].lower).values()

    def _headline_verb_before(self, words, trig: Trigger, groups: list[Group]) -> bool:
        """In a headline, does a bare word right after a party stand before the predicate noun ("X Sahkan
        Penyelidikan Y")? Headlines drop the verb's prefix, so the morphology cannot tell it is a verb; in
        the slot between a party and the noun a word that is no party, no function word and no light
        verb is the headline's verb, and the noun its object."""
        k = _before_words(words, trig.tok_start, self.articles)
        return (k > 0 and words[k][:1].isalpha() and any(g.t1 == k for g in groups)
                and not any(g.t0 <= k < g.t1 for g in groups)
                and words[k] not in self.function_words
                and not self._light_roots & self.matcher.morph.analyses(words[k]).keys()
                and words[k] not in self.mood.negation and words[k] not in self.mood.modal
                and words[k] not in self.coordinators)

    def _reaction(self, analysis, sent, trig: Trigger, entry: VerbEntry, subject: Group, words,
                  triggers: list[Trigger], earlier: list, how: str, place: str | None) -> list[Event]:
        """A reaction to a deed named by a definite noun right after it ("for the attacks", "into the
        shooting") that an earlier sentence told: a claim of responsibility falls on the deed's target
        (the party it hit, or the country it happened in) and makes the claimant its doer too; any other
        reaction (an appeal, an inquiry, a criticism) falls on the deed's doer."""
        deed = next((t for t in triggers if t.tok_start >= trig.tok_end and self.entries[t.entry_id].frame != "symmetric"), None)
        if deed is None or deed.tok_start - trig.tok_end > self.REFERENT_GAP or deed.tok_start < 1:
            return []
        # "the attacks"; or, where the definite follows the noun, "serangan itu"
        before = words[deed.tok_start - 1] in self.definite
        after = deed.tok_end < len(words) and words[deed.tok_end] in self.definite
        if not (before or after) or any(w in CLAUSE_END or w[:1].isalnum() and w not in self.function_words
                                        for w in words[trig.tok_end:deed.tok_start - before]):
            return []
        # the last deed told with the same predicate ("the shooting" after "shot"; a deed of another
        # entry of its kind may be another deed: "the air strikes" after "the rebels fired rockets")
        # (or a predicate of another entry holding the same word: "drone attacks" matched by an
        # imported dictionary's pattern, "the attacks" by the pack's)
        text = analysis.document.text
        noun = " ".join(words[deed.tok_start:deed.tok_end])
        # (or the verb of the noun's own root: "serangan itu" after "menyerang")
        roots = self._roots(noun)
        told = next((x for x in reversed(earlier) if x[0].sentence < sent.index and (x[1] or x[2] is not None) and (
            x[0].entry_id == deed.entry_id or x[0].code[:2] == deed.code[:2]
            and (noun in text[x[0].start:x[0].end].lower().split()
                 or roots & self._roots(text[x[0].start:x[0].end].lower())))), None)
        if told is None:
            return []
        t0, events, spot = told
        claim = trig.code == self.CLAIM_CODE
        if events:
            done = events[0]
            side = (done.target, done.target_name, done.target_span) if claim else (done.source, done.source_name, done.source_span)
            if side[0] is None:
                return []
            other = Mention(sent.index, 0, 0, side[1], split_code(side[0]), "role", 0, 0, "referent")
        elif claim and spot is not None:
            other = spot
        else:
            return []
        # the party as the earlier sentence named it, standing where the noun of its deed stands here
        other = replace(other, sentence=sent.index, start=deed.start, end=deed.end,
                        tok_start=deed.tok_start, tok_end=deed.tok_end, rule="referent")
        out = []
        for m in subject.members:
            out.append(self._event(analysis, sent, trig, entry, m, other, how + ":referent", None, False, place))
            if claim:
                deed_entry = self.entries[t0.entry_id]
                out.append(self._event(analysis, sent, deed, deed_entry, m, other, deed_entry.frame + ":claimed",
                                       None, False, place))
        return [e for e in out if (e.source or e.target) and _two_sides(e)]

    def _standalone(self, sent: Sentence, m: Mention, found: list[Trigger]) -> bool:
        """Does a province stand as a party of its own ("mengunjungi Sulawesi Tengah", "Papua dan
        ..."), not after a noun it only tells the place of ("DPRD Provinsi Jambi", "tokoh Papua")?"""
        k = _before(sent.tokens, m.tok_start, self.articles)
        if k < 0:
            return True
        word = sent.tokens[k].lower
        return not word[:1].isalnum() or word in self.function_words or word in self.coordinators \
            or any(t.tok_end == k + 1 for t in found)

    def _roots(self, phrase: str) -> set[str]:
        """The roots the morphology finds under the affixes of a phrase's first word."""
        words = phrase.split()
        return {r for r in self.matcher.morph.analyses(words[0]) if r != words[0]} if words else set()

    def _story_reaction(self, analysis, sent, trig: Trigger, entry: VerbEntry, subject: Group, words,
                        how: str, place: str | None) -> list[Event]:
        """A reaction to the deed the story is about, named by a definite noun right after it ("opposed
        the plan", "denounced the measure": the pack's `story_deed` class) falls on the party the
        headline names first (its office rather than its country: "Peru's president")."""
        # the noun after the predicate, or inside its own words ('attacked the plan as "..."'), a word
        # of description at most between it and "the"
        k = next((j for j in range(trig.tok_start + 1, min(trig.tok_end + 1, len(words) - 1))
                  if words[j] in self.definite and (words[j + 1] in self.story_deeds or j + 2 < len(words)
                                                    and words[j + 2] in self.story_deeds)), None)
        if k is not None:
            k += 1 if words[k + 1] in self.story_deeds else 2
        elif trig.tok_end < len(words) and words[trig.tok_end] in self.story_deeds and (
                trig.tok_end + 1 == len(words) or words[trig.tok_end + 1] in self.definite
                or words[trig.tok_end + 1] in self.relatives or words[trig.tok_end + 1] in CLAUSE_END):
            k = trig.tok_end  # "menolak revisi yang ...", "menolak langkah itu": the definite after the noun
        if not self.story_deeds or k is None:
            return []
        party = self._headline_party(analysis, {m.actor.code for m in subject.members if m.actor is not None})
        if party is None or sent.is_title:
            return []
        toks = sent.tokens
        other = replace(party, sentence=sent.index, start=toks[k].start, end=toks[k].end,
                        tok_start=k, tok_end=k + 1, rule="story")
        out = [self._event(analysis, sent, trig, entry, m, other, how + ":story", None, False, place)
               for m in subject.members if not _shape_only(m)]
        return [e for e in out if (e.source or e.target) and e.source != e.target
                and _two_sides(e)]

    LEAD_PARAGRAPHS = 2  # body paragraphs that tell the headline's story first

    def _headline_patient(self, analysis, sent, trig: Trigger, entry: VerbEntry, subject: Group, earlier: list,
                          how: str, place: str | None) -> list[Event]:
        """A headline that tells a party underwent a deed with nobody named doing it ("Militer AS
        Dikritik"), and a lead that tells who did it with no party it fell on ("Senator X mengkritik
        penggunaan jet F-35"): the deed fell on the headline's party."""
        title = next((s for s in analysis.sentences if s.is_title), None)
        if title is None or sent.is_title or sent.paragraph > title.paragraph + self.LEAD_PARAGRAPHS:
            return []
        told = next((t for t, coded, _ in earlier or () if t.sentence == title.index and t.passive and not coded
                     and t.code[:2] == trig.code[:2]), None)
        if told is None:
            return []  # (a deed the headline coded with its doer needs no lead)
        before = [m for m in analysis.mentions if m.sentence == title.index and m.tok_end <= told.tok_start
                  and m.actor is not None and m.actor.country]
        after = [m for m in analysis.mentions if m.sentence == title.index and m.tok_start >= told.tok_end]
        if not before or after or before[-1].tok_end < told.tok_start - self.settings.subject_window:
            return []  # (an agent named in the headline was coded there)
        party = before[-1]
        other = replace(party, sentence=sent.index, start=trig.start, end=trig.end, tok_start=trig.tok_start,
                        tok_end=trig.tok_end, rule="headline")
        out = [self._event(analysis, sent, trig, entry, m, other, how + ":headline", None, False, place)
               for m in subject.members if not _shape_only(m)]
        return [e for e in out if e.source and e.source != e.target and _two_sides(e)]

    @staticmethod
    def _headline_party(analysis, avoid: set[str] = frozenset()) -> Mention | None:
        """The first party the headline names (its office when the office follows its country), other
        than the one reacting ("Menteri Tolak Revisi UU Penyiaran": the law's makers, not the minister)."""
        title = next((s.index for s in analysis.sentences if s.is_title), None)
        if title is None:
            return None
        found = [m for m in analysis.mentions if m.sentence == title and m.actor is not None and m.actor.country
                 and m.actor.code not in avoid]
        if not found:
            return None
        first = found[0]
        if first.actor.sector is None and len(found) > 1 and found[1].actor.country == first.actor.country \
                and found[1].actor.sector is not None:
            return found[1]
        return first

    def _place_mention(self, sent: Sentence, mentions) -> Mention | None:
        """The country or capital the sentence sets itself in ("attacks in Chile")."""
        for m in mentions:
            if m.kind in PLACE_KINDS and m.actor is not None:
                k = _before(sent.tokens, m.tok_start, self.articles)
                if k >= 0 and sent.tokens[k].lower in self.place_preps:
                    return m
        return None

    def _host(self, words, trig: Trigger, triggers: list[Trigger], groups: list[Group]) -> Trigger | None:
        """The predicate whose object phrase this one stands in, with no actor, comma or
        conjunction between: "menandatangani nota kesepahaman [kerja sama]"."""
        before = [t for t in triggers if t.tok_end <= trig.tok_start]
        if not before:
            return None
        host = before[-1]
        if trig.tok_start - host.tok_end > self.EMBED_WINDOW:
            return None
        if any(g.t0 < trig.tok_start and g.t1 > host.tok_end for g in groups):
            return None
        stops = (self.breaks, self.coordinators, self.relatives, CLAUSE_END)
        if any(words[k] in s for k in range(host.tok_end, trig.tok_start) for s in stops):
            return None
        if host.tok_start > 0 and words[host.tok_start - 1] in self.relatives \
                and self.entries[trig.entry_id].frame != "nominal":
            return None  # "Massa yang mendukung X menuntut Y": the relative clause ends at the main verb
        return host

    def _governed(self, words, trig: Trigger, triggers: list[Trigger], groups: list[Group]) -> bool:
        """The complement of an appeal, demand, refusal or threat is not done: "mendesak Israel
        menarik pasukan", "menolak membebaskan" (but "menolak tuduhan AS dan menyerang" is two acts)."""
        return any(self._governs(words, t, trig, groups) for t in triggers)

    def _governs(self, words, gov: Trigger, trig: Trigger, groups: list[Group]) -> bool:
        """Is `trig` the complement of `gov` (an appeal, demand, refusal, threat; an intent or
        invitation for a verb close after it: "mengundang X berkunjung", "would allow the return")?"""
        if gov.tok_end > trig.tok_start:
            return False
        intent = gov.code[:2] == self.INTENT_ROOT and self.entries[gov.entry_id].frame != "nominal"
        if not (gov.code[:2] in self.GOVERNING_ROOTS or intent):
            return False
        inside = {k for g in groups if g.t0 < trig.tok_start and g.t1 > gov.tok_end for k in range(g.t0, g.t1)}
        if intent and (not inside or any(g.t0 == trig.tok_end and g.prep is None for g in groups)):
            # an intent governs the deed it invites someone to ("mengundang [X] berkunjung"), not a
            # word that titles a name ("would meet U.N. mediator Anna Berg")
            return False
        gap = [k for k in range(gov.tok_end, trig.tok_start) if k not in inside]
        if len(gap) > (self.INTENT_WINDOW if intent else self.GOVERN_WINDOW):
            return False
        return not any(words[k] in CLAUSE_END or words[k] in self.breaks or words[k] in self.coordinators
                       or words[k] in self.relatives for k in gap)

    def _agent_of_noun(self, group: Group, trig: Trigger, triggers: list[Trigger]) -> bool:
        return any(t.tok_start < group.t0 <= t.tok_end <= trig.tok_start and self.entries[t.entry_id].frame == "nominal"
                   for t in triggers)

    def _may_be_target(self, words, g: Group, entry: VerbEntry) -> bool:
        """Bare, behind a target preposition, or behind one the entry names ("serangan di Gaza")."""
        return g.prep in ("target_prep", None) or (g.t0 > 0 and words[g.t0 - 1] in entry.preps)

    def _subject(self, words, trig: Trigger, entry: VerbEntry, groups: list[Group], triggers: list[Trigger],
                 objects: set[int], names: set[int] = frozenset()) -> Group | None:
        # a group taken as an earlier predicate's object is no subject, unless it stands right
        # before this one: "criticized Chinese military drills", "mengecam Israel menyerang Gaza"
        candidates = [g for g in groups if g.t1 <= trig.tok_start and (g.t0 not in objects or g.t1 == trig.tok_start)]
        reach = self.settings.subject_window
        start = trig.tok_start
        if trig.tok_start > 0 and self._prep_class.get(words[trig.tok_start - 1]) == "other_prep":
            # "dalam percakapan telepon dengan ...": a noun in a phrase of place or manner belongs
            # to the group right before that phrase, or to none ("dikecam oleh Prancis dalam pertemuan DK PBB")
            start, reach = trig.tok_start - 1, 0
        if entry.frame == "nominal":
            # a noun takes no subject from across another predicate ("mengecam serangan terhadap Gaza"),
            # nor from afar ("Rusia melontarkan kecaman terhadap AS")
            since = max((t.tok_end for t in triggers if t.tok_end <= trig.tok_start), default=0)
            candidates = [g for g in candidates if g.t0 >= since]
            reach = min(reach, self.NOUN_REACH)
        for g in reversed(candidates):
            if g.t1 > start:
                continue
            if g.prep is not None:
                if reach == 0:
                    return None
                continue
            between = words[g.t1:start]
            if sum(k not in names for k in range(g.t1, start)) > reach:
                return None
            if any(w in self.breaks for w in between):
                return None
            rel = next((k for k, w in enumerate(between) if w in self.relatives), None)
            if rel is not None and any(w not in CLAUSE_END for w in between[:rel]):
                return None  # "Negara yang ...": a relative clause starts only right after its head
            if self._across_speech(between, entry.frame == "nominal"):
                return None  # "X mengatakan Y ...": X speaks; Y, not X, is the subject after
            return self._head_of_relative(words, g, start, candidates) or g
        return None

    RELATIVE_REACH = 14  # words from a relative clause's head to the predicate after the clause

    def _head_of_relative(self, words, g: Group, start: int, candidates: list[Group]) -> Group | None:
        """"Houthi, yang didukung Iran dalam perang di Yaman, mengklaim ...": a party inside a relative
        clause is not the subject of the predicate after the clause; the clause's head is."""
        for h in reversed(candidates):
            if h.t1 > g.t0 or h.prep is not None:
                continue
            k = h.t1 + (h.t1 < len(words) and words[h.t1] == ",")
            if k >= g.t0 or words[k] not in self.relatives or start - h.t1 > self.RELATIVE_REACH:
                return None
            if any(w in self.breaks or w in CLAUSE_END and w != "," for w in words[k + 1:start]):
                return None
            return h
        return None

    def _after_subject(self, words, subject: Group, groups: list[Group]) -> Group | None:
        """In a verb-first clause, the object: the next group after the subject, in the same clause."""
        for g in groups:
            if g.t0 < subject.t1:
                continue
            between = words[subject.t1:g.t0]
            if len(between) > self.settings.target_window or any(w == "," or w in self.breaks for w in between):
                return None
            return g
        return None

    def _across_speech(self, between: list[str], noun: bool) -> bool:
        """A speech verb between subject and predicate, unless a verb follows it with only
        modality between ("Presiden mengatakan akan membantu": the speaker is the subject)."""
        for k, w in enumerate(between):
            if w in self.speech:
                if k == len(between) - 1 and w in self.light_verbs:
                    return False  # "menyatakan dukungan": expressing support is supporting
                return noun or not all(x in self.mood.modal or x in self.mood.negation or x in CLAUSE_END
                                       for x in between[k + 1:])
        return False

    def _object(self, words, trig: Trigger, entry: VerbEntry, groups: list[Group],
                triggers: list[Trigger]) -> Group | None:
        # the object may lie past a noun predicate ("mengecam serangan Israel") or a predicate
        # inside the object phrase ("menandatangani nota kerja sama dengan ..."), not past a verb
        limit = min((t.tok_start for t in triggers if t.tok_start >= trig.tok_end
                     and self.entries[t.entry_id].frame != "nominal" and self._host(words, t, triggers, groups) != trig
                     and not (trig.code[:2] == self.INTENT_ROOT and self._governs(words, trig, t, groups))),
                    default=len(words))
        articles = self.articles
        venue = None  # where a venue's body ends
        for g in groups:
            # a party named inside the predicate's own gap ("expelled Russian diplomats",
            # "urged Israel to halt") is its object too
            if g.t0 <= trig.tok_start:
                continue
            if g.t0 >= limit or g.t0 - trig.tok_end > self.settings.target_window:
                return None
            if any(words[k] in self.speech and words[k - 1] not in self.passive_aux for k in range(trig.tok_end, g.t0)):
                return None  # '..." ujar Presiden Iran': the speaker, not the object (but "... was reported on X")
            if any(w == "," or w in self.breaks for w in words[max(trig.tok_end, self._last_end(groups, g)):g.t0]) \
                    and not (self.place_preps & set(entry.preps) and is_place_apposition(words, g.t0, self.place_preps)) \
                    and not self._comma_complement(words, trig, g):
                # "Buruh Tolak Kenaikan Pajak, Polisi Tangkap ...": another clause (but "serangan ... di
                # Provinsi Sistan-Baluchestan, Iran": the country of the place attacked)
                return None
            if g.prep == "other_prep" and not all(w in articles for w in words[trig.tok_end : g.t0]) \
                    and words[g.t0 - 1] not in entry.preps and not _law(g) and not self._protest_venue(words, trig, g, entry):
                # "di Moskow": a place, not a party (unless the entry names the preposition: "tiba di"; a
                # law's articles are the law's: "mengkritik pasal 12 dalam UU Penyiaran")
                continue
            if any(w in self.mood.modal for w in words[trig.tok_end:g.t0]):
                return None  # "berharap ... akan muncul solusi untuk masyarakat": another predicate's party
            if self._agent_of_relative(words, trig.tok_end, g.t0, groups):
                return None  # "serangan X yang digagalkan Y": Y foiled the attack, it was not attacked
            if self._at_venue(words, g, entry) or venue is not None and words[venue:g.t0] == ["("]:
                venue = g.t1  # "berunding di sela forum PBB (UNGA)": the body's venue, not a party
                continue
            return g
        return None

    def _comma_complement(self, words, trig: Trigger, g: Group) -> bool:
        """ "berharap, Presiden X menolak ...": the comma right after the predicate opens the clause
        the party right after it is the subject of, the one appealed to."""
        k = trig.tok_end
        return (words[k] == "," and words[k - 1] in self.comma_complements and g.t0 - k <= self.COMMA_REACH
                and not any(w == "," or w in self.breaks for w in words[k + 1:g.t0]))

    COMMA_REACH = 3  # from that comma to the party: a title may stand between ("berharap, Presiden Jokowi")

    def _protest_venue(self, words, trig: Trigger, g: Group, entry: VerbEntry) -> bool:
        """ "demo di Mahkamah Agung", "protest outside the embassy": a body (no place) right behind a place
        preposition and a venue word or two after a protest is what the crowd protests against."""
        if entry.code[:3] not in self.PROTEST_CODES or any(m.kind in PLACE_KINDS for m in g.members):
            return False
        between = words[trig.tok_end:g.t0]
        return 0 < len(between) <= self.VENUE_WORDS + 1 and between[0] in self.place_preps \
            and not any(w == "," or w in self._prep_class for w in between[1:])

    def _relative_doer(self, words, trig: Trigger, groups: list[Group]) -> Group | None:
        """ "serangan yang dilakukan X", "operasi yang diluncurkan X": a relative word right after the
        predicate noun, a light verb in the passive, then the party (behind "oleh" or bare) who did it."""
        k = trig.tok_end
        if k + 2 >= len(words) or words[k] not in self.relatives:
            return None
        roots = self.matcher.morph.analyses(words[k + 1])
        if not any(v == "passive" and r in self._light_roots for r, v in roots.items()):
            return None
        at = k + 2 + (self._prep_class.get(words[k + 2]) == "agent_prep")
        return next((g for g in groups if g.t0 == at), None)

    def _agent_of_relative(self, words, lo: int, t0: int, groups: list[Group]) -> bool:
        """Does a relative word stand between lo and t0, right after a party or with the group at t0 right
        after its verb, a passive verb right after it that is no light verb ("yang dilakukan X": X did the
        deed itself)? Then the group at t0 is that verb's agent ("serangan X yang digagalkan Y",
        "memperingatkan invasi yang dipimpin Y")."""
        ends = {g.t1 for g in groups}
        for k in range(lo, t0 - 1):
            if words[k] not in self.relatives:
                continue
            # after a party, or with the group its bare agent ("invasi yang dipimpin Arab Saudi")
            bare = t0 - (k + 2) <= self.BARE_AGENT_GAP and all(
                w in self.articles or self._prep_class.get(w) == "agent_prep" or w not in self._prep_class
                for w in words[k + 2:t0])
            if k in ends or bare:
                roots = self.matcher.morph.analyses(words[k + 1])
                if "passive" in roots.values() and not self._light_roots & {r for r, v in roots.items() if v}:
                    return True
        return False

    BETWEEN_REACH = 6  # words from a symmetric predicate to the "between" of its parties ("pembahasan revisi UU KPK antara")
    VENUE_WORDS = 2  # "di [sela Sidang] Majelis Umum PBB": words of a venue between "di" and its body

    def _at_venue(self, words, g: Group, entry: VerbEntry) -> bool:
        """Does a place preposition stand a venue word or two before the body ("di Sidang PBB",
        "di markas NATO"), nothing between that is a preposition or a comma? Only for parties who
        meet (a protest "di depan Kedutaan AS" is against the embassy's country), and only a body
        (a country after "in south" is a region's, not a venue's)."""
        if entry.frame != "symmetric" or any(m.kind in PLACE_KINDS for m in g.members):
            return False
        t0 = g.t0
        for n in range(1, self.VENUE_WORDS + 1):
            k = t0 - 1 - n
            if k < 0:
                return False
            between = words[k + 1:t0]
            if any(w == "," or w in self._prep_class for w in between) or all(w in self.articles for w in between):
                return False  # ("in the Kremlin": an article is no venue word)
            if words[k] in self.place_preps and words[k] not in entry.preps:
                return True
        return False

    @staticmethod
    def _last_end(groups: list[Group], g: Group) -> int:
        """Where the group before g ends (commas inside a list of groups are no clause break)."""
        return max((x.t1 for x in groups if x.t1 <= g.t0), default=0)

    # -- building the event -------------------------------------------------------

    def _event(self, analysis, sent, trig, entry, src: Mention, tgt: Mention, how: str,
               code: str | None = None, ahead: bool = False, place: str | None = None) -> Event:
        code = code or entry.code
        if code[:3] == self.DOMESTIC_SANCTION and src.actor and tgt.actor and src.actor.country \
                and tgt.actor.country and src.actor.country != tgt.actor.country \
                and not is_non_state(src.actor.code) and not is_non_state(tgt.actor.code):
            code = self.FOREIGN_SANCTION  # "France bans a Russian airline": an embargo, not a decree on civilians
        info = self.ontology[code]
        day, date_how = analysis.dates[sent.index] if analysis.dates else (None, "none")
        marks = next((m for i, m in analysis.day_marks if i == sent.index), None)
        if marks:  # two days named: the one nearest the predicate, in its own clause
            _, day, date_how = min(marks, key=lambda m: (_distance(m[0], trig), m[0]))
        published = analysis.document.published
        if day is not None and published is not None and day > published.date() and not ahead:
            # a deed told as done happened by the day it was reported: a weekday read as the coming
            # one (a modal elsewhere in the sentence) is the last one; a later day the sentence
            # names is a deadline or a plan around it ("berlaku hingga 15 Maret")
            if date_how in ("relative", "lead") and (day - published.date()).days < 7:
                day = day - timedelta(days=7)
            else:
                day, date_how = published.date(), "published"
        ends = [m for m in (src, tgt) if m.sentence == sent.index]  # a quote's speaker may be named elsewhere
        start = min([trig.start] + [m.start for m in ends])
        end = max([trig.end] + [m.end for m in ends])
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
            location=place,
            sentence_text=sent.text,
            span=(start, end),
            trigger_span=(trig.start, trig.end),
            source_span=(src.start, src.end),
            target_span=(tgt.start, tgt.end),
            rule=f"lexicon:{self.pack.code}:{entry.id}:{how}",
            lang=self.pack.code,
            pack_version=self.pack.stamp,
            source_actor_name=_person_name(src),
            target_actor_name=_person_name(tgt),
        )

    def _promote(self, mention: Mention, code: str) -> str | None:
        """A country acting in diplomacy acts through its government (an unresolved person: no code)."""
        actor = mention.actor
        if actor is None:
            return None
        if actor.sector is None and mention.kind in ("country", "pronoun") and code[:2] in self.settings.government_roots \
                and actor.country and len(actor.code) == 3:
            return actor.code + "GOV"
        return actor.code

    def _place(self, analysis: Analysis, sent: Sentence, mentions, lead: int | None) -> str | None:
        """Where the sentence's events happened: a country or capital behind a place preposition
        ("di Moskow"), else the dateline's place in the paragraph that first names it (`lead`).
        Found once per sentence: walking the document's mentions for every event made one long
        document cost the square of its length."""
        for m in mentions:
            if m.kind in PLACE_KINDS:
                k = _before(sent.tokens, m.tok_start, self.articles)
                if k >= 0 and sent.tokens[k].lower in self.place_preps:
                    return m.text
        if lead is not None and sent.paragraph == lead:
            return analysis.document.dateline_place.title()
        return None

    @staticmethod
    def _dateline_paragraph(analysis: Analysis) -> int | None:
        """The first paragraph that names the dateline's place (found once per document)."""
        place = analysis.document.dateline_place
        if not place:
            return None
        place = place.lower()
        return next((s.paragraph for s in analysis.sentences if place in s.text.lower()), None)


def _before(tokens, t0: int, articles: frozenset[str]) -> int:
    """Index of the word before token t0, passing over articles ("in the capital"); -1 at the start."""
    k = t0 - 1
    while k >= 0 and tokens[k].lower in articles:
        k -= 1
    return k


def _before_words(words: list[str], t0: int, articles: frozenset[str]) -> int:
    """Index of the word before word t0, passing over articles; -1 at the start."""
    k = t0 - 1
    while k >= 0 and words[k] in articles:
        k -= 1
    return k


_LOWER = attrgetter("lower")


def _by_first(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrases by their first word, each word's in the phrases' order."""
    index: dict[str, tuple[tuple[str, ...], ...]] = {}
    for phrase in phrases:
        index[phrase[0]] = (*index.get(phrase[0], ()), phrase)
    return index


def _phrases(words) -> tuple[tuple[str, ...], ...]:
    """A word class's entries as word tuples, the longest first."""
    return tuple(sorted({tuple(p.split()) for p in words}, key=len, reverse=True))


def _law(g: Group) -> bool:
    """Does the group name only laws (which stand for the legislature making them)?"""
    return all(m.rule.startswith("gazetteer:bill") for m in g.members)


def _party(m: Mention) -> bool:
    """A resolved actor, or a named person nobody resolved (kept with the name and no code)."""
    return m.actor is not None or m.kind == "person"


def _identity(m: Mention) -> str:
    """Who a mention stands for: its actor code, or for an unresolved person the name."""
    return m.actor.code if m.actor is not None else "name:" + " ".join(m.text.split()).casefold()


def _distance(k: int, trig: Trigger) -> int:
    """Tokens from token k to the predicate (0 inside it)."""
    return trig.tok_start - k if k < trig.tok_start else max(0, k - trig.tok_end + 1)


def _two_sides(e: Event) -> bool:
    return _side(e.source, e.source_name) != _side(e.target, e.target_name)


def _colleagues(s: Mention, t: Mention) -> bool:
    """Two people of one code: a president and the adviser he fires. The target is named (a
    pronoun after a named subject mostly points back to it); two bodies or offices of one code are
    not told apart (a ministry and "the ministry", a body and its acronym, an officer and his unit)."""
    return (s.actor is not None and t.actor is not None and s.actor.code == t.actor.code
            and bool(s.actor.name) and bool(t.actor.name) and s.actor.name != t.actor.name and t.kind == "person")


def _side(code: str | None, name: str | None) -> str:
    return code if code is not None else "name:" + " ".join((name or "").split()).casefold()


def _shape_only(m: Mention) -> bool:
    """A name nobody resolved that looks like a person's by its shape alone."""
    return m.actor is None and m.rule == "unresolved:shape"


def _implied(country: str, sector: str | None, trig: Trigger, sent: Sentence, rule: str) -> Mention:
    """A party the text does not name (a country's police, crowd, government, or aid's receiver),
    named by the words of `trig`, its evidence."""
    return Mention(sent.index, trig.start, trig.end, sent.text[trig.start - sent.start:trig.end - sent.start],
                   Actor.of(country, sector), "role", trig.tok_start, trig.tok_end, rule)


def _government_of(m: Mention, trig: Trigger, sent: Sentence) -> Mention:
    """The government of the country `m` belongs to, named by the words of `trig` (its evidence)."""
    return _implied(m.actor.country, "GOV", trig, sent, "implied:own-government")


def _home(analysis: Analysis) -> str | None:
    """The story's own country: the one the actor stage gave the offices named without one."""
    counts: dict[str, int] = {}
    for m in analysis.mentions:
        if m.rule == "role+home" and m.actor is not None and m.actor.country:
            counts[m.actor.country] = counts.get(m.actor.country, 0) + 1
    return max(counts, key=counts.get) if counts else None


def _agent_of(m: Mention, trig: Trigger, sent: Sentence, sector: str) -> Mention:
    """The party of a sector (the police) of the country `m` belongs to, named by the words of `trig`."""
    return _implied(m.actor.country, sector, trig, sent, "implied:agent")


def _crowd_of(m: Mention, trig: Trigger, sent: Sentence) -> Mention:
    """The civilians of the country `m` belongs to, named by the words of `trig` (its evidence)."""
    return _implied(m.actor.country, "CVL", trig, sent, "implied:crowd")


def _person_name(m: Mention) -> str | None:
    """The person's name: the canonical one when resolved, else the name as written (no title in it)."""
    if m.actor is not None:
        return m.actor.name
    return " ".join(m.text.split()) if m.kind == "person" else None


def _distinct(group: Group) -> int:
    return len({_identity(m) for m in group.members})


def _within(group: Group) -> list[tuple[Mention, Mention]]:
    return list(combinations(group.members, 2))


def _cross(a: Group, b: Group) -> list[tuple[Mention, Mention]]:
    return [(s, t) for s in a.members for t in b.members]
