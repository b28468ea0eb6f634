"""Shared output for every CLI command that prints rows: table, jsonl or csv."""
from __future__ import annotations

import csv
import json
import sys
from datetime import date, datetime
from enum import Enum
from typing import Callable, Iterable, Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


def _plain(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _cell(row: dict, column: str) -> Text:
    """A table cell; a side of an event with no code shows the person's name: "? Ahmad Vahidi"."""
    value = row.get(column)
    if value is None and column in ("source", "target"):
        name = row.get(f"{column}_actor_name")
        return Text(f"? {name}", style="dim") if name else Text("")
    return Text("" if value is None else str(_plain(value)))


def emit(rows: Iterable[dict], fmt: Format, columns: Sequence[str], stream=None) -> int:
    """Print rows; `columns` picks what the table and CSV show (JSON Lines shows all)."""
    stream = stream or sys.stdout
    rows = list(rows)
    if fmt == Format.jsonl:
        for row in rows:
            stream.write(json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False) + "\n")
    elif fmt == Format.csv:
        writer = csv.DictWriter(stream, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _plain(row.get(k)) for k in columns})
    else:
        table = Table(show_lines=False)
        for c in columns:
            table.add_column(c, overflow="fold")
        for row in rows:
            # Text cells: article words and rule names are data, never Rich markup or emoji codes
            table.add_row(*(_cell(row, c) for c in columns))
        Console(file=stream, width=200, emoji=False).print(table)
    return len(rows)


class RowStream:
    """Rows printed as they come (JSON Lines, CSV) so a long run never holds them all;
    a table needs every row first, so it keeps the first `table_limit` and says how many more."""

    def __init__(self, fmt: Format, columns: Sequence[str], stream=None, table_limit: int = 1000):
        self.fmt = fmt
        self.columns = list(columns)
        self.stream = stream or sys.stdout
        self.table_limit = table_limit
        self.count = 0
        self._held: list[dict] = []
        self._csv = None

    def write(self, rows: Iterable[dict]) -> None:
        rows = list(rows)
        self.count += len(rows)
        if self.fmt == Format.jsonl:
            emit(rows, self.fmt, self.columns, self.stream)
        elif self.fmt == Format.csv:
            if self._csv is None:
                self._csv = csv.DictWriter(self.stream, fieldnames=self.columns, extrasaction="ignore")
                self._csv.writeheader()
            for row in rows:
                self._csv.writerow({k: _plain(row.get(k)) for k in self.columns})
        else:
            self._held.extend(rows[: max(0, self.table_limit - len(self._held))])
        self.stream.flush()

    def write_batch(self, make_rows: Callable[[], Iterable[dict]], count: int) -> None:
        """A batch of `count` rows, made only if any of them will be printed: a table that holds
        its limit already only counts them (building a big archive's rows costs seconds)."""
        if self.fmt == Format.table and len(self._held) >= self.table_limit:
            self.count += count
            return
        self.write(make_rows())

    def close(self) -> int:
        """Print what was held (tables); returns how many rows were left out."""
        if self.fmt == Format.table:
            emit(self._held, self.fmt, self.columns, self.stream)
            return self.count - len(self._held)
        return 0


def error_console() -> Console:
    """Where commands report problems: stderr, no emoji codes (":id:" is a pack name)."""
    return Console(stderr=True, emoji=False)


def say_error(console: Console, message: object) -> None:
    """Print an error whose text may hold brackets from file names or article text."""
    console.print(f"[red]error:[/red] {escape(str(message))}", highlight=False)
