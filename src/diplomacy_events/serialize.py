"""The cattrs converter behind ``Extraction.to_dict`` / ``from_dict`` and JSON output."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from functools import cache
from typing import Any

import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from diplomacy_events.models import Extraction


@cache
def converter() -> cattrs.Converter:
    """The converter, built once: dates as ISO strings, tuples as lists."""
    conv = cattrs.Converter(unstruct_collection_overrides={Sequence: list, tuple: list})
    conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    conv.register_structure_hook(dt.date, lambda v, _: dt.date.fromisoformat(v))
    conv.register_unstructure_hook(
        Extraction,
        make_dict_unstructure_fn(Extraction, conv, error=override(omit_if_default=True)),
    )
    conv.register_structure_hook(Extraction, make_dict_structure_fn(Extraction, conv))
    return conv


def to_dict(extraction: Extraction) -> dict[str, Any]:
    """The output-contract dict of an extraction."""
    data: dict[str, Any] = converter().unstructure(extraction)
    return data


def from_dict(data: dict[str, Any]) -> Extraction:
    """An extraction from its output-contract dict."""
    return converter().structure(data, Extraction)


def dumps(extraction: Extraction, indent: int | None = None) -> str:
    """The extraction as one JSON document."""
    return json.dumps(to_dict(extraction), ensure_ascii=False, indent=indent)
