"""The Indonesian example articles (examples/id/, run by the README's quick start) code the
events a reader finds in them, and nothing a reader would call wrong."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.golden.golden import analyse

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "id"

# file -> events it must code: (source prefix, target prefix, root), either way round for pairs
MUST = {
    "kunjungan_menlu_jepang.txt": [("IDNGOV", "JPNGOV", "04"), ("JPN", "IDN", "05"), ("JPN", "CHN", "11")],
    "sanksi_uni_eropa_rusia.txt": [("IGOEUREEC", "RUS", "16")],
    "demo_mahasiswa_jakarta.txt": [("IDNEDU", "IDNLEG", "14"), ("IDNCOP", "IDNCVL", "17")],
    "bentrok_israel_hizbullah.txt": [("ISRMIL", "LBN", "19"), ("LBNREB", "ISR", "19"), ("ISRGOV", "LBNREB", "13"),
                                     ("IRN", "ISR", "11"), ("FRA", "ISR", "02"), ("USA", "LBN", "02")],
    "bantuan_gempa_turki.txt": [("IDN", "TUR", "07"), ("IDNGOV", "TURGOV", "01"), ("IDNGOV", "TURGOV", "04"),
                                ("IDNGOV", "TUR", "03"), ("JPN", "TUR", "07"), ("IGOUNO", "SYR", "02")],
    "ktt_asean_myanmar.txt": [("IGOSEAASN", "MMR", "02"), ("IDNGOV", "KHMGOV", "04"), ("PHL", "MMR", "12")],
}
# file -> events it must not code (in this direction), and why
MUST_NOT = {
    "kunjungan_menlu_jepang.txt": [("CHN", "JPN", "11")],  # "Tiongkok tidak menanggapi kecaman": negated
    "sanksi_uni_eropa_rusia.txt": [("RUS", "UKR", "19"), ("HUN", "IGOEUREEC", "03")],  # anniversary; belum menyetujui
    "demo_mahasiswa_jakarta.txt": [("IDNEDU", "IDNMIL", "14"), ("IDNLEG", "IDNEDU", "04")],  # "UU TNI"; akan menemui
    "bentrok_israel_hizbullah.txt": [("LBNREB", "ISR", "18")],  # "jika Hizbullah terus menyerang"
}


def _has(events, source: str, target: str, root: str, either_way: bool = True) -> bool:
    return any(e.code[:2] == root and (e.source.startswith(source) and e.target.startswith(target)
                                       or either_way and e.source.startswith(target) and e.target.startswith(source))
               for e in events)


def test_every_example_is_listed():
    assert sorted(p.name for p in EXAMPLES.glob("*.txt")) == sorted(MUST)


@pytest.mark.parametrize("name", sorted(MUST))
def test_example_codes_what_a_reader_finds(name):
    events = analyse(EXAMPLES / name).events
    missing = [want for want in MUST[name] if not _has(events, *want)]
    assert not missing, f"{name}: missing {missing}; coded {[(e.source, e.target, e.code) for e in events]}"
    wrong = [bad for bad in MUST_NOT.get(name, []) if _has(events, *bad, either_way=False)]
    assert not wrong, f"{name}: coded {wrong}"
    assert all(e.date is not None for e in events), f"{name}: an event without a date"
