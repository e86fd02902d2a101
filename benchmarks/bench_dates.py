#!/usr/bin/env python3
"""The date stage against ``dateparser.search_dates``, and its growth with text length.

Per dev article (and per synthetic ~750-word article from ``benchmarks/corpus.py``): the median
milliseconds of ``find_dates(text, published, analysis)`` with the text analysis done beforehand
(what the pipeline gives the stage), and of ``dateparser.search_dates(text, languages=["en"],
settings={"RELATIVE_BASE": ...})`` in the same run, interleaved; then the date stage's time per
character at 1x, 10x and 100x the article length (articles concatenated).
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_pipeline import _dateparser
from benchlib import arguments, dev_dir, fmt, load_dev, median, save_json, table
from corpus import make_corpus

from diplomacy_events.extractors.dates import find_dates
from diplomacy_events.text import analyze


def _ms(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def compare(articles: list[tuple[str, dt.date | None]], rounds: int, peer_rounds: int) -> dict[str, float]:
    """Median ms per article of the date stage and of dateparser, and their ratio."""
    peer = _dateparser()
    prepared = [(text, pub, analyze(text)) for text, pub in articles]
    for text, pub, an in prepared:  # first use compiles the patterns
        find_dates(text, pub, an)
    ours = [
        median([_ms(lambda t=t, p=p, a=a: find_dates(t, p, a)) for _ in range(rounds)])
        for t, p, a in prepared
    ]
    out = {"date_stage_ms": median(ours)}
    if peer is not None:
        peer(prepared[0][0], prepared[0][1])
        theirs = [
            median([_ms(lambda t=t, p=p: peer(t, p)) for _ in range(peer_rounds)]) for t, p, _ in prepared
        ]
        out["dateparser_ms"] = median(theirs)
        out["ratio"] = out["dateparser_ms"] / out["date_stage_ms"]
    return out


def linearity(articles: list[tuple[str, dt.date | None]], scales: tuple[int, ...]) -> list[dict[str, float]]:
    """ns per character of the date stage on one article repeated ``scale`` times."""
    joined = articles[0][0]
    published = articles[0][1]
    rows = []
    for scale in scales:
        text = "\n".join([joined] * scale)
        an = analyze(text)
        find_dates(text, published, an)
        best = min(_ms(lambda t=text, a=an: find_dates(t, published, a)) for _ in range(3))
        rows.append({"scale": scale, "chars": len(text), "ms": best, "ns_per_char": best * 1e6 / len(text)})
    for row in rows:
        row["vs_1x"] = row["ns_per_char"] / rows[0]["ns_per_char"]
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = arguments(__doc__)
    parser.add_argument("--dev", metavar="DIR", help="dev articles (default: ../shared/bench/dev)")
    args = parser.parse_args(argv)
    rounds, peer_rounds = (3, 1) if args.quick else (101, 5)
    scales = (1, 3) if args.quick else (1, 10, 100)
    dev = load_dev(Path(args.dev) if args.dev else dev_dir(), limit=2 if args.quick else None)
    synth = list(make_corpus(2 if args.quick else 20))
    figures: dict[str, Any] = {}
    rows = []
    for name, articles in (("dev articles", dev), ("synthetic ~750-word articles", synth)):
        if not articles:
            continue
        got = compare(articles, rounds, peer_rounds)
        figures[name] = got
        rows.append(
            [name, fmt(got["date_stage_ms"]), fmt(got.get("dateparser_ms")), fmt(got.get("ratio"), 1)]
        )
    print("## Date stage vs dateparser.search_dates (median ms per article, same run)\n")
    print(table(["corpus", "date stage ms", "dateparser ms", "x faster"], rows))
    lin = linearity(synth or dev, scales)
    figures["linearity"] = lin
    print("\n### Date stage, time per character (one article repeated, best of 3)\n")
    print(
        table(
            ["length", "characters", "ms", "ns per character", "per char vs 1x"],
            [
                [f"{r['scale']}x", f"{r['chars']:,}", fmt(r["ms"]), fmt(r["ns_per_char"]), fmt(r["vs_1x"])]
                for r in lin
            ],
        )
    )
    save_json(args.json, "bench_dates", figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
