"""The sentence splitter remembers spaCy's tokenizer per chunk and does spaCy's sentencizer in
Python (warta.pipeline.sentences._Chunks): its sentences and tokens must be those spaCy's own
pipeline makes of the same paragraphs, whatever the spaces, special cases and affixes.
(benchmarks/sentences_check.py compares the two on whole corpora.)"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.attrs import IDX, LENGTH, SENT_START

from warta.lang import LanguagePack, available_languages
from warta.model import Analysis, Document
from warta.pipeline.sentences import (PIECE_CHARS, SentenceSplitter, _paragraph_spans, _pieces, _prefix_search,
                                      _quote_goes_on)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

TRICKY = [
    "  Leading spaces. Then words.",
    " One leading space.  Two spaces.   Three.\tTab.\u00a0No-break space. End ",
    "Dr. rer. nat. Budi tiba. Dr. med Ani pergi. (Dr. Budi) datang. x/Dr. y",
    "Rp10.000, US$5, USD 3, Rp353.300.000,- dan <a href=x>tautan</a> <b/>.",
    "Lihat https://contoh.id/berita?id=3. Surel a@b.id! Tanggal 16/7/2020.",
    "Ia berkata,\"Tidak.\"Lalu pergi... Benar?! \u201cYa,\u201d katanya.,Menteri datang.",
    "sama-sama, teman-temannya; 1.700-an (28), 23%, KPN), diri). Ir.Soekarno",
    "I can't, won't, gonna do it. U.S. officials said so. It's 5 p.m. Mr. Smith's.",
    'They shouted "shame!" and left. "Why?" she asked. He said \u201cno!\u201d Then went.',
]


def _spacys(splitter: SentenceSplitter, text: str) -> list[tuple]:
    nlp = splitter.nlp
    pieces = _pieces(text, _paragraph_spans(text), min(PIECE_CHARS, nlp.max_length // 2))
    out = []
    for (p_index, p_start, _), parsed in zip(pieces, nlp.pipe(text[s:e] for _, s, e in pieces)):
        tokens, first, end = [], -1, 0
        for idx, length, sent_start in parsed.to_array([IDX, LENGTH, SENT_START]).tolist():
            word = text[p_start + idx:p_start + idx + length]
            if sent_start == 1 and first >= 0 and not _quote_goes_on([t[2] for t in tokens[-2:]], word):
                if tokens:
                    out.append((first, end, p_index, tuple(tokens)))
                tokens, first = [], -1
            start, end = p_start + idx, p_start + idx + length
            first = start if first < 0 else first
            if not text[start:end].isspace():
                tokens.append((start, end, text[start:end], text[start:end].lower()))
        if tokens:
            out.append((first, end, p_index, tuple(tokens)))
    return out


@pytest.mark.parametrize("lang", available_languages())
def test_sentences_and_tokens_are_spacys(lang):
    splitter = SentenceSplitter(LanguagePack.load(lang))
    texts = TRICKY + [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.rglob("*.txt"))]
    for text in texts * 2:  # the second time from the chunks' memory
        ours = [(s.start, s.end, s.paragraph, tuple((t.start, t.end, t.text, t.lower) for t in s.tokens))
                for s in splitter(Analysis(Document("d", text))).sentences]
        assert ours == _spacys(splitter, text), text[:80]


@pytest.mark.parametrize("lang", available_languages())
def test_prefix_search_answers_as_search(lang):
    import spacy
    from spacy.util import compile_prefix_regex

    pattern = compile_prefix_regex(spacy.util.get_lang_class(LanguagePack.load(lang).spacy_lang).Defaults.prefixes)
    fast = _prefix_search(pattern)
    words = [w for text in TRICKY for w in text.split()] + ["<a href=x>y", "x<a b>", "a<a>", "+a", "+1", "$5", "…x"]
    words += [chr(c) + end for c in range(0x3000) for end in ("", "x", "1")] + [""]  # every opening character (`_openers`)
    for w in words:
        a, b = pattern.search(w), fast(w)
        assert (a and a.span()) == (b and b.span()), w
    assert re.compile("^a|^b").search("xb") is None  # what the shortcut rests on


@pytest.mark.parametrize("lang", available_languages())
def test_a_word_of_letters_is_one_token_as_split_says(lang):
    """A new chunk of ASCII letters skips `_split` when no suffix or infix can match letters and no
    prefix cuts it: `_split` answers the same for it, the currency prefixes ("Rp", "USD") included."""
    from warta.pipeline.sentences import _chunks, _cuts

    pack = LanguagePack.load(lang)
    chunks = _chunks(pack.spacy_lang, pack.abbreviations)
    words = [w for text in TRICKY for w in re.findall(r"[A-Za-z]+", text)]
    words += ["Rp", "Rpx", "USDA", "IDR", "RMBs", "SGD", "XD", "xD", "Lc", "km", "kmh", "US", "Dr", "tsb", "dll", "yg"]
    for w in words:
        if w not in chunks.specials and not _cuts(chunks.prefix(w)):
            assert not chunks.letters_whole or chunks._split(w) == [w], w


def test_letter_patterns_are_read_from_the_parse():
    from warta.pipeline.sentences import _no_letters_match

    assert _no_letters_match(re.compile(r",|;|\.\.+")) and _no_letters_match(re.compile(r"(?<=[0-9])km"))
    assert not _no_letters_match(re.compile(r"a|,")) and not _no_letters_match(re.compile(r"(?<=[a-z])km"))
    assert not _no_letters_match(re.compile(r"x*")) and not _no_letters_match(re.compile(r"[^,]"))


@pytest.mark.parametrize("lang", available_languages())
def test_columns_are_the_chunks_tokens(lang):
    """`_Chunks.columns` (a paragraph of words and single spaces, as columns) gives the tokens
    `_Chunks.tokens` gives, chunk by chunk; any other paragraph it leaves to `tokens`."""
    pack = LanguagePack.load(lang)
    chunks = SentenceSplitter(pack).chunks
    texts = TRICKY + [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.rglob("*.txt"))][:20]
    plain = 0
    for text in texts:
        for _, start, end in _pieces(text, _paragraph_spans(text), PIECE_CHARS):
            columns = chunks.columns(text, start, end)
            if columns is None:
                assert text[start] == " " or text[end - 1] == " " or re.search(r"[^\S ]|  ", text[start:end])
                continue
            plain += 1
            runs = [(at + i, at + j, word, lower, kind) for at, toks in chunks.tokens(text, start, end)
                    for i, j, word, lower, kind in toks]
            assert list(zip(*columns)) == runs, text[start:end][:80]
    assert plain


def test_sentence_starts_are_the_token_loops():
    """The sentence ends found by `_sentence_starts` (on columns) are those the token-at-a-time
    sentencizer (`_add_run_sentences`) finds, quotes that go on included."""
    import random

    from warta.pipeline.sentences import _ENDS, _PUNCT, _WORD, _add_plain_sentences, _add_run_sentences

    kinds = {"a": _WORD, "b": _WORD, "C": _WORD, ".": _ENDS, "!": _ENDS, "?": _ENDS, "x!": _WORD,
             '"': _PUNCT, "\u201d": _PUNCT, ",": _PUNCT, "(": _PUNCT}
    rng = random.Random(16)
    for _ in range(3000):
        words = rng.choices(list(kinds), k=rng.randint(1, 12))
        starts, text = [], ""
        for w in words:
            starts.append(len(text))
            text += w + " "
        ends = [s + len(w) for s, w in zip(starts, words)]
        run, plain = [], []
        _add_run_sentences(text, [(s, ((0, len(w), w, w, kinds[w]),)) for s, w in zip(starts, words)], 0, False, run)
        _add_plain_sentences(text, (starts, ends, words, words, [kinds[w] for w in words]), 0, False, plain)
        assert plain == run, words
