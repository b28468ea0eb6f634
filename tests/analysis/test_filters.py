from datetime import date

import pytest

from warta.analysis.filters import EventQuery, parse_codes


def ids(con, query: EventQuery) -> list[str]:
    where, params = query.where()
    return [r[0] for r in con.execute(f"SELECT id FROM events{where} ORDER BY id", params).fetchall()]


def test_codes_are_normalised_and_checked():
    assert parse_codes(" irn, RUS ,irn") == ("IRN", "RUS")
    for bad in ("R%", "IRN;DROP", "I", "A" * 25):
        with pytest.raises(ValueError, match="not a valid actor code"):
            parse_codes(bad)
    with pytest.raises(ValueError, match="at most"):
        parse_codes(",".join(f"A{i:02d}" for i in range(21)))


def test_a_country_prefix_matches_every_sector_and_a_full_code_one(con):
    assert ids(con, EventQuery.parse(source="RUS", target="IRN")) == ["e0003", "e0004"]
    assert ids(con, EventQuery.parse(source="RUS", target="IRNMIL")) == ["e0004"]
    assert ids(con, EventQuery.parse(source="USA", target="IRN,RUS")) == ["e0006", "e0007"]


def test_undirected_matches_both_ways(con):
    directed = ids(con, EventQuery.parse(source="IRN", target="RUS"))
    both = ids(con, EventQuery.parse(source="IRN", target="RUS", undirected=True))
    assert directed == ["e0001", "e0002", "e0005", "e0009", "e0010"]
    assert both == ["e0001", "e0002", "e0003", "e0004", "e0005", "e0009", "e0010"]


def test_each_filter_narrows(con):
    assert ids(con, EventQuery.parse(actor="SYR")) == ["e0008"]
    assert ids(con, EventQuery.parse(country="USA")) == ["e0006", "e0007"]
    assert ids(con, EventQuery.parse(sector="MIL")) == ["e0004", "e0008"]
    assert ids(con, EventQuery.parse(code="04")) == ["e0001", "e0003", "e0008", "e0009", "e0010"]
    assert ids(con, EventQuery.parse(root="16")) == ["e0006", "e0007"]
    assert ids(con, EventQuery.parse(quad_class="2,4")) == ["e0004", "e0006", "e0007"]
    assert ids(con, EventQuery.parse(since="2020-08-04", until="2020-08-10")) == ["e0005", "e0006", "e0007"]
    assert ids(con, EventQuery.parse(lang="EN")) == ["e0010"]
    assert ids(con, EventQuery.parse(q="SANCTIONS on")) == ["e0006", "e0007"]


def test_text_search_is_literal(con):
    assert ids(con, EventQuery.parse(q="50%")) == ["e0005"]
    assert ids(con, EventQuery.parse(q="%")) == ["e0005"]
    assert ids(con, EventQuery.parse(q="_")) == []


def test_bad_values_say_what_is_wrong():
    with pytest.raises(ValueError, match="after"):
        EventQuery.parse(since="2021-01-01", until="2020-01-01")
    with pytest.raises(ValueError, match="quad class"):
        EventQuery.parse(quad_class="5")
    with pytest.raises(ValueError, match="quad class"):
        EventQuery.parse(quad_class="x")
    with pytest.raises(ValueError, match="not a date"):
        EventQuery.parse(since="16/07/2020")
    with pytest.raises(ValueError, match="not a valid CAMEO root"):
        EventQuery.parse(root="1")
    with pytest.raises(ValueError, match="unknown filter"):
        EventQuery.parse(colour="red")
    assert EventQuery.parse(since="2020-07-16").since == date(2020, 7, 16)
