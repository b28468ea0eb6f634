"""Misses and false positives carry their nearest near-miss, and a report counts them."""
from warta.evaluation.causes import false_positive_cause, miss_cause, rule_entry
from warta.evaluation.matching import LEVELS, GoldEvent, Prediction
from warta.evaluation.scoring import score_level

LEVEL = LEVELS["country+root"]
GOLD = GoldEvent.from_json({"id": "a-G1", "doc": "a.txt", "required": True, "source": "IRNGOV", "target": "USAGOV",
                            "codes": ["111"], "date": "2024-05-02", "evidence": "..."})


def _p(source, target, code, date="2024-05-02", rule="lexicon:id:criticize:svo"):
    return Prediction("a.txt", source, target, code, date, rule=rule)


def test_a_miss_names_the_nearest_thing_coded():
    assert miss_cause(GOLD, [_p("IRNGOV", "USAGOV", "111", "2024-05-01")], LEVEL) == "date"
    assert miss_cause(GOLD, [_p("IRNGOV", "USAGOV", "040")], LEVEL) == "code"
    assert miss_cause(GOLD, [_p("IRNGOV", "ISRGOV", "111")], LEVEL) == "one side"
    assert miss_cause(GOLD, [_p("RUSGOV", "ISRGOV", "040")], LEVEL) == "nothing"


def test_a_false_positive_names_its_nearest_gold():
    assert false_positive_cause(_p("IRNGOV", "USAGOV", "111", "2024-05-01"), [GOLD], LEVEL) == "date"
    assert false_positive_cause(_p(None, "USAGOV", "111"), [GOLD], LEVEL) == "uncoded"
    assert false_positive_cause(_p("IRNGOV", "USAGOV", "190"), [GOLD], LEVEL) == "code"
    assert false_positive_cause(_p("IRNGOV", "FRAGOV", "112"), [GOLD], LEVEL) == "one side"
    assert false_positive_cause(_p("RUSGOV", "FRAGOV", "040"), [GOLD], LEVEL) == "spurious"


def test_the_report_counts_causes_and_the_rules_that_fired():
    report = score_level([GOLD], [_p("IRNGOV", "USAGOV", "040", rule="lexicon:id:meet:symmetric"),
                                  _p("RUSGOV", "FRAGOV", "040", rule="lexicon:id:meet:symmetric:intended")], LEVEL)
    counts = report.cause_counts()
    assert counts["misses"] == {"code": 1}
    assert counts["false_positives"] == {"code": 1, "spurious": 1}
    assert counts["false_positives_by_rule"] == {"id:meet": 2}
    assert [m["cause"] for m in report.as_dict()["misses"]] == ["code"]
    assert rule_entry("judgement") == "judgement"
