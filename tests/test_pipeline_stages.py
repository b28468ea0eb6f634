"""Stages are registered under versioned names, and the Coder builds the pipeline settings.toml names."""
from __future__ import annotations

import tomllib
from dataclasses import replace

import pytest

from warta import pipeline
from warta.coder import Coder
from warta.errors import PipelineError
from warta.ingest.coded import code_batch
from warta.model import Analysis, Document
from warta.pipeline import stages as registry
from warta.settings import DEFAULT, Settings

TEXT = "Presiden Iran mengecam Amerika Serikat pada Senin."


def _settings(names) -> Settings:
    return replace(Settings.load(), stages=tuple(names))


def test_the_default_pipeline_is_the_settings_list():
    listed = tomllib.loads(DEFAULT.read_text(encoding="utf-8"))["pipeline"]["stages"]
    coder = Coder.load(["id"])
    assert coder.pipelines["id"].names == listed == list(Settings.load().stages)
    assert set(listed) <= set(registry.STAGES)
    assert coder.engine_version == pipeline.ENGINE_VERSION  # stored documents stay current


def test_every_registered_stage_carries_its_name():
    coder = Coder.load(["id"])
    for name, stage in zip(coder.pipelines["id"].names, coder.pipelines["id"].stages):
        assert stage.name == name and registry.STAGES[name] is not None


def test_a_settings_file_without_a_pipeline_codes_with_the_default(tmp_path):
    mine = tmp_path / "mine.toml"
    text = DEFAULT.read_text(encoding="utf-8")
    start = text.index("[pipeline]")
    mine.write_text(text[:start] + text[text.index("[actors.trust]"):], encoding="utf-8")
    assert Settings.load(mine).stages == Settings.load().stages


def test_an_unknown_stage_is_w300_naming_the_known_ones():
    with pytest.raises(PipelineError, match=r"\[W300\] no pipeline stage 'warta.events.v9'; have .*warta.events.v1"):
        Coder.load(["id"], _settings(["warta.sentences.v1", "warta.events.v9"]))


def test_a_pipeline_of_no_stages_is_refused():
    with pytest.raises(PipelineError, match=r"\[W300\] the pipeline names no stage"):
        Coder.load(["id"], _settings([]))


def test_stages_in_an_order_that_cannot_work_are_refused():
    with pytest.raises(PipelineError, match="requires"):
        Coder.load(["id"], _settings(["warta.sentences.v1", "warta.dates.v1", "warta.events.v1"]))


class _NoEvents:
    name = "test.no-events.v1"
    requires = ("events",)
    assigns = ()

    def __call__(self, analysis: Analysis) -> Analysis:
        return replace(analysis, events=())


def test_a_registered_stage_joins_a_pipeline_and_codes_under_its_own_engine(monkeypatch):
    monkeypatch.setitem(registry.STAGES, "test.no-events.v1", lambda loaded: _NoEvents())
    default = Coder.load(["id"])
    names = [*Settings.load().stages, "test.no-events.v1"]
    coder = Coder.load(["id"], _settings(names))
    doc = Document("d", TEXT, lang="id")
    assert default.code(doc).events and not coder.code(doc).events
    assert coder.engine_version == f"{pipeline.ENGINE_VERSION}:{','.join(names)}" != default.engine_version
    stored = code_batch(coder, [doc]).tables.documents.column("engine_version").to_pylist()
    assert stored == [coder.engine_version]


def test_a_factory_must_build_the_stage_it_is_registered_for(monkeypatch):
    monkeypatch.setitem(registry.STAGES, "test.other.v1", lambda loaded: _NoEvents())
    with pytest.raises(PipelineError, match="built a stage named 'test.no-events.v1'"):
        Coder.load(["id"], _settings([*Settings.load().stages, "test.other.v1"]))
