"""``--format html``: the article with its records highlighted, like spaCy's displaCy.

Actors, places, dates and quotes are highlighted in distinct colours (with a legend), event
triggers are underlined, and the events follow as a table whose rows link to their sentences.
Several articles render as one page, headed by a timeline of their dated events. The page is
self-contained (inline CSS, no script) and every piece of text, from the article or from a
record, is escaped.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from diplomacy_events.formats._base import ExtractionLike, as_extraction
from diplomacy_events.models import Event, Extraction, Mention

_CSS = """
:root { --actor: #cfe3ff; --place: #c8f0cf; --date: #ffe2b8; --quote: #efe3fb; --trigger: #d62728; }
body { font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto;
  max-width: 60rem; padding: 1rem 1.5rem 3rem; color: #1d1d1f; }
h1 { font-size: 1.5rem; margin: .5rem 0; } h2 { font-size: 1.25rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
.legend { display: flex; flex-wrap: wrap; gap: .75rem; padding: 0; margin: .5rem 0 1rem; list-style: none; }
.legend li { font-size: .85rem; }
.meta { color: #555; font-size: .9rem; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; border: 1px solid #ddd; border-radius: 6px;
  padding: 1rem 1.25rem; background: #fff; }
mark { color: inherit; border-radius: 3px; padding: 0 .1em; }
mark.actor { background: var(--actor); } mark.place { background: var(--place); }
mark.date { background: var(--date); }
mark.first::after { content: attr(data-label); font-size: .6em; font-weight: 700; letter-spacing: .03em;
  margin-left: .3em; vertical-align: middle; opacity: .65; }
.quote { background: var(--quote); border-bottom: 2px solid #8e44ad; }
.trigger { border-bottom: 3px solid var(--trigger); font-weight: 600; }
.sentence:target { outline: 2px solid #f1c40f; background: #fff8d6; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: .5rem 0; }
th, td { border-bottom: 1px solid #e5e5e5; padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #f6f6f6; }
.status-planned { color: #1f6feb; } .status-cancelled, .status-declined, .status-denied { color: #b42318; }
.timeline { list-style: none; padding-left: 1rem; border-left: 3px solid #ccc; }
.timeline li { margin: .35rem 0; } .timeline time { font-weight: 600; margin-right: .5rem; }
details { margin: .5rem 0; } summary { cursor: pointer; font-weight: 600; }
"""

_LEGEND = (
    ("actor", "Actor", "mark"),
    ("place", "Place", "mark"),
    ("date", "Date", "mark"),
    ("quote", "Quote", "span"),
    ("trigger", "Event trigger", "span"),
)
_KIND_LABEL = {"person": "PER", "organization": "ORG", "state": "STATE"}


def _e(value: object) -> str:
    """Escaped text, for content and (quoted) attribute values alike."""
    return html.escape("" if value is None else str(value), quote=True)


class _Span(NamedTuple):
    start: int
    end: int
    layer: int
    tag: str
    cls: str
    title: str
    label: str
    anchor: str


def _segments(text: str, spans: Sequence[_Span]) -> str:
    """``text`` escaped, with ``spans`` as properly nested elements.

    Spans may cross: at each boundary the open elements that no longer fit are closed and
    reopened, so the markup is always well nested. The id and label go on the first piece only.
    """
    boundaries = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans})
    starts: dict[int, list[int]] = {}
    for i, s in enumerate(spans):
        starts.setdefault(s.start, []).append(i)
    opened_once: set[int] = set()
    active: list[int] = []
    stack: list[int] = []
    out: list[str] = []
    for p, q in itertools.pairwise(boundaries):
        active = [i for i in active if spans[i].end > p] + starts.get(p, [])
        want = sorted(active, key=lambda i: (spans[i].layer, spans[i].start, -spans[i].end, i))
        keep = 0
        while keep < min(len(stack), len(want)) and stack[keep] == want[keep]:
            keep += 1
        for i in reversed(stack[keep:]):
            out.append(f"</{spans[i].tag}>")
        for i in want[keep:]:
            s = spans[i]
            attrs = f' class="{_e(s.cls)}'
            first = i not in opened_once
            opened_once.add(i)
            if first and s.label:
                attrs += ' first" data-label="' + _e(s.label) + '"'
            else:
                attrs += '"'
            if first and s.anchor:
                attrs += f' id="{_e(s.anchor)}"'
            if s.title:
                attrs += f' title="{_e(s.title)}"'
            out.append(f"<{s.tag}{attrs}>")
        stack = want
        out.append(_e(text[p:q]))
    out.extend(f"</{spans[i].tag}>" for i in reversed(stack))
    return "".join(out)


def _fits(text: str, m: Mention) -> bool:
    return 0 <= m.start < m.end <= len(text) and text[m.start : m.end] == m.text


def _sentence_anchor(doc: int, event: Event) -> str | None:
    return f"doc{doc}-sentence-{event.sentence[0]}" if event.sentence else None


def _spans(doc: int, x: Extraction, text: str) -> list[_Span]:
    spans: list[_Span] = []
    sentences = {
        e.sentence for e in x.events if e.sentence and 0 <= e.sentence[0] < e.sentence[1] <= len(text)
    }
    for start, end in sorted(s for s in sentences if s):
        anchor = f"doc{doc}-sentence-{start}"
        spans.append(_Span(start, end, 0, "span", "sentence", "", "", anchor))
    for st in x.statements:
        who = x.actor(st.speaker)
        title = f"{st.id} · {st.kind} quote" + (f" · {who.name}" if who and who.name else "")
        parts = st.parts or (Mention(st.start, st.end, st.quote),)
        for part in parts:
            m = Mention(part.start, part.end, part.text)
            if _fits(text, m):
                spans.append(_Span(m.start, m.end, 1, "span", "quote", title, "", ""))
    for a in x.actors:
        details = [a.id, a.kind, a.title, a.country, "former" if a.former else None]
        title = f"{a.name} · " + " · ".join(d for d in details if d)
        for m in a.mentions:
            if _fits(text, m):
                spans.append(
                    _Span(m.start, m.end, 2, "mark", f"actor {a.kind}", title, _KIND_LABEL[a.kind], "")
                )
    for loc in x.locations:
        coords = (
            f"{loc.latitude:.3f}, {loc.longitude:.3f}"
            if loc.latitude is not None and loc.longitude is not None
            else None
        )
        details = [loc.id, loc.kind, loc.country, coords, "metonym" if loc.metonym else None]
        title = f"{loc.name} · " + " · ".join(d for d in details if d)
        for m in loc.mentions:
            if _fits(text, m):
                spans.append(_Span(m.start, m.end, 3, "mark", "place", title, "PLACE", ""))
    for d in x.dates:
        m = Mention(d.start, d.end, d.text)
        if _fits(text, m):
            title = f"{d.id} · {d.type} · {d.value or 'unresolved'}"
            spans.append(_Span(m.start, m.end, 4, "mark", "date", title, "DATE", ""))
    for e in x.events:
        title = f"{e.id} · {e.type} · CAMEO {e.cameo} · {e.status}"
        for n, m in enumerate(e.mentions or (e.trigger,)):
            if _fits(text, m):
                anchor = f"doc{doc}-{e.id}" if n == 0 else ""
                spans.append(_Span(m.start, m.end, 5, "span", f"trigger {e.type}", title, "", anchor))
    return spans


def _names(x: Extraction, ids: Iterable[str]) -> str:
    return ", ".join(_e(a.name or a.id) for a in map(x.actor, ids) if a is not None)


def _event_rows(doc: int, x: Extraction, linked: bool) -> str:
    rows = []
    for e in x.events:
        place, date = x.location(e.location), x.date(e.date)
        when = f"{_e(date.value or '?')} <span class=meta>({_e(date.text)})</span>" if date else ""
        trigger = _e(e.trigger.text)
        anchor = _sentence_anchor(doc, e) if linked else None
        if anchor:
            trigger = f'<a href="#{_e(anchor)}">{trigger}</a>'
        rows.append(
            f"<tr><td>{_e(e.id)}</td><td>{_e(e.type)}</td><td>{_e(e.cameo)}</td><td>{_e(e.plover or '')}</td>"
            f'<td class="status-{_e(e.status)}">{_e(e.status)}</td><td>{_names(x, e.actors)}</td>'
            f"<td>{_e(place.name) if place else ''}</td><td>{when}</td><td>{trigger}</td></tr>"
        )
    head = "<tr><th>id</th><th>type</th><th>CAMEO</th><th>PLOVER</th><th>status</th><th>actors</th>"
    head += "<th>place</th><th>date</th><th>sentence</th></tr>"
    return f'<table class="events"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def _records(x: Extraction) -> str:
    """The actors, places and quotes as collapsible lists."""
    actors = "".join(
        f"<li><b>{_e(a.name)}</b> <span class=meta>"
        f"{_e(' · '.join(v for v in (a.kind, a.title, a.country) if v))}"
        f" · {len(a.mentions)}×</span></li>"
        for a in x.actors
    )
    places = "".join(
        f"<li><b>{_e(loc.name)}</b> <span class=meta>{_e(loc.kind)} · {_e(loc.country or '?')}"
        + (
            f" · {loc.latitude:.3f}, {loc.longitude:.3f}"
            if loc.latitude is not None and loc.longitude is not None
            else ""
        )
        + "</span></li>"
        for loc in x.locations
    )
    quotes = "".join(
        f"<li><b>{_e(speaker.name if speaker else 'unattributed')}</b> "
        f"<span class=meta>({_e(s.kind)})</span> "
        f"<q>{_e(s.quote)}</q></li>"
        for s, speaker in ((s, x.actor(s.speaker)) for s in x.statements)
    )
    out = []
    for label, items, count in (
        ("Actors", actors, len(x.actors)),
        ("Places", places, len(x.locations)),
        ("Quotes", quotes, len(x.statements)),
    ):
        if count:
            out.append(f"<details><summary>{label} ({count})</summary><ul>{items}</ul></details>")
    return "".join(out)


def _article(doc: int, x: Extraction, text: str | None) -> str:
    title = x.id or f"document {doc + 1}"
    meta = f"published {_e(x.published.isoformat())}" if x.published else "no publication date"
    parts = [f'<article class="document" id="doc{doc}"><h2>{_e(title)}</h2><p class="meta">{meta}</p>']
    if x.error:
        parts.append(f'<p class="error">Not extracted: {_e(x.error)}</p></article>')
        return "".join(parts)
    if text is None:
        parts.append('<p class="meta">The article text was not given: records only.</p>')
    else:
        parts.append(f'<div class="text">{_segments(text, _spans(doc, x, text))}</div>')
    if x.events:
        parts.append(f"<h3>Events ({len(x.events)})</h3>{_event_rows(doc, x, text is not None)}")
    parts.append(_records(x))
    if x.warnings:
        items = "".join(f"<li>{_e(w)}</li>" for w in x.warnings)
        parts.append(f'<details class="warnings"><summary>Warnings</summary><ul>{items}</ul></details>')
    parts.append("</article>")
    return "".join(parts)


def _timeline(docs: Sequence[tuple[Extraction, str | None]]) -> str:
    dated: list[tuple[str, str]] = []
    undated = 0
    for doc, (x, text) in enumerate(docs):
        for e in x.events:
            date = x.date(e.date)
            if date is None or not date.value or not date.value[:1].isdigit():
                undated += 1
                continue
            place = x.location(e.location)
            target = (_sentence_anchor(doc, e) if text is not None else None) or f"doc{doc}"
            item = (
                f'<li><time>{_e(date.value)}</time><a href="#{_e(target)}">{_e(e.type)} ({_e(e.cameo)})</a>'
                f" {_names(x, e.actors)}"
                + (f" in {_e(place.name)}" if place else "")
                + f' <span class="meta">{_e(e.status)} · {_e(x.id or f"document {doc + 1}")}</span></li>'
            )
            dated.append((date.value, item))
    dated.sort(key=lambda pair: pair[0])
    note = f'<p class="meta">{undated} event(s) without a resolved date are left out.</p>' if undated else ""
    return (
        f'<section><h2>Timeline</h2><ol class="timeline">{"".join(i for _, i in dated)}</ol>{note}</section>'
    )


def render_html(
    documents: Iterable[tuple[ExtractionLike, str | None]], *, title: str = "diplomacy_events"
) -> str:
    """One HTML page for ``(extraction, article text)`` pairs; the text may be ``None``.

    With more than one document the page starts with a timeline of the dated events and a list
    of the documents.
    """
    docs = [(as_extraction(x), text) for x, text in documents]
    legend = "".join(f'<li><{tag} class="{cls}">{label}</{tag}></li>' for cls, label, tag in _LEGEND)
    body = [f'<header><h1>{_e(title)}</h1><ul class="legend">{legend}</ul></header>']
    if len(docs) > 1:
        body.append(_timeline(docs))
        items = "".join(
            f'<li><a href="#doc{i}">{_e(x.id or f"document {i + 1}")}</a> '
            f'<span class="meta">{len(x.events)} events</span></li>'
            for i, (x, _) in enumerate(docs)
        )
        body.append(f"<nav><h2>Documents ({len(docs)})</h2><ul>{items}</ul></nav>")
    body.extend(_article(i, x, text) for i, (x, text) in enumerate(docs))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{_CSS}</style></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )


def to_html(extraction: ExtractionLike, text: str | None = None, *, title: str | None = None) -> str:
    """The HTML page of one article; pass its ``text`` to see the highlights."""
    x = as_extraction(extraction)
    return render_html([(x, text)], title=title or x.id or "diplomacy_events")
