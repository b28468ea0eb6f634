"""The dashboard in headless Chromium against the real `warta serve`, on the seed articles."""
from __future__ import annotations

import httpx
import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.browser]  # slow (tests/conftest.py)


def marked_evidence(page) -> str:
    page.wait_for_selector("#doc-text mark.ev")
    return page.eval_on_selector_all("#doc-text mark.ev", "els => els.map(e => e.textContent).join('')")


def open_dashboard(page, server, fragment: str = ""):
    page.goto(server.url + "/" + fragment)
    page.wait_for_selector("body[data-ready]")
    assert page.inner_text("#status") == ""


def rows(page) -> list[dict]:
    return page.eval_on_selector_all(
        "#events tbody tr[data-event-id]",
        "trs => trs.map(tr => ({id: tr.dataset.eventId, code: tr.dataset.code, source: tr.dataset.source, "
        "target: tr.dataset.target, text: tr.innerText}))")


def wait_rows(page, predicate_js: str):
    page.wait_for_function(f"() => {{ const trs = [...document.querySelectorAll('#events tbody tr[data-event-id]')];"
                           f" return trs.length > 0 && trs.every(tr => {predicate_js}); }}")


def test_iran_russia_dyad_and_its_evidence(seed_db, serve, page):
    server = serve(seed_db)
    open_dashboard(page, server)
    assert page.inner_text("#dyad-title") in ("IRN (Iran) ↔ RUS (Russia)", "RUS (Russia) ↔ IRN (Iran)")  # busiest pair
    months = page.eval_on_selector_all("#timeline .period", "gs => gs.map(g => g.dataset.period)")
    assert {"2020-07-01", "2023-12-01"} <= set(months)

    # the 16 July 2020 telephone call, from the month's bar
    page.click('#timeline .period[data-period="2020-07-01"]')
    wait_rows(page, "tr.innerText.includes('2020-07-')")
    page.click('#events tbody tr[data-code="041"]')
    call = httpx.get(server.url + "/api/events", params={"code": "041"}).json()["events"][0]
    assert "percakapan telepon" in marked_evidence(page)
    assert marked_evidence(page).startswith(call["evidence"][:40])
    assert "Discuss by telephone" in page.inner_text("#document .event-card")

    # the 5 December 2023 declaration, from its day's bar in December
    page.select_option("#dyad-by", "day")
    page.wait_for_selector('#timeline .period[data-period="2020-07-16"]')
    page.fill("#dyad-since", "2023-12-01")
    page.fill("#dyad-until", "2023-12-31")
    page.wait_for_function("() => !document.querySelector('#timeline .period[data-period=\"2020-07-16\"]')")
    page.click('#timeline .period[data-period="2023-12-05"]')
    wait_rows(page, "tr.innerText.includes('2023-12-05')")
    page.click('#events tbody tr[data-code="057"]')
    page.wait_for_function("() => document.querySelector('#document .event-card')?.innerText.includes('057')")
    assert "menandatangani deklarasi" in marked_evidence(page)
    assert page.locator("#doc-text mark.trig").count() >= 1
    assert "event=" in page.url  # the view can be bookmarked
    assert page.errors == []


def test_filter_us_sanctions_against_both(seed_db, serve, page):
    server = serve(seed_db)
    open_dashboard(page, server)
    page.fill("#filters input[name=source]", "USA")
    page.fill("#filters input[name=code]", "163")
    page.click("#filters button[type=submit]")
    wait_rows(page, "tr.dataset.code === '163'")
    found = rows(page)
    assert {r["target"][:3] for r in found} == {"IRN", "RUS"}
    assert {r["source"] for r in found} == {"USAGOV"}
    assert page.inner_text("#page-label") == f"1–{len(found)} of {len(found)} events"
    for row in found:
        page.click(f'#events tbody tr[data-event-id="{row["id"]}"]')
        page.wait_for_function("id => document.querySelector('#events tr.selected')?.dataset.eventId === id",
                               arg=row["id"])
        assert "sanksi" in marked_evidence(page)
        assert "Impose embargo" in page.inner_text("#document .event-card")
    # the network joins the United States to both
    edges = page.eval_on_selector_all("#network .edge", "gs => gs.map(g => [g.dataset.source, g.dataset.target].sort().join('-'))")
    assert {"IRN-USA", "RUS-USA"} <= set(edges)
    # the search box looks in the evidence
    page.fill("#q", "sanksi")
    page.press("#q", "Enter")
    page.wait_for_function("() => location.hash.includes('q=sanksi')")
    wait_rows(page, "tr.querySelector('.evidence').innerText.toLowerCase().includes('sanksi')")
    assert page.errors == []


def test_clicking_a_network_edge_shows_that_dyad(seed_db, serve, page):
    server = serve(seed_db)
    open_dashboard(page, server)
    page.click('#network .edge[data-target="USA"][data-source="IRN"] line.hit', force=True)
    page.wait_for_function("() => document.querySelector('#dyad-title').innerText.includes('USA')")
    wait_rows(page, "tr.innerText.includes('USA') && tr.innerText.includes('IRN')")
    assert page.errors == []


def test_a_bad_filter_shows_the_reason(seed_db, serve, page):
    server = serve(seed_db)
    open_dashboard(page, server)
    page.fill("#filters input[name=actor]", "IR%")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("#status.error")
    assert "not a valid actor code" in page.inner_text("#status")
