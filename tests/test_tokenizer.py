"""The sentence splitter's tokenizer, made in one pass, is spaCy's own for the language with
the pack's abbreviations and numeric dates added, as adding them one by one afterwards makes it."""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from warta.lang import LanguagePack, available_languages
from warta.pipeline.sentences import _NUMERIC_DATE, _blank_pipeline

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _added_afterwards(pack: LanguagePack):
    nlp = spacy.blank(pack.spacy_lang)
    for abbr in pack.abbreviations:
        for form in {abbr, abbr.lower(), abbr.upper(), abbr.capitalize()}:
            nlp.tokenizer.add_special_case(form, [{"ORTH": form}])
    nlp.tokenizer.token_match = _NUMERIC_DATE.match
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.mark.slow
@pytest.mark.parametrize("lang", available_languages())
def test_one_pass_tokenizer_splits_as_spacys_with_rules_added(lang):
    pack = LanguagePack.load(lang)
    ours, theirs = _blank_pipeline(pack.spacy_lang, pack.abbreviations), _added_afterwards(pack)
    assert ours.tokenizer.rules == theirs.tokenizer.rules
    assert pack.abbreviations and all(a in ours.tokenizer.rules for a in pack.abbreviations)
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.rglob("*.txt"))]
    texts += [f"{a} Budi tiba pada 16/7/2020. Lalu pergi." for a in pack.abbreviations]
    assert len(texts) > len(pack.abbreviations)
    for text in texts:
        assert [(t.idx, len(t), t.is_sent_start) for t in ours(text)] == \
               [(t.idx, len(t), t.is_sent_start) for t in theirs(text)], text[:80]
    assert len(ours("pada 16/7/2020.")) == 3  # the date stays one token
