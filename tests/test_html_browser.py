"""The HTML view, opened in a real browser: headless Chromium parses it and shows the highlights.

``.ci/run`` installs Debian's ``chromium`` when it is missing; without it these tests skip.
"""

from __future__ import annotations

import pathlib
import re
import shutil
import subprocess
import tempfile

import pytest

from diplomacy_events import Pipeline

CHROMIUM = shutil.which("chromium") or (
    "/usr/bin/chromium" if pathlib.Path("/usr/bin/chromium").exists() else None
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install chromium; .ci/run does it)"
)

# Made-up article with markup and attribute-breaking quotes that must stay text.
TEXT = (
    "Foreign Minister Jane Doe of France will visit Madrid on Monday, the ministry said.\n"
    '<script>document.title="pwned"</script> "We hope for progress," Doe told reporters '
    'in Paris on Friday. <img src=x onerror="document.body.remove()"> It\'s "done" & dusted.\''
)


def _chromium(*args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                *args,
            ],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    pipeline = Pipeline(entry_points=False)
    first = pipeline.extract(TEXT, "2024-03-06", id='hostile "<doc>"')
    second = pipeline.extract(
        "Japan's prime minister met Chinese officials in Osaka on Friday.", "2024-03-06"
    )
    path = tmp_path_factory.mktemp("html") / "view.html"
    from diplomacy_events.formats import render_html

    path.write_text(render_html([(first, TEXT), (second, None)]), encoding="utf-8")
    return path


def test_chromium_renders_the_highlights(page: pathlib.Path) -> None:
    proc = _chromium("--dump-dom", page.as_uri())
    assert proc.returncode == 0, proc.stderr[-2000:]
    dom = proc.stdout
    for kind in ("actor", "place", "date"):
        assert re.search(rf'<mark class="{kind}[ "]', dom), f"no {kind} highlight in the rendered DOM"
    assert '<span class="quote"' in dom and '<span class="trigger' in dom and 'class="legend"' in dom
    assert "Timeline" in dom and 'href="#doc0-sentence-' in dom
    # The article's markup stayed text: no script ran, no element was injected.
    assert "<script" not in dom and "<img" not in dom and "pwned" not in dom.split("<body>")[0]
    assert "&lt;script&gt;" in dom and "&lt;img src=x" in dom
    assert "<title>diplomacy_events</title>" in dom


def test_chromium_screenshot(page: pathlib.Path, tmp_path: pathlib.Path) -> None:
    shot = tmp_path / "view.png"
    proc = _chromium("--window-size=1000,800", f"--screenshot={shot}", page.as_uri())
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
