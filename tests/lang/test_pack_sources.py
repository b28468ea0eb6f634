"""Packs installed outside Warta, and the language knowledge the code takes from the packs.

A tiny Esperanto pack is written to a temporary folder and found three ways: $WARTA_PACKS,
settings.toml `[packs] folders`, and the `warta.packs` entry point group. Its sentences are
coded and its datelines read without a line of code naming its words.
"""
from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

import warta.lang as lang
from warta.coder import Coder
from warta.lang import (
    PACKS_ENV, LanguagePack, available_languages, dateline_words, pack_folder, refresh, stop_words,
)
from warta.model import Document
from warta.read.metadata import find_dateline, parse_published
from warta.settings import Settings

REPO = Path(__file__).resolve().parents[2]

# Esperanto: a language no shipped pack reads. Every entry has its own example, as in a real pack.
EO_FILES = {
    "pack.toml": '''name = "Esperanto"
code = "eo"
version = "0.0.1"
spacy = "xx"
lingua = "ESPERANTO"
date_order = "DMY"

[stop_words]
words = ["la", "kaj", "sed"]

[dateline]
zones = { HEC = "+0100" }
labels = ["publikigita"]
clock = ["je"]
agencies = ["esperanta gazetaro"]
''',
    "actors.tsv": "# schema: warta.actors.v1\nnames\tcode\tkind\texample\n"
                  "Rusio | Rusion\tRUS\tcountry\tRusio kritikis Iranon.\n"
                  "Irano | Iranon\tIRN\tcountry\tIrano kritikis Rusion.\n",
    "roles.tsv": "# schema: warta.roles.v1\nphrases\tsector\ttitle\texample\n"
                 "ministro\tGOV\tministro\tLa ministro de Rusio kritikis Iranon.\n",
    "verbs.tsv": "# schema: warta.verbs.v1\nid\tpattern\tcode\tframe\texpect\texample\n"
                 "criticize\tkritikis\t111\tsvo\tRUS IRN\tRusio kritikis Iranon.\n",
    "words.tsv": "# schema: warta.words.v1\nwords\tclass\texample\n"
                 "ne\tnegation\tRusio ne kritikis Iranon.\n"
                 "eksa\tformer\tLa eksa ministro kritikis Iranon.\n",
    "dates.tsv": "# schema: warta.dates.v1\nwords\tkind\tvalue\texample\n"
                 "lundo | lundon\tweekday\t0\tRusio kritikis Iranon lundon.\n"
                 "januaro\tmonth\t1\tRusio kritikis Iranon la 5an de januaro 2024.\n",
    "morphology.tsv": "# schema: warta.morphology.v1\naffix\tposition\trestore\tvoice\texample\n"
                      "n\tsuffix\t\t\tIranon -> Irano\n",
    "furniture.tsv": "# schema: warta.furniture.v1\npattern\texample\tscope\n"
                     "^legu ankaŭ\\b.*$\tLegu ankaŭ: alia artikolo\tall\n",
    "abbreviations.tsv": "# schema: warta.abbreviations.v1\nabbreviation\texample\n"
                         "ktp.\tRusio, Irano ktp. kunvenis.\n",
}


def write_pack(folder: Path, files: dict[str, str] = EO_FILES) -> Path:
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def isolated(monkeypatch):
    """No pack from outside but what the test installs; every cache forgotten before and after."""
    monkeypatch.delenv(PACKS_ENV, raising=False)
    monkeypatch.setattr(lang, "_added_folders", [])
    refresh()
    yield monkeypatch
    monkeypatch.undo()
    refresh()


def _codes(coder: Coder, text: str, code: str = "eo") -> list[tuple]:
    return [(r["source"], r["target"], r["code"]) for r in coder.code(Document("d", text, lang=code)).records()]


def test_a_folder_named_by_the_environment_adds_a_pack_that_codes(tmp_path, isolated):
    folder = write_pack(tmp_path / "packs" / "eo")
    assert "eo" not in available_languages()
    isolated.setenv(PACKS_ENV, str(tmp_path / "packs"))
    refresh()
    assert "eo" in available_languages() and pack_folder("eo") == folder
    assert {"id", "en"} <= set(available_languages())  # the shipped packs stay
    pack = LanguagePack.load("eo")
    assert pack.name == "Esperanto" and pack.stamp.startswith("eo-0.0.1+")
    coder = Coder.load(["eo"])
    assert _codes(coder, "Rusio kritikis Iranon.") == [("RUSGOV", "IRNGOV", "111")]  # a country criticizes through its government
    assert _codes(coder, "Rusio ne kritikis Iranon.") == []


def test_a_new_packs_dateline_words_stop_words_and_furniture_need_no_code(tmp_path, isolated):
    write_pack(tmp_path / "eo")
    isolated.setenv(PACKS_ENV, str(tmp_path / "eo"))  # a folder that is itself a pack
    refresh()
    words = dateline_words()
    assert words.months["januaro"] == 1 and "lundo" in words.weekdays and words.zones["hec"] == "+0100"
    published, place = find_dateline("lundo, 8 januaro 2024 je 10:30 HEC\n\nTitolo\n\n"
                                     "BERLINO (Esperanta Gazetaro) - Rusio kritikis Iranon.")
    assert published == datetime(2024, 1, 8, 9, 30, tzinfo=timezone.utc)
    assert place == "BERLINO"
    assert {"la", "kaj", "sed"} <= stop_words()
    from warta.read.clean import clean_text
    assert clean_text("Rusio kritikis Iranon pro la atakoj en la lando.\n\nLegu ankaŭ: alia") == \
        "Rusio kritikis Iranon pro la atakoj en la lando."


def test_settings_name_pack_folders_relative_to_the_settings_file(tmp_path, isolated):
    write_pack(tmp_path / "project" / "packs" / "eo")
    default = (REPO / "warta" / "settings.toml").read_text(encoding="utf-8")
    settings_file = tmp_path / "project" / "settings.toml"
    settings_file.write_text(re.sub(r"(?m)^folders = \[\]$", 'folders = ["packs"]', default), encoding="utf-8")
    settings = Settings.load(settings_file)
    assert settings.pack_folders == (tmp_path / "project" / "packs",)
    assert "eo" not in available_languages()
    coder = Coder.load(["eo"], settings=settings)  # loading with these settings installs the folder
    assert _codes(coder, "Rusio kritikis Iranon.") == [("RUSGOV", "IRNGOV", "111")]  # a country criticizes through its government


def test_an_entry_point_names_a_module_whose_folder_is_a_pack(tmp_path, isolated):
    write_pack(tmp_path / "site" / "warta_eo_pack")
    (tmp_path / "site" / "warta_eo_pack" / "__init__.py").write_text("", encoding="utf-8")
    isolated.syspath_prepend(str(tmp_path / "site"))
    ep = importlib.metadata.EntryPoint(name="eo", value="warta_eo_pack", group=lang.ENTRY_POINT_GROUP)
    isolated.setattr(lang, "entry_points", lambda group: [ep] if group == lang.ENTRY_POINT_GROUP else [])
    refresh()
    assert pack_folder("eo") == tmp_path / "site" / "warta_eo_pack"
    assert LanguagePack.load("eo").word_class("former") == {"eksa"}
    sys.modules.pop("warta_eo_pack", None)


def test_an_entry_point_that_holds_no_pack_is_named(tmp_path, isolated):
    ep = importlib.metadata.EntryPoint(name="zz", value="os.path:sep", group=lang.ENTRY_POINT_GROUP)
    isolated.setattr(lang, "entry_points", lambda group: [ep])
    refresh()
    with pytest.raises(lang.LanguagePackError, match="zz"):
        available_languages()


# -- what the code takes from the shipped packs ---------------------------------------------

def test_publication_strings_are_read_in_the_records_languages_date_order():
    """pack.toml date_order: English writes the month first; without a language, the day goes first."""
    assert LanguagePack.load("en").date_order == "MDY" and LanguagePack.load("id").date_order == "DMY"
    assert parse_published("03/04/2023", "en").date().isoformat() == "2023-03-04"
    assert parse_published("03/04/2023", "id").date().isoformat() == "2023-04-03"
    assert parse_published("03/04/2023").date().isoformat() == "2023-04-03"
    assert parse_published("03/04/2023", "xx").date().isoformat() == "2023-04-03"  # no such pack


def test_a_record_with_a_language_is_dated_in_its_order(tmp_path):
    from warta.read import read_paths
    path = tmp_path / "r.jsonl"
    path.write_text('{"id": "a", "lang": "en", "published": "03/04/2023", "text": "Russia criticized Iran."}\n'
                    '{"id": "b", "published": "03/04/2023", "text": "Rusia mengecam Iran."}\n', encoding="utf-8")
    days = {d.id: d.published.date().isoformat() for d in read_paths([path])}
    assert days == {"a": "2023-03-04", "b": "2023-04-03"}


def test_dateline_words_are_the_packs():
    words = dateline_words()
    assert words.zones["wib"] == "+0700" and words.zones["myt"] == "+0800"  # id and ms pack.toml
    assert words.months["nopember"] == 11 and "thurs" in words.weekdays  # spellings only datelines use
    assert "at" in words.clock and "pukul" in words.clock and {"am"} == words.am
    assert {"antara", "reuters", "bernama"} <= words.agencies
    # the dateline-only spellings are no words of running text (dates.tsv): "sat" and "sun" are words
    assert not any("sun" in r["words"].split(" | ") for r in LanguagePack.load("en").dates)


def test_former_words_are_the_packs_and_every_packs_for_a_language_none_reads():
    from warta.actors.learn import _former_words
    assert _former_words("en") == LanguagePack.load("en").word_class("former")
    everyone = set().union(*(LanguagePack.load(c).word_class("former") for c in available_languages()))
    assert _former_words("xx") == everyone and {"mantan", "former"} <= everyone


def test_stop_words_come_from_the_packs_spacy_lists():
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.id.stop_words import STOP_WORDS as ID
    assert stop_words() == frozenset(EN) | frozenset(ID)  # what id and en pack.toml name, nothing else


def test_the_progressive_suffix_is_pack_data():
    """"was attacking" is no passive: the pack marks -ing active (morphology.tsv), the code names no suffix."""
    rows = [a for a in LanguagePack.load("en").affixes if a.position == "suffix" and a.voice == "active"]
    assert [a.affix for a in rows] == ["ing"]


# Words a pack holds that were once written in Python: one in a string of code outside warta/lang/
# fails (docstrings and comments may quote them as examples).
_NOT_SCANNED = ("warta/synthetic.py",)  # generates test articles in each language: it is text, not rules


def _code_strings(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    # docstrings, and help texts: the interface's own English, not knowledge of a language it reads
    docstrings = {id(node.value) for node in ast.walk(tree)
                  if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
                  or isinstance(node, ast.keyword) and node.arg == "help"}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def test_no_python_outside_the_packs_names_a_packs_dateline_or_former_word():
    words = dateline_words()
    vocabulary = ({w for w in words.months if len(w) > 3} | {w for w in words.weekdays if len(w) > 3}
                  | set(words.zones) | set(words.agencies) | set(words.clock) | set(words.ordinals))
    for code in available_languages():
        vocabulary |= LanguagePack.load(code).word_class("former")
    vocabulary -= lang.WORD_CLASSES | {"gmt", "utc", "z", "at"}  # class names; UTC's notations
    found = []
    for path in sorted((REPO / "warta").rglob("*.py")):
        rel = path.relative_to(REPO).as_posix()
        if rel.startswith("warta/lang/") or rel in _NOT_SCANNED:
            continue
        for n, text in _code_strings(path):
            hits = sorted(set(re.findall(r"[^\W\d_]+", text.lower())) & vocabulary)
            found.extend(f"{rel}:{n}: {w!r}" for w in hits)
    assert not found, "\n".join(found)


def test_name_particles_are_data_and_still_case_dictionary_names():
    from warta.actors.names import display
    from warta.lang import name_words
    assert {"bin", "van", "al"} <= name_words().particles and "of" in name_words().small_words
    assert set(name_words().continuing_particles) <= name_words().particles
    assert display("OSAMA_BIN_LADEN_", person=True) == "Osama bin Laden"
    assert display("MINISTRY_OF_THE_INTERIOR") == "Ministry of the Interior"
