"""Tests of the forums plugin: the matcher alone, registered in code, and installed."""

from __future__ import annotations

import importlib.util
import json
import time
from importlib import metadata

import pytest
from click.testing import CliRunner
from diplomacy_events import Pipeline
from diplomacy_events.cli import main
from diplomacy_events.lexicon import EventTrigger
from diplomacy_events.plugins import BUILTINS, PluginRegistry

from diplomacy_events_forums import FORUMS, find_forums, plugin

TEXT = (
    "Leaders of the Group of Seven met in the Alps on Friday. The G7 statement came a week before "
    "the G-20 summit, where the Quad will also gather. Quad foreign ministers spoke of COP28 and the "
    "UN General Assembly; the General Assembly votes next month."
)


def installed() -> bool:
    return any(ep.name == "forums" for ep in metadata.entry_points(group="diplomacy_events"))


def builtins_available() -> bool:
    return all(importlib.util.find_spec(module) is not None for _, module in BUILTINS)


needs_install = pytest.mark.skipif(
    not installed(),
    reason="diplomacy-events-forums is not installed (pip install -e plugins/diplomacy-events-forums)",
)
needs_builtins = pytest.mark.skipif(
    not builtins_available(), reason="the built-in extractors of diplomacy_events are not all present yet"
)


def by_name(actors) -> dict:
    return {a.name: a for a in actors}


# -- the matcher ---------------------------------------------------------------------------


def test_canonical_names_aliases_and_exact_offsets() -> None:
    found = by_name(find_forums(TEXT))
    assert set(found) == {"Group of Seven", "Group of 20", "Quad", "COP28", "UN General Assembly"}
    g7 = found["Group of Seven"]
    assert g7.kind == "organization"
    assert g7.aliases == ("G7",)
    assert [m.text for m in g7.mentions] == ["Group of Seven", "G7"]
    assert found["Group of 20"].aliases == ("G-20",)
    assert found["UN General Assembly"].aliases == ("General Assembly",)
    for actor in found.values():
        assert actor.id == ""
        for m in actor.mentions:
            assert TEXT[m.start : m.end] == m.text


def test_actors_come_in_text_order() -> None:
    starts = [a.mentions[0].start for a in find_forums(TEXT)]
    assert starts == sorted(starts)


def test_every_catalogue_form_is_found() -> None:
    for forum in FORUMS:
        for form in forum.forms:
            got = find_forums(f"Officials arrived for the {form} on Monday.")
            assert [a.name for a in got] == [forum.name], form


@pytest.mark.parametrize(
    "text",
    [
        "He bought a quad bike.",
        "Quad tendons heal slowly.",
        "The MSC shipping line expanded.",
        "ARF is a medical abbreviation.",
        "The General Assembly of the church met.",
        "Skiers returned to Davos.",
        "The G2 and G200 are not forums, nor is Group of 2.",
        "The cop stopped traffic on Route 28.",
    ],
)
def test_ambiguous_words_need_support(text: str) -> None:
    assert find_forums(text) == []


def test_ambiguous_words_with_support() -> None:
    assert by_name(find_forums("The Munich Security Conference opened. The MSC chair spoke."))[
        "Munich Security Conference"
    ].aliases == ("MSC",)
    assert [a.name for a in find_forums("Bankers flew in for the Davos forum.")] == ["World Economic Forum"]
    assert [a.name for a in find_forums("Quad leaders met.")] == ["Quad"]


def test_numbered_climate_summits() -> None:
    found = by_name(find_forums("After COP 21 in Paris and Cop26, delegates prepared COP-29."))
    assert set(found) == {"COP21", "COP26", "COP29"}
    assert found["COP21"].aliases == ("COP 21",)


def test_longest_form_wins() -> None:
    (forum,) = find_forums("The ASEAN Regional Forum met in Jakarta.")
    assert forum.name == "ASEAN Regional Forum"
    assert forum.mentions[0].text == "ASEAN Regional Forum"


@pytest.mark.parametrize("text", ["", " ", "\x00\x01G7\x02", "G7" * 1000, '"""G20', "Group\nof\tSeven"])
def test_odd_input_never_raises(text: str) -> None:
    for actor in find_forums(text):
        for m in actor.mentions:
            assert text[m.start : m.end] == m.text


def test_large_input_is_fast() -> None:
    text = "the Quad the G7 summit and the talks in Davos " * 25_000  # about 1 MB
    t0 = time.perf_counter()
    find_forums(text)
    assert time.perf_counter() - t0 < 5


# -- registered in code -----------------------------------------------------------------------


def test_registered_in_a_pipeline() -> None:
    pipeline = Pipeline(plugins=[plugin], builtins=False, entry_points=False)
    result = pipeline.extract(TEXT, "2024-03-06")
    assert result.warnings == ()
    actors = by_name(result.actors)
    assert {"Group of Seven", "Quad"} <= set(actors)
    assert [a.id for a in result.actors] == [f"a{i}" for i in range(1, len(result.actors) + 1)]
    assert pipeline.registry.infos["forums"].hooks == ("extract_actors", "register_event_triggers")


def test_registers_event_triggers() -> None:
    pipeline = Pipeline(plugins=[plugin], builtins=False, entry_points=False)
    triggers = pipeline.knowledge.event_triggers
    assert EventTrigger(words="summit|summits", type="meeting", cameo="040", plover="CONSULT") in triggers


def test_blocked_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIPLOMACY_EVENTS_DISABLE_PLUGINS", "forums")
    pipeline = Pipeline(plugins=[plugin], builtins=False, entry_points=False)
    assert pipeline.extract(TEXT).actors == ()


@needs_builtins
def test_wins_over_the_builtins_on_overlaps() -> None:
    pipeline = Pipeline(plugins=[plugin], entry_points=False)
    result = pipeline.extract("The ASEAN Regional Forum met in Jakarta on Friday.", "2024-03-06")
    names = [a.name for a in result.actors]
    assert "ASEAN Regional Forum" in names
    forum = by_name(result.actors)["ASEAN Regional Forum"]
    assert forum.mentions[0].text == "ASEAN Regional Forum"


# -- installed -----------------------------------------------------------------------------


@needs_install
def test_entry_point_points_at_the_plugin_module() -> None:
    (ep,) = [ep for ep in metadata.entry_points(group="diplomacy_events") if ep.name == "forums"]
    assert ep.load() is plugin
    assert ep.dist is not None and ep.dist.name == "diplomacy-events-forums"


@needs_install
def test_discovered_through_the_entry_point() -> None:
    registry = PluginRegistry(builtins=False)
    info = {i.name: i for i in registry.list()}["forums"]
    assert info.distribution == "diplomacy-events-forums"
    assert info.version == metadata.version("diplomacy-events-forums")
    assert "extract_actors" in info.hooks


@needs_install
def test_installed_plugin_adds_actors_to_an_extraction() -> None:
    result = Pipeline(builtins=False).extract(TEXT, "2024-03-06")
    assert "Group of Seven" in {a.name for a in result.actors}


@needs_install
@needs_builtins
def test_listed_by_the_cli() -> None:
    r = CliRunner().invoke(main, ["plugins"])
    assert r.exit_code == 0, r.output
    assert "forums (diplomacy-events-forums" in r.output
    r = CliRunner().invoke(main, ["plugins", "--json"])
    rows = {row["name"]: row for row in json.loads(r.output)}
    assert rows["forums"]["distribution"] == "diplomacy-events-forums"


@needs_install
@needs_builtins
def test_default_extract_finds_forums() -> None:
    import diplomacy_events

    result = diplomacy_events.extract("Ministers of the G20 met in Rio de Janeiro on Tuesday.", "2024-07-25")
    assert "Group of 20" in {a.name for a in result.actors}
