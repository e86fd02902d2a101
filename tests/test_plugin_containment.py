"""A misbehaving plugin is contained: its output is dropped with a warning naming it, the
built-ins' results are intact, and ``strict=True`` makes every such warning an error."""

from __future__ import annotations

import time
import warnings
from typing import Any

import pytest

from diplomacy_events import Actor, Event, Location, Mention, Pipeline, Statement, TimeExpression, hookimpl
from diplomacy_events.lexicon import TitleEntry
from diplomacy_events.plugins import PluginError

TEXT = (
    "Foreign Minister Ana Lopez met Prime Minister Kenji Sato in Geneva on Monday. "
    '"We agreed to talk again next week," Lopez said.'
)
PUBLISHED = "2024-03-06"


@pytest.fixture(scope="module")
def baseline() -> Any:
    return Pipeline(entry_points=False).extract(TEXT, PUBLISHED)


def plugin(name: str, hook: str, body: Any, **marker: Any) -> object:
    """A plugin object called ``name`` implementing ``hook`` with ``body(document)``."""

    def impl(self: object, document: Any) -> Any:
        return body(document)

    impl.__name__ = hook
    return type(name, (), {"name": name, hook: hookimpl(**marker)(impl)})()


def raise_(exc: BaseException) -> Any:
    raise exc


def m(text: str, start: int, end: int) -> Mention:
    return Mention(start, end, text[start:end])


BAD: dict[str, tuple[str, Any]] = {
    "raises": ("extract_actors", lambda d: raise_(RuntimeError("boom"))),
    "exits": ("extract_dates", lambda d: raise_(SystemExit(3))),
    "recursion": ("extract_locations", lambda d: raise_(RecursionError("deep"))),
    "returns-a-string": ("extract_dates", lambda d: "Monday"),
    "returns-an-int": ("extract_actors", lambda d: 42),
    "returns-a-dict": ("extract_locations", lambda d: {"name": "Geneva"}),
    "wrong-record-type": ("extract_actors", lambda d: [Location(name="Geneva")]),
    "generator-raises": ("extract_dates", lambda d: (raise_(ValueError("mid-way")) for _ in range(3))),
    "offsets-outside": (
        "extract_dates",
        lambda d: [TimeExpression(start=len(d.text), end=len(d.text) + 6, text="Monday")],
    ),
    "negative-offsets": ("extract_dates", lambda d: [TimeExpression(start=-6, end=-1, text="")]),
    "text-mismatch": ("extract_actors", lambda d: [Actor(name="X", mentions=(Mention(0, 7, "Nothing"),))]),
    "empty-mention": ("extract_actors", lambda d: [Actor(name="X", mentions=(Mention(3, 3, ""),))]),
    "mentions-not-a-tuple": ("extract_actors", lambda d: [Actor(name="X", mentions=None)]),  # type: ignore[arg-type]
    "string-offsets": (
        "extract_dates",
        lambda d: [TimeExpression(start="0", end="7", text=d.text[:7])],  # type: ignore[arg-type]
    ),
    "bool-offsets": ("extract_dates", lambda d: [TimeExpression(start=False, end=True, text=d.text[:1])]),
    "unknown-kind": ("extract_actors", lambda d: [Actor(name="X", kind="ship", mentions=(m(d.text, 0, 7),))]),  # type: ignore[arg-type]
    "name-not-str": ("extract_locations", lambda d: [Location(name=7, mentions=(m(d.text, 60, 66),))]),  # type: ignore[arg-type]
    "bad-coordinates": (
        "extract_locations",
        lambda d: [Location(name="X", latitude=float("nan"), mentions=(m(d.text, 0, 7),))],
    ),
    "unknown-timex-type": (
        "extract_dates",
        lambda d: [TimeExpression(start=0, end=7, text=d.text[:7], type="EPOCH")],  # type: ignore[arg-type]
    ),
    "statement-unknown-speaker": (
        "extract_statements",
        lambda d: [Statement(speaker="a999", quote=d.text[:7], start=0, end=7)],
    ),
    "statement-outside": ("extract_statements", lambda d: [Statement(quote="x", start=10**6, end=10**6 + 1)]),
    "statement-bad-date": (
        "extract_statements",
        lambda d: [Statement(quote=d.text[:7], start=0, end=7, date="d999")],
    ),
    "event-unknown-type": (
        "extract_events",
        lambda d: [Event(type="party", cameo="000", trigger=m(d.text, 27, 30))],
    ),
    "event-unknown-actor": (
        "extract_events",
        lambda d: [Event(type="meeting", cameo="040", actors=("a99",), trigger=m(d.text, 27, 30))],
    ),
    "event-bad-sentence": (
        "extract_events",
        lambda d: [Event(type="meeting", cameo="040", trigger=m(d.text, 27, 30), sentence=(0, 10**7))],
    ),
    "event-trigger-garbage": (
        "extract_events",
        lambda d: [Event(type="meeting", cameo="040", trigger="met")],  # type: ignore[arg-type]
    ),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_plugin_is_named_dropped_and_builtins_intact(name: str, baseline: Any) -> None:
    hook, body = BAD[name]
    # tryfirst: the plugin runs before the built-ins, which must not notice it
    result = Pipeline([plugin(name, hook, body, tryfirst=True)], entry_points=False).extract(TEXT, PUBLISHED)
    assert result.error is None
    assert len(result.warnings) == 1, result.warnings
    assert f"plugin {name!r}" in result.warnings[0] and hook in result.warnings[0]
    assert "\n" not in result.warnings[0]
    assert result.to_dict() | {"warnings": []} == baseline.to_dict()


@pytest.mark.parametrize("name", sorted(BAD))
def test_strict_makes_every_containment_an_error(name: str) -> None:
    hook, body = BAD[name]
    p = Pipeline([plugin(name, hook, body)], entry_points=False, strict=True)
    with pytest.raises(PluginError, match=f"plugin {name!r}"):
        p.extract(TEXT, PUBLISHED)


def test_only_the_bad_records_of_a_plugin_are_dropped_and_counted() -> None:
    def body(d: Any) -> list[Any]:
        good = TimeExpression(start=0, end=7, text=d.text[:7], value="X")
        return [good, "junk", TimeExpression(start=0, end=99999, text="no"), 3]

    p = Pipeline([plugin("half-good", "extract_dates", body)], builtins=False, entry_points=False)
    result = p.extract(TEXT)
    assert [d.text for d in result.dates] == [TEXT[:7]]
    assert len(result.warnings) == 1 and "and 2 more records" in result.warnings[0]


def test_lists_from_a_plugin_become_tuples() -> None:
    def body(d: Any) -> list[Any]:
        return [Actor(name="Ana Lopez", mentions=[m(d.text, 17, 26)], aliases=["Lopez"])]  # type: ignore[arg-type]

    p = Pipeline([plugin("lists", "extract_actors", body)], builtins=False, entry_points=False)
    result = p.extract(TEXT)
    assert result.warnings == ()
    assert result.actors[0].mentions == (m(TEXT, 17, 26),) and result.actors[0].aliases == ("Lopez",)
    assert type(result).from_dict(result.to_dict()) == result


def test_a_slow_plugin_is_over_its_budget(baseline: Any) -> None:
    def body(d: Any) -> list[Any]:
        if d.text == TEXT:
            time.sleep(1.0)
        return [TimeExpression(start=0, end=7, text=d.text[:7], value="SLOW")]

    def pipeline(**kw: Any) -> Pipeline:
        p = Pipeline([plugin("sleepy", "extract_dates", body, tryfirst=True)], entry_points=False, **kw)
        p.extract("Warm up on Monday.")  # built-ins compile their lexicons on the first document
        return p

    result = pipeline(plugin_timeout=0.5).extract(TEXT, PUBLISHED)
    assert len(result.warnings) == 1, result.warnings
    assert "'sleepy'" in result.warnings[0] and "plugin_timeout of 0.5 s" in result.warnings[0]
    assert result.to_dict() | {"warnings": []} == baseline.to_dict()
    with pytest.raises(PluginError, match=r"sleepy.*plugin_timeout"):
        pipeline(plugin_timeout=0.5, strict=True).extract(TEXT, PUBLISHED)
    slow_but_allowed = pipeline().extract(TEXT, PUBLISHED)  # the default budget is 60 s
    assert slow_but_allowed.warnings == () and slow_but_allowed.dates[0].value == "SLOW"


def test_an_endless_generator_is_stopped_at_its_budget() -> None:
    def body(d: Any) -> Any:
        while True:
            yield TimeExpression(start=0, end=7, text=d.text[:7])

    p = Pipeline(
        [plugin("endless", "extract_dates", body)], builtins=False, entry_points=False, plugin_timeout=0.2
    )
    started = time.perf_counter()
    result = p.extract(TEXT)
    assert time.perf_counter() - started < 5
    assert result.dates == () and "'endless'" in result.warnings[0]


def test_plugin_timeout_must_be_positive() -> None:
    with pytest.raises(ValueError, match="plugin_timeout"):
        Pipeline(builtins=False, entry_points=False, plugin_timeout=0)
    assert Pipeline(builtins=False, entry_points=False, plugin_timeout=None).plugin_timeout is None


def test_a_later_plugin_cannot_change_earlier_records(baseline: Any) -> None:
    class Vandal:
        name = "vandal"

        @hookimpl(tryfirst=True)
        def extract_statements(self, actors: Any, dates: Any) -> list[Statement]:
            actors.clear()  # a tuple: raises, and is contained
            return []

    result = Pipeline([Vandal()], entry_points=False).extract(TEXT, PUBLISHED)
    assert "'vandal'" in result.warnings[0]
    assert result.actors == baseline.actors


def test_a_register_hook_with_bad_entries_is_all_or_nothing(baseline: Any) -> None:
    class HalfTitles:
        name = "half-titles"

        @hookimpl
        def register_titles(self) -> list[Any]:
            return [TitleEntry(title="Grand Vizier", role="head_of_government"), "Vizier", None]

    class StringTitles:
        name = "string-titles"

        @hookimpl
        def register_titles(self) -> str:
            return "Grand Vizier"

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        p = Pipeline([HalfTitles(), StringTitles()], entry_points=False)
    assert p.knowledge.titles == ()
    messages = [str(w.message) for w in caught]
    assert any("'half-titles'" in x and "none of its entries" in x for x in messages)
    assert any("'string-titles'" in x for x in messages)
    result = p.extract(TEXT, PUBLISHED)
    assert result.to_dict() | {"warnings": []} == baseline.to_dict()
    with pytest.raises(PluginError, match="half-titles"):
        Pipeline([HalfTitles()], entry_points=False, strict=True)


def test_a_plugin_that_fails_validation_is_not_half_registered() -> None:
    class Mixed:
        name = "mixed"

        @hookimpl
        def extract_dates(self, document: Any) -> list[Any]:
            return [TimeExpression(start=0, end=7, text=document.text[:7], value="MIXED")]

        @hookimpl
        def extract_nothing(self, document: Any) -> list[Any]:  # no such hookspec
            return []

    with pytest.warns(UserWarning, match="'mixed'"):
        p = Pipeline([Mixed()], entry_points=False)
    assert not any(isinstance(x, Mixed) for x in p.plugin_manager.get_plugins())
    assert "mixed" not in p.registry.infos
    result = p.extract(TEXT, PUBLISHED)
    assert all(d.value != "MIXED" for d in result.dates)
    assert any("'mixed'" in w and "skipped" in w for w in result.warnings)


def test_containment_in_worker_processes(baseline: Any) -> None:
    p = Pipeline([plugin("raises", *BAD["raises"])], entry_points=False)
    docs = [(TEXT, PUBLISHED, f"d{i}") for i in range(6)]
    out = list(p.pipe(docs, workers=2, batch_size=2))
    assert [e.id for e in out] == [f"d{i}" for i in range(6)]
    for e in out:
        assert e.error is None and "'raises'" in e.warnings[0]
        assert e.actors == baseline.actors


def test_strict_stops_a_batch_with_the_plugin_error() -> None:
    p = Pipeline([plugin("raises", *BAD["raises"])], entry_points=False, strict=True)
    with pytest.raises(PluginError, match="raises"):
        list(p.pipe([TEXT, TEXT]))
    with pytest.raises(PluginError, match="raises"):
        list(p.pipe([TEXT, TEXT], workers=2))


class _EntryPoint:
    def __init__(self, name: str, load: Any) -> None:
        self.name = name
        self.dist = None
        self.load = load


def test_loading_never_half_registers(monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib import metadata

    import diplomacy_events.extractors.dates as builtin_dates
    from diplomacy_events import plugins

    class SameName:
        name = "dates"

        @hookimpl
        def extract_dates(self, document: Any) -> list[Any]:
            return [TimeExpression(start=0, end=7, text=document.text[:7], value="IMPOSTOR")]

    eps = [
        _EntryPoint("exits-on-import", lambda: raise_(SystemExit(2))),
        _EntryPoint("locations", lambda: SameName()),
    ]
    monkeypatch.setattr(metadata, "entry_points", lambda group: eps)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        p = Pipeline([SameName(), builtin_dates])
    messages = [str(w.message) for w in caught]
    assert any("'exits-on-import'" in x and "SystemExit" in x for x in messages)
    assert any("'dates'" in x and "already registered" in x for x in messages)
    assert any("'locations'" in x and "already registered" in x for x in messages)
    assert any("diplomacy_events.extractors.dates" in x and "already registered" in x for x in messages)
    # the built-ins stay registered and listed exactly once; the impostors are not there at all
    names = sorted(p.plugin_manager.get_name(x) for x in p.plugin_manager.get_plugins())
    assert names == sorted(n for n, _ in plugins.BUILTINS)
    assert sorted(i.name for i in p.registry.list(include_builtins=True)) == names
    assert all(d.value != "IMPOSTOR" for d in p.extract(TEXT, PUBLISHED).dates)
    monkeypatch.setenv("DIPLOMACY_EVENTS_STRICT_PLUGINS", "1")
    with pytest.raises(PluginError, match="exits-on-import"):
        Pipeline()
