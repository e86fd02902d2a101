from __future__ import annotations

import datetime as dt
import json
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (SEEDS / "blinken-beijing-visit.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return json.loads((SEEDS / "blinken-beijing-visit.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def pipeline():
    from diplomacy_events import Pipeline

    return Pipeline(entry_points=False)


@pytest.fixture(scope="session")
def seed_extraction(pipeline, seed_text):
    return pipeline.extract(seed_text, dt.date(2023, 6, 14), id="blinken-beijing-visit")


# HYPOTHESIS_PROFILE=fuzz: property tests scale their example counts up 100x (see test_reliability.py)
def _register_hypothesis_profiles() -> None:
    import os

    from hypothesis import settings

    settings.register_profile("fuzz", max_examples=10_000, deadline=None)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


_register_hypothesis_profiles()
