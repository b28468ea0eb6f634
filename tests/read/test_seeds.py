"""The two seed articles shared by the project, read end to end."""
import pytest

from tests.conftest import shared_path
from warta.model import Document
from warta.read import read_paths


@pytest.fixture(scope="module")
def docs():
    results = list(read_paths([shared_path("seeds")]))
    assert all(isinstance(r, Document) for r in results), results
    return {d.id[:3]: d for d in results}


def test_two_documents(docs):
    assert sorted(docs) == ["000", "004"]


def test_004_dateline(docs):
    doc = docs["004"]
    assert doc.published.date().isoformat() == "2023-12-06"
    assert doc.dateline_place == "MOSKOW"
    assert doc.outlet == "republika.co.id"


def test_no_furniture_left(docs):
    for doc in docs.values():
        for junk in ("Rate this item", "Read 575 times", "Advertisement", "Baca Juga"):
            assert junk not in doc.text


def test_004_caption_removed_lead_kept(docs):
    text = docs["004"].text
    assert "berjabat tangan" not in text
    assert "Rusia dan Iran telah menandatangani deklarasi" in text
    assert "REPUBLIKA.CO.ID, MOSKOW –" in text
    assert "Rabu 06 Dec 2023" not in text


def test_000_title_once_at_start(docs):
    doc = docs["000"]
    assert doc.title == "Kerja Sama Iran-Rusia Lawan Unilateralisme AS"
    assert doc.text.startswith(doc.title + "\n\n")
    assert doc.text.count(doc.title) == 1
