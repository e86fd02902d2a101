"""The benchmark scripts run end to end in --quick mode (tiny sizes, no timing assertions)."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _load(name: str) -> ModuleType:
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    return importlib.import_module(name)


def test_corpus_is_deterministic_and_article_sized() -> None:
    corpus = _load("corpus")
    first = corpus.make_corpus(3, seed=1)
    assert first == corpus.make_corpus(3, seed=1)
    for text, published in first:
        assert 650 <= len(text.split()) <= 900
        assert published.year >= 2015


def test_bench_pipeline_quick(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "pipeline.json"
    assert _load("bench_pipeline").main(["--quick", "--synthetic", "2", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "whole pipeline" in printed and "| --- |" in printed
    figures = json.loads(out.read_text())
    synthetic = figures["corpora"]["synthetic ~750-word articles"]
    assert synthetic["articles"] == 2
    assert {"pipeline", "analyze", "dates", "actors", "locations", "statements", "events"} <= set(
        synthetic["rows"]
    )
    assert [row["scale"] for row in synthetic["linearity"]] == [1, 3]


def test_bench_process_quick(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "process.json"
    assert _load("bench_process").main(["--quick", "--docs", "6", "--json", str(out)]) == 0
    assert "cold start" in capsys.readouterr().out
    figures = json.loads(out.read_text())
    assert figures["cold_start"]["peak_rss_mb"] > 0
    assert [(r["workers"], r["documents"], r["errors"]) for r in figures["throughput"]] == [
        (1, 6, 0),
        (2, 6, 0),
    ]


def test_bench_adversarial_quick(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    module = _load("bench_adversarial")
    out = tmp_path / "adversarial.json"
    # the exit status judges growth, which is timing: only check that every family ran
    assert module.main(["--quick", "--timeout", "30", "--json", str(out)]) in (0, 1)
    assert "input family" in capsys.readouterr().out
    figures = json.loads(out.read_text())
    assert set(figures["families"]) == set(module.FAMILIES)
    for family in figures["families"].values():
        # a run killed for its time is a timing verdict (judged by the full run), not a crash
        assert family["rows"][0]["size"] == 1_000
        for row in family["rows"]:
            assert row["error"] is None or row["error"].startswith("killed"), row


def test_bench_dates_quick(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "dates.json"
    assert _load("bench_dates").main(["--quick", "--json", str(out)]) == 0
    assert "dateparser" in capsys.readouterr().out
    figures = json.loads(out.read_text())
    assert [row["scale"] for row in figures["linearity"]] == [1, 3]
