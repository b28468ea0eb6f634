"""Which events a question is about: the one query object lives in warta.query (the store, the
exports, the CLI and the REST API all use it); its names are kept here for analysis code."""
from __future__ import annotations

from warta.query import (ACTOR_RE, CODE_RE, COUNTRY_RE, LANG_RE, MAX_VALUES, ROOT_RE, SECTOR_RE, EventQuery,
                         actor_clause, parse_codes, parse_date)

__all__ = ["ACTOR_RE", "CODE_RE", "COUNTRY_RE", "LANG_RE", "MAX_VALUES", "ROOT_RE", "SECTOR_RE", "EventQuery",
           "actor_clause", "parse_codes", "parse_date"]
