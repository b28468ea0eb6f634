"""Every user setting lives in one file behind one loader (warta/settings.py)."""
from __future__ import annotations

import tomllib
from pathlib import Path

import warta
from warta.actors.fuzzy import FuzzyNames
from warta.read import _max_bytes
from warta.settings import DEFAULT, ActorSettings, Settings

PACKAGE = Path(warta.__file__).parent


def _leaves(table: dict, prefix: str = "") -> list[str]:
    out = []
    for key, value in table.items():
        out += _leaves(value, f"{prefix}{key}.") if isinstance(value, dict) else [f"{prefix}{key}"]
    return out


def test_one_settings_file_and_one_loader():
    files = sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("settings*.toml"))
    assert files == ["settings.toml"]
    loaders = sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")
                     if "settings.toml" in p.read_text(encoding="utf-8") and "with_name(" in p.read_text(encoding="utf-8"))
    assert loaders == ["settings.py"]


def test_every_setting_in_the_file_is_read():
    source = (PACKAGE / "settings.py").read_text(encoding="utf-8")
    raw = tomllib.loads(DEFAULT.read_text(encoding="utf-8"))
    unread = [leaf for leaf in _leaves(raw) if f'"{leaf.rsplit(".", 1)[-1]}"' not in source]
    assert unread == []


def test_actor_settings_are_part_of_the_one_load(tmp_path):
    assert ActorSettings.load() is Settings.load().actors
    user = tmp_path / "mine.toml"
    user.write_text(DEFAULT.read_text(encoding="utf-8").replace("threshold = 90", "threshold = 77"),
                    encoding="utf-8")
    assert ActorSettings.load(user).fuzzy_threshold == 77
    assert Settings.load(user).actors.fuzzy_threshold == 77


def test_defaults_in_code_are_the_settings_not_second_literals():
    settings = Settings.load()
    index = FuzzyNames([])
    assert (index.threshold, index.min_length) == (settings.actors.fuzzy_threshold, settings.actors.fuzzy_min_length)
    assert _max_bytes(None) == settings.max_bytes
    assert _max_bytes(5) == 5
