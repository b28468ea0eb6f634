"""`warta lexicon gaps`: the predicates a corpus puts between two actors that the pack does not cover.

    warta lexicon gaps CORPUS... --lang id [--top N] [--kwic K] [--limit N] [--format table|jsonl]

A thin layer over warta.lexicon.gaps.
"""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from warta.commands.options import bad_parameter, fail
from warta.errors import WartaError, no_pack
from warta.lang import available_languages
from warta.output import error_console

err = error_console()


class GapFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"


def register(app: typer.Typer) -> None:
    lexicon = typer.Typer(no_args_is_help=True, help="Tools for language-pack authors: what the lexicon misses.")
    app.add_typer(lexicon, name="lexicon")

    @lexicon.command("gaps")
    def gaps(
        corpus: List[Path] = typer.Argument(..., help="Files or folders, read as `warta code` reads them "
                                            "(.txt, .html, .jsonl, .csv, optionally .gz)."),
        lang: str = typer.Option(..., "--lang", help="The language pack whose lexicon is checked: id, en."),
        top: int = typer.Option(50, "--top", min=1, help="Show this many predicates, most frequent first."),
        kwic: int = typer.Option(3, "--kwic", min=0, help="Keyword-in-context lines per predicate."),
        limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Read at most this many documents."),
        window: int = typer.Option(10, "--window", min=1, help="Most words between two actors that may share "
                                   "a predicate."),
        max_words: int = typer.Option(3, "--words", min=1, help="Candidate words taken from each actor pair."),
        max_df: float = typer.Option(0.2, "--max-df", min=0.0, max=1.0, help="On 100 documents or more, a word "
                                     "found in more than this share of them is taken for a function word."),
        min_share: float = typer.Option(0.05, "--min-share", min=0.0, max=1.0, help="On 100 documents or more, "
                                        "leave out a predicate that stands between two actors in fewer than "
                                        "this share of the documents its forms occur in."),
        fmt: GapFormat = typer.Option(GapFormat.table, "--format", "-f", help="table (text) or jsonl."),
    ):
        """List the most frequent uncovered predicates between two resolved actors, with counts and
        keyword-in-context lines, so a pack author sees what to add to verbs.tsv next."""
        from warta.lexicon.gaps import find_gaps  # the pipeline loads only when the command runs

        if lang not in available_languages():
            raise bad_parameter(no_pack(lang, available_languages()), param_hint="--lang")
        try:
            report = find_gaps(corpus, lang, limit=limit, top=top, kwic=kwic, window=window,
                               max_words=max_words, max_df=max_df, min_share=min_share)
        except WartaError as exc:
            fail(exc)
        out = sys.stdout
        if fmt == GapFormat.jsonl:
            for rank, gap in enumerate(report.gaps, 1):
                out.write(json.dumps({"rank": rank, **gap.record()}, ensure_ascii=False) + "\n")
        else:
            for rank, gap in enumerate(report.gaps, 1):
                forms = ", ".join(f"{f} {n}" for f, n in gap.forms.most_common(6))
                out.write(f"{rank:>3}. {gap.stem}  {gap.count} pairs, {gap.docs} documents (share {gap.share:.2f})  "
                          f"forms: {forms}\n")
                for line in gap.kwic:
                    out.write(f"       {line['doc']} ({line['source']} {line['target']}): {line['line']}\n")
        err.print(report.summary(), markup=False, highlight=False, soft_wrap=True)
