"""Country names in a language, from CLDR (babel) and ISO 3166 (pycountry).

CLDR gives each territory's name in each language ("Rusia", "Amerika
Serikat"); ISO 3166 gives the alpha-3 code CAMEO uses for countries. A pack's
actors.tsv adds short forms and other spellings CLDR does not have.
"""
from __future__ import annotations

import re
from functools import lru_cache

import pycountry
from babel import Locale

# CLDR territories that are not ISO 3166 countries but CAMEO codes anyway.
_EXTRA_ALPHA3 = {"XK": "XKX"}


@lru_cache(maxsize=None)
def country_names(lang: str) -> dict[str, str]:
    """Name (as CLDR writes it) -> ISO alpha-3, for one language."""
    try:
        territories = Locale.parse(lang).territories
    except Exception:  # babel knows no such locale: the pack's own list must do
        return {}
    names: dict[str, str] = {}
    for alpha2, name in territories.items():
        if not alpha2.isalpha() or len(alpha2) != 2:
            continue  # regions such as "001" (World)
        country = pycountry.countries.get(alpha_2=alpha2)
        alpha3 = country.alpha_3 if country else _EXTRA_ALPHA3.get(alpha2)
        if not alpha3:
            continue
        names[name] = alpha3
        plain = re.sub(r"\s*\(.*?\)\s*", " ", name).strip()  # "Kongo (Republik)" -> "Kongo"
        if plain and plain != name:
            names.setdefault(plain, alpha3)
        if "SAR" in plain:  # "Hong Kong SAR China"
            names.setdefault(plain.split(" SAR")[0], alpha3)
    return names


@lru_cache(maxsize=None)
def country_name(alpha3: str, lang: str = "en") -> str | None:
    country = pycountry.countries.get(alpha_3=alpha3)
    if not country:
        return None
    try:
        return Locale.parse(lang).territories.get(country.alpha_2, country.name)
    except Exception:
        return country.name
