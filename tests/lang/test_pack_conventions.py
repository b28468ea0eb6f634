"""Conventions a pack states in pack.toml: stages compare a token's `lower` with ASCII marks, and a
pack maps its script's own marks to them ([punctuation]; a non-breaking hyphen is a hyphen in every
pack); `word_order` says whether a clause may open with its verb."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from warta.coder import Coder
from warta.errors import LanguagePackError
from warta.lang import PACKS_ENV, LanguagePack, refresh
from warta.model import Document

ARABIC = Path(__file__).resolve().parents[1] / "fixtures" / "packs" / "ar"


def test_a_non_breaking_hyphen_is_a_hyphen():
    coder = Coder.load(["en"])
    text = "Iran \u2011 Russia talks went on."  # spaced: spaCy splits no word at this hyphen
    sent = coder.code(Document("d", text, lang="en")).sentences[0]
    assert "\u2011" in [t.text for t in sent.tokens]
    assert [t.lower for t in sent.tokens if t.text == "\u2011"] == ["-"]


def test_the_shipped_packs_map_no_marks_of_their_own_and_put_the_subject_first():
    for code in ("en", "id", "ms"):
        assert LanguagePack.load(code).punctuation == {"\u2011": "-"}
        assert LanguagePack.load(code).word_order == "SVO"


@pytest.mark.parametrize("written, broken, message", [
    ('"," = ["،"]', '"x" = ["،"]', r"\[W100\] ar/pack.toml \[punctuation\]: 'x'"),  # a mark the stages do not read
    ('word_order = "VSO"', 'word_order = "OVS"', r"\[W100\] ar/pack.toml: word_order 'OVS' is none of SVO, VSO"),
])
def test_a_convention_the_stages_do_not_know_is_refused(tmp_path, monkeypatch, written, broken, message):
    folder = tmp_path / "ar"
    shutil.copytree(ARABIC, folder)
    toml = folder / "pack.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(written, broken), encoding="utf-8")
    monkeypatch.setenv(PACKS_ENV, str(tmp_path))
    refresh()
    try:
        with pytest.raises(LanguagePackError, match=message):
            LanguagePack.load("ar")
    finally:
        monkeypatch.delenv(PACKS_ENV)
        refresh()


def test_no_stage_compares_a_tokens_text_with_a_mark():
    """A mark is compared in the token's `lower`, where a pack's own marks are read as ASCII."""
    import re

    import warta

    compared = re.compile(r"""\.text\s*(?:==|!=|in)\s*\(?\s*["'][,;:?!\-]["']""")
    stages = Path(warta.__file__).parent / "pipeline"
    found = [f"{p.name}:{n}" for p in sorted(stages.glob("*.py"))
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if compared.search(line)]
    assert found == []
