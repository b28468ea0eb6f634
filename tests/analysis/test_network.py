import pytest

from warta.analysis import EventQuery
from warta.analysis.network import network


def edges(con, **kw):
    return {(e["source"], e["target"]): e for e in network(con, **kw)["edges"].to_pylist()}


def test_country_network_is_undirected_and_weighted(con):
    net = edges(con)
    assert set(net) == {("IRN", "RUS"), ("IRN", "USA"), ("RUS", "USA"), ("IRN", "SYR")}
    assert (net[("IRN", "RUS")]["total"], net[("IRN", "RUS")]["cooperation"], net[("IRN", "RUS")]["conflict"]) == (7, 6, 1)
    assert net[("IRN", "USA")]["goldstein_mean"] == pytest.approx(-8.0)


def test_actor_level_and_direction(con):
    net = edges(con, level="actor", directed=True)
    assert net[("RUSGOV", "IRNMIL")]["total"] == 1
    assert net[("IRNGOV", "RUSGOV")]["total"] == 5
    assert net[("RUSGOV", "IRNGOV")]["total"] == 1


def test_nodes_sum_their_edges_and_carry_names(con):
    nodes = {n["id"]: n for n in network(con)["nodes"].to_pylist()}
    assert nodes["IRN"]["total"] == 7 + 1 + 1
    assert nodes["IRN"]["name"] == "Iran"
    assert nodes["USA"]["conflict"] == 2


def test_filters_and_limits(con):
    assert set(edges(con, query=EventQuery.parse(root="16"))) == {("IRN", "USA"), ("RUS", "USA")}
    assert list(edges(con, limit=1)) == [("IRN", "RUS")]
    with pytest.raises(ValueError, match="limit"):
        network(con, limit=501)
    with pytest.raises(ValueError, match="level"):
        network(con, level="city")
