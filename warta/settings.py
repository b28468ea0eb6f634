"""Every user setting, read from one file: settings.toml beside this module (or a user's file).

`Settings.load(path)` is the one loader; `ActorSettings.load(path)` is its
`actors` part, for the modules of warta/actors/ that need only that.
Thresholds live in the file, not as literals across modules, so a change is
one visible edit and its measurement can be re-run.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DEFAULT = Path(__file__).with_name("settings.toml")


@dataclass(frozen=True)
class ActorSettings:
    trust_manual: float
    trust_learned_accepted: float
    trust_imported_dated: float
    trust_learned_max: float
    trust_imported_default: float
    margin_days: int
    rule_confidence: dict
    single_word_factor: float
    fuzzy_threshold: float
    fuzzy_min_length: int
    surname_threshold: float = 88.0  # [actors.fuzzy] surname_threshold

    @classmethod
    def load(cls, path: str | Path | None = None) -> "ActorSettings":
        return Settings.load(path).actors


@dataclass(frozen=True)
class Settings:
    subject_window: int
    target_window: int
    negation_window: int
    intent_roots: frozenset[str]
    government_roots: frozenset[str]
    max_bytes: int
    actors: ActorSettings
    pack_folders: tuple[Path, ...] = ()  # [packs] folders: language packs installed outside Warta
    stages: tuple[str, ...] = ()  # [pipeline] stages: the coding pipeline, by registered names

    @classmethod
    def load(cls, path: str | Path | None = None) -> "Settings":
        return _load(str(path or DEFAULT))


@lru_cache(maxsize=4)  # loaded by every actor store and learner: read the file once
def _load(path: str) -> Settings:
    source = Path(path)
    raw = tomllib.loads(source.read_text(encoding="utf-8"))
    coding, inp, actors = raw["coding"], raw["input"], raw["actors"]
    stages = raw.get("pipeline", {}).get("stages")  # a file without them codes with the default pipeline
    trust, learning, fuzzy = actors["trust"], actors["learning"], actors["fuzzy"]
    return Settings(
        subject_window=int(coding["subject_window"]),
        target_window=int(coding["target_window"]),
        negation_window=int(coding["negation_window"]),
        intent_roots=frozenset(coding["intent_roots"]),
        government_roots=frozenset(coding["government_roots"]),
        max_bytes=int(inp["max_bytes"]),
        actors=ActorSettings(
            trust_manual=float(trust["manual"]),
            trust_learned_accepted=float(trust["learned_accepted"]),
            trust_imported_dated=float(trust["imported_dated"]),
            trust_learned_max=float(trust["learned_max"]),
            trust_imported_default=float(trust["imported_default"]),
            margin_days=int(learning["margin_days"]),
            rule_confidence={"role+country": float(learning["role_country"]),
                             "country+role": float(learning["country_role"]),
                             "appositive": float(learning["appositive"])},
            single_word_factor=float(learning["single_word_factor"]),
            fuzzy_threshold=float(fuzzy["threshold"]),
            fuzzy_min_length=int(fuzzy["min_length"]),
            surname_threshold=float(fuzzy["surname_threshold"]),
        ),
        # relative to the settings file, so a project's settings travel with its packs
        pack_folders=tuple(source.parent / Path(f).expanduser() for f in raw.get("packs", {}).get("folders", ())),
        stages=tuple(stages) if stages is not None else _load(str(DEFAULT)).stages,
    )
