"""Tools for language-pack authors: what the lexicon misses in a real corpus (`warta lexicon`)."""
from warta.lexicon.gaps import Gap, GapFinder, GapReport, find_gaps

__all__ = ["Gap", "GapFinder", "GapReport", "find_gaps"]
