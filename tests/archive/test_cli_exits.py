"""What the CLI answers when asked something it cannot do (issue 15): a clean message and an exit code,
never a traceback; and `warta export -o -` writes to standard output."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warta import Warta
from warta.cli import NOTHING_READ, app

REPO = Path(__file__).resolve().parents[2]
ARTICLES = {
    "a.txt": "Presiden Rusia bertemu Presiden Iran di Moskow, Selasa (5/12/2023).",
    "b.txt": "Menteri luar negeri Turki dan Iran bertemu di Ankara pada Rabu (6/12/2023).",
}
runner = CliRunner()


def warta(*args) -> "object":
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = folder / "w.duckdb"
    report = Warta(db, languages=["id"], learn=False).code([folder])
    assert report.events >= 2
    return db


@pytest.mark.parametrize("args", [
    ("events", "--since", "2023-99-99"),
    ("events", "--until", "2023-02-30"),
    ("events", "--since", "kemarin"),
    ("export", "--format", "csv", "-o", "{tmp}/x.csv", "--since", "2023-99-99"),
    ("export", "--format", "gdelt", "-o", "{tmp}/x.CSV", "--until", "2023-13-01"),
])
def test_a_day_that_is_no_day_is_a_usage_error(store, tmp_path, args):
    result = warta(*(a.format(tmp=tmp_path) for a in args), "--db", store)
    assert result.exit_code == 2, result.output
    assert "is not a date (YYYY-MM-DD)" in result.output and "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not list(tmp_path.iterdir())  # no export file was started


def test_days_are_still_filters(store):
    result = warta("events", "--db", store, "--since", "2023-12-06", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert {json.loads(line)["date"] for line in result.stdout.splitlines()} == {"2023-12-06"}


def test_nothing_could_be_read_exits_1_and_makes_no_store(tmp_path):
    db = tmp_path / "new.duckdb"
    result = warta("code", tmp_path / "nosuch.txt", tmp_path / "nor-this.jsonl", "--db", db)
    assert result.exit_code == NOTHING_READ == 1, result.output
    assert "W001" in result.output and "nothing could be read" in result.output
    assert not any(tmp_path.iterdir())  # no store, no write-ahead log


@pytest.mark.slow
def test_some_inputs_failing_is_still_a_run_that_worked(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text(ARTICLES["a.txt"], encoding="utf-8")
    db = tmp_path / "w.duckdb"
    result = warta("code", tmp_path / "nosuch.txt", good, "--db", db, "--lang", "id", "--quiet")
    assert result.exit_code == 0, result.output
    assert "1 document coded" in result.output and "1 input failed: 1 x W001" in result.output
    assert db.exists()


@pytest.mark.slow
def test_the_readme_quick_start_exits_0(tmp_path):
    result = warta("code", REPO / "examples", "--db", tmp_path / "w.duckdb", "--quiet", "--no-learn")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "gdelt", "plover"])
def test_export_to_standard_output_writes_what_a_file_holds(store, tmp_path, fmt):
    to_file = warta("export", "--format", fmt, "-o", tmp_path / "out", "--db", store)
    assert to_file.exit_code == 0, to_file.output
    result = warta("export", "--format", fmt, "-o", "-", "--db", store)
    assert result.exit_code == 0, result.output
    expected = (tmp_path / "out").read_bytes()
    assert expected and result.stdout_bytes == expected
    assert "-> standard output" in result.stderr and not (Path.cwd() / "-").exists()


def test_parquet_to_standard_output_is_refused_cleanly(store):
    result = warta("export", "--format", "parquet", "-o", "-", "--db", store)
    assert result.exit_code == 2 and "not to standard output" in " ".join(result.output.split())


@pytest.mark.slow
def test_nothing_read_into_a_store_there_exits_1_and_keeps_it(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text(ARTICLES["a.txt"], encoding="utf-8")
    db = tmp_path / "w.duckdb"
    assert warta("code", good, "--db", db, "--lang", "id", "--quiet").exit_code == 0
    result = warta("code", tmp_path / "nosuch.txt", "--db", db, "--lang", "id", "--quiet")
    assert result.exit_code == 1 and "W001" in result.output
    assert [e["doc_id"] for e in Warta(db).events()] == ["a.txt"]
