"""What a run shows: a bar on a terminal, a line per batch in a log, a summary at the end."""
from __future__ import annotations

import csv
import io
import subprocess
import sys
from collections import Counter

import pytest
from rich.console import Console

from warta.ingest.progress import RunDisplay
from warta.ingest.report import CodeReport
from warta.output import Format, RowStream
from warta.synthetic import write_jsonl


def _report() -> CodeReport:
    return CodeReport(read=1200, documents=1100, skipped=90, duplicates=Counter({"same text as a stored document": 10}),
                      events=4321, new_events=4000, failed=Counter({"W006": 2}), reasons={"W006": "malformed JSON"},
                      batches=6)


def test_a_terminal_gets_a_bar_with_documents_rate_and_events():
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=160)
    with RunDisplay(console) as display:
        assert display.mode == "bar"
        display.update(_report())
        display._bar.refresh()
    text = out.getvalue()
    assert "1,200 documents" in text and "4,321 events" in text and "/s" in text and "2 failed" in text


def test_a_log_gets_one_plain_line_per_batch_and_quiet_gets_nothing():
    out = io.StringIO()
    with RunDisplay(Console(file=out, force_terminal=False, width=80)) as display:
        assert display.mode == "log"
        display.update(_report())
    (line,) = out.getvalue().splitlines()
    assert line.startswith("[warta] batch 6 committed: 1,200 documents read, 1,100 coded, 100 skipped, 2 failed")
    out = io.StringIO()
    with RunDisplay(Console(file=out, force_terminal=True), quiet=True) as display:
        display.update(_report())
    assert out.getvalue() == ""


def test_summary_counts_every_outcome():
    text = _report().summary()
    assert text.startswith("1200 documents read: 1100 documents coded, 90 unchanged and skipped, "
                           "10 skipped as duplicates (10 same text as a stored document)")
    assert "4321 events stored as 4000 new merged events (321 joined events already told)" in text
    assert text.endswith("2 inputs failed: 2 x W006 malformed JSON")


def test_rows_stream_as_they_come_and_a_table_says_what_it_left_out():
    out = io.StringIO()
    stream = RowStream(Format.csv, ["doc", "code"], out)
    stream.write([{"doc": "a", "code": "040"}])
    stream.write([{"doc": "b", "code": "057"}])
    assert stream.close() == 0
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [["doc", "code"], ["a", "040"], ["b", "057"]]
    table = RowStream(Format.table, ["doc"], io.StringIO(), table_limit=2)
    table.write([{"doc": str(i)} for i in range(5)])
    assert table.close() == 3


def test_a_full_table_counts_a_batch_without_making_its_rows():
    table = RowStream(Format.table, ["doc"], io.StringIO(), table_limit=2)
    made = []

    def rows(n):
        made.append(n)
        return [{"doc": str(i)} for i in range(n)]

    table.write_batch(lambda: rows(3), 3)
    table.write_batch(lambda: rows(4), 4)  # the table holds its two rows already
    lines = RowStream(Format.jsonl, ["doc"], io.StringIO())
    lines.write_batch(lambda: rows(2), 2)
    assert made == [3, 2] and table.close() == 5 and lines.count == 2


@pytest.mark.slow
def test_cli_reports_batches_failures_and_the_summary(tmp_path, db):
    folder = tmp_path / "in"
    folder.mkdir()
    write_jsonl(folder / "a.jsonl", 6, seed=41)
    (folder / "bad.jsonl").write_text('{"text": 1}\n{not json\n', encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "warta.cli", "code", str(folder), "--db", str(db), "--batch-size", "3",
                          "--format", "csv"], capture_output=True, text=True, check=True)
    logged = [ln for ln in run.stderr.splitlines() if ln.startswith("[warta] batch")]
    assert len(logged) == 3  # 6 articles and 2 bad records, 3 to a batch
    assert "6 documents read: 6 documents coded" in run.stderr
    assert "2 inputs failed: 1 x W007 record has no usable 'text' field, 1 x W006 malformed JSON" in run.stderr
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert rows and run.stdout.count("doc,date,source") == 1  # one header, rows from every batch
    quiet = subprocess.run([sys.executable, "-m", "warta.cli", "code", str(folder), "--db", str(db), "--quiet"],
                           capture_output=True, text=True, check=True)
    assert "[warta] batch" not in quiet.stderr and "6 unchanged and skipped" in quiet.stderr
