"""Make the plugin importable from a source checkout even when it is not installed.

Tests of the entry point skip themselves in that case: only installing registers it.
"""

from __future__ import annotations

import importlib.util
import pathlib
import sys

if importlib.util.find_spec("diplomacy_events_forums") is None:
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "src"))
