"""Documents back out of the store, to be coded again without re-reading inputs.

The documents table keeps everything the coder reads (text, title, date,
URL, outlet, language, dateline), so when a language pack, the actor
knowledge or the engine changes, events are re-derived from it. Pages are read by id
(keyset, not OFFSET), so writing the re-coded batches in between moves
nothing under the reader, and a run killed half-way resumes with what is
still out of date.
"""
from __future__ import annotations

from datetime import timezone
from typing import Iterator, Sequence

from warta import pipeline
from warta.model import Document
from warta.store import Store

_COLUMNS = "id, text, title, published, url, outlet, lang, origin, dateline_place"


def stored_documents(store: Store, pack_versions: Sequence[str], knowledge_version: str | None, *,
                     everything: bool = False, page: int = 200,
                     engine_version: str | None = None) -> Iterator[Document]:
    """Stored documents coded by other pack, knowledge or engine versions than these (or all), in id
    order; the engine is this Warta's (warta.pipeline.ENGINE_VERSION) unless given.

    Documents no pack could code (language unknown) are offered again too:
    a pack for their language may have arrived since.
    """
    last = ""
    stale = "" if everything else """
        AND (pack_version IS NULL OR pack_version NOT IN (SELECT unnest(?))
             OR knowledge_version IS DISTINCT FROM ? OR engine_version IS DISTINCT FROM ?)"""
    engine_version = engine_version or pipeline.ENGINE_VERSION
    while True:
        params: list = [last] + ([] if everything else [list(pack_versions), knowledge_version, engine_version])
        rows = store.con.execute(
            f"SELECT {_COLUMNS} FROM documents WHERE id > ?{stale} ORDER BY id LIMIT {int(page)}", params
        ).fetchall()
        for r in rows:
            published = r[3].replace(tzinfo=timezone.utc) if r[3] else None
            yield Document(id=r[0], text=r[1], title=r[2], published=published, url=r[4], outlet=r[5],
                           lang=r[6], origin=r[7], dateline_place=r[8])
        if len(rows) < page:
            return
        last = rows[-1][0]
