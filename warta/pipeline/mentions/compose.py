"""Composing a sentence's atoms into mentions the way news writes them:
  role + country [+ , Name]      "Presiden Rusia, Vladimir Putin"  -> RUSGOV
  country + role [+ Name]        "Iranian President Hassan Rouhani"
  role + country and country     "Presiden Iran dan Rusia" -> IRNGOV, RUSGOV
  role + both parties            "menteri luar negeri kedua negara"
  a law, a body of the story's own country, a known person, "mereka", "kedua negara".
Names no atom covers, offices, speakers and pronouns are found by the other modules.
"""
from __future__ import annotations

from operator import attrgetter

from warta.actors.people import split_code
from warta.lang.case import in_capitals, is_name_token, starts_capital
from warta.model import Actor, Mention
from warta.pipeline.mentions.atoms import _ACTORISH, _COORDINATOR_WORD, PLACE_KINDS, Atom
from warta.pipeline.mentions.referents import _last_two_countries, _plural_referent, _usual_actor
from warta.pipeline.mentions.tokens import _gap_ok, _hyphenated, _is_coordination, _mention, _name_run, _set_off, _skip_comma


_SPAN = attrgetter("tok_start", "tok_end")  # mentions in the order of the sentence


class Composer:
    """A sentence's mentions from its atoms.

    Reads the finder's articles, coordinators, formers, gazetteer, law_title, modifiers,
    not_names, people, place_preps, speech_verbs, target_preps (set by ActorFinder.__init__).
    """

    TITLE_TAIL = 4  # words of a body's name between its role word and its country
    PORTFOLIO_WORDS = 3  # more for each portfolio a comma adds ("Menteri Energi, Sains, ... Malaysia")
    LAW_TITLE = 12  # words of a law's title after its word ("UU Nomor 30 Tahun 2002 tentang ...")

    def _compose(self, sent, texts, words, atoms, day, memory, recent, countries_seen, lead=None) -> list[Mention]:
        """The sentence's mentions (`texts`, `words`: its tokens as written and in lower case).
        `recent`, `countries_seen` and `lead` are what the document said before: the Coder keeps
        nothing between documents (one Coder serves many threads)."""
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
                out.append(_mention(sent, atom.t0, end, actor, "role", "country+role"))
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
                out.append(_mention(sent, atom.t0, end, actor, "org", rule))
                used_until = end
            elif kind in _ACTORISH and atom.entry.home_scoped:
                # "DPR AS": the body of the country named with it; "DPR" alone: the story's (see _at_home)
                actor, end, rule = split_code(atom.entry.value), atom.t1, f"gazetteer:{kind}:home"
                nxt = atoms[i + 1] if i + 1 < len(atoms) else None
                if nxt is not None and nxt.t0 == atom.t1 and nxt.entry.kind == "country":
                    actor = Actor.of(split_code(nxt.entry.value).country, actor.sector)
                    end, rule = nxt.t1, f"gazetteer:{kind}+country"
                    i += 1
                out.append(_mention(sent, atom.t0, end, actor, kind, rule))
                used_until = end
            elif kind in _ACTORISH:
                actor = split_code(atom.entry.value)
                out.append(_mention(sent, atom.t0, atom.t1, actor, kind, f"gazetteer:{kind}"))
                used_until = atom.t1
            elif kind == "person" and self._inside_longer_name(toks, atom, used_until):
                pass  # "Edhy Prabowo": a known surname inside another person's name is not that person
            elif kind == "person":
                person = self.people.get(atom.entry.value)
                actor = memory.get(atom.entry.value) or (person.actor_on(day) if person else None)
                out.append(_mention(sent, atom.t0, atom.t1, actor, "person", "knowledge:person"))
                used_until = atom.t1
            elif kind == "word" and atom.entry.value == "plural_pronoun" and recent:
                for m in _plural_referent(countries_seen, recent):
                    out.append(_mention(sent, atom.t0, atom.t1, m.actor, "pronoun", "pronoun:plural"))
                used_until = atom.t1
            elif kind == "word" and atom.entry.value == "both_parties":
                # "Kedua negara sepakat ...": the pair named last; "kedua menteri" keeps the role's sector
                sector = self._phrase_sector(toks, atom)
                for c in _last_two_countries(countries_seen, recent):
                    actor = Actor.of(c, sector) if sector else _usual_actor(countries_seen, c)
                    out.append(_mention(sent, atom.t0, atom.t1, actor, "country", "both:alone"))
                used_until = atom.t1
            i += 1
        if not sent.is_title:  # headlines capitalise every word: no names to find there
            names = self._names(sent, texts, words, atoms, out, memory)
            if names:
                absorbed: set[Mention] = set()
                out = self._named_roles(sent, words, out, names, absorbed) \
                    + ([m for m in names if m not in absorbed] if absorbed else names)  # (a mention's hash is dear)
        out.extend(self._speakers(sent, words, out))
        out.extend(self._singular(sent, words, out, lead))
        out.sort(key=_SPAN)
        return out

    def _phrase_sector(self, toks, atom: Atom) -> str | None:
        for k in range(atom.t0 + 1, atom.t1):
            entry = self.gazetteer.lookup(toks[k].text)
            if entry is not None and entry.kind == "role":
                return entry.value
        return None

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
                made = [_mention(sent, role.t0, nxt.t1, Actor.of(c, None if former else role.entry.value),
                                      "role", "role+both") for c in pair]
                return made, j - i + 1
            if nxt.entry.kind in ("org", "group"):
                # "juru bicara Hamas", "pasukan PBB": the body's own code, whatever the role
                made = [_mention(sent, role.t0, nxt.t1, split_code(nxt.entry.value), "role", "role+org")]
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
                made = [_mention(sent, role.t0, name_end or nxt.t1, actor, "role", "role+country")]
                consumed = j - i + 1
                # "Presiden Iran dan Rusia": the role covers every coordinated country
                k, end = j + 1, nxt.t1
                while k < len(atoms) and atoms[k].entry == _COORDINATOR_WORD:
                    k, consumed = k + 1, consumed + 1  # "dan" is an atom of its own
                while not name_end and k < len(atoms) and atoms[k].entry.kind in PLACE_KINDS \
                        and _is_coordination(toks, end, atoms[k].t0, self.coordinators, self.articles):
                    c2 = split_code(atoms[k].entry.value).country
                    made.append(_mention(sent, atoms[k].t0, atoms[k].t1,
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
                closed = end and _set_off(toks, end, self.speech_verbs)
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

    def _former(self, toks, t0: int) -> bool:
        return t0 > 0 and toks[t0 - 1].lower in self.formers
