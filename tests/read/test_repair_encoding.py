"""Text a scraper decoded in the wrong encoding is repaired before anything reads it."""
from warta.read.clean import repair_encoding
from warta.read.metadata import build_document


def test_mac_roman_mojibake_is_undone():
    broken = "Menteri itu berkata, ‚Äúkami menolak.‚Äù,¬†Polisi menangkap dua orang."
    fixed = repair_encoding(broken)
    assert "“kami menolak.”" in fixed and "¬" not in fixed and "‚Äù" not in fixed


def test_clean_text_is_left_as_it_is():
    text = "Menteri itu berkata, “kami menolak.” Polisi menangkap dua orang di Jakarta."
    assert repair_encoding(text) is text


def test_a_document_reads_repaired_words_and_title():
    doc = build_document(id="t", raw_text="JAKARTA -¬†Presiden Indonesia mengecam Israel.", origin="t",
                         title="Indonesia ‚ÄúKecam‚Äù Israel")
    assert "¬" not in doc.text and "Presiden Indonesia mengecam" in doc.text
    assert doc.title == "Indonesia “Kecam” Israel"


def test_ascii_is_never_taken_for_mojibake():
    """repair_encoding returns ASCII text without asking ftfy: that holds while ftfy's badness
    pattern matches no ASCII string (each of its branches longer than three characters has a
    letter outside ASCII, so every ASCII triple tried covers it)."""
    from ftfy.badness import BADNESS_RE

    chars = [chr(i) for i in range(128)]
    assert BADNESS_RE.search("".join(a + b + c for a in chars for b in chars for c in chars)) is None
    text = 'Menteri itu berkata, "kami menolak." &amp; <b>Polisi</b>'
    assert repair_encoding(text) is text
