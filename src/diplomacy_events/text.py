"""Text work shared by every extractor, done once per document.

:func:`analyze` splits a text into paragraphs, sentences and word tokens and pairs its
quotation marks. Every offset is an index into the original string: nothing is normalised.
"""

from __future__ import annotations

import bisect
import functools
import re

import attrs

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "adm",
        "cmdr",
        "gov",
        "sen",
        "rep",
        "rev",
        "st",
        "jr",
        "sr",
        "no",
        "vs",
        "etc",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mt",
        "ft",
        "co",
        "corp",
        "inc",
        "ltd",
        "dept",
        "est",
        "fig",
        "pres",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "a.m",
        "p.m",
        "i.e",
        "e.g",
    ]
)

_WORD = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]", re.UNICODE)
# A sentence ends at . ! ? (and closing quotes/brackets after it) followed by a space.
_SENT_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)")
_PARA = re.compile(r"[^\n]+")

_QUOTE_PAIRS = {"“": "”", "«": "»", "„": "“", "‘": "’", "‹": "›", '"': '"'}


@attrs.frozen
class Span:
    """A half-open range of the text."""

    start: int
    end: int


@attrs.frozen
class Token:
    """A word or punctuation mark."""

    start: int
    end: int
    text: str


@attrs.frozen
class Quote:
    """Words between a pair of quotation marks: ``start``/``end`` exclude the marks."""

    start: int
    end: int
    open_mark: str
    closed: bool = True
    """False when the paragraph ended before a closing mark (a quote running on)."""


@attrs.frozen
class Analysis:
    """Paragraphs, sentences, tokens and quotations of one text."""

    text: str
    paragraphs: tuple[Span, ...]
    sentences: tuple[Span, ...]
    quotes: tuple[Quote, ...]
    _sentence_starts: tuple[int, ...] = attrs.field(repr=False)
    _paragraph_starts: tuple[int, ...] = attrs.field(repr=False)

    @functools.cached_property
    def tokens(self) -> tuple[Token, ...]:
        """Words and punctuation marks, made on first use (most extractors scan with patterns)."""
        return tuple(Token(m.start(), m.end(), m.group()) for m in _WORD.finditer(self.text))

    @functools.cached_property
    def _token_starts(self) -> tuple[int, ...]:
        return tuple(t.start for t in self.tokens)

    def sentence_at(self, offset: int) -> Span | None:
        """The sentence that holds ``offset``, or None between sentences."""
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def paragraph_index(self, offset: int) -> int:
        """The index of the paragraph that holds ``offset``, or -1 between paragraphs."""
        i = bisect.bisect_right(self._paragraph_starts, offset) - 1
        return i if i >= 0 and offset < self.paragraphs[i].end else -1

    def sentence_index(self, offset: int) -> int:
        """The index of the sentence at or before ``offset`` (-1 before the first)."""
        return bisect.bisect_right(self._sentence_starts, offset) - 1

    def tokens_between(self, start: int, end: int) -> tuple[Token, ...]:
        """The tokens that begin in ``[start, end)``."""
        lo = bisect.bisect_left(self._token_starts, start)
        hi = bisect.bisect_left(self._token_starts, end)
        return self.tokens[lo:hi]


def _is_abbreviation(text: str, end: int) -> bool:
    """Whether the full stop just before ``end`` closes an abbreviation or an initial."""
    i = end - 1
    while i >= 0 and (text[i].isalnum() or text[i] == "."):
        i -= 1
    word = text[i + 1 : end].rstrip(".").lower()
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "John F. Kennedy"
    return word in _ABBREVIATIONS


def _sentences(text: str, para: Span) -> list[Span]:
    out: list[Span] = []
    start = para.start
    for m in _SENT_END.finditer(text, para.start, para.end):
        if m.group() == "." and _is_abbreviation(text, m.end()):
            continue  # "U.S. President", "Mr. Ruiz": no boundary
        out.append(Span(start, m.end()))
        start = m.end()
        while start < para.end and text[start].isspace():
            start += 1
    if start < para.end:
        end = para.end
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append(Span(start, end))
    return out


_MARK = re.compile("[" + re.escape("".join(_QUOTE_PAIRS)) + "]")


def _quotes(text: str, paragraphs: tuple[Span, ...]) -> list[Quote]:
    out: list[Quote] = []
    for para in paragraphs:
        i = para.start
        while i < para.end:
            # jump to the next quotation mark: a Python loop over every character cost more
            # than the rest of the analysis
            mark = _MARK.search(text, i, para.end)
            if mark is None:
                break
            i = mark.start()
            ch = text[i]
            if _opens(text, i, para):
                close = _QUOTE_PAIRS[ch]
                j = _find_close(text, i + 1, para.end, close)
                if j < 0:
                    out.append(Quote(i + 1, para.end, ch, closed=False))
                    break
                if j > i + 1:
                    out.append(Quote(i + 1, j, ch))
                i = j + 1
                continue
            i += 1
    return out


def _opens(text: str, i: int, para: Span) -> bool:
    """A mark opens a quote at a word start, not as an apostrophe inside a word ("China's")."""
    ch = text[i]
    prev = text[i - 1] if i > para.start else " "
    nxt = text[i + 1] if i + 1 < para.end else " "
    if ch in "‘'":
        return not prev.isalnum() and (nxt.isalnum() or nxt in '"“')
    return not nxt.isspace() and not prev.isalnum()


def _find_close(text: str, start: int, end: int, close: str) -> int:
    j = start
    while True:
        j = text.find(close, j, end)
        if j < 0:
            return -1
        nxt = text[j + 1] if j + 1 < end else " "
        if close in "’'" and nxt.isalnum():
            j += 1  # an apostrophe ("don’t"), not the closing mark
            continue
        return j


def analyze(text: str) -> Analysis:
    """Split ``text`` into paragraphs, sentences, tokens and quotations."""
    paragraphs = tuple(Span(m.start(), m.end()) for m in _PARA.finditer(text) if m.group().strip())
    sentences: list[Span] = []
    for para in paragraphs:
        sentences.extend(_sentences(text, para))
    return Analysis(
        text=text,
        paragraphs=paragraphs,
        sentences=tuple(sentences),
        quotes=tuple(_quotes(text, paragraphs)),
        sentence_starts=tuple(s.start for s in sentences),
        paragraph_starts=tuple(p.start for p in paragraphs),
    )
