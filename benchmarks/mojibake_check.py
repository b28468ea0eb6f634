"""The encoding repair against ftfy itself, on whole corpora: warta.read.mojibake must give what
ftfy.fix_text gives (with Warta's settings) for every text and title, and is_bad what ftfy's is_bad
gives; prints both times.

    python benchmarks/mojibake_check.py            # the shared corpora (../shared/corpora)
    python benchmarks/mojibake_check.py PATH...    # JSON Lines files (gzipped or not)

Exit status 1 when a text differs.
"""
from __future__ import annotations

import gzip
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ftfy  # noqa: E402
from realtext import shared_corpora  # noqa: E402

from warta.read import mojibake  # noqa: E402
from warta.read.clean import unify_newlines  # noqa: E402


def texts(path: Path) -> list[str]:
    """Every record's text (its line endings unified, as build_document repairs it) and title."""
    opener = gzip.open if path.suffix == ".gz" else open
    out = []
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            for key in ("text", "title"):
                value = record.get(key)
                if isinstance(value, str):
                    out.append(unify_newlines(value) if key == "text" else value)
    return out


def main() -> int:
    paths = [Path(p) for p in sys.argv[1:]] or list(shared_corpora().values())
    status = 0
    for path in paths:
        all_texts = texts(path)
        t0 = time.process_time()
        theirs = [ftfy.fix_text(t, mojibake.CONFIG) if ftfy.is_bad(t) else t for t in all_texts]
        t1 = time.process_time()
        ours = [mojibake.fix_text(t) if mojibake.is_bad(t) else t for t in all_texts]
        t2 = time.process_time()
        bad = sum(a != b for a, b in zip(all_texts, theirs))
        differ = [i for i, (a, b) in enumerate(zip(theirs, ours)) if a != b]
        # is_bad on every text as read and as repaired (the repaired ones are the full scans)
        badness = [t for t in all_texts + theirs if not t.isascii()]
        t3 = time.process_time()
        theirs_bad = [ftfy.is_bad(t) for t in badness]
        t4 = time.process_time()
        ours_bad = [mojibake.is_bad(t) for t in badness]
        t5 = time.process_time()
        differ_bad = sum(a != b for a, b in zip(theirs_bad, ours_bad))
        print(f"{path.name}: {len(all_texts):,} texts and titles, {bad:,} repaired; ftfy {t1 - t0:.2f} CPU s, "
              f"warta.read.mojibake {t2 - t1:.2f} CPU s; differ: {len(differ)}")
        print(f"  is_bad on {len(badness):,} non-ASCII texts (as read and repaired): ftfy {t4 - t3:.2f} CPU s, "
              f"windowed {t5 - t4:.2f} CPU s; differ: {differ_bad}")
        for i in differ[:5]:
            print(f"  text {i}: {all_texts[i][:80]!r}")
        status |= bool(differ or differ_bad)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
