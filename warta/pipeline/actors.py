"""Find who is named in each sentence and resolve them to CAMEO actor codes.

Names come from the gazetteer (countries, capitals, organisations, role nouns,
known people). They are then composed the way news writes them:
  role + country [+ , Name]      "Presiden Rusia, Vladimir Putin"  -> RUSGOV
  country + role [+ Name]        "Iranian President Hassan Rouhani"
  Name , role ... country        "Ali Asghar Khaji, penasihat senior menlu Iran"
  role + country and country     "Presiden Iran dan Rusia" -> IRNGOV, RUSGOV
  role + both parties            "menteri luar negeri kedua negara"
A person tied to a role in the text is remembered for the rest of the document,
so "Lavrov" alone resolves too, spelling variants included (Sergei/Sergey).
A capitalised name nobody resolved is judged by warta.pipeline.names: a person
is kept with no actor (kind "person", rule "unresolved:<evidence>"), so events
keep their name; a place, a body or any other name becomes kind "name" and
takes part in nothing. An office or a body takes the unresolved name right
after it as its person's ("Pemimpin Hamas Yahya Sinwar", "Arab League Secretary
General Chadli Klibi"; in a story set at home, "Menteri Perdagangan Zulkifli
Hasan").
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from itertools import accumulate
from operator import attrgetter

from rapidfuzz import fuzz

from warta.actors.codes import is_non_state
from warta.actors.gazetteer import Entry, Gazetteer
from warta.actors.people import People, split_code
from warta.lang.case import in_capitals, is_capital_letter, is_name_token, starts_capital, written_plain
from warta.model import Actor, Analysis, Mention, Sentence
from warta.pipeline.names import NameJudge, _name_words
from warta.pipeline.setting import foreign_in, home_country, is_place_apposition
from warta.settings import Settings

# mentions of a place that is (part of) a country; region: a province
PLACE_KINDS = ("country", "capital", "region")
_ACTORISH = (*PLACE_KINDS, "org", "group")
_COORDINATOR_WORD = Entry("word", "coordinator")


@dataclass(frozen=True, slots=True)
class Atom:
    t0: int
    t1: int  # token span in the sentence, end exclusive
    entry: Entry


class ActorFinder:
    name = "warta.actors.v1"
    requires = ("sentences", "dates")
    assigns = ("mentions", "speakers")

    TITLE_TAIL = 4  # words of a body's name between its role word and its country
    PORTFOLIO_WORDS = 3  # more for each portfolio a comma adds ("Menteri Energi, Sains, ... Malaysia")
    LAW_TITLE = 12  # words of a law's title after its word ("UU Nomor 30 Tahun 2002 tentang ...")

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
        self.speech_verbs = self.pack.word_class("speech_verb")
        self.quote_marks = self.pack.word_class("quote_mark")
        self.coordinators = self.pack.word_class("coordinator")
        self.articles = self.pack.word_class("article")
        self.formers = self.pack.word_class("former")
        self.target_preps = self.pack.word_class("target_prep")
        self.joiners = self.pack.word_class("name_joiner")
        self.office_verbs = self.pack.word_class("office_verb")  # elected, sworn: the name before takes the office after  # "director [of] Oxfam Ana Ruiz"
        self.judge = NameJudge.from_pack(self.pack)  # person, place or neither, for names nobody resolved
        # capitalised day words that end a name ("President Hassan Rouhani Thursday said")
        self.not_names = frozenset(w.strip().lower() for row in self.pack.dates
                                   if row["kind"] in ("weekday", "relative") for w in row["words"].split("|"))
        # month words: a name only where no date stands around them ("15 Agustus," is no person)
        self.months = frozenset(w.strip().lower() for row in self.pack.dates
                                if row["kind"] == "month" for w in row["words"].split("|"))

    def __call__(self, analysis: Analysis) -> Analysis:
        doc = analysis.document
        atoms_by_sentence = self._atoms(doc.text, analysis.sentences)
        memory: dict[str, Actor] = {}  # person name (lower) -> actor the text gave them
        recent: list[list[Mention]] = []  # compound groups seen so far, for "mereka"
        countries_seen: list[Mention] = []  # for "kedua negara"
        mentions: list[Mention] = []
        lead: Mention | None = None  # the person or office the last sentence began with, for "Ia"
        composed, places = [], {}
        leads: list[Mention | None] = []  # the person or office each sentence's "ia" stands for
        preps = self.pack.word_class("agent_prep") | self.pack.word_class("other_prep")
        for sent, atoms in zip(analysis.sentences, atoms_by_sentence):
            atoms = [a for a in atoms if not _is_dateline(doc.text, sent, a, doc.dateline_place)]
            day = analysis.dates[sent.index][0] if analysis.dates else None
            leads.append(lead)
            found = self._compose(sent, atoms, day, memory, recent, countries_seen, lead)
            found, place = self._places_apart(sent, found)
            if place:
                places.setdefault(sent.paragraph, place)
            mentions.extend(found)
            composed.append((sent, atoms, found))
            groups = _groups(found, sent, self.coordinators, self.articles)
            # "mereka" takes up a pair that acted ("Rusia dan Iran bertemu"), not one behind "oleh"
            recent.extend(g for g in groups if len({m.actor.code for m in g if m.actor}) > 1
                          and not (g[0].tok_start > 0 and sent.tokens[g[0].tok_start - 1].lower in preps))
            countries_seen.extend(m for m in found if m.actor and m.actor.country and m.kind != "pronoun")
            # a person nobody resolved leads too, so "Ia" after them is not taken for an earlier actor
            lead = next((m for m in found if (m.actor or m.kind == "person") and m.kind in ("person", "role")
                         and m.tok_start <= 2), None) or lead
        home = home_country([m for m in mentions if not m.rule.endswith(":home")],
                            self._dateline_country(doc.dateline_place), self.pack.press_country)
        mentions = [self._at_home(m, home) for m in mentions]
        absorbed: set[Mention] = set()
        named: dict[Mention, Mention] = {}  # people the office after them names ("Name, the Speaker")
        for sent, atoms, found in composed:
            # the paragraph's first place: where the crowd stands, not where the war it condemns is
            place = places.get(sent.paragraph)
            roles = self._unplaced_roles(sent, atoms, found, home, place)
            mentions.extend(self._named_roles(sent, roles, found, absorbed))
            offices = roles + [m for m in found if m.actor is not None and m.kind in ("role", "org", "group")]
            named.update(self._offices_after_names(sent, offices, found, memory))
        if absorbed or named:
            mentions = [named.get(m, m) for m in mentions if m not in absorbed]
        mentions = self._recalled(analysis.sentences, mentions, memory)
        mentions.extend(self._late_speakers(analysis.sentences, mentions))
        speakers: list[tuple[int, Mention]] = []
        mentions.extend(self._quoted(analysis.sentences, mentions, leads, speakers))
        mentions.sort(key=lambda m: (m.sentence, m.tok_start, m.tok_end))
        return analysis.with_(mentions=tuple(mentions), speakers=tuple(speakers))

    def _recalled(self, sentences, mentions: list[Mention], memory: dict[str, Actor]) -> list[Mention]:
        """A person the text gave an office ("Ketua KPK Budi Santoso", "Duta Besar Jepang Kenji
        Jenkins") is meant wherever any word of their name stands alone: "Agus", "Rahardjo",
        "Owen", the headline included. A word two people of different codes share decides nothing."""
        known = dict(memory)
        for m in mentions:
            if m.kind == "role" and m.actor is not None and m.actor.name:
                known.setdefault(m.actor.name.lower(), m.actor)
        by_word: dict[str, Actor | None] = {}
        for name, actor in known.items():
            for w in _name_words(name.split()):
                if len(w) < 3 or self.judge.plain(w) or w in self.not_names:
                    continue
                seen = by_word.get(w, actor)
                by_word[w] = actor if seen is not None and seen.code == actor.code else None
        by_word = {w: a for w, a in by_word.items() if a is not None}
        if not by_word:
            return mentions
        by_sentence: dict[int, list[Mention]] = {}
        for m in mentions:
            by_sentence.setdefault(m.sentence, []).append(m)
        out: list[Mention] = []
        for sent in sentences:
            found = by_sentence.get(sent.index, [])
            covered: set[int] = set()
            for m in found:
                if m.actor is None and m.kind == "person":
                    actor = self._known_name(m.text, by_word)
                    if actor is not None:
                        m = replace(m, actor=actor, rule="memory:person")
                covered.update(range(m.tok_start, m.tok_end))
                out.append(m)
            toks = sent.tokens
            k = 0
            while k < len(toks):
                if k in covered or toks[k].lower not in by_word or not is_name_token(toks[k].text):
                    k += 1
                    continue
                end = k + 1
                while end < len(toks) and end not in covered and toks[end].lower in by_word \
                        and by_word[toks[end].lower].code == by_word[toks[k].lower].code:
                    end += 1
                out.append(self._mention(sent, k, end, by_word[toks[k].lower], "person", "memory:person"))
                k = end
        return out

    def _quoted(self, sentences, mentions: list[Mention], leads: list[Mention | None],
                speakers: list[tuple[int, Mention]] | None = None) -> list[Mention]:
        """First-person words inside a quote stand for its speaker, named after the quote
        ('"Kami ... . ... ," kata Iqbal', '"...," ujarnya': the person the sentence before
        began with) or before it ('Iqbal mengatakan, "Kami ..."'), the quote spanning sentences."""
        if not self.quote_marks or not self.self_pronouns:
            return []
        by_sentence: dict[int, list[Mention]] = {}
        for m in mentions:
            by_sentence.setdefault(m.sentence, []).append(m)
        out: list[Mention] = []
        paragraphs: dict[int, list[Sentence]] = {}
        for sent in sentences:
            paragraphs.setdefault(sent.paragraph, []).append(sent)
        named_last = False  # a quote was attributed by name before ('..." kata Stanikzai')
        last: Mention | None = None  # that speaker, None when nobody could tell who they are
        for para in paragraphs.values():
            marks = [(sent, k) for sent in para for k, t in enumerate(sent.tokens) if t.text in self.quote_marks]
            for (s0, k0), (s1, k1) in zip(marks[0::2], marks[1::2]):
                speaker, named = self._speaker_after(s1, k1, by_sentence, leads)
                if named:
                    named_last, last = True, speaker
                elif named_last and (speaker is not None or self._speech_after(s1, k1)):
                    speaker = last  # '"...," tambahnya': the speaker named last, not whoever led the text
                speaker = speaker or self._speaker_before(s0, k0, by_sentence)
                if speaker is None or speaker.actor is None:
                    continue
                for sent in para:
                    if not s0.index <= sent.index <= s1.index:
                        continue
                    if speakers is not None:
                        speakers.append((sent.index, speaker))
                    lo = k0 + 1 if sent is s0 else 0
                    hi = k1 if sent is s1 else len(sent.tokens)
                    covered = {k for m in by_sentence.get(sent.index, ()) if m.actor is not None
                               for k in range(m.tok_start, m.tok_end)}
                    out.extend(self._mention(sent, k, k + 1, speaker.actor, "pronoun", "pronoun:speaker")
                               for k in range(lo, hi) if sent.tokens[k].lower in self.self_pronouns and k not in covered)
        return out

    def _speaker_after(self, sent, k: int, by_sentence, leads) -> tuple[Mention | None, bool]:
        """'...," kata Iqbal': the actor right after the speech verb that follows the closing quote
        (and True: named there); with none there ("ujarnya", "kata dia"), the person the sentence
        before began with (and False)."""
        toks = sent.tokens
        v = k + 1
        while v < len(toks) and toks[v].lower == ",":
            v += 1
        if v >= len(toks):
            return None, False
        if toks[v].lower not in self.speech_verbs:
            # '...," the minister said': the actor right after the quote, a speech verb after it
            return next((m for m in by_sentence.get(sent.index, ()) if v <= m.tok_start <= v + 1
                         and m.tok_end < len(toks) and toks[m.tok_end].lower in self.speech_verbs), None), True
        mine = by_sentence.get(sent.index, ())
        if v + 1 < len(toks) and is_name_token(toks[v + 1].text) and not any(m.tok_start == v + 1 for m in mine):
            return None, True  # '...," kata Stanikzai': someone named whom nobody knows
        # not whom it was said to ('kata X kepada wartawan')
        after = [m for m in mine if v < m.tok_start <= v + 3 and toks[m.tok_start - 1].lower not in self.target_preps]
        if after:
            return _passed_on(min(after, key=lambda m: m.tok_start), mine), True
        return (leads[sent.index] if sent.index < len(leads) else None), False

    def _speech_after(self, sent, k: int) -> bool:
        """Does a speech verb follow the closing quote at k (commas aside)?"""
        toks = sent.tokens
        v = k + 1
        while v < len(toks) and toks[v].lower == ",":
            v += 1
        return v < len(toks) and toks[v].lower in self.speech_verbs

    def _speaker_before(self, sent, k: int, by_sentence) -> Mention | None:
        """'Iqbal mengatakan, "Kami ...': the actor right before the speech verb before the quote."""
        toks = sent.tokens
        v = k - 1
        while v >= 0 and toks[v].lower in (",", ":"):
            v -= 1
        if v < 1:
            return None
        mine = by_sentence.get(sent.index, ())
        if toks[v].lower not in self.speech_verbs:
            # 'Ana Ruiz, on the radio, defended her plan: "I ...': the quote goes on from a clause of
            # the person the sentence begins with (their office aside), nobody else named and no other
            # quote before it
            first = next((m for m in mine if m.tok_start < k), None)
            if first is None or first.actor is None or first.kind not in ("person", "role") \
                    or any(toks[j].lower not in self.articles for j in range(first.tok_start)) \
                    or any(m.actor is not None and m.actor.code != first.actor.code
                           and m.tok_start >= first.tok_end and m.tok_start < k for m in mine) \
                    or any(toks[j].text in self.quote_marks for j in range(k)):
                return None
            return first
        return next((m for m in mine if m.tok_end == v), None)

    @staticmethod
    def _known_name(text: str, by_word: dict[str, Actor]) -> Actor | None:
        """The one known person every recognised word of a written name points to."""
        hits = {by_word[w].code: by_word[w] for w in _name_words(text.lower().split()) if w in by_word}
        return next(iter(hits.values())) if len(hits) == 1 else None

    # -- the story's own country -------------------------------------------------

    @staticmethod
    def _at_home(m: Mention, home: str | None) -> Mention:
        """A body every country has, written without a country, in a story set abroad: that country's."""
        if not m.rule.endswith(":home") or home is None or m.actor is None or m.actor.country == home:
            return m
        return replace(m, actor=Actor.of(home, m.actor.sector))

    def _dateline_country(self, place: str | None) -> str | None:
        entry = self.gazetteer.lookup(place.title()) if place else None
        return split_code(entry.value).country if entry and entry.kind in PLACE_KINDS else None

    def _places_apart(self, sent, found: list[Mention]) -> tuple[list[Mention], str | None]:
        """"di Gedung DPR, Jakarta,": the capital says where, it is no party. Returns the
        mentions and the country of the place the sentence names, if any."""
        words = [t.lower for t in sent.tokens]
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

    def _named_roles(self, sent, offices: list[Mention], names: list[Mention], absorbed: set) -> list[Mention]:
        """Offices and bodies with the unresolved name of their person right after them:
        "[Menteri Perdagangan] Zulkifli Hasan" in a story at home in Indonesia, "[Pemimpin Hamas]
        Yahya Sinwar", "[Hamas] leader Yahya Sinwar", "[Arab League] Secretary General Chadli Klibi".
        The office or body gives the code, the name is the person acting for it: one actor, not two.
        The name is the actor's only when a title says it is a person's ("warga Kulon Progo": a place).
        Returns `offices`, those that took a name widened over it; the names taken go into `absorbed`."""
        if not any(m.actor is None and m.kind == "person" for m in names):
            return offices
        words = [t.lower for t in sent.tokens]
        out = []
        for r in offices:
            if r.actor is not None and not r.actor.name and r.kind in ("role", "org", "group"):
                person = next((m for m in names if m.actor is None and m.kind == "person" and m not in absorbed
                               and self._belongs_to(words, r, m)), None)
                if person is not None:
                    absorbed.add(person)
                    titled = person.rule.startswith("unresolved:person_title") \
                        or self.judge.titled(words, r.tok_start, r.tok_end) or self.judge.titled_before(words, r.tok_start)
                    name = " ".join(person.text.split()) if titled else None
                    actor = Actor(r.actor.code, r.actor.country, r.actor.sector, name)
                    rule = r.rule if r.kind == "role" else "role+org"
                    r = self._mention(sent, r.tok_start, person.tok_end, actor, "role", rule)
            out.append(r)
        return out

    def _offices_after_names(self, sent, offices: list[Mention], names: list[Mention],
                             memory: dict[str, Actor]) -> dict[Mention, Mention]:
        """"Mary Lopez, the Speaker of the House", "Ken Sato, the United Nations aid
        Coordinator": an office or a body set off right after a name nobody resolved is that person's
        (found once the story's country is known, so that offices named without one count too)."""
        out: dict[Mention, Mention] = {}
        toks = sent.tokens
        for r in offices:
            k = r.tok_start - 1
            while k >= 0 and toks[k].lower in self.articles:
                k -= 1
            if r.actor is None or k < 1:
                continue
            person = next((m for m in names if m.actor is None and m.kind == "person" and m.tok_end == k), None) \
                if toks[k].lower == "," else self._took_office(toks, r, names)
            if person is None:
                continue
            actor = Actor(r.actor.code, r.actor.country, r.actor.sector, " ".join(person.text.split()))
            memory[actor.name.lower()] = actor
            out[person] = replace(person, actor=actor, rule="appositive:office")
        return out

    def _inside_longer_name(self, toks, atom, used_until: int) -> bool:
        """Does a one-word alias of a known person follow a name word of no entry (a given name
        the knowledge does not list), not a title?"""
        k = atom.t0 - 1
        if atom.t1 - atom.t0 != 1 or k < 0 or k < used_until:
            return False
        return is_name_token(toks[k].text) and toks[k].lower not in self.not_names \
            and not self.judge.plain(toks[k].lower) and not self.judge.titled([toks[k].lower], 0, 1)

    def _took_office(self, toks, r: Mention, names: list[Mention]) -> Mention | None:
        """The name nobody resolved that takes the office a few words on: "Ana Ruiz was elected
        Speaker", "Ana Ruiz on Monday resumed her post as Chilean foreign minister"."""
        for m in names:
            between = toks[m.tok_end:r.tok_start]
            if m.actor is None and m.kind == "person" and 0 < len(between) <= _OFFICE_GAP \
                    and all(written_plain(t.text) or t.lower == "-" for t in between) \
                    and any(t.text in self.office_verbs for t in between):
                return m
        return None

    def _belongs_to(self, words: list[str], r: Mention, person: Mention) -> bool:
        """Does the person's name follow the office right away, or the body with only a title between?"""
        if person.tok_start == r.tok_end or person.tok_start > r.tok_end and all(
                w in ("(", ")", "[", "]") for w in words[r.tok_end:person.tok_start]):
            # "[Menteri Perdagangan] Zulkifli Hasan", "Menteri Pemuda dan Olahraga ([Menpora]) Sari Lestari";
            # a body's name only behind a title of its people: "Ketua [KPK] Budi Santoso", not "[KPK]
            # Agus" of a headline's subject and object
            return r.kind == "role" or self.judge.titled_before(words, r.tok_start) \
                or r.tok_start > 1 and words[r.tok_start - 1] in self.joiners and self.judge.titled_before(words, r.tok_start - 1)
        if words[r.tok_end:person.tok_start] == [","] and (r.kind == "role" or self.judge.titled_before(
                words, r.tok_start)) and not (person.tok_end < len(words) and words[person.tok_end] in self.coordinators):
            return True  # "Menteri Luar Negeri Kuba, Ana Perez, mengatakan": set off, not listed
        return person.tok_start > r.tok_end and person.rule.startswith("unresolved:person_title") \
            and self.judge.titled(words, r.tok_end, person.tok_start) \
            and all(w.isalpha() or w == "-" for w in words[r.tok_end:person.tok_start])

    def _unplaced_roles(self, sent, atoms, found: list[Mention], home: str | None,
                        place: str | None) -> list[Mention]:
        """Roles named with no country ("polisi", "pemerintah"). Crowds and police belong where the
        sentence (or its paragraph) is set; a government to the story's home country. Neither is
        guessed in a sentence that names a foreign country and no place."""
        toks = sent.tokens
        covered = {k for m in found for k in range(m.tok_start, m.tok_end)}
        out = []
        for a in atoms:
            if a.entry.kind != "role" or any(k in covered for k in range(a.t0, a.t1)):
                continue
            if a.entry.value == "GOV":
                # "DPR RI mengkritik Kementerian Luar Negeri ... di Lebanon": the nearest country named
                # before the office decides; with none, the story's home
                before = [m for m in found if m.tok_end <= a.t0 and m.actor and m.actor.country
                          and not is_non_state(m.actor.code)]
                country = home if home and (not before or before[-1].actor.country == home) else None
            else:
                country = place or (home if home and not foreign_in(found, home) else None)
            if country is None:
                continue
            actor = Actor.of(country, None if self._former(toks, a.t0) else a.entry.value)
            out.append(self._mention(sent, a.t0, a.t1, actor, "role", "role+home"))
            covered.update(range(a.t0, a.t1))
        return out

    # -- finding names --------------------------------------------------------

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
            out.append(chosen)
        return out

    # -- composing mentions ---------------------------------------------------

    def _compose(self, sent, atoms, day, memory, recent, countries_seen, lead=None) -> list[Mention]:
        """The sentence's mentions. `recent`, `countries_seen` and `lead` are what the document
        said before: the Coder keeps nothing between documents (one Coder serves many threads)."""
        toks = sent.tokens
        out: list[Mention] = []
        used_until = 0
        i = 0
        while i < len(atoms):
            atom = atoms[i]
            if atom.t0 < used_until:
                i += 1
                continue
            kind = atom.entry.kind
            if kind == "role":
                made, consumed = self._role_first(sent, atoms, i, day, memory, countries_seen, recent)
                if made:
                    out.extend(made)
                    used_until = max(m.tok_end for m in made)
                    i += consumed
                    continue
            elif kind in PLACE_KINDS and i + 1 < len(atoms) and atoms[i + 1].entry.kind == "role" \
                    and atoms[i + 1].t0 == atom.t1 and kind == "country":
                # "Iranian President [Hassan Rouhani]"
                role = atoms[i + 1]
                name_end = 0 if sent.is_title else _name_run(toks, role.t1, not_names=self.not_names)
                end = name_end or role.t1
                former = self._former(toks, atom.t0)  # "former Iranian President": no office today
                actor = Actor.of(split_code(atom.entry.value).country, None if former else role.entry.value)
                actor = self._remember(toks, role.t1, name_end, actor, memory, former=former)
                out.append(self._mention(sent, atom.t0, end, actor, "role", "country+role"))
                used_until = end
                i += 2
                continue
            elif kind == "bill":
                # "revisi UU Nomor 30 Tahun 2002 tentang KPK": a law stands for the legislature making
                # it; the bodies and places in its title are none of the parties
                end = self._law_title(toks, atom.t1, sent.is_title)
                country = next((a for a in atoms[i + 1:] if a.t0 < end and a.entry.kind in PLACE_KINDS), None)
                actor, rule = split_code(atom.entry.value), "gazetteer:bill:home"
                if country is not None:  # "UU Ekstradisi Hong Kong": that country's
                    actor, rule = Actor.of(split_code(country.entry.value).country, actor.sector), "gazetteer:bill+country"
                out.append(self._mention(sent, atom.t0, end, actor, "org", rule))
                used_until = end
            elif kind in _ACTORISH and atom.entry.home_scoped:
                # "DPR AS": the body of the country named with it; "DPR" alone: the story's (see _at_home)
                actor, end, rule = split_code(atom.entry.value), atom.t1, f"gazetteer:{kind}:home"
                nxt = atoms[i + 1] if i + 1 < len(atoms) else None
                if nxt is not None and nxt.t0 == atom.t1 and nxt.entry.kind == "country":
                    actor = Actor.of(split_code(nxt.entry.value).country, actor.sector)
                    end, rule = nxt.t1, f"gazetteer:{kind}+country"
                    i += 1
                out.append(self._mention(sent, atom.t0, end, actor, kind, rule))
                used_until = end
            elif kind in _ACTORISH:
                actor = split_code(atom.entry.value)
                out.append(self._mention(sent, atom.t0, atom.t1, actor, kind, f"gazetteer:{kind}"))
                used_until = atom.t1
            elif kind == "person" and self._inside_longer_name(toks, atom, used_until):
                pass  # "Edhy Prabowo": a known surname inside another person's name is not that person
            elif kind == "person":
                person = self.people.get(atom.entry.value)
                actor = memory.get(atom.entry.value) or (person.actor_on(day) if person else None)
                out.append(self._mention(sent, atom.t0, atom.t1, actor, "person", "knowledge:person"))
                used_until = atom.t1
            elif kind == "word" and atom.entry.value == "plural_pronoun" and recent:
                for m in _plural_referent(countries_seen, recent):
                    out.append(self._mention(sent, atom.t0, atom.t1, m.actor, "pronoun", "pronoun:plural"))
                used_until = atom.t1
            elif kind == "word" and atom.entry.value == "both_parties":
                # "Kedua negara sepakat ...": the pair named last; "kedua menteri" keeps the role's sector
                sector = self._phrase_sector(toks, atom)
                for c in _last_two_countries(countries_seen, recent):
                    actor = Actor.of(c, sector) if sector else _usual_actor(countries_seen, c)
                    out.append(self._mention(sent, atom.t0, atom.t1, actor, "country", "both:alone"))
                used_until = atom.t1
            i += 1
        if not sent.is_title:  # headlines capitalise every word: no names to find there
            names = self._names(sent, atoms, out, memory)
            absorbed: set[Mention] = set()
            out = self._named_roles(sent, out, names, absorbed) + [m for m in names if m not in absorbed]
        out.extend(self._speakers(sent, out))
        out.extend(self._singular(sent, out, lead))
        return sorted(out, key=lambda m: (m.tok_start, m.tok_end))

    def _singular(self, sent, found: list[Mention], lead: Mention | None) -> list[Mention]:
        """"Ia", "beliau": the person or office the last sentence began with."""
        if lead is None or not self.singular_pronouns:
            return []
        covered = {k for m in found for k in range(m.tok_start, m.tok_end)}
        return [self._mention(sent, k, k + 1, lead.actor, "pronoun", "pronoun:singular")
                for k, t in enumerate(sent.tokens) if t.lower in self.singular_pronouns and k not in covered]

    def _phrase_sector(self, toks, atom: Atom) -> str | None:
        for k in range(atom.t0 + 1, atom.t1):
            entry = self.gazetteer.lookup(toks[k].text)
            if entry is not None and entry.kind == "role":
                return entry.value
        return None

    def _speakers(self, sent, found: list[Mention]) -> list[Mention]:
        """"Kami mengecam ...," kata Menlu Iran: first-person pronouns stand for the speaker."""
        toks = sent.tokens
        selves = [k for k, t in enumerate(toks) if t.lower in self.self_pronouns]
        if not selves:
            return []
        speaker = None
        for k, t in enumerate(toks):
            if t.lower not in self.speech_verbs:
                continue
            after = next((m for m in found if m.actor and m.tok_start == k + 1), None)
            before = next((m for m in found if m.actor and (m.tok_end == k or m.tok_end == k - 1 and toks[k - 1].lower == ",")), None)
            # "Ana Ruiz, the Chilean foreign minister, announced that she ...": the name before an
            # appositive set off by commas
            set_off = next((m for m in found if m.actor and m.tok_end < k - 1 and toks[m.tok_end].lower == ","
                            and toks[k - 1].lower == "," and k - m.tok_end <= _APPOSITIVE_WORDS), None)
            speaker = after or before or set_off
            if speaker is not None:
                break
        if speaker is None:
            return []
        speaker = _passed_on(speaker, found)
        return [self._mention(sent, k, k + 1, speaker.actor, "pronoun", "pronoun:speaker")
                for k in selves if not speaker.tok_start <= k < speaker.tok_end]

    def _late_speakers(self, sentences, mentions: list[Mention]) -> list[Mention]:
        """Speakers' pronouns in sentences whose speaker was known only once the whole story was read
        (an office after the name, the story's country): "Ana Ruiz, the Speaker, announced that she ..."."""
        by_sentence: dict[int, list[Mention]] = {}
        for m in mentions:
            by_sentence.setdefault(m.sentence, []).append(m)
        out = []
        for sent in sentences:
            found = by_sentence.get(sent.index, [])
            covered = {k for m in found for k in range(m.tok_start, m.tok_end)}
            if any(t.lower in self.self_pronouns and k not in covered for k, t in enumerate(sent.tokens)):
                out.extend(m for m in self._speakers(sent, found) if m.tok_start not in covered)
        return out

    def _role_first(self, sent, atoms, i, day, memory, countries_seen, recent):
        """role [modifiers] country [and country...] [, Name]  or  role both-parties."""
        toks = sent.tokens
        role = atoms[i]
        j, pos = i + 1, role.t1
        # a chain of roles ("penasihat senior menlu"): the first one sets the sector
        while j < len(atoms) and atoms[j].entry.kind == "role" and _gap_ok(toks, pos, atoms[j].t0, self.modifiers):
            pos, j = atoms[j].t1, j + 1
        former = self._former(toks, role.t0)
        if j < len(atoms) and not _gap_ok(toks, pos, atoms[j].t0, self.modifiers):
            # "Kementerian [Kelautan dan Perikanan] Indonesia": the name's own "dan" is no coordinator
            k = j
            while k < len(atoms) and atoms[k].entry == _COORDINATOR_WORD:
                k += 1
            if k < len(atoms) and atoms[k].entry.kind in PLACE_KINDS and self._title_tail(toks, pos, atoms[k].t0):
                j = k
        if j < len(atoms) and (_gap_ok(toks, pos, atoms[j].t0, self.modifiers)
                               or atoms[j].entry.kind in PLACE_KINDS and self._title_tail(toks, pos, atoms[j].t0)):
            nxt = atoms[j]
            if nxt.entry.kind == "word" and nxt.entry.value == "both_parties":
                pair = _last_two_countries(countries_seen, recent)
                made = [self._mention(sent, role.t0, nxt.t1, Actor.of(c, None if former else role.entry.value),
                                      "role", "role+both") for c in pair]
                return made, j - i + 1
            if nxt.entry.kind in ("org", "group"):
                # "juru bicara Hamas", "pasukan PBB": the body's own code, whatever the role
                made = [self._mention(sent, role.t0, nxt.t1, split_code(nxt.entry.value), "role", "role+org")]
                return made, j - i + 1
            if nxt.entry.kind in PLACE_KINDS:
                country = split_code(nxt.entry.value).country
                actor = Actor.of(country, None if former else role.entry.value)
                name_start = nxt.t1
                # headlines capitalise every word: no name runs there
                name_end = 0 if sent.is_title else _name_run(toks, nxt.t1, allow_comma=True, not_names=self.not_names)
                if name_end:  # "Presiden Prancis Jean-Luc Martin"
                    name_end = _hyphenated(toks, name_end, set())
                if not name_end and not sent.is_title:  # "Konsul Jenderal RI di Johor Bahru, Sigit Widiyanto,"
                    name_start, name_end = self._name_after_place(toks, nxt.t1)
                if not name_end and not sent.is_title:  # "Duta Besar Jepang untuk Indonesia Kenji Sato"
                    name_start, name_end = self._name_after_posting(toks, atoms, nxt.t1)
                if name_end and any(name_start <= a.t0 < name_end and a.entry.kind != "person" for a in atoms):
                    name_end = 0  # "Menlu Iran, Rusia, dan Turki": a list of countries, not a name
                actor = self._remember(toks, _skip_comma(toks, name_start), name_end, actor, memory, former)
                made = [self._mention(sent, role.t0, name_end or nxt.t1, actor, "role", "role+country")]
                consumed = j - i + 1
                # "Presiden Iran dan Rusia": the role covers every coordinated country
                k, end = j + 1, nxt.t1
                while k < len(atoms) and atoms[k].entry == _COORDINATOR_WORD:
                    k, consumed = k + 1, consumed + 1  # "dan" is an atom of its own
                while not name_end and k < len(atoms) and atoms[k].entry.kind in PLACE_KINDS \
                        and _is_coordination(toks, end, atoms[k].t0, self.coordinators, self.articles):
                    c2 = split_code(atoms[k].entry.value).country
                    made.append(self._mention(sent, atoms[k].t0, atoms[k].t1,
                                              Actor.of(c2, None if former else role.entry.value), "role",
                                              "role+country"))
                    end, k, consumed = atoms[k].t1, k + 1, consumed + 1
                    while k < len(atoms) and atoms[k].entry == _COORDINATOR_WORD:
                        k, consumed = k + 1, consumed + 1
                return made, consumed
        # role + known person with no country: "Presiden Joko Widodo"
        if j < len(atoms) and atoms[j].entry.kind == "person" and atoms[j].t0 == pos:
            return [], 1
        return [], 1

    def _name_after_place(self, toks, i: int) -> tuple[int, int]:
        """A name set off by commas after a short phrase of place: "di Johor Bahru, [Sigit Widiyanto],"."""
        if i >= len(toks) or (toks[i].lower not in self.place_preps and toks[i].lower not in self.target_preps):
            return i, 0
        for k in range(i + 1, min(i + 5, len(toks))):
            if toks[k].lower == ",":
                end = _name_run(toks, k + 1, not_names=self.not_names)
                closed = end and (end == len(toks) or toks[end].lower == "," or toks[end].lower in self.speech_verbs)
                return (k, end) if closed else (i, 0)
            if not is_name_token(toks[k].text):
                break
        return i, 0

    def _name_after_posting(self, toks, atoms, i: int) -> tuple[int, int]:
        """A name after the place or body an office is posted to: "untuk [Indonesia] Kenji Sato",
        "untuk Perdamaian [Sudan], Anna Berg" (a preposition, a few capitalised
        words ending in a known place or body, then the name)."""
        if i >= len(toks) or toks[i].lower not in self.target_preps:
            return i, 0
        post = next((a for a in atoms if i + 1 <= a.t0 <= i + 3 and a.entry.kind in _ACTORISH), None)
        if post is None or not all(is_name_token(t.text) for t in toks[i + 1:post.t0]):
            return i, 0
        start = _skip_comma(toks, post.t1)
        end = _name_run(toks, start, not_names=self.not_names)
        if not end or any(a.t0 < end and a.t1 > start for a in atoms if a.entry.kind != "person"):
            return i, 0
        return start, end

    def _law_title(self, toks, i: int, headline: bool = False) -> int:
        """End of a law's title after its word: capitalised words, numbers and the pack's
        law_title words ("Nomor 30 Tahun 2002 tentang Perkawinan"), ending on neither of the last.
        A headline capitalises every word: there only acronyms and numbers ("UU KPK")."""
        end, j = i, i
        while j < len(toks) and j - i < self.LAW_TITLE:
            t = toks[j]
            if (in_capitals(t.text) if headline else starts_capital(t.text)) or t.text.isdigit():
                end = j + 1
            elif t.lower not in self.law_title:
                break
            j += 1
        return end

    def _title_tail(self, toks, a: int, b: int) -> bool:
        """The rest of a body's name before its country: "Kementerian [Kelautan dan Perikanan] Indonesia",
        or a list of portfolios: "Menteri [Energi, Sains, Lingkungan dan Iklim] Malaysia"."""
        tail = toks[a:b]
        listed = sum(t.lower == "," for t in tail)
        if listed and tail[0].lower == ",":  # "Menteri [Perdagangan][, Industri dan Iklim] Malaysia"
            tail = tail[1:]
        if not 0 < len(tail) <= self.TITLE_TAIL + listed * self.PORTFOLIO_WORDS \
                or not is_name_token(tail[0].text) or not is_name_token(tail[-1].text):
            return False
        coordinators = self.coordinators
        return all(is_name_token(t.text) or t.lower in coordinators or t.lower == "," for t in tail)

    def _names(self, sent, atoms, found, memory) -> list[Mention]:
        """Capitalised names not yet covered: people the document introduced before,
        or introduced here as "Name, role ... country"."""
        toks = sent.tokens
        texts = [t.text for t in toks]
        words = [t.lower for t in toks]
        covered = set()
        for m in found:
            covered.update(range(m.tok_start, m.tok_end))
        for a in atoms:
            covered.update(range(a.t0, a.t1))
        out = []
        # a sentence's opening: the tokens up to its first one starting with a letter or digit
        first_word = next((k for k, w in enumerate(texts) if w[:1].isalnum()), len(toks))
        i = 0
        while i < len(toks):
            # an initial and a name token both open with a capital: most tokens are passed at once
            if i in covered or not starts_capital(texts[i]):
                i += 1
                continue
            initial = self._initial(toks, i)
            if not (initial or is_name_token(texts[i])):
                i += 1
                continue
            end = _name_run(toks, i + initial, not_names=self.not_names)
            if not end:
                i += 1
                continue
            if any(k in covered for k in range(i, end)):
                end = min(k for k in range(i, end) if k in covered)
                if end <= i:
                    i += 1
                    continue
            end = _hyphenated(toks, end, covered)
            # a sentence's first words are capitalised whatever they are: "Namun Ahmad Vahidi" (a quote
            # mark or a dash before them changes nothing)
            opening = i <= first_word
            while opening and i < end and self.judge.plain(toks[i].lower):
                i += 1
            if i >= end:
                continue
            if opening and end == i + 1 and end < len(toks) and toks[end].lower == "," \
                    and self._recall(toks[i].text, memory) is None:
                i = end  # "Namun, ...", "However, ...": one opening word set off by a comma is no name
                continue
            if end == i + 1 and words[i] in self.months and i > 0 and (
                    toks[i - 1].text.isdigit() or not is_name_token(toks[i - 1].text)):
                i = end  # "pada 15 Agustus,", "pertengahan Agustus": a date
                continue
            name = " ".join(t.text for t in toks[i:end])
            actor = self._recall(name, memory)
            if actor is None:
                actor = self._appositive(sent, atoms, end, name, memory)
            if actor is not None:
                out.append(self._mention(sent, i, end, actor, "person", "memory:person"))
            else:
                # nobody resolved it: a person still shows, with their name and no code; a place,
                # a body or a capitalised word of the sentence is kept apart as a bare name
                role = next((a.t0 for a in atoms if a.t1 == i and a.entry.kind == "role"), None)
                verdict = self.judge.judge(texts, i, end, self._role_follows(toks, atoms, end), role, words)
                if verdict.person:
                    out.append(self._mention(sent, verdict.t0, end, None, "person", verdict.rule))
                elif end - i >= 2 and (not opening or verdict.kind in ("place", "org")):
                    # (a sentence's first words are capitalised anyway: a name there only on a place or body word)
                    out.append(self._mention(sent, i, end, None, "name", verdict.rule))
            i = end
        return out

    def _initial(self, toks, i: int) -> bool:
        """A capital letter standing for a first name before a name ("M Harjono"), not a word of the language."""
        t = toks[i].text
        return len(t) == 1 and is_capital_letter(t) and not self.judge.plain(t.lower()) \
            and i + 1 < len(toks) and is_name_token(toks[i + 1].text)

    @staticmethod
    def _role_follows(toks, atoms, end: int) -> bool:
        """"Ahmad Vahidi, penasihat ...": a role right after the comma that closes the name."""
        return end < len(toks) and toks[end].lower == "," and any(
            a.t0 == end + 1 and a.entry.kind == "role" for a in atoms)

    def _appositive(self, sent, atoms, end, name, memory) -> Actor | None:
        """"Name, role ... country" ("Ali Khaji, penasihat senior menlu Iran", "Mary Lopez, the chief
        executive of Hong Kong"), or "Name, [a] country ... role" ("Anna Berg, a Swedish peace envoy")."""
        toks = sent.tokens
        if end >= len(toks) or toks[end].lower != ",":
            return None
        start = end + 1
        while start < len(toks) and toks[start].lower in self.articles:
            start += 1
        first = next((a for a in atoms if a.t0 == start), None)
        if first is not None and first.entry.kind == "country":
            # the country first, then its office, a word or two of description between
            role = next((a for a in atoms if first.t1 <= a.t0 <= first.t1 + 2 and a.entry.kind == "role"
                         and all(not is_name_token(t.text) for t in toks[first.t1:a.t0])), None)
            if role is not None:
                actor = Actor.of(split_code(first.entry.value).country, role.entry.value, name)
                memory[name.lower()] = actor
                return actor
        roles = [a for a in atoms if a.t0 >= start and a.entry.kind == "role"]
        if not roles or roles[0].t0 != start:
            return None
        pos = roles[0].t1
        for a in atoms:
            if a.t0 < pos:
                continue
            if a.entry.kind == "role" and _gap_ok(toks, pos, a.t0, self.modifiers):
                pos = a.t1
                continue
            if a.entry.kind in PLACE_KINDS and _gap_ok(toks, pos, a.t0, self.modifiers):
                actor = Actor.of(split_code(a.entry.value).country, roles[0].entry.value, name)
                memory[name.lower()] = actor
                return actor
            break
        return None

    def _remember(self, toks, start, end, actor: Actor, memory, former=False) -> Actor:
        if not end or end <= start:
            return actor
        name = " ".join(t.text for t in toks[start:end])
        actor = Actor(actor.code, actor.country, actor.sector, name)
        memory[name.lower()] = actor
        return actor

    def _recall(self, name: str, memory: dict[str, Actor]) -> Actor | None:
        key = name.lower()
        if key in memory:
            return memory[key]
        last = key.split()[-1]
        for known, actor in memory.items():
            known_last = known.split()[-1]
            if last == known_last or (len(last) > 4 and fuzz.ratio(last, known_last) >= self.surname_threshold):
                return actor
        return None

    def _former(self, toks, t0: int) -> bool:
        return t0 > 0 and toks[t0 - 1].lower in self.formers

    def _mention(self, sent, t0, t1, actor, kind, rule) -> Mention:
        toks = sent.tokens
        start, end = toks[t0].start, toks[t1 - 1].end
        text = sent.text[start - sent.start : end - sent.start]
        return Mention(sent.index, start, end, text, actor, kind, t0, t1, rule)


# -- helpers over tokens ------------------------------------------------------

_APPOSITIVE_WORDS = 12  # words of an appositive set off by commas between a speaker and the speech verb
_OFFICE_GAP = 5  # words between a name and the office it takes ("on Monday resumed her post as")


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


def _passed_on(speaker: Mention, mentions) -> Mention:
    """'..." kata kantor berita Iran, mengutip Presiden Rouhani': an outlet named as the speaker
    passes on the words of the party named after it, if any."""
    if speaker.actor is None or speaker.actor.sector != "MED":
        return speaker
    return next((m for m in mentions if m.tok_start >= speaker.tok_end and m.actor is not None
                 and m.actor.sector != "MED"), speaker)


def _name_run(toks, i: int, allow_comma: bool = False, limit: int = 4, not_names: frozenset[str] = frozenset()) -> int:
    """End of a run of capitalised words starting at i (after an optional comma), or 0."""
    if allow_comma and i < len(toks) and toks[i].lower == ",":
        i += 1
    j = i
    while j < len(toks) and j - i < limit and is_name_token(toks[j].text) and toks[j].lower not in not_names:
        j += 1
    return j if j > i else 0


def _hyphenated(toks, end: int, covered: set[int], limit: int = 6) -> int:
    """A name's end past the hyphens written inside it: "Jean-Bertrand Aristide", "Ahn Duk-geun"."""
    start = end
    while end + 1 < len(toks) and end + 1 not in covered and end - start < limit \
            and toks[end].lower == "-" and toks[end].start == toks[end - 1].end \
            and toks[end + 1].start == toks[end].end and toks[end + 1].text.isalpha():
        end += 2
        while end < len(toks) and end not in covered and end - start < limit and is_name_token(toks[end].text):
            end += 1
    return end


def _skip_comma(toks, i: int) -> int:
    return i + 1 if i < len(toks) and toks[i].lower == "," else i


def _gap_ok(toks, a: int, b: int, modifiers: frozenset[str]) -> bool:
    """Only modifier words (senior, khusus) or an ordinal ("ke-3", "3rd") stand between two parts of a title."""
    ordinal = _ordinal_span(toks, a, b)
    return a <= b and b - a - ordinal <= 2 and all(toks[k].lower in modifiers for k in range(a + ordinal, b))


def _ordinal_span(toks, a: int, b: int) -> int:
    """How many tokens at toks[a:b] write a number into a word, with no space ("ke-3", "3rd")."""
    k = a
    while k < b and (any(c.isdigit() for c in toks[k].text) or toks[k].lower == "-"
                     or k + 1 < b and toks[k + 1].start == toks[k].end and toks[k + 1].lower == "-"):
        k += 1
    glued = all(toks[j + 1].start == toks[j].end for j in range(a, k - 1))
    return k - a if k > a and glued and any(c.isdigit() for t in toks[a:k] for c in t.text) else 0


def _is_coordination(toks, a: int, b: int, coordinators: frozenset[str], articles: frozenset[str] = frozenset()) -> bool:
    """Only "and" or a comma (and an article: "Russia and the Palestinians") between two actors."""
    n = 0  # words between, articles aside: one or two, each a coordinator or a comma
    for k in range(a, b):
        w = toks[k].lower
        if w in articles:
            continue
        if n == 2 or not (w in coordinators or w == ","):
            return False
        n += 1
    return n > 0


def _last_two_countries(seen: list[Mention], recent_groups: list[list[Mention]]) -> list[str]:
    """The two parties "both countries" refers to: the last pair named together of the story's
    main countries (the three named most so far), else its two main countries. A pair named
    only in passing ("antara kedua Korea" in a story of two others) is not the one meant."""
    main, last = _main_countries(seen)
    for group in reversed(recent_groups):
        countries = list(dict.fromkeys(m.actor.country for m in group if m.actor and m.actor.country))
        if len(countries) == 2 and all(c in main[:3] for c in countries):
            return countries
    return sorted(main[:2], key=last.get)


def _usual_actor(seen: list[Mention], country: str) -> Actor:
    """The actor of a country the story names most ("kedua belah pihak" of a war with the
    Taliban is the Taliban, AFGREB, not Afghanistan's government); the bare country if that."""
    counts: dict[str, int] = {}
    for m in seen:
        if m.actor and m.actor.country == country and m.actor.sector not in (None, "GOV"):
            counts[m.actor.code] = counts.get(m.actor.code, 0) + 1
    bare = sum(1 for m in seen if m.actor and m.actor.country == country) - sum(counts.values())
    if counts and max(counts.values()) > bare:
        return split_code(max(counts, key=counts.get))
    return Actor.of(country, None)


def _main_countries(seen: list[Mention]) -> tuple[list[str], dict[str, int]]:
    """The countries named so far, most named first (of equals, the latest), and where each was last named."""
    counts: dict[str, int] = {}
    last: dict[str, int] = {}
    for k, m in enumerate(seen):
        c = m.actor.country if m.actor else None
        if c and not is_non_state(m.actor.code):
            counts[c] = counts.get(c, 0) + 1
            last[c] = k
    return sorted(counts, key=lambda c: (counts[c], last[c]), reverse=True), last


def _plural_referent(seen: list[Mention], recent_groups: list[list[Mention]]) -> list[Mention]:
    """Whom "mereka" stands for: the last group that acted together, passing over a pair of
    countries the story names only in passing."""
    main = _main_countries(seen)[0][:3]
    for group in reversed(recent_groups):
        countries = {m.actor.country for m in group if m.actor and m.actor.country}
        if len(countries) < 2 or countries <= set(main):
            return group
    return recent_groups[-1]


_TOK_START = attrgetter("tok_start")


def _groups(mentions: list[Mention], sent: Sentence, coordinators: frozenset[str],
            articles: frozenset[str] = frozenset(), unresolved: bool = False) -> list[list[Mention]]:
    """Mentions joined by "dan", "," or sharing a span form one compound actor.
    `unresolved`: named people with no actor take part too (the event coder's groups)."""
    groups: list[list[Mention]] = []
    for m in sorted(mentions, key=_TOK_START):
        if m.actor is None and not (unresolved and m.kind == "person"):
            continue
        if groups:
            last = groups[-1][-1]
            if m.tok_start == last.tok_start or _is_coordination(sent.tokens, last.tok_end, m.tok_start, coordinators,
                                                                 articles) \
                    and not _clause_after_comma(sent.tokens, last, m, coordinators) \
                    or _is_hyphen_pair(sent.tokens, last.tok_end, m.tok_start):
                groups[-1].append(m)
                continue
        groups.append([m])
    return groups


def _clause_after_comma(toks, last: Mention, m: Mention, coordinators: frozenset[str]) -> bool:
    """"Mahasiswa Tolak UU TNI, Polisi Tembakkan ...": after a bare comma a new clause may start.
    A comma joins a list only when the list goes on ("Iran, Rusia, dan Turki") or names one actor twice."""
    between = [toks[k].lower for k in range(last.tok_end, m.tok_start)]
    if any(w in coordinators for w in between) or (last.actor and m.actor and last.actor.code == m.actor.code):
        return False
    return not (m.tok_end < len(toks) and (toks[m.tok_end].lower == "," or toks[m.tok_end].lower in coordinators))


def _is_hyphen_pair(toks, a: int, b: int) -> bool:
    """"Iran-Rusia", written without spaces: a pair, not a dash between clauses."""
    return b == a + 1 and toks[a].lower in ("-", "–") and toks[a].start == toks[a - 1].end and toks[a].end == toks[b].start


def _is_dateline(text: str, sent: Sentence, atom: Atom, place: str | None) -> bool:
    """"REPUBLIKA.CO.ID, MOSKOW –": the place a story was filed from is not an actor."""
    if not place:
        return False
    tok = sent.tokens[atom.t0]
    written = text[tok.start : sent.tokens[atom.t1 - 1].end]
    return in_capitals(written) and written.lower() == place.lower()


compound_groups = _groups
