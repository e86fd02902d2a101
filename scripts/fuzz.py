"""Fuzz the whole pipeline with generated documents (hypothesis), in batches through ``Pipeline.pipe``.

Run from the project root::

    .venv/bin/python scripts/fuzz.py [--documents 100000] [--batch 25] [--workers 1] [--seed 0]

Each hypothesis example is a batch of news-like texts or arbitrary strings (the strategies of
``tests/strategies.py``) with publication dates; every document of it must come out with no
error and no warning, offsets that slice to their text, unique ids, references that resolve and
a JSON round trip (``tests/strategies.py: problems``). Failures are counted and the first ones
printed (no shrinking, so that the run goes on); the exit status is 1 when any document failed.
"""

from __future__ import annotations

import argparse
import pathlib
import sys
import time
from collections import Counter
from typing import Any

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "tests"))

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from strategies import any_text, news_text, plain_text, problems, published

from diplomacy_events import Pipeline


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--documents", type=int, default=100_000, help="documents to generate (100000)")
    parser.add_argument("--batch", type=int, default=25, help="documents per hypothesis example (25)")
    parser.add_argument("--workers", type=int, default=1, help="worker processes for Pipeline.pipe (1)")
    parser.add_argument("--seed", type=int, default=0, help="hypothesis seed (0)")
    parser.add_argument("--show", type=int, default=10, help="failures to print in full (10)")
    args = parser.parse_args(argv)

    pipeline = Pipeline(entry_points=False)
    counts: Counter[str] = Counter()
    failures: list[tuple[str, Any, list[str]]] = []
    doc = st.tuples(st.one_of(news_text, news_text, plain_text, any_text), published)
    examples = -(-args.documents // args.batch)
    started = time.perf_counter()

    @seed(args.seed)
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(st.lists(doc, min_size=args.batch, max_size=args.batch))
    def run(batch: list[tuple[str, Any]]) -> None:
        items = [(text, pub, f"f{counts['documents'] + i}") for i, (text, pub) in enumerate(batch)]
        for (text, pub, _), result in zip(
            items, pipeline.pipe(items, workers=args.workers, batch_size=args.batch), strict=True
        ):
            counts["documents"] += 1
            counts["characters"] += len(text)
            for field in ("actors", "locations", "dates", "statements", "events"):
                counts[field] += len(getattr(result, field))
            found = problems(text, result)
            if found:
                counts["failures"] += 1
                failures.append((text, pub, found))
        if counts["documents"] % 10_000 < args.batch:
            seconds = time.perf_counter() - started
            print(
                f"  {counts['documents']:,} documents, {counts['failures']} failures, {seconds:.0f} s",
                flush=True,
            )

    run()
    seconds = time.perf_counter() - started
    print(
        f"{counts['documents']:,} documents ({counts['characters']:,} characters), "
        f"{counts['failures']} failures, {seconds:.1f} seconds "
        f"({1000 * seconds / max(1, counts['documents']):.2f} ms per document)"
    )
    print(
        "records: "
        + ", ".join(f"{counts[f]:,} {f}" for f in ("actors", "locations", "dates", "statements", "events"))
    )
    for text, pub, found in failures[: args.show]:
        print(f"FAILED published={pub!r} text={text[:300]!r}{'...' if len(text) > 300 else ''}")
        for line in found[:5]:
            print(f"    {line[:300]}")
    return 1 if counts["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
