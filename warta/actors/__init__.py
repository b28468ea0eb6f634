"""Actor knowledge: who held which office when, from dictionaries and from the corpus.

    from warta.actors.petrarch import load_actors, load_agents   # TABARI/PETRARCH files
    from warta.actors.knowledge import to_knowledge               # -> warta.coder.ExtraKnowledge
    from warta.actors.store import ActorStore                     # the same DuckDB file as events
    from warta.actors.learn import learn                          # roles the text states, by date

Modules: `records` (ActorRecord, CodeSpan), `petrarch` (reading dictionaries),
`names` (dictionary names -> names as news prints them), `knowledge`
(records -> ExtraKnowledge), `store` (persistent actors, aliases, dated roles,
agents), `learn` (roles observed in coded text), `fuzzy` (transliteration
variants of known names).

Nothing here is imported eagerly: the gazetteer imports `warta.actors.fuzzy`,
and `knowledge` imports the coder, which imports the gazetteer.
"""
from __future__ import annotations

import importlib

_EXPORTS = {
    "ActorRecord": "records", "CodeSpan": "records",
    "load_actors": "petrarch", "load_agents": "petrarch",
    "to_knowledge": "knowledge",
    "ActorStore": "store",
    "learn": "learn",
}


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    raise AttributeError(name)


__all__ = sorted(_EXPORTS)
