"""Properties of the whole pipeline on any text."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplomacy_events import Extraction

WORDS = [
    "President",
    "Foreign",
    "Minister",
    "Secretary",
    "of",
    "State",
    "said",
    "met",
    "visit",
    "will",
    "in",
    "on",
    "Sunday",
    "May",
    "June",
    "2023",
    "Beijing",
    "Paris",
    "Washington",
    "China",
    "the",
    "talks",
    "Mr.",
    "Ms",
    "Jane",
    "Doe",
    "Kim",
    "Li",
    '"',
    "“",
    "”",
    "'",
    ",",
    ".",
    "\n",
    "called",
    "on",
    "urged",
    "last",
    "week",
    "next",
    "month",
    "ago",
    "two",
    "days",
    "former",
    "then",
    "spokesman",
    "told",
    "him",
]

news_like = st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join)
any_text = st.one_of(st.text(max_size=300), news_like)
published = st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31)))

fast = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def mentions(e: Extraction):
    for a in e.actors:
        yield from a.mentions
    for loc in e.locations:
        yield from loc.mentions
    yield from e.dates
    for ev in e.events:
        yield ev.trigger
        yield from ev.mentions
    for s in e.statements:
        yield from s.parts


@fast
@given(text=any_text, pub=published)
def test_offsets_slice_to_their_text(pipeline, text: str, pub: dt.date | None) -> None:
    e = pipeline.extract(text, pub)
    for m in mentions(e):
        assert text[m.start : m.end] == m.text
    for s in e.statements:
        if not s.parts and s.kind == "direct":
            assert text[s.start : s.end] == s.quote


@fast
@given(text=any_text, pub=published)
def test_references_point_to_records(pipeline, text: str, pub: dt.date | None) -> None:
    e = pipeline.extract(text, pub)
    ids = [r.id for r in (*e.actors, *e.locations, *e.dates, *e.statements, *e.events)]
    assert len(ids) == len(set(ids))
    actor_ids = {a.id for a in e.actors}
    for s in e.statements:
        assert s.speaker is None or s.speaker in actor_ids
    for ev in e.events:
        assert set(ev.actors) <= actor_ids
        assert ev.location is None or e.location(ev.location) is not None
        assert ev.date is None or e.date(ev.date) is not None


@fast
@given(text=any_text, pub=published)
def test_deterministic_and_round_trips(pipeline, text: str, pub: dt.date | None) -> None:
    first = pipeline.extract(text, pub)
    assert pipeline.extract(text, pub) == first
    assert Extraction.from_dict(first.to_dict()) == first
    assert first.warnings == ()
