"""What an article says about itself: date, place, outlet, title.

Scraped text loses the page's metadata, but keeps the dateline: a date line
at the top ("Rabu 06 Dec 2023 08:51 WIB") and a lead that opens with place
and outlet ("REPUBLIKA.CO.ID, MOSKOW – ..."). Relative dates in the article
are resolved against the publication date, so getting it right matters.
Dates are parsed with the languages pinned and in UTC, so the result never
depends on the host's locale, clock or time zone.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from itertools import islice
from urllib.parse import urlsplit

import dateparser
from dateparser.data.languages_info import language_order as _dateparser_knows
from dateutil.parser import isoparse

from warta.errors import LanguagePackError
from warta.lang import DatelineWords, available_languages, dateline_words, pack_metadata
from warta.lang.case import caseless, in_capitals
from warta.model import Document
from warta.read.clean import clean_text, normalise_line, repair_encoding, unify_newlines

# Universal notations of UTC (ISO 8601, aviation), not words of a language; the packs add
# the zones their news names (pack.toml [dateline] zones: WIB, MYT).
_UTC_ZONES = {"gmt": "UTC", "utc": "UTC", "z": "UTC"}
_TOP_LINES = 15  # the dateline is within this many non-empty lines
_MAX_WORDS_BESIDE_DATE = 4  # more, and the date is part of a sentence
# Longer lines cannot be a dateline (a date, a clock, a zone and a few words), so the
# costly date pattern is not tried on them: most top lines are whole paragraphs.
_MAX_DATELINE_CHARS = 200
_YEAR = re.compile(r"\d{4}")  # every date form _DATE reads has one: a cheap test before the costly one


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _dotted(words) -> str:
    """"am" -> a.m., am, a.m, am.: each letter may be followed by a dot."""
    forms = ["\\.?".join(re.escape(c) for c in w) + r"\b\.?" for w in sorted(words, key=len, reverse=True)]
    return "|".join(forms) or "(?!)"


class _Dateline:
    """The patterns a dateline is read with, built from every installed pack's words
    (warta.lang.DatelineWords): datelines are read before a document's language is known."""

    def __init__(self, words: DatelineWords):
        self.months = words.months
        self.zones = {**words.zones, **_UTC_ZONES}
        self.agencies = words.agencies
        self.am, self.pm = words.am, words.pm
        month = _alternation(self.months)
        ordinal = f"(?:{_alternation(words.ordinals)})?" if words.ordinals else ""
        between = "|".join(["", r"\|", "-", "–", "—", "/", *(re.escape(w) for w in sorted(words.clock))])
        self.date = re.compile(
            rf"""
            (?:\b(?:{_alternation(words.weekdays) or "(?!)"})\b\.?,?\s*)?
            (?:
                (?P<d1>\d{{1,2}})\.?\s+(?P<m1>{month})\b\.?,?\s+(?P<y1>\d{{4}})
              | (?P<m2>{month})\b\.?\s+(?P<d2>\d{{1,2}}){ordinal},?\s+(?P<y2>\d{{4}})
              | (?P<iso>\d{{4}}-\d{{2}}-\d{{2}}(?:[T\ ]\d{{2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?
                    (?:Z|[+-]\d{{2}}:?\d{{2}})?)?)
              | (?P<d3>\d{{1,2}})[/.-](?P<m3>\d{{1,2}})[/.-](?P<y3>\d{{4}})
            )
            (?:\s*(?:,{between})?\s*
                (?P<time>\d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?)(?:\s*(?P<ampm>{_dotted(words.am | words.pm)}))?)?
            (?:\s*\(?(?P<tz>{_alternation(z.upper() for z in self.zones if z != "z")}|[+-]\d{{2}}:?\d{{2}})\b\)?)?
            """,
            re.IGNORECASE | re.VERBOSE,
        )
        # Words that may share a line with a date that is only a date.
        self.labels = re.compile(rf"\b({_alternation(words.labels) or '(?!)'})\b", re.I)
        # the packs' languages dateparser knows (pack.toml `dateparser`, else the pack's code);
        # dateparser orders them itself, so their order is no matter
        self.languages = [lang for lang in dict.fromkeys(_dateparser_name(c) for c in available_languages())
                          if lang in _dateparser_knows]


def _dateparser_name(code: str) -> str:
    return str(pack_metadata(code).get("dateparser", code))


@lru_cache(maxsize=1)
def _compiled(words: DatelineWords) -> _Dateline:
    return _Dateline(words)


def _dateline() -> _Dateline:
    return _compiled(dateline_words())


_DOMAIN = r"[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z]{2,}){1,3}"
_PLACE = r"[A-Z][A-Za-z'.-]*(?:\s+[A-Z][A-Za-z'.-]*){0,3}"
_CAPS_PLACE = r"[A-Z]{3,}(?:\s+[A-Z]{2,}){0,3}"
_DASH = r"\s*(?:--|[-–—])"
_OUTLET_PLACE = re.compile(rf"^(?P<outlet>{_DOMAIN})\s*,\s*(?P<place>{_PLACE}){_DASH}")
_PLACE_OUTLET = re.compile(rf"^(?P<place>{_PLACE})\s*,\s*(?P<outlet>{_DOMAIN}){_DASH}")
_PLACE_AGENCY = re.compile(
    rf"^(?P<place>{_PLACE})\s*(?:,[^()\n]{{1,30}}?)?\s*\((?P<agency>[A-Za-z][A-Za-z .&-]{{0,30}})\){_DASH}")
_CAPS_DASH = re.compile(rf"^(?P<place>{_CAPS_PLACE}){_DASH}\s")
# A script without letter case (Arabic) shows no place by its capitals: a place of up to four
# words of letters before a news agency the packs know ("موسكو (رويترز) -"), in any script.
_WORDS_PLACE = r"[^\W\d_][\w'.-]*(?:\s+[^\W\d_][\w'.-]*){0,3}"
_WORDS_AGENCY = re.compile(rf"^(?P<place>{_WORDS_PLACE})\s*\((?P<agency>[^\W\d_][\w .&-]{{0,30}})\){_DASH}")
_OUTLET_ONLY = re.compile(rf"^(?P<outlet>{_DOMAIN})\s*(?:,|{_DASH})")

# Day before month in a record's publication string whose language is not given, as most of
# the world writes it; a record whose language has a pack is read in its pack's date_order.
_UNKNOWN_DATE_ORDER = "DMY"
_PARSE_SETTINGS = {
    "RETURN_AS_TIMEZONE_AWARE": True,
    "TO_TIMEZONE": "UTC",
    "PREFER_DATES_FROM": "past",
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],  # no "yesterday": host-clock dependent
}


_TITLE_MAX_CHARS = 200


def find_dateline(text: str) -> tuple[datetime | None, str | None]:
    """Publication time (UTC) and dateline place from the top of an article."""
    lines = _top_lines(text)
    published = next((dt for ln in lines if (dt := _line_date(ln)) is not None), None)
    place = next((p for ln in lines if (p := _line_place(ln)) is not None), None)
    return published, place


def find_outlet(text: str) -> str | None:
    """The outlet's domain when the lead names it ("REPUBLIKA.CO.ID, ..." -> "republika.co.id")."""
    for line in _top_lines(text):
        for pattern in (_OUTLET_PLACE, _PLACE_OUTLET, _OUTLET_ONLY):
            if m := pattern.match(line):
                return m["outlet"].lower()
    return None


def outlet_from_url(url: str | None) -> str | None:
    """The host of an article's address, without "www." and port."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return re.sub(r"^(www\d?|m|amp)\.", "", host.lower())


def strip_date_lines(text: str) -> str:
    """Drop lines near the top that hold nothing but a date: furniture, not prose."""
    out, seen = [], 0
    for line in unify_newlines(text).split("\n"):
        if line.strip():
            seen += 1
            if seen <= _TOP_LINES and _is_date_only(line.strip()):
                continue
        out.append(line)
    return "\n".join(out)


def parse_published(value: object, lang: str | None = None) -> datetime | None:
    """A record's publication time as an aware UTC datetime, or None if unreadable.

    ISO 8601 first (exact); other strings through dateparser with the
    languages pinned, day and month in the order of `lang`'s pack (pack.toml
    date_order) or day first when the language is not known; numbers as Unix
    seconds. Naive times are taken as UTC.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        try:
            return datetime.fromtimestamp(value, timezone.utc)
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    if not text:
        return None
    try:
        return _utc(isoparse(text))
    except (ValueError, OverflowError):
        return _dateparse(text, "UTC", _date_order(lang))


def guess_title(text: str) -> str | None:
    """The first paragraph when it reads like a headline: short, no final period."""
    first, sep, _rest = text.partition("\n\n")
    if sep and len(first) < _TITLE_MAX_CHARS and not first.endswith("."):
        return first
    return None


def build_document(*, id: str, raw_text: str, origin: str, furniture: Sequence[re.Pattern] = (),
                   title: str | None = None, published: datetime | None = None,
                   url: str | None = None, outlet: str | None = None,
                   lang: str | None = None) -> Document | None:
    """Clean raw text and fill in what the text itself tells; None when nothing is left.

    The text always starts with the title when one is known, since the
    headline is coded like any other sentence.
    """
    raw_text = repair_encoding(unify_newlines(raw_text))
    dated, place = find_dateline(raw_text)
    body = strip_date_lines(raw_text)
    if title:
        title = normalise_line(repair_encoding(title))
        body = f"{title}\n\n{body}"  # a repeated headline in the body then goes as a duplicate
    text = clean_text(body, furniture)
    if not text.strip() or (title and text == title):
        return None
    title = title or guess_title(text)
    return Document(
        id=id, text=text, title=title, published=published or dated, url=url,
        outlet=outlet or find_outlet(text) or outlet_from_url(url), lang=lang,
        origin=origin, dateline_place=place,
    )


def _top_lines(text: str) -> list[str]:
    lines = (normalise_line(ln) for ln in unify_newlines(text).split("\n"))
    return list(islice(filter(None, lines), _TOP_LINES))  # the lines below are not normalised


def _could_be_dateline(line: str) -> bool:
    return len(line) <= _MAX_DATELINE_CHARS and _YEAR.search(line) is not None


def _line_date(line: str) -> datetime | None:
    if not _could_be_dateline(line):
        return None
    m = _dateline().date.search(line)
    if m is None:
        return None
    beside = line[: m.start()] + " " + line[m.end():]
    if len(re.findall(r"\w+", beside)) > _MAX_WORDS_BESIDE_DATE:
        return None
    return _match_datetime(m)


def _is_date_only(line: str) -> bool:
    if not _could_be_dateline(line):
        return False
    m = _dateline().date.search(line)
    if m is None:
        return False
    beside = _dateline().labels.sub(" ", line[: m.start()] + " " + line[m.end():])
    return not re.search(r"\w", beside)


def _match_datetime(m: re.Match) -> datetime | None:
    """Turn a dateline match into UTC; a bare date stays on its own day (midnight UTC)."""
    zone = _zone(m["tz"])
    if m["iso"]:
        return _iso_datetime(m["iso"], zone)
    day, month, year = (m["d1"] or m["d2"] or m["d3"], m["m1"] or m["m2"] or m["m3"], m["y1"] or m["y2"] or m["y3"])
    words = _dateline()
    number = int(month) if month.isdigit() else words.months[month.lower().rstrip(".")]
    if not 1 <= number <= 12:
        return None
    if not m["time"]:
        return _exact(int(year), number, int(day), 0, 0, 0, "UTC")
    clock = [int(part) for part in re.split(r"[:.]", m["time"])] + [0]
    hour, minute, second = clock[0], clock[1], clock[2]
    ampm = (m["ampm"] or "").replace(".", "").lower()
    if ampm in words.pm and 1 <= hour < 12:  # "13:20 am" reads as a 24-hour clock, as dateparser did
        hour += 12
    elif ampm in words.am and hour == 12:
        hour = 0
    return _exact(int(year), number, int(day), hour, minute, second, zone)


def _exact(year: int, month: int, day: int, hour: int, minute: int, second: int, zone: str) -> datetime | None:
    """A dateline's parts as UTC, built directly: every part is already known, so no parser
    is needed (dateparser cost over a millisecond per article, more than coding it)."""
    if zone == "UTC":
        tz = timezone.utc
    else:
        sign = -1 if zone[0] == "-" else 1
        tz = timezone(sign * timedelta(hours=int(zone[1:3]), minutes=int(zone[3:5])))
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=tz).astimezone(timezone.utc)
    except ValueError:  # 31 February, 25 o'clock: not a date
        return None


def _iso_datetime(text: str, zone: str) -> datetime | None:
    """An ISO date-time; one without an offset takes the dateline's zone, a bare date stays UTC."""
    try:
        dt = isoparse(text)
    except ValueError:
        return None
    if dt.tzinfo is None and len(text) > 10:
        return _dateparse(dt.isoformat(), zone)
    return _utc(dt)


def _zone(tz: str | None) -> str:
    if not tz:
        return "UTC"
    zones = _dateline().zones
    if tz.lower() in zones:
        return zones[tz.lower()]
    return tz.replace(":", "")  # "+07:00" -> "+0700"


def _date_order(lang: str | None) -> str:
    if not lang:
        return _UNKNOWN_DATE_ORDER
    try:
        return str(pack_metadata(lang).get("date_order", _UNKNOWN_DATE_ORDER))
    except LanguagePackError:  # a language no pack reads
        return _UNKNOWN_DATE_ORDER


def _dateparse(text: str, zone: str, order: str = _UNKNOWN_DATE_ORDER) -> datetime | None:
    settings = {**_PARSE_SETTINGS, "DATE_ORDER": order, "TIMEZONE": zone}
    try:
        dt = dateparser.parse(text, languages=_dateline().languages, settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    return _utc(dt) if dt else None


def _utc(dt: datetime) -> datetime:
    if dt.tzinfo is None:
        return dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc)


def _line_place(line: str) -> str | None:
    for pattern in (_OUTLET_PLACE, _PLACE_OUTLET):
        if m := pattern.match(line):
            return m["place"].strip()
    if m := _PLACE_AGENCY.match(line):
        place = m["place"].strip()
        if m["agency"].strip().lower() in _dateline().agencies or in_capitals(place):
            return place
    if m := _CAPS_DASH.match(line):
        return m["place"].strip()
    if (m := _WORDS_AGENCY.match(line)) and m["agency"].strip().lower() in _dateline().agencies \
            and caseless(m["place"]):
        return m["place"].strip()  # caseless letters only: a cased script's place has its capitals
    return None
