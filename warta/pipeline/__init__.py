"""The coding pipeline: stages with one interface, checked when built.

A stage is any picklable object with `name`, `requires`, `assigns` and
`__call__(analysis) -> analysis` (see `Stage`). `Pipeline` orders them and
refuses, at construction, a stage whose requirements no earlier stage assigns.
Stages are registered under versioned names (`warta.events.v1`) in
`warta.pipeline.stages`, and the Coder builds the pipeline settings.toml [pipeline] names.
"""
from __future__ import annotations

from typing import Iterable, Protocol, runtime_checkable

from warta.errors import PipelineError
from warta.model import Analysis

__all__ = ["ENGINE_VERSION", "Pipeline", "PipelineError", "Stage"]

# The coding engine's version, stored with every coded document (documents.engine_version) as the
# packs' stamp is. Bump it with a change to the code that changes what the coder produces
# (`benchmarks/pipeline.py --check` differs): `warta recode`, and a re-run of `warta code` over the
# same inputs, then code the stored documents again. A refactoring that codes alike keeps it.
# A pipeline of other stages than settings.toml's records this and its stages' names
# (warta.pipeline.stages.engine_version).
ENGINE_VERSION = "5"  # 5: session 10 (a question tells no event); 4: session 9 (cut-link marks dropped in reading, holders at unknown bodies, protest venues, implied aid receivers, must-do not done); 3: session 8 (dates by clause, day marks, relatives, aliases, holders, reactions); 2: session 7

# What a fresh Analysis already carries.
_GIVEN = frozenset({"document"})


@runtime_checkable
class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, analysis: Analysis) -> Analysis: ...


class Pipeline:
    def __init__(self, stages: Iterable[Stage]):
        self.stages = tuple(stages)
        have = set(_GIVEN)
        for stage in self.stages:
            missing = [r for r in stage.requires if r not in have]
            if missing:
                raise PipelineError(f"stage {stage.name!r} requires {missing}, which no earlier stage assigns")
            have.update(stage.assigns)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, analysis: Analysis) -> Analysis:
        for stage in self.stages:
            analysis = stage(analysis)
        return analysis
