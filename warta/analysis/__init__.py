"""Analysis over the stored events: dyads over time and actor networks.

    from warta.analysis.dyads import dyads
    dyads("warta.duckdb", source="IRN", target="RUS", by="month")   # pandas DataFrame
"""
from warta.analysis.dyads import DyadQuery, dyad_series
from warta.query import EventQuery

__all__ = ["DyadQuery", "EventQuery", "dyad_series"]
