"""The Malay pack (warta/lang/ms), added as data: its example articles (examples/ms/) code the
events a reader finds in them, with the right actors, codes and dates; Malay datelines (Isnin,
Ogos, MYT) give the publication time; and language identification sends Malay to the ms pack,
Indonesian to the id pack (and Malay to the id pack when no ms pack is loaded).

Every paragraph here was written for these tests. The per-entry checks of the pack's rows are
tests/lang/test_packs.py, which runs over every pack.
"""
from __future__ import annotations

import json
from datetime import date, datetime, timezone
from functools import lru_cache
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warta.cli import app
from warta.coder import Coder
from warta.model import Analysis, Document
from warta.read import find_dateline, read_paths
from warta.read.metadata import parse_published, strip_date_lines

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "ms"


@lru_cache(maxsize=1)
def coder() -> Coder:
    """Every pack, as `warta code` loads them: the examples must find the ms pack themselves."""
    return Coder.load()


def analyse(path: Path) -> Analysis:
    furniture = tuple(p for pack in coder().packs.values() for p in pack.furniture)
    docs = [d for d in read_paths([path], furniture=furniture) if isinstance(d, Document)]
    assert len(docs) == 1, f"{path.name} did not read as one document"
    return coder().code(docs[0])


# file -> events it must code: (source prefix, target prefix, root, day), either way round for pairs
MUST = {
    "perjanjian_jerebu_indonesia.txt": [
        ("MYSGOV", "IDNGOV", "04", "2024-10-14"),  # Perdana Menteri ... mengadakan pertemuan dengan Presiden
        ("MYS", "IDN", "05", "2024-10-14"),  # menandatangani memorandum persefahaman (057)
        ("MYSGOV", "IDN", "03", "2024-10-14"),  # "Kami bersedia membantu Indonesia," kata Anwar (033)
        ("MYSGOV", "SGP", "11", "2024-10-13"),  # sehari sebelumnya, Menteri Luar ... mengkritik Singapura
    ],
    "bantuan_gaza.txt": [
        ("MYSGOV", "ISRMIL", "11", "2024-03-05"),  # mengecam serangan tentera Israel, Selasa
        ("ISRMIL", "PSE", "19", "2024-03-05"),  # serangan tentera Israel terhadap penduduk Palestin
        ("MYSGOV", "USA", "02", "2024-03-05"),  # Beliau menggesa Amerika Syarikat menekan Israel
        ("MYS", "PSE", "07", None),  # menghantar bantuan kemanusiaan ke Gaza (073)
        ("MYSGOV", "PSE", "01", None),  # mengucapkan takziah kepada rakyat Palestin (018)
        ("MYSEDU", "USA", "14", None),  # mahasiswa ... berhimpun di hadapan Kedutaan Besar Amerika Syarikat
        ("MYSCOP", "MYSCVL", "17", None),  # Polis Diraja Malaysia menahan 20 penunjuk perasaan
        ("USAGOV", "MYS", "12", None),  # Kerajaan Amerika Syarikat menolak gesaan Malaysia
    ],
    "nota_bantahan_china.txt": [
        ("MYSGOV", "CHNGOV", "11", "2024-08-07"),  # Wisma Putra memanggil Duta Besar China pada Rabu (114)
        ("CHN", "MYS", "17", "2024-08-07"),  # kapal pengawal pantai China mengganggu nelayan Malaysia (170)
        ("CHNGOV", "MYS", "01", None),  # Jurucakap Kementerian Luar China menafikan tuduhan Malaysia (016)
        ("MYSCOP", "VNM", "17", None),  # Polis Diraja Malaysia menahan 15 nelayan Vietnam (173)
        ("PHL", "MYS", "05", None),  # Filipina menyokong Malaysia
    ],
}
# file -> events it must not code (in this direction), and why
MUST_NOT = {
    "perjanjian_jerebu_indonesia.txt": [("SGP", "MYS", "11")],  # "Singapura tidak mengulas kritikan": negated
    "nota_bantahan_china.txt": [
        ("MYSMIL", "", "15"),  # "akan mengerahkan dua kapal perang": planned, not done
        ("VNM", "MYS", "19"),  # fishermen who "menceroboh perairan" trespass; they attack no one
    ],
}


def _has(events, source: str, target: str, root: str, day: str | None = None, either_way: bool = True) -> bool:
    return any(e.code[:2] == root and (day is None or (e.date and e.date.isoformat() == day))
               and (e.source.startswith(source) and e.target.startswith(target)
                    or either_way and e.source.startswith(target) and e.target.startswith(source))
               for e in events)


def test_every_example_is_listed():
    assert sorted(p.name for p in EXAMPLES.glob("*.txt")) == sorted(MUST)


@pytest.mark.parametrize("name", sorted(MUST))
def test_example_codes_what_a_reader_finds(name):
    analysis = analyse(EXAMPLES / name)
    assert analysis.document.lang == "ms", f"{name} was read as {analysis.document.lang!r}"
    events = analysis.events
    missing = [want for want in MUST[name] if not _has(events, *want)]
    assert not missing, f"{name}: missing {missing}; coded {[(e.source, e.target, e.code, e.date) for e in events]}"
    wrong = [bad for bad in MUST_NOT.get(name, []) if _has(events, *bad, either_way=False)]
    assert not wrong, f"{name}: coded {wrong}"
    assert all(e.date is not None for e in events), f"{name}: an event without a date"
    assert all(e.lang == "ms" for e in events), f"{name}: coded with another pack"


def test_the_cli_codes_the_examples(tmp_path):
    """`warta code examples/ms` as the README's quick start runs it (every pack loaded)."""
    result = CliRunner().invoke(app, ["code", str(EXAMPLES), "--db", str(tmp_path / "w.duckdb"), "--format",
                                      "jsonl", "--quiet", "--no-learn"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert rows and {r.get("lang") for r in rows} == {"ms"}, rows[:3]
    found = {(r["source"][:3], (r["target"] or "")[:3], r["code"][:2]) for r in rows if r.get("source")}
    assert {("MYS", "IDN", "04"), ("MYS", "CHN", "11"), ("MYS", "PSE", "07")} <= found, sorted(found)


# -- datelines ----------------------------------------------------------------------

@pytest.mark.parametrize("line,expected", [
    ("Isnin 14 Okt 2024 16:40 MYT", datetime(2024, 10, 14, 8, 40, tzinfo=timezone.utc)),
    ("Khamis, 8 Ogos 2024 09:30 MYT", datetime(2024, 8, 8, 1, 30, tzinfo=timezone.utc)),
    ("Jumaat 13 Disember 2024", datetime(2024, 12, 13, tzinfo=timezone.utc)),
    ("Ahad 3 Mac 2024 20:15 MYT", datetime(2024, 3, 3, 12, 15, tzinfo=timezone.utc)),
    ("Dikemas kini: Selasa 2 Julai 2024 7:05 MYT", datetime(2024, 7, 1, 23, 5, tzinfo=timezone.utc)),
])
def test_malay_datelines_give_the_publication_time(line, expected):
    text = f"Tajuk Berita\n\n{line}\n\nPUTRAJAYA – Malaysia mengecam Israel pada hari ini."
    published, place = find_dateline(text)
    assert published == expected
    assert place is None or place == "PUTRAJAYA"
    assert line not in strip_date_lines(text), "a line holding only a date stays in the text"


def test_malay_record_dates_are_read():
    """A record's `published` written the Malay way ("14 Ogos 2024 10:15") is a date too."""
    assert parse_published("14 Ogos 2024 10:15") == datetime(2024, 8, 14, 10, 15, tzinfo=timezone.utc)
    assert parse_published("3 Mac 2024") == datetime(2024, 3, 3, tzinfo=timezone.utc)


# -- language identification ----------------------------------------------------------

MALAY = [
    "Perdana Menteri berkata kerajaan akan meneruskan rundingan dengan Singapura mengenai bekalan air "
    "selepas mesyuarat kabinet pada Rabu.",
    "Kementerian Luar menyifatkan tindakan kapal pengawal pantai itu sebagai pencerobohan dan menghantar "
    "nota bantahan kepada kedutaan berkenaan.",
    "Polis Diraja Malaysia menahan tiga lelaki kerana disyaki terlibat dalam penyeludupan dadah di "
    "sempadan negeri Kedah.",
    "Jerebu dari kebakaran hutan menyebabkan bacaan indeks pencemaran udara meningkat di beberapa negeri, "
    "dan sekolah diarah ditutup sementara.",
    "Ahli Dewan Rakyat membahaskan rang undang-undang itu selama dua hari sebelum ia diluluskan dengan "
    "sokongan majoriti.",
    "Timbalan Perdana Menteri memberitahu pemberita bahawa Angkatan Tentera Malaysia bersedia membantu "
    "mangsa banjir di Kelantan.",
]
INDONESIAN = [
    "Presiden mengatakan pemerintah akan melanjutkan perundingan dengan Singapura soal pasokan air "
    "setelah rapat kabinet pada Rabu.",
    "Kementerian Luar Negeri menyebut tindakan kapal penjaga pantai itu sebagai pelanggaran dan mengirim "
    "nota protes kepada kedutaan terkait.",
    "Polisi menangkap tiga pria karena diduga terlibat penyelundupan narkoba di perbatasan Provinsi "
    "Kalimantan Barat.",
    "Kabut asap dari kebakaran hutan membuat indeks pencemaran udara naik di beberapa provinsi, dan "
    "sekolah diminta libur sementara.",
    "Anggota DPR membahas rancangan undang-undang itu selama dua hari sebelum disahkan dengan dukungan "
    "mayoritas.",
    "Wakil Presiden mengatakan kepada wartawan bahwa TNI siap membantu korban banjir di Kalimantan Selatan.",
]


@pytest.mark.parametrize("text", MALAY)
def test_malay_goes_to_the_malay_pack(text):
    assert coder().language_of(Document("d", text)) == "ms"


@pytest.mark.parametrize("text", INDONESIAN)
def test_indonesian_goes_to_the_indonesian_pack(text):
    assert coder().language_of(Document("d", text)) == "id"


def test_indonesian_examples_and_golden_articles_stay_indonesian():
    paths = sorted((REPO / "examples" / "id").glob("*.txt")) + sorted((REPO / "tests" / "golden" / "id").glob("*.txt"))
    wrong = [p.name for p in paths if coder().language_of(Document("d", p.read_text(encoding="utf-8"))) != "id"]
    assert wrong == []


def test_without_the_malay_pack_malay_is_read_by_the_indonesian_one():
    """pack.toml `fallback`: the Indonesian pack stands in for Malay when only id and en are loaded."""
    detector = Coder.load(["id", "en"]).detector
    assert [detector.detect(t) for t in MALAY] == ["id"] * len(MALAY)


def test_the_detector_pickles_with_its_pack_data():
    import pickle

    detector = pickle.loads(pickle.dumps(coder().detector))
    assert detector.detect(MALAY[0]) == "ms" and detector.detect(INDONESIAN[0]) == "id"


def test_dateline_day_of_an_example():
    analysis = analyse(EXAMPLES / "nota_bantahan_china.txt")
    assert analysis.document.published.date() == date(2024, 8, 8)
