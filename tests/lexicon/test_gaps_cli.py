"""`warta lexicon gaps` end to end through the real CLI, on a small corpus of made-up sentences."""
from __future__ import annotations

import gzip
import json

import pytest
from typer.testing import CliRunner

from warta.cli import app

runner = CliRunner()

# "zagor" is a made-up verb root, so no pack entry will ever cover it; "kecam" (condemn) is an entry.
ARTICLES = [
    {"id": "a1", "text": "Rusia menzagor Iran dalam pertemuan di Jenewa."},
    {"id": "a2", "text": "Amerika Serikat menzagor Tiongkok soal perdagangan.\n\nRusia mengecam Ukraina."},
    {"id": "a3", "text": "Jepang dizagor Korea Selatan dalam sidang itu."},
    {"id": "a4", "text": "Prancis mengecam Jerman atas kebijakan energi."},
]


def _corpus(tmp_path, gz: bool = True):
    lines = "".join(json.dumps({**a, "lang": "id"}) + "\n" for a in ARTICLES).encode("utf-8")
    path = tmp_path / ("corpus.jsonl.gz" if gz else "corpus.jsonl")
    path.write_bytes(gzip.compress(lines) if gz else lines)
    return path


def _gaps(*args: str) -> list[dict]:
    result = runner.invoke(app, ["lexicon", "gaps", *args, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_uncovered_predicate_is_listed_with_count_and_kwic(tmp_path):
    gaps = {g["stem"]: g for g in _gaps(str(_corpus(tmp_path)), "--lang", "id")}
    assert "zagor" in gaps, gaps
    gap = gaps["zagor"]
    assert gap["count"] == 3 and gap["docs"] == 3
    assert gap["forms"] == {"menzagor": 2, "dizagor": 1}  # affixed forms meet at the stem
    assert gap["share"] == 1.0  # every document holding the word has it between two actors
    lines = [k["line"] for k in gap["kwic"]]
    assert "«Rusia» [menzagor] «Iran» dalam pertemuan di Jenewa." in lines
    assert {(k["doc"], k["source"], k["target"]) for k in gap["kwic"]} >= {("a1", "RUS", "IRN")}
    # covered by the lexicon: never a gap
    assert not any(g.startswith("kecam") or "mengecam" in gaps[g]["forms"] for g in gaps)
    assert not any(g in ("rusia", "iran", "jenewa") for g in gaps)  # actors and names are no predicate


def test_table_output_and_options(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _corpus(folder, gz=False)
    result = runner.invoke(app, ["lexicon", "gaps", str(folder), "--lang", "id", "--top", "1", "--kwic", "1"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "1. zagor  3 pairs, 3 documents" in out and "menzagor 2" in out
    assert out.count("[menzagor]") + out.count("[dizagor]") == 1  # --kwic 1
    assert "2." not in out  # --top 1
    assert "covered by the id lexicon" in result.stderr
    # --limit reads only the first documents
    limited = _gaps(str(folder), "--lang", "id", "--limit", "1")
    assert [(g["forms"], g["count"]) for g in limited] == [({"menzagor": 1}, 1)]


def test_unknown_language_is_refused(tmp_path):
    result = runner.invoke(app, ["lexicon", "gaps", str(_corpus(tmp_path)), "--lang", "xx"])
    assert result.exit_code == 2


@pytest.mark.slow
def test_frequent_and_unspecific_words_are_left_out_of_a_large_corpus(tmp_path):
    """On 100 documents or more: a word in more than --max-df of the documents is a function word
    ("memang", indeed), and a stem seldom between actors where it occurs (--min-share) is no predicate."""
    docs = [{"id": f"a{i}", "text": "Rusia memang menzagor Iran."} for i in range(30)]
    docs += [{"id": f"b{i}", "text": "Cuaca memang cerah sekali."} for i in range(100)]
    docs += [{"id": f"c{i}", "text": "Petani plontos di desa itu."} for i in range(24)]
    docs += [{"id": "d", "text": "Jepang plontos Korea Selatan."}]
    path = tmp_path / "large.jsonl"
    path.write_text("".join(json.dumps({**d, "lang": "id"}) + "\n" for d in docs), encoding="utf-8")
    gaps = _gaps(str(path), "--lang", "id")
    forms = {f for g in gaps for f in g["forms"]}
    assert [g["count"] for g in gaps if "menzagor" in g["forms"]] == [30]
    assert "memang" not in forms and "plontos" not in forms
    # the thresholds are options: lifted, both words come back
    lifted = {f: g for g in _gaps(str(path), "--lang", "id", "--max-df", "1", "--min-share", "0") for f in g["forms"]}
    assert lifted["memang"]["count"] == 30
    assert lifted["plontos"]["count"] == 1 and lifted["plontos"]["share"] == 0.04
