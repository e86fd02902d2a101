"""Where the records of earlier stages stand in the text: lookups shared by later stages."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Generic, TypeVar

import attrs

from diplomacy_events.models import Actor, Location, TimeExpression
from diplomacy_events.text import Analysis

T = TypeVar("T")

PRONOUNS = re.compile(r"\b(he|she|He|She|his|His|her|Her)\b")


@attrs.frozen
class Placed(Generic[T]):
    """A record at one of its mentions."""

    start: int
    end: int
    record: T


class Index(Generic[T]):
    """Mentions of records sorted by offset, for range and nearest lookups."""

    def __init__(self, placed: Sequence[Placed[T]]) -> None:
        self.items = sorted(placed, key=lambda p: (p.start, p.end))
        self.starts = [p.start for p in self.items]

    def between(self, start: int, end: int) -> list[Placed[T]]:
        """Mentions that lie within ``[start, end)``."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return [p for p in self.items[lo:hi] if p.end <= end]

    def last_before(self, pos: int, lo: int) -> Placed[T] | None:
        """The mention that ends last at or before ``pos`` and starts at or after ``lo``."""
        found = [p for p in self.between(lo, pos) if p.end <= pos]
        return max(found, key=lambda p: p.end) if found else None

    def first_after(self, pos: int, hi: int) -> Placed[T] | None:
        """The first mention that starts at or after ``pos`` and ends by ``hi``."""
        found = self.between(pos, hi)
        return found[0] if found else None


def actor_index(actors: Sequence[Actor]) -> Index[Actor]:
    return Index([Placed(m.start, m.end, a) for a in actors for m in a.mentions])


def location_index(locations: Sequence[Location]) -> Index[Location]:
    return Index([Placed(m.start, m.end, loc) for loc in locations for m in loc.mentions])


def date_index(dates: Sequence[TimeExpression]) -> Index[TimeExpression]:
    return Index([Placed(d.start, d.end, d) for d in dates])


def resolve_pronoun(
    analysis: Analysis, actors: Index[Actor], pos: int, exclude: Actor | None = None
) -> Actor | None:
    """The person a pronoun at ``pos`` most likely names: the subject of the nearest sentence before.

    Within the pronoun's own sentence, the person named last before it wins; otherwise the first
    person named in the closest earlier sentence that names one (a subject, usually).
    """
    idx = analysis.sentence_index(pos)
    if idx >= 0:
        sent = analysis.sentences[idx]
        here = [
            p
            for p in actors.between(sent.start, pos)
            if p.record.kind == "person" and p.record is not exclude
        ]
        if here:
            return here[-1].record
    for j in range(idx - 1, max(-1, idx - 6), -1):
        sent = analysis.sentences[j]
        people = [
            p
            for p in actors.between(sent.start, sent.end)
            if p.record.kind == "person" and p.record is not exclude
        ]
        if people:
            return people[0].record
    return None
