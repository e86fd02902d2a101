"""The offline place index: names of countries, regions, cities, venues and continents.

The index is built by ``scripts/build_gazetteer.py`` into the package file
``lexicon/gazetteer.json.gz`` (one column per field) and loaded on first use. Its surface
forms go into one Aho-Corasick automaton, so finding every place name in a text is a single
scan whatever the size of the index. Plugins add places through
:class:`~diplomacy_events.lexicon.GazetteerEntry` items; :func:`get_gazetteer` compiles them
once per :class:`~diplomacy_events.lexicon.Knowledge`.
"""

from __future__ import annotations

import gzip
import json
import threading
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

import ahocorasick
import attrs

from diplomacy_events.lexicon import EMPTY, GazetteerEntry, Knowledge

# Entry flags (see scripts/build_gazetteer.py).
CAPITAL = 1
"""A national capital."""
WORD = 2
"""The name is also a common English word ("Reading", "Mobile")."""
GIVEN = 4
"""The name is also a common given name ("Austin", "Florence")."""
EXTRA = 16
"""From the hand-written list of venues, regions and continents."""

_KINDS = {"C": "country", "c": "city", "r": "region", "v": "venue", "k": "continent", "o": "other"}
_NO_COORD = -999999
_FILE = "gazetteer.json.gz"


@attrs.frozen(kw_only=True)
class Place:
    """One entry of the index."""

    index: int
    name: str
    kind: str
    country: str | None
    latitude: float | None
    longitude: float | None
    population: int
    flags: int
    admin1: str
    fame: int = 0
    """How many alternate names the place has: a prior for how widely it is known."""
    """First-level division code, ``"US.TX"`` style; empty when unknown."""


class Gazetteer:
    """Places, their surface forms, and an automaton that finds the forms in a text."""

    def __init__(self, data: dict[str, Any]) -> None:
        countries: list[str] = data["countries"]
        self._names: list[str] = data["name"].split("\n")
        self._kinds: str = data["kind"]
        self._countries: list[str | None] = [None, *countries]
        self._country: list[int] = data["country"]
        self._lat: list[int] = data["lat"]
        self._lon: list[int] = data["lon"]
        self._pop: list[int] = data["pop"]
        self._flags: list[int] = data["flags"]
        self._fame: list[int] = data["fame"]
        self._admin1: list[str] = data["admin1"].split("\n")
        self.keys: list[str] = data["keys"].split("\n")
        self._values: list[int | list[int]] = data["values"]
        self.qualifiers: dict[str, int] = data["qualifiers"]
        """US state codes and AP abbreviations ("Va.", "Calif.") -> state entry, for "Town, Va."."""
        self.given: frozenset[str] = frozenset(data["given"])
        """Common given names, to tell "Lloyd Austin" from a town."""
        self._places: dict[int, Place] = {}
        self._automaton: Any = None
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._names)

    def place(self, index: int) -> Place:
        """The entry at ``index``."""
        p = self._places.get(index)
        if p is None:
            lat, lon = self._lat[index], self._lon[index]
            p = self._places[index] = Place(
                index=index,
                name=self._names[index],
                kind=_KINDS.get(self._kinds[index], "other"),
                country=self._countries[self._country[index]],
                latitude=None if lat == _NO_COORD else lat / 1000,
                longitude=None if lon == _NO_COORD else lon / 1000,
                population=self._pop[index],
                flags=self._flags[index],
                admin1=self._admin1[index],
                fame=self._fame[index],
            )
        return p

    def candidates(self, key: int) -> list[tuple[Place, bool]]:
        """The places a surface form (by key index) may name, each with whether it is an alternate name."""
        v = self._values[key]
        codes = v if isinstance(v, list) else [v]
        return [(self.place(c), False) if c >= 0 else (self.place(-1 - c), True) for c in codes]

    def lookup(self, name: str) -> list[Place]:
        """The places called ``name`` exactly (primary or alternate name)."""
        automaton = self.automaton()
        key = automaton.get(name, -1)
        return [] if key < 0 else [p for p, _ in self.candidates(key)]

    def automaton(self) -> Any:
        """The Aho-Corasick automaton of every surface form (value: key index), built once."""
        if self._automaton is None:
            with self._lock:
                if self._automaton is None:
                    a = ahocorasick.Automaton(ahocorasick.STORE_INTS)
                    add = a.add_word
                    for i, k in enumerate(self.keys):
                        add(k, i)
                    a.make_automaton()
                    self._automaton = a
        return self._automaton

    def scan(self, text: str) -> Iterator[tuple[int, int, int]]:
        """Every ``(start, end, key index)`` where a surface form occurs in ``text`` (no boundary check)."""
        if not text:
            return
        for end, key in self.automaton().iter(text):
            yield end + 1 - len(self.keys[key]), end + 1, key

    def extended(self, entries: tuple[GazetteerEntry, ...]) -> Gazetteer:
        """A copy of this index with ``entries`` added; they rank like hand-written places."""
        g = Gazetteer.__new__(Gazetteer)
        g._names = list(self._names)
        g._kinds = self._kinds
        g._countries = list(self._countries)
        g._country = list(self._country)
        g._lat, g._lon = list(self._lat), list(self._lon)
        g._pop, g._flags, g._admin1 = list(self._pop), list(self._flags), list(self._admin1)
        g._fame = list(self._fame)
        g.keys = list(self.keys)
        g._values = list(self._values)
        g.qualifiers, g.given = self.qualifiers, self.given
        g._places, g._automaton, g._lock = {}, None, threading.Lock()
        code = {c: i for i, c in enumerate(g._countries) if c}
        kinds = {v: k for k, v in _KINDS.items()}
        key_index = {k: i for i, k in enumerate(g.keys)}
        kind_letters = []
        for e in entries:
            i = len(g._names)
            g._names.append(e.name)
            kind_letters.append(kinds.get(e.kind, "o"))
            if e.country and e.country not in code:
                code[e.country] = len(g._countries)
                g._countries.append(e.country)
            g._country.append(code.get(e.country or "", 0))
            g._lat.append(_NO_COORD if e.latitude is None else round(e.latitude * 1000))
            g._lon.append(_NO_COORD if e.longitude is None else round(e.longitude * 1000))
            g._pop.append(e.population or 10_000_000)
            g._flags.append(EXTRA)
            g._admin1.append("")
            g._fame.append(100)
            for form in dict.fromkeys((e.name, *e.aliases)):
                if not form:
                    continue
                k = key_index.get(form)
                if k is None:
                    key_index[form] = len(g.keys)
                    g.keys.append(form)
                    g._values.append(i)
                else:
                    old = g._values[k]
                    g._values[k] = [*(old if isinstance(old, list) else [old]), i]
        g._kinds = self._kinds + "".join(kind_letters)
        return g


@cache
def _base() -> Gazetteer:
    raw = resources.files("diplomacy_events.lexicon").joinpath(_FILE).read_bytes()
    return Gazetteer(json.loads(gzip.decompress(raw)))


def get_gazetteer(knowledge: Knowledge = EMPTY) -> Gazetteer:
    """The place index, loaded on first use, with the places plugins registered in ``knowledge``."""
    if not knowledge.gazetteer:
        return _base()
    return knowledge.compiled("gazetteer", lambda k: _base().extended(k.gazetteer))
