"""Actor-knowledge settings, read from settings.toml beside this module (or a given file).

Thresholds live in a data file, not as literals across modules, so a change
is one visible edit and its measurement can be re-run.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_DEFAULT = Path(__file__).with_name("settings.toml")


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

    @classmethod
    def load(cls, path: str | Path | None = None) -> "ActorSettings":
        return _load(str(path or _DEFAULT))


@lru_cache(maxsize=4)
def _load(path: str) -> ActorSettings:
    raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    trust, learning, fuzzy = raw["trust"], raw["learning"], raw["fuzzy"]
    return ActorSettings(
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
    )
