"""What makes two inputs the same document.

An archive is read again and again (new files land beside old ones; a dump
is re-exported with other line numbers or ids), so a document cannot be
known by its id alone. Three keys, checked in this order by the planner:

- the id plus the origin file: the same input seen again (unchanged, or
  edited in place, which is re-coded);
- the text hash (title and text, not the id): the same article under
  another id or in another file, which is a duplicate;
- the URL, normalised: the same article fetched twice, also a duplicate.

The hashes are computed the same way in SQL (see warta.store.store) so stores
written before these columns existed can be filled in.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from warta.model import Document

SEPARATOR = "\x1f"  # between title and text; also used by the SQL twin in warta.store.store
HASH_CHARS = 32
_RECORD_SUFFIX = re.compile(r":\d+$")
_SCHEME = re.compile(r"([a-z][a-z0-9+-]*):(?!\d)", re.IGNORECASE)  # "kabar.example:8080/x" has none


def text_hash(doc: Document) -> str:
    """Identity of the words of an article, whatever it is called or wherever it was found."""
    raw = f"{doc.title or ''}{SEPARATOR}{doc.text}"
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:HASH_CHARS]


def url_key(url: str | None) -> str | None:
    """A URL without the parts that do not change the article: scheme, www., fragment, final slash.

    None when there is no usable URL (none, not http, no host, a port that is no port): two
    records carrying the same `javascript:void(0)` are not the same article."""
    if not url or not url.strip():
        return None
    url = url.strip()
    scheme = _SCHEME.match(url)
    if scheme and scheme[1].lower() not in ("http", "https"):
        return None  # javascript:void(0), mailto:, data:: no page that another record could share
    try:
        parts = urlsplit(url if "//" in url else "//" + url)
        host = (parts.hostname or "").lower()
        port = parts.port  # a ValueError for a port that is no number or out of range
    except ValueError:
        return None  # no usable URL: the document is known by its id and text only
    if not host:
        return None  # "/", "#", "?p=1": relative, so every record of a site could carry the same one
    host = re.sub(r"^www\d?\.", "", host)
    port = f":{port}" if port and port not in (80, 443) else ""
    path = parts.path.rstrip("/")
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{port}{path}{query}"


def origin_file(origin: str | None) -> str:
    """The file an origin names: "archive.jsonl:17" -> "archive.jsonl" (records carry a line number)."""
    return _RECORD_SUFFIX.sub("", origin or "")


@dataclass(frozen=True, slots=True)
class DocKey:
    """What the planner needs of a document, without its text: a document read on a Dask
    worker sends this back, and only the documents to code are coded there."""

    id: str
    content_hash: str
    origin: str | None
    url_key: str | None  # normalised where the document was read: urlsplit is slow enough to matter
    text_hash: str

    def __reduce__(self):
        # a plain tuple: dataclasses pickle slotted classes field by field through fields(), which
        # costs the process gathering thousands of keys a batch more than sending them does
        return DocKey, (self.id, self.content_hash, self.origin, self.url_key, self.text_hash)

    @classmethod
    def of(cls, doc: Document) -> "DocKey":
        return cls(doc.id, doc.content_hash, doc.origin, url_key(doc.url), text_hash(doc))
