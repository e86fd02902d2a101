"""Cross-article merging: reports of one real-world event become one event with its sources.

Two reports are the same event when they have the same type, share a participant (the same
normalised name, or a state and a person of that state), their dates are compatible (equal, one
inside the other such as ``2023-06`` and ``2023-06-18``, or one unknown) and so are their places
(the same country, or one unknown). Clustering is greedy in input order, so the result is
deterministic; like GDELT's mentions table, every merged event lists the document id and event
id of each report.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any

import attrs

from diplomacy_events.models import Extraction


@attrs.frozen(kw_only=True)
class EventSource:
    """One report of an event: the document and the event id within its extraction."""

    document: str | None
    event: str


@attrs.frozen(kw_only=True)
class MergedActor:
    """A participant of a merged event."""

    name: str | None
    kind: str
    country: str | None = None


@attrs.frozen(kw_only=True)
class MergedEvent:
    """An event reported by one or more documents."""

    id: str
    type: str
    cameo: str
    status: str
    date: str | None = None
    place: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    actors: tuple[MergedActor, ...] = ()
    sources: tuple[EventSource, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        from diplomacy_events.serialize import converter

        data: dict[str, Any] = converter().unstructure(self)
        return data


def _norm(name: str | None) -> str:
    s = unicodedata.normalize("NFKD", name or "")
    return " ".join("".join(c for c in s if not unicodedata.combining(c)).casefold().split())


def _dates_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    a, b = a.split("/")[0], b.split("/")[0]
    return (
        a == b
        or a.startswith(b + "-")
        or b.startswith(a + "-")
        or a.startswith(b + "T")
        or b.startswith(a + "T")
    )


def _share_participant(a: tuple[MergedActor, ...], b: tuple[MergedActor, ...]) -> bool:
    for x in a:
        for y in b:
            if x.name and _norm(x.name) == _norm(y.name):
                return True
            states = {k.country for k in (x, y) if k.kind == "state" and k.country}
            if states and x.country == y.country and x.country in states:
                return True
    return False


@attrs.define
class _Cluster:
    event: MergedEvent
    sources: list[EventSource]
    actors: list[MergedActor]


def _report(extraction: Extraction, index: int) -> list[tuple[MergedEvent, EventSource]]:
    out = []
    for ev in extraction.events:
        actors = tuple(
            MergedActor(name=a.name, kind=a.kind, country=a.country)
            for a in (extraction.actor(x) for x in ev.actors)
            if a is not None
        )
        date = extraction.date(ev.date)
        loc = extraction.location(ev.location)
        merged = MergedEvent(
            id="",
            type=ev.type,
            cameo=ev.cameo,
            status=ev.status,
            date=date.value if date else None,
            place=loc.name if loc else None,
            country=loc.country if loc else None,
            latitude=loc.latitude if loc else None,
            longitude=loc.longitude if loc else None,
            actors=actors,
        )
        doc = extraction.id if extraction.id is not None else str(index)
        out.append((merged, EventSource(document=doc, event=ev.id)))
    return out


def _same(c: _Cluster, e: MergedEvent) -> bool:
    ce = c.event
    return (
        ce.type == e.type
        and _share_participant(tuple(c.actors), e.actors)
        and _dates_compatible(ce.date, e.date)
        and (not ce.country or not e.country or ce.country == e.country)
    )


def merge_events(extractions: Iterable[Extraction]) -> list[MergedEvent]:
    """Cluster the events of several extractions into events with their sources."""
    clusters: list[_Cluster] = []
    for index, extraction in enumerate(extractions):
        for event, source in _report(extraction, index):
            target = next((c for c in clusters if _same(c, event)), None)
            if target is None:
                clusters.append(_Cluster(event=event, sources=[source], actors=list(event.actors)))
                continue
            target.sources.append(source)
            known = {(_norm(a.name), a.kind) for a in target.actors}
            target.actors.extend(a for a in event.actors if (_norm(a.name), a.kind) not in known)
            ce = target.event
            # Keep the most precise date and the first place any report gives.
            date = ce.date
            if event.date and (not date or len(event.date) > len(date)):
                date = event.date
            target.event = attrs.evolve(
                ce,
                date=date,
                place=ce.place or event.place,
                country=ce.country or event.country,
                latitude=ce.latitude if ce.place else event.latitude,
                longitude=ce.longitude if ce.place else event.longitude,
            )
    return [
        attrs.evolve(c.event, id=f"m{i}", actors=tuple(c.actors), sources=tuple(c.sources))
        for i, c in enumerate(clusters, 1)
    ]
