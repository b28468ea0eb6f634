"""A speaker who says a party caused a harm accuses it (112), in every pack that lists blame
words; a pattern gap written "...N" lets a long object stand inside the predicate."""
import pytest

from warta.coder import Coder
from dataclasses import replace

from warta.lang import LanguagePack, available_languages
from warta.model import Document
from warta.pipeline.morphology import LexiconMatcher, Morphology

pytestmark = pytest.mark.skipif(not {"en", "id"} <= set(available_languages()), reason="needs the en and id packs")


def _codes(lang: str, text: str) -> set[tuple]:
    events = Coder.load([lang]).code(Document("t", text, lang=lang)).events
    return {(e.source, e.target, e.code) for e in events}


@pytest.mark.parametrize("lang, text", [
    ("en", "The Saudi foreign minister said Iran was behind the strike on the port."),
    ("en", '"Iran is responsible for the blast," the Saudi foreign minister said.'),
    ("id", "Menteri Luar Negeri Arab Saudi mengatakan Iran berada di balik serangan ke pelabuhan."),
    ("id", '"Iran adalah dalang serangan itu," kata Menteri Luar Negeri Arab Saudi.'),
])
def test_blame_a_speaker_lays_on_a_party_is_an_accusation(lang, text):
    assert _codes(lang, text) == {("SAUGOV", "IRNGOV", "112")}


def test_blame_turned_round_is_no_accusation():
    assert not _codes("id", "Menteri Luar Negeri Arab Saudi mengatakan Iran bukan dalang serangan itu.")


@pytest.mark.parametrize("gap, reaches", [("...", False), ("...8", True), ("...16", True), ("...5", False)])
def test_a_numbered_gap_skips_at_most_that_many_words(gap, reaches):
    pack = LanguagePack.load("id")
    entry = replace(next(e for e in pack.verbs if e.id == "name_suspect"),
                    pattern=(("=menetapkan",), (gap,), ("=sebagai_tersangka",)))
    matcher = LexiconMatcher(replace(pack, verbs=(entry,)), Morphology(pack))
    words = "menetapkan dua pegawai perusahaan asing dan seorang pejabat daerah sebagai tersangka".split()
    got = matcher.match_at(words, 0, entry)
    assert (got is not None and got[0] == len(words)) is reaches
