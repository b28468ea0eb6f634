"""Coder settings, read from settings.toml beside this module (or a user's file)."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

_DEFAULT = Path(__file__).with_name("settings.toml")


@dataclass(frozen=True)
class Settings:
    subject_window: int
    target_window: int
    negation_window: int
    intent_roots: frozenset[str]
    government_roots: frozenset[str]
    max_bytes: int
    pack_folders: tuple[Path, ...] = ()  # [packs] folders: language packs installed outside Warta

    @classmethod
    def load(cls, path: str | Path | None = None) -> "Settings":
        source = Path(path or _DEFAULT)
        raw = tomllib.loads(source.read_text(encoding="utf-8"))
        coding, inp = raw["coding"], raw["input"]
        return cls(
            subject_window=int(coding["subject_window"]),
            target_window=int(coding["target_window"]),
            negation_window=int(coding["negation_window"]),
            intent_roots=frozenset(coding["intent_roots"]),
            government_roots=frozenset(coding["government_roots"]),
            max_bytes=int(inp["max_bytes"]),
            # relative to the settings file, so a project's settings travel with its packs
            pack_folders=tuple(source.parent / Path(f).expanduser() for f in raw.get("packs", {}).get("folders", ())),
        )
