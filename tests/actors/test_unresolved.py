"""Capitalised names nobody resolved: a person keeps the name, a place or a body takes part in nothing.

The words that decide are the packs' (words.tsv `person_title`, `place_word`,
`org_word`, `locative`, `name_joiner`; every entry is tested by its example in
tests/lang); these tests check how the decisions combine with the rest of the
actor finder: offices that take the name after them, sentence-initial words,
hyphenated names, pronouns after an unresolved person.
"""
from __future__ import annotations

from tests.actors.conftest import code_text, coder, needs_en

DAY = "2023-12-05"


def _events(analysis):
    return {(e.source, e.source_name, e.target, e.code[:2]) for e in analysis.events}


def _mentions(analysis):
    return {m.text: (m.kind, m.actor.code if m.actor else None, m.rule) for m in analysis.mentions}


def test_a_place_after_a_preposition_or_with_a_place_noun_is_no_party():
    a = code_text(coder(None), "Militer Thailand menembakkan roket ke Kota Surin Raya di Provinsi Surin.", DAY)
    assert all(e.target is not None for e in a.events), [(e.source, e.target_name) for e in a.events]
    found = _mentions(a)
    assert found["Kota Surin Raya"][:2] == ("name", None) and found["Provinsi Surin"][:2] == ("name", None)
    b = code_text(coder(None), "Tentara Myanmar membakar rumah warga di Kyauk Taw Ywa.", DAY)
    assert _mentions(b)["Kyauk Taw Ywa"] == ("name", None, "name:place_prep:di")


def test_the_same_name_is_a_person_where_nothing_says_place():
    a = code_text(coder(None), "Tentara Myanmar menangkap Kyauk Taw Ywa.", DAY)
    assert _mentions(a)["Kyauk Taw Ywa"][:2] == ("person", None)
    # a person by its shape alone takes part in no event (a club, a car or a report look the same)
    assert a.events == ()
    b = code_text(coder(None), "Tentara Myanmar menangkap Pak Kyauk Taw Ywa.", DAY)
    assert _events(b) == {("MMRMIL", "Tentara Myanmar", None, "17")}
    assert b.events[0].target_name == "Kyauk Taw Ywa"


def test_an_office_takes_the_unresolved_name_after_it():
    """"Pemimpin Hamas Yahya Sinwar": one actor, Hamas, acting through a named person."""
    a = code_text(coder(None), "Pemimpin Hamas Yahya Sinwar mengecam Israel.", DAY)
    (event,) = a.events
    assert (event.source, event.source_actor_name, event.target) == ("PSEREB", "Yahya Sinwar", "ISRGOV")


@needs_en
def test_a_body_then_a_title_then_the_name_is_the_body_acting():
    a = code_text(coder(None, ("en",)), "Arab League Secretary General Chadli Klibi met the Syrian president.",
                  DAY, lang="en")
    (event,) = a.events
    assert (event.source, event.source_actor_name, event.target) == ("IGOMEAARL", "Chadli Klibi", "SYRGOV")


def test_a_collective_role_before_a_name_makes_it_no_person():
    """"warga Kulon Progo": residents of a place, not a person called Kulon Progo."""
    a = code_text(coder(None), "Warga Kulon Progo memprotes pemerintah Indonesia.", DAY)
    assert _mentions(a)["Kulon Progo"] == ("name", None, "name:role:warga")
    assert all(e.source is not None for e in a.events)


def test_words_that_open_a_sentence_are_no_part_of_the_name():
    a = code_text(coder(None), "Namun Pak Ahmad Vahidi mengecam Israel.", DAY)
    assert _events(a) == {(None, "Ahmad Vahidi", "ISRGOV", "11")}


def test_a_hyphenated_name_is_one_name():
    a = code_text(coder(None), "Presiden Jean-Bertrand Aristide mengecam Amerika Serikat.", DAY)
    assert _events(a) == {(None, "Jean-Bertrand Aristide", "USAGOV", "11")}


def test_a_single_capitalised_word_or_a_title_before_a_date_is_no_person():
    a = code_text(coder(None), "Kemarin Israel menyerang Lebanon.", DAY)
    assert {m.kind for m in a.mentions} <= {"country"}
    b = code_text(coder(None, ("en",)), "Israel elected a new prime minister February 4.", DAY, lang="en")
    assert not [m for m in b.mentions if m.kind == "person"]


def test_two_people_nobody_resolved_make_no_event_between_them():
    """An event needs one coded side: two names alone place it nowhere."""
    a = code_text(coder(None), "Ahmad Vahidi bertemu Budi Santoso di Jakarta.", DAY)
    assert a.events == ()
    assert {m.text for m in a.mentions if m.kind == "person"} == {"Ahmad Vahidi", "Budi Santoso"}


def test_two_people_nobody_resolved_are_two_events():
    a = code_text(coder(None), "Pak Ahmad Vahidi dan Pak Budi Santoso mengecam Menteri Luar Negeri Rusia.", DAY)
    assert _events(a) == {(None, "Ahmad Vahidi", "RUSGOV", "11"), (None, "Budi Santoso", "RUSGOV", "11")}
    assert len({e.key for e in a.events}) == 2


def test_a_pronoun_after_an_unresolved_person_is_not_given_to_an_earlier_actor():
    """"Ia" stands for the person the sentence before began with; with no code for them, it codes
    nothing rather than the earlier "Presiden Rusia"."""
    a = code_text(coder(None), "Presiden Rusia tiba di Teheran. Ahmad Vahidi menemui Menteri Luar Negeri Iran. "
                               "Ia mengecam Amerika Serikat.", DAY)
    assert not [e for e in a.events if e.target and e.target.startswith("USA")]


def test_a_one_word_name_judged_a_person_is_one_the_quick_test_lets_through():
    """`NameJudge.may_be_person` lets the actor finder pass over most one-word names unjudged: it
    must never say no where `judge` says person (a title before or opening the word, a role
    before it or after it), and it must say no to a bare word, or it saves nothing."""
    from warta.lang import LanguagePack
    from warta.pipeline.names import NameJudge

    pack = LanguagePack.load("id")
    judge = NameJudge.from_pack(pack)
    titles = sorted(t for t in pack.word_class("person_title") if " " not in t)
    words = ["harjono", titles[0], "harjono", ",", titles[1] + ".", "sulastri", "kyauk", titles[2]]
    persons = 0
    for i in range(len(words)):
        for role_after in (False, True):
            for role_start in (None, *range(i)):
                verdict = judge.judge(words, i, i + 1, role_after, role_start, words)
                possible = judge.may_be_person(words, i, i + 1, role_after, role_start)
                assert possible or not verdict.person, (words[i], role_after, role_start, verdict)
                persons += verdict.person
    assert persons > 0
    assert not judge.may_be_person(words, 0, 1) and not judge.may_be_person(words, 6, 7)
    assert judge.may_be_person(words, 2, 3) and judge.may_be_person(words, 5, 6)
