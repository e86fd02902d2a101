"""Renderers for analysts and readers: CSV rows, pandas tables, an HTML view, a text summary.

Each function takes :class:`~diplomacy_events.models.Extraction` objects or their ``to_dict()``
output (the JSON of the output format), one or many:

>>> from diplomacy_events import extract
>>> from diplomacy_events.formats import to_csv, to_html, to_records, to_text
>>> text = "Foreign Minister Jane Doe will visit Paris on Sunday."
>>> result = extract(text, published="2024-03-06")
>>> rows = to_records(result)            # one dict per event, GDELT/ICEWS-style columns
>>> page = to_html(result, text)         # the article highlighted, the events as a table

Nothing here is imported by the core: the CLI and the ``Extraction`` methods import it when
asked for one of these formats.
"""

from __future__ import annotations

from diplomacy_events.formats._base import ExtractionLike
from diplomacy_events.formats.csv import csv_lines, to_csv
from diplomacy_events.formats.html import render_html, to_html
from diplomacy_events.formats.records import EVENT_COLUMNS, event_record, to_dataframes, to_records, to_tables
from diplomacy_events.formats.text import summary_lines, text_lines, to_text

__all__ = [
    "EVENT_COLUMNS",
    "ExtractionLike",
    "csv_lines",
    "event_record",
    "render_html",
    "summary_lines",
    "text_lines",
    "to_csv",
    "to_dataframes",
    "to_html",
    "to_records",
    "to_tables",
    "to_text",
]
