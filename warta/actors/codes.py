"""CAMEO actor codes: which codes are not states, and a code read back into its parts.

The store keeps actor codes whole ("IRNGOV", "IGOEUREEC"); GDELT wants
country, known group and type codes in separate columns, PLOVER a
top-level code and a sector. A code is a run of 3-letter parts: a
country (ISO alpha-3) or region first, or a non-state prefix (IGO, NGO...)
followed by an optional region and the organisation's own code.
"""
from __future__ import annotations

from dataclasses import dataclass

import pycountry

# The codes that open an international or transnational actor, not a country: the CAMEO
# manual's table 3.2 (International/Transnational Generic Codes). An actor coded with one keeps
# it where its country would be ("IGOUNO": country "IGO"), so every count of countries skips them.
NON_STATE = frozenset({"IGO", "IMG", "INT", "MNC", "NGM", "NGO", "UIS"})
# CAMEO regional codes that stand where a country would.
REGIONS = frozenset({"AFR", "ASA", "BLK", "CAF", "CAS", "CAU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR", "LAM",
                     "MEA", "MDT", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WST", "XKX"})


@dataclass(frozen=True)
class CodeParts:
    country: str = ""  # country or region
    group: str = ""  # a known organisation's own code: UNO, EEC
    types: tuple[str, ...] = ()  # role / sector codes, non-state prefix first


def is_non_state(code: str) -> bool:
    """Does the actor code open with a non-state prefix (IGOUNO, NGOHRI, MNC)?"""
    return code[:3] in NON_STATE


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
