"""Paragraph breaks a scraper wrote as a comma after the closing stop or quote."""
from warta.pipeline.sentences import _paragraph_spans


def _paragraphs(text: str) -> list[str]:
    return [text[a:b] for a, b in _paragraph_spans(text)]


def test_a_comma_after_a_closing_stop_or_quote_starts_a_paragraph():
    text = 'Menteri itu tiba Senin.,"Kami siap," katanya.",Ia lalu pergi.\n\nParagraf lain.'
    assert _paragraphs(text) == ["Menteri itu tiba Senin.", '"Kami siap," katanya."', "Ia lalu pergi.",
                                 "Paragraf lain."]


def test_a_comma_inside_a_number_or_a_sentence_is_no_break():
    text = "Harganya naik 1.,5 persen, kata dia. Lalu, ia pergi."
    assert _paragraphs(text) == [text]
