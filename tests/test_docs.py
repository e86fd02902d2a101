"""The documentation's Python examples run, and the site builds with warnings as errors.

Every ```python block of ``docs/*.md`` is executed, page by page in order, in a temporary
directory holding a link to ``seeds/``; blocks of one page share a namespace and run as
``__main__``. An HTML comment on the line before a block changes how it is run:

- ``<!-- docs-test: save NAME.py -->`` also writes the block to ``NAME.py`` so that later
  blocks can import it;
- ``<!-- docs-test: needs MODULE -->`` skips the block when ``MODULE`` is not installed;
- ``<!-- docs-test: skip -->`` never runs it.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import pathlib
import re
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted(p.name for p in DOCS.glob("*.md"))
BLOCK = re.compile(
    r"(?:^<!--\s*docs-test:\s*(?P<directive>[^>]*?)\s*-->[ \t]*\n)?"
    r"^```(?:python|py)[ \t]*\n(?P<code>.*?)^```",
    re.MULTILINE | re.DOTALL,
)


def _blocks(page: str) -> list[tuple[str, str]]:
    text = (DOCS / page).read_text(encoding="utf-8")
    return [(m.group("directive") or "", m.group("code")) for m in BLOCK.finditer(text)]


@pytest.mark.parametrize("page", [p for p in PAGES if _blocks(p)])
def test_python_blocks_run(page: str, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "seeds").symlink_to(ROOT / "seeds", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delenv("DIPLOMACY_EVENTS_DISABLE_PLUGINS", raising=False)
    saved: list[str] = []
    namespace: dict[str, object] = {"__name__": "__main__"}
    try:
        for number, (directive, code) in enumerate(_blocks(page)):
            where = f"docs/{page}, python block {number}"
            verb, _, argument = directive.partition(" ")
            if verb == "skip":
                continue
            if verb == "needs" and importlib.util.find_spec(argument.strip()) is None:
                continue
            if verb == "save":
                (tmp_path / argument.strip()).write_text(code, encoding="utf-8")
                saved.append(pathlib.Path(argument.strip()).stem)
            elif verb not in ("", "needs"):
                pytest.fail(f"{where}: unknown directive {directive!r}")
            with contextlib.redirect_stdout(io.StringIO()):
                try:
                    exec(compile(code, where, "exec"), namespace)
                except Exception as exc:
                    raise AssertionError(f"{where} raised {type(exc).__name__}: {exc}\n{code}") from exc
    finally:
        for name in saved:
            sys.modules.pop(name, None)


def test_tutorial_shows_the_generated_plugin(tmp_path: pathlib.Path) -> None:
    from diplomacy_events.cli import render_plugin

    target, _ = render_plugin("think-tanks", tmp_path)
    generated = (target / "src" / "diplomacy_events_think_tanks" / "plugin.py").read_text(encoding="utf-8")
    shown = dict((d, c) for d, c in _blocks("plugin-tutorial.md"))["save plugin.py"]
    assert shown == generated, "docs/plugin-tutorial.md is out of date with the plugin template"


def test_every_page_is_in_the_nav_and_the_readme_links_the_docs() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in PAGES:
        assert f" {page}" in config, f"docs/{page} is not in the mkdocs.yml nav"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/index.md" in readme and "mkdocs" in readme
    assert (DOCS / "img" / "seed-article.png").read_bytes()[:4] == b"\x89PNG"


@pytest.mark.skipif(
    importlib.util.find_spec("mkdocs") is None or importlib.util.find_spec("mkdocstrings") is None,
    reason='the docs tools are not installed: pip install -e ".[docs]"',
)
def test_docs_build_strict(tmp_path: pathlib.Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    api = (tmp_path / "site" / "api" / "index.html").read_text(encoding="utf-8")
    assert "to_records" in api and "Pipeline" in api
