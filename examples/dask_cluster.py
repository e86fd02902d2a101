"""Extract a directory of JSONL files on a Dask cluster and write the events as CSV or Parquet.

Run from the project root (needs ``pip install "diplomacy-events[dask]"``)::

    python examples/dask_cluster.py [JSONL_DIR] [--scheduler tcp://HOST:8786] [-o events.csv|events.parquet]

Each line of the ``.jsonl`` files is one ``{"id", "text", "published"}`` document. Without a
directory, one is made from the seed article; without ``--scheduler``, a local cluster of two
worker processes is started. Every worker needs ``diplomacy-events`` installed (and the
plugins the pipeline uses); the files must be readable from the workers (a shared disk, or an
``s3://`` or other fsspec URL given instead of a directory). A Parquet output is a directory of
one file per input file; a CSV output is one file. Documents that fail are listed, not dropped.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import tempfile
import time

ARTICLE = pathlib.Path(__file__).resolve().parent.parent / "seeds" / "blinken-beijing-visit.txt"


def sample_directory() -> pathlib.Path:
    """A directory with one JSONL file: the seed article and a line that is not JSON."""
    folder = pathlib.Path(tempfile.mkdtemp()) / "articles"
    folder.mkdir()
    doc = {
        "id": "blinken-beijing-visit",
        "text": ARTICLE.read_text(encoding="utf-8"),
        "published": "2023-06-14",
    }
    (folder / "wire.jsonl").write_text(json.dumps(doc) + "\n{truncated line\n", encoding="utf-8")
    return folder


def run(source: str, out: pathlib.Path) -> None:
    import dask

    from diplomacy_events.dask import events_frame, extract_bag, read_jsonl

    started = time.perf_counter()
    results = extract_bag(read_jsonl(source))
    events = events_frame(results)
    if out.suffix == ".parquet":
        # optimize_graph=False keeps the bag's task names, so that the extraction runs once for both outputs
        write = events.to_parquet(str(out), compute=False, write_index=False).to_delayed(optimize_graph=False)
    else:
        write = events.to_csv(str(out), single_file=True, index=False, compute=False)
    failures = results.filter(lambda r: bool(r.get("error"))).map(lambda r: r["error"])
    types = results.map(lambda r: [e["type"] for e in r["events"]]).flatten().frequencies(sort=True)
    # One compute call: the files, the failures and the counts share the extraction tasks.
    _, documents, failed, counts = dask.compute(write, results.count(), failures, types)
    seconds = time.perf_counter() - started
    print(
        f"{documents} documents, {len(failed)} failed, {sum(n for _, n in counts)} events in {seconds:.1f} s"
    )
    print(f"events written to {out}")
    for event_type, count in counts:
        print(f"  {event_type:12} {count}")
    for error in failed:
        print(f"  failed: {error}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source", nargs="?", help="directory, file, glob or URL of JSONL files")
    parser.add_argument("--scheduler", help="address of a running scheduler (default: a local cluster)")
    parser.add_argument("-o", "--out", type=pathlib.Path, help="events.csv or events.parquet")
    args = parser.parse_args()
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        print('This example needs Dask: pip install "diplomacy-events[dask]"')
        return
    source = args.source or str(sample_directory())
    out = args.out or pathlib.Path(tempfile.mkdtemp()) / "events.csv"
    if args.scheduler:
        with Client(args.scheduler):
            run(source, out)
        return
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster),
    ):
        print(f"local cluster: {len(cluster.workers)} worker processes")
        run(source, out)


if __name__ == "__main__":
    main()
