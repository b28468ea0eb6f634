"""The matching rules, one at a time, on gold rows and predictions made up for the purpose."""
from __future__ import annotations

import pytest

from tests.evaluation.stubs import gold, pred
from warta.evaluation.matching import LEVELS, GoldEvent, Prediction, actor_matches, event_matches
from warta.evaluation.scoring import score_level, unique_predictions

CR, SR, CC = LEVELS["country+root"], LEVELS["sector+root"], LEVELS["country+code"]


def test_country_level_ignores_sector_but_sector_level_needs_it():
    g = gold(source="IRNGOV", target="RUS")
    assert event_matches(pred(source="IRNMIL", target="RUSGOV"), g, CR)
    assert not event_matches(pred(source="IRNMIL", target="RUSGOV"), g, SR)
    assert event_matches(pred(source="IRNGOVFRM", target="RUSGOV"), g, SR)  # a longer code under IRNGOV
    assert event_matches(pred(source="IRNGOV", target="RUSMIL"), g, SR)  # gold RUS has no sector to demand


def test_code_level_needs_a_listed_code_and_root_level_a_listed_root():
    g = gold(roots=("11", "12"), codes=("111", "120"))
    assert event_matches(pred(code="128"), g, CR)
    assert not event_matches(pred(code="128"), g, CC)
    assert event_matches(pred(code="120"), g, CC)
    assert not event_matches(pred(code="040"), g, CR)


def test_symmetric_rows_match_either_way_round_and_others_do_not():
    assert event_matches(pred(source="RUSGOV", target="IRNGOV"), gold(symmetric=True), SR)
    assert not event_matches(pred(source="RUSGOV", target="IRNGOV"), gold(symmetric=False), CR)


def test_alternatives_accept_any_listed_actor():
    g = GoldEvent.from_json({"id": "x", "doc": "d.txt", "required": True, "source": ["RUSGOV", "IRN"],
                             "target": ["ISR", "PSE"], "roots": ["02"], "codes": ["025"], "date": None})
    assert event_matches(pred(source="IRNMIL", target="PSE", code="025"), g, SR)
    assert not event_matches(pred(source="RUSMIL", target="PSE", code="025"), g, SR)
    assert not event_matches(pred(source="IRN", target="EGY", code="025"), g, CR)


def test_a_gold_date_must_be_the_predicted_day_and_a_null_date_accepts_any():
    dated = gold(date="2023-12-05")
    assert event_matches(pred(date="2023-12-05"), dated, CR)
    assert not event_matches(pred(date="2023-12-06"), dated, CR)
    assert not event_matches(pred(date=None), dated, CR)
    assert event_matches(pred(date=None), gold(date=None), CC)


def test_missing_predicted_actor_matches_no_named_gold_actor():
    assert not actor_matches(None, ("USA",), CR)
    assert actor_matches("USAGOV", ("usa",), CR)  # case does not matter


def test_documents_compare_by_file_name_only():
    p = Prediction.from_record({"doc": "/some/where/d.txt", "source": "IRNGOV", "target": "RUSGOV", "code": "040",
                                "date": "2020-07-16T10:00:00"})
    assert p.doc == "d.txt" and p.date == "2020-07-16"
    report = score_level([gold()], [p], CR)
    assert report.total.found == 1


def test_identical_predictions_count_once_and_other_documents_not_at_all():
    preds = [pred(), pred(), pred(code="041"), pred(doc="elsewhere.txt")]
    assert len(unique_predictions(preds, {"d.txt"})) == 2
    report = score_level([gold()], preds, CR)
    assert (report.total.predicted, report.total.correct) == (2, 2)


def test_optional_rows_make_predictions_right_but_are_never_missed():
    rows = [gold(), gold(id="d-O1", source="USA", target="IRN", roots=("16",), codes=("163",), required=False)]
    report = score_level(rows, [pred(), pred(source="USAGOV", target="IRNGOV", code="163")], CR)
    assert report.total.required == 1 and report.total.recall == 1.0
    assert report.total.precision == 1.0 and report.misses == []


def test_misses_and_false_positives_carry_their_evidence_and_rule():
    rows = [gold(), gold(id="d-G2", source="USA", target="IRN", roots=("16",), codes=("163",))]
    report = score_level(rows, [pred(), pred(source="ISR", target="LBN", code="190")], CR)
    assert [g.id for g in report.misses] == ["d-G2"]
    assert report.misses[0].evidence == "evidence of d-G2"
    [fp] = report.false_positives
    assert (fp.source, fp.code, fp.rule, fp.evidence) == ("ISR", "190", "lexicon:test", "words")
    assert report.total.precision == 0.5 and report.total.recall == 0.5
    assert report.total.f1 == pytest.approx(0.5)


def test_breakdowns_by_language_and_root_add_up_to_the_total():
    rows = [gold(), gold(id="e-G1", doc="e.txt", source="USA", target="IRN", roots=("16",), codes=("163",))]
    preds = [pred(), pred(doc="e.txt", lang="en", source="USA", target="IRN", code="163"),
             pred(doc="e.txt", lang="en", source="USA", target="IRN", code="111")]
    report = score_level(rows, preds, CR, {"d.txt": "id", "e.txt": "en"})
    assert set(report.by_language) == {"id", "en"} and set(report.by_root) == {"04", "16", "11"}
    for parts in (report.by_language, report.by_root):
        assert sum(t.predicted for t in parts.values()) == report.total.predicted == 3
        assert sum(t.found for t in parts.values()) == report.total.found == 2
    assert report.by_language["en"].precision == 0.5
    assert report.by_root["11"].correct == 0


def test_nothing_predicted_gives_zero_precision_and_f1():
    report = score_level([gold()], [], CR)
    assert (report.total.precision, report.total.recall, report.total.f1) == (0.0, 0.0, 0.0)
