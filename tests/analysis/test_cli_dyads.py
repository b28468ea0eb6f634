"""`warta dyads` prints what the Python API computes, in every shared output format."""
from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from warta.cli import app

runner = CliRunner()


def dyads(*args):
    return runner.invoke(app, ["dyads", *args])


def test_jsonl_keeps_structure(store_path):
    result = dyads("--source", "IRN", "--target", "RUS", "--undirected", "--db", str(store_path), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["period"], r["total"], r["forward"]) for r in rows] == [("2020-07-01", 4, 3), ("2020-08-01", 2, 1)]
    assert rows[0]["top_codes"][0] == {"code": "040", "count": 2}


def test_csv_and_table(store_path):
    result = dyads("--source", "USA", "--target", "IRN,RUS", "--by", "day", "--db", str(store_path), "-f", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows == [{"period": "2020-08-10", "total": "2", "verbal_coop": "0", "material_coop": "0",
                     "verbal_conflict": "0", "material_conflict": "2", "goldstein_sum": "-16.0",
                     "goldstein_mean": "-8.0", "top_codes": "163×2"}]
    table = dyads("--source", "IRN", "--target", "RUS", "--db", str(store_path))
    assert table.exit_code == 0 and "2020-07-01" in table.stdout and "3.333" in table.stdout


def test_reports_count(store_path):
    result = dyads("--source", "IRN", "--target", "RUS", "--count", "reports", "--db", str(store_path), "-f", "jsonl")
    assert result.exit_code == 0
    assert [json.loads(line)["total"] for line in result.stdout.splitlines()] == [3, 1]


def test_bad_options_fail_with_a_reason(store_path, tmp_path):
    bad = dyads("--source", "IRN", "--target", "R%S", "--db", str(store_path))
    assert bad.exit_code == 2 and "not a valid actor code" in bad.output
    assert dyads("--source", "IRN", "--target", "RUS", "--by", "hour", "--db", str(store_path)).exit_code == 2
    missing = dyads("--source", "IRN", "--target", "RUS", "--db", str(tmp_path / "none.duckdb"))
    assert missing.exit_code == 2 and "run `warta code` first" in " ".join(missing.output.split())
