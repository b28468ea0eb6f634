"""The evaluation gate: no development set may score below its pinned baseline.

Each set in warta/evaluation/baseline.json is recomputed with the real
coder. A set whose files changed fails with a message saying so (its old
scores are not comparable); a set whose files are absent is skipped. After
an intended improvement, `warta eval --update-baseline` pins the new scores.
The second half tests the gate's own logic on a made-up set.
"""
from __future__ import annotations

import json

import pytest

from tests.conftest import SHARED, shared_path
from warta.evaluation.baseline import (BASELINE_PATH, TOLERANCE, BaselineDrop, check_baseline, check_set,
                                       load_baseline, update_baseline)
from warta.evaluation.devsets import DEV_SETS, DevSet, Measured, dev_set

PINNED = load_baseline()["sets"]


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(PINNED))
def test_development_set_has_not_dropped_below_its_baseline(name, coders):
    dev = dev_set(name)
    for f in dev.files:
        shared_path(f)  # skips, saying which file is absent
    checks = check_set(dev, PINNED[name], SHARED, coders, load_baseline().get("tolerance", TOLERANCE))
    changed = [c.message() for c in checks if c.status == "changed"]
    assert not changed, changed[0]
    dropped = [c.message() for c in checks if c.status == "dropped"]
    assert not dropped, "scores fell below the baseline:\n" + "\n".join(dropped)


def test_every_development_set_is_pinned():
    present = [d.name for d in DEV_SETS if d.present(SHARED)]
    assert set(present) <= set(PINNED), f"run `warta eval --update-baseline`: unpinned {set(present) - set(PINNED)}"
    assert BASELINE_PATH.name == "baseline.json"


# -- the gate's logic, on a made-up set -------------------------------------------------------------

def _fake_set(score: dict[str, float], name="fake") -> DevSet:
    return DevSet(name, ("fake/gold.jsonl", "fake/docs"), "a made-up set",
                  lambda shared, coders: Measured(dict(score), {"extra": 1.0}))


@pytest.fixture
def shared(tmp_path):
    (tmp_path / "fake" / "docs").mkdir(parents=True)
    (tmp_path / "fake" / "gold.jsonl").write_text('{"id": 1}\n', encoding="utf-8")
    (tmp_path / "fake" / "docs" / "a.txt").write_text("an article", encoding="utf-8")
    return tmp_path


def test_update_writes_scores_and_checksums_and_check_passes(shared, tmp_path):
    path = tmp_path / "baseline.json"
    fake = _fake_set({"f1": 0.5})
    written = update_baseline(shared, None, path, sets=[fake])
    entry = json.loads(path.read_text(encoding="utf-8"))["sets"]["fake"]
    assert entry == written["sets"]["fake"]
    assert entry["scores"] == {"f1": 0.5} and entry["info"] == {"extra": 1.0} and len(entry["sha256"]) == 64
    assert [c.status for c in check_baseline(shared, None, path, sets=[fake])] == ["ok"]


def test_a_drop_beyond_the_tolerance_fails_and_a_wobble_does_not(shared, tmp_path):
    path = tmp_path / "baseline.json"
    update_baseline(shared, None, path, sets=[_fake_set({"f1": 0.5, "acc": 0.8})])
    now = _fake_set({"f1": 0.5 - TOLERANCE / 2, "acc": 0.7})
    status = {c.score: c.status for c in check_baseline(shared, None, path, sets=[now])}
    assert status == {"f1": "ok", "acc": "dropped"}
    better = _fake_set({"f1": 0.6, "acc": 0.8})
    assert {c.status for c in check_baseline(shared, None, path, sets=[better])} == {"improved", "ok"}
    gone = _fake_set({"acc": 0.8})
    assert {c.score: c.status for c in check_baseline(shared, None, path, sets=[gone])}["f1"] == "dropped"


def test_a_changed_set_fails_with_a_clear_message(shared, tmp_path):
    path = tmp_path / "baseline.json"
    fake = _fake_set({"f1": 0.5})
    update_baseline(shared, None, path, sets=[fake])
    (shared / "fake" / "docs" / "b.txt").write_text("one more article", encoding="utf-8")
    [check] = check_baseline(shared, None, path, sets=[fake])
    assert check.status == "changed" and check.failed
    assert "changed since the baseline" in check.message() and "--update-baseline" in check.message()


def test_an_absent_set_is_not_checked_and_keeps_its_entry_on_update(shared, tmp_path):
    path = tmp_path / "baseline.json"
    fake = _fake_set({"f1": 0.5})
    update_baseline(shared, None, path, sets=[fake])
    (shared / "fake" / "gold.jsonl").unlink()
    [check] = check_baseline(shared, None, path, sets=[fake])
    assert check.status == "absent" and not check.failed
    kept = update_baseline(shared, None, path, sets=[_fake_set({"f1": 0.9})])
    assert kept["sets"]["fake"]["scores"] == {"f1": 0.5}


def test_an_update_does_not_pin_lower_scores_unless_told(shared, tmp_path):
    path = tmp_path / "baseline.json"
    update_baseline(shared, None, path, sets=[_fake_set({"f1": 0.5})])
    with pytest.raises(BaselineDrop, match="fake f1: 0.5 -> 0.4"):
        update_baseline(shared, None, path, sets=[_fake_set({"f1": 0.4})])
    assert json.loads(path.read_text(encoding="utf-8"))["sets"]["fake"]["scores"] == {"f1": 0.5}
    update_baseline(shared, None, path, sets=[_fake_set({"f1": 0.4})], allow_drop=True)
    assert json.loads(path.read_text(encoding="utf-8"))["sets"]["fake"]["scores"] == {"f1": 0.4}
    (shared / "fake" / "gold.jsonl").write_text('{"id": 2}\n', encoding="utf-8")  # a new set: starts afresh
    assert update_baseline(shared, None, path, sets=[_fake_set({"f1": 0.1})])["sets"]["fake"]["scores"] == {"f1": 0.1}


def test_updating_an_unknown_set_is_refused(shared, tmp_path):
    with pytest.raises(ValueError, match="no development set"):
        update_baseline(shared, None, tmp_path / "b.json", only=["nope"], sets=[_fake_set({"f1": 0.5})])
