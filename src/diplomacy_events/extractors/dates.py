"""The built-in temporal expression extractor: TIMEX3 values resolved against the publication date.

:func:`find_dates` scans the text once with a combined regular expression (see
:mod:`._timex`), rejects what only looks like a date ("4 min read", "May" the name, "G20"),
and resolves each expression with the tense of its clause ("will visit on Sunday" looks
forward, "met on Sunday" back) and the last date the text anchored ("the following day").
Patterns registered by plugins (``knowledge.date_patterns``) are applied too and win overlaps.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Sequence

import attrs

from diplomacy_events.extractors import _timex as tx
from diplomacy_events.hookspecs import hookimpl
from diplomacy_events.lexicon import EMPTY, Knowledge
from diplomacy_events.models import Document, TimeExpression
from diplomacy_events.text import Analysis

__all__ = ["extract_dates", "find_dates"]

# Words after which a bare "May" is the month, not a name or a modal verb.
_MONTH_CUES = frozenset(
    [
        "in",
        "since",
        "until",
        "till",
        "by",
        "of",
        "from",
        "to",
        "through",
        "between",
        "and",
        "or",
        "early",
        "late",
        "mid",
        "last",
        "next",
        "this",
        "that",
        "during",
        "before",
        "after",
        "throughout",
        "end",
        "beginning",
        "start",
        "middle",
        "since",
        "around",
        "as",
    ]
)
# A number followed by one of these counts things; it is not a year.
_COUNT_NOUNS = frozenset(
    [
        "people",
        "persons",
        "troops",
        "soldiers",
        "votes",
        "km",
        "kilometres",
        "kilometers",
        "miles",
        "metres",
        "meters",
        "feet",
        "tons",
        "tonnes",
        "dollars",
        "euros",
        "pounds",
        "yuan",
        "yen",
        "rupees",
        "barrels",
        "units",
        "members",
        "delegates",
        "cases",
        "deaths",
        "seats",
        "points",
        "acres",
        "hectares",
        "copies",
        "words",
        "employees",
        "workers",
        "jobs",
        "cars",
        "vehicles",
        "homes",
        "houses",
        "refugees",
        "migrants",
        "students",
        "civilians",
        "prisoners",
        "missiles",
        "drones",
        "rockets",
        "aircraft",
        "planes",
        "ships",
        "tanks",
        "companies",
        "firms",
        "sites",
        "pages",
        "percent",
        "per",
    ]
)
_NUMBER_PREFIXES = frozenset(
    [
        "article",
        "resolution",
        "no",
        "number",
        "flight",
        "route",
        "room",
        "page",
        "chapter",
        "section",
        "model",
        "boeing",
        "airbus",
        "code",
        "paragraph",
        "item",
        "rule",
    ]
)
# Words after which a bare "the year" is the current one ("for the year", not "the year the war ended").
_YEAR_CUES = frozenset({"for", "in", "of", "during", "throughout", "through", "over", "into", "until", "by"})
_ATTRIBUTIVE = frozenset({"a", "an", "the", "their", "his", "her", "its", "our", "your", "my"})
_PREV_WORD = re.compile(r"[\s,]*([\w’'.]+)")  # on the reversed text
_NEXT_WORD = re.compile(r"[\s,]*([\w’']+)")
_AND = re.compile(r"[ \u00a0]and[ \u00a0]")
_PHRASE_NEXT = re.compile(r"[ \u00a0]+[\w“\"‘'’$]")
_LWORDS = re.compile(r"[a-z]+|1/2|\d+(?:\.\d+)?")  # the words of an expression, on the lowercased text
_CASED_KINDS = frozenset(
    {"rmd", "rdm", "date", "monyear", "monrel", "rel", "weekday", "month", "season", "time", "set", "decade",
     "quarter", "yrange"}
)  # fmt: skip
# A month or weekday name whose first letter is lower case ("may", "march", "sunday").
_LOWER_CALENDAR_WORD = re.compile(  # a lower-case first letter, then any case; the names as a trie
    r"(?<![A-Za-z])(?=[a-z])(?i:" + tx._alternation(sorted([*tx.MONTHS, *tx.WEEKDAYS])) + r")(?![A-Za-z])"
)
_CLOCK = re.compile(r"(\d{1,2})(?::?(\d\d))?\s?([ap])?", re.IGNORECASE)


class _State:
    """What resolution needs beyond the match: publication date, anchors, quotations."""

    __slots__ = (
        "anchor_day",
        "anchor_month",
        "anchor_quarter",
        "anchor_year",
        "dct",
        "low",
        "override",
        "quote_ends",
        "quote_starts",
        "rev",
        "span",
        "tenses",
        "text",
    )

    def __init__(self, text: str, dct: dt.date | None, analysis: Analysis | None) -> None:
        self.text = text
        self.low = tx.lowered(text)
        self.rev = self.low[::-1]
        self.tenses = tx.Tenses(text, analysis.sentences if analysis is not None else None)
        self.dct = dct
        self.anchor_day: dt.date | None = dct
        self.anchor_month: tuple[int, int] | None = (dct.year, dct.month) if dct else None
        self.anchor_year: int | None = dct.year if dct else None
        self.anchor_quarter: str | None = None
        self.span = (0, 0)  # the expression being resolved
        self.override: str | None = None
        """A direction the words just before the expression impose, whatever the clause's tense."""
        quotes = analysis.quotes if analysis is not None else ()
        self.quote_starts = [q.start for q in quotes]
        self.quote_ends = [q.end for q in quotes]

    def tense(self) -> str:
        """The tense of the clause of the expression being resolved."""
        if self.override is not None:
            return self.override
        t = self.tenses.at(*self.span)
        return "past" if t == "past-to" else t

    def aim(self) -> str:
        """As :meth:`tense`, for months and dates, which an infinitive may set ahead of its past verb."""
        if self.override is not None:
            return self.override
        t = self.tenses.at(*self.span)
        return "would" if t == "past-to" else t

    def in_quote(self, offset: int) -> bool:
        i = bisect.bisect_right(self.quote_starts, offset) - 1
        return i >= 0 and offset < self.quote_ends[i]

    def anchor_date(self, d: dt.date) -> None:
        """Remember a day the text fixed."""
        self.anchor_day, self.anchor_month, self.anchor_year = d, (d.year, d.month), d.year

    def anchor(self, value: str | None, gran: str) -> None:
        """Remember a date the text fixed, for "the following day" and "three years earlier"."""
        if not value or value[0] not in "0123456789":
            return
        try:
            if gran in {"day", "time"} and len(value) >= 10:
                d = dt.date.fromisoformat(value[:10])
                self.anchor_day, self.anchor_month, self.anchor_year = d, (d.year, d.month), d.year
            elif gran == "month" and len(value) == 7:
                self.anchor_month = (int(value[:4]), int(value[5:7]))
                self.anchor_year = int(value[:4])
            elif gran == "year" and len(value) == 4:
                self.anchor_year = int(value)
        except ValueError:
            return


def _prev_word(st: _State, start: int) -> str:
    """The word before ``start`` (lowercase, past spaces and commas), read on the reversed text."""
    n = len(st.rev)
    m = _PREV_WORD.match(st.rev, n - start, n - max(0, start - 40))
    return m.group(1)[::-1].rstrip(".") if m else ""


def _next_word(st: _State, end: int) -> str:
    m = _NEXT_WORD.match(st.low, end, end + 40)
    return m.group(1) if m else ""


def _accept(st: _State, kind: str, start: int, end: int, words: list[str]) -> bool:
    """Reject what only looks like a temporal expression."""
    if kind in _CASED_KINDS and _LOWER_CALENDAR_WORD.search(st.text, start, end):
        return False  # "may", "march", "sunday" in lower case are other words
    if kind == "month":
        s = st.text[start:end]
        if s == "May" and _prev_word(st, start) not in _MONTH_CUES:
            return False
        if s in {"March", "May"} and _next_word(st, end) in {"on", "to", "through", "in", "into", "against"}:
            return s == "May" and _prev_word(st, start) in _MONTH_CUES
    elif kind == "year":
        return _next_word(st, end) not in _COUNT_NOUNS and _prev_word(st, start) not in _NUMBER_PREFIXES
    elif kind in {"dur", "ago"}:
        return "second" not in words and _next_word(st, end) != "read"
    elif kind == "vdur":
        return _next_word(st, end) != "old" and not _is_amount(_prev_word(st, start))  # "52 years old"
    elif kind == "theyear" and words[0] == "the" and words[-1] == "year":
        return _prev_word(st, start) in _YEAR_CUES
    elif kind == "holiday":
        prefix = _HOLIDAY_PREFIX.match(st.low, start, end)
        return st.text[prefix.end() if prefix else start].isupper()  # "Easter", not "easter" in a name
    elif kind == "vague":
        if st.text[end : end + 1] == "-":
            return False
        if words == ["the", "moment"] and _prev_word(st, start) not in {"at", "for"}:
            return False
        if words == ["soon"] and _next_word(st, end) in {"as", "after"}:
            return False
    return True


_AMOUNT_WORDS = frozenset({"million", "billion", "thousand", "hundred", "trillion", "dozen"})


def _is_amount(word: str) -> bool:
    """Whether ``word`` ends a number or an amount ("52", "$2", "million", "flights" is not)."""
    return bool(word) and (word[-1].isdigit() or word in _AMOUNT_WORDS or word in tx.NUMBERS)


def find_dates(
    text: str,
    published: dt.date | None,
    analysis: Analysis | None = None,
    knowledge: Knowledge = EMPTY,
) -> list[TimeExpression]:
    """Every temporal expression of ``text``, sorted by start, with TIMEX3 value, type and granularity."""
    out: list[TimeExpression] = []
    state = _State(text, published, analysis)
    low = state.low
    for kind, start, end in tx.scan(low, state.rev):
        words = _LWORDS.findall(low, start, end)
        if not words or not _accept(state, kind, start, end, words):
            continue
        if kind == "ago" and words[-1] == "before" and _PHRASE_NEXT.match(low, end) is not None:
            # "ten days before the vote": "before" opens a phrase of its own and is no part of the timex
            end = low.rindex("before", start, end) - 1
            if tx.read_count(words) is None:  # "weeks before the vote": a duration
                kind, words = "dur", words[:-1]
        try:
            res = _resolve(kind, start, end, words, state)
        except (ValueError, OverflowError):
            res = None
        if res is None:
            continue
        value, typ, gran = res
        if kind in {"rmd", "rdm"}:
            joint = _AND.search(low, start, end)
            if joint is not None and _prev_word(state, start) != "between":
                # "June 5 and 7" is a list of two days, not a range ("between June 5 and 7" is one)
                days = value.split("/") if value else [None, None]
                first = TimeExpression(
                    start=start,
                    end=joint.start(),
                    text=text[start : joint.start()],
                    value=days[0],
                    type=typ,  # type: ignore[arg-type]
                    granularity="day",
                )
                out.append(first)
                start, value, gran = joint.end(), days[-1], "day"
        out.append(
            TimeExpression(
                start=start,
                end=end,
                text=text[start:end],
                value=value,
                type=typ,  # type: ignore[arg-type]
                granularity=gran,  # type: ignore[arg-type]
            )
        )
    out = _join_date_and_time(text, out)
    out = _add_foreign(text, out)
    if knowledge.date_patterns:
        out = _apply_plugins(text, published, knowledge, out)
    return out


_DATE_TIME_GAP = re.compile(r"[ \t]*,?[ \t]*(?:at[ \t]+)?")


def _join_date_and_time(text: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """A day and the clock time right after it are one point in time: "May 3, 2024 7:05 AM UTC",
    "21.04.2025 16:20 GMT" (the time already carries the day, which it takes from the date)."""
    if len(found) < 2:
        return found
    out: list[TimeExpression] = []
    i = 0
    while i < len(found):
        day = found[i]
        clock = found[i + 1] if i + 1 < len(found) else None
        if (
            clock is not None
            and day.granularity == "day"
            and day.value
            and clock.type == "TIME"
            and clock.value
            and clock.value.startswith(day.value + "T")
            and _DATE_TIME_GAP.fullmatch(text, day.end, clock.start)
        ):
            out.append(attrs.evolve(clock, start=day.start, text=text[day.start : clock.end]))
            i += 2
            continue
        out.append(day)
        i += 1
    return out


def _add_foreign(text: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """Dates written with another language's month name, where nothing else was found."""
    from diplomacy_events.extractors._foreign import foreign_dates

    extra = [
        TimeExpression(start=s, end=e, text=text[s:e], value=v, type="DATE", granularity="day")
        for s, e, v in foreign_dates(text)
    ]
    if not extra:
        return found
    # A whole foreign date wins over the year or number the English grammar read inside it.
    kept = [d for d in found if not any(x.start <= d.start and d.end <= x.end for x in extra)]
    extra = [x for x in extra if not any(d.start < x.end and x.start < d.end for d in kept)]
    return sorted([*kept, *extra], key=lambda d: (d.start, d.end))


def _apply_plugins(
    text: str, published: dt.date | None, knowledge: Knowledge, found: list[TimeExpression]
) -> list[TimeExpression]:
    """Add the matches of registered patterns; they win where they overlap a built-in one."""
    extra: list[TimeExpression] = []
    for pat in knowledge.date_patterns:
        for m in pat.pattern.finditer(text):
            try:
                res = pat.resolve(m, published)
            except Exception:  # a plugin's resolver must not stop extraction
                res = None
            if res is None:
                continue
            span = m.span("timex") if "timex" in pat.pattern.groupindex else m.span()
            if span[0] >= span[1] or any(span[0] < e.end and e.start < span[1] for e in extra):
                continue
            value, typ, gran = res
            extra.append(
                TimeExpression(
                    start=span[0],
                    end=span[1],
                    text=text[span[0] : span[1]],
                    value=value,
                    type=typ,  # type: ignore[arg-type]
                    granularity=gran,  # type: ignore[arg-type]
                )
            )
    kept = [d for d in found if not any(d.start < e.end and e.start < d.end for e in extra)]
    return sorted(kept + extra, key=lambda d: d.start)


@hookimpl(trylast=True)
def extract_dates(document: Document, analysis: Analysis, knowledge: Knowledge) -> Sequence[TimeExpression]:
    """The hook: :func:`find_dates` on the document's text and publication date."""
    return find_dates(document.text, document.published, analysis, knowledge)


# --------------------------------------------------------------------------- resolution


def _direction(text: str, start: int, end: int) -> str | None:
    """The direction the words right before an expression impose, or None (the clause decides):
    "since December" looks back; a day or month something is scheduled or postponed for ("a
    session was called for Wednesday", "pencilled in for April") or a deadline someone is given
    ("gave them until the end of January") lies ahead of the past verb, as does the time of a thing
    prepared for ("ahead of the October vote") or expected ("the May round was expected to ...")."""
    lead = text[max(0, start - 80) : start]
    if _SINCE.search(lead):
        return "past"
    if _SCHEDULED_FOR.search(lead) or _DEADLINE_UNTIL.search(lead):
        return "would"
    if ("ahead" in lead or "run-up" in lead or "prepar" in lead) and _AHEAD_OF.search(lead):
        return "would"
    if lead.endswith(("the ", "The ", "a ", "A ")) and _EXPECTED_THING.match(text, end, end + 80):
        return "would"
    return None


_AHEAD_OF = re.compile(
    r"\b(?:ahead\s+of|in\s+the\s+run-up\s+to|in\s+preparation\s+for|to\s+prepare\s+for)"
    r"\s+(?:the\s+|this\s+|a\s+)?$",
    re.IGNORECASE,
)
# "the May round was expected to ...": a thing named by its month, whose clause looks ahead.
_EXPECTED_THING = re.compile(
    r"\s+[a-z]+(?:\s+[a-z]+)?\s+(?:was|were|is|are)\s+(?:expected|due|scheduled|set|slated|likely|planned)\b"
)
_SINCE = re.compile(r"\b[Ss]ince\s+(?:(?:early|mid|late|the\s+(?:start|beginning|end|middle)\s+of)[\s-]+)?$")
_DEADLINE_UNTIL = re.compile(
    r"\b(?:gave|give|gives|given|granted|grant|grants|extended|has|have|had)\s+[^.;:!?]{0,60}?\b"
    r"(?:until|till|by)\s+(?:(?:early|mid|late|the\s+(?:start|beginning|end|middle)\s+of)[\s-]+)?$"
)
_OF_THAT_YEAR = re.compile(r"\s+of\s+(?:that|the\s+same)\s+year\b", re.IGNORECASE)
_SCHEDULED_FOR = re.compile(
    r"\b(?:planned|scheduled|set|called|slated|due|fixed|arranged|pencil?led\s+in|booked|proposed"
    r"|rescheduled|postponed|moved|delayed|pushed\s+back|put\s+off)\s+(?:for|until|till|to)\s+"
    r"(?:next\s+|(?:early|mid|late|the\s+(?:start|beginning|end|middle)\s+of)[\s-]+)?$",
    re.IGNORECASE,
)


def _resolve(kind: str, start: int, end: int, words: list[str], st: _State) -> tx.Value | None:
    text = st.text
    s = text[start:end]
    dct = st.dct

    st.span = (start, end)
    st.override = _direction(text, start, end)
    if kind == "weekday":
        wd = next(tx.WEEKDAYS[w] for w in words if w in tx.WEEKDAYS)
        if dct is None:
            return None, "DATE", "day"
        wd_date = tx.weekday_date(dct, wd, st.tense())
        if wd_date is None:
            return None
        st.anchor_date(wd_date)
        return wd_date.isoformat(), "DATE", "day"
    if kind == "date":
        return _date(words, st, st.aim)
    if kind in {"dur", "vdur"}:
        if len(words) == 2 and words[0] in {"a", "an"} and _is_amount(_prev_word(st, start)):
            per = _SET_VALUES.get(words[1])  # "$2 million a year", "four flights a week": a rate
            return (per, "SET", "vague") if per else None
        return _duration(words)
    if kind == "year":
        year = _year_in(words)
        if year is None:
            return None
        val = str(year)
        if _prev_word(st, start) not in _ATTRIBUTIVE and text[end : end + 2] not in {
            "'s",
            "’s",
        }:
            st.anchor(val, "year")
        return val, "DATE", "year"
    if kind == "month":
        month = _month_in(words)
        if month is None:
            return None
        if _OF_THAT_YEAR.match(text, end) and st.anchor_year is not None:
            val = f"{st.anchor_year}-{month:02d}"  # "in 2014 ... in March of that year"
            st.anchor(val, "month")
            return val, "DATE", "month"
        if dct is None:
            return None, "DATE", "month"
        val = f"{tx.month_year(dct, month, st.aim())}-{month:02d}"
        st.anchor(val, "month")
        return val, "DATE", "month"
    if kind == "rel":
        return _relative(words, st, st.tense)
    if kind == "theyear":
        return _the_year(words, st, end)
    if kind == "holiday":
        return _holiday(start, end, st, st.tense)
    if kind == "anaphor":
        return _anaphor(words, st, st.tense)
    if kind == "set":
        return _set(words)
    if kind == "ago":
        return _ago(words, st)
    if kind == "vague":
        return _vague(words)
    if kind == "iso":
        d = dt.date.fromisoformat(s[:10])
        if len(s) > 10:
            return s, "TIME", "time"
        val = d.isoformat()
        st.anchor(val, "day")
        return val, "DATE", "day"
    if kind == "numdate":
        dotted = "." in s
        a, b, y = (int(x) for x in s.replace(".", "/").split("/"))
        m, d_ = (b, a) if a > 12 or dotted else (a, b)
        val = dt.date(y, m, d_).isoformat()
        st.anchor(val, "day")
        return val, "DATE", "day"
    if kind in {"rmd", "rdm"}:
        return _range(words, st, st.aim)
    if kind == "monyear":
        month = _month_in(words)
        year = _year_in(words)
        if month is None or year is None:
            return None
        val = f"{year}-{month:02d}"
        st.anchor(val, "month")
        return val, "DATE", "month"
    if kind == "monrel":
        month = _month_in(words)
        if month is None:
            return None
        if dct is None:
            return None, "DATE", "month"
        shift = {"last": -1, "next": 1}.get(words[-2], 0)
        return f"{dct.year + shift}-{month:02d}", "DATE", "month"
    if kind == "yrange":
        nums = [w for w in words if w.isdigit()]
        y1 = nums[0]
        y2 = nums[-1] if len(nums[-1]) == 4 else y1[:2] + nums[-1]
        if int(y2) <= int(y1):
            return None
        return f"{y1}/{y2}", "DATE", "interval"
    if kind == "decade":
        digits = next((w for w in words if w[0].isdigit()), "")
        if len(digits) == 2:
            return f"19{digits[0]}X", "DATE", "decade"
        return f"{digits[:3]}X", "DATE", "decade"
    if kind == "century":
        n = next((int(w[:-2]) for w in words if w[:-2].isdigit()), None)
        if n is None:
            n = next((tx.ORDINALS[w] for w in words if w in tx.ORDINALS), None)
        if n is None or not 1 <= n <= 21:
            return None
        return f"{n - 1:02d}", "DATE", "decade"
    if kind in {"quarter", "yearq"}:
        res = _quarter(words, st, st.tense)
        compared = "ago" in words or "earlier" in words or words[-1] == "year" or words[-1] == "period"
        if res is not None and res[0] and "-Q" in res[0] and not compared:
            st.anchor_quarter = res[0]
        return res
    if kind == "season":
        if words[0] == "the" and st.text[end - 1].isupper():
            return None  # "the Arab Spring": a name
        return _season(words, st, st.tense)
    if kind == "modthe":
        if dct is None:
            return None, "DATE", words[-1]
        unit = words[-1]
        if unit == "year":
            return str(dct.year), "DATE", "year"
        if unit == "month":
            return f"{dct.year}-{dct.month:02d}", "DATE", "month"
        if unit == "week":
            return tx.iso_week(dct), "DATE", "week"
        return f"{str(dct.year)[:3]}X", "DATE", "decade"
    if kind == "dayword":
        return _dayword(words, st)
    if kind == "thistod":
        base = st.anchor_day if st.in_quote(start) else dct
        if base is not None and words[-2:] == ["last", "night"]:
            base = tx.shift_day(base, -1)
        if base is None:
            return None, "TIME", "time"
        return f"{base.isoformat()}T{tx.PARTS_OF_DAY[words[-1]]}", "TIME", "time"
    if kind == "time":
        if dct is not None and (start == 0 or text[start - 1] == "\n" or text.endswith("pdated ", 0, start)):
            # a live post's time stamp ("14:40" opening a line, "Updated 17:40"): the page's day,
            # whatever day the post before it spoke of
            st.anchor_date(dct)
        return _clock(s, words, st, st.tense)
    return None


_HOLIDAY_PREFIX = re.compile(r"(?:last|next|this)\s+")
_HOLIDAY_YEAR = re.compile(r",?\s+(\d{4})$")


def _holiday(start: int, end: int, st: _State, tense: Callable[[], str]) -> tx.Value | None:
    """ "Christmas", "last Thanksgiving", "Easter 2019": the nearest one in the direction of the tense."""
    phrase = st.low[start:end].replace("’", "'")
    prefix = _HOLIDAY_PREFIX.match(phrase)
    rel = prefix.group().strip() if prefix else ""
    year_m = _HOLIDAY_YEAR.search(phrase)
    week = phrase.endswith("week")  # "Easter week": the week (Monday to Sunday) that holds the day
    stop = year_m.start() if year_m else -5 if week else None
    name = " ".join(phrase[prefix.end() if prefix else 0 : stop].split())
    spec = tx.holidays().get(name)
    if spec is None:
        return None
    if year_m is not None:
        day = tx.holiday_date(spec, int(year_m.group(1)))
    elif st.dct is None:
        return None, "DATE", "day"
    else:
        dct = st.dct
        cands = [d for d in (tx.holiday_date(spec, dct.year + k) for k in (-1, 0, 1)) if d is not None]
        if week:  # a week has begun once its Monday has come
            dct = dct + dt.timedelta(days=6 - dct.weekday())
        way = {"last": "past", "next": "future", "this": "this"}.get(rel) or tense()
        if way == "this":
            day = next((d for d in cands if d.year == dct.year), None)
        elif way == "past":
            day = max((d for d in cands if d < dct or (d == dct and not rel)), default=None)
        elif way in {"future", "would"}:
            day = min((d for d in cands if d > dct or (d == dct and not rel)), default=None)
        else:
            day = min(cands, key=lambda d: abs((d - dct).days), default=None)
    if day is None:
        return None
    if week:
        return tx.iso_week(day), "DATE", "week"
    st.anchor_date(day)
    return day.isoformat(), "DATE", "day"


def _the_year(words: list[str], st: _State, end: int) -> tx.Value | None:
    """ "the year two thousand", "for the year ended June 30" (a duration), "the full year" (this one)."""
    spelled = tx.word_year(words)
    if spelled is not None:
        st.anchor(str(spelled), "year")
        return str(spelled), "DATE", "year"
    if _next_word(st, end) in {"ended", "ending"}:
        return "P1Y", "DURATION", "duration"
    if st.dct is None:
        return None, "DATE", "year"
    return str(st.dct.year - (1 if "latest" in words else 0)), "DATE", "year"


def _month_in(words: list[str]) -> int | None:
    return next((tx.MONTHS[w] for w in words if w in tx.MONTHS), None)


def _year_in(words: list[str]) -> int | None:
    year = next((int(w) for w in words if len(w) == 4 and w.isdigit()), None)
    return year if year is not None else tx.word_year(words)


def _days_in(words: list[str]) -> list[int]:
    out = []
    for w in words:
        digits = w.rstrip("stndrh")
        if digits.isdigit() and len(digits) <= 2:
            out.append(int(digits))
    return out


def _date(words: list[str], st: _State, tense: Callable[[], str]) -> tx.Value | None:
    month = _month_in(words)
    days = _days_in(words)
    if month is None or not days:
        return None
    year = _year_in(words)
    if year is None:
        if st.dct is None:
            return None, "DATE", "day"
        year = tx.day_year(st.dct, month, days[0], tense())
    d = dt.date(year, month, days[0])
    st.anchor_date(d)
    return d.isoformat(), "DATE", "day"


def _range(words: list[str], st: _State, tense: Callable[[], str]) -> tx.Value | None:
    months = [tx.MONTHS[w] for w in words if w in tx.MONTHS]
    days = _days_in(words)
    if not months or len(days) < 2:
        return None
    m1, m2 = months[0], months[-1]
    year = _year_in(words)
    if year is None:
        if st.dct is None:
            return None, "DATE", "interval"
        year = tx.day_year(st.dct, m1, days[0], tense())
    d1 = dt.date(year, m1, days[0])
    d2 = dt.date(year + (1 if m2 < m1 else 0), m2, days[1])
    if d2 <= d1:
        return None
    st.anchor(d1.isoformat(), "day")
    return f"{d1.isoformat()}/{d2.isoformat()}", "DATE", "interval"


def _quarter(words: list[str], st: _State, tense: Callable[[], str]) -> tx.Value | None:
    dct = st.dct
    half = "half" in words
    back = False  # "the corresponding period last year", "the quarter a year ago"
    if words[-2:] == ["last", "year"] and words[-3] in {"quarter", "period"}:
        words, back = words[:-2], True
    elif len(words) > 3 and words[-3:-1] == ["a", "year"] and words[-1] in {"ago", "earlier"}:
        words, back = words[:-3], True
    of_year = None  # "next year's first quarter", "last year's quarter": the year's shift
    if words[1:3] == ["year", "s"] and words[0] in {"last", "next", "this"}:
        of_year, words = {"last": -1, "next": 1}.get(words[0], 0), words[3:]
    n = next((tx.ORDINALS[w] for w in words if w in tx.ORDINALS), None)
    if half and n == 4:
        n = 2  # "the last half"
    if n is None:
        n = next((int(w[0]) for w in words if w[:1].isdigit() and len(w) <= 3), None)
        if words[0].startswith("q") and len(words[0]) == 2:
            n = int(words[0][1])
    ago = back or "ago" in words or "earlier" in words  # "the year-ago quarter": the same one a year before
    if n is None and (words[-1] in {"quarter", "period"} or ago):
        if dct is None:
            return None, "DATE", "quarter"
        year = _year_in(words) if of_year is None else dct.year + of_year
        if year is not None:  # "the 1988 quarter": the quarter the text speaks of, in that year
            ref = st.anchor_quarter or tx.quarter_of(dct - dt.timedelta(days=91))
            return f"{year}{ref[4:]}", "DATE", "quarter"
        if "current" in words:
            return tx.quarter_of(dct), "DATE", "quarter"
        if ago and st.anchor_quarter is None and words[-1] not in {"quarter", "period"}:
            return str(dct.year - 1), "DATE", "year"
        # the last quarter reported on, unless the text speaks of another one
        last_reported = tx.quarter_of(dct - dt.timedelta(days=91))
        ref = last_reported if "latest" in words else st.anchor_quarter or last_reported
        if ago:
            ref = f"{int(ref[:4]) - 1}{ref[4:]}"
        return ref, "DATE", "quarter"
    if n is None:
        return None
    year = _year_in(words)
    if year is None:
        if dct is None:
            return None, "DATE", "quarter"
        shift = {"last": -1, "next": 1}.get(words[-2], 0) if words[-1] == "year" else 0
        if of_year is not None:
            shift = of_year
        year = dct.year + shift
        current = (dct.month - 1) // 3 + 1 if not half else (dct.month - 1) // 6 + 1
        if words[-1] != "year" and n > current and tense() == "past":
            year -= 1
        if ago:
            year -= 1
    return (f"{year}-H{n}", "DATE", "quarter") if half else (f"{year}-Q{n}", "DATE", "quarter")


def _season_index(month: int) -> int:
    return {12: 3, 1: 3, 2: 3}.get(month, (month - 3) // 3)


def _season(words: list[str], st: _State, tense: Callable[[], str]) -> tx.Value | None:
    season = next((w for w in words if w in tx.SEASONS), None)
    if season is None:
        return None
    code = tx.SEASONS[season]
    year = _year_in(words)
    if year is None:
        if st.dct is None:
            return None, "DATE", "season"
        idx = ["SP", "SU", "FA", "WI"].index(code)
        cur = _season_index(st.dct.month)
        year = st.dct.year
        if "past" in words:  # "this past spring": the most recent one
            year -= 0 if idx < cur else 1
        elif "last" in words:
            year -= 1
        elif "next" in words or "coming" in words:
            year += 1 if idx <= cur else 0
        elif words[0] == "the":  # "in the summer": the nearest one in the direction of the tense
            t = tense()
            now = -1 if st.dct.month <= 2 else cur  # January and February come before this year's spring
            if t == "past" and idx > now:
                year -= 1
            elif t == "future" and idx < now:
                year += 1
    return f"{year}-{code}", "DATE", "season"


def _weekend(d: dt.date, direction: int) -> str | None:
    """The weekend before (-1) or after (+1) ``d``, or the one it is in (0)."""
    wd = d.weekday()
    if direction == 0 and wd >= 5:
        sat = d - dt.timedelta(days=wd - 5)
    elif direction >= 0:
        sat = d + dt.timedelta(days=(5 - wd) % 7 or 7)
    else:
        sat = d - dt.timedelta(days=(wd - 5) % 7 or 7)
    try:
        return f"{sat.isoformat()}/{(sat + dt.timedelta(days=1)).isoformat()}"
    except OverflowError:
        return None


def _relative(words: list[str], st: _State, tense: Callable[[], str]) -> tx.Value | None:
    dct = st.dct
    rel_i = next(
        i
        for i, w in enumerate(words)
        if w in {"this", "last", "next", "past", "coming", "previous", "current"}
    )
    rel, unit = words[rel_i], words[-1]
    shift = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    if unit in tx.WEEKDAYS:
        if dct is None:
            return None, "DATE", "day"
        wd = tx.WEEKDAYS[unit]
        if rel == "previous" and st.anchor_day is not None:  # "the previous Friday": before the day in view
            d = tx.shift_day(st.anchor_day, -((st.anchor_day.weekday() - wd - 1) % 7 + 1))
        elif shift < 0:
            d = tx.shift_day(dct, -((dct.weekday() - wd - 1) % 7 + 1))
        elif shift > 0:
            d = tx.shift_day(dct, (wd - dct.weekday() - 1) % 7 + 1)
        else:
            d = tx.weekday_date(dct, wd, tense())
        if d is None:
            return None
        st.anchor(d.isoformat(), "day")
        return d.isoformat(), "DATE", "day"
    if unit in tx.MONTHS:
        if dct is None:
            return None, "DATE", "month"
        m = tx.MONTHS[unit]
        if shift < 0:  # "last June": the most recent June but the month just ended (that is "in May")
            y = dct.year if dct.month - m >= 2 else dct.year - 1
        elif shift > 0:
            y = dct.year if m > dct.month else dct.year + 1
        else:
            y = dct.year
        return f"{y}-{m:02d}", "DATE", "month"
    if dct is None:
        gran = {"weekend": "interval", "decade": "decade", "century": "decade"}.get(unit, unit)
        return None, "DATE", gran
    if unit == "week":
        d = tx.shift_day(dct, 7 * shift)
        return (tx.iso_week(d), "DATE", "week") if d else None
    if unit == "month":
        y, m = tx.add_months(dct.year, dct.month, shift)
        return f"{y}-{m:02d}", "DATE", "month"
    if unit == "year":
        return str(dct.year + shift), "DATE", "year"
    if unit == "quarter":
        q = (dct.month - 1) // 3 + shift
        y = dct.year + q // 4
        return f"{y}-Q{q % 4 + 1}", "DATE", "quarter"
    if unit == "weekend":
        val = _weekend(dct, shift)
        return (val, "DATE", "interval") if val else None
    if unit == "decade":
        return f"{str(dct.year + 10 * shift)[:3]}X", "DATE", "decade"
    if unit == "century":
        return f"{dct.year // 100 + shift:02d}", "DATE", "decade"
    return None


def _dayword(words: list[str], st: _State) -> tx.Value | None:
    word = next(w for w in words if w in {"today", "tonight", "yesterday", "tomorrow"})
    part = next((tx.PARTS_OF_DAY[w] for w in words if w in tx.PARTS_OF_DAY and w != word), None)
    if st.dct is None:
        return None, ("TIME" if part else "DATE"), ("time" if part else "day")
    d = tx.shift_day(st.dct, {"yesterday": -1, "tomorrow": 1}.get(word, 0))
    if d is None:
        return None
    st.anchor(d.isoformat(), "day")
    if part:
        return f"{d.isoformat()}T{part}", "TIME", "time"
    return d.isoformat(), "DATE", "day"


def _clock(s: str, words: list[str], st: _State, tense: Callable[[], str]) -> tx.Value | None:
    low = s.lower()
    if low.startswith(("noon", "midday")):
        hh, mm = 12, 0
    elif low.startswith("midnight"):
        hh, mm = 0, 0
    else:
        m = _CLOCK.match(s)
        if m is None:
            return None
        hh, mm = int(m.group(1)), int(m.group(2) or 0)
        ap = (m.group(3) or "").lower()
        if ap == "p" and hh < 12:
            hh += 12
        elif ap == "a" and hh == 12:
            hh = 0
        if hh > 23:
            return None
    wd = next((tx.WEEKDAYS[w] for w in words if w in tx.WEEKDAYS), None)
    on_weekday = wd is not None and st.dct is not None
    base = tx.weekday_date(st.dct, wd, tense()) if on_weekday else st.anchor_day  # type: ignore[arg-type]
    if _month_in(words) is not None:  # "5 p.m. EST, Nov. 6"
        day = _date(words[words.index(next(w for w in words if w in tx.MONTHS)) :], st, tense)
        if day is None or day[0] is None:
            return None, "TIME", "time"
        base = dt.date.fromisoformat(day[0])
    if base is None:
        return None, "TIME", "time"
    return f"{base.isoformat()}T{hh:02d}:{mm:02d}", "TIME", "time"


def _anaphor(words: list[str], st: _State, tense: Callable[[], str]) -> tx.Value | None:
    if words[:2] == ["the", "eve"]:
        base = st.anchor_day
        d = tx.shift_day(base, -1) if base else None
        return (d.isoformat() if d else None), "DATE", "day"
    if words == ["the", "weekend"]:
        if st.dct is None:
            return None, "DATE", "interval"
        t = tense()
        return _weekend(st.dct, 1 if t == "future" else -1 if t == "past" else 0), "DATE", "interval"
    shift = 0
    if "following" in words or "next" in words or "after" in words:
        shift = 1
    elif "previous" in words or "preceding" in words or "before" in words:
        shift = -1
    unit = next((w for w in reversed(words) if w in tx.UNITS or w in tx.PARTS_OF_DAY), "day")
    if unit in {"day", "morning", "afternoon", "evening", "night"}:
        base = st.anchor_day
        if base is None:
            return None, "DATE", "day"
        d = tx.shift_day(base, shift)
        if d is None:
            return None
        return d.isoformat(), "DATE", "day"
    if unit == "week":
        base = st.anchor_day
        d = tx.shift_day(base, 7 * shift) if base else None
        return (tx.iso_week(d) if d else None), "DATE", "week"
    if unit == "month":
        if st.anchor_month is None:
            return None, "DATE", "month"
        y, m = tx.add_months(*st.anchor_month, shift)
        return f"{y}-{m:02d}", "DATE", "month"
    if unit == "year":
        if st.anchor_year is None:
            return None, "DATE", "year"
        return str(st.anchor_year + shift), "DATE", "year"
    if unit == "weekend" and st.anchor_day is not None:
        return _weekend(st.anchor_day, shift), "DATE", "interval"
    return None, "DATE", "vague"


def _ago(words: list[str], st: _State) -> tx.Value | None:
    unit = tx.unit_of(words)
    if unit is None:
        return None
    count = tx.read_count(words)
    back = words[-1] in {"ago", "earlier", "before", "previously"}
    from_dct = words[-1] in {"ago", "now", "hence"}
    if count is None or count != int(count):
        return ("PAST_REF" if back else "FUTURE_REF"), "DATE", "vague"
    n = int(count) * (-1 if back else 1)
    designator, mult, is_time = tx.UNITS[unit]
    if designator == "Y" and st.anchor_quarter and abs(n) == 1 and mult == 1:
        # financial reports compare with the same quarter a year before
        return f"{int(st.anchor_quarter[:4]) - 1}{st.anchor_quarter[4:]}", "DATE", "quarter"
    if designator == "Y":
        base_year = st.dct.year if from_dct and st.dct else st.anchor_year
        if base_year is None:
            return None, "DATE", "year"
        year = base_year + n * int(mult)
        if not 1 <= year <= 9999:
            return None
        return str(year), "DATE", "year"
    if designator == "M" and not is_time:
        base_m = (st.dct.year, st.dct.month) if from_dct and st.dct else st.anchor_month
        if base_m is None:
            return None, "DATE", "month"
        y, m = tx.add_months(*base_m, n)
        return f"{y}-{m:02d}", "DATE", "month"
    base = st.dct if from_dct else st.anchor_day
    if base is None:
        return None, "DATE", "day"
    if designator == "Q":
        d = tx.shift_day(base, 91 * n)
        return (tx.quarter_of(d) if d else None), "DATE", "quarter"
    if is_time:
        return base.isoformat(), "DATE", "day"
    days = n * (7 if designator == "W" else 1) * int(mult)
    d = tx.shift_day(base, days)
    if d is None:
        return None
    if designator == "W":
        return tx.iso_week(d), "DATE", "week"
    return d.isoformat(), "DATE", "day"


def _duration(words: list[str]) -> tx.Value | None:
    if "quarter" in words and "century" in words:
        return "P25Y", "DURATION", "duration"
    unit = tx.unit_of(words)
    if unit is None:
        return None
    plural_only = not any(w in tx.NUMBERS or w[0].isdigit() or w in tx.VAGUE_COUNTS for w in words)
    if words[-1] == "long" and len(words) == 2:
        count: float | None = None if words[0].endswith("s") else 1
    elif plural_only:
        count = None
    else:
        cut = next(
            (i for i, w in enumerate(words) if w in {"to", "or"} and i > 0 and words[i - 1] != "up"), None
        )
        count = tx.read_count(words) if cut is None else None  # "12 to 18 months": no one count
    return tx.duration_value(count, unit), "DURATION", "duration"


_SET_VALUES = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
    "nightly": "P1D", "hourly": "PT1H", "biweekly": "P2W", "fortnightly": "P2W",
    "day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "quarter": "P3M", "weekday": "P1D",
    "weekend": "P1W", "morning": "P1D", "evening": "P1D", "night": "P1D", "summer": "P1Y", "winter": "P1Y",
}  # fmt: skip


def _set(words: list[str]) -> tx.Value | None:
    last = words[-1]
    if last in tx.WEEKDAYS:
        return f"XXXX-WXX-{tx.WEEKDAYS[last] + 1}", "SET", "vague"
    if last in tx.MONTHS:
        return f"XXXX-{tx.MONTHS[last]:02d}", "SET", "vague"
    val = _SET_VALUES.get(last)
    if val is None:
        return None
    if "other" in words:
        val = val.replace("P1", "P2")
    return val, "SET", "vague"


def _vague(words: list[str]) -> tx.Value:
    if any(w in {"future", "soon", "coming"} for w in words):
        return "FUTURE_REF", "DATE", "vague"
    if any(w in {"recent", "recently", "lately", "past"} for w in words):
        return "PAST_REF", "DATE", "vague"
    return "PRESENT_REF", "DATE", "vague"
