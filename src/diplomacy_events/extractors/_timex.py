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

from diplomacy_events.wordtrie import alternation

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


def _alternation(words: list[str]) -> str:
    """A regex alternation of ``words`` factored as a trie, so a failing position costs one test."""
    return alternation(words, space=re.escape(" "))


def _alt(words: str) -> str:
    """A group matching any of the space-separated ``words`` (``_`` stands for a space), as a trie."""
    return f"(?:{_alternation([w.replace('_', ' ') for w in words.split()])})"


_SP = r"[ \u00a0]"
_DASH = r"[-–—]"
_MONTH_FULL = _alt("January February March April May June July August September October November December")
_MONTH_ABBR = _alt("Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec") + r"\.?"
_MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_WD = _alt("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
_TOD = _alt("morning afternoon evening night overnight")
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
_YEAR_DIGITS = r"(?:1[5-9]\d\d|20\d\d)(?![\d%])"
_UNITW = _alt("one two three four five six seven eight nine")
_TENSW = _alt("twenty thirty forty fifty sixty seventy eighty ninety")
_TEENW = _alt("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen")
# A year of the last century in words, as read aloud ("nineteen ninety-six", "nineteen oh five").
_WYEAR = rf"nineteen[- ](?:{_TENSW}(?:[- ]{_UNITW})?|{_TEENW}|oh[- ]{_UNITW})(?![\w-])"
_YEAR = rf"(?:{_YEAR_DIGITS}|{_WYEAR})"
# "the year two thousand (and one)": only after "the year", since "two thousand" is mostly a count.
_Y2K = rf"two[- ]thousand(?:[- ](?:and[- ])?(?:{_TEENW}|{_UNITW}|twenty))?(?![\w-])"
_RSEP = rf"(?:{_SP}?{_DASH}{_SP}?|{_SP}(?:to|through|until|till|and){_SP})"
_YSEP = rf"(?:{_SP}?{_DASH}{_SP}?|{_SP}(?:to|through|until|till){_SP})"
_SEASON = _alt("spring summer autumn fall winter")
_UNIT1 = _alt("second minute hour day week fortnight month year decade century weekend")
_UNIT = _alt("second minute hour day week fortnight month year decade century centurie weekend") + "s?"
_NUMWORD = _alt(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety"
)
_NUM = (
    rf"(?:\d{{1,4}}(?:\.\d)?(?![\d,])(?:{_SP}1/2)?|{_NUMWORD}(?:[- ]{_NUMWORD})?"
    rf"(?:{_SP}(?:hundred|thousand))?|a{_SP}(?:hundred|thousand|couple{_SP}of|few|dozen)|couple{_SP}of|"
    rf"(?:dozens|hundreds){_SP}of|several|"
    rf"an?|many|few)"
)
_APPROX = _alt(
    "more_than less_than fewer_than nearly almost about around up_to at_least roughly approximately some "
    "over just_over just_under under barely only"
)
_MODW = r"(?:early|late|earlier|later|mid|the (?:start|beginning|end|middle|turn|rest|remainder) of)"
_REL = _alt("this last next past coming previous current")
_ZONE = _alt("GMT UTC EST EDT CET CEST BST PST PDT ET local_time")

_KINDS: tuple[tuple[str, str], ...] = (
    ("iso", r"(?<![\d-])(?:1[5-9]|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:T\d\d:\d\d)?(?![\d-])"),
    (
        "numdate",
        # "6/14/2023", and "21.04.2025" (day first, as where the dotted form is written)
        r"(?<![\d/.])(?:0?[1-9]|[12]\d|3[01])(?:/(?:0?[1-9]|[12]\d|3[01])/|\.(?:0?[1-9]|1[0-2])\.)"
        r"(?:1[5-9]|20)\d\d(?![\d/]|\.\d)",
    ),
    ("rmd", rf"{_MONTH}{_SP}{_DAY}{_RSEP}(?:{_MONTH}{_SP})?{_DAY}(?:,?{_SP}{_YEAR})?"),
    ("rdm", rf"{_DAY}(?:{_SP}{_MONTH})?{_RSEP}{_DAY}{_SP}(?:of{_SP})?{_MONTH}(?:,?{_SP}{_YEAR})?"),
    (
        "date",
        rf"(?:{_WD},?{_SP}(?:the{_SP})?)?(?:{_MONTH}{_SP}{_DAY}(?:,?{_SP}{_YEAR})?"
        rf"|{_DAY}{_SP}(?:of{_SP})?{_MONTH}(?:,?{_SP}{_YEAR})?)",
    ),
    ("monyear", rf"(?:{_MODW}[- ]?)?{_MONTH},?{_SP}(?:of{_SP})?{_YEAR}"),
    ("monrel", rf"(?:{_MODW}[- ]?)?{_MONTH_FULL}{_SP}(?:last|next|this){_SP}year"),
    ("yrange", rf"(?<![\w$€£#.,/-]){_YEAR_DIGITS}{_YSEP}(?:{_YEAR_DIGITS}|\d\d(?![\d%]))"),
    ("decade", rf"(?:the{_SP})?(?:(?:early|late|mid)[- ]?)?(?:(?:1[5-9]|20)\d0s|[’']\d0s)"),
    ("century", rf"(?:the{_SP})?(?:\d{{1,2}}(?:st|nd|rd|th)|[a-z]+th|first|second|third)[- ]century"),
    (
        "quarter",
        # the guard: the letters its forms open with, to reject other positions in one test
        rf"(?=[tqy1-4fslcp])(?:"
        rf"(?:the{_SP})?(?:{_YEAR_DIGITS}{_SP})?(?:(?:first|second|third|fourth|final|1st|2nd|3rd|4th)[- ]"
        rf"(?:fiscal{_SP})?quarter"
        rf"|(?:first|second){_SP}half)(?:{_SP}of{_SP}(?:{_YEAR}|(?:this|last|next|the){_SP}year))?"
        rf"|(?:the{_SP})?last{_SP}half{_SP}of{_SP}(?:{_YEAR}|(?:this|last|next|the){_SP}year)"
        rf"|Q[1-4]{_SP}?{_YEAR_DIGITS}|[12]Q{_SP}?{_YEAR_DIGITS}"
        rf"|(?:the{_SP})?(?:(?:latest|current|past|last|same|comparable|corresponding|fiscal|year-ago|"
        rf"year-earlier){_SP}){{1,3}}(?:(?:first|second|third|fourth|1st|2nd|3rd|4th)[- ])?(?:quarter|period)"
        rf"(?:{_SP}(?:a{_SP}year{_SP}(?:ago|earlier)|last{_SP}year))?(?![\w-])"
        rf"|the{_SP}{_YEAR_DIGITS}{_SP}(?:quarter|period)(?![\w-])"
        rf"|the{_SP}quarter(?:{_SP}a{_SP}year{_SP}(?:ago|earlier))?(?![\w-])|year-(?:ago|earlier)(?![\w-]))",
    ),
    (
        "yearq",
        rf"(?:last|next|this){_SP}year[’']s{_SP}(?:(?:first|second|third|fourth|1st|2nd|3rd|4th)[- ])?"
        rf"quarter(?![\w-])",
    ),
    (
        "season",
        rf"(?:(?:{_MODW}[- ]?)?(?:this|last|next|the|early|late){_SP})?{_SEASON}(?:{_SP}of)?{_SP}{_YEAR}"
        rf"|(?:{_MODW}[- ]?)?(?:this{_SP}past|this{_SP}coming|this|last|next|past|coming){_SP}{_SEASON}"
        rf"|the{_SP}(?:(?:early|late|mid)[- ]?)?(?:spring|summer|autumn|winter)(?![\w’'-])",
    ),
    ("holiday", ""),  # built from the lexicon on first use: see _holiday_pattern
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
        rf"(?:(?:early|late|earlier|later){_SP})?(?:today|tonight|yesterday|tomorrow)(?:{_SP}{_TOD})?"
        rf"|(?:(?:mid|early|late)[- ]?)?(?:morning|afternoon|evening){_SP}(?:today|yesterday|tomorrow)",
    ),
    (
        "thistod",
        rf"(?:(?:early|late|earlier|later){_SP})?this{_SP}(?:morning|afternoon|evening)|(?:late{_SP})?last{_SP}night",
    ),
    (
        "time",
        rf"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?{_SP}?(?:a\.m\.|p\.m\.|am\b|pm\b)|(?:[01]?\d|2[0-3]):[0-5]\d"
        rf"(?={_SP}?{_ZONE})|noon|midnight|midday"
        # "1145 GMT" in wire copy; "14:40" opening a line, the time stamp of a live post
        rf"|(?:[01]\d|2[0-3])[0-5]\d(?={_SP}?(?:gmt|utc)\b)|(?<![^\n])(?:[01]?\d|2[0-3]):[0-5]\d(?=[ \t\n]|$)"
        # "Updated 17:40" heading a live page
        rf"|(?<=[Uu]pdated )(?:[01]?\d|2[0-3]):[0-5]\d)"
        rf"(?:{_SP}?{_ZONE})?"
        rf"(?:,?{_SP}(?:on{_SP})?(?:{_WD}|{_MONTH}{_SP}{_DAY}(?:,?{_SP}{_YEAR_DIGITS})?))?",
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
        "theyear",
        rf"(?:(?:early|late|earlier|later){_SP}in{_SP})?the{_SP}(?:(?:full|fiscal|latest|whole|entire){_SP}){{0,2}}"
        rf"year(?:{_SP}{_Y2K}|(?![\w’'-]))",
    ),
    (
        "ago",
        rf"(?:{_APPROX}{_SP})?{_NUM}(?:{_SP}and{_SP}a{_SP}half)?{_SP}{_UNIT}{_SP}"
        rf"(?:ago|earlier|later|before|from{_SP}now|previously|hence)(?![\w-])",
    ),
    (
        "dur",
        rf"(?:{_APPROX}{_SP})?(?:the{_SP}(?:past|last|next|coming|first|final|previous|following|latest){_SP})?"
        rf"(?:{_NUM}{_SP}(?:to|or){_SP})?{_NUM}(?:{_SP}and{_SP}a{_SP}half)?"
        rf"(?:{_SP}(?:more|additional|further|straight|consecutive|full))?(?:{_SP}|-)(?:{_UNIT}(?:-long)?)"
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
            first = self._starts[0]
            return -1, lo, hi if hi < first else first
        first, last = self._starts[i], self._ends[i]
        if last < offset:
            last = offset
        return i, lo if lo > first else first, hi if hi < last else last

    def at(self, start: int, end: int) -> str:
        """``past``, ``future``, ``would`` (future seen from the past) or ``none``; ``past-to``: a past
        clause whose infinitive holds the span ("agreed to buy it in May"), which may lie ahead of it."""
        text = self.text
        nxt = _NEXT_VERB.match(text, end)
        if nxt is not None:  # "the court Thursday refused": a verb right after the span is its clause's
            w = nxt.group(1)
            quick = _VERDICTS.get(w)
            if quick is None and w.endswith("ed") and len(w) > 3 and w not in _NOT_PAST:
                quick = "past"
            if quick is not None and quick not in _NO_QUICK:
                return quick
        index, first, _ = self._sentence(start, start - 250 if start > 250 else 0, start)
        last_index, last_start, last_verdict = self._last
        if index >= 0 and index == last_index and first <= last_start < start:
            verdict = _scan(_TOKEN.findall(text, last_start, start)[-1:-31:-1]) or last_verdict
        else:
            for width in (80, 250):  # most clauses show their tense within a few words: look near first
                lo = start - width if start - width > first else first
                words = _TOKEN.findall(text, lo, start)
                if lo > first and words and text[lo - 1].isalnum():
                    words = words[1:]  # the window cut a word
                verdict = _scan(words[-1:-31:-1])
                if verdict or lo == first:
                    break
        self._last = (index, start, verdict)
        if verdict == "present":  # "the dividend is payable Jan. 2": a present clause, no need to look on
            return "none"
        if verdict and verdict != "none":
            return verdict
        _, _, last = self._sentence(end, end, end + 150)
        ahead = _TOKEN.findall(text, end, last)
        # the verb of a clause the span opens ("In January, a week after ..., a bomb killed") may be far
        return _scan(ahead[:12], forward=True) or _scan(ahead[12:30], forward=True) or "none"


_STOPS = frozenset({";", ":", "(", ")", "[", "]", "—"})
_PREV_CUES = frozenset({"was", "were", "had", "is", "are", "am", "be", "being", "who", "which"})


_VERDICTS: dict[str, str] = {
    **{w: "past" for w in _PAST},
    **{w: "would" for w in _MODAL},
    **{w: "future" for w in _FUTURE},
    **{w: "none" for w in _STOPS},
    # The present tense has no direction of its own: read backwards, it ends the search ("is payable
    # Jan. 2"); read forwards, the words after it decide ("Friday, he is due to attend").
    **{w: "present" for w in ("is", "are", "am")},
    "but": "but",
}
_PRESENT = frozenset({"is", "are", "am"})
_NO_QUICK = frozenset({"none", "present", "but"})  # verdicts a word right after a span does not give


# Words after "to" that show it is a preposition ("to the", "to power"), not an infinitive ("to buy").
_NOT_INFINITIVE = frozenset(
    [
        "the",
        "a",
        "an",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
        "this",
        "that",
        "these",
        "those",
        "some",
        "all",
        "any",
        "each",
        "every",
        "both",
        "no",
        "him",
        "them",
        "me",
        "us",
        "it",
        "date",
        "power",
        "office",
        "court",
        "war",
        "prison",
        "jail",
        "death",
        "school",
        "market",
        "bed",
        "town",
        "church",
        "what",
        "which",
        "whom",
        "where",
        "about",
        "around",
        "more",
        "less",
        "record",
        "zero",
    ]
)


def _infinitive(word: str, raw: str) -> bool:
    """Whether ``word`` (``raw`` as written) after "to" reads as a verb: lower case, no plural or -ing."""
    return (
        raw[:1].islower()
        and word.isalpha()
        and word not in _NOT_INFINITIVE
        and word not in NUMBERS
        and not (word.endswith("s") and not word.endswith("ss"))
        and not word.endswith("ing")
    )


def _scan(words: list[str], forward: bool = False) -> str:
    """The tense the first telling word gives (nearest first); ``none`` at a stop, ``""`` if none."""
    if not words:
        return ""
    low = " ".join(words).lower().split(" ")  # tokens hold no space: one lowercasing for all
    n = len(low)
    aim = False
    for i, w in enumerate(low):
        verdict = _VERDICTS.get(w)
        if verdict is not None:
            if verdict == "past" and low[i - 1 if forward else i + 1 : i if forward else i + 2] == ["be"]:
                continue  # "to be paid", "will be held": a participle after "be", not a past verb
            if verdict == "present":
                if forward:
                    continue
                return verdict
            if verdict == "but":
                aim = False  # "filed suit to overturn it, but in March a judge ruled": another clause
                continue
            return "past-to" if aim and verdict == "past" else verdict
        plan = w in _PLAN
        if not plan and w[-1:] not in {"d", "s", "o"}:
            continue  # the rules below only concern plans, "-ed", "-s" and "to"
        if w == "to" and not forward and i and _infinitive(low[i - 1], words[i - 1]):
            if i + 1 < n and low[i + 1] in _PRESENT:
                return "future"
            aim = True  # "agreed to buy the unit in February": the month may lie ahead of the verb
            continue
        prev_i = i - 1 if forward else i + 1
        prev = low[prev_i] if 0 <= prev_i < n else ""
        if plan:
            nxt_i = i + 1 if forward else i - 1
            if w not in _PLAN_TO or (0 <= nxt_i < n and low[nxt_i] == "to"):
                return "would" if prev in {"was", "were", "had"} else "future"
        elif prev not in _PREV_CUES:
            if w.endswith("ed") and len(w) > 3 and words[i][:1].islower() and w not in _NOT_PAST:
                after_i = i - 1 if not forward else i + 1
                if 0 <= after_i < n and low[after_i] == "by":
                    continue  # "a lunch hosted by X": a participle, not the verb of the clause
                return "past-to" if aim else "past"
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
            return "past-to" if aim else "past"
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
    if tense == "future":
        return dct.year if month >= dct.month else dct.year + 1
    if tense == "would":  # ahead of a past event: ahead of the publication date, or a little before it
        return dct.year + 1 if month - dct.month < -3 else dct.year
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
    # a past clause never looks more than a season ahead, nor a future one more than a season back
    if (gap > 183 and tense != "future") or (tense == "past" and gap > 90):
        return y - 1
    if (gap < -183 and tense != "past") or (tense == "future" and gap < -90):
        return y + 1
    return y


def fmt_num(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def duration_value(count: float | None, unit: str) -> str:
    """ISO 8601 duration of ``count`` units (``X`` when the count is vague)."""
    designator, mult, is_time = UNITS.get(unit, ("D", 1, False))
    if designator == "WE":
        designator, mult = "D", 2
    if count is not None and count * mult != int(count * mult) and designator in _SMALLER:
        # "two and a half years": P2Y6M, as TimeML writes it, where the smaller unit counts it whole
        whole = int(count * mult)
        smaller, per = _SMALLER[designator]
        part = (count * mult - whole) * per
        if part == int(part):
            time_part = is_time or designator == "D"
            head = f"P{whole}{designator}" if not is_time else f"PT{whole}{designator}"
            return f"{head}{'T' if time_part and not is_time else ''}{int(part)}{smaller}"
    n = "X" if count is None else fmt_num(count * mult)
    return f"PT{n}{designator}" if is_time else f"P{n}{designator}"


# the next smaller unit of a duration designator, and how many of it make one
_SMALLER: dict[str, tuple[str, int]] = {"Y": ("M", 12), "W": ("D", 7), "D": ("H", 24), "H": ("M", 60)}


def read_count(words: list[str]) -> float | None:
    """The number a phrase gives ("two and a half", "24", "twenty-four", "a few" -> None)."""
    total: float = 0
    seen = False
    for w in words:
        if w in VAGUE_COUNTS:
            return None
        if w == "1/2" and seen:
            total += 0.5
        elif w[0].isdigit():
            try:
                total += float(w)
            except ValueError:
                return None
            seen = True
        elif w in {"hundred", "thousand", "couple", "dozen"}:  # "a couple", "two dozen", "a hundred"
            total = (total or 1) * {"hundred": 100, "thousand": 1000, "couple": 2, "dozen": 12}[w]
            seen = True
        elif w == "half" and seen:
            total += 0.5
        elif w in NUMBERS and not (w in {"a", "an"} and seen):
            total += NUMBERS[w]
            seen = True
    return total if seen else None


def word_year(words: list[str]) -> int | None:
    """The year a phrase spells out ("nineteen ninety-six", "two thousand and one"), or None."""
    for i, w in enumerate(words):
        if w == "nineteen" and i + 1 < len(words):
            base, rest = 1900, words[i + 1 :]
        elif w == "thousand" and i and words[i - 1] == "two":
            base, rest = 2000, words[i + 1 :]
        else:
            continue
        n = sum(int(NUMBERS[x]) for x in rest if x in NUMBERS and x not in {"a", "an", "dozen", "couple"})
        return base + n if n < 100 else None
    return None


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
    "#digit4": ("iso", "yrange", "decade", "quarter", "ago", "dur", "set", "year", "time"),
    "#digit3": ("ago", "dur", "set"),
    "#month": ("rmd", "date", "monyear", "monrel", "month"),
    "#weekday": ("date", "weekday"),
    "the": ("decade", "century", "quarter", "season", "monyear", "monrel", "rel", "modthe", "anaphor",
            "theyear", "dur", "vague", "year", "month"),
    "#mod": ("monyear", "monrel", "decade", "season", "rel", "dayword", "thistod", "weekday", "anaphor",
             "theyear", "year", "month"),
    "#wyear": ("ago", "dur", "set", "year"),
    "#rel": ("yearq", "season", "holiday", "rel", "thistod", "dur", "vague"),
    "#holiday": ("holiday",),
    "that": ("anaphor",),
    "#num": ("ago", "dur", "set"),
    "#dayword": ("dayword",),
    "#set": ("set",),
    "#vague": ("vague",),
    "#season": ("season",),
    "#fiscal": ("quarter", "year"),
    "#ordinal": ("quarter", "century"),
    "#clock": ("time",),
    "#tod": ("dayword",),
    "#unit": ("quarter", "dur", "vdur"),
}  # fmt: skip
_FREQUENCIES = (
    "daily",
    "weekly",
    "monthly",
    "annually",
    "yearly",
    "nightly",
    "hourly",
    "biweekly",
    "fortnightly",
)
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
            *_FREQUENCIES,
            "once",
            "twice",
        ]
    },
    **{
        w: ("#vague",)
        for w in ["in", "recent", "recently", "lately", "now", "nowadays", "currently", "these", "soon"]
    },
    **{w: ("#season",) for w in SEASONS},
    "nineteen": ("#wyear",),
    **{w: ("#fiscal",) for w in ("fiscal", "fy", "q1", "q2", "q3", "q4")},
    **{w: ("#ordinal",) for w in ("first", "second", "third", "fourth", "final")},
    **{w: ("#clock",) for w in ("noon", "midnight", "midday")},
    **{w: ("#tod",) for w in ("morning", "afternoon", "evening")},
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
        "hundred",
        "thousand",
        "full",
        "additional",
        "further",
        "straight",
        "consecutive",
        "whole",
        "entire",
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
    "midday",
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
    *_FREQUENCIES,
    "seconds",
    "fiscal",
    "century",
    "centuries",
    "weekend",
    "weekends",
    "period",
    "nineteen",
] + [
    u + s
    for u in ("minute", "hour", "day", "week", "fortnight", "month", "year", "decade")
    for s in ("", "s")
]
_GAP = r"[ \u00a0-]{0,3}"
_MAX_BACK = 6  # inner words a scan steps back over, at most
_DIGIT_RUN = re.compile(r"[0-9]{1,5}")


@attrs.frozen
class _Tables:
    """What a scan needs, compiled once per process."""

    heads: object  # the Aho-Corasick automaton: head word -> (length, pattern or None)
    digits: tuple[_Grammar | None, ...]  # the grammar after a number of 0, 1, 2... 4+ digits
    decade: _Grammar  # the grammar for "'90s"
    back: re.Pattern[str]  # the inner words before a head, read on the reversed text
    by_rev: dict[str, _Grammar | None]  # reversed word -> the grammar of what it opens


@cache
def _tables() -> _Tables:
    import ahocorasick

    by_word = {w: _grammar_for(w) for w in _INNER if not w[:1].isdigit()}
    auto = ahocorasick.Automaton()
    for w in _HEADS:
        auto.add_word(w, (len(w), by_word.get(w) or _grammar_for(w)))
    holiday = _grammar_for("#holiday")
    for name in holidays():
        for key in {name, name.replace("'", "’")}:
            if not auto.exists(key):
                auto.add_word(key, (len(key), holiday))
    for d in "0123456789":
        auto.add_word(d, (1, None))
    auto.make_automaton()
    # The inner words nearest the head first, each a group of its own: group k is the k-th word back.
    word = rf"({_alternation(sorted(w[::-1] for w in _INNER))})(?![^\W_])"
    back = ""
    for _ in range(_MAX_BACK):
        back = f"(?:{_GAP}{word}{back})?"
    decade = _lazy(("decade",))
    short, year, other = _grammar_for("#digit12"), _grammar_for("#digit4"), _grammar_for("#digit3")
    by_rev = {w[::-1]: p for w, p in by_word.items()}
    return _Tables(auto, (None, short, short, other, year, other), decade, re.compile(back), by_rev)


Holiday = tuple[str, tuple[int, ...]]  # (rule: fixed, easter or nth_weekday, its numbers)


@cache
def holidays() -> dict[str, Holiday]:
    """Named days of the lexicon, by lowercase name (straight apostrophes)."""
    from diplomacy_events.lexicon import load_json

    data = load_json("dates_holidays.json")
    out: dict[str, Holiday] = {}
    for rule in ("fixed", "easter", "nth_weekday"):
        for name, spec in data[rule].items():
            out[name] = (rule, tuple(spec) if isinstance(spec, list) else (int(spec),))
    return out


def _holiday_pattern() -> str:
    # a trie of the names, so that a failing position costs one test; greedy, so the longest name wins
    names = _alternation(sorted(holidays())).replace("\\ ", _SP).replace("'", "['’]")
    return rf"(?:(?:last|next|this){_SP})?{names}(?:{_SP}week|,?{_SP}{_YEAR_DIGITS})?(?![\w’'-])"


def easter_sunday(year: int) -> dt.date:
    """Western Easter Sunday of ``year`` (the Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    lw = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * lw) // 451
    month, day = divmod(h + lw - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def holiday_date(spec: Holiday, year: int) -> dt.date | None:
    """The day a named day falls on in ``year``."""
    rule, nums = spec
    try:
        if rule == "fixed":
            return dt.date(year, nums[0], nums[1])
        if rule == "easter":
            return easter_sunday(year) + dt.timedelta(days=nums[0])
        month, weekday, nth, extra = nums
        if nth > 0:
            first = dt.date(year, month, 1)
            day = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
        else:
            y2, m2 = add_months(year, month, 1)
            last = dt.date(y2, m2, 1) - dt.timedelta(days=1)
            day = last - dt.timedelta(days=(last.weekday() - weekday) % 7)
        return day + dt.timedelta(days=extra)
    except (ValueError, OverflowError):
        return None


_ESCAPE_OR_UPPER = re.compile(r"(\\.)|([A-Z]+)")


@cache
def _sub_grammar(kinds: tuple[str, ...]) -> re.Pattern[str]:
    """The alternatives ``kinds``, lowercased: matched on the lowercased text, which is twice as fast
    as matching the text with IGNORECASE."""
    patterns = dict(_KINDS)
    patterns["holiday"] = _holiday_pattern()
    body = "|".join(f"(?P<{k}>{_lower(patterns[k])})" for k, _ in _KINDS if k in kinds)
    return re.compile(rf"(?<![\w’'-])(?:{body})")


def _lower(pattern: str) -> str:
    return _ESCAPE_OR_UPPER.sub(lambda m: m.group(1) or m.group(2).lower(), pattern)


class _Grammar:
    """A sub-grammar compiled on its first match: a first document pays only for the grammars
    its words need, which keeps the cold start short (compiling them all costs ~0.15 s)."""

    __slots__ = ("_pattern", "kinds")

    def __init__(self, kinds: tuple[str, ...]) -> None:
        self.kinds = kinds
        self._pattern: re.Pattern[str] | None = None

    def match(self, text: str, pos: int) -> re.Match[str] | None:
        if self._pattern is None:
            self._pattern = _sub_grammar(self.kinds)
        return self._pattern.match(text, pos)


@cache
def _lazy(kinds: tuple[str, ...]) -> _Grammar:
    return _Grammar(kinds)


def _grammar_for(word: str) -> _Grammar | None:
    """The grammar of the expressions ``word`` (lowercase; ``#``: a class) can open, or None."""
    classes = (word,) if word[:1] == "#" else _WORD_CLASSES.get(word, ())
    wanted = {k for c in classes for k in _OPENERS[c]}
    kinds = tuple(k for k, _ in _KINDS if k in wanted)
    return _lazy(kinds) if kinds else None


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
        # the openers before the head, earliest first, then the head: the first to reach past it wins
        found = None
        if before in "'’":
            if length == 1:
                pos = head - 1
                found = tables.decade.match(low, pos)
        elif head:
            lo = head - 60
            m = back_match(rev, n - head, n - (lo if lo > last_end else last_end))
            k = m.lastindex if m is not None else None
            while k:
                grammar = by_rev[m.group(k)]  # type: ignore[union-attr]
                if grammar is not None:
                    pos = n - m.end(k)  # type: ignore[union-attr]
                    found = grammar.match(low, pos)
                    if found is not None and found.end() > head:
                        break
                k -= 1
        if (found is None or found.end() <= head) and pattern is not None:
            pos = head
            found = pattern.match(low, pos)
        if found is not None and found.end() > head:
            last_end = found.end()
            out.append((found.lastgroup or "", pos, last_end))
    return out
