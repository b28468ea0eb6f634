"""The seed articles, coded by the real CLI into a real store, scored by the shared scorer."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import shared_path

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def _run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "warta.cli", *args], capture_output=True, text=True, check=True)


def _score(gold, predicted, level: str) -> dict:
    out = subprocess.run([sys.executable, str(shared_path("tools", "score_events.py")), str(gold), str(predicted),
                          "--level", level], capture_output=True, text=True)
    return json.loads(out.stdout[: out.stdout.rindex("}") + 1])[level]


def test_seeds_meet_gold(tmp_path, db):
    seeds, gold = shared_path("seeds"), shared_path("gold", "seeds.jsonl")
    result = _run_cli("code", str(seeds), "--db", str(db), "--format", "jsonl")
    predicted = tmp_path / "pred.jsonl"
    predicted.write_text(result.stdout, encoding="utf-8")
    for level in ("country+root", "sector+root"):
        score = _score(gold, predicted, level)
        assert score["missed"] == [], f"{level}: missed {score['missed']}"
        assert score["precision"] >= 0.8, f"{level}: precision {score['precision']}: {score['unmatched_predictions']}"


def test_seed_events_carry_evidence_dates_and_places(db):
    seeds = shared_path("seeds")
    out = _run_cli("code", str(seeds), "--db", str(db), "--format", "jsonl").stdout
    events = [json.loads(line) for line in out.splitlines()]
    signed = [e for e in events if e["code"] == "057"]
    assert signed, "the 2023 declaration signing was not coded"
    assert {e["date"] for e in signed} == {"2023-12-05"}
    assert any(e["location"] == "Moskow" for e in signed)
    call = next(e for e in events if e["code"] == "041")
    assert call["date"] == "2020-07-16"
    assert {call["source"], call["target"]} == {"IRNGOV", "RUSGOV"}
    for e in events:
        assert e["evidence"], f"an event without evidence: {e}"
        assert e["evidence"] in e["sentence"] or e["evidence"] in e["sentence"].replace("\n", " "), e
        assert e["rule"].startswith("lexicon:id:")
        assert e["plover"] in {None, "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT",
                               "INVESTIGATE", "DEMAND", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE",
                               "SANCTION", "COERCE", "ASSAULT", "REQUEST"}


def test_rerun_stores_nothing_twice(db):
    seeds = shared_path("seeds")
    _run_cli("code", str(seeds), "--db", str(db), "--format", "jsonl")
    first = _run_cli("events", "--db", str(db), "--format", "jsonl").stdout.splitlines()
    second_run = _run_cli("code", str(seeds), "--db", str(db), "--format", "jsonl")
    assert "2 unchanged and skipped" in second_run.stderr
    again = _run_cli("events", "--db", str(db), "--format", "jsonl").stdout.splitlines()
    assert len(first) == len(again) > 0
