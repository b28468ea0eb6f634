"""Stages under versioned names, and a pipeline built from a list of names (settings.toml [pipeline]).

    [pipeline]
    stages = ["warta.sentences.v1", "warta.dates.v1", "warta.actors.v1", "warta.events.v1"]

A name is the one the stage carries (`stage.name`): a stage that comes to code differently
for the same input is a new version, registered beside the old one. Each name maps to a
factory that builds the stage from what the Coder loaded for one pack (`Loaded`). Packages
outside Warta add stages through the `warta.stages` entry-point group (a factory under the
stage's name), as packs come through `warta.packs`.

A pipeline other than the default one codes under its own engine version
(`engine_version`), so documents coded by one are coded again by `warta recode` under the other.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Callable, Sequence

from warta.actors.gazetteer import Gazetteer
from warta.actors.people import People
from warta.errors import NO_STAGE, NO_STAGES, STAGE_NAME, PipelineError
from warta.lang import LanguagePack
from warta.ontology import Ontology
from warta import pipeline
from warta.pipeline import Pipeline, Stage
from warta.pipeline.dates import DateResolver
from warta.pipeline.events import EventCoder
from warta.pipeline.mentions import ActorFinder
from warta.pipeline.sentences import SentenceSplitter
from warta.settings import DEFAULT, Settings
from warta.verbs.coding import ImportingEventCoder

ENTRY_POINT_GROUP = "warta.stages"


@dataclass(frozen=True)
class Loaded:
    """What a stage is built from: one pack (its verbs and the imported ones) and the knowledge
    loaded with it."""

    pack: LanguagePack
    ontology: Ontology
    settings: Settings
    people: People
    gazetteer: Gazetteer
    imported_verbs: bool = False  # the pack's verbs include entries of imported dictionaries


Factory = Callable[[Loaded], Stage]
STAGES: dict[str, Factory] = {}


def register(name: str) -> Callable[[Factory], Factory]:
    """Register a stage factory under the stage's versioned name."""
    def add(factory: Factory) -> Factory:
        if name in STAGES:
            raise PipelineError(f"stage {name!r} is registered twice")
        STAGES[name] = factory
        return factory
    return add


@register("warta.sentences.v1")
def _sentences(loaded: Loaded) -> Stage:
    return SentenceSplitter(loaded.pack)


@register("warta.dates.v1")
def _dates(loaded: Loaded) -> Stage:
    return DateResolver(loaded.pack)


@register("warta.actors.v1")
def _actors(loaded: Loaded) -> Stage:
    return ActorFinder(loaded.gazetteer, loaded.people, loaded.pack.word_class("role_modifier"))


@register("warta.events.v1")
def _events(loaded: Loaded) -> Stage:
    """The pack's event coder; with imported verbs, the one that keeps their words off names."""
    return (ImportingEventCoder if loaded.imported_verbs else EventCoder)(loaded.pack, loaded.ontology,
                                                                           loaded.settings)


def factory(name: str) -> Factory:
    """The factory registered under `name`, here or through an entry point."""
    if name not in STAGES:
        for ep in entry_points(group=ENTRY_POINT_GROUP, name=name):
            STAGES[name] = ep.load()
    try:
        return STAGES[name]
    except KeyError:
        raise PipelineError(NO_STAGE.format(name=name, have=", ".join(sorted(STAGES)))) from None


def build(names: Sequence[str], loaded: Loaded) -> Pipeline:
    """The stages named, in order, each built from `loaded`; checked as `Pipeline` checks them."""
    if not names:
        raise PipelineError(NO_STAGES)
    stages = []
    for name in names:
        stage = factory(name)(loaded)
        if stage.name != name:
            raise PipelineError(STAGE_NAME.format(name=name, built=stage.name))
        stages.append(stage)
    return Pipeline(stages)


def engine_version(names: Sequence[str] | None) -> str:
    """What coded documents record as their engine: ENGINE_VERSION for the default pipeline
    (settings.toml beside this package; None), else ENGINE_VERSION and the stages' names."""
    if names is None or tuple(names) == Settings.load(DEFAULT).stages:
        return pipeline.ENGINE_VERSION
    return f"{pipeline.ENGINE_VERSION}:{','.join(names)}"
