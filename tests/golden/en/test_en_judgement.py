"""A speaker's bad words about another party are a criticism, wherever English puts the speaker."""
import pytest

from warta.coder import Coder
from warta.lang import available_languages
from warta.model import Document

pytestmark = pytest.mark.skipif("en" not in available_languages(), reason="no English pack")


@pytest.mark.parametrize("text", [
    'The Iranian president called the American sanctions illegal.',
    '"The American sanctions are illegal," said the Iranian president.',
    '"The American sanctions are illegal," the Iranian president said.',
])
def test_the_speaker_criticises_the_party_the_bad_words_fall_on(text):
    events = Coder.load(["en"]).code(Document("t", text, lang="en")).events
    assert {(e.source, e.target, e.code) for e in events} == {("IRNGOV", "USAGOV", "111")}


def test_bad_words_turned_round_are_no_criticism():
    events = Coder.load(["en"]).code(Document("t", "The Iranian president said the American sanctions "
                                                   "are not illegal.", lang="en")).events
    assert not [e for e in events if e.code == "111"]


def test_an_office_set_off_after_a_name_is_that_persons():
    text = ("President Donald Trump met American lawmakers. Mary Lopez, the House speaker, criticized "
            "President Donald Trump. Lopez also criticized the Pentagon.")
    events = Coder.load(["en"]).code(Document("t", text, lang="en")).events
    assert ("USALEG", "USAGOV", "111") in {(e.source, e.target, e.code) for e in events}
    assert ("USALEG", "USAMIL", "111") in {(e.source, e.target, e.code) for e in events}  # recalled by surname


@pytest.mark.parametrize("text", [
    "The British foreign secretary said Iran must release the detained sailors.",
    '"Iran must release the detained sailors," the British foreign secretary said.',
])
def test_a_party_a_speaker_says_must_act_is_a_demand(text):
    events = Coder.load(["en"]).code(Document("t", text, lang="en")).events
    assert ("GBRGOV", "IRNGOV", "100") in {(e.source, e.target, e.code) for e in events}
