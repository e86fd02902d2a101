"""Many documents at once: in order, never dropping one, optionally over worker processes.

Each worker process builds its own :class:`~diplomacy_events.pipeline.Pipeline` once, from the
same settings as the parent, and extracts batches of documents. Results come back in input
order; a document that fails comes back as an :class:`~diplomacy_events.models.Extraction`
whose ``error`` says why.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TYPE_CHECKING, Any

from diplomacy_events.models import Document, Extraction

if TYPE_CHECKING:
    from diplomacy_events.pipeline import DocumentLike, Pipeline

_worker: Pipeline | None = None


def item_id(item: Any) -> str | None:
    """The id a document-like item carries, if any."""
    if isinstance(item, Document):
        return item.id
    if isinstance(item, dict) and item.get("id") is not None:
        return str(item["id"])
    if isinstance(item, tuple) and len(item) > 2 and item[2] is not None:
        return str(item[2])
    return None


def failed(item: Any, index: int, exc: BaseException) -> Extraction:
    """The result that stands for a document that could not be extracted."""
    return Extraction(id=item_id(item) or str(index), error=f"{type(exc).__name__}: {exc}")


def extract_one(pipeline: Pipeline, item: Any, index: int) -> Extraction:
    """Extract one item; any error becomes the result's ``error``."""
    from diplomacy_events.plugins import PluginError

    try:
        return pipeline.extract(item)
    except PluginError as exc:
        if pipeline.strict:
            raise
        return failed(item, index, exc)
    except Exception as exc:
        return failed(item, index, exc)


def _init_worker(settings: dict[str, Any]) -> None:
    global _worker
    from diplomacy_events.pipeline import Pipeline

    _worker = Pipeline(**settings)


def _run_batch(batch: list[tuple[int, Any]]) -> list[Extraction]:
    assert _worker is not None, "worker not initialised"
    return [extract_one(_worker, item, index) for index, item in batch]


def _context() -> Any:
    # fork shares the parent's loaded lexicons copy-on-write; spawn elsewhere.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods and os.name == "posix" else "spawn")


def pipe(
    pipeline: Pipeline,
    documents: Iterable[DocumentLike],
    *,
    workers: int = 1,
    batch_size: int = 32,
) -> Iterator[Extraction]:
    """Extract ``documents`` in order, over ``workers`` processes when more than one."""
    if workers <= 1:
        for index, item in enumerate(documents):
            yield extract_one(pipeline, item, index)
        return
    numbered = enumerate(documents)
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=_context(), initializer=_init_worker, initargs=(pipeline.settings,)
    ) as pool:
        pending: deque[tuple[list[tuple[int, Any]], Future[list[Extraction]]]] = deque()
        while True:
            while len(pending) < workers * 2:
                batch = list(islice(numbered, batch_size))
                if not batch:
                    break
                pending.append((batch, pool.submit(_run_batch, batch)))
            if not pending:
                return
            batch, future = pending.popleft()
            try:
                yield from future.result()
            except Exception as exc:  # a worker died: report its documents, keep going
                for index, item in batch:
                    yield failed(item, index, exc)
