"""Turn diplomatic news into typed, traceable records.

>>> from diplomacy_events import extract
>>> result = extract("Foreign Minister Jane Doe will visit Paris on Sunday.", published="2024-03-06")

Nothing is loaded at import time: the first :func:`extract` builds a default
:class:`Pipeline` (plugins, lexicons), which later calls reuse.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from diplomacy_events.hookspecs import hookimpl
from diplomacy_events.models import (
    Actor,
    Document,
    Event,
    Extraction,
    Location,
    Mention,
    Statement,
    StatementPart,
    TimeExpression,
)

if TYPE_CHECKING:
    from diplomacy_events.pipeline import DocumentLike, Pipeline

__version__ = "0.1.0"
__all__ = [
    "Actor",
    "Document",
    "Event",
    "Extraction",
    "Location",
    "Mention",
    "Pipeline",
    "Statement",
    "StatementPart",
    "TimeExpression",
    "__version__",
    "default_pipeline",
    "extract",
    "hookimpl",
]

_default: Pipeline | None = None
_lock = threading.Lock()


def default_pipeline() -> Pipeline:
    """The pipeline :func:`extract` uses, built on first use."""
    global _default
    with _lock:
        if _default is None:
            from diplomacy_events.pipeline import Pipeline

            _default = Pipeline()
        return _default


def extract(text: DocumentLike, published: Any = None, *, id: str | None = None) -> Extraction:
    """Extract one article. ``published`` is a date or ``YYYY-MM-DD``; relative dates need it."""
    return default_pipeline().extract(text, published, id=id)


def __getattr__(name: str) -> Any:
    if name == "Pipeline":
        from diplomacy_events.pipeline import Pipeline

        return Pipeline
    raise AttributeError(f"module 'diplomacy_events' has no attribute {name!r}")
