"""Article text is data: markup in it shows as text and no script in it runs."""
from __future__ import annotations

import httpx
import pytest

from tests.server.conftest import run_cli
from tests.server.test_dashboard import marked_evidence, open_dashboard, wait_rows

pytestmark = [pytest.mark.e2e, pytest.mark.browser]  # slow (tests/conftest.py)

ARTICLE = """Iran dan Rusia Sepakat <b>Lawan</b> Sanksi AS

JAKARTA - Presiden Iran dan Presiden Rusia menandatangani deklarasi kerja sama <script>window.__pwned = 1</script> di Moskow pada Selasa (5/12/2023) 🚀 <img src=x onerror="window.__pwned = 2">.

Amerika Serikat menjatuhkan sanksi kepada Iran <i>dan</i> Rusia 🚀 <svg onload="window.__pwned = 3"></svg>.
"""


@pytest.fixture
def evil_db(tmp_path):
    article = tmp_path / "articles" / "evil.txt"
    article.parent.mkdir()
    article.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "evil.duckdb"
    result = run_cli("code", str(article.parent), "--db", str(db), "--lang", "id", "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    return db


def test_markup_in_articles_is_shown_as_text(evil_db, serve, page):
    server = serve(evil_db)
    open_dashboard(page, server)
    assert page.evaluate("typeof window.__pwned") == "undefined"

    page.click('#events tbody tr[data-code="057"]')
    marked_evidence(page)
    text = page.text_content("#doc-text")
    assert "<script>window.__pwned = 1</script>" in text
    assert '<img src=x onerror="window.__pwned = 2">' in text
    assert '<i>dan</i>' in text
    assert "<b>Lawan</b>" in page.text_content("#document .doc-title")
    for tag in ("script", "img", "b", "i"):
        assert page.locator(f"body {tag}").count() == 0, f"a <{tag}> from the article became an element"
    assert page.locator("#document svg").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"


def test_spans_after_astral_characters_still_land(evil_db, serve, page):
    """Offsets count code points; JavaScript strings count UTF-16 units (🚀 is two)."""
    server = serve(evil_db)
    sanction = httpx.get(server.url + "/api/events", params={"code": "163"}).json()["events"][0]
    open_dashboard(page, server)
    page.fill("#filters input[name=code]", "163")
    page.click("#filters button[type=submit]")
    wait_rows(page, "tr.dataset.code === '163'")
    page.click('#events tbody tr[data-code="163"]')
    page.wait_for_function("() => document.querySelector('#document .event-card')?.innerText.includes('163')")
    assert marked_evidence(page) == sanction["evidence"]
    assert page.evaluate("typeof window.__pwned") == "undefined"
