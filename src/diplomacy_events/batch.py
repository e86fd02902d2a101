"""Many documents at once: in order, never dropping one, optionally over worker processes.

Each worker process builds its own :class:`~diplomacy_events.pipeline.Pipeline` once, from the
same settings as the parent, and extracts batches of documents. Results come back in input
order, one per item; a document that fails comes back as an
:class:`~diplomacy_events.models.Extraction` whose ``error`` says why and whose ``id`` is the
document's id (or its index in the input). A worker that dies takes only its document down.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import BrokenExecutor, Future, ProcessPoolExecutor
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


_inherited: Pipeline | None = None
"""The parent's pipeline, seen by forked workers: they use it as it is, compiled lexicons and all."""


def _init_worker(settings: dict[str, Any]) -> None:
    global _worker
    if _inherited is not None and _inherited.settings == settings:
        _worker = _inherited  # forked: plugins and compiled data come with the process
        return
    from diplomacy_events.pipeline import Pipeline

    _worker = Pipeline(**settings)


def _run_batch(batch: list[tuple[int, Any]]) -> list[Extraction]:
    assert _worker is not None, "worker not initialised"
    return [extract_one(_worker, item, index) for index, item in batch]


def _context() -> Any:
    # fork shares the parent's loaded lexicons copy-on-write; spawn elsewhere.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods and os.name == "posix" else "spawn")


class _Pool:
    """A process pool that is rebuilt when a worker dies, so one bad document cannot sink the rest."""

    def __init__(self, pipeline: Pipeline, workers: int) -> None:
        global _inherited
        self.settings = pipeline.settings
        self.frozen = False
        if _context().get_start_method() == "fork":
            _inherited = pipeline
            # Objects that exist before the fork (lexicons, indexes, caches) are moved out of the
            # collector's reach: a forked worker's collections would otherwise walk them all and
            # copy every page they sit on, and the parent's would walk them for each batch.
            gc.freeze()
            self.frozen = True
        self.workers = workers
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=_context(),
            initializer=_init_worker,
            initargs=(self.settings,),
        )

    def submit(self, batch: list[tuple[int, Any]]) -> Future[list[Extraction]]:
        try:
            return self.executor.submit(_run_batch, batch)
        except BrokenExecutor:
            self.renew()
            return self.executor.submit(_run_batch, batch)

    def renew(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._new()

    def shutdown(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        if self.frozen:
            gc.unfreeze()
            self.frozen = False


def _isolate(pool: _Pool, batch: list[tuple[int, Any]], strict: bool) -> list[Extraction]:
    """Run each document of a failed batch on its own: only the one that breaks a worker fails."""
    out: list[Extraction] = []
    for index, item in batch:
        for attempt in (1, 2):
            try:
                out.extend(pool.submit([(index, item)]).result())
                break
            except Exception as exc:
                if strict and _is_plugin_error(exc):
                    raise
                if not isinstance(exc, BrokenExecutor):
                    out.append(failed(item, index, exc))
                    break
                pool.renew()
                # the first death may belong to another batch still in flight: blame on the second
                if attempt == 2:
                    died = RuntimeError(f"the worker process died on this document ({type(exc).__name__})")
                    out.append(failed(item, index, died))
    return out


def _is_plugin_error(exc: BaseException) -> bool:
    from diplomacy_events.plugins import PluginError

    return isinstance(exc, PluginError)


def pipe(
    pipeline: Pipeline,
    documents: Iterable[DocumentLike],
    *,
    workers: int = 1,
    batch_size: int = 32,
) -> Iterator[Extraction]:
    """Extract ``documents`` in order, over ``workers`` processes when more than one.

    Every item gives exactly one result. In worker mode, a batch that cannot be sent to a worker
    (an item that does not pickle) or whose worker dies is run again one document at a time in a
    fresh pool, so that only the document at fault is reported as failed.
    """
    if workers <= 1:
        for index, item in enumerate(documents):
            yield extract_one(pipeline, item, index)
        return
    batch_size = max(1, batch_size)
    numbered = enumerate(documents)
    pool = _Pool(pipeline, workers)
    try:
        pending: deque[tuple[list[tuple[int, Any]], Future[list[Extraction]]]] = deque()
        while True:
            while len(pending) < workers * 2:
                batch = list(islice(numbered, batch_size))
                if not batch:
                    break
                pending.append((batch, pool.submit(batch)))
            if not pending:
                return
            batch, future = pending.popleft()
            try:
                results = future.result()
            except Exception as exc:
                if pipeline.strict and _is_plugin_error(exc):
                    raise
                broken = isinstance(exc, BrokenExecutor)
                if broken:
                    pool.renew()
                # alone in the pool, so that a death is charged to the document that caused it
                results = _isolate(pool, batch, pipeline.strict)
                if broken:  # every batch in flight died with the old pool: send them again
                    pending = deque((b, pool.submit(b)) for b, _ in pending)
            yield from results
    finally:
        pool.shutdown()
