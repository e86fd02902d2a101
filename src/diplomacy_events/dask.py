"""Extraction on a Dask cluster: a bag of documents, a DataFrame column, JSONL files.

Needs the optional extra: ``pip install "diplomacy-events[dask]"``. This module imports without
Dask; its functions raise :class:`ImportError` naming the extra when Dask is missing.

Each worker process builds one :class:`~diplomacy_events.pipeline.Pipeline` per set of settings,
on its first partition, and keeps it for the following ones: only the settings travel with the
tasks, never a pipeline. Results keep the input order, one per document; a document that fails
becomes a result with its ``id`` and an ``error``. A document without an id that fails is named
``PARTITION:INDEX`` (its partition number and its position in the partition).

>>> from diplomacy_events.dask import extract_bag, read_jsonl
>>> results = extract_bag(read_jsonl("articles/"))          # doctest: +SKIP
>>> failed = results.filter(lambda r: r["error"]).count()  # doctest: +SKIP
"""

from __future__ import annotations

import importlib
import inspect
import os
import pathlib
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, cast

from diplomacy_events.batch import item_id
from diplomacy_events.formats.records import EVENT_COLUMNS, event_record
from diplomacy_events.jsonl import parse_line
from diplomacy_events.models import Extraction
from diplomacy_events.pipeline import Pipeline

if TYPE_CHECKING:
    from dask.bag import Bag
    from dask.dataframe import DataFrame

__all__ = ["EVENT_DTYPES", "events_frame", "extract_bag", "extract_column", "read_jsonl"]

_FLOAT_COLUMNS = frozenset({"latitude", "longitude"})
_INT_COLUMNS = frozenset({"sentence_start", "sentence_end"})
EVENT_DTYPES: dict[str, str] = {
    c: "float64" if c in _FLOAT_COLUMNS else "Int64" if c in _INT_COLUMNS else "string" for c in EVENT_COLUMNS
}
"""The pandas dtype of each column of an events DataFrame (nullable strings and integers)."""

_CACHE_SIZE = 4
"""Pipelines kept per worker process (one per distinct settings): each holds every lexicon."""
_pipelines: OrderedDict[str, Pipeline] = OrderedDict()
_lock = threading.Lock()


def _import(name: str) -> Any:
    """A Dask module, or an ImportError that says how to get it."""
    try:
        # By name and typed Any: dask is an optional extra and mostly untyped.
        return importlib.import_module(name)
    except ImportError as exc:
        raise ImportError(
            f'diplomacy_events.dask needs {name.split(".")[0]}: pip install "diplomacy-events[dask]"'
        ) from exc


def _token(settings: dict[str, Any]) -> str:
    """A key for ``settings``, computed once on the client and sent with the tasks."""
    try:
        inspect.signature(Pipeline).bind(**settings)
    except TypeError as exc:  # fail on the client, not on every worker
        raise TypeError(f"invalid Pipeline settings: {exc}") from None
    tokenize = _import("dask.base").tokenize
    try:
        return str(tokenize(settings, ensure_deterministic=True))
    except Exception:  # a plugin object Dask cannot hash: one pipeline per call and worker then
        import uuid

        return uuid.uuid4().hex


def _pipeline(token: str, settings: dict[str, Any]) -> Pipeline:
    """The worker process's pipeline for these settings, built on first use."""
    with _lock:  # a worker with several threads builds it once
        pipeline = _pipelines.get(token)
        if pipeline is None:
            pipeline = _pipelines[token] = Pipeline(**settings)
            while len(_pipelines) > _CACHE_SIZE:
                _pipelines.popitem(last=False)
        else:
            _pipelines.move_to_end(token)
        return pipeline


def _extract(pipeline: Pipeline, item: Any, published: Any, fallback: str) -> Extraction:
    """One document's extraction; an error becomes the result's ``error`` (as in ``Pipeline.pipe``)."""
    from diplomacy_events.plugins import PluginError

    try:
        return pipeline.extract(item, published)
    except PluginError as exc:
        if pipeline.strict:
            raise
        error: Exception = exc
    except Exception as exc:
        error = exc
    return Extraction(id=item_id(item) or fallback, error=f"{type(error).__name__}: {error}")


def _extract_partition(
    items: Iterable[Any], partition: int, token: str, settings: dict[str, Any], published: Any
) -> list[dict[str, Any]]:
    pipeline = _pipeline(token, settings)
    return [
        _extract(pipeline, item, published, f"{partition}:{index}").to_dict()
        for index, item in enumerate(items)
    ]


def extract_bag(bag: Bag, *, published: Any = None, **pipeline_settings: Any) -> Bag:
    """Extract a bag of documents into a bag of ``Extraction.to_dict()`` dicts, in the same order.

    Items are :class:`~diplomacy_events.models.Document` objects, texts, ``(text, published[, id])``
    tuples or dicts with ``text``, ``published`` and ``id`` (as :func:`read_jsonl` gives).
    ``published`` is the date of items that carry none. ``pipeline_settings`` are the arguments
    of :class:`~diplomacy_events.pipeline.Pipeline` (``disable``, ``max_chars``, ``plugins``...);
    plugin objects must be importable on the workers. A document that fails gives a dict whose
    ``error`` says why; with ``strict=True`` a plugin problem fails the computation instead.
    """
    db = _import("dask.bag")
    delayed = _import("dask").delayed
    token = _token(pipeline_settings)
    parts = [
        delayed(_extract_partition, pure=True)(part, number, token, pipeline_settings, published)
        for number, part in enumerate(cast(Any, bag).to_delayed(optimize_graph=False))
    ]
    result: Bag = db.from_delayed(parts)
    return result


# -- DataFrames -------------------------------------------------------------------------------


def _frame(rows: list[dict[str, Any]], index: list[Any], index_dtype: Any, index_name: Any) -> Any:
    """Event rows as a pandas DataFrame with the columns and dtypes of :data:`EVENT_DTYPES`."""
    pd: Any = importlib.import_module("pandas")
    frame = pd.DataFrame.from_records(
        rows, columns=list(EVENT_COLUMNS), index=pd.Index(index, dtype=index_dtype, name=index_name)
    )
    return frame.astype(EVENT_DTYPES)


def _meta(index_dtype: Any = "int64", index_name: Any = None) -> Any:
    return _frame([], [], index_dtype, index_name)


def _rows(result: dict[str, Any] | Extraction) -> list[dict[str, Any]]:
    extraction = result if isinstance(result, Extraction) else Extraction.from_dict(result)
    return [event_record(extraction, event) for event in extraction.events]


def _events_partition(results: Iterable[dict[str, Any]]) -> Any:
    rows = [row for result in results for row in _rows(result)]
    return _frame(rows, list(range(len(rows))), "int64", None)


def events_frame(results: Bag) -> DataFrame:
    """The events of a bag of results (as :func:`extract_bag` gives) as a dask DataFrame.

    One row per event, in the columns of the CSV export
    (:data:`~diplomacy_events.formats.EVENT_COLUMNS`, dtypes :data:`EVENT_DTYPES`); results that
    failed have no events and give no row. The index restarts at 0 in each partition.
    """
    dd = _import("dask.dataframe")
    parts = [
        _import("dask").delayed(_events_partition)(part)
        for part in cast(Any, results).to_delayed(optimize_graph=False)
    ]
    frame: DataFrame = dd.from_delayed(parts, meta=_meta(), verify_meta=False)
    return frame


def _missing(value: Any) -> bool:
    """None, NaN, NaT or pd.NA: a cell with no value."""
    try:
        return bool(value is None or value != value)
    except (TypeError, ValueError):  # pd.NA compares to NA, which has no truth value
        return True


def _column_partition(
    part: Any,
    text: str,
    published: str | None,
    id: str | None,
    token: str,
    settings: dict[str, Any],
    error_column: str | None,
) -> Any:
    pipeline = _pipeline(token, settings)
    labels = list(part.index)
    texts = part[text].tolist()
    dates = part[published].tolist() if published is not None else [None] * len(labels)
    ids = part[id].tolist() if id is not None else [None] * len(labels)
    rows: list[dict[str, Any]] = []
    index: list[Any] = []
    errors: list[str | None] = []
    for label, doc_text, date, doc_id in zip(labels, texts, dates, ids, strict=True):
        name = str(label if _missing(doc_id) else doc_id)
        item = {"id": name, "text": None if _missing(doc_text) else doc_text}
        item["published"] = None if _missing(date) else date
        result = _extract(pipeline, item, None, name)
        if result.error is not None:
            if error_column is not None:
                rows.append({"document_id": name})
                index.append(label)
                errors.append(result.error)
            continue
        for event in result.events:
            rows.append(event_record(result, event))
            index.append(label)
            errors.append(None)
    frame = _frame(rows, index, part.index.dtype, part.index.name)
    if error_column is not None:
        frame[error_column] = _import("pandas").Series(errors, index=frame.index, dtype="string")
    return frame


def extract_column(
    df: DataFrame,
    text: str = "text",
    published: str | None = "published",
    id: str | None = "id",
    *,
    error_column: str | None = None,
    **pipeline_settings: Any,
) -> DataFrame:
    """The events of the documents of a dask DataFrame, as a dask DataFrame with one row per event.

    ``text``, ``published`` and ``id`` name the columns holding each document's text, publication
    date (a date, a timestamp or ``YYYY-MM-DD``) and id; ``published`` or ``id`` may be None when
    there is no such column. A document without an id is named by its index label. Each event
    row keeps the index label of its document, so divisions stay valid and rows join back to the
    input. The columns are those of the CSV export (:data:`~diplomacy_events.formats.EVENT_COLUMNS`,
    dtypes :data:`EVENT_DTYPES`). A document that fails gives no row, unless ``error_column``
    names a column to add: it then gives one row with ``document_id`` and the error there.
    ``pipeline_settings`` are the arguments of :class:`~diplomacy_events.pipeline.Pipeline`.
    """
    _import("dask.dataframe")
    for argument, name in (("text", text), ("published", published), ("id", id)):
        if name is not None and name not in df.columns:
            hint = "" if argument == "text" else f"; pass {argument}=None when there is none"
            raise KeyError(f"no column {name!r} in the DataFrame (columns: {list(df.columns)}){hint}")
    if error_column is not None and error_column in EVENT_COLUMNS:
        raise ValueError(f"error_column {error_column!r} is already an event column")
    token = _token(pipeline_settings)
    meta = _meta(df.index.dtype, df.index.name)
    if error_column is not None:
        meta[error_column] = meta["document_id"]
    result: DataFrame = cast(Any, df).map_partitions(
        _column_partition,
        text,
        published,
        id,
        token,
        pipeline_settings,
        error_column,
        meta=meta,
        align_dataframes=False,
    )
    return result


# -- JSONL input ------------------------------------------------------------------------------


def _is_jsonl(name: str) -> bool:
    return name.endswith((".jsonl", ".jsonl.gz", ".jsonl.bz2", ".jsonl.xz", ".jsonl.zst"))


def _jsonl_files(paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]]) -> list[str]:
    """Files named by ``paths``: a directory stands for its JSONL files, recursively and sorted
    (as on the command line); globs and URLs (``s3://bucket/*.jsonl``) go through fsspec."""
    fsspec = _import("fsspec")
    given = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    files: list[str] = []
    for path in [os.fspath(p) for p in given]:
        if "://" not in path:
            local = pathlib.Path(path)
            if local.is_dir():
                files.extend(sorted(str(f) for f in local.rglob("*") if f.is_file() and _is_jsonl(f.name)))
            elif any(c in path for c in "*?["):
                files.extend(sorted(fsspec.core.get_fs_token_paths(path)[2]))
            else:
                files.append(path)
            continue
        fs, root = fsspec.core.url_to_fs(path)
        if any(c in root for c in "*?["):
            found = fs.glob(root)
        elif fs.isdir(root):
            found = [f for f in fs.find(root) if _is_jsonl(f)]
        else:
            found = [root]
        files.extend(sorted(fs.unstrip_protocol(f) for f in found))
    return files


def _read_file(path: str, encoding: str, errors: str, published: Any) -> Iterator[dict[str, Any]]:
    """The documents of one JSONL file; read as bytes and split on ``\\n`` only, so that a line
    that does not decode fails alone and a U+2028 inside a JSON string does not split it."""
    fsspec = _import("fsspec")
    number = 0
    try:
        with fsspec.open(path, "rb", compression="infer") as fh:
            for number, raw in enumerate(fh, 1):
                where = f"{path}:{number}"
                try:
                    line = raw.decode(encoding, errors)
                except UnicodeDecodeError as exc:
                    yield {"id": where, "error": f"{where}: cannot read: {exc}"}
                    continue
                if line.strip():
                    yield parse_line(line, where, published)
    except OSError as exc:
        reason = "no such file" if isinstance(exc, FileNotFoundError) else f"cannot read: {exc}"
        where = f"{path}:{number + 1}" if number else path
        yield {"id": where, "error": f"{where}: {reason}"}


def read_jsonl(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    published: Any = None,
    encoding: str = "utf-8",
    errors: str = "strict",
) -> Bag:
    """A bag of document dicts from JSONL files of ``{"id", "text", "published"}`` lines.

    ``paths`` is a file, a directory (its ``.jsonl`` files, also compressed as ``.jsonl.gz``...,
    recursively, in name order), a glob, a URL that fsspec reads (``s3://bucket/news/``,
    compression inferred from the name), or a list of those. One partition per file, in order
    (split big files for more parallelism). As on the command line, ``id`` defaults to
    ``FILE:LINE`` and ``published`` to ``published``; blank lines are skipped; a line that is
    not valid JSON or has no ``text``, and a file that cannot be read, give an
    ``{"id", "error"}`` item, which :func:`extract_bag` reports as a failed document.
    """
    db = _import("dask.bag")
    files = _jsonl_files(paths)
    if not files:
        raise FileNotFoundError(f"no JSONL file in {paths!r}")
    bag: Bag = db.from_sequence(files, npartitions=len(files)).map_partitions(
        _read_partition, encoding, errors, published
    )
    return bag


def _read_partition(files: Iterable[str], encoding: str, errors: str, published: Any) -> list[dict[str, Any]]:
    return [item for path in files for item in _read_file(path, encoding, errors, published)]
