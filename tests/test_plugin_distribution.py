"""The example plugin distribution is discoverable once installed, and the docs' code compiles."""

from __future__ import annotations

import json
import pathlib
import re
from importlib import metadata

import pytest
from click.testing import CliRunner

from diplomacy_events import Pipeline
from diplomacy_events.cli import main

ROOT = pathlib.Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PLUGIN_DIR = ROOT / "plugins" / "diplomacy-events-forums"
FENCE = re.compile(r"^```(?:python|py)[ \t]*\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _forums_entry_point() -> metadata.EntryPoint | None:
    return next((ep for ep in metadata.entry_points(group="diplomacy_events") if ep.name == "forums"), None)


needs_install = pytest.mark.skipif(
    _forums_entry_point() is None,
    reason="diplomacy-events-forums is not installed: pip install -e plugins/diplomacy-events-forums",
)


def test_distribution_layout() -> None:
    for part in ("pyproject.toml", "README.md", "src/diplomacy_events_forums/py.typed", "tests"):
        assert (PLUGIN_DIR / part).exists(), part
    pyproject = (PLUGIN_DIR / "pyproject.toml").read_text(encoding="utf-8")
    assert "[project.entry-points.diplomacy_events]" in pyproject


@needs_install
def test_entry_point_loads_the_plugin_module() -> None:
    ep = _forums_entry_point()
    assert ep is not None and ep.dist is not None
    assert ep.dist.name == "diplomacy-events-forums"
    module = ep.load()
    assert callable(module.extract_actors) and callable(module.register_event_triggers)


@needs_install
def test_listed_by_diplomacy_events_plugins() -> None:
    result = CliRunner().invoke(main, ["plugins", "--json"])
    assert result.exit_code == 0, result.output
    rows = {row["name"]: row for row in json.loads(result.output)}
    assert rows["forums"]["distribution"] == "diplomacy-events-forums"
    assert rows["forums"]["builtin"] is False
    assert "extract_actors" in rows["forums"]["hooks"]
    text = CliRunner().invoke(main, ["plugins"]).output
    assert "forums (diplomacy-events-forums" in text


@needs_install
def test_installed_plugin_reaches_an_extraction() -> None:
    result = Pipeline().extract("Finance ministers of the G20 gathered in Lisbon on Monday.", "2024-04-02")
    assert "Group of 20" in {a.name for a in result.actors}
    assert not any("forums" in w for w in result.warnings)


@needs_install
def test_disabled_by_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIPLOMACY_EVENTS_DISABLE_PLUGINS", "forums")
    assert "forums" not in Pipeline().registry.infos


def _python_blocks(name: str) -> list[str]:
    return FENCE.findall((DOCS / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["plugins.md", "quickstart.md"])
def test_docs_python_blocks_compile(name: str) -> None:
    blocks = _python_blocks(name)
    assert blocks, f"no python code block in docs/{name}"
    for i, block in enumerate(blocks):
        compile(block, f"docs/{name}[python block {i}]", "exec")


def test_docs_exist_and_link() -> None:
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    for page in ("quickstart.md", "output-format.md", "plugins.md"):
        assert (DOCS / page).exists()
        assert page in index
