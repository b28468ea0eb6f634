"""The English pack's own rows: every verb, actor and role example does what its row says.

Coded through the real coder (`Coder.load(["en"])`), so a row whose example no
longer works fails here the day it breaks.
"""
from __future__ import annotations

from datetime import datetime, timezone
from functools import lru_cache

import pytest

from warta.coder import Coder
from warta.lang import LanguagePack
from warta.model import Analysis, Document

PUBLISHED = datetime(2024, 3, 1, 9, 0, tzinfo=timezone.utc)
PACK = LanguagePack.load("en")


@lru_cache(maxsize=1)
def _coder() -> Coder:
    return Coder.load(["en"])


def _code(text: str) -> Analysis:
    return _coder().code(Document("example", text, published=PUBLISHED, lang="en"))


@pytest.mark.parametrize("entry", PACK.verbs, ids=[e.id for e in PACK.verbs])
def test_verb_example_codes_its_event(entry):
    events = _code(entry.example).events
    mine = [e for e in events if e.code == entry.code and e.rule.startswith(f"lexicon:en:{entry.id}:")]
    assert mine, f"{entry.example!r} gave {[(e.source, e.target, e.code, e.rule) for e in events]}"
    source, target = entry.expected.split()
    assert any(e.source.startswith(source) and e.target.startswith(target) for e in mine), \
        f"expected {source} -> {target}, got {[(e.source, e.target) for e in mine]}"


def test_every_verb_row_names_its_actors():
    assert [e.id for e in PACK.verbs if len(e.expected.split()) != 2] == []


def test_every_cameo_root_has_an_entry():
    assert {e.code[:2] for e in PACK.verbs} == {f"{n:02d}" for n in range(1, 21)}


@pytest.mark.parametrize("entry", PACK.actors, ids=[e.names[0] for e in PACK.actors])
def test_actor_example_names_the_actor(entry):
    mentions = _code(entry.example).mentions
    assert any(m.actor and m.actor.code == entry.code for m in mentions), \
        f"{entry.example!r} gave {[(m.text, m.actor and m.actor.code) for m in mentions]}"


@pytest.mark.parametrize("entry", PACK.roles, ids=[e.phrases[0] for e in PACK.roles])
def test_role_example_gives_the_sector(entry):
    mentions = _code(entry.example).mentions
    assert any(m.actor and m.actor.sector == entry.sector for m in mentions), \
        f"{entry.example!r} gave {[(m.text, m.actor and m.actor.code) for m in mentions]}"
