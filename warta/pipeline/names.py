"""Is a capitalised name nobody resolved a person, a place, or something else?

News names many things with capitals: people ("Ahmad Vahidi"), places
("Provinsi Surin", "Jawa Barat", "the Golan Heights"), bodies and documents
("Partai Buruh", "the Patriotic Front", "Perjanjian Kerja Sama"). A person the
gazetteer does not know still takes part in events, with their name and no
code; a place or a body must not. What decides, in this order, all of it the
language pack's data (words.tsv classes, roles.tsv, the date words):

  place or body  a word of the name, or the word right before or after it, is a
                 `place_word` ("Provinsi", "Timur", "Province", "Heights") or an
                 `org_word` ("Partai", "Perjanjian", "Front", "Council");
  place          the word before is a `locative` or `place_prep` ("di", "ke",
                 "in", "near");
  neither        the word before is an article ("the Middle East"), or a
                 `name_joiner` after a capitalised word ("Liberation Tigers of
                 [Tamil Eelam]", "Physicians for [Human Rights]");
  person         the words before are a `person_title` ("Pak", "Presiden",
                 "juru bicara", "Mr", "Dr"; also the first words of a role:
                 "[Menteri] Perdagangan Zulkifli Hasan"), unless only words of
                 the language follow ("prime minister February 4");
  neither        a role with no title stands right before it ("warga Kulon
                 Progo", "pasukan Wagner": a body's place or its own name);
  person         a role follows after a comma ("Ahmad Vahidi, penasihat ..."); or the
                 name has the shape of a personal name: two to four words, none
                 a word of the language (stop words, pack words, roles,
                 countries, months, weekdays). A sentence's first words are
                 capitalised whatever they are, so words of the language that
                 open it are left out of the name ("Namun [Ahmad Vahidi]").

Anything else is left alone: a capitalised run that shows nothing of a person
is not made one.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from warta.actors.countries import country_names
from warta.lang import LanguagePack, stop_words
from warta.lang.case import starts_capital

MAX_TITLE_WORDS = 3  # "wakil menteri luar negeri" is matched by its last three words
SHAPE_WORDS = (2, 4)  # a name of this many words may be a person's by its shape alone


@dataclass(frozen=True, slots=True)
class Verdict:
    kind: str  # person | place | org | other
    why: str  # the evidence: a word class (place_word, person_title, ...), "appositive", "shape" or "none"
    word: str = ""  # the pack word that decided, when one did
    t0: int = 0  # where the name starts, titles and sentence-initial words left out

    @property
    def person(self) -> bool:
        return self.kind == "person"

    @property
    def rule(self) -> str:
        """The mention rule it gives: "unresolved:person_title:pak", "name:place_word:provinsi"."""
        head = "unresolved" if self.person else "name"
        return ":".join(x for x in (head, self.why, self.word) if x)


@dataclass(frozen=True)
class NameJudge:
    place_words: frozenset[str]
    org_words: frozenset[str]
    titles: frozenset[tuple[str, ...]]
    locatives: frozenset[str]
    place_preps: frozenset[str]
    articles: frozenset[str]
    joiners: frozenset[str]  # "of", "for": a name after one that follows a capitalised word continues that name
    common: frozenset[str]  # words of the language: no part of a name shaped like a person's
    evidence: frozenset[str] = frozenset()  # words that say what a name is: titles' first words, place and body words

    @classmethod
    def from_pack(cls, pack: LanguagePack) -> "NameJudge":
        common = set(stop_words())
        for words in pack.words.values():
            common.update(w for w in words if " " not in w)
        for row in pack.dates:
            common.update(w.strip().lower() for w in row.get("words", "").split("|") if w.strip())
        for role in pack.roles:
            common.update(p for p in role.phrases if " " not in p)
        for actor in pack.actors:
            common.update(n.lower() for n in actor.names if " " not in n)
        common.update(n.lower() for n in country_names(pack.code) if " " not in n)
        titles = frozenset(tuple(t.split()) for t in pack.word_class("person_title"))
        return cls(
            place_words=pack.word_class("place_word"),
            org_words=pack.word_class("org_word"),
            titles=titles,
            locatives=pack.word_class("locative"),
            place_preps=pack.word_class("place_prep"),
            articles=pack.word_class("article"),
            joiners=pack.word_class("name_joiner"),
            common=frozenset(common),
            evidence=pack.word_class("place_word") | pack.word_class("org_word") | {t[0] for t in titles},
        )

    def judge(self, texts: list[str], i: int, end: int, role_after: bool = False,
              role_start: int | None = None, words: list[str] | None = None) -> Verdict:
        """The capitalised run texts[i:end] of a sentence's words (as written; `words`: the same in
        lower case, when the caller has them); `role_after`: a role follows it after a comma
        ("Ahmad Vahidi, penasihat senior ..."); `role_start`: where a role that ends right before
        it starts ("[Menteri Perdagangan] Zulkifli Hasan")."""
        words = words if words is not None else [t.lower() for t in texts]
        before = words[i - 1] if i > 0 else ""
        after = words[end] if end < len(words) else ""
        around = (*words[i:end], before, after)
        for cls, found in (("place_word", self.place_words), ("org_word", self.org_words)):
            if found.isdisjoint(around):  # most names: no such word, and no word-by-word search
                continue
            hit = next((w for w in around if w in found), None)
            if hit:
                return Verdict("place" if cls == "place_word" else "org", cls, hit, i)
        if before in self.place_preps or before in self.locatives:
            return Verdict("place", "place_prep" if before in self.place_preps else "locative", before, i)
        if before in self.articles:
            return Verdict("other", "article", before, i)
        if before in self.joiners and i > 1 and starts_capital(texts[i - 2]):
            return Verdict("other", "name_joiner", before, i)  # "Liberation Tigers of Tamil Eelam"
        title, t0 = self._title(words, i, end, role_start)
        if title:
            if all(w in self.common for w in _name_words(words[t0:end])):
                return Verdict("other", "none", "", t0)  # "prime minister February 4": no name after it
            return Verdict("person", "person_title", title, t0)
        if role_start is not None:  # "warga Kulon Progo", "pasukan Wagner": a body's place or its own name
            return Verdict("other", "role", " ".join(words[role_start:i]), i)
        t0 = i
        if i == 0:  # a sentence's first word is capitalised whatever it is: "Namun Ahmad Vahidi ..."
            while t0 < end and self.plain(words[t0]):
                t0 += 1
        if t0 >= end:
            return Verdict("other", "none", "", i)
        if role_after:
            return Verdict("person", "appositive", "", t0)
        name = _name_words(words[t0:end])
        if SHAPE_WORDS[0] <= len(name) <= SHAPE_WORDS[1] and not any(w in self.common for w in name):
            return Verdict("person", "shape", "", t0)
        return Verdict("other", "none", "", t0)

    def may_be_person(self, words: list[str], i: int, end: int, role_after: bool = False,
                      role_start: int | None = None) -> bool:
        """Could `judge` (given the same) call the run words[i:end] a person? Not a run too short for a
        person's shape with no title before it or opening it, no role before it and none after it:
        one word ("Jakarta", "Namun"), most often. A cheap test for callers who want people only."""
        return end - i >= SHAPE_WORDS[0] or role_after or role_start is not None \
            or bool(self._title_before(words, i)) or words[i].rstrip(".") in self._title_firsts

    def _title(self, words: list[str], i: int, end: int, role_start: int | None) -> tuple[str, int]:
        """The title a name stands behind, and where the name starts: right before it ("Pak
        Harjono", "Mr. Okafor"), opening a role ("[Menteri Perdagangan] Zulkifli Hasan"), or
        written as the run's own first words ("Sheikh Hamad")."""
        title = self._title_before(words, i)
        if not title and role_start is not None:
            for n in range(min(MAX_TITLE_WORDS, i - role_start), 0, -1):
                phrase = tuple(w.rstrip(".") for w in words[role_start:role_start + n])
                if phrase in self.titles:
                    title = " ".join(phrase)
                    break
        # titles written as the run's own first words ("Sheikh Hamad", "Secretary-General Kofi Annan")
        t0 = i
        firsts = self._title_firsts
        while t0 < end:
            if words[t0] in ("-", "‑"):
                t0 += 1
                continue
            if words[t0].rstrip(".") not in firsts:
                break  # no title opens with the word
            lead = next((k for k in range(min(end, t0 + MAX_TITLE_WORDS), t0, -1)
                         if tuple(w.rstrip(".") for w in words[t0:k]) in self.titles), None)
            if lead is None:
                break
            title = title or " ".join(words[t0:lead])
            t0 = lead
        return title, t0

    @cached_property
    def _title_firsts(self) -> frozenset[str]:
        """The first words of the titles: no title starts at another word."""
        return frozenset(t[0] for t in self.titles if t)

    @cached_property
    def _title_lasts(self) -> frozenset[str]:
        """The last words of the titles: no title ends at another word."""
        return frozenset(t[-1] for t in self.titles if t)

    def plain(self, word: str) -> bool:
        """A word of the language that says nothing about a name (not a title, place or body word)."""
        return word in self.common and word not in self.evidence

    def titled(self, words: list[str], start: int, end: int) -> bool:
        """Do words[start:end] (lower case) open with a person's title ("perdana menteri", "leader")?"""
        return any(tuple(w.rstrip(".") for w in words[start:start + n]) in self.titles
                   for n in range(1, min(MAX_TITLE_WORDS, end - start) + 1))

    def titled_before(self, words: list[str], i: int) -> bool:
        """Does a person's title end right before words[i] ("ketua" in "ketua KPK")?"""
        return bool(self._title_before(words, i))

    def _title_before(self, words: list[str], i: int) -> str:
        if i == 0 or words[i - 1].rstrip(".") not in self._title_lasts:
            return ""  # no title ends with the word before
        for n in range(min(MAX_TITLE_WORDS, i), 0, -1):
            phrase = tuple(w.rstrip(".") for w in words[i - n:i])
            if phrase in self.titles:
                return " ".join(phrase)
        return ""


def _name_words(words: list[str]) -> list[str]:
    """The words of a name, a hyphenated one counted once: "jean", "-", "bertrand", "aristide" ->
    jean-bertrand, aristide ("Itar-Tass" is one word, no two-word name)."""
    out: list[str] = []
    joined = False
    for w in words:
        if w in ("-", "‑"):
            joined = bool(out)
        elif joined:
            out[-1] += "-" + w
            joined = False
        else:
            out.append(w)
    return out
