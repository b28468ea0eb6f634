"""The baseline gate: pinned scores per development set, and the check against them.

`baseline.json` (beside this module, so an installed Warta finds it too)
holds, per set, the sha256 of its files and the scores last accepted. The
check recomputes every score and reports a drop beyond the tolerance; a set
whose files changed is reported as such, never compared, so editing a
development set cannot move the baseline unnoticed. After an intended
improvement (or a deliberate change of a set) `warta eval --update-baseline`
rewrites the file; commit it with the change that earned it.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from warta.evaluation.devsets import DEV_SETS, Coders, DevSet

BASELINE_PATH = Path(__file__).with_name("baseline.json")
SCHEMA = "warta.baseline.v1"
TOLERANCE = 0.005  # a score may wobble this much below its baseline (rounding, ties) before the gate fails


def checksum(paths: Iterable[Path], root: Path) -> str:
    """sha256 over every file (folders walked in name order), each with its path relative to `root`."""
    h = hashlib.sha256()
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith(".")))
        else:
            files.append(p)
    for f in files:
        h.update(f.relative_to(root).as_posix().encode("utf-8") + b"\0")
        h.update(hashlib.sha256(f.read_bytes()).digest())
    return h.hexdigest()


def set_checksum(dev: DevSet, shared: Path) -> str:
    return checksum(dev.paths(shared), shared)


def load_baseline(path: Path = BASELINE_PATH) -> dict:
    if not path.exists():
        return {"schema": SCHEMA, "tolerance": TOLERANCE, "sets": {}}
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("schema") != SCHEMA:
        raise ValueError(f"{path}: schema is {data.get('schema')!r}, expected {SCHEMA!r}")
    return data


def measure_set(dev: DevSet, shared: Path, coders: Coders) -> dict:
    measured = dev.measure(shared, coders)
    return {"about": dev.about, "files": list(dev.files), "sha256": set_checksum(dev, shared),
            "scores": measured.gated, "info": measured.info}


class BaselineDrop(ValueError):
    """An update would pin lower scores for an unchanged set: refused unless drops are allowed."""


def update_baseline(shared: Path, coders: Coders, path: Path = BASELINE_PATH,
                    only: Iterable[str] | None = None, sets: Sequence[DevSet] = DEV_SETS,
                    allow_drop: bool = False) -> dict:
    """Measure every present set (or those in `only`) and write them; absent sets keep their old entry.

    A set whose files are unchanged may only move up: pinning a lower score
    needs `allow_drop` (a deliberate trade, said out loud), so the update
    cannot quietly absorb a regression. A changed set starts afresh.
    """
    data = load_baseline(path)
    tolerance = float(data.get("tolerance", TOLERANCE))
    wanted = set(only) if only else None
    unknown = (wanted or set()) - {dev.name for dev in sets}
    if unknown:
        raise ValueError(f"no development set {', '.join(sorted(unknown))}; have {', '.join(d.name for d in sets)}")
    fresh, drops = {}, []
    for dev in sets:
        if (wanted is None or dev.name in wanted) and dev.present(shared):
            entry = measure_set(dev, shared, coders)
            old = data["sets"].get(dev.name)
            if old and old.get("sha256") == entry["sha256"]:
                drops += [f"{dev.name} {k}: {v} -> {entry['scores'].get(k)}" for k, v in old["scores"].items()
                          if entry["scores"].get(k) is None or entry["scores"][k] < v - tolerance]
            fresh[dev.name] = entry
    if drops and not allow_drop:
        raise BaselineDrop("the update would lower pinned scores (pass --allow-drop if that is intended):\n  "
                           + "\n  ".join(drops))
    data["sets"].update(fresh)
    ordered = {"schema": SCHEMA, "tolerance": tolerance,
               "note": "written by `warta eval --update-baseline`; checked by tests/evaluation/test_baseline_gate.py",
               "sets": {k: data["sets"][k] for k in sorted(data["sets"])}}
    path.write_text(json.dumps(ordered, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return ordered


@dataclass(frozen=True)
class Check:
    set: str
    score: str
    baseline: float | None
    current: float | None
    status: str  # ok | improved | dropped | changed | absent | new

    @property
    def failed(self) -> bool:
        return self.status in ("dropped", "changed")

    def message(self) -> str:
        if self.status == "changed":
            return (f"development set {self.set!r} changed since the baseline was taken (sha256 differs): "
                    "its scores are not comparable. If the change is intended, run "
                    "`warta eval --update-baseline` and commit baseline.json with it.")
        if self.status == "absent":
            return f"development set {self.set!r} is absent here: not checked"
        return f"{self.set} {self.score}: baseline {self.baseline}, now {self.current} ({self.status})"


def check_set(dev: DevSet, entry: dict, shared: Path, coders: Coders, tolerance: float) -> list[Check]:
    """Compare one set with its baseline entry: a checksum first, then each gated score."""
    if not dev.present(shared):
        return [Check(dev.name, "*", None, None, "absent")]
    if set_checksum(dev, shared) != entry.get("sha256"):
        return [Check(dev.name, "sha256", None, None, "changed")]
    current = dev.measure(shared, coders).gated
    checks = []
    for score, pinned in entry.get("scores", {}).items():
        now = current.get(score)
        if now is None:
            status = "dropped"  # a gated score nobody computes any more is a silent loss
        elif now < pinned - tolerance:
            status = "dropped"
        elif now > pinned + tolerance:
            status = "improved"
        else:
            status = "ok"
        checks.append(Check(dev.name, score, pinned, now, status))
    checks.extend(Check(dev.name, s, None, v, "new") for s, v in current.items() if s not in entry.get("scores", {}))
    return checks


def check_baseline(shared: Path, coders: Coders, path: Path = BASELINE_PATH,
                   sets: Sequence[DevSet] = DEV_SETS) -> list[Check]:
    data = load_baseline(path)
    tolerance = float(data.get("tolerance", TOLERANCE))
    checks = []
    for dev in sets:
        if dev.name in data["sets"]:
            checks.extend(check_set(dev, data["sets"][dev.name], shared, coders, tolerance))
    return checks
