"""Typed records of an extraction: every record keeps the offsets of the text it came from.

All models are frozen attrs classes with slots. Collections are tuples so that records are
hashable and cannot be changed after an extractor returns them. Record ids (``a1``, ``l1``,
``d1``, ``s1``, ``e1``) are assigned by the pipeline; extractors of the first stage may leave
them empty.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Literal, TypeVar

import attrs

ActorKind = Literal["person", "organization", "state"]
LocationKind = Literal["country", "city", "region", "venue", "continent", "other"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Granularity = Literal[
    "day", "week", "month", "quarter", "year", "interval", "vague", "duration", "time", "season", "decade"
]
StatementKind = Literal["direct", "indirect"]
EventStatus = Literal["occurred", "planned", "cancelled", "declined", "denied"]

EVENT_TYPES: tuple[str, ...] = (
    "visit",
    "meeting",
    "call",
    "statement",
    "appeal",
    "accusation",
    "rejection",
    "agreement",
    "cooperation",
    "threat",
    "sanction",
    "expulsion",
    "protest",
    "military",
)
EVENT_STATUSES: tuple[str, ...] = ("occurred", "planned", "cancelled", "declined", "denied")


@attrs.frozen
class Mention:
    """A span of the document: ``document.text[start:end] == text``."""

    start: int
    end: int
    text: str

    @classmethod
    def at(cls, text: str, start: int, end: int) -> Mention:
        """The mention of ``text[start:end]``."""
        return cls(start, end, text[start:end])


@attrs.frozen
class Document:
    """One article: its text and what is known about it."""

    text: str
    published: dt.date | None = None
    id: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None


@attrs.frozen(kw_only=True)
class Actor:
    """A person, organization or state that the text names or that acts in it."""

    id: str = ""
    name: str | None
    kind: ActorKind = "person"
    title: str | None = None
    country: str | None = None
    former: bool = False
    mentions: tuple[Mention, ...] = ()
    role: str | None = None
    """Canonical role, such as ``head_of_state``, ``foreign_minister``, ``spokesperson``."""
    cameo_role: str | None = None
    """CAMEO actor role code: GOV, MIL, LEG, JUD, DIP, MED, BUS, IGO..."""
    aliases: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class Location:
    """A place, resolved to an ISO 3166-1 alpha-3 country and coordinates."""

    id: str = ""
    name: str
    kind: LocationKind = "other"
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    mentions: tuple[Mention, ...] = ()
    metonym: bool = False
    """True when a mention stands for a government ("Beijing said")."""
    aliases: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class TimeExpression:
    """A TIMEX3 temporal expression with its value resolved against the publication date."""

    id: str = ""
    start: int
    end: int
    text: str
    value: str | None = None
    type: TimexType = "DATE"
    granularity: Granularity | None = None


@attrs.frozen
class StatementPart:
    """One piece of a quote split by its attribution."""

    start: int
    end: int
    text: str


@attrs.frozen(kw_only=True)
class Statement:
    """Words attributed to a speaker: a direct quote or reported speech.

    ``start``/``end`` delimit ``quote`` in the text (the words inside the quotation marks);
    a quote split by its attribution lists its pieces in ``parts``.
    """

    id: str = ""
    speaker: str | None = None
    quote: str
    kind: StatementKind = "direct"
    start: int
    end: int
    target: str | None = None
    date: str | None = None
    verb: str | None = None
    parts: tuple[StatementPart, ...] = ()


@attrs.frozen(kw_only=True)
class Event:
    """Something that happened, or was planned, cancelled, declined or denied."""

    id: str = ""
    type: str
    cameo: str
    actors: tuple[str, ...] = ()
    location: str | None = None
    date: str | None = None
    status: EventStatus = "occurred"
    trigger: Mention
    plover: str | None = None
    mentions: tuple[Mention, ...] = ()
    """Every trigger that reports this event, the first one included."""
    sentence: tuple[int, int] | None = None
    """Offsets of the sentence of the first trigger."""


@attrs.frozen(kw_only=True)
class Extraction:
    """What the pipeline found in one document."""

    id: str | None = None
    published: dt.date | None = None
    actors: tuple[Actor, ...] = ()
    locations: tuple[Location, ...] = ()
    dates: tuple[TimeExpression, ...] = ()
    statements: tuple[Statement, ...] = ()
    events: tuple[Event, ...] = ()
    warnings: tuple[str, ...] = ()
    error: str | None = None
    """Set when the document could not be processed at all (in a batch)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of the output contract (``spec/output-format.md``)."""
        from diplomacy_events.serialize import to_dict

        return to_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        """Read back what :meth:`to_dict` produced."""
        from diplomacy_events.serialize import from_dict

        return from_dict(data)

    def to_json(self, indent: int | None = None) -> str:
        """:meth:`to_dict` as a JSON string."""
        import json

        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_records(self) -> list[dict[str, Any]]:
        """One flat row per event, in GDELT/ICEWS-style columns (``formats.EVENT_COLUMNS``)."""
        from diplomacy_events.formats import to_records

        return to_records(self)

    def to_dataframes(self) -> dict[str, Any]:
        """pandas DataFrames: ``events``, ``actors``, ``locations``, ``dates``, ``statements``.

        Needs the optional extra: ``pip install "diplomacy-events[pandas]"``.
        """
        from diplomacy_events.formats import to_dataframes

        return dict(to_dataframes(self))

    def to_html(self, text: str | None = None, *, title: str | None = None) -> str:
        """A self-contained HTML page; give the article ``text`` to see it highlighted."""
        from diplomacy_events.formats import to_html

        return to_html(self, text, title=title)

    def actor(self, actor_id: str | None) -> Actor | None:
        """The actor with this id, or None."""
        return next((a for a in self.actors if a.id == actor_id), None)

    def location(self, location_id: str | None) -> Location | None:
        """The location with this id, or None."""
        return next((loc for loc in self.locations if loc.id == location_id), None)

    def date(self, date_id: str | None) -> TimeExpression | None:
        """The temporal expression with this id, or None."""
        return next((d for d in self.dates if d.id == date_id), None)


# Pickling. Results cross process boundaries in batches (``Pipeline.pipe(workers=N)``), and the
# parent spends its time unpickling them: attrs' default state is a dict of field names per
# object, rebuilt one ``setattr`` call at a time. A tuple of field values, set straight into the
# slots, halves that cost; the records are frozen, so nothing observable changes.

_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(a.name for a in attrs.fields(cls))
    return names


def _rebuild(cls: type, values: tuple[Any, ...]) -> Any:
    """An instance of ``cls`` with ``values`` in its fields, in declaration order (unpickling)."""
    obj: Any = object.__new__(cls)
    for name, value in zip(_names(cls), values, strict=True):
        object.__setattr__(obj, name, value)
    return obj


_R = TypeVar("_R")


def replace(record: _R, **changes: Any) -> _R:
    """``attrs.evolve(record, **changes)``, cheaper for the record classes of this module: their
    fields are copied straight into the new record's slots (they have no validators or
    converters). A subclass, which may have them, goes through ``attrs.evolve``."""
    cls = type(record)
    if cls not in _PLAIN:
        return attrs.evolve(record, **changes)  # type: ignore[misc]
    obj: Any = object.__new__(cls)
    for name in _names(cls):
        object.__setattr__(obj, name, changes[name] if name in changes else getattr(record, name))
    return obj  # type: ignore[no-any-return]


def direct_constructor(cls: type[_R], names: tuple[str, ...], **fixed: Any) -> Callable[..., _R]:
    """A constructor of ``cls`` that takes the values of ``names`` positionally (the other fields
    set to ``fixed``) and fills the slots directly.

    The keyword-only attrs ``__init__`` of a frozen class costs about twice as much, which shows
    for the records an extractor makes by the dozen per article. The direct one is used only
    while ``cls`` is a slotted attrs class of plain fields (no validator, converter or
    post-init) that ``names`` and ``fixed`` cover exactly; otherwise ``cls`` itself is called.
    """
    fields = attrs.fields(cls)  # type: ignore[arg-type]
    plain = (
        {f.name for f in fields} == set(names) | set(fixed)
        and not any(f.validator is not None or f.converter is not None for f in fields)
        and not hasattr(cls, "__attrs_post_init__")
        and "__slots__" in cls.__dict__
    )
    if not plain:

        def slow(*values: Any) -> _R:
            return cls(**fixed, **dict(zip(names, values, strict=True)))

        return slow
    setters = tuple(cls.__dict__[n].__set__ for n in names)
    preset = tuple((cls.__dict__[n].__set__, v) for n, v in fixed.items())
    new = object.__new__

    def make(*values: Any) -> _R:
        obj: Any = new(cls)
        for setter, value in preset:
            setter(obj, value)
        for setter, value in zip(setters, values):  # noqa: B905 - the hot path of every record
            setter(obj, value)
        return obj  # type: ignore[no-any-return]

    return make


def _reduce_fields(self: Any, protocol: Any = None) -> tuple[Any, ...]:
    return _rebuild, (type(self), tuple([getattr(self, n) for n in _names(type(self))]))


def _reduce_span(self: Any, protocol: Any = None) -> tuple[Any, ...]:
    # the most numerous records: positional construction is the cheapest rebuild
    cls = type(self)
    if len(_names(cls)) != 3:  # a subclass with fields of its own
        return _reduce_fields(self)
    return cls, (self.start, self.end, self.text)


def _set_reduce(classes: tuple[type, ...], reduce: Any) -> None:
    for cls in classes:
        setattr(cls, "__reduce_ex__", reduce)  # noqa: B010 - mypy forbids assigning a method


_RECORDS = (Document, Actor, Location, TimeExpression, Statement, Event, Extraction)
_SPANS = (Mention, StatementPart)
_set_reduce(_RECORDS, _reduce_fields)
_set_reduce(_SPANS, _reduce_span)
_PLAIN = frozenset(_RECORDS + _SPANS)
