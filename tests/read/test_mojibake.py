"""warta.read.mojibake repairs text exactly as ftfy.fix_text does with Warta's settings."""
import itertools
import random

import ftfy
import pytest
from ftfy.badness import is_bad as ftfy_is_bad

from warta.read import mojibake

CLEAN = [
    "Menteri itu berkata, “kami menolak.” Polisi menangkap dua orang di Jakarta.",
    "Ekspor naik 5 % — kata BPS; harga €12, ¥300 dan £4. Café, naïve, São Paulo, Łódź, Ελλάδα, Москва.",
    "«Nous refusons» a dit le ministre à l’Élysée… (AFP) – 10°C, 3×4, ½, ©2019 ®",
    "Tanya? Jawab! “Apa?” ‘Ya’ — «Non?» Ç? ü? ß?",
    "مرحبا بالعالم 你好 こんにちは 안녕하세요 🙂👍",
    "ASCII only: \"quoted\" &amp; <b>bold</b> \x1b[31mred\x1b[0m",
    "",
]
ENCODINGS = ["macroman", "windows-1252", "latin-1", "windows-1251", "windows-1250", "cp437",
             "iso-8859-2", "windows-1253", "windows-1257"]


def mangled(text: str) -> list[str]:
    """The text as scrapers break it: UTF-8 bytes decoded in a single-byte encoding, twice over, with
    the odd U+FFFD, non-breaking space lost, a C1 control, control characters, entities."""
    out = []
    for enc in ENCODINGS:
        once = text.encode("utf-8").decode(enc, errors="replace")
        out.append(once)
        try:
            out.append(once.encode("utf-8").decode(enc, errors="replace"))
        except UnicodeError:
            pass
    out += [o.replace("\xa0", " ") for o in out[:4]]
    out += [text.replace("“", "â€œ").replace("”", "â€\ufffd"), text + "\x85 \x96x", text + "\x07\ufeff",
            "&lt;b&gt;" + text + " &eacute; &amp;lt;", text.replace(" ", "\n", 3), "<p>" + text + "\n&amp;x",
            "Ã tempo", "x Ã tempo", "Â " + text, text + "?" + "é?"]
    return out


CASES = [m for t in CLEAN for m in [t, *mangled(t)]]


@pytest.mark.parametrize("text", CASES)
def test_fix_text_is_ftfy(text):
    assert mojibake.fix_text(text) == ftfy.fix_text(text, mojibake.CONFIG)


@pytest.mark.parametrize("text", CASES)
def test_is_bad_is_ftfy(text):
    assert mojibake.is_bad(text) == ftfy_is_bad(text)


def test_the_window_is_in_use():
    """The shortcut holds for the installed ftfy (else is_bad would scan the whole text)."""
    assert mojibake._reach() is not None


def test_ftfys_step_tests_badness_by_the_window():
    """ftfy's own encoding step runs with the windowed test (else it scans each text again);
    test_fix_text_is_ftfy checks its answers are still ftfy's."""
    assert mojibake._one_step.__globals__["is_bad"] is mojibake.is_bad
    assert mojibake._one_step.__code__ is ftfy._fix_encoding_one_step_and_explain.__code__


def test_is_bad_at_every_place_of_a_text():
    """A mojibake pair anywhere in clean text, next to other non-ASCII characters or far from them,
    at the text's start (the pattern's ^ branch) or not."""
    rng = random.Random(16)
    bits = ["Ã", "Â", "â€", "‚Äù", "Ã ", " ", "a", ".", "“", "é", "×²", "√±", "Ð°", "ГўВЂВ¦x", "œ1", "x"]
    for _ in range(3000):
        text = "".join(rng.choice(bits) for _ in range(rng.randint(0, 9)))
        assert mojibake.is_bad(text) == ftfy_is_bad(text), text
    for a, b in itertools.product(bits, repeat=2):
        for pad in ("", "abc ", "abcdefghij "):
            text = pad + a + pad + b
            assert mojibake.is_bad(text) == ftfy_is_bad(text), text
