"""``diplomacy-events new-plugin`` generates a distribution that installs and is listed.

The generated distribution is installed with pip into a temporary ``--target`` folder (no
network: ``--no-deps --no-build-isolation``), which a subprocess puts on its path: the shared
virtualenv is never modified, so tests running at the same time do not see the plugin.
"""

from __future__ import annotations

import importlib.util
import json
import os
import pathlib
import subprocess
import sys

import pytest
from click.testing import CliRunner

from diplomacy_events.cli import main

ROOT = pathlib.Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "src" / "diplomacy_events" / "plugin_template"


def _can_build_wheels() -> bool:
    # setuptools >= 70.1 builds wheels by itself; older ones need the `wheel` package.
    return importlib.util.find_spec("setuptools") is not None and (
        importlib.util.find_spec("setuptools.command.bdist_wheel") is not None
        or importlib.util.find_spec("wheel") is not None
    )


def test_template_is_package_data() -> None:
    names = {p.relative_to(TEMPLATE).as_posix() for p in TEMPLATE.rglob("*") if p.is_file()}
    assert {"pyproject.toml.tmpl", "README.md.tmpl", "src/__package__/plugin.py.tmpl"} <= names
    assert {"tests/test_plugin.py.tmpl", "src/__package__/py.typed"} <= names
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "plugin_template/**/*" in pyproject


def test_new_plugin_writes_a_distribution(tmp_path: pathlib.Path) -> None:
    result = CliRunner().invoke(main, ["new-plugin", "Think_Tanks", "-d", str(tmp_path)])
    assert result.exit_code == 0, result.output
    dist = tmp_path / "diplomacy-events-think-tanks"
    pyproject = (dist / "pyproject.toml").read_text(encoding="utf-8")
    assert 'think-tanks = "diplomacy_events_think_tanks.plugin"' in pyproject
    assert (dist / "src/diplomacy_events_think_tanks/py.typed").exists()
    assert (dist / "tests/test_plugin.py").exists() and (dist / "README.md").exists()
    leftovers = [p for p in dist.rglob("*") if p.is_file() and ("{{" in p.read_text(encoding="utf-8"))]
    assert leftovers == []
    again = CliRunner().invoke(main, ["new-plugin", "think-tanks", "-d", str(tmp_path)])
    assert again.exit_code != 0 and "not empty" in again.output
    bad = CliRunner().invoke(main, ["new-plugin", "9 lives!", "-d", str(tmp_path)])
    assert bad.exit_code == 2 and "NAME" in bad.output


@pytest.mark.skipif(not _can_build_wheels(), reason="setuptools>=70.1 (or wheel) is needed to build offline")
def test_generated_plugin_installs_and_is_listed(tmp_path: pathlib.Path) -> None:
    result = CliRunner().invoke(main, ["new-plugin", "tmpl-check", "-d", str(tmp_path)])
    assert result.exit_code == 0, result.output
    dist = tmp_path / "diplomacy-events-tmpl-check"
    target = tmp_path / "site"
    pip = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--target",
            str(target),
            str(dist),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert pip.returncode == 0, pip.stderr[-3000:]
    assert list(target.glob("diplomacy_events_tmpl_check-0.1.0.dist-info"))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(target), os.environ.get("PYTHONPATH", "")])}
    env.pop("DIPLOMACY_EVENTS_DISABLE_PLUGINS", None)
    listing = subprocess.run(
        [sys.executable, "-c", "from diplomacy_events.cli import main; main()", "plugins", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert listing.returncode == 0, listing.stderr[-3000:]
    rows = {row["name"]: row for row in json.loads(listing.stdout)}
    assert rows["tmpl-check"]["distribution"] == "diplomacy-events-tmpl-check"
    assert rows["tmpl-check"]["version"] == "0.1.0" and rows["tmpl-check"]["builtin"] is False
    assert {"extract_actors", "register_event_triggers", "register_titles"} <= set(
        rows["tmpl-check"]["hooks"]
    )
    # The generated tests pass against the installed plugin, the entry-point test included.
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs", str(dist / "tests")],
        capture_output=True,
        text=True,
        env=env,
        cwd=dist,
        timeout=300,
        check=False,
    )
    assert tests.returncode == 0, tests.stdout[-3000:]
    assert "5 passed" in tests.stdout, tests.stdout[-3000:]
