"""Saved web pages: article text and metadata, site chrome left behind."""
from datetime import datetime, timezone

from warta.errors import E_BINARY, E_HTML
from warta.model import Document, ReadError
from warta.read import read_paths

PAGE = """<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8">
<title>Menlu Bertemu di Jakarta | Kabar Contoh</title>
<meta property="og:title" content="Menlu Bertemu di Jakarta">
<meta property="article:published_time" content="2023-12-05T14:30:00+07:00">
<link rel="canonical" href="https://www.kabarcontoh.co.id/berita/menlu-bertemu">
</head><body>
<nav><ul><li><a href="/">Beranda</a></li><li><a href="/politik">Politik Nasional</a></li>
<li><a href="/ekonomi">Ekonomi Bisnis</a></li></ul></nav>
<div class="share">Share this</div>
<article>
<h1>Menlu Bertemu di Jakarta</h1>
<p>KABARCONTOH.CO.ID, JAKARTA – Menteri luar negeri kedua negara bertemu di Jakarta pada Selasa
untuk membahas kerja sama perdagangan dan keamanan kawasan.</p>
<p>Pertemuan itu berlangsung selama dua jam dan ditutup dengan penandatanganan nota kesepahaman.</p>
<p>Baca juga: Harga Beras Naik Lagi</p>
<p>Kedua menteri sepakat untuk bertemu kembali tahun depan di ibu kota negara tetangga.</p>
</article>
<footer><p>Hak cipta 2023 Kabar Contoh. Semua hak dilindungi undang-undang.</p>
<a href="/kontak">Hubungi Redaksi</a> <a href="/iklan">Pasang Iklan</a></footer>
</body></html>
"""


def read_one(path):
    results = list(read_paths([path]))
    assert len(results) == 1
    return results[0]


def test_html_page_body_and_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = read_one(path)
    assert isinstance(doc, Document)
    assert doc.id == "page.html"
    assert doc.title == "Menlu Bertemu di Jakarta"
    assert doc.text.startswith("Menlu Bertemu di Jakarta\n\nKABARCONTOH.CO.ID, JAKARTA – Menteri")
    assert doc.text.count("Menlu Bertemu di Jakarta") == 1
    assert "Kedua menteri sepakat untuk bertemu kembali" in doc.text
    for junk in ("Beranda", "Politik Nasional", "Share this", "Hak cipta", "Hubungi Redaksi", "Baca juga"):
        assert junk not in doc.text
    assert doc.published == datetime(2023, 12, 5, 7, 30, tzinfo=timezone.utc)
    assert doc.url == "https://www.kabarcontoh.co.id/berita/menlu-bertemu"
    assert doc.outlet == "kabarcontoh.co.id"
    assert doc.dateline_place == "JAKARTA"


def test_broken_html_is_still_read(tmp_path):
    path = tmp_path / "broken.htm"
    path.write_text(
        "<html><head><title>Gempa di Aceh</title><body><div><p>Gempa berkekuatan 6,2 magnitudo "
        "mengguncang wilayah Aceh pada Senin pagi dan warga berhamburan keluar rumah."
        "<p>Badan Meteorologi menyatakan gempa tidak berpotensi tsunami namun warga diminta "
        "tetap waspada terhadap gempa susulan.<div><b>Petugas",
        encoding="utf-8",
    )
    doc = read_one(path)
    assert isinstance(doc, Document)
    assert doc.title == "Gempa di Aceh"
    assert "mengguncang wilayah Aceh" in doc.text
    assert "tidak berpotensi tsunami" in doc.text


def test_html_without_article_text(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body><script>var a=1;</script></body></html>")
    err = read_one(path)
    assert isinstance(err, ReadError) and err.code == E_HTML[0]
    assert "no article text" in err.reason


def test_binary_named_html(tmp_path):
    path = tmp_path / "x.html"
    path.write_bytes(b"\x00\x01\x02" * 100)
    assert read_one(path).code == E_BINARY[0]
