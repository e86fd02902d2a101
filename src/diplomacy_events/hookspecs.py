"""The hooks a plugin can implement.

A plugin is any object or module with functions decorated by :data:`hookimpl`, named after the
hookspecs below. Built-in extractors are plugins of exactly these hooks.

Stages run in this order for each document:

1. ``extract_dates``, ``extract_actors`` and ``extract_locations``, independent of each other;
2. ``extract_statements``, given what stage 1 found (with ids assigned);
3. ``extract_events``, given everything before.

Every implementation of a stage hook is called and the results are merged (see
:mod:`diplomacy_events.pipeline`): implementations called first win overlapping spans. Use
``@hookimpl(tryfirst=True)`` to take precedence over the built-ins (which are ``trylast``), or
``@hookimpl(trylast=True)`` to fill in only what others left.

The ``register_*`` hooks extend the built-in knowledge without writing an extractor: they are
called once, when a :class:`~diplomacy_events.pipeline.Pipeline` is built, and their results are
added to the lexicons the built-in extractors read.

An implementation may accept any subset of a hook's arguments, by name: ``document`` (the
:class:`~diplomacy_events.models.Document`), ``analysis`` (sentences, tokens and quotations
from :mod:`diplomacy_events.text`), ``knowledge`` (what ``register_*`` hooks added, see
:class:`~diplomacy_events.lexicon.Knowledge`) and, for the later stages, the records found so far.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from diplomacy_events.lexicon import DatePattern, GazetteerEntry, Knowledge, RosterEntry, TitleEntry
    from diplomacy_events.models import Actor, Document, Event, Location, Statement, TimeExpression
    from diplomacy_events.text import Analysis

PROJECT = "diplomacy_events"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def extract_dates(
    document: Document, analysis: Analysis, knowledge: Knowledge
) -> Sequence[TimeExpression] | None:
    """Find temporal expressions in ``document``.

    Return :class:`~diplomacy_events.models.TimeExpression` records whose ``value`` is resolved
    against ``document.published`` (``None`` when it cannot be resolved). Ids may be left empty.
    """


@hookspec
def extract_actors(document: Document, analysis: Analysis, knowledge: Knowledge) -> Sequence[Actor] | None:
    """Find persons, organizations and states, each with every mention of it.

    Ids may be left empty: the pipeline numbers the merged actors ``a1``, ``a2``...
    """


@hookspec
def extract_locations(
    document: Document, analysis: Analysis, knowledge: Knowledge
) -> Sequence[Location] | None:
    """Find places, each resolved to a country and coordinates, with every mention of it."""


@hookspec
def extract_statements(
    document: Document,
    analysis: Analysis,
    knowledge: Knowledge,
    actors: Sequence[Actor],
    locations: Sequence[Location],
    dates: Sequence[TimeExpression],
) -> Sequence[Statement] | None:
    """Find quotes and reported speech; ``speaker`` and ``target`` are ids of ``actors``."""


@hookspec
def extract_events(
    document: Document,
    analysis: Analysis,
    knowledge: Knowledge,
    actors: Sequence[Actor],
    locations: Sequence[Location],
    dates: Sequence[TimeExpression],
    statements: Sequence[Statement],
) -> Sequence[Event] | None:
    """Find events; ``actors``, ``location`` and ``date`` refer to the ids of the records given."""


@hookspec
def register_titles() -> Iterable[TitleEntry] | None:
    """Add official titles ("Foreign Minister", "Chancellor") with their role and CAMEO code."""


@hookspec
def register_roster() -> Iterable[RosterEntry] | None:
    """Add known officials (name, title, country, term) used to fill in what the text omits."""


@hookspec
def register_gazetteer() -> Iterable[GazetteerEntry] | None:
    """Add places (name, kind, country, coordinates, alternate names)."""


@hookspec
def register_place_lookups() -> Iterable[Callable[[str], Iterable[tuple[int, int, GazetteerEntry]]]] | None:
    """Add place resolvers (for example over a full GeoNames dump).

    Each is called with a document's text and yields ``(start, end, GazetteerEntry)`` for the
    places it finds; its readings replace the built-in ones they overlap.
    """


@hookspec
def register_date_patterns() -> Iterable[DatePattern] | None:
    """Add temporal patterns: a regular expression and a function giving the TIMEX3 value."""


@hookspec
def register_event_triggers() -> Iterable[Any] | None:
    """Add event trigger words: ``(lemma, event type, CAMEO code)`` tuples or ``EventTrigger`` entries."""
