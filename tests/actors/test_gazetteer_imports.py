"""Imported names in the gazetteer: acronyms and short names match only as written."""
from __future__ import annotations

from warta.actors.gazetteer import Gazetteer
from warta.actors.people import People
from warta.lang import LanguagePack


def _found(gazetteer: Gazetteer, text: str) -> set[str]:
    return {text[s:e] for s, e, entry in gazetteer.find(text) if entry.kind != "word"}


def test_imported_acronyms_and_short_names_keep_their_case():
    extra = (("NCG", "NTHMIL", "org"), ("Qom", "IRN", "country"), ("Goa", "IND", "country"),
             ("Northland Coast Guard", "NTHMIL", "org"))
    gaz = Gazetteer(LanguagePack.load("id"), People(), extra)
    assert _found(gaz, "NCG menahan kapal di dekat Qom.") == {"NCG", "Qom"}
    assert _found(gaz, "Mereka masuk ke goa itu, ncg.") == set()  # "goa" is a cave in Indonesian
    assert _found(gaz, "northland coast guard menahan kapal.") == {"northland coast guard"}
