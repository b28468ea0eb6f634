"""PLOVER JSON records, one per line: the exchange format of the PLOVER manual.

PLOVER names its fields instead of numbering columns; the required ones are
`id`, `date`, `actor`, `event`. Warta writes those and the optional fields
it knows: `recipient`, `event_loc` (the place as read), `event_text` (the
evidence of every report of the event), `quad_code`, `text_info` (where
the first report sits in its article), `cite_info`, `coder`, `coded_date`,
`comment`. The manual invites providers to add named fields; Warta adds
`cameo` (code, name, Goldstein score) and `reports` (GDELT-style counts).
Events whose CAMEO code has no PLOVER category are left out. A named person
nobody could code is an actor with its words and name and a null `code`.
"""
from __future__ import annotations

from warta import __version__
from warta.actors.codes import NON_STATE, is_place_code

CODEBOOK = "PLOVER event categories via Warta's CAMEO-to-PLOVER table"


def entity(code: str | None, text: str | None, canonical: str | None) -> dict | None:
    """An actor object: top-level code (country, or IGO/NGO...), sector, the words and the name;
    an unresolved person has the words and the name only."""
    if not code:
        if not text:
            return None
        out = {"code": None, "sector": None, "entity_text": text}
        if canonical:
            out["identifier_text"] = canonical
        return out
    first = code[:3]
    top = first if first in NON_STATE or is_place_code(first) else None  # "COP" alone: a sector, no country
    sector = code[3:] if top else code
    out = {"code": top, "sector": sector or None, "entity_text": text}
    if canonical:
        out["identifier_text"] = canonical
    return out


def record(ev: dict) -> dict | None:
    """One PLOVER record for one merged event, or None when it has no day or no PLOVER category."""
    day = ev.get("day")
    if day is None or not ev.get("plover"):
        return None
    actor = entity(ev.get("source"), ev.get("source_name"), ev.get("source_actor_name"))
    recipient = entity(ev.get("target"), ev.get("target_name"), ev.get("target_actor_name"))
    first_seen = ev.get("first_seen")
    rec = {
        "id": f"warta-{ev['id']}",
        "date": day.isoformat(),
        "actor": [actor] if actor else [],
        "recipient": [recipient] if recipient else [],
        "event": [ev["plover"]],
        "event_text": list(ev.get("report_texts") or [ev.get("evidence")]),
        "quad_code": int(ev["quad_class"]),
        "text_info": {"sequence": ev.get("sentence_idx"), "start": ev.get("span_start"), "end": ev.get("span_end")},
        "cite_info": {"url": ev.get("doc_url"), "title": ev.get("doc_title"), "language": ev.get("lang"),
                      "publication": ev.get("doc_outlet"), "citation": ev.get("doc_id"),
                      "coder": f"warta {__version__} ({ev.get('pack_version')})", "codebook": CODEBOOK},
        "coder": "warta",
        "coded_date": first_seen.date().isoformat() if first_seen else None,
        "comment": f"CAMEO {ev['code']} {ev.get('name') or ''}".strip(),
        "cameo": {"code": ev["code"], "name": ev.get("name"), "goldstein": ev.get("goldstein")},
        "reports": {"mentions": ev.get("report_count"), "articles": ev.get("article_count"),
                    "sources": ev.get("source_count")},
    }
    if ev.get("location"):
        rec["event_loc"] = {"extracted_place": ev["location"]}
    return rec
