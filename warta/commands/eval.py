"""`warta eval`: measure the coder on annotated sets, and guard the baseline.

    warta eval GOLD.jsonl [ARTICLES...] [--level L] [--format table|json]
    warta eval --plover-gsr cases.jsonl
    warta eval --petrarch-records PETR.UnitTest.records.xml [--dictionaries DIR]
    warta eval GOLD.jsonl [ARTICLES...] --verbs CAMEO.2.0.txt        # with a verb dictionary loaded
    warta eval --check-baseline | --update-baseline

A thin layer over warta.evaluation: it loads the coder once, runs the modes
asked for, and prints each report as tables or as one JSON object keyed by
mode (events, plover_gsr, petrarch, baseline).
"""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import List, NoReturn, Optional

import typer
from rich.console import Console

from warta.evaluation import dictionaries as dicts
from warta.evaluation.baseline import BASELINE_PATH, check_baseline, update_baseline
from warta.evaluation.coding import ArticlesNotFound, code_articles, find_articles
from warta.evaluation.devsets import DEV_SETS, Coders, default_shared_dir
from warta.evaluation.matching import LEVELS, load_gold, load_predictions
from warta.evaluation.petrarch_records import evaluate_records, load_records
from warta.evaluation.plover import evaluate_gsr, load_cases
from warta.evaluation.render import render_checks, render_events, render_gsr, render_petrarch
from warta.evaluation.scoring import score_events
from warta.commands.options import fail
from warta.errors import NO_SHARED, NO_VERB_PATH, NOTHING_TO_EVALUATE, UsageError, WartaError, no_pack
from warta.lang import available_languages
from warta.ontology import Ontology
from warta.output import error_console

err = error_console()

Level = Enum("Level", {name.replace("+", "_"): name for name in LEVELS}, type=str)


class EvalFormat(str, Enum):
    table = "table"
    json = "json"


def _console() -> Console:
    # emoji off: rule names such as "lexicon:id:meet" must not turn ":id:" into a flag
    return Console(emoji=False) if sys.stdout.isatty() else Console(width=160, emoji=False)


def _fail(error: Exception) -> NoReturn:
    fail(error if isinstance(error, WartaError) else UsageError(str(error)))


def eval_command(
    gold: Optional[Path] = typer.Argument(None, help="Gold events, JSON Lines (format of shared/gold/seeds.jsonl)."),
    articles: Optional[List[Path]] = typer.Argument(
        None, help="Articles the gold names (files or folders). Default: the folder beside the gold file "
                   "named like it (gold/seeds.jsonl -> seeds/)."),
    level: Level = typer.Option("country+root", "--level", help="Level whose breakdowns, misses and false "
                                "positives are shown (totals show every level)."),
    fmt: EvalFormat = typer.Option(EvalFormat.table, "--format", "-f", help="table (Rich) or json."),
    predicted: Optional[Path] = typer.Option(None, "--predicted", help="Score these predictions (JSON Lines of "
                                             "`warta code --format jsonl`) instead of coding the articles."),
    plover_gsr: Optional[Path] = typer.Option(None, "--plover-gsr", help="PLOVER gold-standard cases (JSON Lines): "
                                              "PLOVER category accuracy."),
    petrarch_records: Optional[Path] = typer.Option(None, "--petrarch-records", help="PETRARCH2 unit-test records; "
                                                    "the dictionaries its <Environment> names are loaded."),
    dictionaries: Optional[List[Path]] = typer.Option(None, "--dictionaries", help="Folder of PETRARCH-format "
                                                      "*actors*.txt / *agents*.txt to load too (repeatable)."),
    verbs: Optional[List[Path]] = typer.Option(None, "--verbs", help="PETRARCH-format verb dictionary to load "
                                               "too, as `warta verbs import` would (repeatable)."),
    verbs_lang: str = typer.Option("en", "--verbs-lang", help="The language pack the --verbs files are for."),
    lang: str = typer.Option("auto", "--lang", help="auto (every pack) or one pack code: id, en."),
    check: bool = typer.Option(False, "--check-baseline", help="Recompute the development sets; exit 1 when a "
                               "score dropped or a set changed."),
    update: bool = typer.Option(False, "--update-baseline", help="Recompute the development sets and rewrite "
                                "the baseline (after an intended improvement)."),
    allow_drop: bool = typer.Option(False, "--allow-drop", help="With --update-baseline: pin scores lower than "
                                    "the baseline's (a deliberate trade-off)."),
    only: Optional[List[str]] = typer.Option(None, "--set", help="With --update-baseline: only these sets ("
                                             + ", ".join(s.name for s in DEV_SETS) + ")."),
    shared: Optional[Path] = typer.Option(None, "--shared", help="Folder holding the development sets "
                                          "(default: $WARTA_SHARED or ../shared beside the checkout)."),
    baseline: Path = typer.Option(BASELINE_PATH, "--baseline", help="The baseline file."),
):
    """Score Warta against gold events, PLOVER GSR cases or PETRARCH records; check or update the baseline."""
    if not any([gold, plover_gsr, petrarch_records, check, update]):
        _fail(UsageError(NOTHING_TO_EVALUATE))
    if lang != "auto" and lang not in available_languages():
        _fail(no_pack(lang, available_languages()))
    coders = Coders(None if lang == "auto" else [lang])
    extra = dicts.DictionaryFiles()
    try:
        for folder in dictionaries or ():
            extra = extra + dicts.in_folder(folder)
    except FileNotFoundError as exc:
        _fail(exc)
    for path in verbs or ():
        if not path.is_file():
            _fail(UsageError(NO_VERB_PATH.format(path=path)))
    if verbs:
        extra = extra + dicts.DictionaryFiles(verbs=tuple(verbs), verbs_lang=verbs_lang)
    out: dict = {}
    console = _console()
    table = fmt == EvalFormat.table
    exit_code = 0
    try:
        if gold:
            report = _events(gold, articles or [], predicted, coders, extra)
            out["events"] = report.as_dict(level.value)
            if table:
                render_events(report, level.value, console)
        if plover_gsr:
            gsr = evaluate_gsr(coders.get(extra), load_cases(plover_gsr), str(plover_gsr))
            out["plover_gsr"] = gsr.as_dict()
            if table:
                render_gsr(gsr, console)
        if petrarch_records:
            files = dicts.named_by_records(petrarch_records) + extra
            pet = evaluate_records(coders.get(files), load_records(petrarch_records), Ontology.load().__contains__,
                                   str(petrarch_records), dictionaries=[str(p) for p in files.all])
            out["petrarch"] = pet.as_dict()
            if table:
                render_petrarch(pet, console)
        if update or check:
            exit_code = _baseline(update, shared or default_shared_dir(), coders, baseline, only, allow_drop,
                                  out, console if table else None)
    except (ArticlesNotFound, FileNotFoundError, ValueError, dicts.DictionariesUnavailable, WartaError) as exc:
        _fail(exc)
    if not table:
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=1) + "\n")
    raise typer.Exit(exit_code)


def _baseline(update: bool, shared: Path, coders: Coders, baseline: Path, only, allow_drop: bool, out: dict,
              console: Console | None) -> int:
    """Update or check the baseline; the exit code (1: a score dropped or a set changed)."""
    if not shared.is_dir():
        _fail(UsageError(NO_SHARED.format(shared=shared)))
    if update:
        written = update_baseline(shared, coders, baseline, only, allow_drop=allow_drop)
        out["baseline"] = written
        if console:
            console.print(f"wrote {baseline}", highlight=False)
            console.print_json(json.dumps({k: {"scores": v["scores"], "info": v["info"]}
                                           for k, v in written["sets"].items()}))
        return 0
    checks = check_baseline(shared, coders, baseline)
    out["baseline"] = [c.__dict__ | {"failed": c.failed} for c in checks]
    if console:
        render_checks(checks, console)
    return 1 if any(c.failed for c in checks) else 0


def _events(gold_path: Path, articles: List[Path], predicted: Optional[Path], coders: Coders,
            extra: dicts.DictionaryFiles):
    gold = load_gold(gold_path)
    names = {g.doc for g in gold}
    if predicted:
        preds = load_predictions(predicted)
        languages = {p.doc: p.lang or "?" for p in preds if p.doc in names}
        return score_events(gold, preds, languages, str(gold_path), sorted(names - {p.doc for p in preds}))
    paths = articles or find_articles(gold_path, gold)
    coded = code_articles(coders.get(extra), paths, only=names)
    for e in coded.errors:
        err.print(f"[yellow]skipped[/yellow] {e.origin}: {e.reason} [{e.code}]", highlight=False)
    missing = sorted(names - set(coded.languages))
    return score_events(gold, coded.predictions, coded.languages, str(gold_path), missing)


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)

