"""The day each sentence speaks of: the day an event happened, not the day it was published.

Order of evidence: a full date in the sentence ("Kamis (16/7/2020)", "5 Desember
2023"); a weekday or relative word resolved against the publication day
("Selasa", "kemarin"; a weekday in a sentence about plans lies ahead: "akan
bertemu Senin"); a day counted from the last date the text named ("sehari
sebelumnya"); for a sentence inside a quote, the day its attribution names
where the quote closes ('"...," kata Iqbal, Jumat'); a date another sentence of the same
paragraph named; the day the next sentence names when it retells this one ("Hal itu disampaikan ..., Jumat");
a day named just after citing another outlet ("dilansir AFP, Selasa") dates that report, not the event;
the last date the document named before; the publication day
(a deed told as done is never dated after it: see the event coder). Weekday and month words come from
the pack's dates.tsv; the publication day is always the base, never the clock.
A headline is dated like its lead.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from itertools import compress, count
from operator import attrgetter, itemgetter

from warta.lang import LanguagePack, stop_words
from warta.lang.case import starts_lower
from warta.model import Analysis, Sentence

_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?$")
_YEAR = re.compile(r"^(19|20)\d\d$")
_DAY = re.compile(r"^\d{1,2}$")
# a bare "16/7" must not be a score or a fraction: only inside brackets after a weekday
_PROSE_END = frozenset('.!?"”’')  # how a sentence of prose ends (a caption or a legend line does not)
_MAX_LAG_DAYS = 366
_TEXT = attrgetter("text")
_LOWER = attrgetter("lower")
_OPENING = itemgetter(slice(0, 1))  # a word's first character ("" for none), as word[:1]
_ASCII_DIGIT = re.compile(r"[0-9]")
_RETOLD_SHARED = 2  # content words an undated lead and the next sentence share when the latter retells it
_CONTENT_LENGTH = 6  # letters of a word that may tell what a sentence is about
_WEEKDAY_DATE = 3  # tokens from a weekday to the date written with it ("Senin (16/9/2019)")
_CITE_REACH = 8  # words after a citation word ("dilansir Kantor Berita AFP, Selasa (17/9/2019)") that date the report cited
_MODAL_REACH = 8  # words between a weekday and a modal that makes it the coming one  # a carried date older than this is history, not the news


class DateResolver:
    name = "warta.dates.v1"
    requires = ("sentences",)
    assigns = ("dates", "day_marks")

    def __init__(self, pack: LanguagePack):
        self.pack = pack
        self.weekdays: dict[str, int] = {}
        self.months: dict[str, int] = {}
        self.relative: dict[tuple[str, ...], int] = {}
        self.anaphoric: dict[tuple[str, ...], int] = {}  # counted from the last date named
        self.retold: set[tuple[str, ...]] = set()  # "Hal itu disampaikan ..., Jumat": the sentence before's day
        self.citing: set[str] = set()  # "dilansir AFP, Selasa (17/9)": the cited report's day, not the event's
        self.modal = pack.word_class("modal")
        self.quote_marks = pack.word_class("quote_mark")
        self.breaks = pack.word_class("clause_break")  # bahwa, that: a modal beyond it is another clause's
        for row in pack.dates:
            for word in (w.strip().lower() for w in row["words"].split("|") if w.strip()):
                if row["kind"] == "weekday":
                    self.weekdays[word] = int(row["value"])
                elif row["kind"] == "month":
                    self.months[word] = int(row["value"])
                elif row["kind"] == "relative":
                    self.relative[tuple(word.split())] = int(row["value"])
                elif row["kind"] == "anaphoric":
                    self.anaphoric[tuple(word.split())] = int(row["value"])
                elif row["kind"] == "retold":
                    self.retold.add(tuple(word.split()))
                elif row["kind"] == "citation":
                    self.citing.add(word)
        self._longest = max((len(k) for k in (*self.relative, *self.anaphoric)), default=1)
        # first words of the relative and anaphoric phrases: no phrase starts at any other word
        self._phrase_firsts = frozenset(k[0] for k in (*self.relative, *self.anaphoric) if k)
        # the words a search for a day stops at, besides those opening with a digit (`_evidence`)
        self._evidence_words = frozenset((*self.citing, *self.weekdays, *self.months, *self._phrase_firsts))

    def __call__(self, analysis: Analysis) -> Analysis:
        published = analysis.document.published.date() if analysis.document.published else None
        own = [self.sentence_date(s, published) for s in analysis.sentences]
        by_paragraph: dict[int, date] = {}
        for s, (day, how) in zip(analysis.sentences, own):
            if day and how == "explicit":
                by_paragraph.setdefault(s.paragraph, day)
        quoted = self._quote_dates(analysis.sentences, own)
        retold = self._retold_dates(analysis.sentences, own)
        out, last = [], None
        for s, (day, how) in zip(analysis.sentences, own):
            if how == "anaphoric":
                day, how = self.sentence_date(s, published, base=last or published)[0], "relative"
            if day is None and s.index in retold:
                day, how = retold[s.index], "retold"
            if day is None and s.index in quoted:
                day, how = quoted[s.index], "quote"
            if day is None and s.paragraph in by_paragraph:
                day, how = by_paragraph[s.paragraph], "paragraph"
            if day is None and last is not None and _recent(last, published):
                day, how = last, "document"
            if day is None and published is not None:
                day, how = published, "published"
            if how in ("explicit", "relative"):
                last = day
            out.append((day, how if day else "none"))
        marks = []
        for s, (day, how) in zip(analysis.sentences, own):
            if how in ("explicit", "relative") and published is not None:
                found = self.day_marks(s, published)
                if len({d for _, d, _ in found}) > 1:
                    marks.append((s.index, tuple(found)))
        return analysis.with_(dates=tuple(self._headline_dates(analysis.sentences, out)), day_marks=tuple(marks))

    def day_marks(self, sentence: Sentence, published: date) -> list[tuple[int, date, str]]:
        """Every day the sentence names, with the token it stands at: full dates and weekdays
        (not the day of a report it cites)."""
        tokens = sentence.tokens
        words = list(map(_LOWER, tokens))
        weekdays = self.weekdays
        out: list[tuple[int, date, str]] = []
        cited = -_CITE_REACH - 1
        for i in self._evidence(words):  # (no full date starts at another word)
            w = words[i]
            if w in self.citing:
                cited = i
            if i - cited <= _CITE_REACH:
                continue
            if w in weekdays and not starts_lower(tokens[i].text):
                out.append((i, self._weekday(words, i, published), "relative"))
                continue
            day = self._full_date_at(words, i, published)
            if day is not None:
                out.append((i, day, "explicit"))
        # "Rabu (11/9)", "Rabu 11 September": the weekday names the day its date gives
        return [m for m in out if m[2] == "explicit"
                or not any(x[2] == "explicit" and 0 < x[0] - m[0] <= _WEEKDAY_DATE for x in out)]

    def _evidence(self, words: list[str]) -> list[int]:
        """Where in a sentence's words a day may be named or a citation stand, in order: a
        citation, weekday or month word, the first word of a relative or anaphoric phrase, a word
        opening with a digit. The searches over the words do nothing at any other word, so they
        visit only these (found by C loops, not a Python step a word)."""
        evidence_words = self._evidence_words
        found = [] if evidence_words.isdisjoint(words) else list(compress(count(), map(evidence_words.__contains__, words)))
        joined = "".join(words)
        if joined.isascii() and _ASCII_DIGIT.search(joined) is None:
            return found  # (an ASCII word can open with a digit only where the words have one)
        digits = compress(count(), map(str.isdigit, map(_OPENING, words)))
        return sorted({*found, *digits})

    def _quote_dates(self, sentences, own: list) -> dict[int, date]:
        """The sentences of a quote take the day its attribution names, in the sentence where it
        closes: '"Kami ... . Kami ...," kata Iqbal, Jumat (20/9/2019).'"""
        out: dict[int, date] = {}
        pending: list[int] = []  # sentences of the quote still open
        paragraph = None
        for s, (day, how) in zip(sentences, own):
            if s.paragraph != paragraph:
                pending, paragraph = [], s.paragraph
            odd = sum(map(self.quote_marks.__contains__, map(_TEXT, s.tokens))) % 2 == 1  # (no Python step a token)
            if pending and odd:  # the quote closes here
                if day is not None and how in ("explicit", "relative"):
                    out.update((k, day) for k in pending)
                pending = []
            elif pending:
                pending.append(s.index)
            elif odd:  # a quote opens here and goes on
                pending = [s.index]
        return out

    def _retold_dates(self, sentences, own: list) -> dict[int, date]:
        """A sentence the next one retells with a day ("Presiden meminta ... . Hal itu disampaikan
        Presiden di Istana, Jumat (20/9/2019).") happened that day."""
        out: dict[int, date] = {}
        if not self.retold:
            return out
        lead = next((s.index for s in sentences if not s.is_title), None)
        for prev, nxt in zip(sentences, sentences[1:]):
            day, how = own[nxt.index]
            if day is None or how not in ("explicit", "relative") or own[prev.index][0] is not None or prev.is_title:
                continue
            words = [t.lower for t in nxt.tokens[:3]]
            if any(tuple(words[:len(p)]) == p for p in self.retold) \
                    or prev.index == lead and len(_content_words(prev) & _content_words(nxt)) >= _RETOLD_SHARED:
                # (an undated lead the next sentence tells again with its day: "X menggunduli kepala
                # ... . X menggunduli kepala di depan kantor itu pada Rabu")
                out[prev.index] = day
        return out

    @staticmethod
    def _headline_dates(sentences, dates: list) -> list:
        """A headline tells the lead's news: it takes the lead's day, not the day of publication."""
        body = [s for s in sentences if not s.is_title]
        if not body or len(body) == len(sentences):
            return dates
        # the first two paragraphs of prose: a caption or a map's legend ("Syrian opposition") is no lead
        lead_paragraphs = sorted({s.paragraph for s in body if s.text.rstrip()[-1:] in _PROSE_END})[:2]
        lead = next((dates[s.index] for s in body if s.paragraph in lead_paragraphs
                     and dates[s.index][1] in ("explicit", "relative")), None)
        if lead is None:
            return dates
        return [(lead[0], "lead") if s.is_title and dates[s.index][1] in ("published", "document") else dates[s.index]
                for s in sentences]

    def sentence_date(self, sentence: Sentence, published: date | None,
                      base: date | None = None) -> tuple[date | None, str]:
        """The day one sentence names itself, and how it was found; `base` is the last
        date the text named, for "sehari sebelumnya" (the publication day if none)."""
        tokens = sentence.tokens
        words = list(map(_LOWER, tokens))
        months, weekdays, phrase_firsts = self.months, self.weekdays, self._phrase_firsts
        # one pass: a full date ends the search; on the way, note the first weekday and where
        # relative or anaphoric phrases may start, the evidence tried after it
        weekday = -1
        firsts = []
        cited = -_CITE_REACH - 1  # where the last citation word stood
        for i in self._evidence(words):
            w = words[i]
            if w in self.citing:
                cited = i
            if i - cited <= _CITE_REACH:
                continue  # the day of the report cited: the event's own day, if any, comes later
            # not written small: "Minggu" the day, not "minggu" the week (a script without case has none)
            if weekday < 0 and w in weekdays and not starts_lower(tokens[i].text):
                weekday = i
            if w in phrase_firsts:
                firsts.append(i)
            if w[:1].isdigit() or w in months:
                day = self._full_date_at(words, i, published)
                if day:
                    return day, "explicit"
        if published is None:
            return None, "none"
        if weekday >= 0:
            return self._weekday(words, weekday, published), "relative"
        if not firsts:
            return None, "none"
        for n in range(self._longest, 0, -1):
            for i in firsts:
                if i > len(words) - n:
                    break
                key = tuple(words[i : i + n])
                if key in self.anaphoric:
                    if base is None:
                        return None, "anaphoric"
                    return base + timedelta(days=self.anaphoric[key]), "relative"
                if key in self.relative:
                    return published + timedelta(days=self.relative[key]), "relative"
        return None, "none"

    def _full_date_at(self, words: list[str], i: int, published: date | None) -> date | None:
        """The full date that starts at word i: "16/7/2020" (or "16/7" in brackets after a weekday),
        "5 Desember [2023]", "December 5[, 2023]"."""
        w = words[i]
        months = self.months
        if not w[:1].isdigit():  # no number: only a month first ("December 5, 2023")
            if w in months and i + 1 < len(words) and _DAY.match(words[i + 1]):
                return self._dated(_year_after(words, i + 2), months[w], int(words[i + 1]), published, words)
            return None
        day = self._numeric(w, published, bracketed=i > 1 and words[i - 1] == "(" and words[i - 2] in self.weekdays)
        if day is None and _DAY.match(w) and i + 1 < len(words) and words[i + 1] in months:
            day = self._dated(_year_after(words, i + 2), months[words[i + 1]], int(w), published, words)
        return day

    def _weekday(self, words: list[str], i: int, published: date) -> date:
        """The day weekday word i names: the last such day on or before publication, or the coming
        one with a modal in its clause ("akan bertemu pada Senin"; a modal far off in another clause
        says nothing of it)."""
        w = self.weekdays[words[i]]
        if any(x in self.modal for x in self._clause_around(words, i)):
            return published + timedelta(days=(w - published.weekday()) % 7)
        return published - timedelta(days=(published.weekday() - w) % 7)

    def _clause_around(self, words: list[str], i: int) -> list[str]:
        """The words near word i in its own clause: "mengatakan pada Rabu bahwa Jepang akan ..." puts
        the modal in the clause reported, not in the one the weekday dates."""
        lo, hi = max(0, i - _MODAL_REACH), min(len(words), i + _MODAL_REACH + 1)
        for k in range(i + 1, hi):
            if words[k] in self.breaks:
                hi = k
                break
        for k in range(i - 1, lo - 1, -1):
            if words[k] in self.breaks:
                lo = k + 1
                break
        return words[lo:hi]

    def _numeric(self, word: str, published: date | None, bracketed: bool = False) -> date | None:
        """"16/7/2020"; "16/7" only in brackets after a weekday ("Kamis (16/7)"): alone it is a
        score, a fraction or a decimal ("1.7 million")."""
        m = _NUMERIC.match(word)
        if not m or (m.group(3) is None and not bracketed):
            return None
        a, b, year = int(m.group(1)), int(m.group(2)), m.group(3)
        d, mth = (a, b) if self.pack.date_order == "DMY" else (b, a)
        if year is None:
            return self._dated(None, mth, d, published, ())
        return _safe_date(int(year) + (2000 if len(year) == 2 else 0), mth, d)

    def _dated(self, year: int | None, month: int, day: int, published: date | None, words) -> date | None:
        """A day of a month; with no year written, the latest such day on or before publication
        ("5 Desember" in January is last December's), or the next one in a sentence about plans."""
        if year is not None:
            return _safe_date(year, month, day)
        if published is None:
            return None
        found = _safe_date(published.year, month, day)
        if found is not None and found > published and not any(w in self.modal for w in words):
            found = _safe_date(published.year - 1, month, day)
        return found


def _content_words(sentence: Sentence) -> set[str]:
    """The sentence's longer words written small and not in any stop list: what it tells of."""
    common = stop_words()
    return {t.lower for t in sentence.tokens
            if len(t.lower) >= _CONTENT_LENGTH and t.lower.isalpha() and starts_lower(t.text) and t.lower not in common}


def _year_after(words: list[str], i: int) -> int | None:
    for j in (i, i + 1):  # "December 5, 2023": skip the comma
        if j < len(words) and _YEAR.match(words[j]):
            return int(words[j])
    return None


def _safe_date(year: int | None, month: int, day: int) -> date | None:
    if year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _recent(day: date, published: date | None) -> bool:
    return published is None or abs((published - day).days) <= _MAX_LAG_DAYS
