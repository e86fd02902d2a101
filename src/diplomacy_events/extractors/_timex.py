"""The grammar and arithmetic of English temporal expressions (TIMEX3).

One combined regular expression finds candidate expressions in a single left-to-right scan;
each alternative is a named group giving the kind of expression. A match is then read word by
word (month names, numbers, units) and resolved against the publication date, the tense of its
clause and the last date the text anchored. Nothing here depends on anything but the text and
the publication date.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from functools import cache
from typing import Protocol

import attrs

# --------------------------------------------------------------------------- vocabularies

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI", "overnight": "NI",
}  # fmt: skip
NUMBERS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "dozen": 12, "couple": 2,
}  # fmt: skip
VAGUE_COUNTS = frozenset({"few", "several", "many", "some", "dozens", "hundreds"})
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "final": 4, "last": 4,
}  # fmt: skip
# unit -> (ISO 8601 designator, count of that designator, is a time unit)
UNITS: dict[str, tuple[str, float, bool]] = {
    "second": ("S", 1, True), "minute": ("M", 1, True), "hour": ("H", 1, True), "day": ("D", 1, False),
    "week": ("W", 1, False), "fortnight": ("W", 2, False), "month": ("M", 1, False),
    "quarter": ("Q", 1, False), "year": ("Y", 1, False), "decade": ("Y", 10, False),
    "century": ("Y", 100, False), "centurie": ("Y", 100, False), "weekend": ("WE", 1, False),
}  # fmt: skip

# --------------------------------------------------------------------------- the grammar

_SP = r"[ \u00a0]"
_DASH = r"[-–—]"
_MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_TOD = r"(?:morning|afternoon|evening|night|overnight)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)(?![\d%])"
_RSEP = rf"(?:{_SP}?{_DASH}{_SP}?|{_SP}(?:to|through|until|till|and){_SP})"
_YSEP = rf"(?:{_SP}?{_DASH}{_SP}?|{_SP}(?:to|through|until|till){_SP})"
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
_UNIT = r"(?:second|minute|hour|day|week|fortnight|month|year|decade|centur(?:y|ie)|weekend)s?"
_UNIT1 = r"(?:second|minute|hour|day|week|fortnight|month|year|decade|century|weekend)"
_NUMWORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
)
_NUM = (
    rf"(?:\d{{1,4}}(?:\.\d)?(?![\d,])|{_NUMWORD}(?:[- ]{_NUMWORD})?(?:{_SP}hundred)?|a{_SP}couple{_SP}of|"
    rf"a{_SP}few|a{_SP}dozen|dozens{_SP}of|hundreds{_SP}of|several|a|an|many|few)"
)
_APPROX = (
    r"(?:more than|less than|fewer than|nearly|almost|about|around|up to|at least|roughly|"
    r"approximately|some|over|just over|just under|under|barely|only)"
)
_MODW = r"(?:early|late|earlier|later|mid|the (?:start|beginning|end|middle|turn|rest|remainder) of)"
_REL = r"(?:this|last|next|past|coming|previous|current)"
_ZONE = r"(?:GMT|UTC|EST|EDT|CET|CEST|BST|PST|PDT|ET|local time)"

_KINDS: tuple[tuple[str, str], ...] = (
    ("iso", r"(?<![\d-])(?:1[5-9]|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:T\d\d:\d\d)?(?![\d-])"),
    ("numdate", r"(?<![\d/.])(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|[12]\d|3[01])/(?:1[5-9]|20)\d\d(?![\d/])"),
    ("rmd", rf"{_MONTH}{_SP}{_DAY}{_RSEP}(?:{_MONTH}{_SP})?{_DAY}(?:,?{_SP}{_YEAR})?"),
    ("rdm", rf"{_DAY}(?:{_SP}{_MONTH})?{_RSEP}{_DAY}{_SP}(?:of{_SP})?{_MONTH}(?:,?{_SP}{_YEAR})?"),
    (
        "date",
        rf"(?:{_WD},?{_SP}(?:the{_SP})?)?(?:{_MONTH}{_SP}{_DAY}(?:,?{_SP}{_YEAR})?"
        rf"|{_DAY}{_SP}(?:of{_SP})?{_MONTH}(?:,?{_SP}{_YEAR})?)",
    ),
    ("monyear", rf"(?:{_MODW}[- ]?)?{_MONTH},?{_SP}(?:of{_SP})?{_YEAR}"),
    ("monrel", rf"(?:{_MODW}[- ]?)?{_MONTH_FULL}{_SP}(?:last|next|this){_SP}year"),
    ("yrange", rf"(?<![\w$€£#.,/-]){_YEAR}{_YSEP}(?:{_YEAR}|\d\d(?![\d%]))"),
    ("decade", rf"(?:the{_SP})?(?:(?:early|late|mid)[- ]?)?(?:(?:1[5-9]|20)\d0s|[’']\d0s)"),
    ("century", rf"(?:the{_SP})?(?:\d{{1,2}}(?:st|nd|rd|th)|[a-z]+th|first|second|third)[- ]century"),
    (
        "quarter",
        rf"(?:the{_SP})?(?:{_YEAR}{_SP})?(?:(?:first|second|third|fourth|final|1st|2nd|3rd|4th)[- ]"
        rf"(?:fiscal{_SP})?quarter"
        rf"|(?:first|second){_SP}half)(?:{_SP}of{_SP}(?:{_YEAR}|(?:this|last|next|the){_SP}year))?"
        rf"|Q[1-4]{_SP}?{_YEAR}|[12]Q{_SP}?{_YEAR}"
        rf"|(?:the{_SP})?(?:(?:latest|current|past|last|same|comparable|corresponding|fiscal|year-ago|"
        rf"year-earlier){_SP}){{1,3}}(?:quarter|period)(?![\w-])"
        rf"|the{_SP}quarter(?![\w-])|year-(?:ago|earlier)(?![\w-])",
    ),
    (
        "season",
        rf"(?:(?:{_MODW}[- ]?)?(?:this|last|next|the|early|late){_SP})?{_SEASON}(?:{_SP}of)?{_SP}{_YEAR}"
        rf"|(?:{_MODW}[- ]?)?(?:this|last|next|past|coming){_SP}{_SEASON}",
    ),
    (
        "rel",
        rf"(?:{_MODW}[- ]?(?:in{_SP})?)?(?:the{_SP})?{_REL}{_SP}"
        rf"(?:week|month|year|quarter|weekend|decade|century|{_WD}|{_MONTH_FULL})(?![\w-])",
    ),
    (
        "modthe",
        rf"the{_SP}(?:start|beginning|end|middle|turn|rest|remainder|first{_SP}half|second{_SP}half){_SP}of"
        rf"{_SP}the{_SP}(?:year|month|week|decade)",
    ),
    (
        "dayword",
        rf"(?:(?:early|late|earlier|later){_SP})?(?:today|tonight|yesterday|tomorrow)(?:{_SP}{_TOD})?",
    ),
    (
        "thistod",
        rf"(?:(?:early|late|earlier|later){_SP})?this{_SP}(?:morning|afternoon|evening)|(?:late{_SP})?last{_SP}night",
    ),
    (
        "time",
        rf"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?{_SP}?(?:a\.m\.|p\.m\.|am\b|pm\b)|(?:[01]?\d|2[0-3]):[0-5]\d"
        rf"(?={_SP}?{_ZONE})|noon|midnight)(?:{_SP}?{_ZONE})?(?:,?{_SP}(?:on{_SP})?{_WD})?",
    ),
    ("weekday", rf"(?:(?:early|late|later|earlier){_SP}(?:on{_SP})?)?{_WD}(?:{_SP}{_TOD})?"),
    (
        "anaphor",
        rf"(?:(?:later|earlier){_SP})?(?:that|the{_SP}same|the{_SP}following|the{_SP}next|the{_SP}previous|"
        rf"the{_SP}preceding){_SP}(?:day|morning|afternoon|evening|night|week|month|year|weekend)(?![\w-])"
        rf"|the{_SP}(?:day|night|week|month|year){_SP}(?:before|after)(?!{_SP}(?:the|a|an|his|her|their|its)\b)"
        rf"|the{_SP}weekend(?![\w-])|the{_SP}eve{_SP}of(?:{_SP}(?:the|this|that|his|her|their|its))?{_SP}[\w’'-]+",
    ),
    (
        "ago",
        rf"(?:{_APPROX}{_SP})?{_NUM}(?:{_SP}and{_SP}a{_SP}half)?{_SP}{_UNIT}{_SP}"
        rf"(?:ago|earlier|later|before|from{_SP}now|previously|hence)(?![\w-])",
    ),
    (
        "dur",
        rf"(?:{_APPROX}{_SP})?(?:the{_SP}(?:past|last|next|coming|first|final|previous|following|latest){_SP})?"
        rf"(?:{_NUM}{_SP}(?:to|or){_SP})?{_NUM}(?:{_SP}and{_SP}a{_SP}half)?(?:{_SP}|-)(?:{_UNIT}(?:-long)?)"
        rf"(?!-old|{_SP}old\b|[\w-])"
        rf"|(?:{_APPROX}{_SP})?a{_SP}quarter{_SP}of{_SP}a{_SP}century"
        rf"|{_UNIT1}s?-long"
        rf"|(?:the{_SP})?(?:past|last|next|coming){_SP}(?:several{_SP}|few{_SP})?(?:days|weeks|months|years|decades)",
    ),
    (
        "set",
        rf"(?:every|each){_SP}(?:other{_SP}|single{_SP})?(?:day|week|month|year|morning|evening|night|weekday|"
        rf"weekend|quarter|summer|winter|{_WD}|{_MONTH_FULL})"
        rf"|(?:daily|weekly|monthly|annually|yearly|nightly|hourly|biweekly|fortnightly)(?![\w-])"
        rf"|(?:once|twice|\w+{_SP}times){_SP}(?:a|per|each|every){_SP}(?:day|week|month|year)",
    ),
    (
        "vague",
        rf"(?:in{_SP})?recent{_SP}(?:days|weeks|months|years|decades)|the{_SP}(?:near{_SP}|distant{_SP}|"
        rf"foreseeable{_SP}|immediate{_SP})?future|the{_SP}time{_SP}being|the{_SP}past|these{_SP}days|"
        rf"nowadays|currently|recently|lately|now|at{_SP}present|so{_SP}far|the{_SP}moment|"
        rf"(?:the{_SP})?coming{_SP}(?:days|weeks|months|years)|soon",
    ),
    ("year", rf"(?<![\w$€£#.,/:+-])(?:(?:fiscal{_SP}|FY{_SP}?)|(?:{_MODW}[- ]?))?{_YEAR}(?![.,]\d|-\d|\w)"),
    ("month", rf"(?:{_MODW}[- ]?(?:in{_SP})?)?{_MONTH_FULL}(?![\w-])"),
    ("vdur", r"(?:decades|hours|months|weeks|years|centuries)(?![\w-])"),
)



# --------------------------------------------------------------------------- tense

_FUTURE = frozenset({"will", "shall", "'ll", "’ll", "wo", "won't", "won’t", "upcoming", "tomorrow"})
_MODAL = frozenset({"would", "could", "might", "should", "may", "can"})
_PLAN = frozenset({"due", "scheduled", "set", "expected", "slated", "poised", "planning", "plans", "plan",
                   "intends", "intend", "going", "planned", "hoping", "hopes", "aims", "aiming"})  # fmt: skip
_PAST = frozenset(
    [
        "said",
        "was",
        "were",
        "had",
        "did",
        "met",
        "went",
        "held",
        "took",
        "made",
        "came",
        "flew",
        "told",
        "gave",
        "began",
        "left",
        "won",
        "spoke",
        "wrote",
        "saw",
        "sent",
        "became",
        "brought",
        "struck",
        "found",
        "thought",
        "kept",
        "led",
        "lost",
        "paid",
        "put",
        "ran",
        "sat",
        "sold",
        "stood",
        "fell",
        "felt",
        "got",
        "knew",
        "meant",
        "rose",
        "shot",
        "hit",
        "bought",
        "caught",
        "chose",
        "drew",
        "drove",
        "ate",
        "fought",
        "forgot",
        "froze",
        "grew",
        "hung",
        "heard",
        "hid",
        "laid",
        "lay",
        "lent",
        "let",
        "lit",
        "rode",
        "rang",
        "sought",
        "shook",
        "shut",
        "sang",
        "sank",
        "slept",
        "slid",
        "split",
        "spent",
        "spread",
        "stole",
        "stuck",
        "swore",
        "swept",
        "swam",
        "taught",
        "tore",
        "threw",
        "understood",
        "woke",
        "wore",
        "wove",
        "withdrew",
        "overtook",
        "undertook",
        "arose",
        "broke",
        "has",
        "have",
        "ago",
    ]
)
# Plan words that say so only before "to" ("plans to visit", not "a cooperation plan").
_PLAN_TO = frozenset({"set", "going", "planned", "plan", "plans", "hopes", "aims"})
_NOT_PAST = frozenset(
    {"need", "speed", "feed", "seed", "indeed", "proceed", "exceed", "succeed", "bed", "red", "shed", "breed",
     "hundred", "kindred", "embed", "weed", "greed", "steed", "creed"}
)  # fmt: skip
_TOKEN = re.compile(r"[\w’']+|[;:()\[\]—]")
_NEXT_VERB = re.compile(r"[ \u00a0]([a-z][a-z’']*)(?![\w’'])")
_SENT_BREAK = re.compile(r"[.!?]\S*\s+(?=\S)|\n")


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


class Tenses:
    """The tense of the clause at a span, read from the words around it in its sentence.

    Spans come left to right; a span in the same sentence as the last one reads only the words
    since that one, then takes over its verdict: each sentence is read once, backwards.
    """

    __slots__ = ("_ends", "_last", "_sentences", "_starts", "text")

    def __init__(self, text: str, sentences: Sequence[_Span] | None = None) -> None:
        self.text = text
        self._sentences = sentences  # the text's sentences, if known; else sentence breaks are guessed
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._last = (-1, 0, "")  # sentence index, start and backward verdict of the last span

    def _sentence(self, offset: int, lo: int, hi: int) -> tuple[int, int, int]:
        """The index of the sentence that holds ``offset`` (-1: unknown) and its part in ``[lo, hi)``."""
        if self._sentences is None:
            first, last = lo, hi
            for m in _SENT_BREAK.finditer(self.text, lo, hi):
                if m.end() <= offset:
                    first = m.end()
                elif m.start() >= offset:
                    last = m.start()
                    break
            return -1, first, last
        if not self._starts:
            if not self._sentences:
                return -1, lo, hi
            self._starts = [s.start for s in self._sentences]
            self._ends = [s.end for s in self._sentences]
        i = bisect.bisect_right(self._starts, offset) - 1
        if i < 0:
            return -1, lo, min(hi, self._starts[0])
        return i, max(lo, self._starts[i]), min(hi, max(self._ends[i], offset))

    def at(self, start: int, end: int) -> str:
        """``past``, ``future``, ``would`` (future seen from the past) or ``none``."""
        text = self.text
        nxt = _NEXT_VERB.match(text, end)
        if nxt is not None:  # "the court Thursday refused": a verb right after the span is its clause's
            w = nxt.group(1)
            quick = _VERDICTS.get(w)
            if quick is None and w.endswith("ed") and len(w) > 3 and w not in _NOT_PAST:
                quick = "past"
            if quick is not None and quick != "none":
                return quick
        index, first, _ = self._sentence(start, max(0, start - 250), start)
        last_index, last_start, last_verdict = self._last
        if index >= 0 and index == last_index and first <= last_start < start:
            verdict = _scan(_TOKEN.findall(text, last_start, start)[-1:-31:-1]) or last_verdict
        else:
            for width in (80, 250):  # most clauses show their tense within a few words: look near first
                lo = max(first, start - width)
                words = _TOKEN.findall(text, lo, start)
                if lo > first and words and text[lo - 1].isalnum():
                    words = words[1:]  # the window cut a word
                verdict = _scan(words[-1:-31:-1])
                if verdict or lo == first:
                    break
        self._last = (index, start, verdict)
        if verdict and verdict != "none":
            return verdict
        _, _, last = self._sentence(end, end, end + 150)
        return _scan(_TOKEN.findall(text, end, last)[:12], forward=True) or "none"


_STOPS = frozenset({";", ":", "(", ")", "[", "]", "—"})
_PREV_CUES = frozenset({"was", "were", "had", "is", "are", "am", "be", "being", "who", "which"})


_VERDICTS: dict[str, str] = {
    **{w: "past" for w in _PAST},
    **{w: "would" for w in _MODAL},
    **{w: "future" for w in _FUTURE},
    **{w: "none" for w in _STOPS},
}


def _scan(words: list[str], forward: bool = False) -> str:
    """The tense the first telling word gives (nearest first); ``none`` at a stop, ``""`` if none."""
    if not words:
        return ""
    low = " ".join(words).lower().split(" ")  # tokens hold no space: one lowercasing for all
    n = len(low)
    for i, w in enumerate(low):
        verdict = _VERDICTS.get(w)
        if verdict is not None:
            return verdict
        plan = w in _PLAN
        if not plan and w[-1:] not in {"d", "s", "o"}:
            continue  # the rules below only concern plans, "-ed", "-s" and "to"
        prev_i = i - 1 if forward else i + 1
        prev = low[prev_i] if 0 <= prev_i < n else ""
        if plan:
            nxt_i = i + 1 if forward else i - 1
            if w not in _PLAN_TO or (0 <= nxt_i < n and low[nxt_i] == "to"):
                return "would" if prev in {"was", "were", "had"} else "future"
        elif prev not in _PREV_CUES:
            if w.endswith("ed") and len(w) > 3 and words[i][:1].islower() and w not in _NOT_PAST:
                return "past"
            continue
        if w == "to" and prev in {"is", "are", "am"}:
            return "future"
        if (
            not forward
            and prev in {"who", "which"}
            and w.endswith("s")
            and len(w) > 3
            and w not in {"was", "has", "is"}
        ):
            return "future"  # "who turns 72 on Thursday": present simple of a scheduled event
        if w.endswith("ed") and len(w) > 3 and words[i][:1].islower() and w not in _NOT_PAST:
            if prev in {"be", "being", "is", "are", "am"}:
                continue  # passive: the auxiliary before it decides
            return "past"
    return ""


# --------------------------------------------------------------------------- values

Value = tuple[str | None, str, str]  # (value, TIMEX3 type, granularity)


def iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def quarter_of(d: dt.date) -> str:
    return f"{d.year}-Q{(d.month - 1) // 3 + 1}"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    n = year * 12 + month - 1 + delta
    return n // 12, n % 12 + 1


def shift_day(d: dt.date, days: int) -> dt.date | None:
    try:
        return d + dt.timedelta(days=days)
    except OverflowError:
        return None


def weekday_date(dct: dt.date, wd: int, tense: str) -> dt.date | None:
    """The weekday nearest the publication date in the direction the tense gives."""
    if tense == "future":
        return shift_day(dct, (wd - dct.weekday() - 1) % 7 + 1)
    if tense == "would":
        return shift_day(dct, (wd - dct.weekday()) % 7)
    return shift_day(dct, -((dct.weekday() - wd) % 7))


def month_year(dct: dt.date, month: int, tense: str) -> int:
    """The year of a bare month: the most recent one in the past, the next one ahead, else the closest."""
    if tense == "past":
        return dct.year if month <= dct.month else dct.year - 1
    if tense in {"future", "would"}:
        return dct.year if month >= dct.month else dct.year + 1
    delta = month - dct.month
    if delta > 6:
        return dct.year - 1
    if delta < -6:
        return dct.year + 1
    return dct.year


def day_year(dct: dt.date, month: int, day: int, tense: str) -> int:
    """The year of a month and day given without one."""
    y = dct.year
    try:
        cand = dt.date(y, month, day)
    except ValueError:
        return y
    gap = (cand - dct).days
    if gap > 183 or (tense == "past" and gap > 90):
        return y - 1
    if gap < -183 or (tense == "future" and gap < -90):
        return y + 1
    return y


def fmt_num(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def duration_value(count: float | None, unit: str) -> str:
    """ISO 8601 duration of ``count`` units (``X`` when the count is vague)."""
    designator, mult, is_time = UNITS.get(unit, ("D", 1, False))
    if designator == "WE":
        designator, mult = "D", 2
    n = "X" if count is None else fmt_num(count * mult)
    return f"PT{n}{designator}" if is_time else f"P{n}{designator}"


def read_count(words: list[str]) -> float | None:
    """The number a phrase gives ("two and a half", "24", "twenty-four", "a few" -> None)."""
    total: float = 0
    seen = False
    for w in words:
        if w in VAGUE_COUNTS:
            return None
        if w[0].isdigit():
            try:
                total += float(w)
            except ValueError:
                return None
            seen = True
        elif w == "hundred":
            total = (total or 1) * 100
            seen = True
        elif w == "half" and seen:
            total += 0.5
        elif w in NUMBERS and not (w in {"a", "an"} and seen):
            total += NUMBERS[w]
            seen = True
    return total if seen else None


def unit_of(words: list[str]) -> str | None:
    for w in words:
        base = w[:-1] if w.endswith("s") and w[:-1] in UNITS else w
        if base in UNITS:
            return base
        if w == "centuries":
            return "century"
    return None


# --------------------------------------------------------------------------- dispatch

_NUMWORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
]
_APPROX_FIRST = (
    "more less fewer nearly almost about around up at roughly approximately some over just under barely only"
)
# The kinds of expression a word can open.
_OPENERS: dict[str, tuple[str, ...]] = {
    # numbers of one or two digits, of four, of three or more than four
    "#digit12": ("numdate", "rdm", "date", "century", "quarter", "time", "ago", "dur", "set"),
    "#digit4": ("iso", "yrange", "decade", "quarter", "ago", "dur", "set", "year"),
    "#digit3": ("ago", "dur", "set"),
    "#month": ("rmd", "date", "monyear", "monrel", "month"),
    "#weekday": ("date", "weekday"),
    "the": ("decade", "century", "quarter", "season", "monyear", "monrel", "rel", "modthe", "anaphor", "dur",
            "vague", "year", "month"),
    "#mod": ("monyear", "monrel", "decade", "season", "rel", "dayword", "thistod", "weekday", "anaphor",
             "year", "month"),
    "#rel": ("season", "rel", "thistod", "dur", "vague"),
    "that": ("anaphor",),
    "#num": ("ago", "dur", "set"),
    "#dayword": ("dayword",),
    "#set": ("set",),
    "#vague": ("vague",),
    "#season": ("season",),
    "#fiscal": ("quarter", "year"),
    "#ordinal": ("quarter", "century"),
    "#clock": ("time",),
    "#unit": ("quarter", "dur", "vdur"),
}  # fmt: skip
_WORD_CLASSES: dict[str, tuple[str, ...]] = {
    **{m: ("#month",) for m in MONTHS},
    **{w: ("#weekday",) for w in WEEKDAYS},
    "the": ("the",),
    **{w: ("#mod",) for w in ("early", "late", "earlier", "later", "mid")},
    **{w: ("#rel",) for w in ("this", "last", "next", "past", "previous", "current")},
    "coming": ("#rel", "#vague"),
    "that": ("that",),
    **{w: ("#num",) for w in [*_NUMWORDS, "a", "an", "several", "few", "many", "dozens", "hundreds"]},
    **{w: ("#num",) for w in _APPROX_FIRST.split()},
    "at": ("#num", "#vague"),
    **{w: ("#dayword",) for w in ("today", "tonight", "yesterday", "tomorrow")},
    **{
        w: ("#set",)
        for w in [
            "every",
            "each",
            "daily",
            "weekly",
            "monthly",
            "annually",
            "yearly",
            "nightly",
            "hourly",
            "biweekly",
            "fortnightly",
            "once",
            "twice",
        ]
    },
    **{
        w: ("#vague",)
        for w in ["in", "recent", "recently", "lately", "now", "nowadays", "currently", "these", "soon"]
    },
    **{w: ("#season",) for w in SEASONS},
    **{w: ("#fiscal",) for w in ("fiscal", "fy", "q1", "q2", "q3", "q4")},
    **{w: ("#ordinal",) for w in ("first", "second", "third", "fourth", "final")},
    **{w: ("#clock",) for w in ("noon", "midnight")},
    **{
        w: ("#unit",)
        for w in [
            "decades",
            "hours",
            "months",
            "weeks",
            "years",
            "centuries",
            "day",
            "week",
            "month",
            "year",
            "decade",
        ]
    },
}
# Words that may stand inside an expression before its head word ("more than a quarter of").
_INNER = frozenset(
    [
        *_WORD_CLASSES,
        "of",
        "and",
        "on",
        "to",
        "than",
        "least",
        "half",
        "other",
        "single",
        "times",
        "per",
        "start",
        "beginning",
        "end",
        "middle",
        "turn",
        "rest",
        "remainder",
        "same",
        "following",
        "preceding",
        "near",
        "distant",
        "foreseeable",
        "immediate",
        "couple",
        "dozen",
        "latest",
        "comparable",
        "corresponding",
        "or",
        "in",
    ]
)
# Head words: every expression contains one; the scan starts from them.
_HEADS = [
    *MONTHS,
    *WEEKDAYS,
    *SEASONS,
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "morning",
    "afternoon",
    "evening",
    "night",
    "now",
    "currently",
    "recently",
    "lately",
    "nowadays",
    "future",
    "past",
    "present",
    "moment",
    "being",
    "soon",
    "noon",
    "midnight",
    "eve",
    "quarter",
    "half",
    "q1",
    "q2",
    "q3",
    "q4",
    "fy",
    "weekday",
    "daily",
    "weekly",
    "monthly",
    "annually",
    "yearly",
    "nightly",
    "hourly",
    "biweekly",
    "fortnightly",
    "seconds",
    "fiscal",
    "century",
    "centuries",
    "weekend",
    "weekends",
    "period",
] + [
    u + s
    for u in ("minute", "hour", "day", "week", "fortnight", "month", "year", "decade")
    for s in ("", "s")
]
_GAP = r"[ \u00a0-]{0,3}"
_MAX_BACK = 6  # inner words a scan steps back over, at most
_DIGIT_RUN = re.compile(r"[0-9]{1,5}")


_Trie = dict[str, "_Trie"]


def _alternation(words: list[str]) -> str:
    """A regex alternation of ``words`` factored as a trie, so a failing position costs one test."""
    trie: _Trie = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        branches = []
        end = "" in node
        for ch in sorted(k for k in node if k):
            branches.append(re.escape(ch) + emit(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return emit(trie)


@attrs.frozen
class _Tables:
    """What a scan needs, compiled once per process."""

    heads: object  # the Aho-Corasick automaton: head word -> (length, pattern or None)
    digits: tuple[re.Pattern[str] | None, ...]  # the grammar after a number of 0, 1, 2... 4+ digits
    decade: re.Pattern[str]  # the grammar for "'90s"
    back: re.Pattern[str]  # the inner words before a head, read on the reversed text
    by_rev: dict[str, re.Pattern[str] | None]  # reversed word -> the grammar of what it opens


@cache
def _tables() -> _Tables:
    import ahocorasick

    by_word = {w: _grammar_for(w) for w in _INNER if not w[:1].isdigit()}
    auto = ahocorasick.Automaton()
    for w in _HEADS:
        auto.add_word(w, (len(w), by_word.get(w) or _grammar_for(w)))
    for d in "0123456789":
        auto.add_word(d, (1, None))
    auto.make_automaton()
    # The inner words nearest the head first, each a group of its own: group k is the k-th word back.
    word = rf"({_alternation(sorted(w[::-1] for w in _INNER))})(?![^\W_])"
    back = ""
    for _ in range(_MAX_BACK):
        back = f"(?:{_GAP}{word}{back})?"
    decade = _sub_grammar(("decade",))
    short, year, other = _grammar_for("#digit12"), _grammar_for("#digit4"), _grammar_for("#digit3")
    by_rev = {w[::-1]: p for w, p in by_word.items()}
    return _Tables(auto, (None, short, short, other, year, other), decade, re.compile(back), by_rev)


_ESCAPE_OR_UPPER = re.compile(r"(\\.)|([A-Z]+)")


@cache
def _sub_grammar(kinds: tuple[str, ...]) -> re.Pattern[str]:
    """The alternatives ``kinds``, lowercased: matched on the lowercased text, which is twice as fast
    as matching the text with IGNORECASE."""
    patterns = dict(_KINDS)
    body = "|".join(f"(?P<{k}>{_lower(patterns[k])})" for k, _ in _KINDS if k in kinds)
    return re.compile(rf"(?<![\w’'-])(?:{body})")


def _lower(pattern: str) -> str:
    return _ESCAPE_OR_UPPER.sub(lambda m: m.group(1) or m.group(2).lower(), pattern)


def _grammar_for(word: str) -> re.Pattern[str] | None:
    """The grammar of the expressions ``word`` (lowercase; ``#``: a class) can open, or None."""
    classes = (word,) if word[:1] == "#" else _WORD_CLASSES.get(word, ())
    wanted = {k for c in classes for k in _OPENERS[c]}
    kinds = tuple(k for k, _ in _KINDS if k in wanted)
    return _sub_grammar(kinds) if kinds else None


Found = tuple[str, int, int]  # (kind, start, end) of a candidate before resolution


def lowered(text: str) -> str:
    """``text`` in lower case, with the same offsets."""
    low = text.lower()
    if len(low) != len(text):  # a few characters ("İ") lowercase to two: keep those as they are
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low


def scan(low: str, rev: str | None = None) -> list[Found]:
    """Every candidate expression of a lowercased text (``rev``: reversed), left to right, no overlaps.

    Head words (months, units, numbers...) are found in one pass of an Aho-Corasick automaton;
    from each, one match on the reversed text steps back over the words that may open the
    expression ("the", "early", "more than a"), and the grammar of the earliest opener that
    reaches past the head wins.
    """
    n = len(low)
    tables = _tables()
    if rev is None:
        rev = low[::-1]
    back_match = tables.back.match
    by_rev = tables.by_rev
    digits = tables.digits
    out: list[Found] = []
    last_end = 0
    for end, (length, pattern) in tables.heads.iter(low):  # type: ignore[attr-defined]
        head = end - length + 1
        if head < last_end:
            continue
        before = low[head - 1] if head else " "
        if before.isalnum():
            continue  # inside a word or a number
        if length == 1:  # a number: not after a decimal point or a thousands separator
            if before in ".,":
                continue
            run = _DIGIT_RUN.match(low, head)
            pattern = digits[run.end() - head if run else 5]
        elif end + 1 < n and low[end + 1].isalnum():
            continue
        starts: list[tuple[int, re.Pattern[str] | None]] = []
        if before in "'’":
            if length == 1:
                starts.append((head - 1, tables.decade))
        elif head:
            m = back_match(rev, n - head, n - max(last_end, head - 60))
            if m is not None:
                k = m.lastindex
                while k:
                    starts.append((n - m.end(k), by_rev[m.group(k)]))
                    k -= 1
        starts.append((head, pattern))
        for pos, grammar in starts:
            if grammar is not None:
                found = grammar.match(low, pos)
                if found is not None and found.end() > head:
                    last_end = found.end()
                    out.append((found.lastgroup or "", pos, last_end))
                    break
    return out
