"""The merge rule on its own: which reports make one event (warta.merge)."""
from __future__ import annotations

from datetime import date

from warta.merge import Event, MergeRule, Report, assign, match_key, score

DAY = date(2024, 10, 14)


def report(i, source="IDNGOV", target="JPNGOV", code="040", day=DAY, rule="lexicon:id:meet:svo", doc=None, **kw):
    return Report(f"r{i}", doc or f"d{i}", day, source, target, code, rule, **kw)


def test_same_dyad_code_and_day_make_one_event_counted_like_gdelt():
    reports = [report(1, outlet="a.example"), report(2, outlet="b.example"), report(3, doc="d2", outlet="b.example")]
    ids, touched = assign(reports, [])
    assert ids == ["r1", "r1", "r1"]
    (event,) = touched
    assert (event.report_count, event.article_count, event.sources) == (3, 2, {"a.example", "b.example"})


def test_a_day_apart_joins_two_days_apart_does_not():
    ids, _ = assign([report(1), report(2, day=date(2024, 10, 15)), report(3, day=date(2024, 10, 16))], [])
    assert ids == ["r1", "r1", "r3"]  # compared with the event's first report, not the last one that joined


def test_symmetric_verbs_join_either_way_round_others_do_not():
    sym = "lexicon:id:meet:symmetric"
    ids, _ = assign([report(1, rule=sym), report(2, "JPNGOV", "IDNGOV", rule=sym)], [])
    assert ids == ["r1", "r1"]
    ids, _ = assign([report(1, code="111"), report(2, "JPNGOV", "IDNGOV", code="111")], [])
    assert ids == ["r1", "r2"]  # A criticises B is not B criticises A


def test_code_family_root_level_code_joins_its_children_siblings_stay_apart():
    ids, _ = assign([report(1, code="042"), report(2, code="040"), report(3, code="043")], [])
    assert ids == ["r1", "r1", "r3"]
    assert score(report(4, code="057"), Event(report(5, code="051")), MergeRule()) is None


def test_different_people_or_places_keep_events_apart():
    a = report(1, source_person="Retno Marsudi", location="Jakarta")
    assert score(report(2, source_person="Sugiono"), Event(a), MergeRule()) is None
    assert score(report(3, location="Tokyo"), Event(a), MergeRule()) is None
    assert score(report(4, source_person="retno marsudi"), Event(a), MergeRule()) is not None
    assert score(report(5), Event(a), MergeRule()) is not None  # not naming anyone is no disagreement


def test_reports_without_a_day_never_join():
    ids, touched = assign([report(1, day=None), report(2, day=None)], [])
    assert ids == ["r1", "r2"] and len(touched) == 2


def test_stored_events_are_joined_and_their_counts_grow():
    stored = Event(report(0, doc="old"), report_count=2, article_count=2, sources={"a.example"})
    ids, touched = assign([report(1, outlet="c.example")], [stored])
    assert ids == ["r0"]
    assert (touched[0].report_count, touched[0].article_count, touched[0].new) == (3, 3, False)
    assert touched[0].sources == {"a.example", "c.example"}


def test_match_key_is_the_root_and_the_unordered_dyad():
    assert match_key("IDNGOV", "JPNGOV", "042") == match_key("JPNGOV", "IDNGOV", "040") == "04|IDNGOV|JPNGOV"
    assert match_key(None, "USA", "120") == "12||USA"
