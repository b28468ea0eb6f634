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
