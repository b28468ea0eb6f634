"""Split a document into paragraphs, sentences and tokens with spaCy.

spaCy's blank pipelines give a language's tokenizer rules and a rule-based
sentencizer; the pack adds abbreviations so "Dr." or "Menlu." do not end a
sentence, and numeric dates (16/7/2020) stay one token.
"""
from __future__ import annotations

import dataclasses
import re
from functools import lru_cache, partial

import spacy
from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from warta.lang import LanguagePack
from warta.model import Analysis, Sentence, Token

_NUMERIC_DATE = re.compile(r"^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$")
_PARAGRAPH = re.compile(r"\n\s*\n")
# Scraped archives often join an article's paragraphs with a comma straight after the
# closing stop or quote ("... Selasa.,Menteri ..."): that comma is a paragraph break.
_JOINED_PARAGRAPH = re.compile(r"(?<=[.!?][\"'\u201d\u2019]),+|(?<=[.!?]),+(?=[\"'\u201c\u2018]?[^\W\d_])")
_ATTRS = [IDX, LENGTH, SENT_START]
PIECE_CHARS = 100_000  # a paragraph longer than this goes to spaCy in pieces (never more than max_length / 2)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+")
_SPACE = re.compile(r"\s+")


class SentenceSplitter:
    name = "warta.sentences.v1"
    requires = ("document",)
    assigns = ("sentences",)

    def __init__(self, pack: LanguagePack):
        self.pack = pack
        self._nlp = None  # built lazily: spaCy objects are large to pickle

    def __getstate__(self):
        return {"pack": self.pack, "_nlp": None}

    def __setstate__(self, state):
        self.__dict__.update(state)

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = _blank_pipeline(self.pack.spacy_lang, self.pack.abbreviations)
        return self._nlp

    def __call__(self, analysis: Analysis) -> Analysis:
        doc = analysis.document
        text = doc.text
        spans = _paragraph_spans(text)
        # spaCy refuses a text longer than nlp.max_length (E088): a longer paragraph goes in pieces
        pieces = _pieces(text, spans, min(PIECE_CHARS, self.nlp.max_length // 2))
        sentences: list[Sentence] = []
        title = (doc.title or "").strip()
        for (p_index, p_start, _p_end), parsed in zip(pieces, self.nlp.pipe(text[s:e] for _, s, e in pieces)):
            # one pass over the paragraph's tokens, read as an array of offsets: spaCy's Token
            # objects are slow to make, and a token's text is the paragraph's own characters
            # (spaCy never changes them; its lower case is str.lower, as the packs' languages use)
            is_title = p_index == 0 and bool(title) and text[p_start:_p_end].strip() == title
            tokens: list[Token] = []
            first = -1  # start of the current sentence, -1 before the paragraph's first token
            end = 0
            for idx, length, sent_start in parsed.to_array(_ATTRS).tolist():
                if sent_start == 1 and first >= 0 and not _quote_goes_on(tokens, text[p_start + idx:p_start + idx + length]):
                    if tokens:
                        sentences.append(Sentence(len(sentences), first, end, text[first:end], p_index,
                                                  tuple(tokens), is_title))
                    tokens = []
                    first = -1
                start = p_start + idx
                end = start + length
                if first < 0:
                    first = start
                word = text[start:end]
                if not word.isspace():
                    tokens.append(_token(start, end, word, word.lower()))
            if tokens:
                sentences.append(Sentence(len(sentences), first, end, text[first:end], p_index, tuple(tokens), is_title))
        return analysis.with_(sentences=tuple(sentences))


def _quote_goes_on(tokens: list[Token], word: str) -> bool:
    """An exclamation or question inside a quote, the sentence going on in lower case after the
    closing mark: 'They shouted "shame!" and left.' is one sentence, not two."""
    return word[:1].islower() and len(tokens) >= 2 and tokens[-1].text in _CLOSING_QUOTES \
        and tokens[-2].text[-1:] in "!?"


_CLOSING_QUOTES = frozenset({'"', "”", "'", "’"})


def _token_maker():
    """`Token(start, end, text, lower)`, made faster: a document has thousands of tokens, and
    a frozen dataclass's __init__ sets each field through object.__setattr__. The slots are
    filled directly, the same instance results; should Token ever change shape (other fields,
    a __post_init__), its own constructor is used."""
    names = [f.name for f in dataclasses.fields(Token)]
    if names != ["start", "end", "text", "lower"] or "__slots__" not in Token.__dict__ \
            or hasattr(Token, "__post_init__"):
        return Token
    new = object.__new__
    set_start, set_end, set_text, set_lower = (Token.__dict__[n].__set__ for n in names)

    def token(start: int, end: int, text: str, lower: str) -> Token:
        t = new(Token)
        set_start(t, start)
        set_end(t, end)
        set_text(t, text)
        set_lower(t, lower)
        return t

    return token


_token = _token_maker()


@lru_cache(maxsize=8)
def _blank_pipeline(spacy_lang: str, abbreviations: tuple[str, ...]):
    """Build a tokenizer + sentencizer once per process: building one costs seconds, and a
    Coder is rebuilt whenever actor knowledge changes, so the cost must not follow it."""
    nlp = spacy.util.get_lang_class(spacy_lang)(create_tokenizer=partial(_tokenizer, abbreviations=abbreviations))
    nlp.add_pipe("sentencizer")
    return nlp


def _tokenizer(nlp, abbreviations: tuple[str, ...]) -> Tokenizer:
    """The language's own tokenizer (spaCy's default factory), with the pack's abbreviations
    among its special cases and numeric dates kept whole, all given when it is made: the
    tokenizer compiles its special cases (16,000 for Indonesian) each time one of its rules is
    changed afterwards, which doubled the time every process and Dask worker took to start."""
    d = nlp.Defaults
    rules = dict(d.tokenizer_exceptions or {})
    for abbr in abbreviations:
        for form in (abbr, abbr.lower(), abbr.upper(), abbr.capitalize()):
            rules[form] = [{"ORTH": form}]
    return Tokenizer(
        nlp.vocab, rules=rules,
        prefix_search=compile_prefix_regex(d.prefixes).search if d.prefixes else None,
        suffix_search=compile_suffix_regex(d.suffixes).search if d.suffixes else None,
        infix_finditer=compile_infix_regex(d.infixes).finditer if d.infixes else None,
        token_match=_NUMERIC_DATE.match, url_match=d.url_match)


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in _PARAGRAPH.finditer(text):
        _add_paragraph(text, pos, m.start(), spans)
        pos = m.end()
    _add_paragraph(text, pos, len(text), spans)
    # a paragraph's own line breaks are soft: spaCy sees them as spaces
    return spans


def _add_paragraph(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Append the paragraph text[start:end], split where a scraper joined paragraphs with a comma."""
    for m in _JOINED_PARAGRAPH.finditer(text, start, end):
        if text[start : m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:end].strip():
        spans.append((start, end))


def _pieces(text: str, spans: list[tuple[int, int]], limit: int) -> list[tuple[int, int, int]]:
    """(paragraph index, start, end) of what goes to spaCy: each paragraph whole, or, when it is
    longer than `limit` characters, cut into pieces no longer than that, each ending at the last
    sentence end before the limit (else the last space; else at the limit itself). Offsets stay
    those of the document, so the spans of every token and sentence are unchanged."""
    out = []
    for index, (start, end) in enumerate(spans):
        while end - start > limit:
            cut = _cut(text, start, start + limit)
            out.append((index, start, cut))
            start = cut
        out.append((index, start, end))
    return out


def _cut(text: str, start: int, stop: int) -> int:
    """Where to end a piece of text[start:stop]: after its last sentence end, else after its last
    space (in the second half of the piece, so pieces stay large), else at `stop`."""
    half = start + (stop - start) // 2
    for pattern in (_SENTENCE_END, _SPACE):
        last = None
        for last in pattern.finditer(text, half, stop):
            pass
        if last is not None:
            return last.end()
    return stop
