"""``--format text``: who, where, when, what was said and what happened, for a terminal."""

from __future__ import annotations

import textwrap
import unicodedata
from collections.abc import Iterable, Iterator

from diplomacy_events.formats._base import ExtractionLike, as_extraction, as_extractions
from diplomacy_events.models import Extraction


def _clean(value: object, limit: int | None = None) -> str:
    """One line of printable text: control characters (a terminal's escape sequences) are shown, not sent."""
    chars = []
    for ch in "" if value is None else str(value):
        if ch in "\n\r\t":
            chars.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") and ch not in "\u200d":
            chars.append(f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")
        else:
            chars.append(ch)
    text = " ".join("".join(chars).split())
    if limit is not None and len(text) > limit:
        text = text[: limit - 3].rstrip() + "..."
    return text


def _actor(x: Extraction, actor_id: str | None) -> str:
    a = x.actor(actor_id)
    return _clean(a.name or a.id) if a is not None else "?"


def summary_lines(extraction: ExtractionLike, *, width: int = 100) -> Iterator[str]:
    """The summary of one extraction, line by line."""
    x = as_extraction(extraction)
    head = _clean(x.id or "document")
    head += f" (published {x.published.isoformat()})" if x.published else " (no publication date)"
    yield head
    yield "=" * min(len(head), width)
    if x.error:
        yield f"not extracted: {_clean(x.error)}"
        return

    def section(title: str, items: list[str]) -> Iterator[str]:
        yield ""
        yield f"{title} ({len(items)})" if items else f"{title}: nothing found"
        for item in items:
            yield from textwrap.wrap(item, width, initial_indent="  ", subsequent_indent="      ") or ["  "]

    who = []
    for a in x.actors:
        details = [a.title, a.country, "former" if a.former else None]
        extra = ", ".join(_clean(d) for d in details if d)
        who.append(f"{_clean(a.name or a.id)} [{a.kind}]" + (f": {extra}" if extra else ""))
    yield from section("Who", who)

    where = []
    for loc in x.locations:
        coords = (
            f", {loc.latitude:.2f} {loc.longitude:.2f}"
            if loc.latitude is not None and loc.longitude is not None
            else ""
        )
        where.append(f"{_clean(loc.name)} [{loc.kind}, {loc.country or '?'}{coords}]")
    yield from section("Where", where)

    when = [f'"{_clean(d.text)}" = {_clean(d.value or "unresolved")}' for d in x.dates]
    yield from section("When", when)

    said = []
    for s in x.statements:
        speaker = _actor(x, s.speaker) if s.speaker else "unattributed"
        quote = _clean(s.quote, 240)
        said.append(
            f'{speaker}: "{quote}"' if s.kind == "direct" else f"{speaker} ({s.verb or 'reported'}): {quote}"
        )
    yield from section("What was said", said)

    happened = []
    for e in x.events:
        names = [_actor(x, a) for a in e.actors]
        who_text = " -> ".join(names[:2]) + (f" (with {', '.join(names[2:])})" if names[2:] else "")
        place, date = x.location(e.location), x.date(e.date)
        line = f"{e.status} {e.type} (CAMEO {e.cameo}): {who_text or 'participants unknown'}"
        if place is not None:
            line += f", in {_clean(place.name)}"
        if date is not None:
            line += f", {_clean(date.value or date.text)}"
        happened.append(line + f' ["{_clean(e.trigger.text)}"]')
    yield from section("What happened", happened)

    if x.warnings:
        yield from section("Warnings", [_clean(w) for w in x.warnings])


def text_lines(extractions: Iterable[ExtractionLike], *, width: int = 100) -> Iterator[str]:
    """The summaries of several extractions, separated by a blank line."""
    for n, x in enumerate(extractions):
        if n:
            yield ""
        yield from summary_lines(x, width=width)


def to_text(extractions: ExtractionLike | Iterable[ExtractionLike], *, width: int = 100) -> str:
    """The human-readable summary of one extraction or many."""
    return "".join(line + "\n" for line in text_lines(as_extractions(extractions), width=width))
