"""Flat tables of an extraction: one row per event in the columns of GDELT and ICEWS.

:func:`to_records` gives the event rows as dicts (what ``--format csv`` writes);
:func:`to_tables` adds one table per record kind (actors, places, dates, statements), and
:func:`to_dataframes` turns those tables into pandas DataFrames when pandas is installed
(``pip install "diplomacy-events[pandas]"``).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Any

from diplomacy_events.formats._base import ExtractionLike, as_extractions
from diplomacy_events.models import Actor, Event, Extraction, Statement

EVENT_COLUMNS: tuple[str, ...] = (
    "document_id",
    "published",
    "event_id",
    "event_date",
    "date_text",
    "source_name",
    "source_kind",
    "source_title",
    "source_country",
    "source_role",
    "source_cameo_role",
    "target_name",
    "target_kind",
    "target_title",
    "target_country",
    "target_role",
    "target_cameo_role",
    "other_actors",
    "event_type",
    "cameo_code",
    "plover_category",
    "status",
    "trigger",
    "place_name",
    "place_kind",
    "place_country",
    "latitude",
    "longitude",
    "quote",
    "quote_speaker",
    "sentence_start",
    "sentence_end",
)
"""The columns of an event row, in order.

``source_*`` is the event's first participant (the initiator when the text says who initiated),
``target_*`` the second; further participants are listed by name in ``other_actors``.
``event_date`` is the TIMEX3 value of the event's date (empty when the text gives none: the
publication date is never substituted). ``quote`` is the first statement made in the event's
sentence. ``sentence_start``/``sentence_end`` are character offsets into the article.
"""

ACTOR_COLUMNS = (
    "document_id",
    "actor_id",
    "name",
    "kind",
    "title",
    "country",
    "former",
    "role",
    "cameo_role",
    "mentions",
    "first_start",
    "aliases",
)
LOCATION_COLUMNS = (
    "document_id",
    "location_id",
    "name",
    "kind",
    "country",
    "latitude",
    "longitude",
    "metonym",
    "mentions",
    "first_start",
    "aliases",
)
DATE_COLUMNS = ("document_id", "date_id", "text", "value", "type", "granularity", "start", "end")
STATEMENT_COLUMNS = (
    "document_id",
    "statement_id",
    "speaker_id",
    "speaker_name",
    "kind",
    "verb",
    "quote",
    "target_id",
    "target_name",
    "date_id",
    "start",
    "end",
)


def _side(prefix: str, actor: Actor | None) -> dict[str, Any]:
    if actor is None:
        return {f"{prefix}_{k}": None for k in ("name", "kind", "title", "country", "role", "cameo_role")}
    return {
        f"{prefix}_name": actor.name,
        f"{prefix}_kind": actor.kind,
        f"{prefix}_title": actor.title,
        f"{prefix}_country": actor.country,
        f"{prefix}_role": actor.role,
        f"{prefix}_cameo_role": actor.cameo_role,
    }


def _quote(extraction: Extraction, event: Event) -> Statement | None:
    """The first statement whose words lie in the event's sentence."""
    if event.sentence is None:
        return None
    start, end = event.sentence
    return next((s for s in extraction.statements if s.start < end and s.end > start), None)


def event_record(extraction: Extraction, event: Event) -> dict[str, Any]:
    """One event as a flat row with the keys of :data:`EVENT_COLUMNS`."""
    actors = [extraction.actor(a) for a in event.actors]
    place = extraction.location(event.location)
    date = extraction.date(event.date)
    statement = _quote(extraction, event)
    speaker = extraction.actor(statement.speaker) if statement else None
    row: dict[str, Any] = {
        "document_id": extraction.id,
        "published": extraction.published.isoformat() if extraction.published else None,
        "event_id": event.id,
        "event_date": date.value if date else None,
        "date_text": date.text if date else None,
    }
    row.update(_side("source", actors[0] if actors else None))
    row.update(_side("target", actors[1] if len(actors) > 1 else None))
    row["other_actors"] = "; ".join(a.name or a.id for a in actors[2:] if a is not None) or None
    row.update(
        {
            "event_type": event.type,
            "cameo_code": event.cameo,
            "plover_category": event.plover,
            "status": event.status,
            "trigger": event.trigger.text,
            "place_name": place.name if place else None,
            "place_kind": place.kind if place else None,
            "place_country": place.country if place else None,
            "latitude": place.latitude if place else None,
            "longitude": place.longitude if place else None,
            "quote": statement.quote if statement else None,
            "quote_speaker": speaker.name if speaker else None,
            "sentence_start": event.sentence[0] if event.sentence else None,
            "sentence_end": event.sentence[1] if event.sentence else None,
        }
    )
    return row


def to_records(extractions: ExtractionLike | Iterable[ExtractionLike]) -> list[dict[str, Any]]:
    """One row per event of one extraction or many, in the columns of :data:`EVENT_COLUMNS`.

    Accepts :class:`~diplomacy_events.models.Extraction` objects or their ``to_dict()`` output.
    Extractions that failed (``error`` set) have no events and give no row.
    """
    return [event_record(x, e) for x in as_extractions(extractions) for e in x.events]


def to_tables(extractions: ExtractionLike | Iterable[ExtractionLike]) -> dict[str, list[dict[str, Any]]]:
    """Every record kind as flat rows: ``events``, ``actors``, ``locations``, ``dates``, ``statements``."""
    docs = as_extractions(extractions)
    tables: dict[str, list[dict[str, Any]]] = {
        "events": [event_record(x, e) for x in docs for e in x.events],
        "actors": [],
        "locations": [],
        "dates": [],
        "statements": [],
    }
    for x in docs:
        for a in x.actors:
            values: tuple[Any, ...] = (
                x.id,
                a.id,
                a.name,
                a.kind,
                a.title,
                a.country,
                a.former,
                a.role,
                a.cameo_role,
                len(a.mentions),
                a.mentions[0].start if a.mentions else None,
                "; ".join(a.aliases),
            )
            tables["actors"].append(dict(zip(ACTOR_COLUMNS, values, strict=True)))
        for loc in x.locations:
            values = (
                x.id,
                loc.id,
                loc.name,
                loc.kind,
                loc.country,
                loc.latitude,
                loc.longitude,
                loc.metonym,
                len(loc.mentions),
                loc.mentions[0].start if loc.mentions else None,
                "; ".join(loc.aliases),
            )
            tables["locations"].append(dict(zip(LOCATION_COLUMNS, values, strict=True)))
        for d in x.dates:
            values = (x.id, d.id, d.text, d.value, d.type, d.granularity, d.start, d.end)
            tables["dates"].append(dict(zip(DATE_COLUMNS, values, strict=True)))
        for s in x.statements:
            speaker, target = x.actor(s.speaker), x.actor(s.target)
            values = (
                x.id,
                s.id,
                s.speaker,
                speaker.name if speaker else None,
                s.kind,
                s.verb,
                s.quote,
                s.target,
                target.name if target else None,
                s.date,
                s.start,
                s.end,
            )
            tables["statements"].append(dict(zip(STATEMENT_COLUMNS, values, strict=True)))
    return tables


_COLUMNS = {
    "events": EVENT_COLUMNS,
    "actors": ACTOR_COLUMNS,
    "locations": LOCATION_COLUMNS,
    "dates": DATE_COLUMNS,
    "statements": STATEMENT_COLUMNS,
}


def to_dataframes(extractions: ExtractionLike | Iterable[ExtractionLike]) -> dict[str, Any]:
    """:func:`to_tables` as pandas DataFrames (same keys; columns kept even when a table is empty).

    The values are ``pandas.DataFrame`` objects (typed ``Any`` so that pandas stays optional).

    Needs pandas: ``pip install "diplomacy-events[pandas]"``.
    """
    try:
        # Imported by name: pandas is optional and its type stubs are not a dependency.
        pd: Any = importlib.import_module("pandas")
    except ImportError as exc:  # an optional extra: say how to get it
        raise ImportError('to_dataframes() needs pandas: pip install "diplomacy-events[pandas]"') from exc
    return {
        name: pd.DataFrame.from_records(rows, columns=list(_COLUMNS[name]))
        for name, rows in to_tables(extractions).items()
    }
