"""diplomacy_events.dask on a two-process local cluster: order, errors kept, same output as ``pipe``."""

from __future__ import annotations

import gzip
import importlib.util
import json
import pathlib
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from diplomacy_events import Document, Pipeline
from diplomacy_events.formats import EVENT_COLUMNS, to_records

ARTICLES: list[Any] = [
    ("Foreign Minister Lena Vasquez of Spain will visit Rabat on Thursday.", "2024-09-02", "visit"),
    {
        "id": "talks",
        "text": "Negotiators from Qatar and Egypt met in Cairo on Monday.",
        "published": "2024-05-06",
    },
    "Talks resumed in Geneva on Tuesday after a pause of two weeks.",
    {"id": "bad-date", "text": "Officials met in Oslo.", "published": "next week"},
    Document(text="The French president spoke with the prime minister of India on Friday.", id="call"),
    {"text": 42},
    ("Japan and Australia signed a defence agreement in Tokyo on 3 March.", "2024-03-05"),
    {"id": "empty", "text": "", "published": "2024-01-01"},
    ('Kenya\'s foreign minister said: "We welcome the ceasefire."', "2024-07-01", "quote"),
]

needs_dask = pytest.mark.skipif(
    any(importlib.util.find_spec(m) is None for m in ("dask", "distributed", "pandas")),
    reason='needs the dask extra: pip install "diplomacy-events[dask]"',
)


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    distributed = pytest.importorskip("distributed", reason='needs pip install "diplomacy-events[dask]"')
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            # without a dashboard the scheduler still serves /health on 8787: any free port will do
            scheduler_kwargs={"dashboard_address": ":0"},
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def expected() -> list[dict[str, Any]]:
    return [x.to_dict() for x in Pipeline().pipe(ARTICLES)]


def _pipelines_built() -> int:
    """How many pipelines this worker process holds (run on each worker)."""
    import diplomacy_events.dask

    return len(diplomacy_events.dask._pipelines)


@needs_dask
def test_bag_keeps_order_and_errors_and_equals_pipe(client: Any, expected: list[dict[str, Any]]) -> None:
    import dask.bag as db

    from diplomacy_events.dask import extract_bag

    results = extract_bag(db.from_sequence(ARTICLES, npartitions=3)).compute()
    assert len(results) == len(ARTICLES)
    errors = {r["id"]: r["error"] for r in results if r.get("error")}
    assert set(errors) == {"bad-date", "1:2"}  # the dict without an id: partition 1, item 2
    assert "next week" in errors["bad-date"] and "not int" in errors["1:2"]
    # identical to Pipeline.pipe, but for the name of a failing document without an id
    assert expected[5]["id"] == "5"
    assert results == [*expected[:5], {**expected[5], "id": "1:2"}, *expected[6:]]
    assert sum(len(r["events"]) for r in results) > 0
    # one pipeline built per worker process, kept for the next partitions
    built = client.run(_pipelines_built)
    assert len(built) == 2 and set(built.values()) <= {0, 1} and sum(built.values()) >= 1


@needs_dask
def test_bag_published_default_and_settings(client: Any) -> None:
    import dask.bag as db

    from diplomacy_events.dask import extract_bag

    texts = ["The envoy arrived in Lima on Sunday.", "Ministers met in Accra on Wednesday."]
    results = extract_bag(db.from_sequence(texts, npartitions=2), published="2024-02-01").compute()
    assert [r["published"] for r in results] == ["2024-02-01", "2024-02-01"]
    assert results == [x.to_dict() for x in Pipeline().pipe((t, "2024-02-01") for t in texts)]
    quiet = extract_bag(db.from_sequence(texts, npartitions=1), disable=["events"]).compute()
    assert quiet == [x.to_dict() for x in Pipeline(disable=["events"]).pipe(texts)]
    assert [r["events"] for r in quiet] == [[], []]
    with pytest.raises(TypeError, match="invalid Pipeline settings"):
        extract_bag(db.from_sequence(texts), no_such_setting=1)


@needs_dask
def test_column_gives_event_rows(client: Any, expected: list[dict[str, Any]]) -> None:
    import dask.dataframe as dd
    import pandas as pd

    from diplomacy_events.dask import EVENT_DTYPES, extract_column

    rows = [a for a in ARTICLES if isinstance(a, tuple) and len(a) == 3]
    frame = pd.DataFrame(
        {"id": [r[2] for r in rows], "body": [r[0] for r in rows], "published": [r[1] for r in rows]}
    )
    frame.loc[len(frame)] = ["broken", "Officials met in Oslo.", "next week"]
    ddf = dd.from_pandas(frame, npartitions=2)
    events = extract_column(ddf, text="body")
    assert list(events.columns) == list(EVENT_COLUMNS)
    got = events.compute()
    assert {c: str(t) for c, t in got.dtypes.items()} == {c: str(t) for c, t in events.dtypes.items()}
    want = to_records(Pipeline().pipe(rows))
    assert got.astype(object).where(got.notna(), None).to_dict("records") == want
    assert list(got.index) == [
        i for i, r in enumerate(rows) for _ in range(sum(w["document_id"] == r[2] for w in want))
    ]
    assert set(EVENT_DTYPES) == set(EVENT_COLUMNS)

    with_errors = extract_column(ddf, text="body", error_column="error").compute()
    failed = with_errors[with_errors["error"].notna()]
    assert list(failed["document_id"]) == ["broken"] and "next week" in failed["error"].iloc[0]
    with pytest.raises(KeyError, match="no column 'text'"):
        extract_column(ddf)


@needs_dask
def test_read_jsonl_matches_the_cli(client: Any, tmp_path: pathlib.Path) -> None:
    from diplomacy_events.cli import _inputs
    from diplomacy_events.dask import extract_bag, read_jsonl

    (tmp_path / "b").mkdir()
    lines = [
        json.dumps({"id": "one", "text": "Ministers met in Accra on Wednesday.", "published": "2024-02-07"}),
        "",
        "{not json",
        json.dumps({"text": "The envoy arrived in Lima on Sunday."}),
    ]
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "b" / "c.jsonl").write_text(json.dumps({"id": 7, "published": "2024-01-01"}) + "\n")
    items = read_jsonl(tmp_path, published="2024-03-01").compute()
    assert items == list(_inputs((str(tmp_path),), "auto", "utf-8", "strict", "2024-03-01"))
    assert [i["id"] for i in items] == ["one", f"{tmp_path}/a.jsonl:3", f"{tmp_path}/a.jsonl:4", "7"]
    results = extract_bag(read_jsonl([tmp_path / "a.jsonl", tmp_path / "missing.jsonl"])).compute()
    assert [bool(r.get("error")) for r in results] == [False, True, False, True]
    assert "no such file" in results[-1]["error"]

    (tmp_path / "z.jsonl.gz").write_bytes(gzip.compress(lines[0].encode() + b"\n"))
    (tmp_path / "latin1.jsonl").write_bytes(lines[0].encode() + b"\n" + b'{"text": "caf\xe9"}\n')
    items = read_jsonl([tmp_path / "z.jsonl.gz", tmp_path / "latin1.jsonl"]).compute()
    assert [i["id"] for i in items] == ["one", "one", f"{tmp_path}/latin1.jsonl:2"]
    assert "cannot read" in items[-1]["error"]


def test_module_imports_without_dask() -> None:
    code = (
        "import sys\n"
        "sys.modules.update(dask=None, distributed=None)\n"
        "import diplomacy_events.dask as m\n"
        "try:\n"
        "    m.extract_bag([])\n"
        "except ImportError as exc:\n"
        "    print(exc)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert 'pip install "diplomacy-events[dask]"' in proc.stdout
