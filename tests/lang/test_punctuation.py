"""Stages compare a token's `lower` with ASCII marks; a pack maps its script's own marks to them
(pack.toml [punctuation]), and a non-breaking hyphen is a hyphen in every pack."""
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


def test_the_shipped_packs_map_no_marks_of_their_own():
    for code in ("en", "id", "ms"):
        assert LanguagePack.load(code).punctuation == {"\u2011": "-"}


@pytest.fixture
def broken_pack(tmp_path, monkeypatch):
    folder = tmp_path / "ar"
    shutil.copytree(ARABIC, folder)
    toml = folder / "pack.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('"," = ["،"]', '"x" = ["،"]'), encoding="utf-8")
    monkeypatch.setenv(PACKS_ENV, str(tmp_path))
    refresh()
    yield
    monkeypatch.delenv(PACKS_ENV)
    refresh()


def test_a_mark_the_stages_do_not_read_is_refused(broken_pack):
    with pytest.raises(LanguagePackError, match=r"\[W100\] ar/pack.toml \[punctuation\]: 'x'"):
        LanguagePack.load("ar")


def test_no_stage_compares_a_tokens_text_with_a_mark():
    """A mark is compared in the token's `lower`, where a pack's own marks are read as ASCII."""
    import re

    import warta

    compared = re.compile(r"""\.text\s*(?:==|!=|in)\s*\(?\s*["'][,;:?!\-]["']""")
    stages = Path(warta.__file__).parent / "pipeline"
    found = [f"{p.name}:{n}" for p in sorted(stages.glob("*.py"))
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if compared.search(line)]
    assert found == []
