"""Where the records of earlier stages stand in the text: lookups shared by later stages."""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Sequence
from typing import Generic, TypeVar

import attrs

from diplomacy_events.models import Actor, Location, TimeExpression
from diplomacy_events.text import Analysis

T = TypeVar("T")


@attrs.frozen
class Placed(Generic[T]):
    """A record at one of its mentions."""

    start: int
    end: int
    record: T


_BY_SPAN = operator.attrgetter("start", "end")
"""(start, end) of a ``Placed``: the order of an ``Index``."""


class Index(Generic[T]):
    """Mentions of records sorted by offset, for range and nearest lookups."""

    def __init__(self, placed: Sequence[Placed[T]]) -> None:
        self.items = sorted(placed, key=_BY_SPAN)
        self.starts = [p.start for p in self.items]
        # The furthest end among the first i + 1 mentions: when it lies within a range, no mention
        # of the range overhangs it and a plain slice answers (the usual case, mentions rarely nest).
        self._reach = list(itertools.accumulate((p.end for p in self.items), max))

    def between(self, start: int, end: int) -> list[Placed[T]]:
        """Mentions that lie within ``[start, end)``."""
        starts = self.starts
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_left(starts, end, lo)
        if lo == hi:
            return []
        if self._reach[hi - 1] <= end:
            return self.items[lo:hi]
        return [p for p in self.items[lo:hi] if p.end <= end]

    def last_before(self, pos: int, lo: int) -> Placed[T] | None:
        """The mention that ends last at or before ``pos`` and starts at or after ``lo``."""
        best = None
        for p in self.between(lo, pos):
            if best is None or p.end > best.end:  # the first of equals, as ``max`` picks
                best = p
        return best

    def first_after(self, pos: int, hi: int) -> Placed[T] | None:
        """The first mention that starts at or after ``pos`` and ends by ``hi``."""
        starts, items = self.starts, self.items
        for i in range(bisect.bisect_left(starts, pos), bisect.bisect_left(starts, hi)):
            if items[i].end <= hi:
                return items[i]
        return None


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
    person named in the closest earlier sentence that names one (a subject, usually). A person the
    text marks as of the other sex ("spokeswoman", "Mr.") is passed over for "he" or "she".
    """
    text = analysis.text
    word = text[pos : pos + 4].lower()
    avoid = "m" if word.startswith(("she", "her")) else "f" if word.startswith(("he", "his", "him")) else ""

    def fits(a: Actor) -> bool:
        return a.kind == "person" and a is not exclude and (not avoid or sex_of(a, text) != avoid)

    idx = analysis.sentence_index(pos)
    if avoid == "m":  # "she": a woman just named, though an unmarked person stands nearer
        marked = marked_person(analysis, actors, pos, "f", exclude)
        if marked is not None:
            return marked
    if idx >= 0:
        sent = analysis.sentences[idx]
        here = [p for p in actors.between(sent.start, pos) if fits(p.record)]
        if here:
            if avoid and len(here) > 1:
                # "X said he would raise it with Y when he travels": the pronoun goes on naming X
                earlier = _SAME_PRONOUN[avoid].search(text, here[0].end, here[-1].start)
                if earlier is not None:
                    return [p for p in here if p.end <= earlier.start()][-1].record
            return here[-1].record
    for j in range(idx - 1, max(-1, idx - 6), -1):
        sent = analysis.sentences[j]
        people = [p for p in actors.between(sent.start, sent.end) if fits(p.record)]
        if people:
            return people[0].record
    return None


def marked_person(
    analysis: Analysis, actors: Index[Actor], pos: int, sex: str, exclude: Actor | None = None
) -> Actor | None:
    """The last person the text marks as ``sex`` ("f" or "m") in the sentence of ``pos`` (before it)
    or the one before: what "she" most likely names when a spokeswoman was just named."""
    idx = analysis.sentence_index(pos)
    if idx < 0:
        return None
    lo = analysis.sentences[idx - 1].start if idx > 0 else analysis.sentences[idx].start
    text = analysis.text
    found = [
        p.record for p in actors.between(lo, pos) if p.record.kind == "person" and p.record is not exclude
    ]
    marked = [a for a in found if sex_of(a, text) == sex]
    return marked[-1] if marked else None


_SAME_PRONOUN = {"f": re.compile(r"\b(?:he|his|him)\b"), "m": re.compile(r"\b(?:she|her)\b")}
_FEMALE_TITLE = re.compile(
    r"\b(?:\w*woman|queen|princess|duchess|first\s+lady|empress|madam|sheikha)\b", re.IGNORECASE
)
_MALE_TITLE = re.compile(
    r"\b(?:spokesman|chairman|congressman|assemblyman|councilman|statesman|king|prince|emperor|sultan|emir"
    r"|sheikh|duke)\b",
    re.IGNORECASE,
)
_FEMALE_HONORIFIC = re.compile(r"(?:Ms|Mrs|Mme|Madam)\.?\s+$")
_MALE_HONORIFIC = re.compile(r"(?:Mr|Sheikh|King|Prince)\.?\s+$")


def sex_of(a: Actor, text: str) -> str:
    """ "f" or "m" when the title or an honorific before a mention says so, else ""."""
    title = a.title or ""
    if title:
        if _FEMALE_TITLE.search(title):
            return "f"
        if _MALE_TITLE.search(title):
            return "m"
    for m in a.mentions[:4]:
        lead = text[max(0, m.start - 8) : m.start]
        if _FEMALE_HONORIFIC.search(lead):
            return "f"
        if _MALE_HONORIFIC.search(lead):
            return "m"
    return ""
