"""The TABARI/PETRARCH verb reader on small files written for these tests (tests/verbs/data)."""
from __future__ import annotations

from pathlib import Path

from warta.ontology import Ontology
from warta.verbs.entries import entries_from_file, resolve_code
from warta.verbs.petrarch import GAP, load_verbs

DATA = Path(__file__).parent / "data"


def _rules(name: str):
    read = load_verbs(DATA / name)
    return read, {r.line: r for r in read.rules}


def test_word_classes_nest_and_keep_exact_forms():
    read, _ = _rules("small.verbs.txt")
    # defined after it is used, named inside another class, several words in a row, `_` = as written
    assert read.synsets["MEDICINE"] == ("vaccine", "field_hospital")
    assert read.synsets["SUPPLIES"] == ("grain", "=blankets", "vaccine", "field_hospital")
    assert read.synsets["VESSEL"] == ("gunboat", "=frigate", "patrol_boat")


def test_verbs_take_their_spelled_out_forms_as_written():
    _, rules = _rules("small.verbs.txt")
    bring = rules[19]
    assert bring.kind == "verb" and bring.code == "---"
    assert bring.verb == ("bring", "=brings", "=brought", "=bringing")  # the root, and {...} as written
    # a pattern's verb is every verb of its block
    assert rules[21].verb == ("bring", "=brings", "=brought", "=bringing", "haul")
    assert rules[37].code == "150"  # a verb alone takes its block's code


def test_patterns_words_after_and_before_the_verb():
    _, rules = _rules("small.verbs.txt")
    aid = rules[21]
    assert aid.before == ()
    assert aid.after == (GAP, ("grain", "=blankets", "vaccine", "field_hospital"), GAP, ("to",))
    assert aid.code == "073" and aid.preps == ("to",)
    assert rules[24].after == (GAP, ("to", "toward"), GAP, ("harbour",))  # `/` alternatives
    show = rules[28]  # a subject pattern: its words stand before the verb
    assert show.before == (("gunboat", "=frigate", "patrol_boat"), GAP) and show.after == ()
    assert rules[34].swapped and not rules[33].swapped  # `+ * ... $`: the sides the other way round


def test_comments_and_unreadable_lines_are_reported_not_fatal():
    read, rules = _rules("small.verbs.txt")
    assert 1 not in rules and 2 not in rules  # `#` and a two-line `<!-- -->`
    assert [(line, msg) for _, line, msg in read.problems.items] == [(38, "a pattern without a [code]")]
    assert len(read.sha256) == 64


def test_paired_null_and_bad_codes():
    valid = Ontology.load().__contains__
    assert resolve_code("073", False, valid) == ("073", "svo", "")
    assert resolve_code("042:043", False, valid) == ("042", "svo", "")  # the subject's half
    assert resolve_code("062:062", False, valid) == ("062", "symmetric", "")  # both sides do it
    assert resolve_code(":111", False, valid) == ("111", "passive", "")  # the other side does it
    assert resolve_code("112", True, valid) == ("112", "passive", "")  # TABARI's `+ * $`
    assert resolve_code("---", False, valid) == (None, "", "null")
    assert resolve_code("999", False, valid) == (None, "", "code")


def test_nothing_english_in_the_reader():
    """Spanish and Indonesian files: the words and forms are the file's, in its spelling."""
    read, rules = _rules("pequeno.verbs.txt")
    assert rules[7].verb == ("enviar", "=envió", "=enviaron", "=envía")
    assert rules[8].after == (GAP, ("=víveres", "medicamentos"), GAP, ("a",))
    assert rules[9].before == (("ejército",), GAP) and rules[9].after == (GAP, ("tropas",))
    assert not read.problems
    read, rules = _rules("kecil.verbs.txt")
    assert rules[8].verb == ("sindir", "=menyindir")
    assert rules[9].after == (GAP, ("soal",), GAP, ("perbatasan", "=perairan"))


def test_entries_without_a_store():
    entries = entries_from_file(DATA / "small.verbs.txt", "en")
    assert [e.id for e in entries] == [f"petrarch:small.verbs.txt:{n}" for n in (21, 24, 28, 29, 33, 34)]
    by_line = {int(e.id.rsplit(":", 1)[1]): e for e in entries}
    assert by_line[21].pattern[0] == ("bring", "=brings", "=brought", "=bringing", "haul")
    assert by_line[28].before == (("gunboat", "=frigate", "patrol_boat"), ("...",))
    assert by_line[33].frame == "passive" and by_line[29].frame == "symmetric"
    assert {e.lang for e in entries} == {"en"}
    assert len(entries_from_file(DATA / "small.verbs.txt", "en", use="all")) == 7  # ESCORT alone too
