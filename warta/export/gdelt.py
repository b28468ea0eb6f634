"""The GDELT 2.0 event export format: 61 tab-separated columns, no header row.

So that tools written for GDELT (readers, dashboards, the habits of
analysts) take Warta's events as they are. Warta fills what it knows:
ids, dates, actors split into country, known group and types, the CAMEO
codes as strings with their leading zeros, quad class, Goldstein score,
mention/source/article counts, the place it read (name only: Warta has no
geocoder, so no FIPS codes or coordinates), DATEADDED and the first
report's URL. Tone is not measured: AvgTone is 0. Events without a day are
left out: SQLDATE is required. A named person nobody could code keeps their
name in ActorNName with every code column empty, as GDELT writes actors it
names but cannot code.
"""
from __future__ import annotations

from datetime import date, datetime

from warta.actors.codes import split
from warta.actors.countries import country_names

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
COLUMNS = (
    ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{c}" for c in _ACTOR) + tuple(f"Actor2{c}" for c in _ACTOR)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone")
    + tuple(f"Actor1Geo_{c}" for c in _GEO) + tuple(f"Actor2Geo_{c}" for c in _GEO)
    + tuple(f"ActionGeo_{c}" for c in _GEO)
    + ("DATEADDED", "SOURCEURL")
)
GEO_COUNTRY, GEO_WORLD_CITY, GEO_NONE = 1, 4, 0


def actor_fields(code: str | None, name: str | None) -> list[str]:
    """The ten Actor columns from a CAMEO actor code: IGOEUREEC -> EUR, EEC, type IGO; with no
    code only the name (an unresolved person), or nothing."""
    if not code:
        return ["", (name or "").upper()] + [""] * (len(_ACTOR) - 2)
    parts = split(code)
    types = (list(parts.types) + ["", "", ""])[:3]
    return [code, (name or "").upper(), parts.country, parts.group, "", "", "", *types]


def _geo(place: str | None, lang: str | None) -> list[str]:
    if not place:
        return [str(GEO_NONE)] + [""] * (len(_GEO) - 1)
    is_country = place in country_names(lang or "id") or place.title() in country_names(lang or "id")
    return [str(GEO_COUNTRY if is_country else GEO_WORLD_CITY), place] + [""] * (len(_GEO) - 2)


def global_id(event_id: str) -> int:
    """A stable integer id from Warta's hex event id (GDELT ids are integers)."""
    return int(event_id[:15], 16)


def fraction_date(day: date) -> str:
    """GDELT's YYYY.FFFF: ((month - 1) * 30 + day) / 365 of the year gone by."""
    return f"{day.year + ((day.month - 1) * 30 + day.day) / 365:.4f}"


def row(ev: dict) -> list[str] | None:
    """One GDELT line's fields for one merged event, or None when it has no day."""
    day: date | None = ev.get("day")
    if day is None:
        return None
    code = ev["code"]
    lead = ev.get("lead_paragraph")
    root_event = bool(ev.get("sentence_is_title")) or (lead is not None and ev.get("sentence_paragraph") == lead)
    added: datetime | None = ev.get("first_seen")
    return [
        str(global_id(ev["id"])), day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), fraction_date(day),
        *actor_fields(ev.get("source"), ev.get("source_actor_name") or ev.get("source_name")),
        *actor_fields(ev.get("target"), ev.get("target_actor_name") or ev.get("target_name")),
        "1" if root_event else "0", code, code[:3], code[:2], str(int(ev["quad_class"])),
        f"{float(ev['goldstein']):.1f}", str(ev.get("report_count") or 1), str(ev.get("source_count") or 1),
        str(ev.get("article_count") or 1), "0.0",
        *_geo(None, None), *_geo(None, None), *_geo(ev.get("location"), ev.get("lang")),
        added.strftime("%Y%m%d%H%M%S") if added else "", ev.get("doc_url") or ev.get("doc_id") or "",
    ]


def line(ev: dict) -> str | None:
    """One tab-separated line (with its newline), or None when the event has no day."""
    fields = row(ev)
    return None if fields is None else "\t".join(_clean(f) for f in fields) + "\n"


def _clean(field: str) -> str:
    """Tabs and newlines inside a field would break the line into columns."""
    return field.replace("\t", " ").replace("\n", " ").replace("\r", " ")
