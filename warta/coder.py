"""The coder: one pipeline per language pack, and the choice between them.

`Coder.load()` does the I/O (language packs, knowledge, ontology); after that
a Coder is immutable and picklable, so Dask can ship it to workers.
"""
from __future__ import annotations

from dataclasses import replace

from warta.actors.gazetteer import Gazetteer
from warta.actors.knowledge import ExtraKnowledge
from warta.actors.people import People, builtin_people
from warta.lang import LanguagePack, add_pack_folders, available_languages
from warta.model import Analysis, Document
from warta.ontology import Ontology
from warta.pipeline import Pipeline
from warta.pipeline import stages as registry
from warta.pipeline.language import LanguageDetector
from warta.settings import Settings
from warta.verbs.entries import usable


class Coder:
    def __init__(self, pipelines: dict[str, Pipeline], detector: LanguageDetector, packs: dict[str, LanguagePack],
                 stages: tuple[str, ...] | None = None):
        self.pipelines = pipelines
        self.detector = detector
        self.packs = packs
        self.stages = stages  # the pipelines' stages by name (settings.toml [pipeline]); None: the default ones

    @classmethod
    def load(cls, languages: list[str] | None = None, settings: Settings | None = None,
             extra: ExtraKnowledge | None = None) -> "Coder":
        settings = settings or Settings.load()
        add_pack_folders(*settings.pack_folders)
        extra = extra or ExtraKnowledge()
        ontology = Ontology.load()
        people = builtin_people().merged(extra.people)
        packs = {code: LanguagePack.load(code) for code in (languages or available_languages())}
        verbs = getattr(extra, "verbs", ())  # knowledge pickled by an older Warta has none
        pipelines = {code: build_pipeline(pack, ontology, settings, people, extra.actors, extra.roles, verbs)
                     for code, pack in packs.items()}
        detector = LanguageDetector({code: pack.lingua_name for code, pack in packs.items()})
        return cls(pipelines, detector, packs, settings.stages)

    @property
    def engine_version(self) -> str:
        """What the documents it codes record as their engine (warta.pipeline.stages.engine_version)."""
        return registry.engine_version(self.stages)

    @property
    def versions(self) -> dict[str, str]:
        return {code: pack.stamp for code, pack in self.packs.items()}

    def warm_up(self) -> "Coder":
        """Build what the pipelines load lazily (spaCy, lingua) now, before a run's first document."""
        for lang in self.pipelines:
            self.code(Document("warm-up", "Warta.", lang=lang))
        if len(self.pipelines) > 1:
            self.language_of(Document("warm-up", "Warta."))
        return self

    def language_of(self, doc: Document) -> str | None:
        if doc.lang in self.pipelines:
            return doc.lang
        return self.detector.detect(f"{doc.title or ''}\n{doc.text}")

    def code(self, doc: Document) -> Analysis:
        lang = self.language_of(doc)
        if lang is None:
            return Analysis(doc.with_(lang=None), notes=("no language pack fits this document",))
        doc = doc.with_(lang=lang)
        return self.pipelines[lang](Analysis(doc, pack_version=self.packs[lang].stamp))


def build_pipeline(pack: LanguagePack, ontology: Ontology, settings: Settings, people: People,
                   extra_actors=(), extra_roles=(), extra_verbs=()) -> Pipeline:
    """The stages settings.toml [pipeline] names, built for one pack and the knowledge loaded."""
    mine = usable([v for v in extra_verbs if getattr(v, "lang", pack.code) == pack.code], pack)
    if mine:  # imported verbs join the pack's entries, in the same matcher; after them, so ties go to the pack's
        pack = replace(pack, verbs=pack.verbs + mine)
    gazetteer = Gazetteer(pack, people, tuple(extra_actors), tuple(extra_roles))
    return registry.build(settings.stages, registry.Loaded(pack, ontology, settings, people, gazetteer, bool(mine)))
