"""Hypothesis strategies of news-like text, and the invariants every extraction must keep.

Shared by the property tests (``test_reliability.py``) and the large fuzz run
(``scripts/fuzz.py``). The words are made up or generic: no text from any corpus.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from hypothesis import strategies as st

from diplomacy_events import Extraction, Mention

QUOTES = [*"\"'“”‘’„‟‚‛«»‹›「」『』〝〞＂＇`´", "''", "``", '"""', "« ", " »"]
TITLES = [
    "President",
    "Prime Minister",
    "Foreign Minister",
    "Secretary of State",
    "Defence Secretary",
    "Chancellor",
    "spokesman",
    "spokeswoman",
    "Ambassador",
    "Vice-President",
    "former President",
    "then Foreign Minister",
    "Secretary-General",
    "Mr.",
    "Ms",
    "Dr.",
    "Sheikh",
]
NAMES = [
    "Ana Lopez",
    "Kenji Sato",
    "Mara Quist",
    "Tomas Brel",
    "Olu Adeyemi",
    "Li Wen",
    "Jean-Pierre Vasseur",
    "O'Brien",
    "María José Núñez",
    "Ahmed al-Rashid",
    "Nguyễn Văn An",
    "Zoë",
    "van der Berg",
    "Kim",
    "Doe",
]
PLACES = [
    "Paris",
    "Geneva",
    "Beijing",
    "Washington",
    "New York",
    "Kyiv",
    "Moscow",
    "Brussels",
    "China",
    "the United States",
    "France",
    "São Paulo",
    "Côte d'Ivoire",
    "the Kremlin",
    "the White House",
    "NATO",
    "the United Nations",
    "EU",
]
VERBS = [
    "said",
    "told",
    "met",
    "visited",
    "will visit",
    "called on",
    "urged",
    "accused",
    "rejected",
    "signed",
    "expelled",
    "warned",
    "did not meet",
    "cancelled",
    "declined",
    "threatened",
    "imposed sanctions on",
    "spoke by phone with",
    "added",
]
DATES = [
    "Monday",
    "on Sunday",
    "May",
    "May 5",
    "5 May 2023",
    "June 5-7",
    "2023-06-18",
    "05/06/2023",
    "last week",
    "next month",
    "two days ago",
    "in 1999",
    "the 1990s",
    "early 2024",
    "every Saturday",
    "now",
    "10:30 GMT",
    "Q2",
    "May May May",
    "31 February",
    "9999",
]
PUNCT = [*".,;:!?…—–-·•()[]{}/\\|¿¡%&*@#$€£¥§¶†‡′″‰", "...", " - ", " — ", "?!"]
EMOJI = ["🙂", "🇺🇸", "🇨🇳", "👩‍👩‍👧", "🏳️‍🌈", "✈️", "🕊", "👍🏽", "\U0001f600\ufe0f"]
RTL = [
    "وزير الخارجية",
    "قال",
    "القاهرة",
    "שר החוץ",
    "ירושלים",
    "\u200f",
    "\u200e",
    "\u202e",
    "\u202b",
    "\u202c",
    "\u2067",
    "\u2069",
]
CONTROL = [chr(c) for c in range(32) if c not in (9, 10, 13)] + [
    "\x7f",
    "\x85",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\u200b",
    "\u200d",
    "\u00ad",
    "\ufffd",
    "\r",
    "\r\n",
    "\t",
    "\x0b",
    "\x0c",
]
FILLER = ["the", "of", "in", "and", "a", "talks", "he", "she", "it", "they", "would", "not", "with", "on"]
SEPARATORS = [" ", " ", " ", " ", "\n", "\n\n", "", "\t", "\u00a0", "\u3000", "  ", " \n "]

published = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
"""A publication date, or none."""

# Any str at all, lone surrogates included (st.text() leaves out category Cs by default).
plain_text = st.one_of(
    st.text(max_size=400),
    st.text(st.characters(codec=None, exclude_categories=()), max_size=200),
    # lone surrogates (Cs) among letters, quotation marks, spaces and controls
    st.text(st.characters(categories=["Cs", "Lu", "Ll", "Po", "Pi", "Pf", "Zs", "Cc"]), max_size=200),
)
"""Plain arbitrary strings."""

long_token = st.builds(
    lambda unit, n: (unit * n)[: 20 * n],
    st.sampled_from(["A", "b", "’", '"', "«", "x-", "Paris", "May", "0", "😀", "\u200b", ".", "Mr."]),
    st.integers(min_value=50, max_value=3000),
)
"""One very long token: a letter, a quotation mark, a word or a digit repeated."""

piece = st.one_of(
    st.sampled_from(TITLES),
    st.sampled_from(NAMES),
    st.sampled_from(PLACES),
    st.sampled_from(VERBS),
    st.sampled_from(DATES),
    st.sampled_from(FILLER),
    st.sampled_from(QUOTES),
    st.sampled_from(PUNCT),
    st.sampled_from(EMOJI),
    st.sampled_from(RTL),
    st.sampled_from(CONTROL),
    st.text(max_size=6),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    long_token,
)


@st.composite
def _quoted(draw: st.DrawFn) -> str:
    """A quotation, often unbalanced: an opening mark, some words and maybe a closing mark."""
    opening = draw(st.sampled_from(QUOTES))
    words = " ".join(draw(st.lists(st.one_of(st.sampled_from(FILLER), st.sampled_from(PLACES)), max_size=8)))
    closing = draw(st.one_of(st.just(""), st.sampled_from(QUOTES)))
    return f"{opening}{words}{closing}"


@st.composite
def _sentence(draw: st.DrawFn) -> str:
    """A sentence shaped like news: title, name, verb, place, date, maybe a quote."""
    parts = [
        draw(st.sampled_from(["", *TITLES])),
        draw(st.sampled_from(NAMES)),
        draw(st.sampled_from(VERBS)),
        draw(st.sampled_from(["", *NAMES, *PLACES])),
        draw(st.sampled_from(["", "in", "at", "with"])),
        draw(st.sampled_from(["", *PLACES])),
        draw(st.sampled_from(["", *DATES])),
    ]
    text = " ".join(p for p in parts if p)
    if draw(st.booleans()):
        text = f"{text}: {draw(_quoted())}" if draw(st.booleans()) else f"{draw(_quoted())}, {text}"
    return text + draw(st.sampled_from([".", ".", "", "!", "?", ",", ";", "..."]))


@st.composite
def _mixed(draw: st.DrawFn) -> str:
    """Pieces of every kind glued by separators of every kind."""
    pieces = draw(st.lists(st.one_of(piece, _sentence(), _quoted()), max_size=40))
    out: list[str] = []
    for p in pieces:
        out.append(p)
        out.append(draw(st.sampled_from(SEPARATORS)))
    return "".join(out)


news_text = st.one_of(
    st.lists(_sentence(), max_size=12).map(" ".join),
    st.lists(_sentence(), max_size=12).map("\n\n".join),
    _mixed(),
    _mixed().map(lambda t: "".join(t.split())),  # no spaces at all
    st.integers(min_value=0, max_value=500).map(lambda n: "\n" * n),  # only newlines
    st.lists(st.sampled_from(QUOTES), max_size=60).map("".join),  # quotation marks only
    st.lists(st.sampled_from(CONTROL), max_size=60).map("".join),
)
"""News-like text: sentences with titles, names, places, dates and (unbalanced) quotes, mixed
with unicode punctuation, emoji, right-to-left text, control characters and very long tokens."""

any_text = st.one_of(news_text, plain_text)
"""News-like text or any string."""


# -- invariants -----------------------------------------------------------------------------


def spans(e: Extraction) -> Iterator[tuple[str, Mention | Any]]:
    """Every offset-carrying record of an extraction, with where it came from."""
    for a in e.actors:
        for m in a.mentions:
            yield f"actor {a.id}", m
    for loc in e.locations:
        for m in loc.mentions:
            yield f"location {loc.id}", m
    for d in e.dates:
        yield f"date {d.id}", d
    for s in e.statements:
        for p in s.parts:
            yield f"statement {s.id} part", p
    for ev in e.events:
        yield f"event {ev.id} trigger", ev.trigger
        for m in ev.mentions:
            yield f"event {ev.id}", m


def problems(text: str, e: Extraction) -> list[str]:
    """What is wrong with the extraction of ``text``: an empty list when every invariant holds."""
    out: list[str] = []
    if e.error is not None:
        out.append(f"error: {e.error}")
    if e.warnings:
        out.append(f"warnings: {list(e.warnings)}")
    for where, m in spans(e):
        if text[m.start : m.end] != m.text or not 0 <= m.start <= m.end <= len(text):
            out.append(f"{where}: {m.start}:{m.end} {m.text!r} != {text[m.start : m.end]!r}")
    for s in e.statements:
        if not 0 <= s.start <= s.end <= len(text):
            out.append(f"statement {s.id}: offsets {s.start}:{s.end} outside the text")
        elif s.kind == "direct" and not s.parts and text[s.start : s.end] != s.quote:
            out.append(f"statement {s.id}: quote {s.quote!r} != {text[s.start : s.end]!r}")
    records: list[Any] = [*e.actors, *e.locations, *e.dates, *e.statements, *e.events]
    ids = [r.id for r in records]
    if len(ids) != len(set(ids)) or not all(ids):
        out.append(f"ids not unique or empty: {ids}")
    actor_ids = {a.id for a in e.actors}
    location_ids = {loc.id for loc in e.locations}
    date_ids = {d.id for d in e.dates}
    for s in e.statements:
        for field in ("speaker", "target"):
            ref = getattr(s, field)
            if ref is not None and ref not in actor_ids:
                out.append(f"statement {s.id}: {field} {ref!r} is not an actor")
        if s.date is not None and s.date not in date_ids:
            out.append(f"statement {s.id}: date {s.date!r} is not a date")
    for ev in e.events:
        if not set(ev.actors) <= actor_ids:
            out.append(f"event {ev.id}: actors {ev.actors} not all actors")
        if ev.location is not None and ev.location not in location_ids:
            out.append(f"event {ev.id}: location {ev.location!r} is not a location")
        if ev.date is not None and ev.date not in date_ids:
            out.append(f"event {ev.id}: date {ev.date!r} is not a date")
    data = e.to_dict()
    if Extraction.from_dict(data) != e:
        out.append("from_dict(to_dict()) differs")
    if Extraction.from_dict(json.loads(json.dumps(data))) != e:
        out.append("from_dict(json.loads(json.dumps(to_dict()))) differs")
    return out
