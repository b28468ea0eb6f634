"""PETRARCH records: reading the not-quite-XML, setting aside what is unfair, and the pass criteria."""
from __future__ import annotations

from collections import Counter

from tests.conftest import shared_path
from tests.evaluation.stubs import StubCoder
from warta.evaluation.dictionaries import named_by_records
from warta.evaluation.petrarch_records import (environment_files, evaluate_records, exclusion, load_records,
                                               normalise_actor, parse_records)
from warta.ontology import Ontology

# Invented records in the suite's style: odd spacing, single quotes, comments, a parse to ignore.
SAMPLE = """<Validation>
<!-- <Sentence id="COMMENTED-OUT" category="DEMO"> not a record </Sentence> -->
<Sentences>
<Sentence date="19950101" id="T-01" category="DEMO" sentence="true">
<!-- a comment inside -->
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="042"></EventCoding>
<EventCoding sourcecode="GON" targetcode="---" eventcode="010"></EventCoding>
<Text>
Arnor visited
Gondor.
</Text>
<Parse> (ROOT (S (NP (NNP Arnor)) (VP (VBD visited) (NP (NNP Gondor))))) </Parse>
</Sentence>
<Sentence date = "19950102" id ="T-02"  category="verb" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>Arnor sleeps.</Text>
</Sentence>
<Sentence date="19950103" id="T-03" category="VERB" sentence="true">
<EventCoding sourcecode="---GOV" eventcode="903"></EventCoding>
<Text>Somebody did a test-only thing.</Text>
</Sentence>
<Sentence date="19950104" id="T-04" category="ERROR" sentence="true">
<EventCoding error="storydiscard"></EventCoding>
<Text>A typhoon hit Arnor.</Text>
</Sentence>
<Sentence date="19950105" id="T-05" category="AGENT" sentence="false">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="042"></EventCoding>
<Text>Not implemented.</Text>
</Sentence>
<Sentence date="19950106" id="T-06" category="AGENT" sentence="true">
<EventCoding sourcecode='"THE MINISTRY OF MAGIC"' targetcode="GON" eventcode="042"></EventCoding>
<Text>Named actors.</Text>
</Sentence>
</Sentences>
</Validation>
"""


def _is_code(code: str) -> bool:
    return code in Ontology.load()


def test_records_are_read_from_the_loose_format():
    recs = {r.id: r for r in parse_records(SAMPLE)}
    assert list(recs) == ["T-01", "T-02", "T-03", "T-04", "T-05", "T-06"]  # the commented record is not one
    first = recs["T-01"]
    assert first.text == "Arnor visited Gondor." and first.date == "19950101" and first.category == "DEMO"
    assert first.expected == (("ARN", "GON", "042"), ("GON", "", "010"))
    assert recs["T-02"].noevents and recs["T-02"].category == "VERB" and recs["T-02"].date == "19950102"
    assert recs["T-03"].expected == (("GOV", "", "903"),)
    assert recs["T-04"].error == "storydiscard" and not recs["T-05"].implemented


def test_unfair_records_are_set_aside_with_a_reason():
    reasons = {r.id: exclusion(r, _is_code) for r in parse_records(SAMPLE)}
    assert reasons["T-01"] is None and reasons["T-02"] is None
    assert "test-only event code" in reasons["T-03"]
    assert "storydiscard" in reasons["T-04"]
    assert "not implemented" in reasons["T-05"]
    assert "names" in reasons["T-06"]


def test_unknown_actors_compare_equal_across_the_two_coders():
    assert normalise_actor("---") == normalise_actor(None) == ""
    assert normalise_actor("---GOV") == "GOV" and normalise_actor("arn") == "ARN"


def test_pass_root_and_actor_criteria():
    recs = parse_records(SAMPLE)
    coder = StubCoder({
        "Arnor visited Gondor.": [("ARN", "GON", "043", "CONSULT"), ("GON", None, "010", None)],
        "Arnor sleeps.": [],
    })
    report = evaluate_records(coder, recs, _is_code)
    assert [d.published.date().isoformat() for d in coder.seen] == ["1995-01-01", "1995-01-02"]
    by_id = {r.record.id: r for r in report.scored}
    assert set(by_id) == {"T-01", "T-02"}
    visit = by_id["T-01"]
    assert not visit.passed and visit.passed_root and visit.passed_actors and not visit.found
    assert by_id["T-02"].passed  # nothing expected, nothing coded
    assert report.rate("passed") == 0.5 and report.rate("passed_root") == 1.0
    cats = report.by_category()
    assert cats["DEMO"]["pass_rate"] == 0.0 and cats["VERB"]["pass_rate"] == 1.0
    assert cats["ERROR"]["scored"] == 0 and cats["ERROR"]["pass_rate"] is None
    assert sum(report.exclusions().values()) == 4


def test_looser_criteria_compare_actors_by_country():
    [visit] = [r for r in parse_records(SAMPLE) if r.id == "T-01"]
    outcomes = {
        "government for a bare country": ([("ARNGOV", "GON", "042", None), ("GON", None, "010", None)],
                                          (False, True, True)),
        "another root": ([("ARN", "GON", "111", None), ("GON", None, "010", None)], (False, False, True)),
        "wrong target": ([("ARN", "OSG", "042", None), ("GON", None, "010", None)], (False, False, False)),
        "one event missing": ([("ARN", "GON", "042", None)], (False, False, False)),
        "all right": ([("ARN", "GON", "042", None), ("GON", "---", "010", None)], (True, True, True)),
    }
    for label, (events, expected) in outcomes.items():
        [result] = evaluate_records(StubCoder({visit.text: events}), [visit], _is_code).results
        assert (result.passed, result.passed_root, result.passed_actors) == expected, label


def test_coding_something_on_a_noevents_record_fails_it():
    recs = [r for r in parse_records(SAMPLE) if r.id == "T-02"]
    report = evaluate_records(StubCoder({"Arnor sleeps.": [("ARN", None, "010", None)]}), recs, _is_code)
    assert report.rate("passed") == 0.0


def test_the_shared_records_file():
    path = shared_path("peer-suites", "petrarch", "PETR.UnitTest.records.xml")
    recs = load_records(path)
    assert len(recs) == 284
    assert all(r.text for r in recs)
    assert sum(r.noevents for r in recs) == 19
    reasons = Counter(exclusion(r, _is_code) for r in recs)
    assert reasons[None] > 150, reasons  # most records are scorable
    assert any("test-only" in (k or "") for k in reasons)
    env = environment_files(path)
    assert env["actor"].name == "PETR.Validate.actors.txt" and env["agent"].name == "PETR.Validate.agents.txt"
    files = named_by_records(path)
    assert [p.name for p in files.actors] == ["PETR.Validate.actors.txt"]
