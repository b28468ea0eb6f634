"""Exports: GDELT 2.0 lines up with a real GDELT file, PLOVER records follow the manual, tables partition.

The seed articles are coded into a store once; the GDELT export is read
with the parser that reads the real GDELT 2.0 sample and compared column
by column; the PLOVER records are checked against the field tables and
event categories of the PLOVER manual, read at test time.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import datetime

import pandas as pd
import pyarrow.dataset as ds
import pytest

from tests.conftest import shared_path
from warta.api import Warta
from warta.export import export
from warta.export.gdelt import COLUMNS
from warta.store import EventFilter, Store

pytestmark = pytest.mark.archive  # the seeds and examples coded, then exported: slow (tests/conftest.py)

REPO_EXAMPLES = __import__("pathlib").Path(__file__).resolve().parents[2] / "examples"

# The format of every column, as GDELT's codebook defines it (INTEGER/FLOAT/STRING) and as the real file shows it.
INT, FLOAT, CAMEO3 = r"-?\d+", r"-?\d+(\.\d+)?", r"[A-Z]{3}"
FORMATS = {
    "GLOBALEVENTID": r"\d+", "SQLDATE": r"(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])",
    "MonthYear": r"(19|20)\d{2}(0[1-9]|1[0-2])", "Year": r"(19|20)\d{2}", "FractionDate": r"(19|20)\d{2}\.\d{4}",
    "IsRootEvent": r"[01]", "EventCode": r"\d{3,4}", "EventBaseCode": r"\d{3}", "EventRootCode": r"\d{2}",
    "QuadClass": r"[1-4]", "GoldsteinScale": r"-?\d{1,2}\.\d", "NumMentions": r"[1-9]\d*", "NumSources": r"[1-9]\d*",
    "NumArticles": r"[1-9]\d*", "AvgTone": FLOAT, "DATEADDED": r"\d{14}", "SOURCEURL": r"\S+",
    **{f"{a}Geo_Type": r"[0-5]" for a in ("Actor1", "Actor2", "Action")},
    **{f"Actor{n}{c}": CAMEO3 for n in (1, 2) for c in ("CountryCode", "KnownGroupCode", "Type1Code", "Type2Code",
                                                         "Type3Code")},
    **{f"Actor{n}Code": r"([A-Za-z]{3})+" for n in (1, 2)},  # ethnic parts are lower case: "cor"
}
# What Warta always knows, so its export must fill it in every row.
ALWAYS = ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "IsRootEvent", "EventCode",
          "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources",
          "NumArticles", "AvgTone", "Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type", "DATEADDED", "SOURCEURL")


def gdelt_names() -> list[str]:
    schema = pd.read_csv(shared_path("reference", "gdelt", "schema", "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv"))
    return list(schema["tableId"])


def read_gdelt(path, **kw) -> pd.DataFrame:
    """The one parser for both files."""
    return pd.read_csv(path, sep="\t", header=None, names=gdelt_names(), quoting=3, **kw)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    db = tmp_path_factory.mktemp("seeds") / "warta.duckdb"
    Warta(db).code([shared_path("seeds"), REPO_EXAMPLES], keep_records=False)
    return db


@pytest.fixture(scope="module")
def gdelt_file(seeded, tmp_path_factory):
    out = tmp_path_factory.mktemp("gdelt") / "seeds.export.CSV"
    done = export(seeded, "gdelt", out)
    assert done.rows > 0
    return out


def test_gdelt_export_has_the_61_columns_of_gdelt_2(gdelt_file):
    sample = shared_path("reference", "gdelt", "gdelt2-sample", "20191024143000.export.CSV")
    names = gdelt_names()
    assert list(COLUMNS) == names and len(names) == 61
    for path in (sample, gdelt_file):
        raw = path.read_text(encoding="utf-8").splitlines()
        assert raw and all(line.count("\t") == 60 for line in raw)  # no header row, 61 fields each
        assert not raw[0].startswith("GLOBALEVENTID")


def test_gdelt_export_lines_up_with_the_real_sample_column_by_column(gdelt_file, seeded):
    sample = read_gdelt(shared_path("reference", "gdelt", "gdelt2-sample", "20191024143000.export.CSV"),
                        dtype=str, keep_default_na=False)
    ours = read_gdelt(gdelt_file, dtype=str, keep_default_na=False)
    assert list(ours.columns) == list(sample.columns)
    for column, pattern in FORMATS.items():
        for name, frame in (("sample", sample), ("warta", ours)):
            values = frame[column][frame[column] != ""]
            bad = values[~values.str.fullmatch(pattern)]
            assert bad.empty, f"{name} {column}: {bad.head(3).tolist()} do not match {pattern}"
    for column in ALWAYS:
        assert (ours[column] != "").all(), f"warta leaves {column} empty"
    assert ours["EventCode"].str.startswith("0").any()  # codes stay strings with their leading zeros
    assert (ours["EventBaseCode"] == ours["EventCode"].str[:3]).all()
    assert (ours["EventRootCode"] == ours["EventCode"].str[:2]).all()
    days = pd.to_datetime(ours["SQLDATE"], format="%Y%m%d")
    assert (ours["MonthYear"] == days.dt.strftime("%Y%m")).all()
    assert ours["GLOBALEVENTID"].is_unique
    assert pd.to_numeric(ours["GoldsteinScale"]).between(-10, 10).all()
    with Store.open(seeded, read_only=True) as store:
        dated = store.con.execute("SELECT count(*), sum(report_count) FROM events WHERE day IS NOT NULL").fetchone()
    assert len(ours) == dated[0] and pd.to_numeric(ours["NumMentions"]).sum() == dated[1]


def test_gdelt_export_reads_into_the_same_types_as_the_sample(gdelt_file):
    """With type inference on, each column Warta fills comes out as the sample's does."""
    sample = read_gdelt(shared_path("reference", "gdelt", "gdelt2-sample", "20191024143000.export.CSV"))
    ours = read_gdelt(gdelt_file)
    filled = [c for c in ours.columns if ours[c].notna().all() and sample[c].notna().any()]
    assert len(filled) >= 25
    for column in filled:
        assert ours[column].dtype.kind == sample[column].dtype.kind, column


def _manual_table(caption: str) -> list[tuple[str, str]]:
    """Rows (name, last cell) of one table in the PLOVER manual."""
    tex = shared_path("reference", "plover", "PLOVER_MANUAL.tex").read_text(encoding="utf-8")
    body = tex[tex.index(f"\\caption{{{caption}"):]
    body = body[: body.index("\\end{tabular}")]
    rows = []
    for line in body.splitlines():
        cells = [c.strip() for c in line.replace("\\\\", "").split("&")]
        if len(cells) >= 2 and cells[0] and cells[0] != "Name":
            rows.append((cells[0].replace("\\_", "_"), cells[-1]))
    return rows


def test_plover_records_follow_the_manual(seeded, tmp_path):
    out = tmp_path / "seeds.plover.jsonl"
    done = export(seeded, "plover", out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == done.rows > 0
    fields = dict(_manual_table("PLOVER JSON"))
    required = {name for name, req in fields.items() if req == "Y"}
    entity = {name for name, _ in _manual_table("Information object for entities")}
    cite = {name for name, _ in _manual_table("Information object for citations")}
    text_info = {name for name, _ in _manual_table("Information object for text")}
    tex = shared_path("reference", "plover", "PLOVER_MANUAL.tex").read_text(encoding="utf-8")
    categories = set(re.findall(r"^\\section\{([A-Z]+)\}$", tex, re.M))
    assert {"AGREE", "CONSULT", "ASSAULT"} <= categories
    extras = {"cameo", "reports"}  # named fields Warta adds, as the manual allows
    for rec in records:
        assert required <= set(rec), rec
        assert set(rec) <= set(fields) | extras
        assert datetime.strptime(rec["date"], "%Y-%m-%d")
        assert rec["event"] and set(rec["event"]) <= categories
        assert rec["quad_code"] in (1, 2, 3, 4)
        for party in rec["actor"] + rec["recipient"]:
            assert set(party) <= entity and (party["code"] is None or len(party["code"]) == 3)
        assert set(rec["cite_info"]) <= cite and set(rec["text_info"]) <= text_info
        assert rec["event_text"] and all(isinstance(t, str) for t in rec["event_text"])
    assert len({r["id"] for r in records}) == len(records)
    merged = [r for r in records if r["reports"]["mentions"] > 1]
    assert merged and all(len(r["event_text"]) == r["reports"]["mentions"] for r in merged)


def test_parquet_is_partitioned_by_month_and_tables_hold_every_event(seeded, tmp_path):
    with Store.open(seeded, read_only=True) as store:
        n_events, n_reports = store.counts()["events"], store.counts()["reports"]
    parquet = export(seeded, "parquet", tmp_path / "events")
    months = sorted(p.name for p in (tmp_path / "events").iterdir())
    assert months and all(re.fullmatch(r"month=(\d{4}-\d{2}|unknown)", m) for m in months)
    table = ds.dataset(tmp_path / "events", format="parquet", partitioning="hive").to_table()
    assert table.num_rows == parquet.rows == n_events
    for month, day in zip(table.column("month").to_pylist(), table.column("day").to_pylist()):
        assert month == (day.strftime("%Y-%m") if day else "unknown")
    csv_out = export(seeded, "csv", tmp_path / "reports.csv", level="reports")
    frame = pd.read_csv(tmp_path / "reports.csv", dtype=str)
    assert len(frame) == csv_out.rows == n_reports and {"event_id", "evidence", "doc_url"} <= set(frame.columns)
    jsonl = export(seeded, "jsonl", tmp_path / "events.jsonl", EventFilter(source="IRN"))
    rows = [json.loads(line) for line in (tmp_path / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == jsonl.rows > 0 and all(r["source"].startswith("IRN") for r in rows)
    assert all(r["report_count"] >= 1 for r in rows)


@pytest.mark.slow
def test_cli_export_filters_like_warta_events(seeded, tmp_path):
    out = tmp_path / "irn.CSV"
    done = subprocess.run([sys.executable, "-m", "warta.cli", "export", "--format", "gdelt", "-o", str(out),
                           "--db", str(seeded), "--source", "IRN", "--since", "2020-01-01"],
                          capture_output=True, text=True, check=True)
    frame = read_gdelt(out, dtype=str, keep_default_na=False)
    assert f"{len(frame)} rows -> {out}" in done.stderr
    assert len(frame) > 0 and frame["Actor1Code"].str.startswith("IRN").all()
    assert (frame["SQLDATE"] >= "20200101").all()
