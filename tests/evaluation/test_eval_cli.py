"""`warta eval` end to end through the real CLI (typer's runner), on shared and made-up sets."""
from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from tests.conftest import shared_path
from tests.evaluation.test_petrarch_records import SAMPLE
from warta.cli import app

runner = CliRunner()


def _json(*args: str) -> dict:
    result = runner.invoke(app, ["eval", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_nothing_to_evaluate_is_an_error():
    result = runner.invoke(app, ["eval"])
    assert result.exit_code == 2 and "nothing to evaluate" in result.output


def test_seeds_report_in_json():
    gold = shared_path("gold", "seeds.jsonl")
    out = _json(str(gold))["events"]  # articles found beside the gold file: shared/seeds/
    assert set(out["summary"]) == {"country+root", "sector+root", "country+code"}
    assert set(out["documents"]) == {"000_8c20ede6d364c3ed.txt", "004_e4b90f5545c06f14.txt"}
    assert out["missing_documents"] == []
    level = out["levels"]["country+root"]
    assert level["required"] == 8
    assert level["found"] == 8 - len(level["misses"])
    assert level["predicted"] - level["correct"] == len(level["false_positives"])
    assert "id" in level["by_language"]
    for fp in level["false_positives"]:
        assert fp["evidence"] and fp["rule"]



def test_seeds_report_as_tables(tmp_path):
    gold = shared_path("gold", "seeds.jsonl")
    predicted = tmp_path / "pred.jsonl"  # given predictions: the tables without loading a coder again
    rows = [{"doc": "004_e4b90f5545c06f14.txt", "source": "USAGOV", "target": "IRN", "code": "163", "date": None,
             "lang": "id", "evidence": "sanksi", "rule": "lexicon:id:sanction"},
            {"doc": "004_e4b90f5545c06f14.txt", "source": "FRA", "target": "DEU", "code": "190", "date": None,
             "lang": "id", "evidence": "kata [bold]ini[/bold]", "rule": "lexicon:id:fight"}]
    predicted.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    table = runner.invoke(app, ["eval", str(gold), "--predicted", str(predicted), "--level", "sector+root"])
    assert table.exit_code == 0, table.output
    text = " ".join(table.stdout.split())
    assert "sector+root by CAMEO root" in text and "misses" in text
    assert "000_8c20ede6d364c3ed.txt" in text  # named by the gold, absent from the predictions
    assert "lexicon:id:fight" in text and "kata [bold]ini[/bold]" in text  # shown as written: no emoji, no markup


def test_scoring_given_predictions_needs_no_coding(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "a-G1", "doc": "a.txt", "required": True, "source": "IDNGOV",
                                "target": "MYS", "symmetric": True, "roots": ["04"], "codes": ["040"],
                                "date": "2024-01-08", "evidence": "bertemu"}) + "\n", encoding="utf-8")
    preds = tmp_path / "pred.jsonl"
    rows = [{"doc": "a.txt", "source": "MYSGOV", "target": "IDNGOV", "code": "042", "date": "2024-01-08",
             "lang": "id", "evidence": "berkunjung", "rule": "lexicon:id:visit"},
            {"doc": "a.txt", "source": "IDN", "target": "MYS", "code": "111", "date": "2024-01-08", "lang": "id",
             "evidence": "mengecam", "rule": "lexicon:id:criticise"}]
    preds.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = _json(str(gold), "--predicted", str(preds), "--level", "country+code")["events"]
    assert out["summary"]["country+root"]["precision"] == 0.5 and out["summary"]["country+root"]["recall"] == 1.0
    assert out["summary"]["country+code"]["recall"] == 0.0  # 042 is not one of the gold codes
    detail = out["levels"]["country+code"]
    assert [m["id"] for m in detail["misses"]] == ["a-G1"]
    assert {fp["rule"] for fp in detail["false_positives"]} == {"lexicon:id:visit", "lexicon:id:criticise"}


def test_missing_articles_are_explained(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "x", "doc": "nowhere.txt", "required": True, "source": "USA",
                                "target": "IRN", "roots": ["16"], "codes": ["163"], "date": None}) + "\n")
    result = runner.invoke(app, ["eval", str(gold)])
    assert result.exit_code == 2 and "pass the article files" in " ".join(result.output.split())


def test_plover_gsr_mode(tmp_path):
    cases = tmp_path / "cases.jsonl"
    case = {"record_id": "R1", "text": "Russia and China agreed to cooperate on energy.", "date": "2000-01-01",
            "language": "en", "events": [{"source": "RUS", "target": "", "code": "AGREE"}],
            "plover": {"event": "AGREE"}}
    cases.write_text(json.dumps(case) + "\n", encoding="utf-8")
    out = _json("--plover-gsr", str(cases))["plover_gsr"]
    assert out["cases"] == 1 and out["category_accuracy"] in (0.0, 1.0)
    assert set(out["confusion"]) == {"AGREE"}
    table = runner.invoke(app, ["eval", "--plover-gsr", str(cases)])
    assert table.exit_code == 0 and "confusion" in table.stdout


def test_petrarch_mode_sets_aside_what_it_cannot_score(tmp_path):
    records = tmp_path / "records.xml"
    records.write_text(SAMPLE, encoding="utf-8")
    out = _json("--petrarch-records", str(records))["petrarch"]
    assert out["records"] == 6 and out["scored"] == 2
    assert sum(out["excluded"].values()) == 4
    assert out["by_category"]["ERROR"]["scored"] == 0
    assert out["dictionaries"] == []  # the sample's <Environment> names none


def test_update_then_check_a_baseline(tmp_path):
    shared = tmp_path / "shared"  # a private copy of the seeds set, so it can be changed
    (shared / "gold").mkdir(parents=True)
    shutil.copy(shared_path("gold", "seeds.jsonl"), shared / "gold" / "seeds.jsonl")
    shutil.copytree(shared_path("seeds"), shared / "seeds")
    path = tmp_path / "baseline.json"
    common = ["--baseline", str(path), "--shared", str(shared), "--lang", "id"]
    result = runner.invoke(app, ["eval", "--update-baseline", "--set", "seeds", *common])
    assert result.exit_code == 0, result.output
    pinned = json.loads(path.read_text(encoding="utf-8"))["sets"]
    assert set(pinned) == {"seeds"} and "country+root.f1" in pinned["seeds"]["scores"]
    check = runner.invoke(app, ["eval", "--check-baseline", "--format", "json", *common])
    assert check.exit_code == 0, check.output
    assert {c["status"] for c in json.loads(check.stdout)["baseline"]} == {"ok"}
    with open(next((shared / "seeds").iterdir()), "a", encoding="utf-8") as f:
        f.write("\nSatu kalimat lagi.\n")  # the set changed: the gate must say so, and fail
    changed = runner.invoke(app, ["eval", "--check-baseline", *common])
    assert changed.exit_code == 1
    assert "changed since the baseline" in " ".join(changed.stdout.split())


@pytest.mark.parametrize("bad", [["--lang", "xx", "--plover-gsr", "x.jsonl"], ["--update-baseline", "--set", "nope"]])
def test_bad_options_are_refused(bad, tmp_path):
    result = runner.invoke(app, ["eval", *bad, "--baseline", str(tmp_path / "b.json")])
    assert result.exit_code == 2
