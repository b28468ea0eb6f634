"""Analysis over the stored events: dyads over time and actor networks."""
from warta.analysis.dyads import DyadQuery, dyad_series, dyads
from warta.analysis.filters import EventQuery
from warta.analysis.network import network

__all__ = ["DyadQuery", "EventQuery", "dyad_series", "dyads", "network"]
