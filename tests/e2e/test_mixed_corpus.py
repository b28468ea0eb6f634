"""One CLI run over a folder of Indonesian and English articles.

Each document must be read with its own language pack: detected language,
events whose rule names that pack, and actors resolved by that pack's words
("Presiden Rusia" and "Russian President" are both RUSGOV).
"""
from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict

import duckdb
import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

ARTICLES = {
    "id_kunjungan.txt": """Menlu Iran Bertemu Menlu Rusia di Moskow

Jumat 17 Jul 2020 10:15 WIB

MOSKOW – Menteri Luar Negeri Iran bertemu Menteri Luar Negeri Rusia di Moskow, Kamis (16/7/2020). Kedua menteri membahas kerja sama ekonomi.

Iran dan Rusia menandatangani perjanjian kerja sama energi. Pemerintah Iran mengecam sanksi Amerika Serikat.
""",
    "id_sanksi.txt": """AS Jatuhkan Sanksi Baru kepada Rusia

Rabu 6 Des 2023 08:51 WIB

WASHINGTON – Amerika Serikat menjatuhkan sanksi baru kepada Rusia pada Selasa. Rusia mengecam keputusan itu dan menuduh Amerika Serikat.
""",
    "en_phone_call.txt": """Putin and Rouhani speak by phone

Friday 17 Jul 2020 09:30 GMT

MOSCOW (Warta) – Russian President Vladimir Putin spoke by phone with Iranian President Hassan Rouhani on Thursday. Putin also criticized the United States.

Iran was criticized by the United States on Wednesday. Russian Foreign Minister Sergei Lavrov plans to visit Tehran.
""",
    "en_sanctions.txt": """EU imposes new sanctions on Russia

Wednesday 6 Dec 2023 11:45 GMT

BRUSSELS – The European Union imposed new sanctions on Russia on Tuesday. Ukraine accused Russia of shelling Ukrainian towns.
""",
}


def _run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "warta.cli", *args], capture_output=True, text=True, check=True)


@pytest.fixture(scope="module")
def coded(tmp_path_factory):
    """One `warta code DIR --format jsonl` run into a real DuckDB file: (events by document, db path)."""
    root = tmp_path_factory.mktemp("mixed")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    db = root / "warta.duckdb"
    out = _run_cli("code", str(corpus), "--db", str(db), "--format", "jsonl").stdout
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for line in out.splitlines():
        if line.strip():
            event = json.loads(line)
            by_doc[event["doc"]].append(event)
    return by_doc, db


def _got(by_doc, name: str) -> set[tuple]:
    return {(e["source"], e["target"], e["code"], e["date"]) for e in by_doc[name]}


def test_every_document_is_coded_by_its_own_pack(coded):
    by_doc, _ = coded
    assert set(by_doc) == set(ARTICLES)
    for doc, events in by_doc.items():
        lang = doc[:2]
        assert {e["lang"] for e in events} == {lang}, doc
        assert all(e["rule"].startswith(f"lexicon:{lang}:") for e in events), [e["rule"] for e in events]


def test_the_same_story_gives_the_same_dyad_in_both_languages(coded):
    by_doc, _ = coded
    assert ("IRNGOV", "RUSGOV", "040", "2020-07-16") in _got(by_doc, "id_kunjungan.txt")  # Kamis (16/7/2020)
    assert ("RUSGOV", "IRNGOV", "041", "2020-07-16") in _got(by_doc, "en_phone_call.txt")  # on Thursday
    assert ("USAGOV", "RUSGOV", "163", "2023-12-05") in _got(by_doc, "id_sanksi.txt")  # pada Selasa
    assert ("IGOEUREEC", "RUSGOV", "163", "2023-12-05") in _got(by_doc, "en_sanctions.txt")  # on Tuesday


def test_english_grammar_survives_the_mixed_run(coded):
    by_doc, _ = coded
    phone = _got(by_doc, "en_phone_call.txt")
    assert ("USAGOV", "IRNGOV", "111", "2020-07-15") in phone  # passive: "was criticized by"
    assert not [t for t in phone if t[2] == "042"]  # "plans to visit" is no visit
    assert [t for t in phone if t[2] == "036"]  # but an intent to meet


def test_the_store_records_each_documents_language(coded):
    _, db = coded
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT id, lang, pack_version FROM documents").fetchall()
    finally:
        con.close()
    assert {doc: lang for doc, lang, _ in rows} == {name: name[:2] for name in ARTICLES}
    assert all(version.startswith(f"{lang}-") for _, lang, version in rows)
