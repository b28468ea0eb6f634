"""The merge rule on its own: which reports make one event (warta.merge)."""
from __future__ import annotations

from datetime import date, timedelta

from warta.store.merge import Event, MergeRule, Report, assign, match_key, score

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


def test_match_keys_of_whole_columns_equal_match_key_row_by_row():
    import pyarrow as pa

    from warta.store.merger import match_keys

    sides = [("IRNGOV", "RUSGOV"), ("RUSGOV", "IRNGOV"), (None, "USA"), ("USA", None), (None, None),
             ("ÖSTGOV", "ZAF"), ("ZAF", "ÖSTGOV"), ("IDN", "IDN")]
    table = pa.table({"source": [s for s, _ in sides], "target": [t for _, t in sides],
                      "code": ["042", "0421", "190", "1", "057", "040", "040", "111"]})
    assert match_keys(table) == [match_key(s, t, c) for (s, t), c in zip(sides, table.column("code").to_pylist())]


def test_the_store_merge_gives_what_the_rule_gives_reports_alone_or_not():
    """The store's merge hands only reports that could meet another to `assign`; the ids and
    counts must be those `assign` gives for all of them."""
    import random

    import pyarrow as pa

    from warta.store import Store
    from warta.store.merger import Merger
    from warta.store.schema import REPORT_SCHEMA

    rng = random.Random(7)
    rows = []
    for i in range(400):
        source, target = rng.choice([("IRNGOV", "RUSGOV"), ("RUSGOV", "IRNGOV"), ("USA", "CHN"), (None, "USA")])
        rows.append({"id": f"r{i:03d}", "doc_id": f"d{i // 3}", "source": source, "target": target,
                     "code": rng.choice(["040", "042", "043", "057", "111"]), "source_actor_name": "Putin" if
                     source is None else None, "rule": rng.choice(["lexicon:x:svo", "lexicon:x:symmetric"]),
                     "date": None if i % 50 == 0 else DAY + timedelta(days=rng.randrange(0, 90, 2))})
    table = pa.Table.from_pylist([{**{f.name: None for f in REPORT_SCHEMA}, **r, "root": r["code"][:2]} for r in rows],
                                 schema=REPORT_SCHEMA)
    table = table.append_column("seq", pa.array(range(len(rows)), pa.int64()))
    docs = {f"d{i}": (None, f"outlet{i % 4}") for i in range(len(rows))}
    expected = [Report(r["id"], r["doc_id"], r["date"], r["source"], r["target"], r["code"], r["rule"],
                       r["source_actor_name"], outlet=f"outlet{int(r['doc_id'][1:]) % 4}") for r in rows]
    with Store.open(":memory:") as store:
        merger = Merger(store.con)
        first, second = table.slice(0, 200), table.slice(200)
        ids_first, _ = merger.merge(first, docs)
        ids_second, _ = merger.merge(second, docs)  # some join events stored by the first
        stored = {r[0]: r[1:] for r in store.con.execute(
            "SELECT id, report_count, article_count, list_sort(sources) FROM events").fetchall()}
    rule_ids_first, made = assign(expected[:200], [])
    rule_ids_second, grown = assign(expected[200:], [Event(e.anchor, e.report_count, e.article_count, set(e.sources))
                                                     for e in made])
    assert (ids_first, ids_second) == (rule_ids_first, rule_ids_second)
    assert len(set(ids_first + ids_second)) < len(rows) - 100 and len(set(ids_first)) > 50  # both kinds
    final = {e.id: e for e in made}
    final.update({e.id: e for e in grown})
    assert stored == {i: (e.report_count, e.article_count, sorted(e.sources)) for i, e in final.items()}
