"""JSONL input of documents, one ``{"id", "text", "published"}`` object a line, shared by the
command line and the Dask adapter so that both read a line the same way."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any


def lines(text: str) -> Iterator[tuple[int, str]]:
    """Numbered lines split on ``\\n`` only: U+2028 inside a JSON string is no line end."""
    for number, line in enumerate(text.split("\n"), 1):
        line = line.removesuffix("\r")
        if line.strip():
            yield number, line


def parse_line(line: str, where: str, published: Any = None) -> dict[str, Any]:
    """One line as a document dict; a bad line becomes ``{"id", "error"}`` naming ``where``."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"id": where, "error": f"{where}: not valid JSON: {exc.msg}"}
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        doc_id = item.get("id") if isinstance(item, dict) else None
        return {"id": str(doc_id) if doc_id is not None else where, "error": f"{where}: no 'text' string"}
    item["id"] = str(item.get("id", where))
    if item.get("published") in (None, ""):
        item["published"] = published
    return item
