"""Helpers shared by the benchmark scripts: dev articles, statistics, tables and JSON output."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = Path(__file__).resolve().parent


def dev_dir() -> Path | None:
    """The shared dev articles: ``$DIPLOMACY_EVENTS_DEV``, ``../shared/bench/dev`` or ``/work/shared``."""
    candidates = [
        os.environ.get("DIPLOMACY_EVENTS_DEV", ""),
        str(ROOT.parent / "shared" / "bench" / "dev"),
        "/work/shared/bench/dev",
    ]
    for c in candidates:
        if c and Path(c).is_dir() and any(Path(c).glob("*.txt")):
            return Path(c)
    return None


def load_dev(directory: Path | None, limit: int | None = None) -> list[tuple[str, dt.date | None]]:
    """The dev articles (text, published date from the matching ``.gold.json``), sorted by name."""
    if directory is None:
        return []
    out: list[tuple[str, dt.date | None]] = []
    for path in sorted(directory.glob("*.txt"))[:limit]:
        gold = path.with_suffix(".gold.json")
        published: dt.date | None = None
        if gold.exists():
            value = json.loads(gold.read_text(encoding="utf-8")).get("published")
            if value:
                published = dt.date.fromisoformat(str(value)[:10])
        out.append((path.read_text(encoding="utf-8"), published))
    return out


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q`` quantile (0..1) by linear interpolation; NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q
    lo = int(pos)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def fmt(value: Any, digits: int = 3) -> str:
    """A number with ``digits`` significant figures (thousands separated), or the value as text."""
    if isinstance(value, float):
        if value != value:  # NaN
            return "n/a"
        if abs(value) >= 10 ** (digits - 1):
            return f"{value:,.0f}"
        return f"{value:.{digits}g}"
    if isinstance(value, int):
        return f"{value:,}"
    return "n/a" if value is None else str(value)


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A Markdown table; floats get three significant figures."""
    cells = [[fmt(v) for v in row] for row in rows]
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in cells]
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    return {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
    }


def save_json(path: str | None, name: str, figures: dict[str, Any]) -> None:
    """Write ``figures`` with the machine description to ``path`` (nothing when no path)."""
    if not path:
        return
    payload = {"benchmark": name, "machine": machine(), **figures}
    Path(path).write_text(json.dumps(payload, indent=2, default=str) + "\n", encoding="utf-8")


def arguments(doc: str | None, quick_help: str = "tiny sizes, for CI smoke runs") -> argparse.ArgumentParser:
    """A script's argument parser with the options every benchmark has: ``--quick`` and ``--json``."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help=quick_help)
    parser.add_argument("--json", metavar="OUT", help="write the figures to this JSON file")
    return parser
