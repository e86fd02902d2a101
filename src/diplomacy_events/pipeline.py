"""Run the extraction stages over one document and merge what the plugins return.

Merging rule, per stage: implementations are taken in pluggy's call order (``tryfirst`` first,
the built-ins, which are ``trylast``, last). A record is kept unless its span overlaps one kept
before: for actors and locations each mention is checked on its own, and a record whose
remaining mentions share kind and name with a kept record is folded into it; temporal
expressions and statements are checked on their span, events on their trigger and type, each
against the records of the implementations called before (one plugin may return overlapping
records, such as one event per acting state of a shared trigger).
Records are then sorted by their first offset and numbered (``a1``, ``l1``, ``d1``, ``s1``,
``e1``), so the output never depends on the order plugins were installed in.

A plugin that raises, or returns something other than the records its hook promises (wrong type,
offsets outside the text, text that does not match its offsets, references to unknown ids), is
reported in ``Extraction.warnings`` by name and its output dropped; with ``strict=True`` that is
an error. The other plugins' results still come out.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

import attrs

from diplomacy_events.lexicon import Knowledge
from diplomacy_events.models import (
    EVENT_STATUSES,
    EVENT_TYPES,
    Actor,
    Document,
    Event,
    Extraction,
    Location,
    Mention,
    Statement,
    TimeExpression,
)
from diplomacy_events.plugins import PluginError, PluginRegistry, PluginWarning
from diplomacy_events.text import Analysis, analyze

DEFAULT_MAX_CHARS = 1_000_000
R = TypeVar("R")


class DocumentError(ValueError):
    """A document that cannot be extracted (too large, not text, a bad date)."""


class SourceError(DocumentError):
    """A document whose source could not be read (a dict input carrying ``error`` and no ``text``)."""


class DocumentTooLarge(DocumentError):
    """A document longer than the pipeline's ``max_chars``."""


DocumentLike = Document | str | tuple[Any, ...] | dict[str, Any]


def parse_published(value: Any) -> dt.date | None:
    """A publication date from a date, a datetime or an ISO 8601 string (None stays None)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            raise DocumentError(f"invalid publication date {value!r}: expected YYYY-MM-DD") from None
    raise DocumentError(f"invalid publication date {value!r}: expected a date or YYYY-MM-DD")


def to_document(item: DocumentLike, published: Any = None, id: str | None = None) -> Document:
    """A :class:`Document` from a Document, a text, a ``(text, published)`` pair or a dict."""
    if isinstance(item, Document):
        return item
    if isinstance(item, str):
        return Document(text=item, published=parse_published(published), id=id)
    if isinstance(item, tuple) and item and isinstance(item[0], str):
        pub = item[1] if len(item) > 1 else published
        doc_id = item[2] if len(item) > 2 else id
        return Document(text=item[0], published=parse_published(pub), id=doc_id)
    if isinstance(item, dict):
        text = item.get("text")
        if not isinstance(text, str):
            if isinstance(item.get("error"), str):
                raise SourceError(item["error"])
            raise DocumentError("document has no 'text' string")
        doc_id = item.get("id", id)
        return Document(
            text=text,
            published=parse_published(item.get("published", published)),
            id=None if doc_id is None else str(doc_id),
            title=item.get("title"),
            source=item.get("source"),
            url=item.get("url"),
        )
    raise DocumentError(f"cannot read a document from {type(item).__name__}")


class _Run:
    """The state of one document's extraction: its text, warnings and strictness."""

    def __init__(self, document: Document, strict: bool) -> None:
        self.text = document.text
        self.strict = strict
        self.warnings: list[str] = []

    def warn(self, plugin: str, message: str) -> None:
        full = f"plugin {plugin!r}: {message}"
        if self.strict:
            raise PluginError(full)
        self.warnings.append(full)

    def span_ok(self, start: Any, end: Any, text: Any) -> bool:
        return (
            isinstance(start, int)
            and isinstance(end, int)
            and 0 <= start <= end <= len(self.text)
            and self.text[start:end] == text
        )

    def mention_ok(self, m: Any) -> bool:
        return isinstance(m, Mention) and m.end > m.start and self.span_ok(m.start, m.end, m.text)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _merge_mentioned(results: list[tuple[str, list[R]]], key: Callable[[R], tuple[Any, ...]]) -> list[R]:
    """Merge actors or locations from several plugins (see the module docstring)."""
    if len(results) == 1:
        return results[0][1]
    kept: list[R] = []
    index: dict[tuple[Any, ...], int] = {}
    taken: list[tuple[int, int]] = []
    for _, records in results:
        for r in records:
            mentions: tuple[Mention, ...] = r.mentions  # type: ignore[attr-defined]
            free = tuple(m for m in mentions if not _overlaps(taken, m.start, m.end))
            if mentions and not free:
                continue
            k = key(r)
            if k in index:
                old = kept[index[k]]
                kept[index[k]] = attrs.evolve(old, mentions=old.mentions + free)  # type: ignore[attr-defined,misc]
            else:
                index[k] = len(kept)
                kept.append(attrs.evolve(r, mentions=free))  # type: ignore[misc]
            taken.extend((m.start, m.end) for m in free)
    return kept


def _first_offset(mentions: Sequence[Mention]) -> int:
    return min((m.start for m in mentions), default=1 << 62)


def _number(records: Sequence[R], prefix: str, order: Callable[[R], Any]) -> list[R]:
    ordered = sorted(records, key=order)
    return [attrs.evolve(r, id=f"{prefix}{i}") for i, r in enumerate(ordered, 1)]  # type: ignore[misc]


class Pipeline:
    """A reusable extractor: plugins are loaded once, when the pipeline is built.

    ``plugins`` are extra plugin objects (modules, classes or instances with ``@hookimpl``
    functions) registered after the built-ins and the installed entry points. ``disable`` blocks
    plugins by name (``DIPLOMACY_EVENTS_DISABLE_PLUGINS`` adds to it). ``strict`` turns every
    plugin warning into an error. ``max_chars`` rejects longer documents with
    :class:`DocumentTooLarge`.
    """

    def __init__(
        self,
        plugins: Iterable[Any] = (),
        *,
        builtins: bool = True,
        entry_points: bool = True,
        disable: Iterable[str] = (),
        strict: bool | None = None,
        max_chars: int = DEFAULT_MAX_CHARS,
    ) -> None:
        plugins = tuple(plugins)
        self.registry = PluginRegistry(
            plugins, builtins=builtins, entry_points=entry_points, disable=disable, strict=strict
        )
        self.strict = self.registry.strict
        self.max_chars = max_chars
        self.settings: dict[str, Any] = {
            "plugins": tuple(plugins),
            "builtins": builtins,
            "entry_points": entry_points,
            "disable": tuple(disable),
            "strict": strict,
            "max_chars": max_chars,
        }
        """The arguments this pipeline was built with: worker processes build theirs from them."""
        self.knowledge = self._gather_knowledge()

    @property
    def plugin_manager(self) -> Any:
        """The underlying ``pluggy.PluginManager``."""
        return self.registry.pm

    def _gather_knowledge(self) -> Knowledge:
        hook = self.registry.pm.hook
        parts: dict[str, list[Any]] = {}
        for field, name in (
            ("titles", "register_titles"),
            ("roster", "register_roster"),
            ("gazetteer", "register_gazetteer"),
            ("date_patterns", "register_date_patterns"),
            ("event_triggers", "register_event_triggers"),
        ):
            items: list[Any] = []
            for impl in reversed(getattr(hook, name).get_hookimpls()):
                try:
                    got = impl.function()
                    items.extend(got or ())
                except Exception as exc:
                    message = f"plugin {impl.plugin_name!r}: {name} raised {type(exc).__name__}: {exc}"
                    if self.strict:
                        raise PluginError(message) from exc
                    self.registry.load_warnings.append(message)
                    warnings.warn(message, PluginWarning, stacklevel=3)
            parts[field] = items
        return Knowledge(
            titles=tuple(parts["titles"]),
            roster=tuple(parts["roster"]),
            gazetteer=tuple(parts["gazetteer"]),
            date_patterns=tuple(parts["date_patterns"]),
            event_triggers=tuple(parts["event_triggers"]),
        )

    # -- stages --------------------------------------------------------------------------

    def _call(
        self, run: _Run, hook_name: str, kwargs: dict[str, Any], kind: type[R]
    ) -> list[tuple[str, list[R]]]:
        """Each implementation in call order, its exceptions and wrong types reported by name."""
        out: list[tuple[str, list[R]]] = []
        for impl in reversed(getattr(self.registry.pm.hook, hook_name).get_hookimpls()):
            if impl.hookwrapper or impl.wrapper:
                continue
            name = impl.plugin_name
            try:
                got = impl.function(*[kwargs[a] for a in impl.argnames])
            except Exception as exc:
                if self.strict:
                    raise PluginError(
                        f"plugin {name!r}: {hook_name} raised {type(exc).__name__}: {exc}"
                    ) from exc
                run.warn(name, f"{hook_name} raised {type(exc).__name__}: {exc}")
                continue
            if got is None:
                continue
            if isinstance(got, (str, bytes)) or not isinstance(got, Iterable):
                run.warn(name, f"{hook_name} returned {type(got).__name__}, not a list of {kind.__name__}")
                continue
            records = list(got)
            bad = [r for r in records if not isinstance(r, kind)]
            if bad:
                run.warn(name, f"{hook_name} returned {type(bad[0]).__name__}, not {kind.__name__}; dropped")
                records = [r for r in records if isinstance(r, kind)]
            out.append((name, records))
        return out

    def _valid_mentions(
        self, run: _Run, results: list[tuple[str, list[R]]], what: str
    ) -> list[tuple[str, list[R]]]:
        out: list[tuple[str, list[R]]] = []
        for name, records in results:
            good = []
            for r in records:
                mentions = getattr(r, "mentions", ())
                if all(run.mention_ok(m) for m in mentions):
                    good.append(r)
                else:
                    run.warn(
                        name, f"{what} {getattr(r, 'name', '')!r} has a mention that does not match the text"
                    )
            out.append((name, good))
        return out

    def _dates(self, run: _Run, kwargs: dict[str, Any]) -> list[TimeExpression]:
        kept: list[TimeExpression] = []
        taken: list[tuple[int, int]] = []
        for name, records in self._call(run, "extract_dates", kwargs, TimeExpression):
            mine: list[tuple[int, int]] = []
            for d in records:
                if not run.span_ok(d.start, d.end, d.text) or d.end <= d.start:
                    run.warn(name, f"date {d.text!r} at {d.start}:{d.end} does not match the text; dropped")
                elif not _overlaps(taken, d.start, d.end):
                    kept.append(d)
                    mine.append((d.start, d.end))
            taken.extend(mine)
        return _number(kept, "d", lambda d: (d.start, d.end))

    def _actors(self, run: _Run, kwargs: dict[str, Any]) -> list[Actor]:
        results = self._valid_mentions(run, self._call(run, "extract_actors", kwargs, Actor), "actor")
        merged = _merge_mentioned(results, lambda a: (a.kind, (a.name or "").casefold()))
        return _number(merged, "a", lambda a: (_first_offset(a.mentions), a.name or ""))

    def _locations(self, run: _Run, kwargs: dict[str, Any]) -> list[Location]:
        results = self._valid_mentions(
            run, self._call(run, "extract_locations", kwargs, Location), "location"
        )
        merged = _merge_mentioned(results, lambda loc: (loc.name.casefold(), loc.country))
        return _number(merged, "l", lambda loc: (_first_offset(loc.mentions), loc.name))

    def _statements(self, run: _Run, kwargs: dict[str, Any], actor_ids: set[str]) -> list[Statement]:
        kept: list[Statement] = []
        taken: list[tuple[int, int]] = []
        for name, records in self._call(run, "extract_statements", kwargs, Statement):
            mine: list[tuple[int, int]] = []
            for s in records:
                parts_ok = all(run.span_ok(p.start, p.end, p.text) for p in s.parts)
                span_ok = run.span_ok(s.start, s.end, run.text[s.start : s.end] if s.start >= 0 else None)
                if not (
                    span_ok
                    and parts_ok
                    and (s.parts or s.kind == "indirect" or run.text[s.start : s.end] == s.quote)
                ):
                    run.warn(name, f"statement {s.quote[:30]!r} does not match the text; dropped")
                elif (s.speaker is not None and s.speaker not in actor_ids) or (
                    s.target is not None and s.target not in actor_ids
                ):
                    run.warn(name, f"statement {s.quote[:30]!r} names an unknown actor; dropped")
                elif not _overlaps(taken, s.start, s.end):
                    kept.append(s)
                    mine.append((s.start, s.end))
            taken.extend(mine)
        return _number(kept, "s", lambda s: (s.start, s.end))

    def _events(self, run: _Run, kwargs: dict[str, Any], ids: dict[str, set[str]]) -> list[Event]:
        kept: list[Event] = []
        taken: dict[str, list[tuple[int, int]]] = {}
        for name, records in self._call(run, "extract_events", kwargs, Event):
            mine: dict[str, list[tuple[int, int]]] = {}
            for e in records:
                problem = None
                if e.type not in EVENT_TYPES:
                    problem = f"unknown event type {e.type!r}"
                elif e.status not in EVENT_STATUSES:
                    problem = f"unknown status {e.status!r}"
                elif not run.mention_ok(e.trigger) or not all(run.mention_ok(m) for m in e.mentions):
                    problem = f"trigger {e.trigger.text!r} does not match the text"
                elif not set(e.actors) <= ids["actors"]:
                    problem = "unknown actor id"
                elif e.location is not None and e.location not in ids["locations"]:
                    problem = "unknown location id"
                elif e.date is not None and e.date not in ids["dates"]:
                    problem = "unknown date id"
                if problem:
                    run.warn(name, f"event {e.type!r}: {problem}; dropped")
                    continue
                if not _overlaps(taken.get(e.type, []), e.trigger.start, e.trigger.end):
                    kept.append(e)
                    mine.setdefault(e.type, []).append((e.trigger.start, e.trigger.end))
            for etype, spans in mine.items():
                taken.setdefault(etype, []).extend(spans)
        return _number(kept, "e", lambda e: (e.trigger.start, e.trigger.end, e.type, e.actors))

    # -- public --------------------------------------------------------------------------

    def extract(self, document: DocumentLike, published: Any = None, *, id: str | None = None) -> Extraction:
        """Extract one document: a :class:`Document`, a text (with ``published``), or a dict."""
        doc = to_document(document, published, id)
        if len(doc.text) > self.max_chars:
            name = f"document {doc.id!r}" if doc.id else "document"
            raise DocumentTooLarge(
                f"{name} has {len(doc.text):,} characters, over the limit of {self.max_chars:,} "
                "(raise it with Pipeline(max_chars=...) or --max-chars)"
            )
        run = _Run(doc, self.strict)
        run.warnings.extend(self.registry.load_warnings)  # plugins skipped at load, named
        analysis: Analysis = analyze(doc.text)
        kwargs: dict[str, Any] = {"document": doc, "analysis": analysis, "knowledge": self.knowledge}
        dates = self._dates(run, kwargs)
        actors = self._actors(run, kwargs)
        locations = self._locations(run, kwargs)
        kwargs.update(actors=actors, locations=locations, dates=dates)
        actor_ids = {a.id for a in actors}
        statements = self._statements(run, kwargs, actor_ids)
        kwargs["statements"] = statements
        ids = {
            "actors": actor_ids,
            "locations": {loc.id for loc in locations},
            "dates": {d.id for d in dates},
        }
        events = self._events(run, kwargs, ids)
        return Extraction(
            id=doc.id,
            published=doc.published,
            actors=tuple(actors),
            locations=tuple(locations),
            dates=tuple(dates),
            statements=tuple(statements),
            events=tuple(events),
            warnings=tuple(run.warnings),
        )

    def pipe(
        self, documents: Iterable[DocumentLike], *, workers: int = 1, batch_size: int = 32
    ) -> Iterator[Extraction]:
        """Extract many documents, in input order.

        Items are :class:`Document` objects, texts, ``(text, published[, id])`` tuples or dicts
        with ``text``, ``published`` and ``id``. With ``workers > 1`` the work is spread over
        that many processes, each of which loads the plugins once. A document that fails
        yields an :class:`Extraction` whose ``error`` says why; the others go on.
        """
        from diplomacy_events.batch import pipe

        return pipe(self, documents, workers=workers, batch_size=batch_size)
