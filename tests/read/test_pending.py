"""Reading in two halves (warta.read.pending): what a Dask worker finishes is what reading here gives."""
from __future__ import annotations

import gzip
import pickle
from pathlib import Path

from warta.model import ReadError
from warta.read import Pending, finished, read_paths

REPO = Path(__file__).resolve().parents[2]


def _inputs(folder: Path) -> list[Path]:
    folder.mkdir()
    (folder / "a.txt").write_text("Judul\n\nMenlu Iran bertemu Menlu Rusia di Moskow.\n", encoding="utf-8")
    (folder / "b.html").write_text("<html><body><article><h1>Judul</h1><p>Presiden Rusia menelepon Presiden Iran "
                                   "kemarin untuk membahas kerja sama.</p></article></body></html>", encoding="utf-8")
    (folder / "c.jsonl").write_text('{"id": "r1", "text": "Iran mengecam Amerika Serikat."}\n{broken\n\n'
                                    '{"id": "r2", "text": ""}\n', encoding="utf-8")
    (folder / "d.csv").write_text('id,text\nk1,"Rusia membantu Suriah."\nk2\n', encoding="utf-8")
    with gzip.open(folder / "e.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write('{"text": "Indonesia menyambut Presiden Prancis."}\n')
    (folder / "f.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "g.txt").write_bytes(b"")
    return [folder, REPO / "examples"]


def test_deferred_reading_finished_after_pickling_equals_reading(tmp_path):
    paths = _inputs(tmp_path / "in")
    direct = list(read_paths(paths))
    deferred = list(read_paths(paths, defer=True))
    assert any(isinstance(x, Pending) for x in deferred)
    assert [finished(pickle.loads(pickle.dumps(x))) for x in deferred] == direct
    errors = [x for x in direct if isinstance(x, ReadError)]
    assert len(errors) == 5  # broken JSON, empty text, short CSV row, binary file, empty file


def test_what_fails_at_the_file_is_an_error_at_once(tmp_path):
    paths = _inputs(tmp_path / "in")
    deferred = list(read_paths(paths[:1], defer=True))
    at_once = {Path(x.origin).name for x in deferred if isinstance(x, ReadError)}
    assert at_once == {"g.txt"}  # empty: refused when its bytes are loaded; the rest fail where they are finished
