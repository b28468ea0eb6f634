"""Lexicon gaps: the predicates a corpus puts between two actors that no pack entry covers.

A language-pack author wants to know what to add next. For every sentence in
which the real pipeline (sentences, dates, actors) resolves at least two actor
mentions, each pair of neighbouring actors is looked at:

* the words between the first actor's end and the second's start are where
  the predicate of "A criticized B" stands; when nothing but function words
  stands there ("A and B met", "kecaman A terhadap B"), the two words before
  the first actor and the three after the second are taken instead;
* if the pack's lexicon finds a trigger there (EventCoder.find_triggers, the
  very matcher `warta code` uses), the pair is covered and left alone;
* otherwise its candidate words are the tokens there that are no actor, no
  punctuation or number, no capitalised name inside a sentence, and no word
  of any of the pack's word classes (words.tsv: prepositions, modals, speech
  verbs, ...); on a corpus of 100 documents or more a word found in more than
  `max_df` of the documents is taken for a function word too (no list of them
  is needed, so no language is named here);
* the first `max_words` of them are normalised to a stem with the pack's
  morphology (warta.pipeline.morphology: "mengecam", "kecaman" -> "kecam"),
  and each stem is counted once per pair;
* on a corpus of 100 documents or more, a stem that stands between actors in
  fewer than `min_share` of the documents its forms occur in is left out: a
  word found everywhere ("lain", "baik") is no predicate of these pairs.

The report ranks stems by the number of pairs they stand in, with their
written forms and keyword-in-context lines («actor» [word] «actor»).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from warta.coder import Coder
from warta.lang import LanguagePack
from warta.lang.case import starts_capital
from warta.model import Analysis, Document, Mention, ReadError, Sentence
from warta.pipeline.morphology import Morphology
from warta.read import read_paths

MIN_STEM = 4  # a stem shorter than this is taken only when it is the word itself
DF_MIN_DOCS = 100  # the document-frequency filter needs a corpus at least this large
BEFORE, AFTER = 2, 3  # words looked at around a pair with nothing between its actors


@dataclass(slots=True)
class _Pair:
    """Two neighbouring actors with no trigger between them, and the words that may be the predicate."""

    doc: str
    sentence: str  # the sentence text
    offset: int  # where the sentence starts in the document
    a: Mention
    b: Mention
    words: list[tuple[str, int, int]]  # (lower form, start, end) in document offsets, in order


@dataclass
class Gap:
    stem: str
    count: int  # pairs of actors it stands between
    docs: int  # documents it does so in
    forms: Counter
    dyads: Counter  # "SOURCE TARGET" as the actors stand in the sentence
    kwic: list[dict]
    share: float = 1.0  # docs / documents where its forms occur at all (each form counted apart)

    def record(self) -> dict:
        return {"stem": self.stem, "count": self.count, "docs": self.docs, "share": round(self.share, 3),
                "forms": dict(self.forms.most_common()), "dyads": dict(self.dyads.most_common(5)),
                "kwic": self.kwic}


@dataclass
class GapReport:
    lang: str
    documents: int = 0
    sentences: int = 0
    actor_sentences: int = 0  # sentences with two resolved actors or more
    pairs: int = 0  # neighbouring actor pairs looked at
    covered: int = 0  # pairs with a lexicon trigger where their predicate stands
    far: int = 0  # pairs too far apart to share a predicate
    empty: int = 0  # pairs with no candidate word (only function words, names, numbers)
    read_errors: int = 0
    function_words: int = 0  # words dropped as too frequent (max_df)
    unspecific: int = 0  # stems dropped as seldom standing between actors where they occur (min_share)
    gaps: list[Gap] = field(default_factory=list)

    @property
    def uncovered(self) -> int:
        return self.pairs - self.covered - self.far

    def summary(self) -> str:
        return (f"{self.documents:,} documents, {self.sentences:,} sentences, {self.actor_sentences:,} with two "
                f"actors or more: {self.pairs:,} actor pairs, {self.covered:,} covered by the {self.lang} lexicon, "
                f"{self.far:,} too far apart, {self.uncovered:,} uncovered ({self.empty:,} of them with no "
                f"candidate word); {self.function_words:,} frequent words taken for function words, "
                f"{self.unspecific:,} stems dropped as seldom between actors"
                + (f"; {self.read_errors:,} inputs unreadable" if self.read_errors else ""))


class GapFinder:
    """Collects uncovered actor pairs document by document; `report()` ranks their predicates."""

    def __init__(self, coder: Coder, lang: str, *, window: int = 10):
        if lang not in coder.pipelines:
            raise ValueError(f"the coder has no {lang!r} pipeline")
        self.lang = lang
        self.pack: LanguagePack = coder.packs[lang]
        pipeline = coder.pipelines[lang]
        # the stages up to the one that finds actors, and the event coder's own trigger finder
        self.stages, self.events = [], None
        for stage in pipeline.stages:
            if "triggers" in stage.assigns:
                self.events = stage
                break
            self.stages.append(stage)
        if self.events is None or not any("mentions" in s.assigns for s in self.stages):
            raise ValueError("the pipeline has no actor stage before its trigger finder")
        self.morph = Morphology(self.pack)
        self.window = window
        words: set[str] = set()
        phrases: set[tuple[str, ...]] = set()
        for members in self.pack.words.values():
            for w in members:
                parts = tuple(w.split())
                if len(parts) == 1:
                    words.add(parts[0])
                elif parts:
                    phrases.add(parts)
        self.function_words = frozenset(words)
        self.phrases: dict[str, list[tuple[str, ...]]] = {}
        for p in sorted(phrases, key=len, reverse=True):
            self.phrases.setdefault(p[0], []).append(p)
        self.report_ = GapReport(lang)
        self.df: Counter = Counter()  # word -> documents it occurs in
        self.written: Counter = Counter()  # word -> documents it occurs in written in lower case (no name)
        self.found: list[_Pair] = []

    # -- reading ------------------------------------------------------------------

    def add(self, doc: Document) -> None:
        analysis = Analysis(doc.with_(lang=self.lang), pack_version=self.pack.stamp)
        for stage in self.stages:
            analysis = stage(analysis)
        rep = self.report_
        rep.documents += 1
        rep.sentences += len(analysis.sentences)
        self.df.update({t.lower for s in analysis.sentences for t in s.tokens})
        self.written.update({t.text for s in analysis.sentences for t in s.tokens if t.text == t.lower})
        by_sentence: dict[int, list[Mention]] = {}
        for m in analysis.mentions:
            by_sentence.setdefault(m.sentence, []).append(m)
        for index, mentions in by_sentence.items():
            resolved = _outermost([m for m in mentions if m.actor is not None])
            if len(resolved) < 2:
                continue
            rep.actor_sentences += 1
            self._sentence(doc.id, analysis.sentences[index], mentions, resolved)

    def _sentence(self, doc_id: str, sent: Sentence, mentions: list[Mention], resolved: list[Mention]) -> None:
        rep = self.report_
        toks = sent.tokens
        blocked = self._blocked(sent, mentions)
        triggered: set[int] = set()
        for t in self.events.find_triggers(sent):
            triggered.update(range(t.tok_start, t.tok_end))
        for n, (a, b) in enumerate(zip(resolved, resolved[1:])):
            rep.pairs += 1
            if b.tok_start - a.tok_end > self.window:
                rep.far += 1
                continue
            between = range(a.tok_end, b.tok_start)
            if triggered.intersection(between):
                rep.covered += 1
                continue
            span = [k for k in between if k not in blocked]
            if not span:  # "A dan B bertemu", "kecaman A terhadap B": look around the pair
                lo = resolved[n - 1].tok_end if n > 0 else 0
                hi = resolved[n + 2].tok_start if n + 2 < len(resolved) else len(toks)
                around = [*range(max(lo, a.tok_start - BEFORE), a.tok_start), *range(b.tok_end, min(hi, b.tok_end + AFTER))]
                if triggered.intersection(around):
                    rep.covered += 1
                    continue
                span = [k for k in around if k not in blocked]
            if not span:
                rep.empty += 1
                continue
            self.found.append(_Pair(doc_id, sent.text, sent.start, a, b,
                                    [(toks[k].lower, toks[k].start, toks[k].end) for k in span]))

    def _blocked(self, sent: Sentence, mentions: list[Mention]) -> set[int]:
        """Tokens that cannot be a predicate: actors and names, function words, punctuation, numbers."""
        toks = sent.tokens
        out = {k for m in mentions for k in range(m.tok_start, m.tok_end)}
        words = [t.lower for t in toks]
        for k, w in enumerate(words):
            for phrase in self.phrases.get(w, ()):
                if tuple(words[k:k + len(phrase)]) == phrase:
                    out.update(range(k, k + len(phrase)))
                    break
        for k, t in enumerate(toks):
            w = t.lower
            if w in self.function_words or not w[:1].isalpha() or any(c.isdigit() for c in w) \
                    or len(w) < 2 or (k > 0 and not sent.is_title and starts_capital(t.text)):
                out.add(k)
        return out

    # -- ranking ------------------------------------------------------------------

    def report(self, *, top: int = 50, kwic: int = 3, max_words: int = 3, max_df: float = 0.2,
               min_share: float = 0.05) -> GapReport:
        rep = self.report_
        frequent: set[str] = set()
        if rep.documents >= DF_MIN_DOCS and max_df < 1:
            limit = max_df * rep.documents
            frequent = {w for w, n in self.df.items() if n > limit}
        rep.function_words = len(frequent)
        chosen = []  # (pair, its candidate words)
        for pair in self.found:
            words = [w for w in pair.words if w[0] not in frequent][:max_words]
            if words:
                chosen.append((pair, words))
            else:
                rep.empty += 1
        stems = self._stems({w[0] for _, words in chosen for w in words})
        count: Counter = Counter()
        docs: dict[str, set[str]] = {}
        forms: dict[str, Counter] = {}
        dyads: dict[str, Counter] = {}
        lines: dict[str, list[dict]] = {}
        for pair, words in chosen:
            seen = set()
            for form, start, end in words:
                stem = stems[form]
                forms.setdefault(stem, Counter())[form] += 1
                if stem in seen:
                    continue
                seen.add(stem)
                count[stem] += 1
                docs.setdefault(stem, set()).add(pair.doc)
                dyads.setdefault(stem, Counter())[f"{pair.a.actor.code} {pair.b.actor.code}"] += 1
                got = lines.setdefault(stem, [])
                # one line per document first, so the lines show the word in several stories
                if len(got) < kwic and not any(x["doc"] == pair.doc for x in got):
                    got.append(_kwic(pair, form, start, end))
        # how specific a stem is to actor pairs: the documents where it stands between two actors over
        # those where its forms occur at all ("lain", "baik", "dapat" are everywhere, "lantik" is not)
        share = {s: len(docs[s]) / max(1, min(rep.documents, sum(self.df[f] for f in forms[s]))) for s in count}
        if rep.documents >= DF_MIN_DOCS and min_share > 0:
            dropped = [s for s in count if share[s] < min_share]
            rep.unspecific = len(dropped)
            for s in dropped:
                del count[s]
        ranked = sorted(count, key=lambda s: (-count[s], s))[:top]
        for stem in ranked:
            got = lines[stem]
            if len(got) < kwic:  # fewer documents than lines asked for: more lines from the same ones
                for pair, words in chosen:
                    if len(got) >= kwic:
                        break
                    for form, start, end in words:
                        if stems[form] == stem:
                            line = _kwic(pair, form, start, end)
                            if all(x["line"] != line["line"] for x in got):
                                got.append(line)
                            break
            rep.gaps.append(Gap(stem, count[stem], len(docs[stem]), forms[stem], dyads[stem], got, share[stem]))
        return rep

    def _stems(self, forms: set[str]) -> dict[str, str]:
        """Each form's stem, one of its morphological roots: on a corpus of DF_MIN_DOCS documents
        or more, one the corpus writes as a word in lower case (no name, no fragment an affix left:
        "menang" is no "tang"); on a smaller one, also a root two forms share. Of those, the one
        most forms share (so "bertemu" and "pertemuan" meet at "temu"), then the longest
        ("menilai": "nilai", not "nila"); the form itself when none is left."""
        analyses = {f: [r for r in self.morph.analyses(self.morph.bare(f)) if len(r) >= MIN_STEM or r == f]
                    for f in forms}
        shared: Counter = Counter(r for roots in analyses.values() for r in set(roots))
        large = self.report_.documents >= DF_MIN_DOCS
        out = {}
        for f, roots in analyses.items():
            ok = [r for r in roots if r == f or self.written.get(r) or (not large and shared[r] > 1)]
            out[f] = max(ok or [f], key=lambda r: (shared[r], len(r), r))
        return out


def _outermost(mentions: list[Mention]) -> list[Mention]:
    """Mentions in order, those inside another left out."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.tok_start, -m.tok_end)):
        if out and m.tok_start < out[-1].tok_end:
            continue
        out.append(m)
    return out


def _kwic(pair: _Pair, form: str, start: int, end: int, width: int = 70) -> dict:
    """The sentence around the word, the word in [brackets] and the two actors in «guillemets»."""
    text, base = pair.sentence, pair.offset
    marks = sorted([(pair.a.start - base, pair.a.end - base, "«", "»"), (pair.b.start - base, pair.b.end - base, "«", "»"),
                    (start - base, end - base, "[", "]")])
    out, pos, centre = [], 0, 0
    for s, e, left, right in marks:
        if s < pos:
            continue
        out.append(text[pos:s])
        if left == "[":
            centre = sum(len(x) for x in out)
        out.append(f"{left}{text[s:e]}{right}")
        pos = e
    out.append(text[pos:])
    line = " ".join("".join(out).split())
    centre = len(" ".join("".join(out)[:centre].split()))
    lo = max(0, centre - width)
    hi = min(len(line), centre + len(form) + 2 + width)
    snippet = ("…" if lo > 0 else "") + line[lo:hi] + ("…" if hi < len(line) else "")
    return {"doc": pair.doc, "source": pair.a.actor.code, "target": pair.b.actor.code, "line": snippet}


def find_gaps(paths: Sequence[str | Path] | Iterable[Document], lang: str, *, coder: Coder | None = None,
              limit: int | None = None, top: int = 50, kwic: int = 3, window: int = 10, max_words: int = 3,
              max_df: float = 0.2, min_share: float = 0.05, on_document=None) -> GapReport:
    """Read files and folders as `warta code` does (or take Documents), and rank their lexicon gaps.
    Documents whose record names another language are passed over."""
    coder = coder or Coder.load([lang])
    finder = GapFinder(coder, lang, window=window)
    paths = list(paths) if not isinstance(paths, (str, Path)) else [paths]
    if paths and isinstance(paths[0], Document):
        items: Iterable = paths
    else:
        items = read_paths(paths, furniture=finder.pack.furniture)
    for item in items:
        if isinstance(item, ReadError):
            finder.report_.read_errors += 1
            continue
        if not isinstance(item, Document) or (item.lang and item.lang != lang):
            continue
        if limit is not None and finder.report_.documents >= limit:
            break
        finder.add(item)
        if on_document is not None:
            on_document(finder.report_)
    return finder.report(top=top, kwic=kwic, max_words=max_words, max_df=max_df, min_share=min_share)
