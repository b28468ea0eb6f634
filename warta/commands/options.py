"""Option checks shared by the commands (no `register`: nothing to add to the CLI)."""
from __future__ import annotations

from typing import Optional

import typer

from warta.analysis.filters import parse_date


def day(value: Optional[str]) -> Optional[str]:
    """A --since/--until callback: the value when it is a real day (YYYY-MM-DD), else a usage error
    (exit code 2) instead of the store's cast failing on it."""
    if value is None:
        return None
    try:
        return parse_date(value).isoformat()  # Python also reads 20231205 and 2023-W49-2: the store gets YYYY-MM-DD
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
