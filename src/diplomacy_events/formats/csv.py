"""``--format csv``: one row per event, the columns of :data:`~.records.EVENT_COLUMNS`."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

from diplomacy_events.formats._base import ExtractionLike, as_extraction, as_extractions
from diplomacy_events.formats.records import EVENT_COLUMNS, event_record


def _line(values: Iterable[Any]) -> str:
    buffer = io.StringIO()
    # A cell is quoted only when it must be (a comma, a quotation mark, a line break in a quote).
    csv.writer(buffer, lineterminator="\n").writerow(["" if v is None else v for v in values])
    return buffer.getvalue()[:-1]


def csv_lines(extractions: Iterable[ExtractionLike], *, header: bool = True) -> Iterator[str]:
    """The CSV text, one record at a time and without its line end; the header first.

    Streams: each extraction is rendered as it comes, so a long batch is never held in memory.
    A quoted cell may itself contain a line break.
    """
    if header:
        yield _line(EVENT_COLUMNS)
    for item in extractions:
        extraction = as_extraction(item)
        for event in extraction.events:
            row = event_record(extraction, event)
            yield _line(row[c] for c in EVENT_COLUMNS)


def to_csv(extractions: ExtractionLike | Iterable[ExtractionLike]) -> str:
    """The CSV document of one extraction or many: a header, then one line per event."""
    return "".join(line + "\n" for line in csv_lines(as_extractions(extractions)))
