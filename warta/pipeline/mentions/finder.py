"""The stage: `ActorFinder` finds who is named in each sentence and resolves them to CAMEO
actor codes, in passes over the document (atoms, composition sentence by sentence, the story's
country, offices, remembered names, speakers). Its parts live in the modules of this package, one
mixin each; the finder holds only what the pack and the knowledge give it, never a document's state
(one finder serves many threads)."""
from __future__ import annotations

from operator import attrgetter

from warta.actors.gazetteer import Gazetteer
from warta.actors.people import People
from warta.model import Actor, Analysis, Mention
from warta.pipeline.mentions.atoms import Atoms
from warta.pipeline.mentions.compose import Composer
from warta.pipeline.mentions.names import Names
from warta.pipeline.mentions.offices import Offices
from warta.pipeline.mentions.places import Places, _is_dateline
from warta.pipeline.mentions.referents import Referents, _groups
from warta.pipeline.mentions.speakers import Speakers
from warta.pipeline.names import NameJudge
from warta.pipeline.setting import home_country
from warta.settings import Settings


_PLACE = attrgetter("sentence", "tok_start", "tok_end")  # mentions in the order of the text


class ActorFinder(Composer, Names, Offices, Speakers, Referents, Places, Atoms):
    name = "warta.actors.v1"
    requires = ("sentences", "dates")
    assigns = ("mentions", "speakers")

    def __init__(self, gazetteer: Gazetteer, people: People, modifiers: frozenset[str] = frozenset()):
        self.gazetteer = gazetteer
        self.people = people
        self.pack = gazetteer.pack
        # words allowed between a role and its country ("penasihat senior menlu Iran")
        self.modifiers = modifiers
        self.surname_threshold = Settings.load().actors.surname_threshold  # a surname spelt another way
        self.self_pronouns = self.pack.word_class("self_pronoun")
        self.law_title = self.pack.word_class("law_title")  # nomor, tahun, tentang: inside a law's title
        self.place_preps = self.pack.word_class("place_prep")
        self.singular_pronouns = self.pack.word_class("singular_pronoun")
        self.counted_person = self.pack.word_class("counted_person")  # "185 orang": civilians counted
        self.party_words = self.pack.word_class("party_word")  # "Thailand's X Party": that country's party
        self.alias_words = self.pack.word_class("alias_word")  # "Budi Santoso atau BS": the short name after it
        self.speech_verbs = self.pack.word_class("speech_verb")
        self.quote_marks = self.pack.word_class("quote_mark")
        self.coordinators = self.pack.word_class("coordinator")
        self.articles = self.pack.word_class("article")
        self.formers = self.pack.word_class("former")
        self.target_preps = self.pack.word_class("target_prep")
        self.joiners = self.pack.word_class("name_joiner")
        self.office_verbs = self.pack.word_class("office_verb")  # elected, sworn: the name before takes the office after  # "director [of] Oxfam Ana Ruiz"
        # the small words inside the name of a body or place an office is held at ("Institute for X and Y")
        self.affiliation_words = (self.coordinators | self.articles | self.joiners | self.place_preps
                                  | self.pack.word_class("other_prep") | self.pack.word_class("locative")
                                  | self.pack.word_class("role_modifier"))
        self.judge = NameJudge.from_pack(self.pack)  # person, place or neither, for names nobody resolved
        self.agent_preps = self.pack.word_class("agent_prep") | self.pack.word_class("other_prep")  # "oleh"
        # capitalised day words that end a name ("President Hassan Rouhani Thursday said")
        self.not_names = frozenset(w.strip().lower() for row in self.pack.dates
                                   if row["kind"] in ("weekday", "relative") for w in row["words"].split("|"))
        # month words: a name only where no date stands around them ("15 Agustus," is no person)
        self.months = frozenset(w.strip().lower() for row in self.pack.dates
                                if row["kind"] == "month" for w in row["words"].split("|"))

    def __call__(self, analysis: Analysis) -> Analysis:
        doc = analysis.document
        sentences = analysis.sentences
        atoms_by_sentence = self._atoms(doc.text, sentences)
        # each pass reads a sentence's words as strings: listed once here, not once a pass
        texts = [[t.text for t in s.tokens] for s in sentences]
        words = [[t.lower for t in s.tokens] for s in sentences]
        memory: dict[str, Actor] = {}  # person name (lower) -> actor the text gave them
        recent: list[list[Mention]] = []  # compound groups seen so far, for "mereka"
        countries_seen: list[Mention] = []  # for "kedua negara"
        mentions: list[Mention] = []
        lead: Mention | None = None  # the person or office the last sentence began with, for "Ia"
        composed, places = [], {}
        leads: list[Mention | None] = []  # the person or office each sentence's "ia" stands for
        for sent, atoms, sent_texts, sent_words in zip(sentences, atoms_by_sentence, texts, words):
            if doc.dateline_place:  # (without one, no atom is the dateline's)
                atoms = [a for a in atoms if not _is_dateline(doc.text, sent, a, doc.dateline_place)]
            day = analysis.dates[sent.index][0] if analysis.dates else None
            leads.append(lead)
            found = self._compose(sent, sent_texts, sent_words, atoms, day, memory, recent, countries_seen, lead)
            if found:
                found, place = self._places_apart(sent, sent_words, found)
                if place:
                    places.setdefault(sent.paragraph, place)
            composed.append((sent, atoms, found))
            if not found:
                continue  # (half the sentences name nobody: none of what follows concerns them)
            mentions.extend(found)
            groups = _groups(found, sent, self.coordinators, self.articles)
            # "mereka" takes up a pair that acted ("Rusia dan Iran bertemu"), not one behind "oleh"
            recent.extend(g for g in groups if len({m.actor.code for m in g if m.actor}) > 1
                          and not (g[0].tok_start > 0 and sent.tokens[g[0].tok_start - 1].lower in self.agent_preps))
            countries_seen.extend(m for m in found if m.actor and m.actor.country and m.kind != "pronoun")
            # a person nobody resolved leads too, so "Ia" after them is not taken for an earlier actor
            lead = next((m for m in found if (m.actor or m.kind == "person") and m.kind in ("person", "role")
                         and m.tok_start <= 2), None) or lead
        home = home_country([m for m in mentions if not m.rule.endswith(":home")],
                            self._dateline_country(doc.dateline_place), self.pack.press_country)
        mentions = [self._at_home(m, home) for m in mentions]
        absorbed: set[Mention] = set()
        named: dict[Mention, Mention] = {}  # people the office after them names ("Name, the Speaker")
        for (sent, atoms, found), sent_words in zip(composed, words):
            # the paragraph's first place: where the crowd stands, not where the war it condemns is
            place = places.get(sent.paragraph)
            roles = self._unplaced_roles(sent, atoms, found, home, place)
            roles += self._counted_people(sent, sent_words, found + roles, home, place)
            if roles:
                mentions.extend(self._named_roles(sent, sent_words, roles, found, absorbed))
            if found:  # (the names an office after them takes are among them)
                offices = roles + [m for m in found if m.actor is not None and m.kind in ("role", "org", "group")]
                named.update(self._offices_after_names(sent, offices, found, memory))
        if absorbed or named:
            mentions = [named.get(m, m) for m in mentions if m not in absorbed]
        mentions = self._parties_of_countries(sentences, mentions)
        mentions = self._recalled(sentences, words, mentions, memory)
        mentions.extend(self._late_speakers(sentences, words, mentions))
        speakers: list[tuple[int, Mention]] = []
        mentions.extend(self._quoted(sentences, texts, words, mentions, leads, speakers))
        mentions.sort(key=_PLACE)
        return analysis.with_(mentions=tuple(mentions), speakers=tuple(speakers))
