"""Actor knowledge, in one place: built-in, imported and learned; the gazetteer; resolution.

    from warta.actors.people import builtin_people                # people.tsv: who held which office when
    from warta.actors.gazetteer import Gazetteer                  # every known name in a text at once
    from warta.actors.petrarch import load_actors, load_agents   # TABARI/PETRARCH files
    from warta.actors.knowledge import to_knowledge               # -> ExtraKnowledge, for Coder.load
    from warta.actors.store import ActorStore                     # the same DuckDB file as events
    from warta.actors.learn import learn                          # roles the text states, by date

Modules: `people` (Person, Role, People; the built-in people.tsv), `codes`
(a CAMEO actor code read into its parts; the non-state prefixes), `countries`
(country names in a language, CLDR and ISO 3166), `gazetteer` (finding known
names in running text), `records` (ActorRecord, CodeSpan), `petrarch`
(reading dictionaries), `names` (dictionary names -> names as news prints
them), `knowledge` (ExtraKnowledge; records -> ExtraKnowledge), `schema` and
`store` (persistent actors, aliases, dated roles, agents), `assemble` (the
store -> ExtraKnowledge), `learn` (roles observed in coded text), `fuzzy`
(transliteration variants of known names), `resolve` (a written name -> an actor).

The package imports only lower layers (warta.lang, warta.model, warta.settings,
warta.tabular, warta.store.duck), never the coder or the pipeline, which import
it; and no module of it imports one that imports it back
(tests/actors/test_package_imports.py). Nothing is imported eagerly here, so a
module costs only its own imports.
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
