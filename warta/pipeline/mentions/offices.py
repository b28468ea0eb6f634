"""Offices and the people holding them: an office or a body with the unresolved name of its
person right after it ("Pemimpin Hamas Yahya Sinwar", "Arab League Secretary General Chadli
Klibi"), an office set off after a name ("Mary Lopez, the Speaker of the House") or taken a few
words on ("Ana Ruiz was elected Speaker"), and offices named with no country ("polisi",
"pemerintah"), placed once the story's own country is known."""
from __future__ import annotations

from dataclasses import replace

from warta.actors.codes import is_non_state
from warta.actors.names import is_acronym
from warta.lang.case import is_name_token, written_plain
from warta.model import Actor, Mention
from warta.pipeline.mentions.tokens import _mention, _set_off
from warta.pipeline.setting import foreign_in

_OFFICE_GAP = 5  # words between a name and the office it takes ("on Monday resumed her post as")


class Offices:
    """Offices, bodies and the names of the people acting for them.

    Reads the finder's articles, coordinators, joiners, judge, office_verbs (set by
    ActorFinder.__init__).
    """

    def _named_roles(self, sent, words: list[str], offices: list[Mention], names: list[Mention],
                     absorbed: set) -> list[Mention]:
        """Offices and bodies with the unresolved name of their person right after them:
        "[Menteri Perdagangan] Zulkifli Hasan" in a story at home in Indonesia, "[Pemimpin Hamas]
        Yahya Sinwar", "[Hamas] leader Yahya Sinwar", "[Arab League] Secretary General Chadli Klibi".
        The office or body gives the code, the name is the person acting for it: one actor, not two.
        The name is the actor's only when a title says it is a person's ("warga Kulon Progo": a place).
        Returns `offices`, those that took a name widened over it; the names taken go into `absorbed`.
        `words`: the sentence's tokens in lower case."""
        if not any(m.actor is None and m.kind == "person" for m in names):
            return offices
        out = []
        for r in offices:
            if any(w.tok_start <= r.tok_start and r.tok_end <= w.tok_end for w in out):
                continue  # (a role inside an affiliation an earlier office took: "Peneliti [Universitas] X, Ani")
            if r.actor is not None and not r.actor.name and r.kind in ("role", "org", "group"):
                person = next((m for m in names if m.actor is None and m.kind == "person" and m not in absorbed
                               and self._belongs_to(words, r, m)), None)
                inside = None
                if person is None and r.kind == "role":
                    person, inside = self._affiliated(sent, r, names, absorbed)
                if person is not None:
                    absorbed.add(person)
                    absorbed.update(inside or ())
                    titled = person.rule.startswith("unresolved:person_title") or inside is not None \
                        or self.judge.titled(words, r.tok_start, r.tok_end) or self.judge.titled_before(words, r.tok_start)
                    name = " ".join(person.text.split()) if titled else None
                    actor = Actor(r.actor.code, r.actor.country, r.actor.sector, name)
                    rule = r.rule if r.kind == "role" else "role+org"
                    r = _mention(sent, r.tok_start, person.tok_end, actor, "role", rule)
            out.append(r)
        return out

    AFFILIATION_WORDS = 10  # words of the place an office is held at, before the comma and its holder's name

    def _affiliated(self, sent, r: Mention, names: list[Mention], absorbed: set):
        """"Peneliti [Lembaga Kajian Hukum], Ani Lestari,": an office, the body or place it is held at
        that nobody resolved, then the holder's name set off by commas. Returns the person and the
        mentions inside the affiliation (roles or unknown names, taken into the office), or (None, None).
        A known body or country there gives the office its own code elsewhere, so none may stand there."""
        toks = sent.tokens
        person = next((m for m in names if m.actor is None and m.kind == "person" and m not in absorbed
                       and r.tok_end < m.tok_start <= r.tok_end + self.AFFILIATION_WORDS + 1), None)
        if person is None or person.tok_start - 1 == r.tok_end:
            return None, None
        k = person.tok_start
        if toks[k - 1].lower == ",":
            if not _set_off(toks, person.tok_end, self.speech_verbs):
                return None, None  # not closed: a list of names, or a clause
            words = toks[r.tok_end:k - 1]
        elif k - 3 > r.tok_end and toks[k - 1].lower == ")" and toks[k - 3].lower == "(" and is_acronym(toks[k - 2].text):
            words = toks[r.tok_end:k - 3]  # "Peneliti Lembaga Kajian Hukum (LKH) Ani Lestari": the acronym ends the body's name
        else:
            return None, None
        if not any(is_name_token(t.text) for t in words) or not all(
                is_name_token(t.text) or t.lower in self.affiliation_words or t.lower in ("(", ")") for t in words):
            return None, None  # another clause (a comma, a verb), not the name of a body
        inside = [m for m in names if m is not person and r.tok_end <= m.tok_start and m.tok_end < person.tok_start]
        if any(m.actor is not None and m.kind != "role" for m in inside):
            return None, None
        return person, inside

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
            return True  # "Menteri Luar Negeri Peru, Ana Perez, mengatakan": set off, not listed
        return person.tok_start > r.tok_end and person.rule.startswith("unresolved:person_title") \
            and self.judge.titled(words, r.tok_end, person.tok_start) \
            and all(w.isalpha() or w == "-" for w in words[r.tok_end:person.tok_start])

    OWN_GOVERNMENT_SECTORS = frozenset({"LEG", "OPP", "CVL", "EDU", "LAB", "MED", "NGO", "BUS"})

    def _parties_of_countries(self, sentences, mentions: list[Mention]) -> list[Mention]:
        """A party's name nobody knows, written right beside a country ("the Thai Sejahtera Party",
        "Partai Sejahtera Thailand"), is that country's party: out of office unless the knowledge says
        otherwise (OPP)."""
        if not self.party_words or not any(m.kind == "name" for m in mentions):
            return mentions  # (no bare name: no party's)
        by_end = {(m.sentence, m.tok_end): m for m in mentions if m.kind == "country" and m.actor}
        by_start = {(m.sentence, m.tok_start): m for m in mentions if m.kind == "country" and m.actor}
        out, absorbed = [], set()
        for m in mentions:
            if m.kind == "name" and m.actor is None and m.rule.startswith("name:org_word:") \
                    and m.rule.rsplit(":", 1)[1] in self.party_words:
                before, after = by_end.get((m.sentence, m.tok_start)), by_start.get((m.sentence, m.tok_end))
                country = before or after
                if country is not None and not is_non_state(country.actor.code):
                    m = replace(m, actor=Actor.of(country.actor.country, "OPP"), kind="org", rule="party+country")
                    if before is None:  # "Partai Sejahtera Thailand": the country is the name's own last words
                        absorbed.add(after)
                        sent = sentences[m.sentence]
                        m = replace(m, end=after.end, tok_end=after.tok_end,
                                    text=sent.text[m.start - sent.start:after.end - sent.start])
            out.append(m)
        return [m for m in out if m not in absorbed] if absorbed else out  # (a mention's hash is dear)

    def _counted_people(self, sent, words: list[str], found: list[Mention], home: str | None,
                        place: str | None) -> list[Mention]:
        """People counted with a number ("185 orang", "20 people"): civilians of where the sentence is
        set, or of the story's country when it names no other (the pack's `counted_person` class).
        `words`: the sentence's tokens in lower case."""
        if not self.counted_person:
            return []
        toks = sent.tokens
        if self.counted_person.isdisjoint(words):
            return []  # no such word (most sentences): one set test
        covered = {k for m in found for k in range(m.tok_start, m.tok_end)}
        out = []
        for k in range(1, len(toks)):
            # (a number written with its thousands marks: "1.360 orang")
            if toks[k].lower in self.counted_person and k not in covered \
                    and toks[k - 1].lower[:1].isdigit() and toks[k - 1].lower.replace(".", "").replace(",", "").isdigit():
                country = place or (home if home and not foreign_in(found, home) else None)
                if country is not None:
                    out.append(_mention(sent, k - 1, k + 1, Actor.of(country, "CVL"), "role", "role+count"))
        return out

    def _unplaced_roles(self, sent, atoms, found: list[Mention], home: str | None,
                        place: str | None) -> list[Mention]:
        """Roles named with no country ("polisi", "pemerintah"). Crowds and police belong where the
        sentence (or its paragraph) is set; a government to the story's home country. Neither is
        guessed in a sentence that names a foreign country and no place."""
        roles = [a for a in atoms if a.entry.kind == "role"]
        if not roles:
            return []  # (most sentences)
        toks = sent.tokens
        covered = {k for m in found for k in range(m.tok_start, m.tok_end)}
        out = []
        for a in roles:
            if not covered.isdisjoint(range(a.t0, a.t1)):
                continue
            if a.entry.value == "GOV":
                # "DPR RI mengkritik Kementerian Luar Negeri ... di Lebanon": the nearest country named
                # before the office decides; with none, the story's home
                before = [m for m in found if m.tok_end <= a.t0 and m.actor and m.actor.country
                          and not is_non_state(m.actor.code)]
                country = home if home and (not before or before[-1].actor.country == home) else None
                if country is None and before and before[-1].actor.sector in self.OWN_GOVERNMENT_SECTORS:
                    # "Anggota parlemen Jepang mendesak agar pemerintah ...": a legislature, party or
                    # crowd turns to its own government
                    country = before[-1].actor.country
            else:
                country = place or (home if home and not foreign_in(found, home) else None)
            if country is None:
                continue
            actor = Actor.of(country, None if self._former(toks, a.t0) else a.entry.value)
            out.append(_mention(sent, a.t0, a.t1, actor, "role", "role+home"))
            covered.update(range(a.t0, a.t1))
        return out
