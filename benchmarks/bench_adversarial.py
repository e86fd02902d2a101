"""Adversarial inputs: the whole pipeline must stay linear in the input size on each of them.

Run from the project root::

    .venv/bin/python benchmarks/bench_adversarial.py [--quick] [--json OUT] [--timeout S]

Each input family (repeated capitalised words, quotation marks of every kind, long digit runs,
"May May May ...", text without spaces, only newlines, unbalanced quotes, very long tokens and a
few more) is extracted at 10 kB, 100 kB and 1 MB by one ``Pipeline(max_chars=2_000_000)``. A family
runs in a forked child process, so one that backtracks catastrophically is killed at the time
limit instead of hanging the run. The table gives seconds per size and the growth of the time per
10x of input (linear is about 10x, quadratic 100x). The exit status is 1 when a family grows
worse than ``--max-growth`` (30x) per 10x, takes longer than ``--timeout`` (60 s) at one size,
or makes the pipeline raise; 0 otherwise.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import multiprocessing
import sys
import time
from collections.abc import Callable
from typing import Any

from benchlib import arguments, fmt, save_json, table
from corpus import make_corpus

import diplomacy_events

PUBLISHED = dt.date(2024, 3, 6)
QUOTES = "\"'“”‘’„‟‚‛«»‹›「」『』〝〞＂＇`´"


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def _caps(n: int) -> str:
    words = (
        "President Prime Minister Foreign Secretary General United Nations Security Council Paris "
        "France Geneva Mr Ana Lopez Kenji Sato New York Alpha Bravo Charlie Delta Echo "
    )
    return _repeat(words, n)


def _quotes(n: int) -> str:
    # every mark glued, then spaced, then wrapped round a word: openers and closers in every order
    unit = QUOTES + " " + " ".join(QUOTES) + " " + " ".join(f"{q}a{q}" for q in QUOTES) + " "
    return _repeat(unit, n)


def _numbers(n: int) -> str:
    return _repeat("12 2024 1,000,000 3.5 05/06/2023 2023-05-06 1999–2001 10:30 4th 19 May 2020, ", n)


def _unbalanced(n: int) -> str:
    unit = '“Foreign Minister Ana Lopez said the talks in Geneva were "not over, and «we will ‘keep '
    return _repeat(unit, n)


def _long_tokens(n: int) -> str:
    size = max(16, min(100_000, n // 5))
    tokens = [
        "A" + "b" * (size - 1),
        "x-" * (size // 2),
        "https://example.org/" + "path/" * (size // 5),
        "Paris" * (size // 5),
        "’" * size,
    ]
    return _repeat(" ".join(tokens) + " ", n)


def _no_spaces(n: int) -> str:
    text = "".join("".join(t.split()) for t, _ in make_corpus(3, seed=11))
    return _repeat(text, n)


def _sentence(n: int) -> str:
    unit = (
        "President Ana Lopez of France met Prime Minister Kenji Sato of Japan in Geneva on Monday, "
        'and Lopez said: "We agreed to meet again next week." '
    )
    return _repeat(unit, n)


FAMILIES: dict[str, Callable[[int], str]] = {
    "capitalised words": _caps,
    "one capitalised word": lambda n: _repeat("Minister ", n),
    "quotation marks, every kind": _quotes,
    "one digit run": lambda n: _repeat("0123456789", n),
    "numbers and dates": _numbers,
    '"May May May ..."': lambda n: _repeat("May ", n),
    "no spaces": _no_spaces,
    "only newlines": lambda n: "\n" * n,
    "unbalanced quotes": _unbalanced,
    "very long tokens": _long_tokens,
    "one sentence repeated": _sentence,
}


def _stage_seconds(text: str, result: Any) -> dict[str, float]:
    from bench_pipeline import stage_calls

    from diplomacy_events.text import analyze

    out = {}
    for name, call in stage_calls(text, PUBLISHED, analyze(text), result).items():
        start = time.perf_counter()
        call()
        out[name] = time.perf_counter() - start
    return out


def _child(
    pipeline: Any, make: Callable[[int], str], sizes: list[int], budget: float, stages: bool, conn: Any
) -> None:
    """Extract each size (best of a few runs while under ``budget`` s), send one message per size."""
    for size in sizes:
        text = make(size)
        best = math.inf
        records = 0
        spent = 0.0
        runs = 0
        try:
            while runs == 0 or (spent + best < budget and runs < 5):
                start = time.perf_counter()
                result = pipeline.extract(text, PUBLISHED)
                took = time.perf_counter() - start
                spent += took
                best = min(best, took)
                runs += 1
            records = sum(
                len(getattr(result, f)) for f in ("actors", "locations", "dates", "statements", "events")
            )
            split = _stage_seconds(text, result) if stages else None
        except Exception as exc:
            conn.send((size, None, 0, f"{type(exc).__name__}: {exc}"[:200], None))
            return
        conn.send((size, best, records, None, split))
    conn.close()


def run_family(
    pipeline: Any,
    name: str,
    sizes: list[int],
    *,
    timeout: float,
    budget: float,
    max_growth: float,
    floor_s: float,
    stages: bool = False,
) -> list[dict[str, Any]]:
    """The rows of one family: seconds, records and any error per size.

    A size may take what the growth limit allows from the size before it (never more than
    ``timeout``): past that the child is killed, since the family has failed either way, and a
    family whose growth already failed is not run at larger sizes. That bounds a failing run.
    """
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(
        target=_child, args=(pipeline, FAMILIES[name], sizes, budget, stages, child), daemon=True
    )
    proc.start()
    child.close()
    rows: list[dict[str, Any]] = []
    limit = timeout
    for i, size in enumerate(sizes):
        # one run, the repeats' budget, the stages timed alone, and slack for a busy machine
        wait = limit * (2 if stages else 1) + budget + 2.0
        if not parent.poll(wait):
            if proc.is_alive():
                why = "the time limit" if limit >= timeout else f"{fmt(max_growth)}x growth"
                problem = f"killed after {fmt(wait)} s (over {why})"
            else:
                problem = f"child died (exit {proc.exitcode})"
            rows.append({"size": size, "seconds": None, "records": 0, "error": problem})
            break
        try:
            got_size, seconds, records, error, split = parent.recv()
        except EOFError:
            rows.append({"size": size, "seconds": None, "records": 0, "error": "child died"})
            break
        row = {"size": got_size, "seconds": seconds, "records": records, "error": error}
        if split is not None:
            row["stages"] = split
        rows.append(row)
        if error or seconds > timeout:
            break
        steps = growth(rows[-2:])
        if steps and seconds >= floor_s and steps[0] > max_growth:
            break  # failed already: a larger size would only take longer
        if i + 1 < len(sizes):
            allowed = seconds * max_growth ** math.log10(sizes[i + 1] / size)
            limit = min(timeout, max(allowed, floor_s))
    if proc.is_alive():
        proc.kill()
    proc.join()
    parent.close()
    return rows


def growth(rows: list[dict[str, Any]]) -> list[float]:
    """Time growth per 10x of input between consecutive sizes."""
    out = []
    for a, b in itertools.pairwise(rows):
        if a["seconds"] and b["seconds"]:
            out.append((b["seconds"] / a["seconds"]) ** (1 / math.log10(b["size"] / a["size"])))
    return out


def _size_label(size: int) -> str:
    return f"{size // 1_000_000} MB" if size >= 1_000_000 else f"{size // 1_000} kB"


def main(argv: list[str] | None = None) -> int:
    parser = arguments(__doc__, "1 kB and 10 kB only, for CI smoke runs")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds allowed per size (60)")
    parser.add_argument("--max-growth", type=float, default=30.0, help="allowed growth per 10x (30)")
    parser.add_argument("--family", action="append", choices=sorted(FAMILIES), help="only these families")
    parser.add_argument(
        "--stages", action="store_true", help="also time each built-in stage alone (once per size)"
    )
    args = parser.parse_args(argv)

    sizes = [1_000, 10_000] if args.quick else [10_000, 100_000, 1_000_000]
    budget = 0.05 if args.quick else 0.5
    # growth below this time is noise (fixed costs, timer resolution): not judged
    floor_s = 0.05

    pipeline = diplomacy_events.Pipeline(max_chars=2_000_000)
    text, published = make_corpus(1, seed=3)[0]
    # compile everything once, before forking (the stages alone use the default knowledge)
    _stage_seconds(text, pipeline.extract(text, published))

    failures: list[str] = []
    figures: dict[str, Any] = {
        "quick": args.quick,
        "sizes": sizes,
        "timeout_s": args.timeout,
        "max_growth": args.max_growth,
        "plugins": sorted(n for n, _ in pipeline.plugin_manager.list_name_plugin()),
        "families": {},
    }
    body = []
    started = time.perf_counter()
    for name in args.family or FAMILIES:
        rows = run_family(
            pipeline,
            name,
            sizes,
            timeout=args.timeout,
            budget=budget,
            max_growth=args.max_growth,
            floor_s=floor_s,
            stages=args.stages,
        )
        steps = growth(rows)
        judged = [g for g, row in zip(steps, rows[1:], strict=False) if row["seconds"] >= floor_s]
        worst = max(steps, default=float("nan"))
        status = "ok"
        for row in rows:
            if row["error"]:
                status = f"FAIL: {row['error']} at {_size_label(row['size'])}"
            elif row["seconds"] > args.timeout:
                status = f"FAIL: {fmt(row['seconds'])} s at {_size_label(row['size'])}"
        if status == "ok" and judged and max(judged) > args.max_growth:
            status = f"FAIL: grows {fmt(max(judged))}x per 10x"
        if status == "ok" and len(rows) < len(sizes):
            status = "FAIL: incomplete"
        if status != "ok":
            failures.append(f"{name}: {status}")
        seconds = {r["size"]: r["seconds"] for r in rows}
        last = rows[-1]
        figures["families"][name] = {"rows": rows, "growth_per_10x": steps, "status": status}
        body.append(
            [
                name,
                *[seconds.get(s) for s in sizes],
                " / ".join(f"{fmt(g)}x" for g in steps) or "n/a",
                worst,
                (last["seconds"] / last["size"] * 1e9) if last["seconds"] else None,
                last["records"],
                status,
            ]
        )
    total = time.perf_counter() - started
    headers = [
        "input family",
        *[f"{_size_label(s)} s" for s in sizes],
        "growth per 10x",
        "worst",
        "ns/char (largest)",
        "records (largest)",
        "status",
    ]
    print(
        f"## Adversarial inputs{' (quick)' if args.quick else ''}: whole pipeline, linear is ~10x per 10x\n"
    )
    print(table(headers, body))
    if args.stages:
        stage_rows = []
        for name, fam in figures["families"].items():
            for row in fam["rows"]:
                if "stages" in row:
                    ms = [v * 1000 for v in (row["seconds"], *row["stages"].values())]
                    stage_rows.append([name, _size_label(row["size"]), *ms])
        names = ("analyze", "dates", "actors", "locations", "statements", "events")
        print("\n### Each stage alone, milliseconds (one run)\n")
        print(table(["input family", "size", "pipeline", *names], stage_rows))
    print(
        f"\nLimits: growth <= {fmt(args.max_growth)}x per 10x (judged where the larger run takes >= "
        f"{fmt(floor_s)} s), <= {fmt(args.timeout)} s per size. Plugins: {', '.join(figures['plugins'])}. "
        f"Total {fmt(total)} s."
    )
    figures["total_s"] = total
    figures["failures"] = failures
    save_json(args.json, "adversarial", figures)
    if failures:
        print("\nFAILED:\n" + "\n".join(f"- {f}" for f in failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
