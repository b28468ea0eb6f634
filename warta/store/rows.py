"""Analyses as Arrow tables: the rows the store inserts, built where the coding ran.

Building rows is a third of the cost of storing and Arrow tables cross
process boundaries almost for free (pickling Analyses costs more than a
millisecond per article), so Dask workers build these tables and the
client only inserts them. Local runs use the same code in-process.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterable

import pyarrow as pa

from warta.ingest.identity import text_hash, url_key
from warta import pipeline
from warta.model import Analysis
from warta.store.schema import DOC_SCHEMA, RECORD_FIELDS, REPORT_SCHEMA, SENT_SCHEMA


@dataclass(frozen=True)
class Tables:
    """One batch, ready to insert: documents, sentences, and reports (one row per coded event)."""

    documents: pa.Table
    sentences: pa.Table
    reports: pa.Table

    @property
    def n_sentences(self) -> int:
        return self.sentences.num_rows

    @property
    def n_reports(self) -> int:
        return self.reports.num_rows


def tables(analyses: Iterable[Analysis], knowledge_version: str | None = None,
           coded_at: datetime | None = None, engine_version: str | None = None) -> Tables:
    """A batch's rows; `engine_version` is the coder's (`Coder.engine_version`), else this Warta's."""
    engine_version = engine_version or pipeline.ENGINE_VERSION
    now = (coded_at or datetime.now(timezone.utc)).replace(tzinfo=None)
    docs: dict[str, list] = {f.name: [] for f in DOC_SCHEMA}
    sents: dict[str, list] = {f.name: [] for f in SENT_SCHEMA}
    reps: dict[str, list] = {f.name: [] for f in REPORT_SCHEMA}
    for a in analyses:
        d = a.document
        pub = d.published.astimezone(timezone.utc).replace(tzinfo=None) if d.published else None
        for k, v in (("id", d.id), ("content_hash", d.content_hash), ("title", d.title), ("text", d.text),
                     ("published", pub), ("url", d.url), ("outlet", d.outlet), ("lang", d.lang),
                     ("origin", d.origin), ("dateline_place", d.dateline_place),
                     ("pack_version", a.pack_version or None), ("coded_at", now),
                     ("n_sentences", len(a.sentences)), ("n_events", len(a.events)),
                     ("text_hash", text_hash(d)), ("url_key", url_key(d.url)),
                     ("knowledge_version", knowledge_version), ("engine_version", engine_version)):
            docs[k].append(v)
        for s in a.sentences:
            sents["doc_id"].append(d.id)
            sents["idx"].append(s.index)
            sents["start_char"].append(s.start)
            sents["end_char"].append(s.end)
            sents["paragraph"].append(s.paragraph)
            sents["is_title"].append(s.is_title)
            sents["text"].append(s.text)
        seen: set[str] = set()
        for e in a.events:
            key = e.key
            if key in seen:  # the same event found twice in one sentence: one row
                continue
            seen.add(key)
            for k, v in _event_row(key, e, d.text, knowledge_version):
                reps[k].append(v)
    return Tables(pa.table(docs, schema=DOC_SCHEMA), pa.table(sents, schema=SENT_SCHEMA),
                  pa.table(reps, schema=REPORT_SCHEMA))


def records(reports: pa.Table) -> list[dict]:
    """Report rows in the shape users see (`warta code --format jsonl`; `Event.as_record`),
    made from the Arrow rows where they are wanted, so no worker builds or sends them."""
    out = []
    for r in reports.to_pylist():
        rec = {field: [r[c] for c in col] if isinstance(col, tuple) else r[col] for field, col in RECORD_FIELDS}
        rec["date"] = rec["date"].isoformat() if rec["date"] else None
        out.append(rec)
    return out


def _event_row(key: str, e, text: str, knowledge_version: str | None):
    src, tgt = e.source_span, e.target_span
    return (
        ("id", key), ("doc_id", e.doc), ("sentence_idx", e.sentence), ("date", e.date),
        ("date_source", e.date_source), ("source", e.source), ("target", e.target),
        ("source_name", e.source_name), ("target_name", e.target_name),
        ("source_actor_name", e.source_actor_name), ("target_actor_name", e.target_actor_name),
        ("code", e.code), ("root", e.code[:2]), ("name", e.name), ("goldstein", e.goldstein),
        ("quad_class", e.quad_class), ("plover", e.plover), ("location", e.location),
        ("span_start", e.span[0]), ("span_end", e.span[1]),
        ("trigger_start", e.trigger_span[0]), ("trigger_end", e.trigger_span[1]),
        ("source_start", src[0] if src else None), ("source_end", src[1] if src else None),
        ("target_start", tgt[0] if tgt else None), ("target_end", tgt[1] if tgt else None),
        ("evidence", text[e.span[0]: e.span[1]]), ("sentence", e.sentence_text), ("rule", e.rule),
        ("lang", e.lang), ("pack_version", e.pack_version), ("knowledge_version", knowledge_version),
    )
