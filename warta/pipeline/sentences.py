"""Split a document into paragraphs, sentences and tokens with spaCy.

spaCy's blank pipelines give a language's tokenizer rules and a rule-based
sentencizer; the pack adds abbreviations so "Dr." or "Menlu." do not end a
sentence, and numeric dates (16/7/2020) stay one token.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from functools import lru_cache, partial
from itertools import accumulate, chain, repeat
from operator import add

import spacy
from spacy.attrs import IDX, IS_PUNCT, LENGTH, ORTH
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from warta.lang import LanguagePack
from warta.lang.case import starts_lower
from warta.model import Analysis, Sentence, Token

_NUMERIC_DATE = re.compile(r"^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$")
_PARAGRAPH = re.compile(r"\n\s*\n")
# Scraped archives often join an article's paragraphs with a comma straight after the
# closing stop or quote ("... Selasa.,Menteri ..."): that comma is a paragraph break.
# (each branch opens with its comma, so the search skips to commas: the same matches as
# r"(?<=[.!?][\"'\u201d\u2019]),+|(?<=[.!?]),+(?=[\"'\u201c\u2018]?[^\W\d_])", ten times faster)
_JOINED_PARAGRAPH = re.compile(r",(?<=[.!?][\"'\u201d\u2019],),*|,(?<=[.!?],),*(?=[\"'\u201c\u2018]?[^\W\d_])")
_TOKEN_ATTRS = [IDX, LENGTH, IS_PUNCT]
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
        chunks = self.chunks
        # a special case with a space in it ("Dr. rer. nat.") can join tokens across chunks:
        # a paragraph that has one goes through spaCy's tokenizer whole
        spaced = chunks.spaced is not None and chunks.spaced.search(text) is not None
        for p_index, p_start, p_end in pieces:
            is_title = p_index == 0 and bool(title) and text[p_start:p_end].strip() == title
            if spaced and chunks.spaced.search(text, p_start, p_end):
                _add_run_sentences(text, chunks.whole(text, p_start, p_end), p_index, is_title, sentences)
                continue
            columns = chunks.columns(text, p_start, p_end)
            if columns is None:  # other whitespace than single spaces between words (rare)
                _add_run_sentences(text, chunks.tokens(text, p_start, p_end), p_index, is_title, sentences)
            else:
                _add_plain_sentences(text, columns, p_index, is_title, sentences)
        return analysis.with_(sentences=tuple(sentences))

    @property
    def chunks(self) -> "_Chunks":
        return _chunks(self.pack.spacy_lang, self.pack.abbreviations, tuple(sorted(self.pack.punctuation.items())))


def _add_plain_sentences(text: str, columns: tuple, p_index: int, is_title: bool, sentences: list[Sentence]) -> None:
    """Append the sentences of a paragraph of words and single spaces (`_Chunks.columns`): its
    tokens made in one pass over the columns, cut where spaCy's sentencizer starts a sentence."""
    starts, ends, words, lowers, kinds = columns
    tokens = tuple(map(_make_token, starts, ends, words, lowers))
    a = 0
    for b in _sentence_starts(kinds, words) + [len(tokens)]:
        first, end = starts[a], ends[b - 1]
        sentences.append(_make_sentence(len(sentences), first, end, text[first:end], p_index, tokens[a:b], is_title))
        a = b


def _sentence_starts(kinds: Sequence[int], texts: Sequence[str]) -> list[int]:
    """Where spaCy's sentencizer starts a sentence among a paragraph's tokens, the first excepted:
    at the first word (neither punctuation nor a sentence end) after a sentence end, unless a
    quote goes on there (`_quote_goes_on`). Only the sentence ends are visited (list.index)."""
    out: list[int] = []
    n = len(kinds)
    first = k = 0  # where the current sentence starts; where to look on from
    ends_left = kinds.count(_ENDS)
    while ends_left:
        k = kinds.index(_ENDS, k) + 1
        ends_left -= 1
        while k < n and kinds[k] != _WORD:  # punctuation, further ends, until a word
            ends_left -= kinds[k] == _ENDS
            k += 1
        if k == n:
            break
        if not _quote_goes_on(texts[max(first, k - 2):k], texts[k]):
            out.append(k)
            first = k
    return out


def _add_run_sentences(text: str, runs: list[tuple[int, tuple]], p_index: int, is_title: bool,
                       sentences: list[Sentence]) -> None:
    """Append the sentences of a paragraph given as chunks (`_Chunks.tokens`, `_Chunks.whole`),
    whitespace tokens included: spaCy's sentencizer over them, a token at a time."""
    tokens: list[Token] = []
    first = -1  # start of the current sentence, -1 before the paragraph's first token
    end = 0
    seen_end = False
    for at, chunk_tokens in runs:
        for i, j, word, lower, kind in chunk_tokens:
            if kind == _WORD:
                if seen_end:
                    seen_end = False
                    if not _quote_goes_on([t.text for t in tokens[-2:]], word):
                        if tokens:
                            sentences.append(_make_sentence(len(sentences), first, end, text[first:end], p_index,
                                                            tuple(tokens), is_title))
                        tokens = []
                        first = -1
            elif kind == _ENDS:
                seen_end = True
            i += at
            if first < 0:
                first = i
            end = at + j
            if lower is not None:  # not a whitespace token
                tokens.append(_make_token(i, end, word, lower))
    if tokens:
        sentences.append(_make_sentence(len(sentences), first, end, text[first:end], p_index, tuple(tokens), is_title))


# what a token is to the sentencizer: a sentence end (its text is one of the sentencizer's
# punctuation characters), other punctuation (spaCy's is_punct), or anything else
_WORD, _PUNCT, _ENDS = 0, 1, 2
# what spaCy's tokenizer cuts a text into before its rules: runs of non-space and of space characters,
# less the one space after a token (it is the token's); a first space is no chunk's
_RUN = re.compile(r" ?+(\S+|\s+)")
_LEADING_SPACE = re.compile(r"\s+")
# a paragraph whose chunks are not simply its split at spaces: other whitespace, two spaces
_ODD_SPACE = re.compile(r"[^\S ]|  ")


class _Chunks:
    """spaCy's tokenizer, remembered per chunk (a run of non-space characters, or of spaces).

    spaCy's tokenizer cuts a text at spaces first and tokenizes each chunk on its own (its
    prefix, suffix and infix rules, its special cases, its URL and token matches never look
    past a chunk); only a special case with a space inside ("Dr. rer. nat.") joins tokens
    across chunks, and a paragraph holding one of those goes to spaCy whole. So a chunk's
    tokens are the same wherever it appears: they are asked of spaCy the first time a chunk
    is seen (all of a paragraph's new chunks in one call, on lines of their own) and
    remembered, with their lower case (the pack's own marks read as ASCII ones: "،" -> ",")
    and what they are to the sentencizer. News repeats its words: on the Indonesian corpus nine
    chunks in ten are seen before."""

    MAX = 300_000  # chunks remembered; past that the memory starts again

    def __init__(self, nlp, marks: dict[str, str] | None = None):
        t = self.tokenizer = nlp.tokenizer
        self.marks = marks or {}  # a token's lower case is its mark's ASCII one
        self.ends = frozenset(nlp.get_pipe("sentencizer").punct_chars)
        self.cache: dict[str, tuple] = {}
        # the same tokens, laid out for `columns`: (step, length, text, lower case, kind) of each
        # token in a row, step being how far the next token starts (the next chunk's first token
        # after the last: one space between chunks)
        self.flat: dict[str, tuple] = {}
        self.rules = frozenset(t.rules)
        self.prefix, self.suffix, self.infixes = t.prefix_search, t.suffix_search, t.infix_finditer
        self.token_match, self.url_match = t.token_match, t.url_match
        self.is_punct = nlp.vocab.lex_attr_getters[IS_PUNCT]
        # each special case's tokens (its ORTHs), for the Python tokenizer (`_split`)
        self.specials = {key: tuple(piece[ORTH] if ORTH in piece else piece["ORTH"] for piece in pieces)
                         for key, pieces in t.rules.items()}
        spaced = sorted((r for r in self.tokenizer.rules if not r.isspace() and any(c.isspace() for c in r)),
                        key=len, reverse=True)
        self.spaced = re.compile("|".join(map(re.escape, spaced))) if spaced else None
        # whether no suffix or infix of the tokenizer can match in a word of ASCII letters alone:
        # then such a word that is no special case and opens with no prefix (Indonesian has letter
        # ones: "Rp", "USD") is one token, without the rest of `_split` (a third of the new chunks
        # of the Indonesian corpus: 12 us each)
        self.letters_whole = all(_no_letters_match(getattr(f, "__self__", None)) if f is not None else True
                                 for f in (self.suffix, self.infixes))

    def _spacy(self, string: str) -> list[tuple[int, int, str, str | None, int]]:
        """(start, end, text, lower case or None for whitespace, kind) of each token spaCy makes of string."""
        ends, marks = self.ends, self.marks
        out = []
        for idx, length, punct in self.tokenizer(string).to_array(_TOKEN_ATTRS).tolist():
            word = string if length == len(string) else string[idx : idx + length]
            kind = _ENDS if word in ends else _PUNCT if punct else _WORD
            lower = None if word.isspace() else marks.get(word, _lower(word))
            out.append((idx, idx + length, word, lower, kind))
        return out

    def whole(self, text: str, start: int, end: int) -> list[tuple[int, tuple]]:
        """The tokens of text[start:end] from spaCy's tokenizer itself, as `tokens` gives them."""
        return [(start, tuple(self._spacy(text[start:end])))]

    def columns(self, text: str, start: int, end: int) -> tuple | None:
        """The tokens of text[start:end] as five columns, from the memory: their starts and ends
        (offsets in text), texts, lower cases and kinds; None unless the paragraph is words and
        single spaces with no space at either end, so that its chunks are its split at spaces
        (nearly every paragraph). Columns let the caller make its tokens in one pass."""
        paragraph = text[start:end]
        if paragraph[0] == " " or paragraph[-1] == " " or "  " in paragraph or \
                (not paragraph.isprintable() and _ODD_SPACE.search(paragraph) is not None):
            return None  # (no whitespace but " " is printable: the pattern is asked only when some is not)
        chunks = paragraph.split(" ")
        flat = self.flat
        found = list(map(flat.get, chunks))  # one look-up a chunk (each is a new string: hashed once)
        if None in found:
            self._learn([chunk for chunk, toks in zip(chunks, found) if toks is None], chunks)
            found = list(map(flat.get, chunks))
            if None in found:
                return None
        rows = list(chain.from_iterable(found))
        starts = list(accumulate(rows[0::5], initial=start))  # (and one past the last token: unused)
        return starts, list(map(add, starts, rows[1::5])), rows[2::5], rows[3::5], rows[4::5]

    def tokens(self, text: str, start: int, end: int) -> list[tuple[int, tuple]]:
        """The chunks of text[start:end], each as (its offset in text, its tokens: (start, end,
        text, lower case or None for whitespace, kind), offsets in the chunk), from the memory."""
        cache = self.cache
        if text[start].isspace():  # leading whitespace is a chunk whole, a first space included
            m = _LEADING_SPACE.match(text, start, end)
            runs = [(start, m.group())]
            runs += [(m.start(1), m.group(1)) for m in _RUN.finditer(text, m.end(), end)]
        else:
            runs = [(m.start(1), m.group(1)) for m in _RUN.finditer(text, start, end)]
        new = [chunk for _, chunk in runs if chunk not in cache]
        if new:
            self._learn(new, [chunk for _, chunk in runs])
        return [(at, cache[chunk]) for at, chunk in runs]

    def _split(self, chunk: str) -> list[str] | None:
        """The texts of the tokens spaCy's tokenizer makes of a chunk, by its own steps in Python
        (Tokenizer._split_affixes and _attach_tokens: prefixes and suffixes cut while a special
        case, a token match or nothing is left; a special case's tokens, a token or URL match
        whole, or the infixes' pieces): spaCy's answers without its lexemes, made for every new
        word and three quarters of the time it took. None when spaCy's special-case matcher could
        retokenize what is cut (the tokens, joined, would make a special case again): spaCy says."""
        specials, token_match = self.specials, self.token_match
        prefix, suffix = self.prefix, self.suffix
        letters_whole = self.letters_whole  # no suffix or infix can match in ASCII letters: not asked there
        prefixes: list[str] = []
        suffixes: list[str] = []
        string = chunk
        last = 0
        while string and len(string) != last:
            if token_match is not None and token_match(string):
                break
            if string in specials:
                break
            last = len(string)
            pre_len = suf_len = 0
            if prefix is not None:
                m = prefix(string)
                if m is not None:
                    pre_len = m.end() - m.start()
            if pre_len:
                minus_pre = string[pre_len:]
                if minus_pre and minus_pre in specials:
                    prefixes.append(string[:pre_len])
                    string = minus_pre
                    break
            if suffix is not None:
                rest = string[pre_len:]
                m = None if letters_whole and rest.isascii() and rest.isalpha() else suffix(rest)
                if m is not None:
                    suf_len = m.end() - m.start()
            if suf_len:
                minus_suf = string[:-suf_len]
                if minus_suf and minus_suf in specials:
                    suffixes.append(string[-suf_len:])
                    string = minus_suf
                    break
            if pre_len and suf_len and pre_len + suf_len <= len(string):
                prefixes.append(string[:pre_len])
                suffixes.append(string[-suf_len:])
                string = string[pre_len:-suf_len]
            elif pre_len:
                prefixes.append(string[:pre_len])
                string = string[pre_len:]
            elif suf_len:
                suffixes.append(string[-suf_len:])
                string = string[:-suf_len]
        out = prefixes
        special = -1  # where a special case's tokens are, if one is
        if string:
            if string in specials:
                special = len(out)
                out.extend(specials[string])
            elif letters_whole and string.isascii() and string.isalpha():
                out.append(string)  # what every branch below gives it: no infix cuts it
            elif (token_match is not None and token_match(string)) or \
                    (self.url_match is not None and self.url_match(string)):
                out.append(string)
            elif self.infixes is None:
                out.append(string)
            else:
                start = 0
                for m in self.infixes(string):
                    i, j = m.start(), m.end()
                    if i == 0:
                        continue
                    if i != start:
                        out.append(string[start:i])
                    if i != j:
                        out.append(string[i:j])
                    start = j
                if start < len(string):
                    out.append(string[start:])
        if suffixes:
            out.extend(reversed(suffixes))
        if len(out) > 1 and self._respecial(out, special):
            return None
        return out

    def _respecial(self, pieces: list[str], special: int) -> bool:
        """Could spaCy's special-case matcher (run over the tokens after the cutting) find a
        special case among these pieces? A run of them that makes one when joined, other than
        the special case's own tokens."""
        specials = self.specials
        n = len(pieces)
        for a in range(n):
            joined = pieces[a]
            if a != special and joined in specials and specials[joined] != (joined,):
                return True
            for b in range(a + 1, n):
                joined += pieces[b]
                if joined in specials:
                    return True
        return False

    def _remember(self, chunk: str, tokens: tuple) -> None:
        """Keep a chunk's tokens, as `tokens` and as `columns` read them (when its first token
        starts it, as spaCy's always do: else `columns` leaves its paragraphs to `tokens`)."""
        self.cache[chunk] = tokens
        if len(tokens) == 1 and tokens[0][0] == 0:  # most chunks: one token, the chunk itself
            _, j, word, lower, kind = tokens[0]
            self.flat[chunk] = (len(chunk) + 1, j, word, lower, kind)
        elif tokens and tokens[0][0] == 0:
            row: list = []
            for (i, j, word, lower, kind), following in zip(tokens, [t[0] for t in tokens[1:]] + [len(chunk) + 1]):
                row += (following - i, j - i, word, lower, kind)
            self.flat[chunk] = tuple(row)

    def _learn(self, new: list[str], chunks: list[str]) -> None:
        """Remember the tokens of the `new` chunks of a paragraph (`chunks`: all of them)."""
        cache = self.cache
        if len(cache) + len(new) > self.MAX:  # the memory starts again, with the whole paragraph
            cache.clear()
            self.flat.clear()
            new = chunks
        ends, is_punct, marks = self.ends, self.is_punct, self.marks
        letters_whole, specials, prefix = self.letters_whole, self.specials, self.prefix
        words = []
        for chunk in dict.fromkeys(new):
            if chunk[0].isspace():  # on its own: a line break would join it
                self._remember(chunk, tuple(self._spacy(chunk)))
                continue
            if letters_whole and chunk.isascii() and chunk.isalpha() and chunk not in specials \
                    and (prefix is None or not _cuts(prefix(chunk))):
                pieces = (chunk,)  # what `_split` answers for it (`letters_whole`)
            else:
                pieces = self._split(chunk)
            if pieces is None:
                words.append(chunk)
                continue
            if len(pieces) == 1:
                pieces = (chunk,)  # the chunk is one token: its own string, kept once
            mine = []
            i = 0
            for word in pieces:
                j = i + len(word)
                kind = _ENDS if word in ends else _PUNCT if is_punct(word) else _WORD
                mine.append((i, j, word, marks.get(word, _lower(word)), kind))
                i = j
            self._remember(chunk, tuple(mine))
        if not words:
            return
        # what spaCy's matcher could retokenize: one call for them all, a line each: a line break
        # is a token of its own, so no rule can join tokens of two chunks
        tokens = self._spacy("\n".join(words))
        k = 0
        base = 0
        for chunk in words:
            stop = base + len(chunk)
            mine = []
            while k < len(tokens) and tokens[k][0] < stop:
                i, j, word, lower, kind = tokens[k]
                if len(word) == len(chunk):  # the chunk is one token: its own string, kept once
                    word, lower = chunk, chunk if lower == word else lower
                mine.append((i - base, j - base, word, lower, kind))
                k += 1
            self._remember(chunk, tuple(mine))
            while k < len(tokens) and tokens[k][0] < stop + 1:  # the line break
                k += 1
            base = stop + 1


def _lower(word: str) -> str:
    """The word in lower case: the word itself when it is written so (one string where one does)."""
    lower = word.lower()
    return word if lower == word else lower


def _cuts(m: re.Match | None) -> bool:
    """Whether a prefix or suffix match cuts something off (an empty one does not)."""
    return m is not None and m.end() > m.start()


_ASCII_LETTERS = tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _no_letters_match(pattern) -> bool:
    """Whether the pattern (a compiled re pattern; None: no rule) surely matches nothing in a
    string of ASCII letters alone: every branch of it needs a character that is no such letter.
    Read from the parsed pattern; whatever it cannot judge counts as a possible match."""
    if pattern is None:
        return True
    if not isinstance(pattern, re.Pattern):
        return False
    try:
        import re._compiler as compiler
        import re._constants as sre
        import re._parser as parser

        parsed = parser.parse(pattern.pattern, pattern.flags)
        return not _letters_may_match(parsed, parsed.state, pattern.flags, compiler, sre, parser)
    except Exception:  # noqa: BLE001 - another Python's parser: no shortcut
        return False


def _letters_may_match(sub, state, flags, compiler, sre, parser) -> bool:
    """Can this parsed sequence match some string of ASCII letters (the empty one included)?"""
    for op, av in sub.data:
        if op is sre.ASSERT:  # a lookahead or lookbehind, within the same letters
            if not _letters_may_match(av[1], state, flags, compiler, sre, parser):
                return False
            continue
        if op in (sre.AT, sre.ASSERT_NOT):
            continue  # consumes nothing: can only keep a match from happening
        if op is sre.LITERAL:
            if chr(av) not in _ASCII_LETTERS:
                return False
        elif op is sre.IN:
            one = compiler.compile(parser.SubPattern(state, [(op, av)]), flags)
            if not any(one.fullmatch(c) for c in _ASCII_LETTERS):
                return False
        elif op is sre.BRANCH:
            if not any(_letters_may_match(b, state, flags, compiler, sre, parser) for b in av[1]):
                return False
        elif op is sre.SUBPATTERN:
            if not _letters_may_match(av[-1], state, flags, compiler, sre, parser):
                return False
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
            if av[0] > 0 and not _letters_may_match(av[2], state, flags, compiler, sre, parser):
                return False
        # anything else (any character, a backreference, ...): may match
    return True


@lru_cache(maxsize=8)
def _chunks(spacy_lang: str, abbreviations: tuple[str, ...], marks: tuple[tuple[str, str], ...] = ()) -> _Chunks:
    """The chunk memory of a tokenizer and a pack's marks (`marks`: its [punctuation] items)."""
    return _Chunks(_blank_pipeline(spacy_lang, abbreviations), dict(marks))


def _quote_goes_on(before: Sequence[str], word: str) -> bool:
    """An exclamation or question inside a quote, the sentence going on in lower case after the
    closing mark: 'They shouted "shame!" and left.' is one sentence, not two. `before`: the texts
    of the sentence's tokens before `word` (its last two are enough)."""
    return starts_lower(word) and len(before) >= 2 and before[-1] in _CLOSING_QUOTES and before[-2][-1:] in "!?"


_CLOSING_QUOTES = frozenset({'"', "”", "'", "’"})


class _TokenMaking:
    """Makes Token(start, end, text, lower), faster: see `_fast_maker`."""
    __slots__ = ("start", "end", "text", "lower")

    def __init__(self, start, end, text, lower):
        self.start = start
        self.end = end
        self.text = text
        self.lower = lower
        self.__class__ = Token


class _SentenceMaking:
    """Makes Sentence(index, start, end, text, paragraph, tokens, is_title), faster: see `_fast_maker`."""
    __slots__ = ("index", "start", "end", "text", "paragraph", "tokens", "is_title")

    def __init__(self, index, start, end, text, paragraph, tokens, is_title):
        self.index = index
        self.start = start
        self.end = end
        self.text = text
        self.paragraph = paragraph
        self.tokens = tokens
        self.is_title = is_title
        self.__class__ = Sentence


def _fast_maker(cls, making):
    """`making` if it makes the very objects cls() makes, given all the fields in order; else cls.

    A document has thousands of tokens, and a frozen dataclass's __init__ sets each field through
    object.__setattr__. `making` has cls's slots, in the same order, and a plain __init__ that
    ends by giving the instance cls as its class (allowed between classes of one layout): the
    object is then the very one cls() makes, in about 40% of the time (a Token: 0.19 against
    0.48 us when made by map()). Should cls ever change shape (other fields, a __post_init__), or
    the class not be assignable, cls itself."""
    names = tuple(f.name for f in dataclasses.fields(cls))
    if names != making.__slots__ or cls.__dict__.get("__slots__") != names or hasattr(cls, "__post_init__"):
        return cls
    values = tuple(range(len(names)))
    try:
        probe = making(*values)
    except TypeError:
        return cls
    return making if type(probe) is cls and probe == cls(*values) else cls


_make_token = _fast_maker(Token, _TokenMaking)
_make_sentence = _fast_maker(Sentence, _SentenceMaking)


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
        prefix_search=_prefix_search(compile_prefix_regex(d.prefixes)) if d.prefixes else None,
        suffix_search=compile_suffix_regex(d.suffixes).search if d.suffixes else None,
        infix_finditer=compile_infix_regex(d.infixes).finditer if d.infixes else None,
        token_match=_NUMERIC_DATE.match, url_match=d.url_match)


def _prefix_search(pattern: re.Pattern):
    """`pattern.search` for spaCy's prefix pattern, answering the same faster (`_PrefixSearch`)."""
    fast = _PrefixSearch(pattern)
    return pattern.match if fast.loose is None else fast  # every branch anchored: match is search


class _PrefixSearch:
    """`pattern.search`, faster: spaCy's prefix pattern is one branch per prefix, each anchored
    with ^, and `search` tries them all at every position of a word (10 µs a word on
    Indonesian) where `match` tries them at its start only. A branch without the anchor (one
    piece of the pattern has a "|" of its own: "<a([^>]+)>") can match further on: when it
    does, `search` itself answers. Its answers are `search`'s, match for match. And `match`
    is not asked when the word's first character opens no branch (`_openers`: most words, whose
    letter starts only a few currency prefixes: 1.5 µs a word for all the branches)."""

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        self.match, self.search = pattern.match, pattern.search
        self.loose = _unanchored(pattern)
        self.opens = _openers(pattern)

    def __call__(self, string: str):
        m = None if self.opens is not None and self.opens.match(string) is None else self.match(string)
        if m is not None or self.loose is None or self.loose.search(string) is None:
            return m
        return self.search(string)

    def __reduce__(self):
        return (_PrefixSearch, (self.pattern,))


def _openers(pattern: re.Pattern) -> re.Pattern | None:
    """A pattern of one character that matches the first character of every match of `pattern`
    (each branch's first item that takes a character), or None when the parse cannot tell (a
    branch may match nothing, or opens with something else)."""
    try:
        import re._compiler as compiler
        import re._constants as sre
        import re._parser as parser

        parsed = parser.parse(pattern.pattern, pattern.flags)
        items = _opening_items(parsed, sre)
        if not items:
            return None
        alternatives = [parser.SubPattern(parsed.state, [item]) for item in items]
        return compiler.compile(parser.SubPattern(parsed.state, [(sre.BRANCH, (None, alternatives))]), pattern.flags)
    except Exception:  # noqa: BLE001 - another Python's parser: no shortcut, the same answers
        return None


def _opening_items(sub, sre) -> list | None:
    """The one-character items (a literal, a class) one of which takes the first character of any
    match of this parsed sequence; None when that cannot be told."""
    repeats = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None))
    for op, av in sub.data:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # takes no character (a lookaround only keeps a match from happening)
        if op in (sre.LITERAL, sre.NOT_LITERAL, sre.IN):
            return [(op, av)]
        if op is sre.SUBPATTERN:
            return None if av[1] or av[2] else _opening_items(av[-1], sre)  # (own flags: not told)
        if op is sre.BRANCH:
            items = []
            for branch in av[1]:
                opening = _opening_items(branch, sre)
                if opening is None:
                    return None
                items += opening
            return items
        if op in repeats and av[0] >= 1:
            return _opening_items(av[2], sre)
        return None
    return None  # nothing taken: it may match the empty string


def _unanchored(pattern: re.Pattern) -> re.Pattern | None:
    """The branches of `pattern` not anchored at the start (^), as a pattern of their own (None
    if there are none); should the pattern's shape be other than expected, the whole pattern."""
    try:
        import re._compiler as compiler
        import re._constants as sre
        import re._parser as parser

        parsed = parser.parse(pattern.pattern, pattern.flags)
        if parsed.data and parsed.data[0] == (sre.AT, sre.AT_BEGINNING):  # the parser took ^ out of every branch
            return None
        (op, (_, branches)), = parsed.data
        if op is not sre.BRANCH:
            return pattern
        loose = [b for b in branches if not (b.data and b.data[0] == (sre.AT, sre.AT_BEGINNING))]
        if not loose:
            return None
        return compiler.compile(parser.SubPattern(parsed.state, [(sre.BRANCH, (None, loose))]), pattern.flags)
    except Exception:  # noqa: BLE001 - another Python's parser: no shortcut, the same answers
        return pattern


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
