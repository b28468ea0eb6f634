"""Names: capitalised names no atom covers. A person the document introduced before (the
document's memory, surnames spelt another way included), or introduced here as "Name, role ...
country"; a name nobody resolved is judged by warta.pipeline.names: a person is kept with no actor
(kind "person", rule "unresolved:<evidence>"), a place, a body or any other name becomes kind
"name" and takes part in nothing."""
from __future__ import annotations

from rapidfuzz import fuzz

from warta.actors.people import split_code
from warta.lang.case import capital_starts, is_capital_letter, is_name_token
from warta.model import Actor, Mention
from warta.pipeline.mentions.atoms import PLACE_KINDS
from warta.pipeline.mentions.tokens import _gap_ok, _hyphenated, _mention, _name_run


class Names:
    """Names no atom covers, and the people the document remembers.

    Reads the finder's articles, judge, modifiers, months, not_names, surname_threshold (set by
    ActorFinder.__init__).
    """

    def _inside_longer_name(self, toks, atom, used_until: int) -> bool:
        """Does a one-word alias of a known person follow a name word of no entry (a given name
        the knowledge does not list), not a title?"""
        k = atom.t0 - 1
        if atom.t1 - atom.t0 != 1 or k < 0 or k < used_until:
            return False
        return is_name_token(toks[k].text) and toks[k].lower not in self.not_names \
            and not self.judge.plain(toks[k].lower) and not self.judge.titled([toks[k].lower], 0, 1)

    def _names(self, sent, texts, words, atoms, found, memory) -> list[Mention]:
        """Capitalised names not yet covered: people the document introduced before,
        or introduced here as "Name, role ... country" (`texts`, `words`: the sentence's tokens
        as written and in lower case)."""
        toks = sent.tokens
        covered = set()
        for m in found:
            covered.update(range(m.tok_start, m.tok_end))
        for a in atoms:
            covered.update(range(a.t0, a.t1))
        out = []
        first_word = _first_word(texts)
        # an initial and a name token both open with a capital: the scan goes from one such
        # token not covered to the next, passing the others unread
        capitals = [k for k in capital_starts(texts) if k not in covered] if covered else capital_starts(texts)
        at = 0  # the next of `capitals` to look at
        i = 0
        while True:
            while at < len(capitals) and capitals[at] < i:
                at += 1
            if at == len(capitals):
                break
            i = capitals[at]
            initial = len(texts[i]) == 1 and self._initial(toks, i)  # (an initial is one letter)
            if not (initial or is_name_token(texts[i])):
                i += 1
                continue
            end = _name_run(toks, i + initial, not_names=self.not_names)
            if not end:
                i += 1
                continue
            if not covered.isdisjoint(range(i, end)):
                end = min(k for k in range(i, end) if k in covered)
                if end <= i:
                    i += 1
                    continue
            if end + 1 < len(toks) and words[end] == "-":  # (most names hold no hyphen)
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
            name = " ".join(texts[i:end])
            actor = self._recall(name, memory)
            if actor is None:
                actor = self._appositive(sent, atoms, end, name, memory)
            if actor is not None:
                out.append(_mention(sent, i, end, actor, "person", "memory:person"))
            else:
                out.extend(self._unresolved(sent, texts, words, atoms, i, end, opening))
            i = end
        return out

    def _unresolved(self, sent, texts, words, atoms, i: int, end: int, opening: bool) -> list[Mention]:
        """The name texts[i:end] nobody resolved: a person still shows, with their name and no code;
        a place, a body or a capitalised word of the sentence is kept apart as a bare name (of two
        words or more). `opening`: the name opens the sentence."""
        role = next((a.t0 for a in atoms if a.t1 == i and a.entry.kind == "role"), None) if atoms else None
        role_after = self._role_follows(sent.tokens, atoms, end)
        if end - i < 2 and not self.judge.may_be_person(words, i, end, role_after, role):
            return []  # one word nothing marks as a person's name (most of them): no judging needed
        verdict = self.judge.judge(texts, i, end, role_after, role, words)
        if verdict.person:
            return [_mention(sent, verdict.t0, end, None, "person", verdict.rule)]
        if end - i >= 2 and (not opening or verdict.kind in ("place", "org")):
            # (a sentence's first words are capitalised anyway: a name there only on a place or body word)
            return [_mention(sent, i, end, None, "name", verdict.rule)]
        return []

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
        if not memory:
            return None  # (nobody introduced yet: most names early in a story)
        key = name.lower()
        if key in memory:
            return memory[key]
        last = key.split()[-1]
        for known, actor in memory.items():
            known_last = known.split()[-1]
            if last == known_last or (len(last) > 4 and fuzz.ratio(last, known_last) >= self.surname_threshold):
                return actor
        return None


def _first_word(texts: list[str]) -> int:
    """Where a sentence's opening ends: its first token starting with a letter or digit (the
    first token, mostly), or past its end."""
    for k, text in enumerate(texts):
        if text[:1].isalnum():
            return k
    return len(texts)
