"""What every renderer accepts: an extraction, or the dict its ``to_dict()`` gives."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from diplomacy_events.models import Extraction

ExtractionLike = Extraction | Mapping[str, Any]
"""An :class:`Extraction`, or the JSON object of the output format (``to_dict()``)."""


def as_extraction(item: ExtractionLike) -> Extraction:
    """``item`` as an :class:`Extraction` (a dict is read with ``Extraction.from_dict``)."""
    if isinstance(item, Extraction):
        return item
    return Extraction.from_dict(dict(item))


def as_extractions(items: ExtractionLike | Iterable[ExtractionLike]) -> list[Extraction]:
    """One extraction or many, as a list."""
    if isinstance(items, (Extraction, Mapping)):
        return [as_extraction(items)]
    return [as_extraction(item) for item in items]
