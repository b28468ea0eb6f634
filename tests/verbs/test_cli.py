"""`warta verbs ...` end to end through the real CLI: import a small verb file into a store,
then `warta code --db` codes with it, on the clause structure its patterns describe."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

DATA = Path(__file__).parent / "data"
SMALL = DATA / "small.verbs.txt"

ARTICLES = {
    "aid.txt": "Norway brought grain to Yemen on Monday.",
    "other_clause.txt": "Norway brought a letter, and grain reached Yemen on Monday.",
    "vessels.txt": "Chinese gunboats shadowed a Vietnamese fishing fleet on Monday.",
    "no_vessels.txt": "Vietnam shadowed the Chinese delegation on Monday.",
    "vessels_elsewhere.txt": "The gunboats left port; Vietnam shadowed Chinese trawlers on Monday.",
    "criticised.txt": "Norway drew criticism from Sweden on Monday.",
    "object_first.txt": "Grain is what Norway brought to Yemen on Monday.",
}


@pytest.fixture
def cli():
    from warta.cli import app

    runner = CliRunner()

    def run(*args, ok: bool = True):
        result = runner.invoke(app, [str(a) for a in args])
        if ok:
            assert result.exit_code == 0, result.output
        return result
    return run


@pytest.fixture
def articles(tmp_path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    return folder


def _events(cli, paths, db, lang="en") -> dict[str, list[tuple]]:
    out = cli("code", *paths, "--db", db, "--lang", lang, "--format", "jsonl", "--quiet").stdout
    events: dict[str, list[tuple]] = {}
    for line in out.splitlines():
        if line.startswith("{"):
            e = json.loads(line)
            events.setdefault(e["doc"], []).append((e["source"], e["target"], e["code"], e["rule"]))
    return events


def test_import_summary_counts_what_is_skipped(cli, db):
    result = cli("verbs", "import", SMALL, "--format", "petrarch", "--db", db, "--problems")
    assert "1 verbs and 6 patterns stored" in result.output
    assert "1 with codes that are not CAMEO codes (999)" in result.output
    assert "5 with no code ([---])" in result.output and "1 lines unreadable" in result.output
    assert "small.verbs.txt:38: a pattern without a [code]" in result.output


def test_list_show_and_provenance(cli, db):
    cli("verbs", "import", SMALL, "--format", "petrarch", "--db", db)
    rows = [json.loads(x) for x in cli("verbs", "list", "--db", db, "-f", "jsonl").stdout.splitlines()]
    assert len(rows) == 1
    row = rows[0]
    assert row["file"] == "small.verbs.txt" and row["lang"] == "en"
    assert row["sha256"] == hashlib.sha256(SMALL.read_bytes()).hexdigest()
    assert (row["verbs"], row["patterns"], row["skipped_code"], row["unreadable"]) == (1, 6, 1, 1)
    assert row["imported_at"]
    shown = [json.loads(x) for x in cli("verbs", "show", "brought", "--db", db, "-f", "jsonl").stdout.splitlines()]
    assert [(r["line"], r["code"]) for r in shown] == [(21, "073"), (24, "042")]  # by an irregular form
    assert all(r["file"] == "small.verbs.txt" for r in shown)
    by_block = cli("verbs", "show", "DRAW", "--db", db, "-f", "jsonl").stdout.splitlines()
    assert [json.loads(x)["file_code"] for x in by_block] == [":111", "112"]
    assert cli("verbs", "show", "nothing", "--db", db, ok=False).exit_code == 1


@pytest.mark.slow
def test_code_uses_the_store_patterns_on_the_clause_structure(cli, db, tmp_path, articles):
    before = _events(cli, [articles], tmp_path / "without.duckdb")
    assert not any("petrarch" in e[3] for evs in before.values() for e in evs)
    assert not any(e[2] in ("073", "150") for evs in before.values() for e in evs)

    cli("verbs", "import", SMALL, "--format", "petrarch", "--db", db)
    events = _events(cli, [articles], db)
    # the object words after the verb, in its clause; `brought` is the file's own {...} form
    assert ("NORGOV", "YEMGOV", "073", "lexicon:en:petrarch:small.verbs.txt:21:svo") in events["aid.txt"]
    assert not any(e[2] == "073" for e in events.get("other_clause.txt", []))  # grain in another clause
    assert not any(e[2] == "073" for e in events.get("object_first.txt", []))  # grain before the verb
    # a subject pattern: its words before the verb, in its clause
    assert [e[2] for e in events["vessels.txt"]] == ["150"]
    assert events["vessels.txt"][0][3] == "lexicon:en:petrarch:small.verbs.txt:28:svo"
    assert "no_vessels.txt" not in events
    assert "vessels_elsewhere.txt" not in events  # the gunboats are in the clause before the `;`
    # [:111]: the other side acts (the pack alone reads Norway as the critic)
    assert events["criticised.txt"] == [("SWEGOV", "NORGOV", "111",
                                         "lexicon:en:petrarch:small.verbs.txt:33:passive:passive")]


@pytest.mark.slow
def test_remove_and_reimport(cli, db, tmp_path, articles):
    cli("verbs", "import", SMALL, "--format", "petrarch", "--db", db)
    cli("verbs", "import", SMALL, "--format", "petrarch", "--db", db)  # replaces, does not add
    rows = cli("verbs", "list", "--db", db, "-f", "jsonl").stdout.splitlines()
    assert len(rows) == 1
    assert "removed small.verbs.txt" in cli("verbs", "remove", "small.verbs.txt", "--db", db).output
    assert cli("verbs", "list", "--db", db, "-f", "jsonl").stdout.strip() == ""
    assert cli("verbs", "remove", "small.verbs.txt", "--db", db, ok=False).exit_code == 1
    events = _events(cli, [articles / "aid.txt"], tmp_path / "after.duckdb")
    assert not any(e[2] == "073" for evs in events.values() for e in evs)


@pytest.mark.slow
def test_another_language_uses_its_own_pack_morphology(cli, db, tmp_path):
    """An Indonesian file: `TEGUR` matches `menegur` through the id pack's affixes, nothing English."""
    folder = tmp_path / "id"
    folder.mkdir()
    (folder / "tegur.txt").write_text("Indonesia menegur Malaysia soal perbatasan di Kalimantan, Senin (5/12/2023).\n",
                                      encoding="utf-8")
    (folder / "koma.txt").write_text("Indonesia menegur Malaysia, Senin (5/12/2023), lalu perbatasan ditutup.\n",
                                     encoding="utf-8")
    assert not _events(cli, [folder], tmp_path / "without.duckdb", lang="id")
    result = cli("verbs", "import", DATA / "kecil.verbs.txt", "--format", "petrarch", "--lang", "id", "--db", db)
    assert "kecil.verbs.txt (id): 0 verbs and 1 patterns stored" in result.output
    events = _events(cli, [folder], db, lang="id")
    assert events == {"tegur.txt": [("IDNGOV", "MYSGOV", "111", "lexicon:id:petrarch:kecil.verbs.txt:9:svo")]}


def test_unknown_language_is_refused(cli, db):
    result = cli("verbs", "import", SMALL, "--format", "petrarch", "--lang", "xx", "--db", db, ok=False)
    assert result.exit_code != 0


def test_eval_takes_a_verb_file(cli, tmp_path, articles):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "g1", "doc": "aid.txt", "required": True, "source": "NORGOV",
                                "target": "YEMGOV", "symmetric": False, "roots": ["07"], "codes": ["073"],
                                "date": None, "evidence": "Norway brought grain to Yemen"}) + "\n", encoding="utf-8")
    plain = json.loads(cli("eval", gold, articles / "aid.txt", "--format", "json", ok=False).stdout)
    loaded = json.loads(cli("eval", gold, articles / "aid.txt", "--verbs", SMALL, "--format", "json",
                            ok=False).stdout)
    assert plain["events"]["levels"]["country+root"]["found"] == 0
    assert loaded["events"]["levels"]["country+root"]["found"] == 1
