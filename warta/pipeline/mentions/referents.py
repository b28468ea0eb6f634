"""Referents: what the document said before, for the words that point back to it. A person the
text gave an office is meant wherever a word of their name stands alone ("Lavrov"); "ia" is the
person or office the last sentence began with; "mereka" the last group that acted together;
"kedua negara" the pair of countries named last. Mentions joined by "dan" or "," form a group
(`compound_groups`, which the event stage uses too)."""
from __future__ import annotations

from dataclasses import replace
from operator import attrgetter

from warta.actors.codes import is_non_state
from warta.actors.names import is_acronym
from warta.actors.people import split_code
from warta.lang.case import is_name_token
from warta.model import Actor, Mention, Sentence
from warta.pipeline.mentions.tokens import _is_coordination, _mention
from warta.pipeline.names import _name_words


class Referents:
    """A known person's name recalled, and whom a pronoun stands for.

    Reads the finder's judge, not_names, singular_pronouns (set by ActorFinder.__init__).
    """

    def _aliases(self, sentences, mentions: list[Mention]) -> dict[str, Actor]:
        """A short name a person is given right after their own: "Budi Santoso atau BS", "Ratna
        Dewi (Ratih)": one word, in brackets or after the pack's `alias_word` class."""
        out: dict[str, Actor] = {}
        for m in mentions:
            if m.actor is None or not m.actor.name or m.kind not in ("person", "role"):
                continue
            toks = sentences[m.sentence].tokens
            k = m.tok_end
            if k + 2 < len(toks) and toks[k].text == "(" and toks[k + 2].text == ")":
                alias = toks[k + 1].text
            elif k + 1 < len(toks) and toks[k].lower in self.alias_words \
                    and (k + 2 == len(toks) or not is_name_token(toks[k + 2].text)):
                alias = toks[k + 1].text
            else:
                continue
            if (is_name_token(alias) or is_acronym(alias)) and not self.judge.plain(alias.lower()) \
                    and _shortens(alias, m.actor.name):
                out.setdefault(alias.lower(), m.actor)
        return out

    def _recalled(self, sentences, words: list[list[str]], mentions: list[Mention],
                  memory: dict[str, Actor]) -> list[Mention]:
        """A person the text gave an office ("Ketua KPK Budi Santoso", "Duta Besar Jepang Kenji
        Jenkins") is meant wherever any word of their name stands alone: "Agus", "Rahardjo",
        "Owen", the headline included. A word two people of different codes share decides nothing."""
        known = dict(memory)
        for m in mentions:
            # (a person the knowledge named in full: "Ana Lopez", then "Lopez")
            if m.kind in ("role", "person") and m.actor is not None and m.actor.name:
                known.setdefault(m.actor.name.lower(), m.actor)
        by_word: dict[str, Actor | None] = {}
        for name, actor in known.items():
            for w in _name_words(name.split()):
                if len(w) < 3 or self.judge.plain(w) or w in self.not_names:
                    continue
                seen = by_word.get(w, actor)
                by_word[w] = actor if seen is not None and seen.code == actor.code else None
        by_word = {w: a for w, a in by_word.items() if a is not None}
        by_word.update(self._aliases(sentences, mentions))
        if not by_word:
            return mentions
        by_sentence: dict[int, list[Mention]] = {}
        for m in mentions:
            by_sentence.setdefault(m.sentence, []).append(m)
        out: list[Mention] = []
        for sent, sent_words in zip(sentences, words):
            found = by_sentence.get(sent.index, [])
            for m in found:
                if m.actor is None and m.kind == "person":
                    actor = self._known_name(m.text, by_word)
                    if actor is not None:
                        m = replace(m, actor=actor, rule="memory:person")
                out.append(m)
            if by_word.keys().isdisjoint(sent_words):
                continue  # no word of a known name (most sentences): one set test
            toks = sent.tokens
            covered = {k for m in found for k in range(m.tok_start, m.tok_end)}
            k = 0
            while k < len(toks):
                if k in covered or toks[k].lower not in by_word \
                        or not (is_name_token(toks[k].text) or is_acronym(toks[k].text)):
                    k += 1
                    continue
                end = k + 1
                while end < len(toks) and end not in covered and toks[end].lower in by_word \
                        and by_word[toks[end].lower].code == by_word[toks[k].lower].code:
                    end += 1
                out.append(_mention(sent, k, end, by_word[toks[k].lower], "person", "memory:person"))
                k = end
        return out

    @staticmethod
    def _known_name(text: str, by_word: dict[str, Actor]) -> Actor | None:
        """The one known person every recognised word of a written name points to."""
        hits = {by_word[w].code: by_word[w] for w in _name_words(text.lower().split()) if w in by_word}
        return next(iter(hits.values())) if len(hits) == 1 else None

    def _singular(self, sent, words: list[str], found: list[Mention], lead: Mention | None) -> list[Mention]:
        """"Ia", "beliau": the person or office the last sentence began with (`words`: the
        sentence's tokens in lower case)."""
        if lead is None or self.singular_pronouns.isdisjoint(words):
            return []  # (no such word, most sentences: one set test)
        covered = {k for m in found for k in range(m.tok_start, m.tok_end)}
        return [_mention(sent, k, k + 1, lead.actor, "pronoun", "pronoun:singular")
                for k, t in enumerate(sent.tokens) if t.lower in self.singular_pronouns and k not in covered]


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


def _shortens(alias: str, name: str) -> bool:
    """Is the alias a short form of the name (its initials, "JK"; or the start of one of its words,
    "Ratih", "Budi"), not another person named beside it ("Budi atau Ahmad")?"""
    a = alias.lower()
    words = name.lower().split()
    if is_acronym(alias):
        return a.replace(".", "") == "".join(w[0] for w in words)
    return any(len(w) >= 3 and a[:3] == w[:3] for w in words)


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
            if _holder(sent.tokens, last, m):  # the office and its holder: one mention, the person's
                groups[-1][-1] = replace(m, start=last.start, tok_start=last.tok_start, actor=m.actor or last.actor,
                                         text=sent.text[last.start - sent.start:m.end - sent.start])
                continue
        groups.append([m])
    return groups


_HOLDER_GAP = 3  # name words between an office and the part of its holder's name that was resolved


def _holder(toks, office: Mention, person: Mention) -> bool:
    """"Menteri Luar Negeri Retno Marsudi", "adviser Mary K. Lopez": an office and the person
    holding it, written one after the other (given names and initials between), are one party."""
    if office.kind != "role" or person.kind != "person" or person.tok_start - office.tok_end > _HOLDER_GAP:
        return False
    if office.actor and person.actor and office.actor.code != person.actor.code \
            and not (person.actor.name and office.actor.sector == person.actor.sector):
        return False  # (a known person's office is theirs: "Presiden Trump" in a story set elsewhere)
    return all(is_name_token(toks[k].text) or _initial(toks[k].lower) for k in range(office.tok_end, person.tok_start))


def _initial(text: str) -> bool:
    """"R.": a middle initial."""
    return len(text) == 2 and text[0].isalpha() and text[1] == "."


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


compound_groups = _groups
