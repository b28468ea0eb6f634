"""The sentence splitter against spaCy itself, on whole corpora: every sentence and token the
splitter makes (its chunk memory, its own sentencizer) must be what spaCy's tokenizer and
sentencizer make of the same paragraphs (less the breaks inside a quote that goes on, which the
splitter leaves out: warta.pipeline.sentences._quote_goes_on).

    python benchmarks/sentences_check.py                  # the shared corpora (../shared/corpora), every document
    python benchmarks/sentences_check.py PATH... [--lang id] [--docs N]

Prints the documents and sentences compared and each document that differs (exit status 1).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from realtext import CORPUS_LANG, shared_corpora  # noqa: E402
from spacy.attrs import IDX, LENGTH, SENT_START  # noqa: E402

from warta.lang import LanguagePack  # noqa: E402
from warta.model import Analysis, Document  # noqa: E402
from warta.pipeline.sentences import PIECE_CHARS, SentenceSplitter, _paragraph_spans, _pieces, _quote_goes_on  # noqa: E402


class _Tok:
    def __init__(self, text, start, end):
        self.text, self.start, self.end = text, start, end


def spacy_sentences(splitter: SentenceSplitter, text: str, title: str) -> list[tuple]:
    """(start, end, paragraph, is title, tokens) of each sentence, as spaCy's pipeline splits it."""
    nlp = splitter.nlp
    pieces = _pieces(text, _paragraph_spans(text), min(PIECE_CHARS, nlp.max_length // 2))
    out = []
    for (p_index, p_start, p_end), parsed in zip(pieces, nlp.pipe(text[s:e] for _, s, e in pieces)):
        is_title = p_index == 0 and bool(title) and text[p_start:p_end].strip() == title
        tokens, first, end = [], -1, 0
        for idx, length, sent_start in parsed.to_array([IDX, LENGTH, SENT_START]).tolist():
            if sent_start == 1 and first >= 0 and not _quote_goes_on([t.text for t in tokens[-2:]], text[p_start + idx:p_start + idx + length]):
                if tokens:
                    out.append((first, end, p_index, is_title, tuple((t.start, t.end) for t in tokens)))
                tokens, first = [], -1
            start = p_start + idx
            end = start + length
            if first < 0:
                first = start
            if not text[start:end].isspace():
                tokens.append(_Tok(text[start:end], start, end))
        if tokens:
            out.append((first, end, p_index, is_title, tuple((t.start, t.end) for t in tokens)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--lang", help="the pack for PATHs (default: from the corpus name, else id)")
    ap.add_argument("--docs", type=int, help="only the first N documents of each corpus")
    args = ap.parse_args()
    from warta.read import read_paths

    corpora = [(p, args.lang or CORPUS_LANG.get(p.name.split(".")[0], "id")) for p in args.paths] \
        or [(p, lang) for lang, p in sorted(shared_corpora().items())]
    bad = 0
    for path, lang in corpora:
        splitter = SentenceSplitter(LanguagePack.load(lang))
        docs = sents = 0
        for d in read_paths([path]):
            if not isinstance(d, Document):
                continue
            if args.docs and docs >= args.docs:
                break
            docs += 1
            ours = [(s.start, s.end, s.paragraph, s.is_title, tuple((t.start, t.end) for t in s.tokens))
                    for s in splitter(Analysis(d)).sentences]
            theirs = spacy_sentences(splitter, d.text, (d.title or "").strip())
            sents += len(theirs)
            if ours != theirs:
                bad += 1
                k = next((i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b), min(len(ours), len(theirs)))
                print(f"DIFFERENT: {path.name} {d.id}, sentence {k}:\n  ours   {ours[k:k + 1]}\n  spaCy's {theirs[k:k + 1]}")
        print(f"{path.name} ({lang}): {docs:,} documents, {sents:,} sentences compared, "
              f"{len(splitter.chunks.cache):,} chunks remembered")
    print("identical" if not bad else f"{bad} documents differ")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
