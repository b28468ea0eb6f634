"""A paragraph longer than spaCy's max_length (1,000,000 characters) is split into pieces, not refused
(spaCy's E088 once aborted a whole run), and every offset still points into the document."""
from __future__ import annotations

import pytest

from warta import Warta
from warta.lang import LanguagePack
from warta.model import Analysis, Document
from warta.pipeline.sentences import SentenceSplitter

SENTENCE = "Presiden Rusia bertemu Presiden Iran di Moskow. "


@pytest.fixture
def small_max_length():
    """spaCy's limit lowered to 1,000 characters for one test (the pipeline is shared: put back after)."""
    splitter = SentenceSplitter(LanguagePack.load("id"))
    nlp = splitter.nlp
    saved = nlp.max_length
    nlp.max_length = 1000
    try:
        yield splitter
    finally:
        nlp.max_length = saved


def _split(splitter, text: str):
    return splitter(Analysis(Document("d", text))).sentences


@pytest.mark.parametrize("body", [
    SENTENCE * 200,  # sentences: cut after a full stop
    "kata " * 3000,  # no sentence end: cut at a space
    "x" * 5000,  # not even a space: cut at the limit
], ids=["sentences", "words", "one-word"])
def test_paragraph_over_max_length_is_split_with_document_offsets(small_max_length, body):
    text = "Judul berita\n\n" + body.strip() + "\n\nParagraf terakhir."
    sentences = _split(small_max_length, text)
    assert sentences[0].text == "Judul berita" and sentences[-1].text == "Paragraf terakhir."
    for s in sentences:
        assert text[s.start:s.end] == s.text
        assert all(text[t.start:t.end] == t.text for t in s.tokens)
    assert [s.paragraph for s in sentences][1] == 1 == sentences[-2].paragraph
    words = [t.text for s in sentences for t in s.tokens][2:-3]
    assert "".join(words) == "".join(body.split())
    if " " in body:  # no word cut in two
        assert set(words) <= set(body.replace(".", " .").split())


def test_pieces_give_the_sentences_a_whole_paragraph_gives(small_max_length):
    text = SENTENCE * 100
    pieces = _split(small_max_length, text)
    small_max_length.nlp.max_length = 10_000_000
    whole = _split(small_max_length, text)
    assert len(whole) == 100
    assert [(s.start, s.end, s.text, s.paragraph) for s in pieces] == [(s.start, s.end, s.text, s.paragraph)
                                                                        for s in whole]


@pytest.mark.slow
def test_a_million_character_paragraph_is_coded_with_the_rest_of_the_batch(tmp_path):
    """The reproduction from the tracker: one paragraph of 1,000,032 characters beside a good file."""
    good = tmp_path / "good.txt"
    good.write_text("Presiden Rusia bertemu Presiden Iran di Moskow, Selasa (5/12/2023).", encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text(SENTENCE * 20834, encoding="utf-8")
    report = Warta(tmp_path / "w.duckdb", languages=["id"], learn=False).code([good, big])
    assert report.n_failed == 0 and report.documents == 2
    last = [r for r in report.records if r["doc"] == "big.txt"][-1]
    text = big.read_text(encoding="utf-8").strip()
    assert last["span"][1] > 1_000_000 - len(SENTENCE)
    assert text[last["span"][0]:last["span"][1]] == last["evidence"]
