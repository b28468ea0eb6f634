"""PLOVER GSR scoring: name translation, category accuracy and precision, confusion, actor agreement."""
from __future__ import annotations

import json

from tests.conftest import shared_path
from tests.evaluation.stubs import StubCoder
from warta.evaluation.plover import NONE, clean_actor, evaluate_gsr, load_cases, plover_name
from warta.ontology import Ontology


def _case(rid: str, text: str, category: str, events: list[tuple[str, str]]) -> dict:
    return {"id": f"gsr:{rid}", "record_id": rid, "text": text, "date": "2000-01-01", "language": "en",
            "events": [{"source": s, "target": t, "code": category} for s, t in events],
            "plover": {"event": category}}


def _write(tmp_path, cases) -> list:
    path = tmp_path / "cases.jsonl"
    path.write_text("".join(json.dumps(c) + "\n" for c in cases), encoding="utf-8")
    return load_cases(path)


def test_plover_05_names_become_the_2021_names_the_ontology_uses():
    assert plover_name("DEMAND") == "REQUEST"
    assert plover_name("disapprove") == "ACCUSE" and plover_name("INVESTIGATE") == "ACCUSE"
    assert plover_name("FIGHT") == "ASSAULT" and plover_name("AGREE") == "AGREE"
    used = {c.plover for c in Ontology.load().codes() if c.plover}
    assert {plover_name(n) for n in ("DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT")} <= used


def test_gold_actor_codes_are_cleaned():
    assert clean_actor("PSE***") == "PSE"
    assert clean_actor("JAPGOV") == "JPNGOV" and clean_actor("SRBCVLalb") == "SRBCVLALB"
    assert clean_actor("") == "" and clean_actor(None) == ""


def test_accuracy_precision_confusion_and_agreement(tmp_path):
    cases = _write(tmp_path, [
        _case("A", "Hungary and Romania agreed.", "AGREE", [("HUNGOV", ""), ("ROUGOV", "")]),
        _case("B", "Israel attacked Lebanon.", "FIGHT", [("ISRMIL", "LBN")]),
        _case("C", "France demanded talks.", "DEMAND", [("FRAGOV", "")]),
        _case("D", "Nothing here.", "PROTEST", [("", "")]),
    ])
    coder = StubCoder({
        "Hungary and Romania agreed.": [("HUNGOV", None, "030", "AGREE"), ("ROU", None, "010", None)],
        "Israel attacked Lebanon.": [("ISRGOV", "LBN", "190", "ASSAULT"), ("ISR", "LBN", "111", "ACCUSE")],
        "France demanded talks.": [("FRAGOV", None, "120", "REJECT")],
    })
    report = evaluate_gsr(coder, cases)
    assert [d.published.date().isoformat() for d in coder.seen] == ["2000-01-01"] * 4  # the case's date
    assert all(d.lang == "en" for d in coder.seen)
    assert report.hits == 2 and report.accuracy == 0.5
    assert report.predicted_categories == 4 and report.precision == 0.5  # 010 has no PLOVER category
    confusion = report.confusion()
    assert confusion["REQUEST"] == {"REJECT": 1} and confusion["PROTEST"] == {NONE: 1}
    assert confusion["ASSAULT"] == {"ASSAULT": 1, "ACCUSE": 1}
    by_cat = report.by_category()
    assert by_cat["ACCUSE"]["predicted"] == 1 and by_cat["ACCUSE"]["cases"] == 0
    # actors on found cases: HUNGOV found, ROUGOV not under AGREE; ISRMIL vs ISRGOV: country only; LBN found
    assert (report.source.given, report.source.country, report.source.code) == (3, 2, 1)
    assert (report.target.given, report.target.country, report.target.code) == (1, 1, 1)
    assert [w["id"] for w in report.as_dict()["wrong"]] == ["C", "D"]


def test_cases_in_a_language_without_a_pack_are_counted_uncoded(tmp_path):
    cases = _write(tmp_path, [_case("A", "Hungary and Romania agreed.", "AGREE", [("HUN", "")])])
    report = evaluate_gsr(StubCoder({}, languages=("id",)), cases)
    assert report.uncoded == 1 and report.accuracy == 0.0


def test_the_shared_gsr_file_loads_with_every_category_known_to_the_ontology():
    cases = load_cases(shared_path("reference", "plover", "gsr", "cases.jsonl"))
    assert len(cases) == 322
    known = {c.plover for c in Ontology.load().codes() if c.plover}
    assert {c.category for c in cases} <= known
    assert all(c.text and c.date for c in cases)
