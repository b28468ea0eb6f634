"""The verb dictionaries users keep: PETRARCH's CAMEO.2.0.txt and its validation suite's file.

Warta does not ship them; these tests read the copies in ../shared and skip,
saying why, where they are absent."""
from __future__ import annotations

import pytest

from tests.conftest import shared_path
from warta.coder import Coder, ExtraKnowledge
from warta.model import Document
from warta.verbs.petrarch import GAP, load_verbs
from warta.verbs.store import VerbStore


@pytest.fixture(scope="module")
def cameo():
    return shared_path("reference", "phoenix", "CAMEO.2.0.txt")


def test_cameo_2_0_reads_whole(cameo):
    read = load_verbs(cameo)
    rules = {r.line: r for r in read.rules}
    assert len(read.synsets) == 40 and "zero" not in read.synsets
    assert len([r for r in read.rules if r.kind == "pattern"]) > 4500
    assert rules[725].after == (GAP, ("to",), GAP, ("border",)) and rules[725].code == "154"
    assert rules[727].before[0][:2] == ("military", "armed_forces")  # `- &MILITARY *`: a subject pattern
    meet = next(r for r in read.rules if r.kind == "verb" and r.text.startswith("MEET {"))
    assert meet.verb == ("meet", "=meets", "=met", "=meeting") and meet.code == "040"
    # what cannot be read is reported with its line: undefined classes, PETRARCH2's transformations
    messages = {m for _, _, m in read.problems.items}
    assert "word class &WEATHER is not defined" in messages
    assert all(line > 700 for _, line, _ in read.problems.items)


def test_cameo_2_0_imports_with_its_counts(cameo, db):
    with VerbStore.open(db) as store:
        summary = store.import_file(cameo, "en")
        (row,) = store.imports()
        entries = store.entries()
    assert (summary.verbs, summary.patterns) == (row["verbs"], row["patterns"])
    assert summary.patterns > 4000 and summary.verbs > 1000
    assert summary.skipped_code == sum(summary.bad_codes.values()) and "176" in summary.bad_codes
    assert summary.skipped_null > 500  # [---] blocks: their verbs only lend their forms to patterns
    assert len(entries) == summary.patterns


@pytest.mark.slow
def test_coding_with_cameo_2_0(cameo):
    from warta.verbs.entries import entries_from_file

    coder = Coder.load(["en"], extra=ExtraKnowledge(verbs=entries_from_file(cameo, "en")))
    analysis = coder.code(Document("d", "Pakistan asked China for financial aid on Monday.", lang="en"))
    assert [(e.source, e.target, e.code) for e in analysis.events] == [("PAKGOV", "CHNGOV", "0231")]
    assert analysis.events[0].rule.startswith("lexicon:en:petrarch:CAMEO.2.0.txt:")
    # "The United States": a dictionary verb ("unite", "state") inside a name is no verb
    analysis = coder.code(Document("d", "The United States imposed new sanctions on Iran on Monday.", lang="en"))
    assert [(e.source, e.target, e.code) for e in analysis.events] == [("USAGOV", "IRNGOV", "163")]


def test_petrarch_validation_verbs():
    path = shared_path("peer-suites", "petrarch", "PETR.Validate.verbs.txt")
    read = load_verbs(path)
    assert not read.problems
    rules = {r.line: r for r in read.rules}
    assert rules[79].before == (("in",),)  # `IN_*`: right before the verb
    assert rules[77].swapped  # `SUGGESTED_+ *`: TABARI's target before the verb
    assert rules[78].before[2][:3] == ("military", "economic", "cultural")  # a class inside a class
