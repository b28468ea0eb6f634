"""Reading a CAMEO actor code back into its parts, for formats that want them apart.

The store keeps actor codes whole ("IRNGOV", "IGOEUREEC"); GDELT wants
country, known group and type codes in separate columns, PLOVER a
top-level code and a sector. A code is a run of 3-letter parts: a
country (ISO alpha-3) or region first, or a non-state prefix (IGO, NGO...)
followed by an optional region and the organisation's own code.
"""
from __future__ import annotations

from dataclasses import dataclass

import pycountry

NON_STATE = frozenset({"IGO", "NGO", "IMG", "MNC", "NGM", "UIS", "INT"})
# CAMEO regional codes that stand where a country would.
REGIONS = frozenset({"AFR", "ASA", "BLK", "CAF", "CAS", "CAU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR", "LAM",
                     "MEA", "MDT", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WST", "XKX"})


@dataclass(frozen=True)
class CodeParts:
    country: str = ""  # country or region
    group: str = ""  # a known organisation's own code: UNO, EEC
    types: tuple[str, ...] = ()  # role / sector codes, non-state prefix first


def is_place_code(part: str) -> bool:
    return part in REGIONS or pycountry.countries.get(alpha_3=part) is not None


def split(code: str) -> CodeParts:
    parts = [code[i: i + 3] for i in range(0, len(code), 3)]
    if not parts:
        return CodeParts()
    if parts[0] in NON_STATE:
        rest, country, group = parts[1:], "", ""
        if len(rest) >= 2 and is_place_code(rest[0]):
            country, rest = rest[0], rest[1:]
        if rest:
            group, rest = rest[0], rest[1:]
        return CodeParts(country, group, (parts[0], *rest))
    if is_place_code(parts[0]):
        return CodeParts(parts[0], "", tuple(parts[1:]))
    return CodeParts("", "", tuple(parts))
