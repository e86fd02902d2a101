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
an error. The other plugins' results still come out. Every record is checked field by field
(types, vocabularies, offsets, ids it refers to); only the bad records are dropped.

A plugin that takes longer than ``plugin_timeout`` seconds on one call is reported the same way
and that call's output dropped. The time is measured when the call returns (and between the
items of a generator it yields): Python cannot stop a running function in-process, so a plugin
that never returns still hangs its document; the budget keeps slow plugins from silently
shaping the output and, with ``strict=True``, stops the run.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import time
import typing
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

import attrs

from diplomacy_events.lexicon import Knowledge
from diplomacy_events.models import (
    EVENT_STATUSES,
    EVENT_TYPES,
    Actor,
    ActorKind,
    Document,
    Event,
    Extraction,
    Granularity,
    Location,
    LocationKind,
    Mention,
    Statement,
    StatementKind,
    StatementPart,
    TimeExpression,
    TimexType,
    replace,
)
from diplomacy_events.plugins import PluginError, PluginRegistry, PluginWarning
from diplomacy_events.text import Analysis, analyze

DEFAULT_MAX_CHARS = 1_000_000
DEFAULT_PLUGIN_TIMEOUT = 60.0
"""Seconds one plugin call may take on one document (the slowest built-in takes ~20 s on 1 MB of news)."""
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
        text = value.strip()
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
        try:
            return dt.datetime.fromisoformat(text).date()
        except ValueError:
            raise DocumentError(f"invalid publication date {value!r}: expected YYYY-MM-DD") from None
    raise DocumentError(f"invalid publication date {value!r}: expected a date or YYYY-MM-DD")


def _not_text(what: Any) -> DocumentError:
    hint = " (decode it first)" if isinstance(what, (bytes, bytearray, memoryview)) else ""
    kind = "None" if what is None else type(what).__name__
    return DocumentError(f"document text must be a str, not {kind}{hint}")


def _checked(doc: Document) -> Document:
    """``doc`` with its text checked and its date and id normalised (a Document is not validated)."""
    if not isinstance(doc.text, str):
        raise _not_text(doc.text)
    published = parse_published(doc.published)
    doc_id = None if doc.id is None else str(doc.id)
    if published is doc.published and doc_id is doc.id:
        return doc
    return attrs.evolve(doc, published=published, id=doc_id)


def to_document(item: DocumentLike, published: Any = None, id: str | None = None) -> Document:
    """A :class:`Document` from a Document, a text, a ``(text, published[, id])`` tuple or a dict.

    Anything else, text that is not a ``str`` and an invalid date raise :class:`DocumentError`.
    """
    if isinstance(item, Document):
        return _checked(item)
    if isinstance(item, str):
        return _checked(Document(text=item, published=published, id=id))
    if isinstance(item, tuple):
        if not item or not isinstance(item[0], str):
            raise _not_text(item[0] if item else None)
        pub = item[1] if len(item) > 1 else published
        doc_id = item[2] if len(item) > 2 else id
        return _checked(Document(text=item[0], published=pub, id=doc_id))
    if isinstance(item, dict):
        text = item.get("text")
        if not isinstance(text, str):
            if isinstance(item.get("error"), str):
                raise SourceError(item["error"])
            if text is None:
                raise DocumentError("document has no 'text' string")
            raise _not_text(text)
        doc_id = item.get("id", id)
        return _checked(
            Document(
                text=text,
                published=item.get("published", published),
                id=doc_id,
                title=item.get("title"),
                source=item.get("source"),
                url=item.get("url"),
            )
        )
    if item is None or isinstance(item, (bytes, bytearray, memoryview)):
        raise _not_text(item)
    raise DocumentError(f"cannot read a document from {type(item).__name__}")


# -- validation of what plugins return -----------------------------------------------------

_ACTOR_KINDS: tuple[str, ...] = typing.get_args(ActorKind)
_LOCATION_KINDS: tuple[str, ...] = typing.get_args(LocationKind)
_TIMEX_TYPES: tuple[str, ...] = typing.get_args(TimexType)
_GRANULARITIES: tuple[str, ...] = typing.get_args(Granularity)
_STATEMENT_KINDS: tuple[str, ...] = typing.get_args(StatementKind)


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _opt_str(v: Any) -> bool:
    return v is None or isinstance(v, str)


def _strs(v: Any) -> bool:
    return isinstance(v, (tuple, list)) and all(isinstance(x, str) for x in v)


def _coordinate(v: Any, limit: float) -> bool:
    if v is None:
        return True
    return (
        isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) and -limit <= v <= limit
    )


class _Run:
    """The state of one document's extraction: its text, warnings and strictness."""

    def __init__(self, document: Document, strict: bool) -> None:
        self.text = document.text
        self.strict = strict
        self.warnings: list[str] = []
        self.dropped: dict[tuple[str, str], list[Any]] = {}

    def warn(self, plugin: str, message: str) -> None:
        full = f"plugin {plugin!r}: {message}"
        if self.strict:
            raise PluginError(full)
        self.warnings.append(full)

    def drop(self, plugin: str, hook: str, label: str, problem: str) -> None:
        """Count a record dropped from ``plugin``'s output; one warning per plugin and hook."""
        message = f"{hook}: {label}: {problem}; dropped"
        if self.strict:
            raise PluginError(f"plugin {plugin!r}: {message}")
        entry = self.dropped.setdefault((plugin, hook), [0, message])
        entry[0] += 1

    def flush(self) -> None:
        for (plugin, _), (count, first) in self.dropped.items():
            more = f" (and {count - 1} more records)" if count > 1 else ""
            self.warnings.append(f"plugin {plugin!r}: {first}{more}")
        self.dropped.clear()

    # Every record of every document passes these checks, so they test cheaply first and build
    # their messages only for a record that fails.

    def span_ok(self, start: Any, end: Any, text: Any) -> bool:
        # ``type() is int``: not a bool, whatever ``isinstance`` says
        return (
            type(start) is int
            and type(end) is int
            and 0 <= start <= end <= len(self.text)
            and type(text) is str
            and self.text[start:end] == text
        )

    def mention_ok(self, m: Any) -> bool:
        return isinstance(m, Mention) and self.span_ok(m.start, m.end, m.text) and m.end > m.start

    def mentions_problem(self, mentions: Any) -> str | None:
        if not isinstance(mentions, (tuple, list)):
            return f"mentions is a {type(mentions).__name__}, not a tuple of Mention"
        for m in mentions:
            if not self.mention_ok(m):
                return f"mention {_short(m)} does not match the text"
        return None

    # One function per record type: the first problem found, or None.

    def actor_problem(self, a: Actor) -> str | None:
        if not _opt_str(a.name):
            return "name is not a string"
        if a.kind not in _ACTOR_KINDS:
            return f"unknown kind {_short(a.kind)}"
        if not all(_opt_str(v) for v in (a.title, a.country, a.role, a.cameo_role)):
            return "a non-string field"
        if not isinstance(a.former, bool):
            return "former is not a bool"
        if not _strs(a.aliases):
            return "aliases is not a tuple of strings"
        return self.mentions_problem(a.mentions)

    def location_problem(self, loc: Location) -> str | None:
        if not isinstance(loc.name, str):
            return "name is not a string"
        if loc.kind not in _LOCATION_KINDS:
            return f"unknown kind {_short(loc.kind)}"
        if not _opt_str(loc.country):
            return "country is not a string"
        if not (_coordinate(loc.latitude, 90) and _coordinate(loc.longitude, 180)):
            return "bad coordinates"
        if not isinstance(loc.metonym, bool):
            return "metonym is not a bool"
        if not _strs(loc.aliases):
            return "aliases is not a tuple of strings"
        return self.mentions_problem(loc.mentions)

    def date_problem(self, d: TimeExpression) -> str | None:
        if not (self.span_ok(d.start, d.end, d.text) and d.end > d.start):
            return "does not match the text"
        if not _opt_str(d.value):
            return "value is not a string"
        if d.type not in _TIMEX_TYPES:
            return f"unknown type {_short(d.type)}"
        if not (d.granularity is None or d.granularity in _GRANULARITIES):
            return "unknown granularity"
        return None

    def statement_problem(self, s: Statement, actor_ids: set[str], date_ids: set[str]) -> str | None:
        parts = s.parts
        if not isinstance(s.quote, str):
            return "quote is not a string"
        if s.kind not in _STATEMENT_KINDS:
            return f"unknown kind {_short(s.kind)}"
        if not all(_opt_str(v) for v in (s.speaker, s.target, s.date, s.verb)):
            return "a non-string field"
        if not (
            isinstance(parts, (tuple, list))
            and all(isinstance(p, StatementPart) and self.span_ok(p.start, p.end, p.text) for p in parts)
        ):
            return "a part does not match the text"
        if not (type(s.start) is int and type(s.end) is int and 0 <= s.start <= s.end <= len(self.text)):
            return f"offsets {_short(s.start)}:{_short(s.end)} are outside the text"
        if not (parts or s.kind == "indirect" or self.text[s.start : s.end] == s.quote):
            return "the quote does not match the text"
        if not (s.speaker is None or s.speaker in actor_ids):
            return f"unknown speaker id {_short(s.speaker)}"
        if not (s.target is None or s.target in actor_ids):
            return f"unknown target id {_short(s.target)}"
        if not (s.date is None or s.date in date_ids):
            return f"unknown date id {_short(s.date)}"
        return None

    def event_problem(self, e: Event, ids: dict[str, set[str]]) -> str | None:
        sentence = e.sentence
        if e.type not in EVENT_TYPES:
            return f"unknown event type {_short(e.type)}"
        if e.status not in EVENT_STATUSES:
            return f"unknown status {_short(e.status)}"
        if not (isinstance(e.cameo, str) and _opt_str(e.plover)):
            return "cameo or plover is not a string"
        if not self.mention_ok(e.trigger):
            return f"trigger {_short(e.trigger)} does not match the text"
        if not (_strs(e.actors) and set(e.actors) <= ids["actors"]):
            return "unknown actor id"
        if not (e.location is None or e.location in ids["locations"]):
            return "unknown location id"
        if not (e.date is None or e.date in ids["dates"]):
            return "unknown date id"
        if not (
            sentence is None
            or (
                isinstance(sentence, (tuple, list))
                and len(sentence) == 2
                and type(sentence[0]) is int
                and type(sentence[1]) is int
                and 0 <= sentence[0] <= sentence[1] <= len(self.text)
            )
        ):
            return "sentence offsets are outside the text"
        return self.mentions_problem(e.mentions)


def _short(value: Any, limit: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _label(record: Any) -> str:
    kind = type(record).__name__.lower()
    for field in ("name", "text", "quote", "type"):
        value = getattr(record, field, None)
        if isinstance(value, str):
            return f"{kind} {_short(value)}"
    return kind


def _as_tuples(record: R, fields: tuple[str, ...]) -> R:
    """``record`` with the list fields a plugin may have given turned into tuples."""
    changes = {f: tuple(getattr(record, f)) for f in fields if isinstance(getattr(record, f), list)}
    if isinstance(getattr(record, "sentence", None), list):
        changes["sentence"] = tuple(record.sentence)  # type: ignore[attr-defined]
    return replace(record, **changes) if changes else record


class _Spans:
    """Spans kept so far, sorted by start: an overlap query looks only at the spans near it, so
    merging stays linear however many records a document has."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.longest = 0

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)
        self.longest = max(self.longest, end - start)

    def extend(self, spans: Iterable[tuple[int, int]]) -> None:
        for start, end in spans:
            self.add(start, end)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)  # spans starting before ``end``
        lowest = start - self.longest
        while i > 0 and self.starts[i - 1] >= lowest:
            i -= 1
            if self.ends[i] > start:
                return True
        return False


def _merge_mentioned(results: list[tuple[str, list[R]]], key: Callable[[R], tuple[Any, ...]]) -> list[R]:
    """Merge actors or locations from several plugins (see the module docstring)."""
    if len(results) == 1:
        return results[0][1]
    kept: list[R] = []
    index: dict[tuple[Any, ...], int] = {}
    taken = _Spans()
    for _, records in results:
        for r in records:
            mentions: tuple[Mention, ...] = r.mentions  # type: ignore[attr-defined]
            free = tuple(m for m in mentions if not taken.overlaps(m.start, m.end))
            if mentions and not free:
                continue
            k = key(r)
            if k in index:
                old = kept[index[k]]
                kept[index[k]] = replace(old, mentions=old.mentions + free)  # type: ignore[attr-defined]
            else:
                index[k] = len(kept)
                kept.append(replace(r, mentions=free))
            taken.extend((m.start, m.end) for m in free)
    return kept


def _actor_key(actor: Actor) -> tuple[Any, ...]:
    """What makes two actors of two plugins one: kind and name; nameless ones ("the foreign
    minister") also by title and country, so that unnamed officials of different offices or
    countries stay apart."""
    if actor.name:
        return (actor.kind, actor.name.casefold())
    return (actor.kind, None, (actor.title or "").casefold(), actor.country)


def _first_offset(mentions: Sequence[Mention]) -> int:
    return min((m.start for m in mentions), default=1 << 62)


def _number(records: Sequence[R], prefix: str, order: Callable[[R], Any]) -> list[R]:
    ordered = sorted(records, key=order)
    return [replace(r, id=f"{prefix}{i}") for i, r in enumerate(ordered, 1)]


def _register_problem(field: str, item: Any) -> str | None:
    """Why an item a ``register_*`` hook returned cannot be used, or None."""
    import re

    from diplomacy_events.lexicon import DatePattern, EventTrigger, GazetteerEntry, RosterEntry, TitleEntry

    if field == "titles":
        ok = isinstance(item, TitleEntry) and isinstance(item.title, str) and isinstance(item.role, str)
    elif field == "roster":
        ok = isinstance(item, RosterEntry) and isinstance(item.name, str) and isinstance(item.title, str)
    elif field == "gazetteer":
        ok = isinstance(item, GazetteerEntry) and isinstance(item.name, str) and _strs(item.aliases)
    elif field == "date_patterns":
        ok = (
            isinstance(item, DatePattern)
            and isinstance(item.pattern, re.Pattern)
            and isinstance(item.pattern.pattern, str)
            and callable(item.resolve)
        )
    elif field == "place_lookups":
        ok = callable(item)
    else:
        ok = (
            isinstance(item, EventTrigger) and isinstance(item.words, str) and isinstance(item.type, str)
        ) or (isinstance(item, tuple) and len(item) == 3 and all(isinstance(x, str) for x in item))
    return None if ok else f"{_short(item)} is not a valid {field} entry"


class Pipeline:
    """A reusable extractor: plugins are loaded once, when the pipeline is built.

    ``plugins`` are extra plugin objects (modules, classes or instances with ``@hookimpl``
    functions) registered after the built-ins and the installed entry points. ``disable`` blocks
    plugins by name (``DIPLOMACY_EVENTS_DISABLE_PLUGINS`` adds to it). ``strict`` turns every
    plugin warning into an error. ``max_chars`` rejects longer documents with
    :class:`DocumentTooLarge`. ``plugin_timeout`` is the seconds one plugin call may take on one
    document (None: no limit); a call over it is reported and its output dropped.
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
        plugin_timeout: float | None = DEFAULT_PLUGIN_TIMEOUT,
    ) -> None:
        if not _is_int(max_chars) or max_chars < 0:
            raise ValueError(f"max_chars must be a non-negative int, not {max_chars!r}")
        if plugin_timeout is not None and not plugin_timeout > 0:
            raise ValueError(
                f"plugin_timeout must be a positive number of seconds or None, not {plugin_timeout!r}"
            )
        plugins = tuple(plugins)
        disable = tuple(disable)
        self.registry = PluginRegistry(
            plugins, builtins=builtins, entry_points=entry_points, disable=disable, strict=strict
        )
        self.strict = self.registry.strict
        self.max_chars = max_chars
        self.plugin_timeout = plugin_timeout
        self.settings: dict[str, Any] = {
            "plugins": plugins,
            "builtins": builtins,
            "entry_points": entry_points,
            "disable": disable,
            "strict": strict,
            "max_chars": max_chars,
            "plugin_timeout": plugin_timeout,
        }
        """The arguments this pipeline was built with: worker processes build theirs from them."""
        self.knowledge = self._gather_knowledge()

    @property
    def plugin_manager(self) -> Any:
        """The underlying ``pluggy.PluginManager``."""
        return self.registry.pm

    def _load_warning(self, message: str, exc: BaseException | None = None) -> None:
        if self.strict:
            raise PluginError(message) from exc
        self.registry.load_warnings.append(message)
        warnings.warn(message, PluginWarning, stacklevel=4)

    def _gather_knowledge(self) -> Knowledge:
        """What the ``register_*`` hooks return; a plugin's bad entries are dropped, all or nothing."""
        hook = self.registry.pm.hook
        parts: dict[str, list[Any]] = {}
        for field, name in (
            ("titles", "register_titles"),
            ("roster", "register_roster"),
            ("gazetteer", "register_gazetteer"),
            ("date_patterns", "register_date_patterns"),
            ("event_triggers", "register_event_triggers"),
            ("place_lookups", "register_place_lookups"),
        ):
            items: list[Any] = []
            for impl in reversed(getattr(hook, name).get_hookimpls()):
                try:
                    got = impl.function()
                    if isinstance(got, (str, bytes)) or not (got is None or isinstance(got, Iterable)):
                        raise TypeError(f"returned {type(got).__name__}, not a list of entries")
                    entries = list(got or ())
                except Exception as exc:
                    self._load_warning(
                        f"plugin {impl.plugin_name!r}: {name} raised {type(exc).__name__}: {exc}", exc
                    )
                    continue
                problem = next((p for p in (_register_problem(field, e) for e in entries) if p), None)
                if problem:
                    # a plugin's entries go in together or not at all: no half-registered plugin
                    self._load_warning(
                        f"plugin {impl.plugin_name!r}: {name}: {problem}; none of its entries used"
                    )
                    continue
                items.extend(entries)
            parts[field] = items
        return Knowledge(
            titles=tuple(parts["titles"]),
            roster=tuple(parts["roster"]),
            gazetteer=tuple(parts["gazetteer"]),
            date_patterns=tuple(parts["date_patterns"]),
            event_triggers=tuple(parts["event_triggers"]),
            place_lookups=tuple(parts["place_lookups"]),
        )

    # -- stages --------------------------------------------------------------------------

    def _call(
        self, run: _Run, hook_name: str, kwargs: dict[str, Any], kind: type[R]
    ) -> list[tuple[str, list[R]]]:
        """Each implementation in call order; exceptions, wrong types and slow calls reported by name."""
        out: list[tuple[str, list[R]]] = []
        budget = self.plugin_timeout
        for impl in reversed(getattr(self.registry.pm.hook, hook_name).get_hookimpls()):
            if impl.hookwrapper or impl.wrapper:
                continue
            name = impl.plugin_name
            started = time.perf_counter()
            records: list[R] = []
            try:
                got = impl.function(*[kwargs[a] for a in impl.argnames])
                if got is None:
                    continue
                if isinstance(got, (str, bytes, dict)) or not isinstance(got, Iterable):
                    run.warn(
                        name, f"{hook_name} returned {type(got).__name__}, not a list of {kind.__name__}"
                    )
                    continue
                for r in got:
                    records.append(r)
                    # a generator may never end: check the budget between its items
                    if budget is not None and time.perf_counter() - started > budget:
                        break
            except (Exception, SystemExit) as exc:
                run.warn(name, f"{hook_name} raised {type(exc).__name__}: {exc}")
                continue
            took = time.perf_counter() - started
            if budget is not None and took > budget:
                run.warn(
                    name,
                    f"{hook_name} took {took:.2f} s, over the plugin_timeout of {budget:g} s; output dropped",
                )
                continue
            good = [r for r in records if isinstance(r, kind)]
            if len(good) < len(records):
                for bad in (r for r in records if not isinstance(r, kind)):
                    run.drop(name, hook_name, _short(bad), f"a {type(bad).__name__}, not {kind.__name__}")
            out.append((name, good))
        return out

    def _checked(
        self, run: _Run, hook: str, results: list[tuple[str, list[R]]], problem: Callable[[R], str | None]
    ) -> list[tuple[str, list[R]]]:
        """Each plugin's records that pass ``problem``; the others dropped and counted."""
        out: list[tuple[str, list[R]]] = []
        for name, records in results:
            good: list[R] = []
            for r in records:
                try:
                    found = problem(r)
                except Exception as exc:  # a record so broken that checking it fails
                    found = f"malformed ({type(exc).__name__}: {exc})"
                if found:
                    run.drop(name, hook, _label(r), found)
                else:
                    good.append(r)
            out.append((name, good))
        return out

    def _dates(self, run: _Run, kwargs: dict[str, Any]) -> list[TimeExpression]:
        kept: list[TimeExpression] = []
        taken = _Spans()
        results = self._call(run, "extract_dates", kwargs, TimeExpression)
        for _, records in self._checked(run, "extract_dates", results, run.date_problem):
            mine: list[tuple[int, int]] = []
            for d in records:
                if not taken.overlaps(d.start, d.end):
                    kept.append(d)
                    mine.append((d.start, d.end))
            taken.extend(mine)
        return _number(kept, "d", lambda d: (d.start, d.end))

    def _actors(self, run: _Run, kwargs: dict[str, Any]) -> list[Actor]:
        results = self._call(run, "extract_actors", kwargs, Actor)
        results = [
            (name, [_as_tuples(a, ("mentions", "aliases")) for a in records])
            for name, records in self._checked(run, "extract_actors", results, run.actor_problem)
        ]
        merged = _merge_mentioned(results, _actor_key)
        return _number(merged, "a", lambda a: (_first_offset(a.mentions), a.name or ""))

    def _locations(self, run: _Run, kwargs: dict[str, Any]) -> list[Location]:
        results = self._call(run, "extract_locations", kwargs, Location)
        results = [
            (name, [_as_tuples(loc, ("mentions", "aliases")) for loc in records])
            for name, records in self._checked(run, "extract_locations", results, run.location_problem)
        ]
        merged = _merge_mentioned(results, lambda loc: (loc.name.casefold(), loc.country))
        return _number(merged, "l", lambda loc: (_first_offset(loc.mentions), loc.name))

    def _statements(self, run: _Run, kwargs: dict[str, Any], ids: dict[str, set[str]]) -> list[Statement]:
        kept: list[Statement] = []
        taken = _Spans()
        results = self._call(run, "extract_statements", kwargs, Statement)
        checked = self._checked(
            run,
            "extract_statements",
            results,
            lambda s: run.statement_problem(s, ids["actors"], ids["dates"]),
        )
        for _, records in checked:
            mine: list[tuple[int, int]] = []
            for s in records:
                if not taken.overlaps(s.start, s.end):
                    kept.append(_as_tuples(s, ("parts",)))
                    mine.append((s.start, s.end))
            taken.extend(mine)
        return _number(kept, "s", lambda s: (s.start, s.end))

    def _events(self, run: _Run, kwargs: dict[str, Any], ids: dict[str, set[str]]) -> list[Event]:
        kept: list[Event] = []
        taken: dict[str, _Spans] = {}
        results = self._call(run, "extract_events", kwargs, Event)
        for _, records in self._checked(run, "extract_events", results, lambda e: run.event_problem(e, ids)):
            mine: dict[str, list[tuple[int, int]]] = {}
            for e in records:
                if e.type not in taken or not taken[e.type].overlaps(e.trigger.start, e.trigger.end):
                    kept.append(_as_tuples(e, ("actors", "mentions")))
                    mine.setdefault(e.type, []).append((e.trigger.start, e.trigger.end))
            for etype, spans in mine.items():
                taken.setdefault(etype, _Spans()).extend(spans)
        return _number(kept, "e", lambda e: (e.trigger.start, e.trigger.end, e.type, e.actors))

    # -- public --------------------------------------------------------------------------

    def extract(self, document: DocumentLike, published: Any = None, *, id: str | None = None) -> Extraction:
        """Extract one document: a :class:`Document`, a text (with ``published``), or a dict.

        Raises :class:`DocumentError` for input that is not a document (bytes, None, a bad
        date) and :class:`DocumentTooLarge` above ``max_chars``; with ``strict`` a plugin
        problem raises :class:`~diplomacy_events.plugins.PluginError`.
        """
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
        # tuples, so that a plugin of a later stage cannot change what earlier stages found
        kwargs.update(actors=tuple(actors), locations=tuple(locations), dates=tuple(dates))
        ids = {
            "actors": {a.id for a in actors},
            "locations": {loc.id for loc in locations},
            "dates": {d.id for d in dates},
        }
        statements = self._statements(run, kwargs, ids)
        kwargs["statements"] = tuple(statements)
        events = self._events(run, kwargs, ids)
        run.flush()
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
        yields an :class:`Extraction` whose ``error`` says why (and carries its id); the others
        go on. With ``strict``, a plugin problem stops the run with
        :class:`~diplomacy_events.plugins.PluginError`.
        """
        from diplomacy_events.batch import pipe

        return pipe(self, documents, workers=workers, batch_size=batch_size)
