"""Absolute dates with month names of other languages ("5 juin 2023", "3. März 2022"), read
with dateparser: the built-in grammar knows English month names; dateparser knows the others.

Only a day-month-year or month-day-year shape whose month word is not English reaches
dateparser, once per distinct word (cached), with its languages fixed and its settings built
once, so the common path never calls it.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from diplomacy_events.extractors._timex import MONTHS

LANGUAGES = ("fr", "de", "es", "pt", "it", "nl", "ru", "tr", "pl", "sv", "da", "ro", "id")
"""Languages whose month names are read; fixed, so dateparser never guesses the language."""

_SHAPE = re.compile(
    r"\b(?:(?P<d1>[0-3]?\d)\.?\s+(?:de\s+)?(?P<m1>[^\W\d_]{3,12})\.?(?:\s+de)?\s+(?P<y1>(?:1[89]|20)\d\d)"
    r"|(?P<m2>[^\W\d_]{3,12})\.?\s+(?P<d2>[0-3]?\d),?\s+(?P<y2>(?:1[89]|20)\d\d))\b"
)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_REACH = 40
"""Characters before a year that a date of ``_SHAPE`` can span (day, month word, "de"s)."""


@cache
def _settings() -> dict[str, Any]:
    return {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["month"], "RETURN_AS_TIMEZONE_AWARE": False}


@lru_cache(maxsize=4096)
def month_number(word: str) -> int | None:
    """The month a non-English month name stands for, or None."""
    if word.lower() in MONTHS or not word.isalpha():
        return None
    from dateparser import parse

    got = parse(f"15 {word} 2001", languages=list(LANGUAGES), settings=_settings())
    return got.month if got is not None and got.year == 2001 and got.day == 15 else None


def foreign_dates(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, YYYY-MM-DD)`` for every absolute date with a non-English month name."""
    out: list[tuple[int, int, str]] = []
    last = 0
    # Every date of the shape ends with a year: the shape is tried only just before one, since
    # trying it at every word of the text cost more than the rest of the date stage.
    for y in _YEAR.finditer(text):
        # ``\b`` and look-behinds see the text before ``begin``: a match cannot start mid-word
        begin = max(last, y.start() - _REACH)
        m = None
        for cand in _SHAPE.finditer(text, begin, y.end()):
            if cand.end() == y.end():
                m = cand
                break
        if m is None:
            continue
        last = m.end()
        day, word, year = (m["d1"], m["m1"], m["y1"]) if m["m1"] else (m["d2"], m["m2"], m["y2"])
        month = month_number(word)
        if month is None or not 1 <= int(day) <= 31:
            continue
        out.append((m.start(), m.end(), f"{int(year):04d}-{month:02d}-{int(day):02d}"))
    return out
