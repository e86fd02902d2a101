"""General knowledge as package data, and the entries plugins add to it.

Data files in this folder (JSON) are read on first use, once per process, through
:func:`load_json`. A :class:`Knowledge` holds what the ``register_*`` hooks of the loaded
plugins added; built-in extractors read it beside the package data and keep what they compile
from it in :meth:`Knowledge.compiled`, so that compiling happens once per pipeline.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any, TypeVar

import attrs

T = TypeVar("T")


@cache
def load_json(name: str) -> Any:
    """A JSON data file of this package, parsed once per process."""
    with resources.files(__name__).joinpath(name).open(encoding="utf-8") as fh:
        return json.load(fh)


@attrs.frozen(kw_only=True)
class TitleEntry:
    """An office: the words of its title, its canonical role and CAMEO actor code."""

    title: str
    role: str
    cameo_role: str = "GOV"
    country: str | None = None
    """The country the title implies by itself ("Chancellor of the Exchequer"), if any."""


@attrs.frozen(kw_only=True)
class RosterEntry:
    """A known official and a term of office."""

    name: str
    title: str
    country: str | None
    role: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    """Last day of the term, or None while in office."""
    aliases: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class GazetteerEntry:
    """A place and the names it goes by."""

    name: str
    kind: str
    country: str | None
    latitude: float | None = None
    longitude: float | None = None
    aliases: tuple[str, ...] = ()
    population: int = 0


@attrs.frozen(kw_only=True)
class DatePattern:
    """A temporal pattern: ``resolve(match, published)`` gives ``(value, type, granularity)``.

    ``resolve`` returns None to reject a match. The expression's extent is the whole match,
    or group ``"timex"`` when the pattern defines it.
    """

    name: str
    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], dt.date | None], tuple[str | None, str, str] | None]


@attrs.frozen(kw_only=True)
class EventTrigger:
    """A word or phrase that signals an event of a type, with its CAMEO code."""

    words: str
    type: str
    cameo: str
    plover: str | None = None


@attrs.define
class Knowledge:
    """What plugins registered, and the structures extractors compile from it."""

    titles: tuple[TitleEntry, ...] = ()
    roster: tuple[RosterEntry, ...] = ()
    gazetteer: tuple[GazetteerEntry, ...] = ()
    date_patterns: tuple[DatePattern, ...] = ()
    event_triggers: tuple[EventTrigger, ...] = ()
    place_lookups: tuple[Callable[[str], Any], ...] = ()
    """Resolvers that find places in a text: ``lookup(text)`` yields ``(start, end, GazetteerEntry)``."""
    _compiled: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)

    def compiled(self, key: str, build: Callable[[Knowledge], T]) -> T:
        """``build(self)``, computed once per knowledge and key."""
        try:
            value: T = self._compiled[key]
        except KeyError:
            value = self._compiled[key] = build(self)
        return value


EMPTY = Knowledge()
"""Knowledge with no plugin additions; the built-ins compile it once per process."""
