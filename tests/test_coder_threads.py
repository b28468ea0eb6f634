"""One loaded Coder serves many threads: no stage keeps a document's state between documents."""
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from warta.coder import Coder
from warta.read import read_paths

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden" / "id"


def _events(coder, doc):
    return tuple((e.sentence, e.source, e.target, e.code, e.date, e.rule, e.source_name, e.target_name)
                 for e in coder.code(doc).events)


def test_eight_threads_code_what_one_thread_codes():
    coder = Coder.load(["id", "en"])
    docs = [d for d in read_paths([EXAMPLES / "id", EXAMPLES / "en", GOLDEN]) if hasattr(d, "text")] * 6
    alone = [_events(coder, d) for d in docs]
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(lambda d: _events(coder, d), docs))
    assert together == alone
    assert sum(map(len, alone)) > 50  # the documents do code events: the comparison means something
