"""Whole-process figures: cold start, peak memory, and throughput with one and two workers.

Run from the project root::

    .venv/bin/python benchmarks/bench_process.py [--quick] [--json OUT]

Cold start is a fresh ``python -c`` that imports ``diplomacy_events`` and extracts one article
with :func:`diplomacy_events.extract` (which builds the default pipeline, plugins included),
timed from outside as a whole process, several runs, median, after one untimed run that writes
the bytecode cache (as ``pip install`` does); the bare interpreter's start is shown beside it.
Peak RSS is ``resource.getrusage(RUSAGE_SELF).ru_maxrss`` in the child, after one article and
after a batch. Throughput is ``Pipeline.pipe(docs, workers=1)`` against
``workers=2`` on ~2,000 synthetic articles, including the start of the worker processes.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from typing import Any

from benchlib import BENCH_DIR, arguments, dev_dir, fmt, load_dev, median, save_json, table
from corpus import make_corpus

import diplomacy_events

COLD = """
import json, resource, sys, time
t0 = time.perf_counter()
import diplomacy_events
t1 = time.perf_counter()
text = open(sys.argv[1], encoding="utf-8").read()
r = diplomacy_events.extract(text, sys.argv[2] or None)
t2 = time.perf_counter()
print(json.dumps({
    "import_s": t1 - t0, "first_extract_s": t2 - t1,
    "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    "records": len(r.actors) + len(r.locations) + len(r.dates) + len(r.events),
}))
"""

BATCH = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from corpus import make_corpus
import diplomacy_events
docs = make_corpus(int(sys.argv[2]), seed=5)
t0 = time.perf_counter()
results = list(diplomacy_events.Pipeline().pipe(docs, workers=1))
t1 = time.perf_counter()
print(json.dumps({
    "seconds": t1 - t0, "documents": len(results), "errors": sum(1 for r in results if r.error),
    "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
}))
"""


def _child_env() -> dict[str, str]:
    # An installed package has its bytecode cached (pip compiles it at install time); a
    # PYTHONDONTWRITEBYTECODE set in the caller's shell would time the compiler instead.
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _child(code: str, *args: str) -> tuple[float, dict[str, Any]]:
    """Run ``python -c code args``; its wall time and the JSON it printed last."""
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
        env=_child_env(),
    )
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"child failed ({proc.returncode}): {proc.stderr.strip()[-2000:]}")
    lines = proc.stdout.strip().splitlines()
    return wall, (json.loads(lines[-1]) if lines else {})


def cold_start(runs: int, article: tuple[str, Any]) -> dict[str, Any]:
    text, published = article
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as fh:
        fh.write(text)
        path = fh.name
    try:
        bare = [_child("pass")[0] for _ in range(runs)]
        _child(COLD, path, str(published or ""))  # not timed: writes the bytecode cache, as an install does
        walls, imports, firsts, rss = [], [], [], []
        for _ in range(runs):
            wall, got = _child(COLD, path, str(published or ""))
            walls.append(wall)
            imports.append(got["import_s"])
            firsts.append(got["first_extract_s"])
            rss.append(got["maxrss_kb"] / 1024)
    finally:
        os.unlink(path)
    return {
        "runs": runs,
        "article_chars": len(text),
        "bare_python_s": median(bare),
        "cold_start_s": median(walls),
        "cold_start_min_s": min(walls),
        "cold_start_max_s": max(walls),
        "import_s": median(imports),
        "first_extract_s": median(firsts),
        "peak_rss_mb": max(rss),
    }


def batch_memory(n: int) -> dict[str, Any]:
    _wall, got = _child(BATCH, str(BENCH_DIR), str(n))
    return {"documents": got["documents"], "errors": got["errors"], "peak_rss_mb": got["maxrss_kb"] / 1024}


def _cpu_seconds() -> float:
    """CPU time of this process and its waited-for children (the pool's workers, once joined)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def throughput(n: int, batch_size: int, budget_s: float) -> list[dict[str, Any]]:
    """Documents per second with one and two workers; fewer than ``n`` documents when one worker
    would need more than ``budget_s`` seconds for them (the run must stay short)."""
    pipeline = diplomacy_events.Pipeline(entry_points=False)
    probe = make_corpus(min(20, n), seed=4)
    list(pipeline.pipe(probe, workers=1))  # warm-up: compile lexicons and patterns once
    start = time.perf_counter()
    list(pipeline.pipe(probe, workers=1))
    per_doc = (time.perf_counter() - start) / len(probe)
    docs = make_corpus(max(4, min(n, int(budget_s / per_doc))), seed=5)
    rows = []
    for workers in (1, 2):
        cpu = _cpu_seconds()
        start = time.perf_counter()
        results = list(pipeline.pipe(docs, workers=workers, batch_size=batch_size))
        seconds = time.perf_counter() - start
        rows.append(
            {
                "workers": workers,
                "documents": len(results),
                "errors": sum(1 for r in results if r.error),
                "seconds": seconds,
                "docs_per_s": len(results) / seconds,
                # about `workers` when the machine's cores were free for this run
                "cpus_used": (_cpu_seconds() - cpu) / seconds,
            }
        )
    for row in rows:
        row["vs_1_worker"] = row["docs_per_s"] / rows[0]["docs_per_s"]
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = arguments(__doc__)
    parser.add_argument("--runs", type=int, help="cold-start runs (default 7, quick 1)")
    parser.add_argument("--docs", type=int, help="documents for the throughput run (default 2000, quick 24)")
    parser.add_argument("--batch-size", type=int, default=32, help="Pipeline.pipe batch size (32)")
    parser.add_argument(
        "--budget", type=float, default=60.0, help="seconds allowed for the one-worker run (60)"
    )
    args = parser.parse_args(argv)

    runs = args.runs or (1 if args.quick else 7)
    n_docs = args.docs or (24 if args.quick else 2000)
    dev = load_dev(dev_dir(), limit=1)
    article = dev[0] if dev else make_corpus(1, seed=9)[0]

    cold = cold_start(runs, article)
    memory = batch_memory(4 if args.quick else 200)
    rows = throughput(n_docs, args.batch_size, args.budget)

    print(f"## Process benchmark{' (quick)' if args.quick else ''}: {os.cpu_count()} CPUs\n")
    print(
        table(
            ["what", "figure", "target"],
            [
                ["bare `python -c pass`, median s", cold["bare_python_s"], ""],
                [
                    f"cold start: import + first extraction ({cold['article_chars']:,} chars), median s",
                    cold["cold_start_s"],
                    "< 0.5",
                ],
                ["  of which import diplomacy_events, s (in the child)", cold["import_s"], ""],
                ["  of which first extract (builds the pipeline), s", cold["first_extract_s"], ""],
                ["cold start less bare interpreter, s", cold["cold_start_s"] - cold["bare_python_s"], ""],
                ["peak RSS after one article, MB", cold["peak_rss_mb"], "< 150"],
                [f"peak RSS after {memory['documents']} articles (workers=1), MB", memory["peak_rss_mb"], ""],
            ],
        )
    )
    spread = f"min {fmt(cold['cold_start_min_s'])} s, max {fmt(cold['cold_start_max_s'])} s"
    print(f"\nCold start over {runs} runs: {spread}.\n")
    print(
        table(
            ["workers", "documents", "errors", "seconds", "documents/s", "vs 1 worker", "CPUs used"],
            [
                [
                    r["workers"],
                    r["documents"],
                    r["errors"],
                    r["seconds"],
                    r["docs_per_s"],
                    r["vs_1_worker"],
                    r["cpus_used"],
                ]
                for r in rows
            ],
        )
    )
    print(
        "\nTarget: 2 workers >= 1.7x one worker on 2 cores. `CPUs used` below the worker count means "
        "other processes had the cores (or the workers waited)."
    )
    if rows[0]["documents"] < n_docs:
        print(
            f"Documents capped at {rows[0]['documents']:,} (of {n_docs:,}) "
            f"to keep one worker <= {fmt(args.budget)} s."
        )
    save_json(
        args.json,
        "process",
        {"quick": args.quick, "cold_start": cold, "batch_memory": memory, "throughput": rows},
    )
    problems = [r for r in rows if r["errors"] or r["documents"] != rows[0]["documents"]]
    if problems or memory["errors"]:
        print("\nFAILED: documents were lost or failed")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
