"""Saved web pages: the article body and its metadata, via trafilatura.

trafilatura drops navigation, footers and comment threads and reads the
title and publication date from the page's metadata; what is left still
goes through the same furniture cleaning as plain text ("Baca juga" boxes
sit inside article bodies).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from warta.errors import E_HTML
from warta.model import Document, ReadError
from warta.read.files import Rejected, check_bytes, failure
from warta.read.metadata import build_document, parse_published

_MENU_MAX_CHARS = 2000  # characters of kept text above which a page is not checked for being only links
# Ask htmldate for the original publication time with its zone, not just the day.
_DATE_PARAMS = {
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
    "original_date": True,
    "extensive_search": True,
}


def read_html(data: bytes, *, doc_id: str, origin: str,
              furniture: Sequence[re.Pattern]) -> Document | ReadError:
    """One web page as a Document; E_HTML when no article text comes out.

    The bytes go to trafilatura undecoded so it can honour the page's own
    charset declaration.
    """
    try:
        check_bytes(data)
    except Rejected as r:
        return failure(origin, r.kind, r.detail)
    try:
        page = _extract(data)
    except Exception as exc:  # noqa: BLE001 - a parser crash on one page must not stop the batch
        return failure(origin, E_HTML, f"the HTML parser failed ({type(exc).__name__}: {exc})")
    body = (getattr(page, "text", None) or "").strip()
    if not body:
        return failure(origin, E_HTML)
    if _only_links(body, data):
        return failure(origin, E_HTML, "the page holds only navigation (every line is the text of a link)")
    doc = build_document(
        id=doc_id,
        raw_text=body.replace("\n", "\n\n"),  # trafilatura puts one paragraph per line
        origin=origin,
        furniture=furniture,
        title=page.title or None,
        published=parse_published(page.date),
        url=page.url or None,
    )
    return doc or failure(origin, E_HTML, "only page furniture was left")


def _extract(data: bytes):
    """trafilatura's result object, or None; imported here because it is slow to load."""
    import trafilatura

    return trafilatura.bare_extraction(
        data,
        with_metadata=True,
        include_comments=False,
        output_format="python",
        date_extraction_params=_DATE_PARAMS,
    )


def _only_links(body: str, data: bytes) -> bool:
    """Whether every line trafilatura kept that has a letter is the whole text of one of the page's
    links: a menu or an index page, which trafilatura returns when a page has no article.
    Only short bodies are checked (a menu is short; parsing the page again costs)."""
    lines = {" ".join(ln.split()) for ln in body.split("\n")}
    lines = {ln for ln in lines if any(c.isalpha() for c in ln)}
    if not lines or sum(map(len, lines)) > _MENU_MAX_CHARS:
        return False
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(data)
    except Exception:  # noqa: BLE001 - an unparsable page is judged by trafilatura's text alone
        return False
    links = {" ".join(a.text_content().split()) for a in tree.iter("a")}
    return lines <= links
