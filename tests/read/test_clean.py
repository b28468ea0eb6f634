"""Furniture removal: what a scrape carries besides the article."""
import re

import pytest

from warta.lang import LanguagePack, available_languages
from warta.read.clean import clean_text, default_furniture, normalise_line, photo_credits, unify_newlines

SCRAPE = """Menteri Bertemu di Bandung

Rate this item
(3 votes)
Menteri Bertemu di Bandung

Rep: Ani Wibowo/ Red: Budi Santoso
Dua menteri berjabat tangan  di depan   gedung sate.
Foto: ANTARA/Fulan
Dua menteri berjabat tangan di depan gedung sate.

Menteri A   dan Menteri B bertemu di Bandung pada Senin.

Baca juga: Harga Cabai Naik

Mereka membahas kerja sama.
Advertisement
Berita Lainnya
Terpopuler
1
Read 120 times
"""


def test_default_furniture_lines_are_dropped():
    out = clean_text(SCRAPE)
    for junk in ("Rate this item", "(3 votes)", "Rep:", "Baca juga", "Advertisement",
                 "Berita Lainnya", "Terpopuler", "Read 120 times", "Foto:"):
        assert junk not in out
    assert "\n1\n" not in out and not out.endswith("1")


def test_repeated_caption_beside_photo_credit_is_removed_everywhere():
    out = clean_text(SCRAPE)
    assert "berjabat tangan" not in out


def test_caption_printed_once_is_kept():
    text = "Judul Berita\n\nFoto: Reuters\nPasukan tiba di perbatasan pada Selasa pagi.\n\nLanjutan berita."
    assert "Pasukan tiba di perbatasan" in clean_text(text)


def test_repeated_headline_is_kept_once_at_the_start():
    out = clean_text(SCRAPE)
    assert out.startswith("Menteri Bertemu di Bandung\n\n")
    assert out.count("Menteri Bertemu di Bandung") == 1


def test_paragraphs_are_separated_by_one_blank_line_and_spaces_collapsed():
    out = clean_text(SCRAPE)
    assert out == (
        "Menteri Bertemu di Bandung\n\n"
        "Menteri A dan Menteri B bertemu di Bandung pada Senin.\n\n"
        "Mereka membahas kerja sama."
    )


def test_hard_wrapped_lines_are_joined_into_one_paragraph():
    text = ("Presiden menyatakan bahwa pemerintah akan terus mendukung upaya perdamaian\n"
            "di kawasan dan mengirim bantuan kemanusiaan.\n\nParagraf kedua.")
    out = clean_text(text)
    assert out.split("\n\n")[0].endswith("perdamaian di kawasan dan mengirim bantuan kemanusiaan.")
    assert out.count("\n\n") == 1


def test_caller_patterns_replace_the_defaults():
    pack = (re.compile(r"^Simak juga\b", re.I),)
    out = clean_text("Berita utama hari ini.\n\nSimak juga: video\n\nAdvertisement", pack)
    assert "Simak juga" not in out
    assert "Advertisement" in out  # the built-in list was not used


def test_defaults_are_immutable_compiled_patterns():
    assert isinstance(default_furniture(), tuple)
    assert all(isinstance(p, re.Pattern) for p in default_furniture())


def test_defaults_come_from_the_packs_and_credits_are_kept_apart():
    """No furniture phrase lives in the code: the default is the packs' furniture.tsv rows of scope "all"."""
    packs = [LanguagePack.load(c) for c in available_languages()]
    lines = {p.pattern for k in packs for p in k.furniture}
    assert {p.pattern for p in default_furniture()} < lines  # some, not all: scope "all" only
    assert {p.pattern for p in photo_credits()} == {p.pattern for k in packs for p in k.credits}
    assert not {p.pattern for p in photo_credits()} & lines
    cleaned = clean_text("Badan berita itu menulis panjang tentang pertemuan kedua menteri.\n\nIklan\n\n"
                         "Read more: another story")
    assert "Iklan" not in cleaned and "Read more" in cleaned  # "read more" is English furniture of no scope


def test_only_furniture_gives_empty_text():
    assert clean_text("Advertisement\n\n(0 votes)\n12\n") == ""


def test_every_kind_of_line_ending_is_a_line_break():
    out = clean_text("Judul\r\rBaris satu.\r\nBaris dua.\u2028Baris tiga.")
    assert out == "Judul\n\nBaris satu.\n\nBaris dua.\n\nBaris tiga."


def test_furniture_patterns_that_cannot_share_one_expression_still_each_drop_their_lines():
    # the same group name twice: no single alternation can hold both, so each is searched alone
    patterns = (re.compile(r"^(?P<w>iklan)$", re.I), re.compile(r"^baca (?P<w>juga)\b", re.I))
    text = "Menlu Iran tiba di Moskow.\n\nIKLAN\n\nBaca juga: berita lain\n\nIa bertemu Lavrov."
    assert clean_text(text, patterns) == "Menlu Iran tiba di Moskow.\n\nIa bertemu Lavrov."


def test_anchored_patterns_are_only_tried_at_the_start_and_find_the_same_lines():
    anchored = (re.compile(r"^baca juga\b", re.I), re.compile(r"^(foto|photo)\s*:", re.I),
                re.compile(r"^[|]\s*iklan$", re.I))
    # "^a|b": b may match anywhere, so a set holding it is searched everywhere
    loose = anchored + (re.compile(r"^rate this item|votes\)$", re.I),)
    lines = ["Baca juga: Harga cabai naik", "Ia berkata baca juga di sini", "FOTO: Antara", "| Iklan",
             "Mereka membahas kerja sama.", "(3 votes)", "Rate this item"]
    for patterns in (anchored, loose):
        text = "\n\n".join(lines)
        kept = clean_text(text, patterns).split("\n\n")
        assert kept == [ln for ln in lines if not any(p.search(ln) for p in patterns)]
    assert clean_text("(3 votes)\n\nDua menteri bertemu.", loose) == "Dua menteri bertemu."
    assert clean_text("(3 votes)\n\nDua menteri bertemu.", anchored) == "(3 votes)\n\nDua menteri bertemu."


def test_the_marks_a_cut_out_link_left_go():
    # a scrape that cut a link's words out leaves an empty bracket or a comma spaced off the word
    # before it; edited text has neither, and a comma there would end a clause that goes on
    assert normalise_line("Menteri Pertanian ( ,) Budi Santoso tiba.") == "Menteri Pertanian Budi Santoso tiba."
    assert normalise_line("Ketua Umum , meminta maaf kepada warga.") == "Ketua Umum meminta maaf kepada warga."
    assert normalise_line("Anggota Fraksi ,, , meminta maaf.") == "Anggota Fraksi meminta maaf."


def test_real_commas_and_brackets_stay():
    for line in ("Iran, Rusia, dan Turki bertemu.", "Indonesia Corruption Watch (ICW) mengkritik DPR.",
                 "kata dia, Jumat (20/9/2019).", '"Kami siap," kata dia.'):
        assert normalise_line(line) == line


@pytest.mark.parametrize("ending", ["\r\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e"])
@pytest.mark.parametrize("rest", ["plain", "dengan é"])  # ASCII text and text with other letters
def test_every_line_ending_becomes_one_newline(ending, rest):
    assert unify_newlines(f"satu {rest}{ending}dua{ending}") == f"satu {rest}\ndua\n"
    assert unify_newlines(f"satu {rest}\ndua") == f"satu {rest}\ndua"
