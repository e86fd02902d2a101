"""Find the forums of :mod:`diplomacy_events_forums.catalogue` in a text.

A first pass finds where a form's first word occurs (a regex of literal words, which the regex
engine scans for quickly); the combined regex of every form then runs, anchored, only at those
few places. Running the combined regex over the whole text is several times slower.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from diplomacy_events import Actor, Mention

from diplomacy_events_forums.catalogue import COP_PREFIXES, FORUMS, Forum

_STRONG, _WEAK, _CONTEXTUAL = 0, 1, 2
# Nouns that make an ordinary word ("Quad", "Davos") the name of a grouping when they follow it.
_CUE = re.compile(
    r"\s+(?:summits?|leaders'?|grouping|group|members?|countries|nations|partners|partnership|meetings?"
    r"|ministers|foreign|defen[cs]e|forum|gathering|talks|bloc|alliance|framework|format|initiative"
    r"|dialogue|conference)\b",
    re.IGNORECASE,
)
_THE = re.compile(r"(?<!\w)[Tt]he\s+$")


@dataclass(frozen=True)
class _Matcher:
    regex: re.Pattern[str]
    forms: dict[str, tuple[Forum, int]]
    first_words: re.Pattern[str]


def _form_pattern(form: str) -> str:
    # Any run of whitespace in the text (a line break, two spaces) may separate the words.
    return r"\s+".join(re.escape(word) for word in form.split())


@cache
def _matcher() -> _Matcher:
    """The combined regex and the form table, built once per process on first use."""
    forms: dict[str, tuple[Forum, int]] = {}
    for forum in FORUMS:
        for strength, group in ((_STRONG, forum.forms), (_WEAK, forum.weak), (_CONTEXTUAL, forum.contextual)):
            for form in group:
                forms.setdefault(" ".join(form.split()), (forum, strength))
    # Longest first: at one position the alternation takes the first that matches.
    alternatives = "|".join(_form_pattern(f) for f in sorted(forms, key=len, reverse=True))
    prefixes = "|".join(COP_PREFIXES)
    regex = re.compile(rf"(?<!\w)(?:(?:{prefixes})[ \-]?(?P<cop>[1-9][0-9]?)|(?P<form>{alternatives}))(?!\w)")
    # No word boundary in this pattern: it would stop the engine's fast scan for first letters.
    words = sorted({form.split()[0] for form in forms} | set(COP_PREFIXES), key=len, reverse=True)
    first_words = re.compile("|".join(re.escape(w) for w in words))
    return _Matcher(regex=regex, forms=forms, first_words=first_words)


def _matches(matcher: _Matcher, text: str) -> list[re.Match[str]]:
    """The regex's matches, left to right and not overlapping, tried only where a first word is."""
    out: list[re.Match[str]] = []
    done = 0
    for candidate in matcher.first_words.finditer(text):
        if candidate.start() < done:
            continue
        m = matcher.regex.match(text, candidate.start())
        if m is not None:
            out.append(m)
            done = m.end()
    return out


def _in_context(text: str, start: int, end: int) -> bool:
    return bool(_THE.search(text, max(0, start - 12), start) or _CUE.match(text, end))


def find_forums(text: str) -> list[Actor]:
    """Every forum, grouping or summit that ``text`` names, as organization actors.

    Each actor has the canonical name, the other forms the text used as ``aliases`` and one
    mention per occurrence, with ``text[m.start:m.end] == m.text``; ids are left empty.
    Actors are sorted by their first mention.
    """
    if not isinstance(text, str) or not text:
        return []
    matcher = _matcher()
    hits: list[tuple[Forum, int, re.Match[str]]] = []
    for m in _matches(matcher, text):
        number = m.group("cop")
        if number is not None:
            hits.append((Forum(name=f"COP{number}"), _STRONG, m))
        else:
            forum, strength = matcher.forms[" ".join(m.group().split())]
            hits.append((forum, strength, m))
    confirmed = {forum.name for forum, strength, _ in hits if strength == _STRONG}

    found: dict[str, tuple[Forum, list[Mention], list[str]]] = {}
    for forum, strength, m in hits:
        if strength == _WEAK and forum.name not in confirmed:
            continue
        if (
            strength == _CONTEXTUAL
            and forum.name not in confirmed
            and not _in_context(text, m.start(), m.end())
        ):
            continue
        _, mentions, aliases = found.setdefault(forum.name, (forum, [], []))
        mentions.append(Mention(m.start(), m.end(), m.group()))
        surface = " ".join(m.group().split())
        if surface != forum.name and surface not in aliases:
            aliases.append(surface)
    return [
        Actor(
            name=forum.name,
            kind="organization",
            cameo_role=forum.cameo_role,
            aliases=tuple(aliases),
            mentions=tuple(mentions),
        )
        for forum, mentions, aliases in found.values()
    ]
