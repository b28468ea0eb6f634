"""Evaluation reports as Rich tables, for people; `as_dict()` on each report is the JSON for machines."""
from __future__ import annotations

from typing import Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from warta.evaluation.baseline import Check
from warta.evaluation.petrarch_records import PetrarchReport
from warta.evaluation.plover import NONE, GsrReport
from warta.evaluation.scoring import EventReport, Tally

SHOWN = 40  # rows of misses / false positives / failures shown in a table (the JSON has all)


def _t(value: object) -> Text:
    """Text from articles, gold files or rules, shown as written: no markup, no emoji (":id:" stays ":id:")."""
    return Text("" if value is None else str(value))


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def _tally_table(title: str, first: str, rows: dict[str, Tally]) -> Table:
    table = Table(title=title, title_justify="left")
    for col in (first, "P", "R", "F1", "correct/predicted", "found/required"):
        table.add_column(col, justify="left" if col == first else "right")
    for key, t in rows.items():
        precision = t.precision if t.predicted else None  # nothing predicted: precision is undefined, not 0
        recall = t.recall if t.required else None
        f1 = t.f1 if precision is not None and recall is not None else None
        table.add_row(_t(key), _pct(precision), _pct(recall), _pct(f1), f"{t.correct}/{t.predicted}",
                      f"{t.found}/{t.required}")
    return table


def render_events(report: EventReport, level: str, console: Console) -> None:
    console.print(_tally_table(f"{escape(report.gold_path)}: all levels", "level",
                               {name: rep.total for name, rep in report.levels.items()}))
    if report.missing_documents:
        console.print(f"[yellow]documents named by the gold but not among the articles:[/yellow] "
                      f"{escape(', '.join(report.missing_documents))}", highlight=False)
    rep = report.levels[level]
    console.print(_tally_table(f"{level} by language", "language", dict(sorted(rep.by_language.items()))))
    console.print(_tally_table(f"{level} by CAMEO root", "root", dict(sorted(rep.by_root.items()))))

    counts = rep.cause_counts()
    causes = Table(title=f"{level}: by cause (the nearest thing coded)", title_justify="left")
    for col in ("", "cause", "count"):
        causes.add_column(col, justify="right" if col == "count" else "left")
    for kind in ("misses", "false_positives"):
        for cause, n in counts[kind].items():
            causes.add_row(kind.replace("_", " "), cause, str(n))
    for rule, n in list(counts["false_positives_by_rule"].items())[:10]:
        causes.add_row("false positives by rule", _t(rule), str(n))
    console.print(causes)

    misses = Table(title=f"{level}: misses ({len(rep.misses)} required gold events not found)",
                   title_justify="left")
    for col in ("id", "cause", "source", "target", "codes", "date", "evidence"):
        misses.add_column(col, overflow="fold")
    for g, cause in list(zip(rep.misses, rep.miss_causes))[:SHOWN]:
        cells = (g.id, cause, "|".join(g.source), "|".join(g.target), ",".join(g.codes), g.date, g.evidence)
        misses.add_row(*map(_t, cells))
    console.print(misses)

    fps = Table(title=f"{level}: false positives ({len(rep.false_positives)} predictions matching no gold event)",
                title_justify="left")
    for col in ("doc", "cause", "source", "target", "code", "date", "evidence", "rule"):
        fps.add_column(col, overflow="fold")
    for p, cause in list(zip(rep.false_positives, rep.false_positive_causes))[:SHOWN]:
        fps.add_row(*map(_t, (p.doc, cause, p.source, p.target, p.code, p.date, p.evidence, p.rule)))
    console.print(fps)


def render_gsr(report: GsrReport, console: Console) -> None:
    console.print(f"[bold]{escape(report.path)}[/bold]: {report.cases} cases; category accuracy "
                  f"{_pct(report.accuracy)} ({report.hits}/{report.cases}), precision {_pct(report.precision)} "
                  f"({report.hits}/{report.predicted_categories}), F1 {_pct(report.f1)}", highlight=False)
    if report.uncoded:
        console.print(f"[yellow]{report.uncoded} cases not coded: no language pack for their language[/yellow]")
    src, tgt = report.source.as_dict(), report.target.as_dict()
    console.print(f"actor agreement on found cases: source {_pct(src['country_rate'])} country / "
                  f"{_pct(src['code_rate'])} code of {src['given']}; target {_pct(tgt['country_rate'])} / "
                  f"{_pct(tgt['code_rate'])} of {tgt['given']}", highlight=False)
    cats = Table(title="by PLOVER category (2021 names)", title_justify="left")
    for col in ("category", "cases", "found", "accuracy", "predicted", "correct", "precision"):
        cats.add_column(col, justify="left" if col == "category" else "right")
    for cat, row in report.by_category().items():
        cats.add_row(cat, str(row["cases"]), str(row["found"]), _pct(row["accuracy"]), str(row["predicted"]),
                     str(row["correct"]), _pct(row["precision"]))
    console.print(cats)
    confusion = report.confusion()
    predicted = sorted({p for c in confusion.values() for p in c} - {NONE}) + [NONE]
    matrix = Table(title="confusion: gold (rows) x Warta (columns, first four letters)", title_justify="left")
    matrix.add_column("gold")
    for p in predicted:
        matrix.add_column(p[:4], justify="right")
    for gold in sorted(confusion):
        matrix.add_row(gold, *(str(confusion[gold].get(p, "")) for p in predicted))
    console.print(matrix)


def render_petrarch(report: PetrarchReport, console: Console) -> None:
    scored = len(report.scored)
    console.print(f"[bold]{escape(report.path)}[/bold]: {len(report.results)} records, {scored} scored; pass "
                  f"{_pct(report.rate('passed'))} exact, {_pct(report.rate('passed_root'))} root, "
                  f"{_pct(report.rate('passed_actors'))} actors; all expected found in "
                  f"{_pct(report.rate('found'))}", highlight=False)
    console.print("dictionaries: " + escape(", ".join(report.dictionaries) or "none"), highlight=False)
    if report.uncoded:
        console.print("[yellow]no English language pack: the sentences could not be coded[/yellow]")
    for reason, n in report.exclusions().items():
        console.print(f"  not scored: {n} {escape(reason)}", highlight=False)
    table = Table(title="pass rate by category", title_justify="left")
    for col in ("category", "records", "scored", "exact", "root", "actors", "found"):
        table.add_column(col, justify="left" if col == "category" else "right")
    for cat, row in report.by_category().items():
        table.add_row(cat, str(row["records"]), str(row["scored"]), _pct(row["pass_rate"]),
                      _pct(row["pass_rate_root"]), _pct(row["pass_rate_actors"]),
                      str(row["found"]) if row["scored"] else "-")
    console.print(table)
    failures = [r for r in report.scored if not r.passed]
    fails = Table(title=f"failures ({len(failures)})", title_justify="left")
    for col in ("id", "expected", "got", "text"):
        fails.add_column(col, overflow="fold")
    for r in failures[:SHOWN]:
        fails.add_row(*map(_t, (r.record.id, _triples(r.expected), _triples(r.got), r.record.text)))
    console.print(fails)


def _triples(triples) -> str:
    return "; ".join(f"{s or '-'} {t or '-'} {c}" for s, t, c in sorted(triples)) or "(none)"


def render_checks(checks: Sequence[Check], console: Console) -> None:
    table = Table(title="baseline gate", title_justify="left")
    for col in ("set", "score", "baseline", "now", "status"):
        table.add_column(col)
    colours = {"dropped": "red", "changed": "red", "improved": "green", "absent": "yellow", "new": "cyan"}
    for c in checks:
        colour = colours.get(c.status)
        status = f"[{colour}]{c.status}[/{colour}]" if colour else c.status
        table.add_row(c.set, c.score, _pct(c.baseline), _pct(c.current), status)
    console.print(table)
    for c in checks:
        if c.status == "changed":
            console.print(f"[red]{escape(c.message())}[/red]")
    if any(c.status == "improved" for c in checks):
        console.print("scores rose: `warta eval --update-baseline` pins them (commit baseline.json)")
