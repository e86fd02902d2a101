"""The offline place index: names of countries, regions, cities, venues and continents.

The index is built by ``scripts/build_gazetteer.py`` into the package file
``lexicon/gazetteer.json.gz`` (one column per field) and loaded on first use. Its surface
forms and their word prefixes go into one dict, so finding every place name in a text costs a
few lookups per capitalised word, whatever the size of the index. Plugins add places through
:class:`~diplomacy_events.lexicon.GazetteerEntry` items; :func:`get_gazetteer` compiles them
once per :class:`~diplomacy_events.lexicon.Knowledge`.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import threading
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

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
ADMIN2 = 32
"""A county ("Laurel County", "Lancashire"): a second-level division."""

# A word that may begin a name, the next word of a longer name, and the cut points of a form.
_START = re.compile(r"[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f][^\W\d_]*")
# The same scanned faster: a run of word characters from a capital. A run that holds a digit
# or "_" is checked against _START, and the words inside it are never whole words.
_WORD = re.compile(r"[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f]\w*")
_NEXT = re.compile(r"[ .,'’-]{1,3}[^\W\d_]+")
_SEPARATORS = frozenset(" .,'’-")
_SEPARATOR = re.compile(r"[ .,'’-]")
_CUT = re.compile(r"(?<=[^\W\d_])[ .,'’-]{1,3}(?=[^\W\d_])")


def joined_cuts(forms: Iterable[str]) -> list[str]:
    """Each form cut after a separator and the character that follows it ("United S")."""
    # One pass over the forms joined by newlines, as the matcher has always cut them: a separator
    # that ends a form is followed by the newline.
    joined = "\n".join(forms)
    line = joined.rfind
    return [joined[line("\n", 0, i) + 1 : i + 2] for i in (m.start() for m in _SEPARATOR.finditer(joined))]


def prefixes(forms: Iterable[str]) -> list[str]:
    """The word prefixes of ``forms`` ("United", "United Arab" for "United Arab Emirates")."""
    out: dict[str, None] = {}
    for f in forms:
        f = f.removesuffix(".")
        for m in _CUT.finditer(f):
            out[f[: m.start()]] = None
    return list(out)


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
    """First-level division code, ``"US.TX"`` style; empty when unknown."""
    fame: int = 0
    """How many alternate names the place has: a prior for how widely it is known."""
    prior: float = 0.0
    """The context-free part of the resolution score: size, fame, kind and capital status."""


class Gazetteer:
    """Places, their surface forms, and a word-prefix index that finds the forms in a text."""

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
        self._prefixes: list[str] = data["prefixes"].split("\n") if data.get("prefixes") else []
        self._cuts: list[str] = data.get("joined") or []
        """Precomputed :func:`joined_cuts` of the keys, so loading does not redo them."""
        """Word prefixes of the multi-word forms (precomputed by the build, see :func:`prefixes`)."""
        self._places: dict[int, Place] = {}
        self._cands: dict[int, tuple[tuple[Place, bool], ...]] = {}
        self._index: dict[str, int] | None = None
        self._dotted: dict[str, int] = {}
        self._longer: frozenset[str] = frozenset()
        """The word prefixes of longer forms: only these are extended by another word."""
        self._joined: frozenset[str] = frozenset()
        """Each form cut after a separator and the character that follows it ("United S",
        "Côte d'I"), to read the next word only when some form goes on that way."""
        self._lock = threading.Lock()
        self.memo: dict[Any, Any] = {}
        """Per-process cache for what extractors derive from a surface form (keyed as they like)."""

    def __len__(self) -> int:
        return len(self._names)

    def place(self, index: int) -> Place:
        """The entry at ``index``."""
        p = self._places.get(index)
        if p is None:
            lat, lon = self._lat[index], self._lon[index]
            kind = _KINDS.get(self._kinds[index], "other")
            pop, fame, flags = self._pop[index], self._fame[index], self._flags[index]
            prior = math.log10(pop + 10) + math.log10(fame + 1)
            if kind == "country":
                prior += 2.5
            elif flags & EXTRA:
                prior += 2.0
            if flags & CAPITAL:
                prior += 1.5
            p = self._places[index] = Place(
                index=index,
                name=self._names[index],
                kind=kind,
                country=self._countries[self._country[index]],
                latitude=None if lat == _NO_COORD else lat / 1000,
                longitude=None if lon == _NO_COORD else lon / 1000,
                population=pop,
                flags=flags,
                admin1=self._admin1[index],
                fame=fame,
                prior=prior,
            )
        return p

    def candidates(self, key: int) -> tuple[tuple[Place, bool], ...]:
        """The places a surface form (by key index) may name, each with whether it is an alternate name."""
        c = self._cands.get(key)
        if c is None:
            v = self._values[key]
            codes = v if isinstance(v, list) else [v]
            c = self._cands[key] = tuple(
                (self.place(i), False) if i >= 0 else (self.place(-1 - i), True) for i in codes
            )
        return c

    def key_of(self, name: str) -> int:
        """The key index of the surface form ``name``, or -1."""
        index = self.index()
        if name.endswith("."):
            return self._dotted.get(name[:-1], -1)
        return index.get(name, -1)

    def lookup(self, name: str) -> list[Place]:
        """The places called ``name`` exactly (primary or alternate name)."""
        key = self.key_of(name)
        return [] if key < 0 else [p for p, _ in self.candidates(key)]

    def index(self) -> dict[str, int]:
        """Every surface form -> key index, and every word prefix of a longer form -> -1; built once.

        A form is cut after each run of letters, so the text is matched word by word: a prefix
        that is not in the index stops the extension. Forms ending in a full stop ("U.S.") are
        kept without it in ``_dotted``.
        """
        if self._index is None:
            with self._lock:
                if self._index is None:
                    pre = self._prefixes or prefixes(self.keys)
                    index: dict[str, int] = dict.fromkeys(pre, -1)
                    pre_set = frozenset(pre)
                    keys = self.keys
                    dotted = {k[:-1]: i for i, k in enumerate(keys) if k[-1:] == "."}
                    # the plain forms at C speed; a dotted form ("U.S.") stands without its stop
                    index.update(zip(keys, range(len(keys)), strict=True))
                    for stem in dotted:
                        if stem + "." in pre_set:
                            index[stem + "."] = -1
                        else:
                            del index[stem + "."]
                        index.setdefault(stem, -1)
                    self._dotted = dotted
                    self._longer = pre_set
                    self._joined = frozenset(self._cuts or joined_cuts(keys))
                    self._index = index
        return self._index

    def match(
        self, text: str, watch: frozenset[str] = frozenset(), watched: list[int] | None = None
    ) -> list[tuple[int, int, int]]:
        """Every leftmost-longest whole-word ``(start, end, key index)`` of a surface form in ``text``.

        The start of every capitalised word that is in ``watch`` is appended to ``watched``, so a
        caller that looks for a few words of its own needs no second scan of the text.
        """
        index = self._index if self._index is not None else self.index()
        longer, joined = self._longer, self._joined
        dotted = self._dotted
        get = index.get
        nxt = _NEXT.match
        seen = watched if watched is not None else []
        out: list[tuple[int, int, int]] = []
        last = 0
        n = len(text)
        for m in _WORD.finditer(text):
            form = m[0]
            if form in watch:
                seen.append(m.start())
            v = get(form)
            if v is None:
                continue
            s, e = m.span()
            # can a longer form go on from here? (the next word is read only if one may)
            if e < n:
                c = text[e]
                go_on = c in _SEPARATORS and form in longer and text[s : e + 2] in joined
            else:
                c = ""
                go_on = False
            if not go_on and v < 0 and not (c == "." and form in dotted):
                continue  # only the start of longer forms, and none goes on here
            if s < last or (s and (text[s - 1].isalnum() or text[s - 1] in "_@#")):
                continue
            if not form.isalpha():
                m1 = _START.match(text, s)
                if m1 is None or m1.end() != e:
                    continue  # letters run into a digit: not a whole word
            if not go_on:
                # the common case: a one-word form
                if c == ".":
                    if form in dotted:
                        e += 1
                        v = dotted[form]
                elif c and (
                    c != " "
                    and (
                        c.isalnum()
                        or c == "_"
                        or (c in "’'" and e + 1 < n and text[e + 1].isalpha() and text[e + 1] != "s")
                    )
                ):
                    continue  # not a whole word
                out.append((s, e, v))
                last = e
                continue
            best = -1
            best_end = e
            while True:
                if e >= n:
                    if v >= 0:
                        best, best_end = v, e
                    break
                c = text[e]
                # a whole word: no letter or digit after it; an apostrophe only before "s"
                if v >= 0 and (
                    c == " "
                    or (
                        not (c.isalnum() or c == "_")
                        and not (c in "’'" and e + 1 < n and text[e + 1].isalpha() and text[e + 1] != "s")
                    )
                ):
                    best, best_end = v, e
                if c == "." and form in dotted:
                    best, best_end = dotted[form], e + 1
                if c not in _SEPARATORS or form not in longer or text[s : e + 2] not in joined:
                    break  # no longer form goes on from here
                m2 = nxt(text, e)
                if m2 is None:
                    break
                e = m2.end()
                form = text[s:e]
                v = get(form)
                if v is None:
                    break
            if best >= 0:
                out.append((s, best_end, best))
                last = best_end
        return out

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
        g._prefixes = list(self._prefixes)
        g._places, g._cands, g._index, g._dotted, g._lock = {}, {}, None, {}, threading.Lock()
        g._longer = g._joined = frozenset()
        g.memo = {}
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
        g._prefixes.extend(prefixes(g.keys[len(self.keys) :]))
        g._cuts = [*self._cuts, *joined_cuts(g.keys[len(self.keys) :])] if self._cuts else []
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
