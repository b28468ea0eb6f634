"""One list of the CAMEO codes that are not states, and everything that counts countries uses it."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from warta.actors.codes import NON_STATE, CodeParts, is_non_state, split
from warta.actors.people import split_code
from warta.actors.records import kind_of_code
from warta.model import Actor, Mention
from warta.pipeline.setting import foreign_in, home_country

WARTA = Path(__file__).resolve().parents[2] / "warta"


def test_the_non_state_codes_are_the_manuals_table():
    # CAMEO manual 1.1b3, table 3.2: International/Transnational Generic Codes
    assert NON_STATE == {"IGO", "IMG", "INT", "MNC", "NGM", "NGO", "UIS"}


@pytest.mark.parametrize("code, expected", [
    ("IGOUNO", True), ("NGOHRIAMN", True), ("IMGMOSALQ", True), ("MNC", True), ("NGMENV", True),
    ("UIS", True), ("INT", True), ("IRNGOV", False), ("USA", False), ("EUR", False), ("", False),
])
def test_is_non_state(code, expected):
    assert is_non_state(code) is expected


def test_kinds_and_parts_of_non_state_codes():
    assert kind_of_code("NGMENV") == "org"
    assert kind_of_code("UIS") == "org"
    assert kind_of_code("IMGMOSALQ") == "group"
    assert kind_of_code("IRNGOV") == "org"
    assert split("NGMUSAENV") == CodeParts("USA", "ENV", ("NGM",))
    assert split_code("MNCUSA") == Actor("MNCUSA", "MNC", "USA", None)


def _mention(code: str) -> Mention:
    return Mention(0, 0, 1, code, split_code(code), "org")


@pytest.mark.parametrize("prefix", sorted(NON_STATE))
def test_a_story_is_not_at_home_in_a_non_state_code(prefix):
    # three mentions of the non-state actor, two of Indonesia's government: Indonesia is home
    mentions = [_mention(prefix)] * 3 + [_mention("IDNGOV")] * 2
    assert home_country(mentions, None) == "IDN"
    assert not foreign_in([_mention(prefix)], "IDN")


def test_no_other_module_writes_a_list_of_non_state_prefixes():
    listed = re.compile(r'["\'](IGO|NGO|IMG|MNC|NGM|UIS|INT)["\']\s*,\s*["\'](IGO|NGO|IMG|MNC|NGM|UIS|INT)["\']')
    found = [str(p.relative_to(WARTA)) for p in WARTA.rglob("*.py")
             if p.name != "codes.py" and listed.search(p.read_text(encoding="utf-8"))]
    assert found == []
