"""The plugin system and the pipeline, with plugins registered in the tests."""

from __future__ import annotations

import datetime as dt
import gc
import warnings

import pytest

from diplomacy_events import Actor, Mention, Pipeline, TimeExpression, hookimpl
from diplomacy_events import plugins as plugins_module
from diplomacy_events.lexicon import EventTrigger
from diplomacy_events.pipeline import DocumentError, DocumentTooLarge
from diplomacy_events.plugins import PluginError, PluginRegistry

TEXT = "Envoy Mara Quist met Tomas Brel in Lisbon on Friday."


class DatePlugin:
    name = "friday"

    @hookimpl
    def extract_dates(self, document):
        i = document.text.find("Friday")
        return [TimeExpression(start=i, end=i + 6, text="Friday", value="X-FRIDAY")] if i >= 0 else []


class Raising:
    name = "raising"

    @hookimpl
    def extract_actors(self, document):
        raise RuntimeError("boom")


class BadOffsets:
    name = "bad-offsets"

    @hookimpl
    def extract_dates(self, document):
        return [TimeExpression(start=0, end=3, text="nope", value="2020")]


class WrongType:
    name = "wrong-type"

    @hookimpl
    def extract_locations(self):
        return ["Lisbon"]


def bare() -> Pipeline:
    return Pipeline(builtins=False, entry_points=False)


def test_plugin_results_appear_and_are_numbered() -> None:
    result = Pipeline([DatePlugin()], builtins=False, entry_points=False).extract(TEXT, "2024-01-03")
    assert [(d.id, d.text, d.value) for d in result.dates] == [("d1", "Friday", "X-FRIDAY")]


def test_tryfirst_plugin_wins_overlapping_span_over_builtin() -> None:
    class First:
        name = "first"

        @hookimpl(tryfirst=True)
        def extract_dates(self, document):
            i = document.text.find("Friday")
            return [TimeExpression(start=i, end=i + 6, text="Friday", value="MINE")]

    result = Pipeline([First()], entry_points=False).extract(TEXT, dt.date(2024, 1, 3))
    fridays = [d for d in result.dates if d.text == "Friday"]
    assert [d.value for d in fridays] == ["MINE"]


def test_order_of_registration_does_not_change_output() -> None:
    class A:
        name = "a"

        @hookimpl
        def extract_actors(self, document):
            return [Actor(name="Mara Quist", mentions=(Mention.at(document.text, 6, 16),))]

    class B:
        name = "b"

        @hookimpl
        def extract_actors(self, document):
            return [Actor(name="Tomas Brel", mentions=(Mention.at(document.text, 21, 31),))]

    one = Pipeline([A(), B()], builtins=False, entry_points=False).extract(TEXT)
    two = Pipeline([B(), A()], builtins=False, entry_points=False).extract(TEXT)
    assert one.to_dict() == two.to_dict()
    assert [a.id for a in one.actors] == ["a1", "a2"]


def test_same_actor_from_two_plugins_is_merged() -> None:
    class A:
        name = "a"

        @hookimpl
        def extract_actors(self, document):
            return [Actor(name="Mara Quist", mentions=(Mention.at(document.text, 6, 16),))]

    class B:
        name = "b"

        @hookimpl
        def extract_actors(self, document):
            i = document.text.find("Quist")
            return (
                [
                    Actor(name="Mara Quist", mentions=(Mention.at(document.text, 6, 16),)),
                    Actor(name="mara quist", title="Envoy", mentions=(Mention.at(document.text, 0, 5),)),
                ]
                if i
                else []
            )

    result = Pipeline([A(), B()], builtins=False, entry_points=False).extract(TEXT)
    assert len(result.actors) == 1
    assert [m.text for m in result.actors[0].mentions] == ["Mara Quist", "Envoy"]


def test_raising_plugin_is_reported_and_others_still_run() -> None:
    result = Pipeline([Raising(), DatePlugin()], builtins=False, entry_points=False).extract(TEXT)
    assert any("'raising'" in w and "boom" in w for w in result.warnings)
    assert [d.text for d in result.dates] == ["Friday"]


def test_invalid_output_is_dropped_with_a_warning() -> None:
    result = Pipeline([BadOffsets(), WrongType(), DatePlugin()], builtins=False, entry_points=False).extract(
        TEXT
    )
    assert any("'bad-offsets'" in w for w in result.warnings)
    assert any("'wrong-type'" in w for w in result.warnings)
    assert [d.text for d in result.dates] == ["Friday"]
    assert result.locations == ()


def test_strict_turns_plugin_warnings_into_errors() -> None:
    p = Pipeline([Raising()], builtins=False, entry_points=False, strict=True)
    with pytest.raises(PluginError, match="raising"):
        p.extract(TEXT)


def test_register_hooks_reach_knowledge() -> None:
    class Triggers:
        name = "triggers"

        @hookimpl
        def register_event_triggers(self):
            return [EventTrigger(words="parley|parleyed", type="meeting", cameo="040")]

    p = Pipeline([Triggers()], builtins=False, entry_points=False)
    assert p.knowledge.event_triggers[0].words == "parley|parleyed"


class FakeDist:
    def __init__(self, name: str) -> None:
        self.name = name
        self.version = "9.9"


class FakeEntryPoint:
    def __init__(self, name: str, target: object, error: Exception | None = None) -> None:
        self.name = name
        self.dist = FakeDist(f"dist-{name}")
        self._target = target
        self._error = error

    def load(self) -> object:
        if self._error:
            raise self._error
        return self._target


class UnknownHook:
    @hookimpl
    def extract_everything(self, document):  # not a hookspec
        return []


def fake_entry_points(monkeypatch: pytest.MonkeyPatch, eps: list[FakeEntryPoint]) -> None:
    monkeypatch.setattr(plugins_module.metadata, "entry_points", lambda group: eps)


def test_entry_points_load_and_failures_are_named(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_entry_points(
        monkeypatch,
        [
            FakeEntryPoint("good", DatePlugin()),
            FakeEntryPoint("broken", None, ImportError("no module named nowhere")),
            FakeEntryPoint("unknown-hook", UnknownHook()),
        ],
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        registry = PluginRegistry(builtins=False)
    names = [i.name for i in registry.list()]
    assert names == ["good"]
    assert registry.infos["good"].distribution == "dist-good"
    messages = [str(w.message) for w in caught]
    assert any("'broken'" in m and "dist-broken" in m for m in messages)
    assert any("'unknown-hook'" in m for m in messages)
    # a plugin that failed validation is not half-registered
    assert not any(p for p in registry.pm.get_plugins() if isinstance(p, UnknownHook))


def test_strict_env_makes_load_failures_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_entry_points(monkeypatch, [FakeEntryPoint("broken", None, ImportError("gone"))])
    monkeypatch.setenv("DIPLOMACY_EVENTS_STRICT_PLUGINS", "1")
    with pytest.raises(PluginError, match="broken"):
        PluginRegistry(builtins=False)


def test_disable_env_blocks_plugins_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_entry_points(monkeypatch, [FakeEntryPoint("good", DatePlugin())])
    monkeypatch.setenv("DIPLOMACY_EVENTS_DISABLE_PLUGINS", "good, dates")
    registry = PluginRegistry()
    names = {i.name for i in registry.list(include_builtins=True)}
    assert "good" not in names and "dates" not in names
    assert {"officials", "locations", "statements", "events"} <= names


def test_builtins_are_listed() -> None:
    infos = {i.name: i for i in PluginRegistry(entry_points=False).list(include_builtins=True)}
    assert infos["dates"].builtin and infos["dates"].hooks == ("extract_dates",)
    assert infos["events"].hooks == ("extract_events",)


def test_document_size_limit() -> None:
    p = Pipeline(builtins=False, entry_points=False, max_chars=10)
    with pytest.raises(DocumentTooLarge, match="over the limit of 10"):
        p.extract("x" * 11)


def test_bad_published_date() -> None:
    with pytest.raises(DocumentError, match="invalid publication date"):
        bare().extract("text", "2023-02-30")


def test_pipe_keeps_order_and_reports_failures() -> None:
    p = Pipeline([DatePlugin()], builtins=False, entry_points=False, max_chars=100)
    docs = [("on Friday", "2024-01-03", "one"), {"id": "two", "text": "y" * 200}, {"id": "three"}, "Friday"]
    out = list(p.pipe(docs))
    assert [e.id for e in out] == ["one", "two", "three", None]
    assert out[0].error is None and out[0].dates
    assert "DocumentTooLarge" in (out[1].error or "")
    assert "text" in (out[2].error or "")
    assert out[3].dates[0].text == "Friday"


def test_nothing_loaded_at_import() -> None:
    import subprocess
    import sys

    code = (
        "import sys, diplomacy_events; "
        "print(any(m.startswith('diplomacy_events.extractors') or m == 'dateparser' for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_workers_give_the_same_results_in_order() -> None:
    p = Pipeline([DatePlugin()], builtins=False, entry_points=False, max_chars=50)
    docs = [(f"Talks on Friday number {i}.", "2024-01-03", f"doc{i}") for i in range(9)]
    docs.insert(4, {"id": "too-long", "text": "z" * 80})
    serial = [e.to_dict() for e in p.pipe(docs)]
    parallel = [e.to_dict() for e in p.pipe(docs, workers=2, batch_size=2)]
    assert parallel == serial
    # the objects frozen for the forked workers are handed back to the collector afterwards
    assert gc.get_freeze_count() == 0
    assert [d["id"] for d in serial][:5] == ["doc0", "doc1", "doc2", "doc3", "too-long"]
    assert "DocumentTooLarge" in serial[4]["error"]


def test_a_failing_register_hook_is_named_in_every_extraction() -> None:
    class BadLexicon:
        name = "bad-lexicon"

        @hookimpl
        def register_titles(self):
            raise ValueError("no titles today")

    with pytest.warns(UserWarning, match="bad-lexicon"):
        p = Pipeline([BadLexicon(), DatePlugin()], builtins=False, entry_points=False)
    result = p.extract(TEXT)
    assert any("'bad-lexicon'" in w and "register_titles" in w for w in result.warnings)
    assert [d.text for d in result.dates] == ["Friday"]


def test_a_place_lookup_plugin_reaches_the_location_stage() -> None:
    from diplomacy_events.lexicon import GazetteerEntry

    farm = GazetteerEntry(name="Quellhof", kind="other", country="DEU", latitude=50.1, longitude=8.6)

    class Lookup:
        name = "farm-lookup"

        @hookimpl
        def register_place_lookups(self):
            def lookup(text: str):
                i = text.find("Quellhof")
                return [(i, i + 8, farm)] if i >= 0 else []

            return [lookup]

    p = Pipeline([Lookup()], entry_points=False)
    assert len(p.knowledge.place_lookups) == 1
    result = p.extract("The envoys met at Quellhof on Monday.", "2024-03-06")
    assert [(loc.name, loc.country) for loc in result.locations] == [("Quellhof", "DEU")]


def test_two_unnamed_officials_stay_apart_when_a_plugin_adds_actors() -> None:
    class Forum:
        name = "forum"

        @hookimpl
        def extract_actors(self, document):
            i = document.text.find("Coastal Forum")
            return [
                Actor(
                    name="Coastal Forum",
                    kind="organization",
                    mentions=(Mention.at(document.text, i, i + 13),),
                )
            ]

    text = (
        "Chile's foreign minister met the Coastal Forum on Monday. "
        "A Peruvian government spokesperson said the talks had failed."
    )
    for plugins in ([], [Forum()]):
        found = Pipeline(plugins, entry_points=False).extract(text, dt.date(2024, 1, 3))
        unnamed = sorted(
            (a.title or "", a.country or "") for a in found.actors if a.kind == "person" and not a.name
        )
        assert unnamed == [("foreign minister", "CHL"), ("spokesperson", "PER")]
