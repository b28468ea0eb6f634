"""More classes of English news writing (issue 13), in sentences written for these tests:
a quote opened by the clause of the person the sentence begins with, with no speech verb
before it; a reaction to "the move" the headline tells, which falls on the headline's party."""
from __future__ import annotations

from tests.golden.en.test_en_grammar import code, triples


def test_a_quote_after_the_speakers_own_clause_speaks_for_them():
    # no speech verb before the quote: the person the sentence began with is its speaker
    a = code('Ana Ruiz, the Chilean president, defended her plan on the radio: "We will attack Peru."')
    assert ("CHLGOV", "PERGOV", "138") in triples(a)
    assert any(m.text == "We" and m.rule == "pronoun:speaker" for m in a.mentions)


def test_a_quote_after_a_clause_naming_another_party_has_no_speaker():
    # another party named between the sentence's first person and the quote: nobody is sure
    a = code('Ana Ruiz, the Chilean president, met the Bolivian foreign minister, "We will attack Peru."')
    assert not any(m.rule == "pronoun:speaker" for m in a.mentions)


def _titled(title: str, body: str):
    from datetime import datetime, timezone

    from warta.model import Document
    from tests.golden.en.test_en_grammar import _coder
    published = datetime(2021, 3, 16, 8, 0, tzinfo=timezone.utc)
    return _coder().code(Document("news", f"{title}\n\n{body}", title=title, published=published, lang="en"))


def test_a_reaction_to_the_move_falls_on_the_party_the_headline_names():
    a = _titled("Peruvian president closes the border with Bolivia",
                "On Monday the Peruvian president closed the border with Bolivia. "
                "The Chilean foreign ministry denounced the measure on Tuesday.")
    assert ("CHLGOV", "PERGOV", "111") in triples(a)


def test_opposing_a_deed_is_disapproval():
    # PETRARCH's CAMEO verb dictionary files oppose under verbal conflict (110), not rejection (120)
    a = _titled("Peru withdraws its troops from Ecuador",
                "Peru began pulling its soldiers out of Ecuador on Monday. Chilean rebels opposed the plan.")
    assert ("CHLREB", "PERGOV", "110") in triples(a)


def test_a_reaction_to_a_deed_nobody_names_in_the_headline_falls_on_nobody():
    a = _titled("Storms hit the coast", "The Chilean foreign ministry denounced the measure.")
    assert not a.events


def test_a_reaction_with_its_own_object_keeps_it():
    a = _titled("Peruvian president closes the border with Bolivia",
                "The Chilean foreign ministry denounced Bolivia for the measure.")
    assert triples(a) == {("CHLGOV", "BOLGOV", "111")}


def test_being_opposed_to_a_proposal_is_rejecting_it():
    a = code("Bolivia is opposed to Chilean mediation in the border talks.")
    assert ("BOLGOV", "CHLGOV", "120") in triples(a)


def test_a_deed_noun_ascribed_to_a_party_names_its_doer():
    a = code("Peruvian soldiers died in an ambush blamed on Chilean rebels.")
    assert triples(a) == {("CHLREB", "PERMIL", "190")}
    a = code("Peruvian soldiers died in an ambush carried out by Chilean rebels.")
    assert triples(a) == {("CHLREB", "PERMIL", "190")}


def test_a_party_behind_by_after_a_reaction_is_no_doer_of_the_reaction():
    a = code("Chile condemned the statement issued by Peru.")
    assert triples(a) == {("CHLGOV", "PERGOV", "111")}


def test_a_reaction_to_the_inquiry_whose_object_is_a_slogan_falls_on_the_headline_party():
    # the object is a name known by its shape alone (a slogan), no party: the headline's party is meant
    a = _titled("Peruvian parliament opens inquiry into the president",
                'The Chilean president, speaking on the radio, denounced the parliamentary inquiry '
                'as "Circus Politics."')
    assert ("CHLGOV", "PERLEG", "111") in triples(a)


def test_the_president_of_a_senate_is_a_legislator():
    a = code("The Chilean Senate President Ana Ruiz filed a lawsuit against the Chilean government.")
    assert triples(a) == {("CHLLEG", "CHLGOV", "115")}


def test_an_arrest_told_without_its_agent_is_the_polices_of_the_place():
    a = code("A Chilean journalist was arrested in Peru on Monday.")
    assert ("PERCOP", "CHLMED", "173") in triples(a)


def test_an_arrest_of_a_foreigner_told_nowhere_names_no_police():
    a = code("A Chilean journalist was arrested on Monday.")
    assert not a.events


def test_a_party_after_after_is_no_agent_of_the_passive_before():
    a = code("A Chilean journalist was arrested in Peru after the Peruvian president criticized Chile.")
    assert not any(e.code == "173" and e.source == "PERGOV" for e in a.events)


def test_a_minister_who_reiterates_that_a_state_must_act_demands_it():
    a = code("The Chilean foreign minister reiterated that Peru must release the fishermen.")
    assert ("CHLGOV", "PERGOV", "100") in triples(a)


def test_protests_against_a_government_with_no_protester_named_are_the_places_crowd():
    a = code("Thousands marched through the capital in Peru on Sunday in protests against the Bolivian government.")
    assert ("PERCVL", "BOLGOV", "141") in triples(a)


def test_protests_against_a_party_far_from_the_protest_word_name_no_crowd():
    a = code("Protests went on for weeks in Peru before the Bolivian government spoke.")
    assert not any(e.source == "PERCVL" for e in a.events)


def test_a_claim_for_the_raids_finds_the_deed_an_imported_pattern_matched(tmp_path):
    # "drone raids" in the headline is matched by a dictionary pattern, "the raids" later by the
    # pack: the same word, the same deed
    from datetime import datetime, timezone

    from warta.coder import Coder, ExtraKnowledge
    from warta.model import Document
    from warta.verbs.entries import entries_from_file
    verbs = tmp_path / "tiny.verbs.txt"
    verbs.write_text("---  RAID   [190]  ---\nRAID\n- DRONE *                [195]\n", encoding="utf-8")
    coder = Coder.load(["en"], extra=ExtraKnowledge(verbs=entries_from_file(verbs, "en")))
    title = "Drone raids on army bases in Chile"
    body = "On Monday, drones struck army bases in Chile. Peruvian rebels admitted responsibility for the raids."
    a = coder.code(Document("n", f"{title}\n\n{body}", title=title,
                            published=datetime(2021, 3, 16, tzinfo=timezone.utc), lang="en"))
    assert ("PERREB", "CHLGOV", "015") in triples(a)


def test_an_assault_told_without_its_agent_is_by_someone_nobody_names():
    a = code("The Chilean interior minister was stabbed in Chile on Monday.")
    assert [(e.source, e.target, e.code) for e in a.events] == [("CHLCRM", "CHLGOV", "182")]


def test_applause_is_no_meeting():
    assert not code("The Chilean minister was met with cheers by Peruvian students.").events


def test_a_pronoun_told_hijacked_names_no_hijacker():
    a = code('The Peruvian navy said, "Please do not speculate that it had been hijacked."')
    assert not any(e.code.startswith("18") for e in a.events)


def test_a_protest_with_a_group_named_after_a_country_is_no_protest_against_it():
    a = code("In Peru, he joined a protest with the Chile Veterans Association.")
    assert not a.events


def test_an_opposing_party_is_no_opposition_act():
    assert not code("The opposing Peruvian party lost the vote in Lima.").events


def test_a_princess_is_of_the_royal_government():
    a = code("The Jordanian princess criticized the Israeli government.")
    assert ("JORGOV", "ISRGOV", "111") in triples(a)


def test_a_speaker_title_before_a_known_surname_in_a_headline_is_no_given_name():
    # "Speaker" before a surname the knowledge holds is a title, not a first name the knowledge lacks
    from datetime import datetime, timezone

    from warta.model import Document
    from tests.golden.en.test_en_grammar import _coder
    title = "US Speaker Pelosi criticizes the Chilean government"
    a = _coder().code(Document("n", f"{title}\n\nOn Monday the Speaker spoke.", title=title,
                               published=datetime(2019, 9, 25, tzinfo=timezone.utc), lang="en"))
    assert any(m.sentence == 0 and m.text.endswith("Pelosi") and m.actor and m.actor.code == "USALEG"
               for m in a.mentions)



def test_a_ban_on_another_countrys_party_is_an_embargo():
    # CAMEO 172 curbs one's own civilians; a ban on another country's party restricts relations (163)
    assert ("DEUGOV", "RUSGOV", "163") in triples(code("Germany banned the Russian government from its airports."))
    assert ("RUSGOV", "NGOHRIAMN", "172") in triples(code("The Russian government banned Amnesty International."))


def test_asking_someone_about_something_is_no_appeal():
    assert not code("Reporters asked the Russian president about the Iranian deal.").events
