"""Built-in event extractor: triggers from a general lexicon, participants, place, date, status.

Triggers (``lexicon/event_triggers.json`` plus what plugins register) are found by one word scan.
For each:

* participants: ``between X and Y`` after the trigger, else the subject (the actors named closest
  before the trigger in its clause, with those listed before them: "Chile, Peru and Ecuador"; a
  pronoun's antecedent; a demonym's state: "Israeli aircraft"; a capital opening the clause) and the
  objects (the first actor after it, a list after it, partners after "with", the envoy named after
  a state's title). A state or organization that only qualifies a person's title ("Peruvian President
  Ana Ruiz") is no participant; a forum naming a meeting ("an OAS summit") takes part in it; an
  agent after "by" acts ("a lunch hosted by X"); a verb after "and" shares the subject of the verb
  before it ("X visited Lima and hosted Y"); a threat or an accusation without an object is aimed
  at what follows "for", "against" or "by";
* one event per acting state for one-sided types (expulsions, sanctions, visits...), and per pair
  for "X signed agreements with Y and Z";
* place: for a visit, where it went ("to", "into"); otherwise the place introduced with ``in``/``at``
  near the trigger and its participants, a city before a country; the antecedent of "where"; the
  dateline for recent meetings, agreements and visits that name none;
* date: the clause's (a coordinated verb's own conjunct first; not one in an appositive after the
  trigger), else the finest date of the sentence, else the date the sentence before anchored in
  the same paragraph; never the publication date by itself;
* status from the words around the trigger: cancelled ("was called off" also after it), declined,
  denied ("did not meet"), planned (modals, "due", "expected", plans carried to what follows them),
  else occurred. Negated plans and commitments not to act are no events.

Some words have rules of their own: "X sent Y to P" is Y's visit; "X followed suit" repeats the
previous event with X acting; "will not recognise" is a rejection; a noun denied by "no" ("there was
no call") is a denied event, of the call reported just before if the sentence names no one; a counted
group ("the two leaders", "both ministers") is the people who most often acted together so far; an
envoy named only by title ("Russia's charge d'affaires") stands for the state in protests and
expulsions.

A definite noun ("the visit") without participants of its own is another mention of the latest
event of its type; events of one type, initiator and nested participants with compatible dates and
places are one event with several mentions, and so are a state-level and a person-level report of
one event. Meetings, calls, agreements and cooperation need two participants. Windows around each
trigger and indexed look-backs keep the scan linear on any input.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from diplomacy_events.extractors._context import (
    Index,
    Placed,
    actor_index,
    date_index,
    location_index,
    resolve_pronoun,
)
from diplomacy_events.hookspecs import hookimpl
from diplomacy_events.lexicon import EMPTY, EventTrigger, Knowledge, load_json
from diplomacy_events.models import Actor, Document, Event, Location, Mention, Statement, TimeExpression
from diplomacy_events.text import Analysis, analyze
from diplomacy_events.wordtrie import alternation

_GRANULARITY_RANK = {"day": 0, "time": 0, "week": 1, "month": 2, "season": 3, "quarter": 3, "year": 4}


def _word_starts(words: Sequence[str]) -> str:
    r"""``\b(?:w1|w2...)`` for words of lower-case letters, written so that every branch opens with
    a literal letter (``(?<!\w)`` after it stands for ``\b``): ``re`` then skips to candidate
    characters instead of trying every branch at every position."""
    return "|".join(w[0] + rf"(?<!\w{w[0]})" + w[1:] for w in words)


# ``\b(?:but|after|...|(?<!the )following|because|where)\b`` after the punctuation, rewritten so
# that each branch opens with a literal.
_BREAK_WORDS = ["but", "after", "before", "until", "because", "where"]
_CLAUSE_BREAK_PATTERN = (
    r"[;:]|,\s+(?:which|who|while|as|when)\b|(?:"
    + _word_starts(_BREAK_WORDS)
    # "since" opens a clause, but not as the adverb of "has since offered"
    + r"|s(?<!\ws)(?<!has s)(?<!ave s)(?<!had s)ince"
    + r"|f(?<!\wf)(?<!the f)ollowing)\b"
)
_CLAUSE_BREAK = re.compile(_CLAUSE_BREAK_PATTERN)
_IN_PHRASE = re.compile(
    r"\b(?:in|during|at|on|after|over|via|by|before)\s+(?:a|an|the|their|his|her|its)\s+(?:[a-z-]+\s+){0,2}$"
)
_PARTICIPLES = frozenset(
    "signed negotiated brokered reached imposed struck sealed concluded announced agreed".split()  # noqa: SIM905
)
_AUXILIARIES = "had|has|have|was|were|is|are|be|been|also|then|later|jointly|formally|finally|recently|" + (
    "reportedly|officially|previously|once|never|not|and|who|which|that|they|he|she|we|it|both|sides|leaders"
)
_AUX_END = re.compile(rf"\b(?:{_AUXILIARIES})\s+$")
_AUX_OR_PREP_END = re.compile(rf"\b(?:{_AUXILIARIES}|by|of|for|in|on|after|before|while|without)\s+$")
_CANCELLED_AFTER = re.compile(
    r"\b(?:(?:was|were|has\s+been|have\s+been|had\s+been|is|are)\s+(?:now\s+)?"
    r"(?:called\s+off|cancell?ed|postponed|scrapped|put\s+off|shelved|delayed|suspended|dropped|axed"
    r"|(?P<refused>turned\s+down|rejected|refused|declined|rebuffed))"
    r"|(?P<no>(?P<did>did)|would|will)\s+not\s+(?:take\s+place|go\s+ahead))\b"
)
"""A cancellation or a refusal after the trigger, at most 90 characters into its clause (see
``_cancelled_after``)."""
_PLANNED_AFTER = re.compile(
    r"(?:\s+(?:between|of|with|by)\s+[^.;:,\"“”]{1,50}?)?\s+(?:is|are|was|were)\s+(?:now\s+|also\s+)?"
    r"(?:expected|scheduled|due|set|planned|slated)\b"
)
_CUE_STOP = re.compile(r"[.;:\"“”]")
_SUBORDINATOR = re.compile(r"\b(?:after|before|while|because|when|since|although|though|whereas|but)\b")


def _cancelled_after(text: str, pos: int, end: int) -> re.Match[str] | None:
    """``_CANCELLED_AFTER`` within 90 characters after ``pos`` with no stop character before it.

    The same as matching ``[^.;:"“”]{0,90}?`` before it, at a fraction of the cost: the first place
    the cue matches is the one the lazy gap would reach, if any (a later one lies further and
    past the same stop); the cue holds no stop character, so it ends by the first one.
    """
    stop = _CUE_STOP.search(text, pos, end)
    found = _CANCELLED_AFTER.search(text, pos, stop.start() if stop else end)
    if found is None or found.start() - pos > 90:
        return None
    # "signs a pact after a stop is dropped": the cue belongs to a clause of its own
    return None if _SUBORDINATOR.search(text, pos, found.start()) else found


_TITLE_APPOSITION = re.compile(
    r"\b(?:counterpart|minister|president|premier|envoy|ambassador|secretary|chancellor|leader|king|emir|spokesman"
    r"|spokeswoman|spokesperson|adviser|advisor|chief|head),\s*(?:[A-Z][\w.'’-]*\s+){0,4}$"
)
_TITLE_THEN_NAME = re.compile(
    r"['’]?s?\s+(?:[a-z-]+\s+){0,2}"
    r"(?:ambassador|envoy|charg[ée] d['’]affaires|consul|representative|diplomat"
    r"|(?:chief|head)\s+of\s+mission|attach[ée])"
    r"(?:\s+to\s+\w+)?,?\s+(?:[A-Z][a-z]+\.?\s+)?"
)
_BLOC = re.compile(r"\s+the\s+(?:bloc|alliance|union|grouping|organisation|organization)\b")
_BODY = re.compile(r"\s+the\s+(court|tribunal|council|commission|assembly|agency)\b")
_THE_NEXT = re.compile(r"\s+the\s")
"""What ``_BLOC`` and ``_BODY`` open with."""
_SPEECH_ACTS = {"threat", "appeal", "accusation", "rejection"}
_ACTED_BY_SOMEONE = _SPEECH_ACTS | {"protest"}
_WITH_GAP = re.compile(r"\s+with\s+(?:the\s+)?")
_ING_NOUNS = frozenset(
    ["meeting", "bombing", "shelling", "signing", "warning", "briefing", "hearing", "shooting", "talking"]
)
_TEMPORAL_BREAK = re.compile(r"\b(?:before|until)\s*$")
_AND_VERB = re.compile(r"(?:,\s+and\s+(?:also\s+|then\s+|later\s+)?|\band\s+to\s+)$")
# '... said that X was "..." and accused Y': after a quote, "and" goes back to the speech verb
_QUOTE_AND = re.compile(r"[”\"]\s+and\s+(?:also\s+|then\s+)?$")
_PLACE_BREAK = re.compile(_CLAUSE_BREAK_PATTERN + r"|t(?<!\wt)hat\b")
_RELATIVE = re.compile(r",\s+(?:who|which)\b[^,]*,")
_PLACED_TYPES = {"visit", "meeting", "agreement", "military", "call", "protest"}
_PASSIVE = re.compile(
    r"\b(?:was|were|been|being|be|is|are)\s+(?:(?:\w+ly|also|then|later|already|not|never|once)\s+)?$",
    re.IGNORECASE,
)


def _passive(lead: str) -> re.Match[str] | None:
    """``_PASSIVE.search(lead)``, skipped when an ASCII ``lead`` holds none of its verbs (on ASCII,
    ignoring case is what ``lower`` does; elsewhere a few other letters fold to ASCII ones)."""
    if lead.isascii():
        low = lead.lower()
        if (
            "be" not in low
            and "is" not in low
            and "are" not in low
            and "was" not in low
            and "were" not in low
        ):
            return None
    return _PASSIVE.search(lead)


_DEFINITE = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose)\s+(?:(?!(?:and|or|but)\s)[a-z][\w-]*\s+){0,2}$"
)
_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")
_IT_VERB = re.compile(r"(?:(?:also|later|then|has|had|again|further|repeatedly)\s+){0,2}$")
_TWO_SIDED = {"meeting", "call", "agreement"}
_CONSULT = {"meeting", "call", "visit"}
_NEEDS_TWO = _TWO_SIDED | {"cooperation"}


# The rules' short patterns, compiled once: re's cache lookup costs more than matching a few words.
_MODIFIER_GAP_BREAK = re.compile(r"[,.;:\"“”]|\band\b|\bwith\b|\bto\b")
_AND_WORD = re.compile(r"\band\b")
_VERB_GAP = re.compile(r"\s+(?:[a-z]+ly\s+)?[a-z]+ed\s")
_HARD_PUNCT = re.compile(r"[;:]|(?<!\b[A-Z])\.")  # not the stops of "U.S."
_PARTICLES = frozenset(("on", "for", "in", "off", "up", "out"))
_ARTICLE_END = re.compile(r"\b(?:a|an)\s+$")
_LOWER_WORD_NEXT = re.compile(r"\s+[a-z]")
_POSSESSIVE = re.compile(r"['’]s\b")
_POSSESSIVE_S = ("'s", "’s")
"""What ``_POSSESSIVE`` matches in two characters."""
_POSSESSIVE_PHRASE = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}")
_WHO_WHICH = re.compile(r",\s+(?:who|which)\b")
_BETWEEN_THE_TWO = re.compile(
    r"\s+between\s+(?:the\s+two|both)\s+(?:[a-z]+\s+)?(?:ministers|leaders|sides|countries|governments"
    r"|delegations|presidents|premiers|neighbours|neighbors|men|women)\b|\s+between\s+them\b"
)
_BETWEEN_AHEAD = re.compile(r"\s*(?:[\w-]+\s+){0,3}?between\b")
_HYPHEN_CAPITAL = re.compile(r"-[A-Z]")
_WITH_END = re.compile(r"\bwith\s+(?:the\s+)?$")
_GAP_PUNCT = re.compile(r"[;:,\"“”]|(?<!\b[A-Z])\.")  # not the stops of "U.S."
_TO_VERB = re.compile(r"\bto\s+(?!(?:his|her|their|its|the|an?)\s)[a-z]+\s+")
_TO_WITH_END = re.compile(r"\b(?:to|with)\s+(?:the\s+)?$")
_GAP_BREAK_WORD = re.compile(r"\b(?:said|says|told|that|from|where|who|which|because|when|while|and)\b")
_FROM_END = re.compile(r"\bfrom\s+(?:the\s+)?$")
_FROM_WORD = re.compile(r"\bfrom\b")
_POSSESSED_BODY = re.compile(r"['’]s\s+(?:[a-z-]+\s+)?")
_POSSESSIVE_SPACE = re.compile(r"['’]s\s")
_IN_AT_END = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$")
_WHERE_NEXT = re.compile(r",\s+where\b")
_WORDS = re.compile(r"[\w']+(?:-[\w']+)*")  # "long-delayed": one word, no "delayed"
# Past tenses without "-ed": a trigger in one has a subject, not a forum before it ("the EU froze").
_IRREGULAR_PAST = frozenset(
    {
        "froze",
        "struck",
        "shot",
        "met",
        "spoke",
        "held",
        "sent",
        "gave",
        "broke",
        "cut",
        "hit",
        "led",
        "sought",
        "took",
        "told",
        "won",
        "fought",
        "threw",
        "drew",
        "withdrew",
        "wrote",
        "flew",
        "swore",
        "shut",
    }
)
_REFUSED_THING = re.compile(r"\b(?:meet|meeting|visit|talks|call(?!\s+(?:for|on)\b)|attend|join)\b")
# What is refused may be an invitation or request for one of those: "declined an invitation to visit"
_REFUSED_ASK = re.compile(r"\b(?:invitation|offer|request)\b")
_ASK_COMPLEMENT = re.compile(r"\s(?:for|to)\s")  # "a request for a session": what was asked is the event
_PROPOSED = re.compile(r"\b(?:proposals?|plans?|idea|suggestion)\b")
_MEETING_NEXT = re.compile(r"(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:meeting|talks|visit|summit|call)\b")
# A plural noun right before "accused|suspected ... of": a reduced relative clause, not a verb with a subject
_REDUCED_RELATIVE = re.compile(
    r"\b(?!(?:has|have|had|was|were|is|are|be|been|being|who|which|that|and|also|then|again|it|they|he|she|we)\s)"
    r"(?![a-z]+ly\s)[a-z]{3,}s\s+$"
)
_REFUSED_CUT = re.compile(r"\s(?:for|over|because|after)\s")
_CAPITALIZED = re.compile(r"\b[A-Z][\w.]*[\w]\.?")
_SHARED_BREAK = re.compile(r"[,;:.\"“”]")
_TITLE_WORD = re.compile(r"\b[A-Z][a-z]+\b")
_LOWER_RUN = re.compile(r"[a-z]+")
_CALL_ON = re.compile(r"call\w*\s+on")
_TO_LOWER = re.compile(r"\bto\s+[a-z]")
_NEXT_WORD = re.compile(r"\s+\S")
# "by", or a place and time and then "by": "signed on Sunday in Quito by the host, ..."
_BY_AHEAD = re.compile(
    r"(?P<where>(?:\s+(?:in|at|on)\s+(?:(?:the\s+)?[A-Z0-9][\w'’.-]*(?:\s+[A-Z0-9][\w'’.-]*){0,3}"
    r"|the\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)){0,2})"  # "in Quito", "at the airport", "on the tarmac"
    r"\s+by\s+(?:the\s+)?"
)
# A role in apposition before the agent's title and name: "by the host, ...", "by its chair, ...".
_AGENT_ROLE = re.compile(r"(?:[a-z]+\s+){0,2}(?:host|hosts|chair|chairman|chairwoman|chairperson)\s*,\s+")
# Between "by" and the agent's name: capitalised words ("Peru's Foreign Minister").
_AGENT_GAP = re.compile(r"(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,6}")


def _agent_gap(text: str, start: int, end: int, agent: Actor) -> bool:
    """Whether ``text[start:end]`` only introduces ``agent`` after "by": a role in apposition
    ("the host, "), then their title, as capitalised words or as the title they hold."""
    role = _AGENT_ROLE.match(text, start, end)
    if role is not None:
        start = role.end()
    if start == end or _AGENT_GAP.fullmatch(text, start, end):
        return True
    return _titled(text[start:end], agent)


_LOWER_WORD_END = re.compile(r"\b[a-z]+\s+$")
_PARTICIPLE_PP = re.compile(r"\s+(?:in|by|at|on|during|last|earlier|under|with)\b")
_BY_SOON = re.compile(r"\s*(?:\w+\s+){0,2}by\b")
_WITH_BY_OF = re.compile(r"\s*(?:with|by|of)\b")
_COMMA_END = re.compile(r",\s+$")
_FROM_AHEAD = re.compile(r"\s*(?:[a-z]+\s+){0,2}?from\s+")
_NOT_TO_END = re.compile(r"\bnot\s+to\s+$")
_WITH_AHEAD = re.compile(r"\s*(?:[\w'’-]+\s+){0,4}?with\b")


@attrs.frozen
class _Trigger:
    type: str
    cameo: str
    plover: str | None
    pattern: str
    first_words: tuple[str, ...] = ()
    needs_place: bool = False
    object_before: bool = False
    """The actor just before the trigger is its object ("declared X persona non grata")."""
    needs_person_object: bool = False
    needs_verb: re.Pattern[str] | None = None
    needs_cue: re.Pattern[str] | None = None
    not_followed_by: re.Pattern[str] | None = None
    cue_after: re.Pattern[str] | None = None
    """A word that must follow the trigger closely ("called the deal a betrayal")."""
    before: re.Pattern[str] | None = None
    """Words that must end just before the trigger ("there was no call", "will not recognise")."""
    object_after: re.Pattern[str] | None = None
    """A noun that must follow within a few words ("fired two missiles")."""
    special: str = ""
    """A rule of its own: ``send``, ``suit`` or ``negated``."""


@attrs.frozen
class _Compiled:
    first: dict[str, tuple[int, ...]]
    """First word of a trigger (lower case) -> the triggers that may start with it, longest first."""
    scan: re.Pattern[str]
    """Any first word, as a whole run of ASCII letters (one C-level pass finds the candidates)."""
    scan_lower: re.Pattern[str]
    """``scan`` for a lower-cased text: case-sensitive, it runs faster."""
    patterns: tuple[re.Pattern[str], ...]
    triggers: tuple[_Trigger, ...]
    planned: frozenset[str]
    cancelled: frozenset[str]
    declined: frozenset[str]
    denied: frozenset[str]
    phrases: re.Pattern[str]
    """Multi-word status cues ("turned down", "put off") ending just before the trigger's words."""
    phrase_status: dict[str, str]


def _words_pattern(words: str) -> str:
    parts = []
    for token in words.split():
        alts = sorted(token.split("|"), key=len, reverse=True)
        parts.append("(?:" + "|".join(re.escape(a) for a in alts) + ")")
    return r"\b" + r"\s+".join(parts) + r"\b"


def _first_words(words: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in words.split()[0].split("|"))


def _optional(entry: dict[str, Any], key: str, prefix: bool = False) -> re.Pattern[str] | None:
    value = entry.get(key)
    if not value:
        return None
    alts = "|".join(re.escape(v) for v in value.split("|"))
    return re.compile(rf"\b(?:{alts})" + ("" if prefix else r"\b"), re.IGNORECASE)


def _predicate(nouns: str | None) -> re.Pattern[str] | None:
    """A noun phrase "a/an ... NOUN" closely after the trigger: "called the plan 'a grave mistake'"."""
    if not nouns:
        return None
    alts = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in nouns.split("|"))
    return re.compile(
        rf"\s+(?:[^.;:!?\"“”]{{0,50}}?\s)?[\"“‘]?an?\s+(?:[\w'’-]+\s+){{0,3}}?[\"“‘]?(?:{alts})\b",
        re.IGNORECASE,
    )


def _before(words: str | None) -> re.Pattern[str] | None:
    """Words ending at most two words before the trigger ("no direct contact", "not fully restore")."""
    if not words:
        return None
    alts = alternation(words.split("|"))
    return re.compile(rf"(?<![\w'’])(?:{alts})\s+(?:[\w-]+\s+){{0,2}}$", re.IGNORECASE)


def _after(nouns: str | None) -> re.Pattern[str] | None:
    """One of ``nouns`` within four words after the trigger ("launched a drone strike")."""
    if not nouns:
        return None
    alts = alternation(nouns.split("|"))
    return re.compile(rf"\s+(?:[\w'’-]+\s+){{0,4}}?(?:{alts})\b", re.IGNORECASE)


def _compile(knowledge: Knowledge) -> _Compiled:
    data = load_json("event_triggers.json")
    triggers: list[_Trigger] = []
    for entry in data["triggers"]:
        triggers.append(
            _Trigger(
                type=entry["type"],
                cameo=entry["cameo"],
                plover=entry.get("plover"),
                pattern=_words_pattern(entry["words"]),
                first_words=_first_words(entry["words"]),
                needs_place=bool(entry.get("needs_place")),
                object_before=bool(entry.get("object_before")),
                needs_person_object=bool(entry.get("needs_person_object")),
                needs_verb=_optional(entry, "needs_verb"),
                needs_cue=_optional(entry, "needs_cue", prefix=True),
                not_followed_by=_optional(entry, "not_followed_by"),
                cue_after=_predicate(entry.get("needs_cue_after")),
                before=_before(entry.get("needs_before")),
                object_after=_after(entry.get("needs_object_after")),
                special=entry.get("special", ""),
            )
        )
    # Multi-word status cues are matched as phrases: the word scan sees one word at a time.
    phrases = {
        w: status
        for status in ("cancelled", "declined", "denied", "planned")
        for w in sorted(data[status], key=len, reverse=True)
        if " " in w
    }
    extra = [_from_registered(t) for t in knowledge.event_triggers]
    ordered = [t for t in extra if t is not None] + triggers
    # Longer phrases first, so that "phone call" wins over "call" at the same place; among equals,
    # a trigger with a condition before it ("no call") is tried before the bare word.
    ordered.sort(key=lambda t: (-t.pattern.count(r"\s+"), t.before is None))
    # One cheap word scan finds candidate starts; only their triggers are tried (a single
    # alternation of every trigger costs milliseconds per article).
    first: dict[str, list[int]] = {}
    for i, t in enumerate(ordered):
        for word in t.first_words:
            first.setdefault(word, []).append(i)
    return _Compiled(
        first={k: tuple(v) for k, v in first.items()},
        scan=_scanner(first),
        scan_lower=_scanner(first, lower=True),
        patterns=tuple(re.compile(t.pattern, re.IGNORECASE) for t in ordered),
        triggers=tuple(ordered),
        planned=frozenset(w for w in data["planned"] if " " not in w),
        cancelled=frozenset(w for w in data["cancelled"] if " " not in w),
        declined=frozenset(w for w in data["declined"] if " " not in w),
        denied=frozenset(w for w in data["denied"] if " " not in w),
        phrases=re.compile(
            r"\b(?:" + "|".join(_words_pattern(p)[2:-2] for p in phrases) + r")\b" if phrases else r"(?!)"
        ),
        phrase_status={" ".join(p.split()): status for p, status in phrases.items()},
    )


def _from_registered(item: Any) -> _Trigger | None:
    """A trigger from a plugin's ``EventTrigger`` or ``(words, type, cameo)`` tuple."""
    if isinstance(item, EventTrigger):
        words, etype, cameo, plover = item.words, item.type, item.cameo, item.plover
    elif isinstance(item, tuple) and len(item) >= 3:
        words, etype, cameo, plover = str(item[0]), str(item[1]), str(item[2]), None
    else:
        return None
    return _Trigger(
        type=etype, cameo=cameo, plover=plover, pattern=_words_pattern(words), first_words=_first_words(words)
    )


@attrs.define
class _Draft:
    type: str
    cameo: str
    plover: str | None
    trigger: Mention
    actors: list[Actor]
    location: Location | None
    date: TimeExpression | None
    status: str
    sentence: tuple[int, int]
    mentions: list[Mention]
    members: bool = False
    """Its only participant is an international body whose members acted ("EU leaders agreed")."""
    denial: bool = False
    """Said to deny an event told before ("There was no call"): the merged event is denied."""


_BREAK_MARK = re.compile(r"[;:]")
_BREAK_COMMA = re.compile(r",\s+(?:which|who|while|as|when)\b")
_BREAK_WORDS_ALL = (*_BREAK_WORDS, "since", "following", "that")
_SINCE_ADVERB = ("has ", "ave ", "had ")  # "has since offered": no clause opens


def _is_word_char(ch: str) -> bool:
    """What ``\\w`` matches (a character ``isalnum`` accepts, or "_")."""
    return ch.isalnum() or ch == "_"


def _place_breaks(text: str) -> list[tuple[int, int, str]]:
    """Every match of ``_PLACE_BREAK`` in ``text`` (start, end, matched text), in order.

    Found by fast scans instead: the two marks, the commas, and each word wherever ``find`` sees
    it as a whole word (and "following" not after "the "). The pattern's matches never overlap
    (none starts inside another), so they are these, sorted.
    """
    found = [(m.start(), m.end(), m.group()) for m in _BREAK_MARK.finditer(text)]
    found += [(m.start(), m.end(), m.group()) for m in _BREAK_COMMA.finditer(text)]
    n = len(text)
    for word in _BREAK_WORDS_ALL:
        i = text.find(word)
        while i >= 0:
            j = i + len(word)
            if not (
                (i and (_is_word_char(text[i - 1]) or (word == "following" and text.endswith("the ", 0, i))))
                or (j < n and _is_word_char(text[j]))
                or (word == "since" and text.endswith(_SINCE_ADVERB, 0, i))
            ):
                found.append((i, j, word))
            i = text.find(word, j)  # one starting inside this one follows a letter: no word of its own
    found.sort()
    return found


_Breaks = tuple[list[int], list[int], list[str]]
"""Matches of a clause-break pattern in a text: starts, ends, matched texts."""


class _Doc:
    """One document's text and the records of the earlier stages, indexed."""

    def __init__(
        self,
        text: str,
        analysis: Analysis,
        actors: Sequence[Actor],
        locations: Sequence[Location],
        dates: Sequence[TimeExpression],
        published: dt.date | None = None,
    ) -> None:
        self.text = text
        self.analysis = analysis
        self.actors = actor_index(actors)
        self.locations = location_index(locations)
        self.dates = date_index(dates)
        # Dates that can date an event: a value, a calendar type and a known granularity.
        self.usable_dates = Index(
            [
                p
                for p in self.dates.items
                if p.record.value
                and p.record.type in ("DATE", "TIME")
                and p.record.granularity in _GRANULARITY_RANK
            ]
        )
        self.anchored: dict[int, TimeExpression | None] = {}
        """The date the sentence before anchors, by sentence start."""
        self.modifiers = self._title_modifiers()
        self.quoted: list[tuple[int, int, Actor]] = []
        """Direct quotes with a known speaker: (start, end, speaker)."""
        self.states = {a.country: a for a in actors if a.kind == "state" and a.country}
        self.union = next(
            (a for a in actors if a.kind == "organization" and a.name == "European Union"), None
        )
        self.dateline, self.dateline_span = _dateline(self)
        self.published = published
        # The dateline says where the reporter files from: no one there acts.
        a, b = self.dateline_span
        self.acting = Index(
            [p for p in self.actors.items if p.start not in self.modifiers and not a <= p.start < b]
        )
        self._breaks: tuple[_Breaks, _Breaks] | None = None

    def _title_modifiers(self) -> set[int]:
        """Starts of state/organization mentions that only qualify the person named next."""
        out: set[int] = set()
        items = self.actors.items
        for a, b in itertools.pairwise(items):
            if a.record.kind != "person" and b.record.kind == "person" and b.start - a.end <= 40:
                gap = self.text[a.end : b.start]
                # "Arvania summoned the envoy": a verb between them makes the state a subject
                if not _MODIFIER_GAP_BREAK.search(gap) and not _VERB_GAP.match(gap):
                    out.add(a.start)
        return out

    def by_country(self, code: str) -> list[Actor]:
        """The actors of one country, in order of first mention."""
        return list(dict.fromkeys(p.record for p in self.actors.items if p.record.country == code))

    def actors_in(self, start: int, end: int) -> list[Placed[Actor]]:
        """Mentions of actors within ``[start, end)`` that may act: no title modifiers, no dateline."""
        return self.acting.between(start, end)

    def _break_table(self, clause: bool) -> _Breaks:
        if self._breaks is None:
            # Every ``_PLACE_BREAK`` match of the text, once: its matches never overlap, and those
            # of ``_CLAUSE_BREAK`` are the same without "that" (no branch of it opens with "t").
            found = _place_breaks(self.text)
            clauses = [f for f in found if f[2] != "that"]
            self._breaks = (
                ([f[0] for f in found], [f[1] for f in found], [f[2] for f in found]),
                ([f[0] for f in clauses], [f[1] for f in clauses], [f[2] for f in clauses]),
            )
        return self._breaks[1] if clause else self._breaks[0]

    def _cut_word(self, end: int) -> bool:
        """Whether ``end`` falls inside a word: a search that stops there sees a word end there
        that the whole text does not have (``\\b``), so the table of matches cannot answer it."""
        if not 0 < end < len(self.text):
            return False
        after, before = self.text[end], self.text[end - 1]
        # what ``\\w`` is: a character that ``str.isalnum`` accepts, or "_"
        return (after.isalnum() or after == "_") and (before.isalnum() or before == "_")

    def next_break(self, start: int, end: int, clause: bool = True) -> tuple[int, int, str] | None:
        """``_CLAUSE_BREAK.search(text, start, end)`` (``_PLACE_BREAK`` without ``clause``), as
        (start, end, matched text), read from the table of the text's matches."""
        if self._cut_word(end):
            m = (_CLAUSE_BREAK if clause else _PLACE_BREAK).search(self.text, start, end)
            return (m.start(), m.end(), m.group()) if m is not None else None
        starts, ends, groups = self._break_table(clause)
        i = bisect.bisect_left(starts, start)
        if i < len(starts) and ends[i] <= end:
            return starts[i], ends[i], groups[i]
        return None  # a match that runs past ``end`` is the last that could start in range

    def clause_start(self, sent_start: int, pos: int) -> int:
        """Where the clause of ``pos`` opens: after the last clause break before it."""
        text = self.text
        if self._cut_word(pos):
            start = sent_start
            for m in _CLAUSE_BREAK.finditer(text, sent_start, pos):
                if m.group().startswith(",") and "," in text[m.end() : pos]:
                    continue  # a relative clause closed before the trigger: "May, who ..., held talks"
                start = m.end()
            return start
        starts, ends, groups = self._break_table(True)
        lo = bisect.bisect_left(starts, sent_start)
        hi = bisect.bisect_right(ends, pos, lo)  # ends rise with starts: the matches never overlap
        for i in range(hi - 1, lo - 1, -1):
            if groups[i].startswith(",") and text.find(",", ends[i], pos) >= 0:
                continue  # a relative clause closed before the trigger: "May, who ..., held talks"
            return ends[i]
        return sent_start


_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?", re.IGNORECASE)


_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|at|from|to|into|of|by|for|against|near|across|over|through|toward|towards)\s+(?:the\s+)?$"
)
_MEMBERS_OF = re.compile(r"\b(?:of|from)\s+(?:the\s+)?$")
_TIGHT_LIST = re.compile(r"\s*,?\s+and\s+(?:the\s+)?|\s*,\s*(?:the\s+)?")
_APPOSITIVE_GAP = re.compile(r"\s*,\s*(?:and\s+)?[^,;:.\"“”]{1,45},\s*(?:and\s+)?(?:[A-Z][a-z]+\s+)?")


def _group_before(doc: _Doc, found: list[Placed[Actor]]) -> list[Actor]:
    """The last actor of ``found`` and those listed before it ("Chile, Peru and Ecuador",
    "Ann Lee, the trade minister, and Bo Chan")."""
    last = found[-1]
    if last.record.kind == "person":
        # Among people, a country in an appositive ("the UAE's foreign minister") is no list item.
        found = [p for p in found if p.record.kind == "person"]
    group = [last.record]
    for prev in reversed(found[:-1]):
        if prev.end > last.start:
            continue  # "Israeli" inside "Israeli delegation": one list item named twice
        gap = doc.text[prev.end : last.start]
        listed = (
            _LIST_GAP.fullmatch(gap)
            # "A on Monday, and B has ...": a comma before "and" after other words joins clauses
            or (len(gap) <= 45 and _AND_WORD.search(gap) and not _CLAUSE_AND.search(gap))
            or (last.record.kind == "person" and _APPOSITIVE_GAP.fullmatch(gap))
        )
        if not listed or _HARD_PUNCT.search(gap):
            break
        if _PREPOSITION_BEFORE.search(doc.text, max(0, prev.start - 14), prev.start) and not (
            _MEMBERS_OF.search(doc.text, max(0, prev.start - 10), prev.start) and _TIGHT_LIST.fullmatch(gap)
        ):
            # "protests in the West Bank, and the Authority said": a place, not a subject; but
            # "the ministers of Kenya and Uganda met": the people of both
            break
        if prev.record not in group:
            group.insert(0, prev.record)
        last = prev
    return group


_CLAUSE_AND = re.compile(r"\b(?:on|in|at|last|this|next|earlier|later)\s+[\w-]+,\s+and\s")
_THE_BLOC_END = re.compile(
    r"\b[Tt]he\s+(?:[\w-]+\s+)?(?:bloc|alliance|grouping|organisation|organization)\s+(?:[a-z]+\s+){0,2}$"
)
_OBJECT_PREP = re.compile(
    r"\b(?:with|to|from|against|into|toward|towards|in|at|sent|sends|handed|hands|gave|gives)\s+(?:the\s+)?$"
)
_LED_BY = re.compile(r",\s+(?:led|headed|chaired|accompanied)\s+by\s+")


def _subject(doc: _Doc, sent_start: int, lo: int, pos: int) -> list[Actor]:
    """Who acts: the actors named closest before the trigger in its clause.

    Without one: the person a pronoun names, the antecedent of "X, who ...", or the sentence's
    first actor.
    """
    # "attended an OAS summit": a name inside a noun phrase is not who acts; nor is the owner in
    # "X's son-in-law", unless what X owns is the event itself ("the minister's planned visit").
    found = [
        p
        for p in doc.actors_in(lo, pos)
        if not (
            p.record.kind != "person"
            and _ARTICLE_END.search(doc.text[max(lo, p.start - 4) : p.start])
            and _LOWER_WORD_NEXT.match(doc.text[p.end : p.end + 2])
            and not doc.text[p.end : pos].isspace()  # "The United Nations called on": the verb is next
        )
        and not (
            doc.text[p.end : p.end + 2] in _POSSESSIVE_S
            and not _POSSESSIVE_PHRASE.fullmatch(doc.text[p.end : pos])
        )
    ]
    # "broke off relations with Caracas and gave ...": an actor after a preposition is no subject.
    found = [p for p in found if not _OBJECT_PREP.search(doc.text, max(lo, p.start - 11), p.start)]
    led = _LED_BY.search(doc.text, max(lo, found[-1].start - 60), found[-1].start) if found else None
    if led is not None and _COMMA_END.search(doc.text, found[-1].end, pos):
        # "The delegation of the AU's panel, led by X, flew in": the group X leads acts.
        owners = [p for p in doc.actors.between(lo, led.start()) if p.record.kind != "person"]
        if owners:
            return [owners[-1].record]
    if found and found[-1].record.kind == "organization":
        people = [p for p in found if p.record.kind == "person"]
        if people:
            found = people  # "Kim flew in aboard a Boeing ... and called on": the person acts
    if found:
        stand_in = _stand_in(doc, found[-1].end, pos)
        if stand_in is not None:
            return [stand_in]
        return _group_before(doc, found)
    if (
        lo <= sent_start
        and doc.text.startswith("It ", sent_start)
        and _IT_VERB.match(doc.text, sent_start + 3, pos)
    ):
        # "Kyiv said ... . It accused Moscow of ...": the body or state the sentence before opened with
        k = doc.analysis.sentence_index(sent_start)
        if k > 0:
            prev = doc.analysis.sentences[k - 1]
            opener = doc.actors_in(prev.start, min(prev.end, prev.start + 40))
            if opener and opener[0].record.kind != "person":
                return [opener[0].record]
    pronouns = list(_PRONOUN.finditer(doc.text, lo, pos))
    if pronouns:
        who = resolve_pronoun(doc.analysis, doc.actors, pronouns[-1].start())
        return [who] if who else []
    bloc = _THE_BLOC_END.search(doc.text, max(lo, pos - 60), pos)
    if bloc is not None:
        # "The bloc suspended X": the international body the article last named
        bodies = [
            p.record
            for p in doc.actors_in(max(0, pos - 3000), bloc.start())
            if p.record.kind == "organization" and p.record.country is None
        ]
        if bodies:
            return [bodies[-1]]
    seat = _seat_actor(doc, lo, pos)
    if seat is not None:
        return [seat]  # "Lima retaliated": the capital stands for its state
    pair = _DEMONYM_PAIR.search(doc.text, lo, pos) if " and " in doc.text[lo:pos] else None
    if pair is not None:
        # "Chilean and Peruvian officials sat down": both states
        from diplomacy_events.countries import demonym_country

        codes = [demonym_country(pair.group(1)), demonym_country(pair.group(2))]
        states = [doc.states[c] for c in codes if c and c in doc.states]
        if len(states) == 2 and states[0] is not states[1]:
            return states
    demonym = _demonym_actor(doc, lo, pos)
    if demonym is not None:
        return [demonym]  # "Peruvian troops fired": Peru acted
    before = doc.actors_in(sent_start, lo)
    if before and _WHO_WHICH.match(doc.text[before[-1].end : before[-1].end + 8]):
        return [before[-1].record]
    if before:
        return _group_before(doc, [p for p in before if p.end <= before[0].end + 60][:4])
    return []


_STAND_IN = re.compile(
    r"\b(?:(?P<he>he|she)|(?:his|her)\s+(?:own\s+)?(?:foreign\s+)?(?P<body>department|ministry|government"
    r"|administration|office|cabinet|embassy|country))\b"
)


def _stand_in(doc: _Doc, start: int, pos: int) -> Actor | None:
    """Who acts when a pronoun stands between the last actor and the trigger: "X said he would
    host Y" (X, not a state named in between), "X said his ministry had summoned ..." (X's state)."""
    gap = doc.text[start:pos]
    if "he" not in gap and "his" not in gap:  # most gaps hold neither
        return None
    found = None
    for m in _STAND_IN.finditer(gap):
        found = m
    if found is None:
        return None
    who = resolve_pronoun(doc.analysis, doc.actors, start + found.start())
    if who is None or who.kind != "person":
        return None
    if found.group("body"):
        return doc.states.get(who.country or "", who)
    return who


# Names the earlier stages did not resolve, listed between two actors: ", Chile and Peru, "
_NAMES = r"(?:\s*(?:,|and)\s+[A-Z][\w-]*(?:\s[A-Z][\w-]*)?)*\s*,\s*(?:and\s+)?"
_NAMES_GAP = re.compile(_NAMES)
_COUNTERPARTS = re.compile(
    r"\s+and\s+(?:his|her|their)\s+(?:[a-z]+\s+)?counterparts?\s+(?:from|of|in)\s+(?:the\s+)?"
    r"(?:[A-Z][\w-]*(?:\s[A-Z][\w-]*)?" + _NAMES + ")?"
)
_AND_BY_GAP = re.compile(r"\s*,?\s*and\s+(?:also\s+)?by\s+(?:the\s+)?")


# What may follow a title before the comma of an apposition: "minister for trade and industry".
_PORTFOLIO = re.compile(r"(?:\s+(?:for|of)\s+(?:the\s+)?[\w-]+(?:\s+(?:and\s+)?[\w-]+){0,3})?")


def _titled_item(gap: str, actor: Actor) -> bool:
    """Whether ``gap`` joins a list item named with its title: "A and Peru's foreign minister, B"."""
    m = _LIST_GAP.match(gap)
    return m is not None and _titled(gap[m.end() :], actor)


def _titled(words: str, actor: Actor) -> bool:
    """Whether ``words`` are the title of ``actor`` with what may stand before and after it:
    "Peru's minister for trade, " before "Ana Ruiz"."""
    title = actor.title
    if not title or actor.kind != "person":
        return False
    rest = words.rstrip(" ,")
    at = rest.lower().rfind(title.lower())
    if at < 0 or not _PORTFOLIO.fullmatch(rest, at + len(title)):
        return False
    return bool(_TITLE_HEAD.fullmatch(rest, 0, at))


# What may stand before a list item's title: a country, a possessive, "the" ("Chile's", "the Thai").
_TITLE_HEAD = re.compile(r"(?:(?:the\s+|his\s+|her\s+|their\s+|its\s+|[A-Z][\w.'’-]*(?:'s|’s)?\s+)){0,3}")


def _objects(doc: _Doc, pos: int, end: int) -> list[Actor]:
    text = doc.text
    stop = min(end, pos + 60)
    if text.find("counterpart", pos, stop) >= 0:
        sides = _counterpart_sides(doc, pos, stop)
        if sides:
            return sides
    between = _BETWEEN_AHEAD.match(text, pos, stop) if text.find("between", pos, stop) >= 0 else None
    after = doc.actors_in(between.end(), end) if between else []
    if between and len(after) < 2:
        sides = _demonym_sides(doc, between.end(), min(end, between.end() + 60))
        if sides:
            return sides  # "between the Russian and Ukrainian delegations": their states
    if between and after:
        first = after[0]
        out = [first.record]
        for nxt in after[1:]:
            gap = text[first.end : nxt.start]
            if _AND_WORD.search(gap) and len(gap) <= 60:
                out.append(nxt.record)
                break
        return out
    # "a Chile-Peru summit": a name in a compound modifier is no object of its own
    following = [
        p
        for p in doc.actors_in(pos, end)
        if not (text.startswith("-", p.end) and _HYPHEN_CAPITAL.match(text, p.end, p.end + 2))
        and not (p.start > pos and text[p.start - 1] == "-")
    ]
    if not following or following[0].start - pos > 12:
        # Both need "the" next: one test rules out both on most triggers.
        the_next = _THE_NEXT.match(text, pos) is not None
        bloc = _BLOC.match(text, pos) if the_next else None
        if bloc is not None:
            # "urged the bloc": the international body the article last named
            body = [
                p.record for p in doc.actors_in(max(0, pos - 3000), pos) if p.record.kind == "organization"
            ]
            igo = [a for a in body if a.country is None]
            if igo:
                return [igo[-1]]
        named = _BODY.match(text, pos) if the_next else None
        if named is not None:
            # "does not recognise the court's jurisdiction": the court the article last named
            noun = named.group(1).capitalize()
            body = [
                p.record
                for p in doc.actors_in(max(0, pos - 3000), pos)
                if p.record.kind == "organization" and noun in (p.record.name or "").split()
            ]
            if body:
                return [body[-1]]
    if not following:
        return []
    first = following[0]
    gap = text[pos : first.start]
    with_phrase = len(gap) <= 100 and _WITH_END.search(gap)
    # "spoke by phone with her Thai counterpart, Maris ...": a title in apposition names the object
    appositive = _TITLE_APPOSITION.search(gap) if "," in gap else None
    checked = gap[: appositive.start()] + " " if appositive else gap
    title = first.record.title
    if appositive is None and title and gap.endswith(", ") and first.record.kind == "person":
        # "by Peru's minister for trade, Ana Ruiz": the title the person holds, in apposition
        bare = gap[:-2]
        at = bare.lower().rfind(title.lower())
        if at >= 0 and _PORTFOLIO.fullmatch(bare, at + len(title)):
            checked = bare[:at]
    if (len(gap) > 70 and not with_phrase) or _GAP_PUNCT.search(checked) or _CLAUSE_BREAK.search(checked):
        return []
    if _TO_VERB.search(gap) and not _TO_WITH_END.search(gap):
        return []  # "travel to Muscat to thank the sultan": the object of another verb
    if _GAP_BREAK_WORD.search(checked):  # (a portfolio may hold "and": "Minister of Trade and Tourism")
        return []
    if (
        first.record.kind == "state"
        and len(following) > 1
        and following[1].record.kind == "organization"
        and _POSSESSED_BODY.fullmatch(text, first.end, following[1].start)
    ):
        first = following[1]  # "urged Peru's Congress": the body the possessive qualifies is the object
        following = following[1:]
    if first.record.kind != "person" and len(following) > 1:
        # "summoned the EU ambassador, Nicolas Chapuis": the person the title names is the object
        person = following[1]
        between_them = text[first.end : person.start]
        if person.record.kind == "person" and (
            _TITLE_THEN_NAME.fullmatch(between_them)
            or (between_them[:3] in ("'s ", "’s ") and _titled(between_them[3:], person.record))
        ):
            first = person
            following = following[1:]
    out = [first.record]
    prev = first
    partners = counterparts = False
    for nxt in following[1:]:
        gap = text[prev.end : nxt.start]
        if not partners and _WITH_GAP.fullmatch(gap):
            partners = True  # "agreed by Peru with Chile, Bolivia and Ecuador"
        elif first.record.kind == "person" and len(gap) <= 120 and _COUNTERPARTS.fullmatch(gap):
            counterparts = True  # "signed by Ruiz and her counterparts from Chile and Peru, A and B"
        elif not (
            _LIST_GAP.fullmatch(gap)
            or _AND_BY_GAP.fullmatch(gap)
            or (len(gap) <= 70 and _titled_item(gap, nxt.record))
            or (counterparts and len(gap) <= 80 and _NAMES_GAP.fullmatch(gap))
        ):
            break
        prev = nxt
        if counterparts and nxt.record.kind != "person":
            continue  # the states the counterparts come from: their ministers take part
        if nxt.record not in out:
            out.append(nxt.record)
    return out


_SIDES_STOP = re.compile(r"[.;:,!?\"“”]")
_POSTED = re.compile(
    r"\b(?:ambassadors?|envoys?|diplomats?|charg[ée]s?\s+d['’]affaires|heads?\s+of\s+mission|high\s+commissioners?)"
    r"\s+(?:from|to|in)\s+"
)
_DEMONYM_PAIR = re.compile(
    r"\b([A-Z][a-z]+)\s+and\s+([A-Z][a-z]+)\s+(?:officials|delegations|diplomats|negotiators|ministers|leaders"
    r"|envoys|teams|governments|presidents|forces|troops|navies|militaries|authorities)\b"
)
_TWO_DEMONYMS = re.compile(r"\s*(?:the\s+)?([A-Z][\w-]+)\s+and\s+(?:the\s+)?([A-Z][\w-]+)\b")


_DEMONYM_COUNTERPARTS = re.compile(
    r"\s+(?:with|alongside)\s+(?:his|her|their)\s+((?:[A-Z][\w-]+,?\s+)*?)(?:and\s+)?([A-Z][\w-]+)\s+counterparts?\b"
    r"(?!,?\s+[A-Z])"  # "with his Thai counterpart, Ana Ruiz": the name says who
)


_GIVING = re.compile(r"\b(?:sent|sends|handed|hands|delivered|delivers|gave|gives|presented)\s+$")
_GIVEN_TO = re.compile(r"\s+(?:a|an|the)\s+(?:[a-z-]+\s+){0,3}(?:of\s+)?")
_EXPELLED_FROM = re.compile(
    r"(?:\s+\w+){0,2}?\s+of\s+(?:a|an|the|two|three|four|five|several|\d+)?\s*(?:[a-z]+\s+)?"
    r"([A-Z][\w-]+)\s+(?:diplomats?|envoys?|ambassadors?|embassy\s+staff|consuls?|officials?)"
    r"(?:\s+from\s+(?:the\s+)?([A-Z][\w'’-]+))?"
)


def _expelled_from(doc: _Doc, start: int, end: int) -> tuple[list[Actor], list[Actor]] | None:
    """Who expelled whom in "the expulsion last week of a Chilean diplomat from Lima": the state
    of the place the envoy leaves, and the envoy's state."""
    from diplomacy_events.countries import demonym_country

    m = _EXPELLED_FROM.match(doc.text, start, end)
    code = demonym_country(m.group(1)) if m else None
    envoys = doc.states.get(code) if code else None
    if m is None or envoys is None:
        return None
    host = None
    if m.group(2):
        place = doc.locations.first_after(m.start(2), m.end(2))
        country = place.record.country if place is not None else None
        host = doc.states.get(country) if country and country != code else None
    return ([host] if host else []), [envoys]


def _counterpart_sides(doc: _Doc, start: int, end: int) -> list[Actor]:
    """ "with his Chilean and Peruvian counterparts": the ministers of those countries the document
    names (the person with a title first), else their states."""
    from diplomacy_events.countries import demonym_country

    m = _DEMONYM_COUNTERPARTS.match(doc.text, start, end)
    if m is None:
        return []
    words = [w.strip(" ,") for w in m.group(1).split()] + [m.group(2)]
    out: list[Actor] = []
    for w in words:
        code = demonym_country(w)
        if code is None:
            return []
        people = [a for a in doc.by_country(code) if a.kind == "person"]
        side = next((a for a in people if a.title), None) or doc.states.get(code)
        if side is not None and side not in out:
            out.append(side)
    return out


def _demonym_sides(doc: _Doc, start: int, end: int) -> list[Actor]:
    """Two states named by demonyms after "between" ("the Russian and Ukrainian delegations")."""
    from diplomacy_events.countries import demonym_country

    pair = _TWO_DEMONYMS.match(doc.text, start, end)
    if pair is None:
        return []
    named = {p.start: p.record for p in doc.actors.between(start, pair.end() + 40)}
    out: list[Actor] = []
    for k in (1, 2):
        code = demonym_country(pair.group(k))
        # "the Ukrainian delegation" may be an actor of its own; else the demonym's state
        state = named.get(pair.start(k)) or (doc.states.get(code) if code else None)
        if state is None:
            return []
        if state not in out:
            out.append(state)
    return out if len(out) == 2 else []


_LED_TO = re.compile(r"\b(?:to|into)\s+(?:the\s+|a\s+|an\s+)?$")
_LED_TO_ONLY = re.compile(r"\bto\s+(?:the\s+|a\s+|an\s+)?$")
_LED_IN = re.compile(r"\b(?:in|at|inside|near)\s+(?:the\s+|a\s+|an\s+)?$")
_CITY_OF = re.compile(r"\s+the\s+(?:[\w-]+\s+){0,5}?of\s+")
_WATER = re.compile(r"\b(?:Sea|Ocean|Gulf|Strait|Straits|River|Bay|Channel)$")
_WATER_ENDS = ("Sea", "Ocean", "Gulf", "Strait", "Straits", "River", "Bay", "Channel", "\n")
"""How a name ``_WATER`` matches ends ("$" also matches before a final newline)."""


def _water(name: str | None) -> bool:
    """Whether a place's name is a body of water's (``_WATER``; ``endswith`` rules out most)."""
    return name is not None and name.endswith(_WATER_ENDS) and _WATER.search(name) is not None


def _location(
    doc: _Doc,
    sent_start: int,
    pos: int,
    end: int,
    visit: bool = False,
    reach: int = 0,
    military: bool = False,
) -> Location | None:
    """Where the trigger's clause says it happened (a visit: where it went).

    Places more than a short way past the trigger and its participants (``reach``) belong to
    something else the sentence goes on to say.
    """
    reach = max(reach, pos)
    text = doc.text
    brk = doc.next_break(pos, end, clause=False)
    if brk is not None:
        end = brk[0]  # "talks with the envoy, ... since the flood in Cusco"; "agreed that X in Y"
    if not visit:
        end = min(end, reach + 90)
    # "flew in from Quito": where a trip starts is not where it goes.
    after = [
        p
        for p in doc.locations.between(pos, end)
        if p.record.kind != "continent" and not _FROM_END.search(text[max(pos, p.start - 10) : p.start])
    ]

    if not military:
        # "agreed to stop attacks in the Black Sea": talks and deals are not held on open water.
        after = [p for p in after if not _water(p.record.name)]

    def led_by(p: Placed[Location], words: re.Pattern[str]) -> bool:
        return bool(words.search(text[max(pos, p.start - 14) : p.start].lower()))

    if visit:
        # "arrived from the summit in Panama": places after "from" are where the trip began.
        after = [p for p in after if not _FROM_WORD.search(text[pos : p.start])]
        for p in after:
            if led_by(p, _LED_TO) or not text[pos : p.start].strip():
                return p.record
            if _CITY_OF.fullmatch(text, pos, p.start):
                return p.record  # "visiting the old port city of Varna"
    # "welcomed the premier to the Elysee": a venue one is brought to is where it happened.
    introduced = [
        p for p in after if led_by(p, _LED_IN) or (p.record.kind == "venue" and led_by(p, _LED_TO_ONLY))
    ]
    for p in list(introduced):
        if _POSSESSIVE_SPACE.match(text[p.end : p.end + 3]):
            # "in Lima's old town": the place the city owns says where, more finely.
            owned = next((q for q in after if 0 < q.start - p.end <= 3), None)
            if owned is not None:
                introduced = [owned if q is p else q for q in introduced]

    if introduced:
        # "the war in Sudan, ... in Geneva": a city or venue says where better than a country does.
        return min(introduced, key=lambda p: (p.record.kind == "country", p.start)).record
    for p in after:
        if not text[pos : p.start].strip() and not _POSSESSIVE.match(text, p.end):
            return p.record  # not "summoned Russia's envoy": the owner of who is summoned
    before = doc.locations.between(sent_start, pos)
    if not military:
        before = [p for p in before if not _water(p.record.name)]
    for p in reversed(before):
        # "arrived in X from Y, where he held talks": the place the relative clause is about.
        if _WHERE_NEXT.match(text[p.end : p.end + 8]) and p.record.kind != "continent":
            if not _PLACE_BREAK.search(text, p.end + 8, pos):
                return p.record
            break
    for p in before:
        lead = text[max(sent_start, p.start - 12) : p.start].lower()
        if _IN_AT_END.search(lead) and p.record.kind != "continent":
            return p.record
        if _WHERE_NEXT.match(text[p.end : p.end + 8]) and p.record.kind != "continent":
            return p.record  # "from Madrid, where he attended a summit"
    return None


_NOT_WHEN = re.compile(
    r"\b(?:since|until|till|by|from|before|after|through|of|in\s+\d+\s+\w+|last\s+was)\s*(?:the\s+)?$|,\s*$"
)


_OTHER_CLAUSE = re.compile(r",[\"”’]?\s+an?\s")
"""Between a trigger and a date after it: the date is said of an appositive ("agreed to resume
the talks, a practice that lapsed in 2011")."""


_SAID_BEFORE = re.compile(r"\b(?:said|says|told\s+\w+|announced|reported)\s+(?:on\s+|in\s+)?$")
"""Just before a date after the trigger: the date of the report, not the event ("..., X said last week")."""


def _date(doc: _Doc, start: int, end: int, pos: int) -> TimeExpression | None:
    """The date of the trigger's clause, finest first: not one that bounds ("since 2011") another."""
    semi = doc.text.find(";", pos, end)
    if semi >= 0:
        end = semi
    # A date inside a relative clause that does not hold the trigger is that clause's
    # ("Ruiz, who was re-elected on Friday, visited Quito in May").
    candidates = doc.usable_dates.between(start, end)
    if not candidates:
        return None
    asides = []
    if doc.text.find("wh", start, end) >= 0:  # what a relative clause needs ("who", "which")
        asides = [(r.start(), r.end()) for r in _RELATIVE.finditer(doc.text, start, end)]
        asides = [(a, b) for a, b in asides if not a <= pos < b]
    found = [
        p.record
        for p in candidates
        if not (asides and any(a <= p.start < b for a, b in asides))
        and not _NOT_WHEN.search(doc.text[max(start, p.start - 20) : p.start])
        and not (p.start > pos and _OTHER_CLAUSE.search(doc.text, pos, p.start))
        and not (p.start > pos and _SAID_BEFORE.search(doc.text, max(pos, p.start - 40), p.start))
    ]
    if not found:
        return None
    return min(found, key=lambda d: (_GRANULARITY_RANK.get(d.granularity or "", 9), abs(d.start - pos)))


def _anchored_date(doc: _Doc, sent_start: int) -> TimeExpression | None:
    """The date the paragraph last anchored, in the sentence just before ("... summoned envoys on
    Tuesday. Lima called in the ambassador ..."), when the event's own sentence gives none."""
    try:
        return doc.anchored[sent_start]  # every trigger of a sentence may ask
    except KeyError:
        pass
    para = doc.analysis.paragraph_index(sent_start)
    k = doc.analysis.sentence_index(sent_start) - 1
    found = None
    if para >= 0 and k >= 0 and doc.analysis.paragraph_index(doc.analysis.sentences[k].start) == para:
        prev = doc.analysis.sentences[k]
        found = _date(doc, prev.start, prev.end, prev.end)
    doc.anchored[sent_start] = found
    return found


_DENIED_THAT = re.compile(
    r"\bden(?:y|ies|ied|ying)\s+(?:(?:on\s+[A-Z]\w+|again|flatly|strongly|firmly|categorically|publicly)\s+)?"
    r"(?:(?:a|an|the|any)\s+)?(?:(?:[\w-]+\s+){0,3}?(?:reports?|claims?|allegations?|suggestions?|"
    r"rumou?rs?)\b[^.;:!?\"“”]{0,60}?\s)?that\s[^;:\"“”]*$"
)


def _status(c: _Compiled, doc: _Doc, lo: int, pos: int) -> str:
    # Modal and status words are lowercase: "Ana May" is no "may"; a relative clause
    # ("May, who will hand over next month, held talks") says nothing of the main verb.
    lead = doc.text[lo:pos]
    if "wh" in lead:  # what a relative clause needs ("who", "which")
        lead = _RELATIVE.sub(" ", lead)
    before = _last_lower_words(lead)
    words = set(before)
    # "was turned down", "put off": cues of several words, close before the trigger
    cues = {
        c.phrase_status.get(" ".join(cue.group().lower().split()), "")
        for cue in c.phrases.finditer(lead, max(0, len(lead) - 60))
    }
    for status in ("cancelled", "declined", "denied", "planned"):
        if status in cues:
            return status
    if "den" in lead and _DENIED_THAT.search(lead):
        return "denied"  # "denied a report that X had spoken with Y": what is denied did not happen
    if words & c.cancelled or ("called" in words and "off" in doc.text[pos : pos + 30].lower().split()[:3]):
        return "cancelled"
    if words & c.declined:
        return "declined"
    near = before[-3:]
    if set(near) & c.denied or "didn't" in near or ("did" in near and "not" in near):
        return "denied"
    if words & c.planned:
        return "planned"
    return "occurred"


def _restatus(doc: _Doc, lo: int, pos: int, earlier: _Draft) -> None:
    """ "has postponed the visit", "turned down the talks": a later mention that is the object of a
    verb that calls off or refuses the event told before sets its status."""
    m = _CALLS_OFF.search(doc.text, max(lo, pos - 60), pos)
    if m is None or earlier.status not in ("planned", "occurred"):
        return
    # the same event: a subject among its participants (or none named), and for meetings the same noun
    named = [p.record for p in doc.actors_in(lo, m.start())]
    if named and not any(a in earlier.actors for a in named):
        return
    noun = doc.text[pos : pos + 5].lower()
    if earlier.type == "meeting" and not earlier.trigger.text.lower().startswith(noun[:4]):
        return
    earlier.status = "declined" if m.group(1).lower().startswith(_REFUSALS) else "cancelled"


_CALLS_OFF = re.compile(
    r"\b(postponed|postpones|cancelled|canceled|cancels|called\s+off|calls\s+off|put\s+off|scrapped|shelved"
    r"|delayed|suspended|declined|declines|turned\s+down|turns\s+down|rejected|refused|skipped|boycotted"
    r"|snubbed)\s+(?:the|this|that|its|his|her|their)\s+(?:[a-z-]+\s+){0,2}$",
    re.IGNORECASE,
)
_REFUSALS = ("declin", "turn", "reject", "refus", "skip", "boycott", "snub")


def _last_lower_words(lead: str) -> list[str]:
    """The last seven lower-case words of ``lead``: a long one is read from a space some way before
    its end (no word crosses a space) unless the words after it are too few."""
    n = len(lead)
    if n > 60:
        cut = lead.rfind(" ", 0, n - 50)
        if cut > 0:
            words = [w for w in _WORDS.findall(lead, cut) if w.islower()]
            if len(words) >= 7:
                return words[-7:]
    return [w for w in _WORDS.findall(lead) if w.islower()][-7:]


def find_events(
    text: str,
    actors: Sequence[Actor],
    locations: Sequence[Location] = (),
    dates: Sequence[TimeExpression] = (),
    analysis: Analysis | None = None,
    knowledge: Knowledge = EMPTY,
    published: dt.date | None = None,
    statements: Sequence[Statement] = (),
) -> list[Event]:
    """Events of ``text`` whose participants, place and date are records of the earlier stages."""
    analysis = analysis or analyze(text)
    c = knowledge.compiled("events.triggers", _compile)
    doc = _Doc(text, analysis, actors, locations, dates, published)
    by_id = {a.id: a for a in actors}
    doc.quoted = [
        (s.start, s.end, by_id[s.speaker])
        for s in statements
        if s.kind == "direct" and s.speaker is not None and s.speaker in by_id
    ]
    drafts: list[_Draft] = []
    recent = _Recent()
    for candidates in _triggers(c, text):
        start = candidates[0][0].start()
        sent = analysis.sentence_at(start)
        if sent is None:
            continue
        # A "sentence" of thousands of characters (no full stops) is read as a window around the
        # trigger, so that the work per trigger stays bounded and the whole scan linear.
        window = (max(sent.start, start - _REACH), min(sent.end, candidates[0][0].end() + _REACH))
        chosen = next(((m, t) for m, t in candidates if _admissible(t, text, m, window)), None)
        if chosen is None:
            continue
        m, trig = chosen
        if trig.type == "rejection":
            # "declined a meeting": the meeting carries the refusal, not a rejection of its own.
            tail = text[m.end() : min(window[1], m.end() + 40)].lower()
            thing = _REFUSED_THING.search(tail)
            cut = _REFUSED_CUT.search(tail)
            if thing is not None and (cut is None or thing.start() < cut.start()):
                continue  # not "rejected X's call for talks": the talks are what was called for
            ask = _REFUSED_ASK.search(tail)
            if ask is not None and (thing is not None or _ASK_COMPLEMENT.search(tail, ask.end())):
                continue  # "declined an invitation to visit", "turned down a request for a meeting"
            if (
                cut is not None
                and _PROPOSED.search(tail, 0, cut.start())
                and _MEETING_NEXT.match(tail, cut.end())
            ):
                continue  # "rejected a proposal for a meeting": the meeting carries the refusal
        elif (
            trig.type == "accusation"
            and text.startswith(" of ", m.end())
            and _REDUCED_RELATIVE.search(text, max(window[0], m.start() - 30), m.start())
        ):
            continue  # "four settlers accused of violence": what they are said to have done, no accuser
        elif _rejected_noun(text, recent, m.start()):
            continue  # "rejected Lima's appeals": the rejection is the event, not the appeals
        last = recent.last
        if (
            last is not None
            and trig.type == "military"
            and last.trigger.text.lower() in _JOINT
            and 0 <= m.start() - last.trigger.end <= 40
        ):
            continue  # "joint naval exercises": the exercises are the joint event already told
        new = _draft(c, doc, trig, m, window, recent)
        if (
            len(new) == 1
            and last is not None
            and last.type == new[0].type
            and last.trigger.end < m.start() <= last.trigger.end + 2
            and not last.trigger.text.endswith("ed")
        ):
            # "a lunch hosted by X", "a pact signed by X and Y": the participle tells of the noun's event
            agents = new[0].actors
            last.actors = agents + [a for a in last.actors if a not in agents]
            last.mentions.append(new[0].trigger)
            recent.trigger = (m.start(), m.end())
            continue
        drafts.extend(new)
        recent.note(new)
        recent.trigger = (m.start(), m.end())
    _praise_the_topic(doc, drafts)
    _meet_where_one_went(drafts)
    merged = _drop_tours(_merge(drafts))
    _headline_from_lead(doc, merged)
    dateline = doc.dateline
    if dateline is not None:
        for d in merged:
            if d.location is None and d.type in _DATELINE_TYPES and _recent(d.date, published):
                d.location = dateline
    for d in merged:
        if any(a.name is None and a.kind == "person" for a in d.actors):
            # "Peru's foreign minister" acts for their state, when the document has it as an actor
            d.actors = _as_states(doc, d.actors, lambda a: a.name is None and a.kind == "person")
    return [_finish(d) for d in merged]


def _drop_tours(drafts: list[_Draft]) -> list[_Draft]:
    """A tour whose legs the article reports (two visits or more by the same traveller to places of
    their own) is the sum of those visits, not one more."""
    legs: dict[str, set[str]] = {}
    for d in drafts:
        if d.type == "visit" and d.location is not None and d.trigger.text.lower() not in _TOUR_NOUNS:
            legs.setdefault(d.actors[0].id, set()).add(d.location.id)
    return [
        d
        for d in drafts
        if not (
            d.type == "visit"
            and d.trigger.text.lower() in _TOUR_NOUNS
            and len(legs.get(d.actors[0].id, set()) - {d.location.id if d.location else ""}) >= 2
        )
    ]


_TOUR_NOUNS = frozenset(["tour", "tours"])


def _meet_where_one_went(drafts: list[_Draft]) -> None:
    """ "flew to Quito to meet the president": the meeting is where the trip of its sentence went."""
    trips: dict[tuple[tuple[int, int], str], _Draft] = {}
    for d in drafts:  # in text order: the latest trip told before the meeting
        key = (d.sentence, d.actors[0].id)
        trip = trips.get(key)
        if d.type == "visit" and d.location:
            trips[key] = d
        # Only a trip told before the meeting, and as real as it: "talks in X, ... a planned visit to Y"
        # says nothing of where the talks were.
        elif d.type == "meeting" and d.location is None and trip is not None and trip.status == d.status:
            d.location = trip.location


def _praise_the_topic(doc: _Doc, drafts: list[_Draft]) -> None:
    """Praise that names no one ("hailed the result") is for the person the article is about."""
    people = [a for a in {p.record.id: p.record for p in doc.actors.items}.values() if a.kind == "person"]
    if not people:
        return
    topic = max(people, key=lambda a: len(a.mentions))
    if len(topic.mentions) < 3:
        return
    for d in drafts:
        if d.cameo == "051" and len(d.actors) == 1 and d.actors[0] is not topic:
            d.actors.append(topic)


_HEADLINE_COMMA = re.compile(r",\s+$")
_HEADLINE_MAX = 300
"""A first paragraph longer than this is body text, not a headline."""


def _in_headline(doc: _Doc, pos: int) -> bool:
    """Whether ``pos`` lies in a short first paragraph: a headline, whose commas join verbs."""
    paragraphs = doc.analysis.paragraphs
    if not paragraphs or pos >= paragraphs[0].end or paragraphs[0].end - paragraphs[0].start > _HEADLINE_MAX:
        return False
    return not doc.text[paragraphs[0].start : paragraphs[0].end].rstrip().endswith(".")  # a sentence


def _headline_from_lead(doc: _Doc, drafts: list[_Draft]) -> None:
    """A headline event takes the date and place the article body gives the same participants."""
    if not doc.analysis.paragraphs:
        return
    head_end = doc.analysis.paragraphs[0].end
    if head_end - doc.analysis.paragraphs[0].start > _HEADLINE_MAX:
        return
    for d in drafts:
        if d.sentence[0] >= head_end or (d.date is not None and d.location is not None):
            continue
        ids = {a.id for a in d.actors}
        twin = next(
            (
                b
                for b in drafts
                if b is not d
                and b.date is not None
                and ids <= {a.id for a in b.actors}
                and b.status == d.status
            ),
            None,
        )
        if twin is not None:
            d.date = d.date or twin.date
            d.location = d.location or twin.location


_DATELINE_TYPES = {"meeting", "agreement", "visit"}
_DATELINE = re.compile(
    r"\s*(?:,\s*[A-Z][\w .'-]{1,30}?)?(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"(?:\s+\([A-Z][\w .]{1,20}\))?\s+[-–—]\s"
)


def _dateline(doc: _Doc) -> tuple[Location | None, tuple[int, int]]:
    """The place of a dateline ("QUITO - ...", "CUSCO, Peru — ...") opening a paragraph, and its span."""
    for para in doc.analysis.paragraphs[:6]:
        first = doc.locations.first_after(para.start, min(para.end, para.start + 40))
        if first is not None and first.start == para.start:
            dash = _DATELINE.match(doc.text, first.end)
            if dash is not None:
                return first.record, (first.start, dash.end())
    return None, (0, 0)


def _recent(date: TimeExpression | None, published: dt.date | None) -> bool:
    """Whether an event dated ``date`` can have happened where the article was filed."""
    if date is None or published is None or not date.value:
        return date is None
    try:
        day = dt.date.fromisoformat(date.value[:10])
    except ValueError:
        return date.value[:7] == published.isoformat()[:7]
    return abs((day - published).days) <= 7


_PLURAL_SUBJECT = re.compile(
    r"\b(?:they|They|we|We|both|Both|(?:[Tt]he\s+)?two\s+(?:sides|leaders|men|women|countries|governments|ministers)"
    r"|[Bb]oth\s+sides|The\s+two|the\s+two(?=\s+(?:had|have|has|were|are|will|would|first|last|also|then|later)\b|\s+$))"
    r"\s+(?:[a-z]+\s+){0,4}$"
)


def _plural_hint(tight: str) -> bool:
    """Whether ``tight`` holds a word ``_PLURAL_SUBJECT`` needs (substring tests cost less than a search)."""
    return "two" in tight or "we" in tight or "We" in tight or "hey" in tight or "oth" in tight


# Several texts signed: "A, B and C signed the documents" are A's agreements with each of the others.
_PLURAL_TEXTS = re.compile(
    r"\s+(?:the\s+|two\s+|separate\s+|bilateral\s+)*(?:[a-z]+\s+)?"
    r"(?:documents|agreements|accords|deals|treaties|texts|declarations|pacts)\b"
)
_SPLIT_TYPES = {
    "cooperation",
    "expulsion",
    "sanction",
    "visit",
    "appeal",
    "accusation",
    "rejection",
    "threat",
    "protest",
    "military",
}


_REGION_BEFORE = re.compile(
    r"\b(Latin|Central|North|South|East|West|Southeast|Northeast|Northern|Southern|Eastern|Western|Sub-Saharan)\s$"
)


def _demonym_target(doc: _Doc, start: int, end: int) -> Actor | None:
    """The state a demonym right after the trigger points to ("expelled Russian diplomats")."""
    from diplomacy_events.countries import country_code, demonym_country

    window = doc.text[start : min(end, start + 50)]
    cut = _SIDES_STOP.search(window)
    if cut is not None:
        window = window[: cut.start()]  # "expelled envoys on Monday, and Peru ...": Peru acts, not targeted
    compound = -1
    for word in _CAPITALIZED.finditer(window):
        if (
            _HYPHEN_CAPITAL.match(window[word.end() : word.end() + 2])
            or window[word.start() - 1 : word.start()] == "-"
            or word.start() == compound + 1
        ):
            compound = word.end()
            continue  # "a Chile-Costa Rica summit": the sides of a compound, neither the target
        if word.group() == "European" and doc.union is not None:
            return doc.union  # "sanctions on ten European politicians": the bloc they belong to
        region = _REGION_BEFORE.search(window, max(0, word.start() - 14), word.start())
        if region is not None:
            # "Latin American countries" is a region's; "South Korean envoys" are one state's.
            code = demonym_country(region.group(1) + " " + word.group())
            if code and code in doc.states:
                return doc.states[code]
            continue
        code = demonym_country(word.group()) or country_code(word.group())
        if code and code in doc.states:
            return doc.states[code]
    return None


_HOSTED_VISIT = re.compile(
    r"\s+(?:[^,.;:\"“”]{0,60}?\s)?for\s+(?:a|an|his|her|their|the)\s+(?:[\w-]+\s+){0,3}?visits?\b"
)
_OBJECT_PRONOUN = re.compile(r"\s+(?:him|her)\b")
_ADDRESSED = re.compile(r"\baddress(?:ed|es|ing)?\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}$")
_BE_TO = re.compile(r"\b(?:is|are|was|were)\s+to\s+[a-z]+\s+(?:[a-z]+\s+){0,2}$")
_AGREED_TO = re.compile(
    r"\b(?:agreed|agree|agrees|decided|decide|promised|pledged|vowed|undertook|offered)\s+to\s+$"
)
_CONJUNCT = re.compile(
    r"\band\s+(?:also\s+|then\s+|later\s+)?"
    # "summoned X's envoy and lodged a formal protest": a light verb and the event's noun
    r"(?:(?:lodged|filed|issued|made|launched|sent|delivered|voiced|registered|expressed)"
    r"\s+(?:a|an|the|its|their)\s+(?:[a-z-]+\s+){0,2})?$"
)


_LAST_WORDS = re.compile(r"(?:\s*+\S++){8}")
"""Eight words and the space after each, on a reversed string."""


def _last_words(near: str) -> str:
    """``near`` from its eighth word from the end (``near`` itself if it has fewer).

    A pattern anchored at the end whose match spans at most eight words (runs of non-space
    characters) finds the same match in it: a match cannot start before that word, and the
    space before it looks to ``\\b`` and ``(?<!\\w)`` as the start of the string does.
    """
    found = _LAST_WORDS.match(near[::-1])
    return near[len(near) - found.end() :] if found else near


def _lead_end(lead: str, near: str, tight: str, n: int = 0) -> str:
    """What stands for ``lead[-n:]`` (``n`` <= 120; all of ``lead`` without ``n``) in a search for a
    pattern anchored at the end that spans at most eight words: ``tight`` (``_last_words(near)``)
    when shorter, for it then holds eight whole words and no such match starts before them."""
    cut = lead[-n:] if n else lead
    return tight if len(tight) < len(cut) and (n or len(tight) < len(near)) else cut


def _conjunct(near: str) -> re.Match[str] | None:
    """``_CONJUNCT`` at the end of ``near``: it starts at the last "and" (what may follow it holds
    no other), so the search starts there."""
    at = near.rfind("and")
    while at > 0 and (near[at - 1].isalpha() or near[at + 3 : at + 4].isalpha()):
        at = near.rfind("and", 0, at)  # "standard", "Andes": no "and" of its own
    return _CONJUNCT.search(near, at) if at >= 0 else None


_WHEN_PRESENT = re.compile(r"\b(?:when|once|until|before)\s+(?:[\w'’-]+\s+){0,3}$")
_PAST_FORMS = frozenset(["met", "held", "signed", "spoke", "made", "struck", "sent", "flew", "went"])
_COMPOUND_TAIL = re.compile(r"\s+(?:[a-z-]+\s+){0,2}")
_REJECTED_TYPES = {
    "protest": "protest",
    "protests": "protest",
    "complaint": "protest",
    "complaints": "protest",
    "note": "protest",
    "summons": "protest",
    "request": "appeal",
    "call": "appeal",
    "calls": "appeal",
    "requests": "appeal",
    "demand": "appeal",
    "demands": "appeal",
    "appeal": "appeal",
    "appeals": "appeal",
    "accusation": "accusation",
    "accusations": "accusation",
    "allegations": "accusation",
    "allegation": "accusation",
    "charges": "accusation",
    "charge": "accusation",
    "claim": "accusation",
    "claims": "accusation",
    "criticism": "accusation",
    "sanctions": "sanction",
    "suspension": "sanction",
    "expulsion": "expulsion",
    "expulsions": "expulsion",
}
_REJECTED_EVENT = re.compile(
    r"\s+(?:the|this|that|these|those)\s+(?:[a-z-]+\s+){0,2}?(" + "|".join(_REJECTED_TYPES) + r")\b"
    r"(?!\s+d['’])",  # "the charge d'affaires" is an envoy, not a charge
    re.IGNORECASE,
)
# "The protest was rejected by Lima": the rejected noun in the passive
_REJECTED_BEFORE = re.compile(
    r"\b(?:the|this|that|these|those)\s+(?:[a-z-]+\s+){0,2}?(" + "|".join(_REJECTED_TYPES) + r")"
    r"\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:[a-z]+ly\s+)?$",
    re.IGNORECASE,
)
_REJECTED_GAP = re.compile(r"\s+(?:(?:the|its|their|his|her|[A-Z][a-z]+(?:['’]s)?|[a-z-]+)\s+){0,2}")


def _rejected_draft(recent: _Recent, noun: re.Match[str] | None) -> _Draft | None:
    """The event a rejected noun ("the protest", "the charges") refers to: the latest of its type."""
    return recent.by_type.get(_REJECTED_TYPES[noun.group(1).lower()]) if noun is not None else None


def _rejected_noun(text: str, recent: _Recent, pos: int) -> bool:
    """Whether the trigger at ``pos`` is a noun the rejection just before it rejects."""
    last = recent.last
    if last is None or last.type != "rejection" or not 0 <= pos - last.trigger.end <= 30:
        return False
    return bool(_REJECTED_GAP.fullmatch(text, last.trigger.end, pos))


def _compound_sides(doc: _Doc, lo: int, pos: int) -> tuple[Actor, Actor] | None:
    """The two sides a compound names just before a meeting noun ("an A-B summit", "A-B trade talks")."""
    if "-" not in doc.text[max(lo, pos - 60) : pos] and "–" not in doc.text[max(lo, pos - 60) : pos]:
        return None
    near = doc.actors.between(max(lo, pos - 60), pos)
    for a, b in itertools.pairwise(near):
        if (
            doc.text[a.end : b.start] in ("-", "–")
            and _COMPOUND_TAIL.fullmatch(doc.text, b.end, pos)
            and a.record is not b.record
        ):
            return a.record, b.record
    return None


_COMPOUND = re.compile(r"\b([A-Z][\w.]*[A-Za-z])[-–]([A-Z][\w.]*[A-Za-z])\b")


def _compound_near(doc: _Doc, lo: int, hi: int) -> tuple[Actor, Actor] | None:
    """Two sides a compound of names or demonyms names near a meeting noun: the actors at its parts,
    or the states of the countries they name."""
    from diplomacy_events.countries import country_code, demonym_country

    text = doc.text
    if "-" not in text[lo:hi] and "–" not in text[lo:hi]:
        return None
    for m in _COMPOUND.finditer(text, lo, hi):
        sides: list[Actor] = []
        for k in (1, 2):
            at = [p.record for p in doc.actors.between(m.start(k), m.end(k)) if p.start == m.start(k)]
            if at:
                sides.append(at[0])
                continue
            word = m.group(k)
            iso = demonym_country(word) or country_code(word)
            state = doc.states.get(iso) if iso else None
            if state is None:
                break
            sides.append(state)
        if len(sides) == 2 and sides[0] is not sides[1]:
            return sides[0], sides[1]
    return None


_MEMBERS_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:[a-z]+\s+)?(?:leaders|members|member\s+states|governments|heads\s+of\s+(?:state|government)"
    r"|foreign\s+ministers|ministers)\b"
)
# "Leaders of the Andean bloc": the members of the body that follows
_MEMBERS_BEFORE = re.compile(
    r"\b(?:[Ll]eaders|[Mm]embers|[Hh]eads\s+of\s+(?:state|government)|[Ff]oreign\s+ministers|[Mm]inisters)"
    r"\s+of\s+(?:the\s+)?$"
)
# "the Andean Community summit", "the bloc's annual meeting", "the EU will hold its next summit":
# a meeting of the body's own members
_BODY_EVENT_GAP = re.compile(
    r"(?:['’]s)?(?:\s+[a-z-]+){0,2}\s+|(?:\s+[a-z]+){0,3}\s+(?:hold|holds|held|holding|host|hosts|hosted"
    r"|convene|convenes|convened|opened|closed|ended)\s+(?:its|their)\s+(?:[a-z-]+\s+){0,2}"
)
# "the bloc's annual summit": the body the article last named
_BLOCS_OWN = re.compile(
    r"\b[Tt]he\s+(?:bloc|alliance|union|organi[sz]ation|grouping|community)['’]s\s+(?:[a-z-]+\s+){0,2}$"
)
# "a summit of the Andean Community"
_OF_BODY = re.compile(r"\s+of\s+(?:the\s+)?")
# What may open the clause before such a meeting: it is what the clause is about, not a
# background ("on the sidelines of the G20 summit", "attended a NATO summit")
_CLAUSE_HEAD = re.compile(r"\s*(?:(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Ll]ast\s+\w+['’]s)\s+)?(?:[a-z-]+\s+)?")
# A sentence-initial phrase up to the trigger: "After ", "In a phone ", "During their "
_FRONTED = re.compile(
    r"\s*(?:After|Before|Following|During|In|While|Since|Upon|Ahead\s+of|Despite)\s+(?:[a-z]+\s+){0,3}"
)
# What may stand before the main clause's subject: "Chile's foreign minister Ana Ruiz", "the Chilean"
_LEAD_WORDS = re.compile(r"(?:(?:the|its|his|her)\s+)?(?:[A-Z][\w-]*(?:['’]s)?\s+){0,3}(?:[a-z]+\s+){0,2}")
_FOR_IN = re.compile(r"(?:\s+(?:on\s+)?[A-Z][a-z]+)?\s+for\s+[^.;:,\"“”]{0,60}?\bin\s+(?:the\s+)?")
_ON_A_DAY = re.compile(
    r"\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July"
    r"|August|September|October|November|December)\b(?![^.;]{0,60}\b(?:for|to)\b)"
)
_FROM_CALLER = re.compile(r"(?:\s+[\w'’-]+){0,4}?\s+from\s+")
_IN_A_NOUN = re.compile(r"\b(?:in|during|over)\s+(?:a|an|their|his|her)\s+(?:[a-z]+\s+)?$")
_HANDED = re.compile(
    r"\b(?:handed|given|delivered|presented\s+with|received)\s+(?:(?:him|her|them)\s+)?(?:a|an|the)\s+"
    r"(?:[a-z]+\s+){0,3}$"
)
_INVITATION = re.compile(
    r"\b(declined|declines|turned\s+down|turns\s+down|rejected|rejects|refused|refuses|spurned|snubbed"
    r"|accepted|accepts)\s+(?:an|the|a|their|his|her|its)\s+(?:(?-i:[A-Z])[\w-]*\s+)?(?:invitation|proposal|offer)"
    # "declined a Peruvian proposal, made in May, to reconvene the commission"
    r"(?:(?P<from>\s+(?:from|by)\s+[^.;:]{1,90}?)|,\s+[^,;:.]{1,40},)?,?\s+(?:to|for)\s+(?:[a-z]+\s+){0,3}$",
    re.IGNORECASE,
)
_OFFER_WORDS = ("invitation", "proposal", "offer")
_ATTEND_WORDS = ("attend", "join", "part in", "boycott", "skip", "away from", "shunned", "snubbed")
_GATHERINGS = frozenset(
    ["summit", "summits", "talks", "meeting", "meetings", "conference", "session", "forum"]
)
_ATTEND = re.compile(
    r"(?:\b(?P<not>not\s+|never\s+)|(?P<nt>n['’]t\s+))?(?:(?:to|will|would|did|does|do)\s+)?"
    r"(?:attend|attended|attends|attending|join|joined|joins|joining|take\s+part\s+in|took\s+part\s+in"
    r"|taking\s+part\s+in|(?P<skip>boycott|boycotted|boycotts|boycotting|skip|skipped|skips|skipping|stayed\s+away\s+from"
    r"|stay\s+away\s+from|shunned|snubbed))\s+(?:the|a|an|this|next|its|their|[A-Z][\w.]*['’]s)\s+"
    r"(?:[\w-]+\s+){0,3}$"
)
_HOSTED_BEFORE = re.compile(
    r"\b(?:hosted|hosts|hosting|host|brokered|brokers|mediated|mediates|convened|convenes|organised|organized"
    r"|chaired|chairs)\s+(?:a\s+|the\s+|new\s+|fresh\s+|indirect\s+|direct\s+|next\s+|another\s+|latest\s+"
    r"|first\s+|second\s+|third\s+|final\s+){0,3}$"
)
_TO_BODY = re.compile(r"\s+to\s+(?:the\s+)?")
_BOTH_SIDES = re.compile(
    r"\s+(?:on\s+|to\s+|upon\s+)?(?:both|the\s+two)\s+(?:sides|countries|governments|parties|neighbours"
    r"|neighbors|leaders|capitals|nations)\b"
)
_JOINT = frozenset(["joint", "combined"])
_OBJECT_THEM = re.compile(r"\s+(?:them|him|her|it)\b")
_BUT_VERB = re.compile(
    r"\bbut\s+(?:(?:also|then|later|did|does|do|had|has|have|would|will|could|not|never|didn['’]t|did\s+not)\s+){0,3}$"
)
_PURPOSE_TO = re.compile(r"[\w,]\s+to\s+$")
_THEIR_THING = re.compile(r"\s+(?:(?:a|an|the|parts?|sections?)\s+(?:[a-z-]+\s+){0,2}of\s+)?(?:their|its)\s")
_FOR_END = re.compile(r"\bfor\s+(?:[a-z-]+\s+){0,2}$")
_CONTROL_VERBS = frozenset(
    "urged urge urges asked ask asks invited invite invites called sent send dispatched told ordered pressed "  # noqa: SIM905
    "encouraged allowed persuaded".split()
)
_ENVOY_TITLE = re.compile(r"ambassador|envoy|charg|chief of mission|consul|diplomat", re.IGNORECASE)


def _earlier_in_sentence(doc: _Doc, recent: _Recent, sent: tuple[int, int], pos: int) -> _Draft | None:
    """The event told just before ``pos`` in the same sentence and clause run (no ``;`` or ``:``
    between), whose subject a coordinated or purpose verb may share; not an object-control verb
    ("urged X to visit": X visits)."""
    last = recent.last
    if last is None or not sent[0] <= last.trigger.start < pos or last.trigger.end > pos:
        return None
    if _HARD_PUNCT.search(doc.text, last.trigger.end, pos) or pos - last.trigger.end > 160:
        return None
    if last.type == "appeal" or last.trigger.text.split()[0].lower() in _CONTROL_VERBS:
        return None
    return last


def _envoy_as_state(doc: _Doc, actor: Actor) -> Actor:
    """An envoy summoned or expelled stands for the state they represent in what is said to them."""
    if actor.kind == "person" and actor.country and _ENVOY_TITLE.search(actor.title or ""):
        return doc.states.get(actor.country, actor)
    return actor


def _shared_subject(doc: _Doc, recent: _Recent, pos: int, conjunct: re.Match[str] | None) -> Actor | None:
    """The subject of the verb just before a coordinated trigger ("X visited Lima and hosted Y").

    Only when no actor stands between that verb's trigger and the "and": "X met Y and Z hosted W"
    has a subject of its own.
    """
    last = recent.last
    if last is None or not conjunct or not last.sentence[0] <= pos < last.sentence[1]:
        return None
    prev_end = last.trigger.end
    if prev_end > pos or _SHARED_BREAK.search(doc.text, prev_end, pos - len(conjunct.group())):
        return None
    and_at = pos - len(conjunct.group())
    if doc.actors_in(and_at, pos):
        return None
    return last.actors[0]


_DETERMINER_END = re.compile(
    r"\b(?:a|an|the|its|their|his|her|this|that|these|those|newly)\s+$", re.IGNORECASE
)
_NOUN_NEXT = re.compile(
    r"\s+(?!(?:by|in|at|on|for|with|to|from|into|over|under|after|before|during|and|or|as|last|this|earlier)\b)"
    r"[a-z][\w-]*"
)
_NOBODY_END = re.compile(r"\b(?:[Nn]obody|[Nn]o\s+one|[Nn]one\s+of\s+(?:us|them))\s+(?:[a-z]+\s+)?$")
_TRIP_NOUNS = frozenset(["visit", "visits", "trip", "trips", "tour", "tours"])
_PURPOSE = re.compile(r"\bfor\b|\bto\s+[a-z]+\s")
_BY_WORD = re.compile(r"\bby\s+(?:the\s+)?")


_NUMBERS = {
    w: i
    for i, w in enumerate(
        ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"], 2
    )
}
_COUNTED = re.compile(
    r"^\s*(?:[\w'’-]+\s+){0,3}?(?:from|of|with|on|against)\s+(?:the\s+)?(" + "|".join(_NUMBERS) + r"|\d{1,2})"
    r"\s+(?:[A-Za-z-]+\s+){0,2}?(?:countries|states|nations|governments)\b"
)


def _counted_states(doc: _Doc, tail: str, sent_end: int) -> list[Actor]:
    """The states a count refers to ("diplomats from three Andean countries"), when the next
    sentences list exactly that many: "... the governments of Chile, Peru and Bolivia ..."."""
    counted = _COUNTED.match(tail)
    if counted is None:
        return []
    word = counted.group(1)
    n = int(word) if word.isdigit() else _NUMBERS[word]
    run: list[Placed[Actor]] = []
    for p in doc.actors.between(sent_end, sent_end + 700):
        if p.record.kind != "state":
            continue
        if run and not _LIST_GAP.fullmatch(doc.text[run[-1].end : p.start]):
            if len(run) == n:
                break
            run = []
        run.append(p)
    states = list(dict.fromkeys(p.record for p in run))
    return states if len(states) == n else []


def _gap_to(doc: _Doc, actor: Actor, pos: int) -> str:
    """The text between ``pos`` and the actor's first mention after it."""
    start = min((mm.start for mm in actor.mentions if mm.start >= pos), default=pos)
    return doc.text[pos:start]


def _visitor_after(doc: _Doc, m: re.Match[str], end: int) -> Actor | None:
    """Who makes a trip named by a noun: the agent after "by" in its clause ("a visit to X by Y")."""
    stop = _PLACE_BREAK.search(doc.text, m.end(), min(end, m.end() + 120))
    limit = stop.start() if stop else min(end, m.end() + 120)
    by = _BY_WORD.search(doc.text, m.end(), limit)
    if by is None or _HARD_PUNCT.search(doc.text, m.end(), by.start()):
        return None
    for p in doc.actors.between(by.end(), min(end, by.end() + 50)):
        if _GAP_PUNCT.search(doc.text, by.end(), p.start):
            return None
        if p.record.kind == "person" or not _POSSESSIVE.match(doc.text, p.end):
            return p.record
    return None


_SUBORDINATE_ING = re.compile(r"\b(?:before|after|while|without|since)\s+$")
_ASIDE_OPEN = re.compile(r",\s+(?:who|whose|which)\b")


def _aside_antecedent(doc: _Doc, sent_start: int, pos: int) -> Actor | None:
    """The actor a closed relative clause before the trigger describes: "Lima, whose envoy ...,
    is expected to sign", "Ana Ruiz, who met X ..., and called on Y": neither X nor the envoy acts."""
    lead = doc.text[sent_start:pos]
    if "," not in lead:
        return None
    opened = _ASIDE_OPEN.search(lead)
    if opened is None:
        return None
    close = lead.rfind(",")
    if close <= opened.start() or _HARD_PUNCT.search(lead, opened.end(), close) or len(lead) - close > 40:
        return None
    owner = doc.actors.last_before(sent_start + opened.start(), sent_start)
    if owner is None or owner.end != sent_start + opened.start():
        return None
    if _PREPOSITION_BEFORE.search(doc.text, max(sent_start, owner.start - 14), owner.start):
        return None  # "raised the case of X, who ..., and pressed": X is no subject
    return owner.record


_TARGET_CUE = re.compile(r"\b(?:for|against|by)\s+(?:the\s+)?$")
# A threat is aimed at the one whose act would set it off: "would retaliate if Chile went ahead"
_THREAT_CUE = re.compile(r"\b(?:for|against|by|if|unless|should)\s+(?:the\s+)?$")
_THREAT_STOP = re.compile(r"[;:]|\b(?:but|while|whereas|although|when)\b")
_TARGET_STOP = re.compile(r"[;:]|\b(?:but|while|whereas|although|if|unless|when)\b")


_STRUCK_CUE = re.compile(r"\b(?:at|on|into|against|towards?|over)\s+(?:the\s+)?(?:[a-z]+\s+)?$")


def _target_after(
    doc: _Doc,
    start: int,
    end: int,
    cue: re.Pattern[str] = _TARGET_CUE,
    stops: re.Pattern[str] = _TARGET_STOP,
) -> Actor | None:
    """The state or actor a threat or an accusation is aimed at, named after one of ``cue``'s words
    ("for", "against", "by"; for threats also "if", "unless") in the rest of its clause, up to a
    ``stops`` word (a capital or a country standing for its state)."""
    stop = stops.search(doc.text, start, min(end, start + 120))
    end = stop.start() if stop else min(end, start + 120)
    found: list[tuple[int, Actor]] = [(p.start, p.record) for p in doc.actors_in(start, end)]
    for p in doc.locations.between(start, end):
        state = doc.states.get(p.record.country or "") if p.record.kind in ("city", "country") else None
        if state is not None:
            found.append((p.start, state))
    for pos, actor in sorted(found, key=lambda x: x[0]):
        if cue.search(doc.text, max(start, pos - 20), pos):
            return actor
    return None


_FIRST_VERB = re.compile(r"\b(?:said|says|told|had|has|have|was|were|is|are|will|would|\w+ed)\b")
_GENERIC_VISITS = re.compile(r"\b(?:regular|reciprocal|frequent|further|future|more)\s+$")
_TEXT_NOUN_END = re.compile(
    r"\b(?:declaration|statement|resolution|letter|communique|communiqué|document|report|text|plan|proposal"
    r"|deal|agreement|bill|motion)\s+$"
)
_MODAL_NOT_END = re.compile(r"\b(?:would|will|could|might|may|shall|to)\s+(?:not|never)\s+(?:\w+\s+)?$")


def _first_verb(doc: _Doc, start: int, end: int) -> int:
    """Where the sentence's first speech or action verb stands (the subject comes before it)."""
    m = _FIRST_VERB.search(doc.text, start, end)
    return m.start() if m else end


def _seat_actor(doc: _Doc, start: int, end: int) -> Actor | None:
    """The state whose capital or name opens the clause ("Lima retaliated ... by expelling")."""
    a, b = doc.dateline_span
    if a <= start < b:
        start = b  # "QUITO - Lima retaliated": the dateline is not the clause's first word
    first = doc.locations.first_after(start, end)
    if first is None or doc.text[start : first.start].strip(" ,;"):
        return None
    country = first.record.country
    return doc.states.get(country) if country and first.record.kind in ("city", "country") else None


def _demonym_actor(doc: _Doc, start: int, end: int) -> Actor | None:
    """The state whose demonym qualifies the clause's subject ("Israeli aircraft", "Russian forces")."""
    from diplomacy_events.countries import demonym_country

    window = doc.text[start:end]
    for word in _TITLE_WORD.finditer(window):
        region = _REGION_BEFORE.search(window, max(0, word.start() - 14), word.start())
        if region is not None:
            code = demonym_country(region.group(1) + " " + word.group())
        else:
            code = demonym_country(word.group())
        if (
            code
            and code in doc.states
            and _LOWER_WORD_NEXT.match(doc.text[start + word.end() : start + word.end() + 2])
            # "unrest in Peru and ...": a country after a preposition, before no noun
            and _NOUN_NEXT.match(doc.text, start + word.end())
            and not _PREPOSITION_BEFORE.search(window, max(0, word.start() - 14), word.start())
        ):
            return doc.states[code]
    return None


def _listed_places(doc: _Doc, first: Location, pos: int, end: int) -> list[Location]:
    """``first`` and the places listed after it ("visiting Chile, Peru and Bolivia")."""
    out = [first]
    placed = doc.locations.between(pos, end)
    start = next((p for p in placed if p.record is first), None)
    if start is None:
        return out
    prev_end = start.end
    for p in placed:
        if p.start < prev_end:
            continue
        if not _LIST_GAP.fullmatch(doc.text[prev_end : p.start]):
            break
        if p.record not in out:
            out.append(p.record)
        prev_end = p.end
    return out


def _scanner(first: dict[str, list[int]], lower: bool = False) -> re.Pattern[str]:
    # A word is a maximal run of ASCII letters ("Trump's" holds "trump" and "s"); ASCII-only case
    # folding keeps every offset where it is.
    words = [w for w in first if _LOWER_RUN.fullmatch(w)]
    if lower:
        return re.compile(r"(?<![a-z])" + alternation(words) + r"(?![a-z])")
    return re.compile(r"(?<![A-Za-z])" + alternation(words) + r"(?![A-Za-z])", re.IGNORECASE | re.ASCII)


_ODD_LOWER = ("\u0130", "\u212a")
"""The only characters outside ASCII whose lower case holds ASCII letters or more than one character."""


_REACH = 400
_LOOKBACK = 64


def _triggers(c: _Compiled, text: str) -> list[list[tuple[re.Match[str], _Trigger]]]:
    """Trigger matches, left to right, never overlapping: at each word, every trigger that matches
    there, longest first (the first whose conditions hold is taken)."""
    out: list[list[tuple[re.Match[str], _Trigger]]] = []
    free = 0
    first, patterns, triggers = c.first, c.patterns, c.triggers
    # Without the two odd characters, lower() maps each character to one, ASCII letters to their
    # lower case and nothing else to an ASCII letter: the case-sensitive scan of the lower-cased
    # text finds the same words at the same offsets, faster.
    if _ODD_LOWER[0] in text or _ODD_LOWER[1] in text:
        scanned, scan = text, c.scan
    else:
        scanned, scan = text.lower(), c.scan_lower
    for w in scan.finditer(scanned):
        start = w.start()
        if start < free:
            continue
        here: list[tuple[re.Match[str], _Trigger]] = []
        for i in first[w.group().lower()]:
            m = patterns[i].match(text, start)
            if m is not None:
                here.append((m, triggers[i]))
        if here:
            out.append(here)
            free = here[0][0].end()
    return out


def _last_verb(trig: _Trigger, text: str, lo: int, pos: int) -> re.Match[str] | None:
    """The last of a noun trigger's verbs (``needs_verb``) between ``lo`` and ``pos``."""
    last = None
    if trig.needs_verb is not None:
        for last in trig.needs_verb.finditer(text, lo, pos):  # noqa: B007 (the last one is wanted)
            pass
    return last


def _admissible(trig: _Trigger, text: str, m: re.Match[str], sent: tuple[int, int]) -> bool:
    """Whether the words around a trigger allow it (cheap tests, before any participant lookup)."""
    if trig.type == "appeal" and text.endswith(" on", 0, m.end()) and _ON_A_DAY.match(text, m.end(), sent[1]):
        return False  # "held calls on Tuesday with ...": a day, not whom an appeal is made to
    if trig.not_followed_by is not None and trig.not_followed_by.match(text[m.end() : sent[1]].lstrip()):
        return False
    if trig.needs_verb is not None and not trig.needs_verb.search(text, sent[0], m.start()):
        return False
    if trig.needs_cue is not None and not trig.needs_cue.search(text, sent[0], sent[1]):
        return False
    if trig.before is not None and not trig.before.search(text, max(sent[0], m.start() - 50), m.start()):
        return False
    if trig.object_after is not None and not trig.object_after.match(
        text, m.end(), min(sent[1], m.end() + 60)
    ):
        return False
    return trig.cue_after is None or bool(trig.cue_after.match(text, m.end(), min(sent[1], m.end() + 110)))


def _draft(
    c: _Compiled, doc: _Doc, trig: _Trigger, m: re.Match[str], sent: tuple[int, int], recent: _Recent
) -> list[_Draft]:
    text = doc.text
    ms, me = m.span()
    lo = doc.clause_start(sent[0], ms)
    end = sent[1]
    if trig.special == "send":
        return _sent(c, doc, trig, m, sent, lo, recent)
    if trig.special == "suit":
        return _follow_suit(c, doc, m, sent, lo, recent)
    tail = text[me:end]
    told = recent.by_type.get("protest") if trig.type == "protest" else None
    if (
        told is not None
        and told.sentence[0] <= ms < told.sentence[1]
        and _HANDED.search(text, max(lo, ms - 40), ms)
    ):
        told.mentions.append(Mention.at(text, ms, me))  # "was summoned and handed a protest note"
        return []
    objects = _objects(doc, me, end)
    if not objects and trig.type == "meeting" and _OBJECT_PRONOUN.match(text, me):
        # "hosted him for dinner": the person the previous sentences are about
        guest = resolve_pronoun(doc.analysis, doc.actors, sent[0])
        objects = [guest] if guest is not None else []
    with_subject: list[Actor] = []
    if (
        not objects
        and trig.type in ("call", "meeting")
        and " with " in text[lo:ms]
        and _IN_A_NOUN.search(text, max(lo, ms - 16), ms)
    ):
        # "raised it with his counterpart, X, in a phone call": who the clause's "with" names
        w = text.rfind(" with ", lo, ms)
        if w >= 0:
            objects = _objects(doc, w + 5, ms)
            with_subject = _subject(doc, sent[0], doc.clause_start(sent[0], w), w) if objects else []
    if not objects and trig.type == "appeal":
        # "called on Friday for an end to the violence in Chile": the state where it should end
        where = _FOR_IN.match(text, me, min(end, me + 90))
        places_in = doc.locations.between(where.end(), where.end() + 40) if where is not None else []
        if (
            where is not None
            and places_in
            and places_in[0].start == where.end()
            and places_in[0].record.kind == "country"
        ):
            state = doc.states.get(places_in[0].record.country or "")
            if state is not None:
                objects = [state]
    if not objects and trig.type == "call":
        # "received a phone call late on Monday from X": the caller, after "from"
        src = _FROM_CALLER.match(text, me, min(end, me + 45))
        if src is not None:
            objects = _objects(doc, src.end(), end)
    if not objects and recent.pair is not None and _BOTH_SIDES.match(text, me, min(end, me + 40)):
        objects = _as_states(doc, recent.pair.actors)  # "called on both sides to ...": the sides told before
    if (
        not objects
        and trig.type in _CONSULT
        and recent.pair is not None
        and _BETWEEN_THE_TWO.match(text, me, min(end, me + 50))
    ):
        objects = list(
            recent.pair.actors
        )  # "the meeting between the two foreign ministers": those told before
    if (
        trig.needs_person_object
        and not any(a.kind == "person" for a in objects)
        and not (len(objects) > 1 and text.startswith(" between ", me))  # "a call between the two states"
        and not (objects and "counterpart" in text[me : me + 40])  # "spoke to his Chilean counterpart"
    ):
        return []
    tl = m.group().lower()

    def locate() -> Location | None:
        reach = max((p.end for p in doc.actors.between(me, end) if p.record in objects), default=me)
        return _location(
            doc,
            sent[0],
            me,
            end,
            visit=trig.type == "visit",
            reach=reach,
            military=trig.type == "military",
        )

    # The place is looked up only where it decides something now, or once participants exist.
    located = trig.needs_place or tl == "visits"
    location = locate() if located else None
    if trig.needs_place and location is None:
        # "the president arrived on Tuesday": the dateline says where, if the article has one.
        location = doc.dateline
        if location is None or not _recent(_date(doc, sent[0], end, ms), doc.published):
            return []
    trigger = Mention.at(text, ms, me)
    if trig.type == "appeal" and _CALL_ON.fullmatch(tl) and objects and not _TO_LOWER.search(tail[:90]):
        # "called on the prime minister at his residence": a courtesy call, not an appeal.
        trig = attrs.evolve(trig, type="meeting", cameo="043", plover="CONSULT")
        location, located = _location(doc, sent[0], me, end), True
    if trig.type == "meeting" and _ADDRESSED.search(text, max(sent[0], ms - 40), ms):
        return []  # "addressed a joint meeting of parliament": a speech, not talks
    if tl == "visits" and not (objects or location) and not _NEXT_WORD.match(tail[:2]):
        return []
    if tl == "visits" and _GENERIC_VISITS.search(text[lo:ms]):
        return []  # generic visits, not one event
    between = _BETWEEN_AHEAD.match(tail) if "between" in tail else None
    lead = text[lo:ms]
    near = lead[-120:]  # end-anchored patterns need only the words just before the trigger
    # Most end-anchored patterns span a few words: searched over the last eight, they try far
    # fewer starts. ``whole`` stands for the whole lead in such searches.
    tight = _last_words(near)
    whole = _lead_end(lead, near, tight)
    by_agent = _BY_AHEAD.match(tail) if tl.endswith("ed") else None
    if by_agent is not None and (not objects or by_agent.group("where")):
        # "signed on Sunday in Quito by the host, Peru's president, X, and ...": the agents' list
        at = me + by_agent.end()
        role = _AGENT_ROLE.match(text, at, end)
        agents = _objects(doc, role.end() if role else at, end)
        if agents:
            objects = agents
    agent_named = by_agent is not None and any(
        me + by_agent.end() == mm.start
        or (0 < mm.start - me - by_agent.end() <= 80 and _agent_gap(text, me + by_agent.end(), mm.start, a))
        for a in objects[:1]
        for mm in a.mentions
    )
    if by_agent is not None and not agent_named:
        # "agreed by Peru with ...": a country named as a place stands for its state
        spot = doc.locations.first_after(me + by_agent.end(), me + by_agent.end() + 40)
        state = (
            doc.states.get(spot.record.country or "") if spot and spot.start == me + by_agent.end() else None
        )
        if state is not None:
            objects, agent_named = [state, *[o for o in objects if o is not state]], True
    if by_agent is not None and not agent_named:
        # "Asked by a reporter ...", "citizens threatened by rising seas": no one named acted
        return []
    if (
        tl.split()[0].endswith("ing")
        and tl.split()[0] not in _ING_NOUNS
        and _TEXT_NOUN_END.search(whole)
        and _LOWER_WORD_END.search(whole)
        and not _AUX_OR_PREP_END.search(whole)
    ):
        return []  # "a declaration calling for free trade": said of a noun
    if (
        tl in _PARTICIPLES
        and _LOWER_WORD_END.search(whole)
        and not _AUX_END.search(whole)
        and _PARTICIPLE_PP.match(tail)
    ):
        return []  # "a pact signed in 2001", "a deal negotiated in Quito": said of a noun
    passive_lead = _passive(_lead_end(lead, near, tight, 30))
    if passive_lead and not agent_named and trig.type == "protest":
        # "the ambassador was summoned to the Iranian foreign ministry": the ministry summoned
        to = _TO_BODY.match(tail)
        body = (
            [
                p.record
                for p in doc.actors_in(me + to.start(), me + to.end() + 40)
                if p.record.kind != "person"
            ]
            if to
            else []
        )
        if body:
            objects, agent_named = [body[0], *[o for o in objects if o is not body[0]]], True
    if (
        passive_lead
        and not agent_named
        and not _BY_SOON.match(tail)
        and tl.split()[0] not in c.planned  # "is expected in Delhi" is no passive
    ):
        return []  # "was shot down", "had been asked": no one named acted
    if tl.endswith("ed") and _DETERMINER_END.search(tight) and _NOUN_NEXT.match(tail):
        return []  # "a sanctioned tanker", "the agreed text": an adjective, not an act
    if ("one" in tight or "obody" in tight) and _NOBODY_END.search(tight):
        return []  # "nobody asked us to": no one acted
    the = _DEFINITE.search(_lead_end(lead, near, tight, 40))
    # "the visit", "the agreed text"; but in "The bloc urged" the noun is the verb's subject
    definite = the is not None and not (tl.endswith("ed") and len(the.group().split()) > 1)
    attend = (
        _ATTEND.search(near)
        if trig.type == "meeting" and tl in _GATHERINGS and any(w in near for w in _ATTEND_WORDS)
        else None
    )
    attender: list[Actor] = []
    if attend is not None:
        # "refused to attend the summit", "will skip the talks": who attends (or not) takes part
        at = ms - len(near) + attend.start()
        attender = _subject(doc, sent[0], doc.clause_start(sent[0], at), at)
    if definite and not between and not agent_named:
        # "the visit would go ahead", "The visit angered Lima": the noun refers back.
        objects = [a for a in objects if _WITH_BY_OF.match(text[me : me + 6])]
    subject: list[Actor] = []
    group = None if between else _group_subject(doc, recent, sent, ms, near)
    if between and trig.type == "meeting" and _HOSTED_BEFORE.search(near):
        # "Egypt hosted talks between A and B": the host takes part too
        subject = [a for a in _subject(doc, sent[0], lo, ms) if a not in objects][:1]
    if group:
        subject = [a for a in group if a not in objects]  # "the two leaders signed", "both ministers urged"
    plural = group or (_plural_hint(tight) and _PLURAL_SUBJECT.search(tight))
    if plural and not group and not between and trig.type in _TWO_SIDED:
        # "the two sides agreed": the sides of the latest meeting or call.
        pair = recent.pair
        if pair is not None:
            objects = [a for a in pair.actors if a not in objects] + objects
    conjunct = _conjunct(tight)
    if conjunct is None and tight.endswith(", ") and _in_headline(doc, ms):
        conjunct = _HEADLINE_COMMA.search(tight, len(tight) - 2)  # "X summons Y's envoy, protests Z"
    before_last = _earlier_in_sentence(doc, recent, sent, ms)
    if not (between or definite or plural):
        shared = _shared_subject(doc, recent, ms, conjunct)
        aside = _aside_antecedent(doc, sent[0], ms)
        prev = recent.trigger if recent.trigger is not None and sent[0] <= recent.trigger[0] else None
        coordinated = (
            prev is not None
            and shared is None
            and conjunct
            and not doc.actors_in(max(prev[1], text.rfind("and", prev[1], ms)), ms)
            and not _HARD_PUNCT.search(text, prev[1], ms)
        )
        if aside is not None:
            subject = [aside]  # "Lima, whose envoy was recalled in May, is expected to sign"
        elif (
            "and" in tight
            and (_AND_VERB.search(tight) or (prev is None and _QUOTE_AND.search(tight)))
            and (lo == sent[0] or not doc.actors_in(lo, ms))
        ):
            # "He said ..., and warned that", "He said ... after talks ended, and accused X":
            # the verb shares the sentence's subject.
            lead_end = min(ms, sent[0] + 60)
            subject = _subject(doc, sent[0], sent[0], _first_verb(doc, sent[0], lead_end))
        elif shared is not None:
            subject = [shared]  # "X visited Lima in May and hosted Y": X, not Lima, hosted
        elif coordinated and prev is not None:
            # "X accused Y of ... and urged Z": the actors after the first verb are its objects.
            subject = _subject(doc, sent[0], doc.clause_start(sent[0], prev[0]), prev[0])
            last = recent.last
            if (
                not objects
                and trig.type in _SPEECH_ACTS
                and last is not None
                and last.trigger.start == prev[0]
            ):
                objects = [a for a in last.actors[1:] if a not in subject]
        elif (
            tl.endswith("ing")
            and _SUBORDINATE_ING.search(text, max(sent[0], ms - 10), ms)
            and not doc.actors_in(lo, ms)
        ):
            # "He is due in Varna on Friday before visiting Kessa": the main clause's subject
            lead_end = min(ms, sent[0] + 60)
            subject = _subject(doc, sent[0], sent[0], _first_verb(doc, sent[0], lead_end))
        elif (
            tl.endswith("ing")
            and _COMMA_END.search(tight)
            and recent.last is not None
            and recent.last.sentence[0] <= ms < recent.last.sentence[1]
        ):
            # "Kinshasa expelled the ambassador, accusing Kigali of ...": the same subject acts
            subject = [recent.last.actors[0]]
            if not objects and _OBJECT_THEM.match(text, me):
                objects = list(recent.last.actors[1:])  # "..., accusing them of spying": its objects
        elif (
            before_last is not None
            and _BUT_VERB.search(text, max(sent[0], ms - 60), ms)
            and not doc.actors_in(max(before_last.trigger.end, lo), ms)
        ):
            # "X met Y on Monday but did not meet Z": the verb before "but" has the subject
            subject = [before_last.actors[0]]
        elif before_last is not None and (
            _PURPOSE_TO.search(tight)
            # "X will visit Quito next week for talks with ...": the visitor talks
            or (trig.type in _CONSULT and before_last.type == "visit" and _FOR_END.search(tight))
        ):
            # "X summoned the envoy to demand ...": the infinitive says why X acted
            if trig.type == before_last.type:
                # "refused to recognise X": one act, whose object may come only with the infinitive
                before_last.mentions.append(Mention.at(text, ms, me))
                if len(before_last.actors) == 1:
                    before_last.actors.extend(o for o in objects if o not in before_last.actors)
                return []
            subject = [before_last.actors[0]]
            if not objects:
                objects = [_envoy_as_state(doc, a) for a in before_last.actors[1:]]
        else:
            subject = _subject(doc, sent[0], lo, ms)
            if trig.needs_verb is not None and not objects:
                # "X will provide Y with $5m in aid": the verb's subject gives, what it names receives
                v = _last_verb(trig, text, lo, ms)
                receivers = [p.record for p in doc.actors_in(v.end(), ms)] if v is not None else []
                giver = _subject(doc, sent[0], lo, v.start()) if receivers and v is not None else []
                if giver:
                    subject, objects = giver, [a for a in receivers if a not in giver][:2]
            if not subject and _FRONTED.fullmatch(text, sent[0], ms):
                # "After meeting X in Lima, Y said ...", "In a call with X, Y stressed ...": the main
                # clause's subject, after the comma that closes the opening phrase
                comma = text.find(", ", me, end)
                main = doc.actors_in(comma + 2, min(end, comma + 80)) if comma >= 0 else []
                opening = _LEAD_WORDS.match(text, comma + 2)  # always matches: every part is optional
                if main and opening is not None and main[0].start == opening.end():
                    subject = [main[0].record]
        # "the G20 summit": a forum that names the meeting is not who met, but took part.
        # A verb in the past tense has a subject, not a forum: "the foreign ministry summoned".
        verb, _sp, particle = tl.partition(" ")
        forum = [
            p.record
            for p in doc.actors_in(max(lo, ms - 60), ms)
            if p.record.kind == "organization"
            and ms - p.end <= 1
            and not verb.endswith("ed")
            and verb not in _IRREGULAR_PAST
            and particle not in _PARTICLES  # "the UN calls on": a verb with its particle
        ]
        subject = [a for a in subject if a not in forum]
        if trig.type == "meeting":
            objects = objects + [a for a in forum if a not in objects]  # "an OAS summit": the OAS took part
        if trig.object_before and subject:
            first = doc.actors_in(lo, ms)
            if first and first[0].record not in subject:
                objects, subject = [*subject, *objects], [first[0].record]
    if with_subject:
        subject = [a for a in with_subject if a not in objects]  # the subject of the "with" clause
    invited = (
        _INVITATION.search(text, max(sent[0], ms - 160), ms)
        if trig.type in _CONSULT and any(w in text[max(sent[0], ms - 160) : ms] for w in _OFFER_WORDS)
        else None
    )
    if invited is not None:
        # "X declined an invitation from Y to meet ...": X is who would have met, Y the other side
        decliner = _subject(doc, sent[0], doc.clause_start(sent[0], invited.start()), invited.start())
        host = doc.actors_in(invited.start("from"), invited.end("from")) if invited.group("from") else []
        if decliner:
            inviter = [host[-1].record] if host else []
            subject = decliner[:1]
            objects = [*inviter, *[o for o in objects if o not in decliner[:1] and o not in inviter]]
    sides = _compound_sides(doc, lo, ms) if trig.type in _TWO_SIDED and not between else None
    if sides is None and trig.type == "meeting" and len({a.id for a in subject + objects}) < 2:
        # "a meeting of the Chilean-Peruvian commission", "a round of Peru-OAS dialogue"
        sides = _compound_near(doc, max(lo, ms - 50), min(end, me + 60))
    if sides is not None:
        subject, objects = [sides[0]], [sides[1], *[o for o in objects if o not in sides]]
    if trig.type == "rejection" and not objects:
        answered = _REJECTED_EVENT.match(text, me, min(end, me + 50))
        earlier = _rejected_draft(recent, answered)
        if earlier is not None and earlier.actors[0] not in subject:
            objects = [earlier.actors[0]]  # "Lima rejected the protest": whoever lodged it
        elif answered is not None and subject and subject[0].country and recent.last is not None:
            # "Moscow rejected the accusation" with no accusation told: whoever last acted on Moscow
            side = subject[0].country
            last = recent.last
            if any(a.country == side for a in last.actors[1:]) and last.actors[0].country != side:
                objects = _as_states(doc, last.actors[:1])
        elif subject and _THEIR_THING.match(text, me, min(end, me + 50)):
            # "the bloc's leaders agreed ..., but X blocked part of their text": the owners
            # are the sentence's first actor
            owner = next((p.record for p in doc.actors_in(sent[0], ms) if p.record not in subject), None)
            objects = [owner] if owner is not None else []
    if trig.type == "visit":
        agent = _visitor_after(doc, m, end) if tl in _TRIP_NOUNS else None
        if agent is not None:
            subject, objects = [agent], []  # "a visit to Lima on Monday by the foreign minister"
        elif objects and _PURPOSE.search(_gap_to(doc, objects[0], me)):
            objects = []  # "flew to Varna for talks with X": X is met, not visited
        elif objects and all(o.kind == "person" and not o.title for o in objects) and not located:
            return []  # "allowed to visit X", a detainee or a relative: no diplomatic visit
    passive = passive_lead and _BY_SOON.match(tail)
    if objects and (by_agent is not None or passive or (passive_lead and agent_named)):
        if by_agent is not None and len(objects) > 1 and trig.type in _SPLIT_TYPES:
            subject, objects = objects, subject  # "X was accused by A, B and C": each of them acted
        else:
            subject, objects = objects[:1], [*objects[1:], *subject]  # "X was accused by Y": Y acted
        rejected = _REJECTED_BEFORE.search(text, max(lo, ms - 60), ms) if trig.type == "rejection" else None
        lodged = _rejected_draft(recent, rejected)
        if not objects and lodged is not None and lodged.actors[0] not in subject:
            objects = [lodged.actors[0]]  # "The protest was rejected by X": whoever lodged it
    source = _FROM_AHEAD.match(tail) if "from" in tail else None
    if source and objects and trig.type in ("cooperation", "call", "appeal", "accusation", "threat"):
        # "congratulations from X", "a call from X": X acted on the clause's subject.
        subject, objects = objects[:1], subject
    if objects and subject and trig.type == "threat" and subject[0].country:
        # "X warned that Chile would retaliate if Peru ...": one does not threaten one's own state
        objects = [o for o in objects if o.country != subject[0].country]
    if not objects and trig.type in ("threat", "accusation"):
        # "warned that the consequences would be grave for Peru", "a plot staged by Lima"
        target = (
            _target_after(doc, me, end, _THREAT_CUE, _THREAT_STOP)
            if trig.type == "threat"
            else _target_after(doc, me, end)
        )
        if target is not None and target not in subject:
            objects = [target]
    posted_hosts = False
    own = subject[0].country if subject else None
    if trig.type == "expulsion" and not [
        # "Lima recalled its ambassador from Quito": its own envoy is not the other side
        o
        for o in objects
        if o not in subject and not (o.kind == "person" and own and o.country == own)
    ]:
        # "recalled its envoys to Lima and Quito", "recalled their ambassadors from La Paz"
        posted = _POSTED.search(text, me, min(end, me + 60))
        if posted is not None:
            spots = doc.locations.between(posted.end(), min(end, posted.end() + 60))
            for k in range(1, len(spots)):  # only a list: "to Lima and Quito"
                if not _LIST_GAP.fullmatch(text, spots[k - 1].end, spots[k].start):
                    spots = spots[:k]
                    break
            if spots and spots[0].start - posted.end() <= 4:  # "to Lima", "to the Gambia"
                hosts = [
                    doc.states[p.record.country]
                    for p in spots
                    if p.record.country in doc.states and p.record.kind in ("city", "country")
                ]
                objects = [h for h in dict.fromkeys(hosts) if h not in subject]
                posted_hosts = len(objects) > 1
    if trig.type in ("expulsion", "sanction", "protest") and not [o for o in objects if o not in subject]:
        named = _counted_states(doc, text[me : min(end, me + 80)], sent[1])
        if named:
            objects = [a for a in named if a not in subject]  # "diplomats from three countries ..."
    if not objects and trig.type == "military" and trig.object_after is not None:
        # "fired two rockets into southern Israel": the state whose land was hit
        target = _target_after(doc, me, end, _STRUCK_CUE)
        if target is not None and target not in subject:
            objects = [target]
    if not objects and trig.type in _SPLIT_TYPES and trig.type != "visit":
        target = _demonym_target(doc, me, end)
        if target is not None:
            objects = [target]
    speaker = None
    if trig.type in _SPEECH_ACTS:
        speaker = next((who for a, b, who in doc.quoted if a <= ms < b), None)
        if speaker is not None:
            subject, objects = [speaker], [o for o in objects if o is not speaker]  # the quote's speaker acts
    if trig.type == "expulsion" and tl.startswith("expulsion"):
        expelled = _expelled_from(doc, me, end)
        if expelled is not None:
            hosts, objects = expelled  # "the expulsion of a Chilean diplomat from Lima"
            subject = hosts or [a for a in subject if a not in objects]
    if trig.type in _DIPLOMAT_TYPES:
        # "summoned Russia's charge d'affaires": an envoy the text does not name stands for the state
        objects = [_envoy_state(doc, a, me) for a in objects]
    no_noun = _NO_BEFORE.search(tight, max(0, len(tight) - 45)) if ("no" in tight or "No" in tight) else None
    denial = False
    if no_noun is not None:
        if _THERE_NO.search(tight):
            subject = []  # "X said there was no call": the speaker is not who called
        count = len({a.id for a in subject + objects})
        last = recent.by_type.get(trig.type)
        if count < 2 and last is not None and ms - last.trigger.end <= _NEGATED_REACH:
            subject, objects = list(last.actors), []  # "There was no call": the call reported before
            denial = True
    if attender:
        subject = [a for a in attender if a not in objects][:1] or subject
    if subject and not objects and trig.type in _ACTED_BY_SOMEONE:
        given = [p for p in doc.actors_in(lo, ms) if _GIVEN_TO.fullmatch(text, p.end, ms)]
        if (
            given
            and given[-1].record not in subject
            and _GIVING.search(text, max(lo, given[-1].start - 12), given[-1].start)
        ):
            objects = [given[-1].record]  # "sent Chile a note of protest"
        else:
            objects = _same_side_target(doc, recent, subject[0], ms)
    if not subject and objects and trig.type in _ACTED_BY_SOMEONE and not definite:
        return []  # "accused Kiir of ..." with no accuser found: who protested is the event
    bloc_meeting = False
    if (
        not subject
        and not objects
        and trig.type == "meeting"
        and _BLOCS_OWN.search(text, max(lo, ms - 40), ms)
    ):
        # "the bloc's annual summit": a meeting of the members of the body the article last named
        bodies = [
            p.record
            for p in doc.actors_in(max(0, ms - 3000), ms)
            if p.record.kind == "organization" and p.record.country is None
        ]
        if bodies:
            subject, bloc_meeting = [bodies[-1]], True
    if not subject and not objects:
        if definite:
            last = recent.by_type.get(trig.type)
            if last is not None:
                last.mentions.append(trigger)
                _restatus(doc, lo, ms, last)
        return []
    if not located and trig.type in _PLACED_TYPES:  # other types keep no place (below)
        location = locate()
    places = [location] if location is not None else []
    if trig.type == "visit" and location is not None:
        places = _listed_places(doc, location, me, end)
        spans = {(p.start, p.end) for p in doc.locations.between(me, end) if p.record in places}
        at_place = {p.record.id for p in doc.actors.between(me, end) if (p.start, p.end) in spans}
        objects = [a for a in objects if a.id not in at_place]
    inside_pp = _IN_PHRASE.search(tight)
    # "proposed the summit in a phone call": the call's status is its own, not the verb's.
    status = _status(c, doc, ms - len(inside_pp.group()) if inside_pp else lo, ms)
    if status == "occurred" and trig.needs_verb is not None:
        # "will provide Y with $5m in aid": the verb's modality, before the noun's long object
        v = _last_verb(trig, text, lo, ms)
        if v is not None:
            status = _status(c, doc, lo, v.start())
    if status == "occurred" and _PLANNED_AFTER.match(text, me, min(end, me + 60)):
        status = "planned"  # "a phone call between the two is expected in the coming days"
    after_cue = _cancelled_after(text, me, min(end, me + 130))
    if after_cue is not None:
        # "the summit ... was called off", "the visit would not take place"
        if after_cue.group("no") and after_cue.group("did"):
            status = "denied"
        else:
            status = "declined" if after_cue.group("refused") else "cancelled"
    if no_noun is not None:
        status = "denied"  # "No meeting took place", "there has been no direct contact"
    if trig.special == "negated":
        status = "occurred"  # "said it will not recognise X": the refusal itself is what happened
    if invited is not None:
        status = "planned" if invited.group(1).lower().startswith("accept") else "declined"
    if (
        attend is not None
        and attender
        and (attend.group("not") or attend.group("nt") or attend.group("skip"))
    ):
        status = "declined"  # "will not attend", "boycotted the summit"
    if status == "denied" and _NOT_TO_END.search(tight):
        return []  # "agreed not to threaten": a commitment, not an event
    if status == "denied" and _MODAL_NOT_END.search(whole):
        return []  # "would not impose tariffs": neither happened nor planned
    if status == "occurred" and trig.type in _CONSULT and _AGREED_TO.search(tight):
        status = "planned"  # "agreed to meet again in Quito": a meeting to come
    if status == "occurred" and _BE_TO.search(_lead_end(lead, near, tight, 60)):
        status = "planned"  # "the two were to continue their talks over dinner"
    if status == "occurred" and trigger.text.split()[0].lower() in c.planned:
        status = "planned"
    if "planned" in lead[-12:].lower() and status == "occurred":
        status = "planned"
    if status == "occurred" and lo > sent[0] and _TEMPORAL_BREAK.search(text, max(sent[0], lo - 12), lo):
        # "is due to attend a lunch ... before flying to Quito": what follows a plan is planned too.
        main = [w for w in _WORDS.findall(text[sent[0] : lo]) if w.islower()]
        if set(main) & c.planned:
            status = "planned"
    when = _WHEN_PRESENT.search(tight) if status == "occurred" and not tl.endswith("ed") else None
    if when is not None and tl.split()[0] not in _PAST_FORMS:
        # "would raise it when the two meet": a present verb after "when" in a plan is planned
        main = [w for w in _WORDS.findall(text[max(sent[0], ms - 160) : ms - len(tight) + when.start()])]
        if set(main) & c.planned:
            status = "planned"
    # A trigger in a subordinate clause takes that clause's date first ("held talks on Friday,
    # ... since their 2018 summit"); otherwise the finest date of the sentence.
    date = None
    clause_after = doc.next_break(me, end) if lo == sent[0] and not conjunct else None
    if clause_after is not None and clause_after[2] in ("but", ";"):
        date = _date(doc, lo, clause_after[0], ms)  # "threatened last week ..., but dropped ... on Thursday"
    if date is None and (lo > sent[0] or conjunct):
        clause_end = doc.next_break(me, end)
        # "attended a summit on Monday and met the envoys the following day": the second verb's
        # date is in its own conjunct.
        stop = clause_end[0] if clause_end else end
        start = lo
        if conjunct:
            start, comma = ms - len(tight) + conjunct.start(), text.find(",", me, stop)
            stop = comma if comma >= 0 else stop
        date = _date(doc, start, stop, ms)
    if date is None:
        date = _date(doc, sent[0], end, ms)
    if date is None:
        date = _anchored_date(doc, sent[0])
    if speaker is not None:
        status = "occurred"  # a threat or an appeal in a quote is made when it is said
    if trig.type not in _PLACED_TYPES:
        places = []
    if trig.cameo == "043" and subject and objects and _HOSTED_VISIT.match(tail):
        # "hosted the emir for a state visit": the guest's visit, the host receiving it
        trig = attrs.evolve(trig, type="visit")
        subject, objects, places = objects[:1], [*subject, *objects[1:]], []
    participants: list[Actor] = []
    for a in subject + objects:
        if a not in participants:
            participants.append(a)
    if definite and not participants:
        last = recent.by_type.get(trig.type)
        if last is not None:
            last.mentions.append(trigger)
            _restatus(doc, lo, ms, last)
        return []
    if not participants:
        return []
    # One event per acting side for one-sided types ("Chile, Peru and Ecuador expelled ...").
    if trig.special in ("joint", "mutual") and len(participants) > 1:
        groups = [participants]  # "A and B will hold joint exercises", "A and B exchanged fire": one
    elif posted_hosts and len(subject) == 1:
        groups = [[subject[0], o] for o in objects]  # "recalled its envoys to A and B": one recall each
    elif trig.type in _SPLIT_TYPES and len(subject) > 1:
        groups = [[a, *[o for o in objects if o is not a]] for a in subject]
    elif trig.type == "agreement" and len(subject) == 1 and len(objects) == 2:
        groups = [[subject[0], o] for o in objects]
    elif trig.type == "agreement" and len(subject) > 1 and objects:
        if _WITH_AHEAD.match(tail):
            groups = [
                [a, *[o for o in objects if o is not a]] for a in subject
            ]  # "Chile and Peru made peace with X"
        else:
            groups = [subject]  # "A and B signed the Z accord": the parties are who signed
    elif trig.type == "agreement" and len(subject) > 2 and not objects and _PLURAL_TEXTS.match(tail):
        groups = [[subject[0], a] for a in subject[1:]]  # "A, B and C signed the documents": A with each
    else:
        groups = [participants]
    members = bloc_meeting or (
        len(participants) == 1
        and participants[0].kind == "organization"
        and participants[0].country is None
        and (
            any(
                _MEMBERS_AFTER.match(text, p.end)
                or _MEMBERS_BEFORE.search(text, max(lo, p.start - 40), p.start)
                or (
                    trig.type == "meeting"
                    and _BODY_EVENT_GAP.fullmatch(text, p.end, ms)
                    and _CLAUSE_HEAD.fullmatch(text, lo, p.start)
                )
                for p in doc.actors.between(lo, ms)
                if p.record is participants[0]
            )
            or (
                trig.type == "meeting"
                and _CLAUSE_HEAD.fullmatch(text, lo, ms) is not None
                and any(
                    _OF_BODY.fullmatch(text, trigger.end, p.start)
                    for p in doc.actors.between(trigger.end, min(end, trigger.end + 80))
                    if p.record is participants[0]
                )
            )
        )
    )
    out = []
    for group in groups:
        options: list[Location | None] = list(places) or [None]
        for place in options:
            cameo = trig.cameo
            if trig.type == "meeting" and status == "declined":
                cameo = "125"
            elif trig.type == "meeting" and place is not None and cameo in ("040", "043", "044"):
                cameo = "043" if place.country in {a.country for a in group} else "044"
            out.append(
                _Draft(
                    type=trig.type,
                    cameo=cameo,
                    plover=trig.plover,
                    trigger=trigger,
                    actors=list(group),
                    location=place,
                    date=date,
                    status=status,
                    sentence=sent,
                    mentions=[trigger],
                    denial=denial,
                    members=members,
                )
            )
    return out


def _same_side_target(doc: _Doc, recent: _Recent, actor: Actor, pos: int) -> list[Actor]:
    """The target of the side's act just told, for an act that names none: "She accused India of
    ... Islamabad lodged a formal protest over the death" (against India)."""
    last = recent.last
    if last is None or len(last.actors) < 2 or last.type not in _ACTED_BY_SOMEONE:
        return []
    first = last.actors[0]
    side = actor.country
    if not (first is actor or (side is not None and first.country == side)):
        return []
    # the act told in the same or the sentence before
    here = doc.analysis.sentence_index(pos)
    if here - doc.analysis.sentence_index(last.trigger.start) > 1:
        return []
    return [a for a in last.actors[1:] if a is not actor and (side is None or a.country != side)][:1]


class _Recent:
    """The latest draft of each type and the latest meeting or call with two sides."""

    def __init__(self) -> None:
        self.by_type: dict[str, _Draft] = {}
        self.pair: _Draft | None = None
        self.last: _Draft | None = None
        self.trigger: tuple[int, int] | None = None
        """The span of the trigger taken before this one, whether or not it made an event."""
        self.groups: dict[frozenset[str], tuple[int, int, list[Actor]]] = {}
        """Sets of people who took part in one event together: (times, order of the latest, people)."""
        self.parties: dict[frozenset[str], tuple[int, int, list[Actor]]] = {}
        """The same for the participants of any kind ("the three signatories")."""
        self.seen = 0
        self.held: _Draft | None = None
        """The latest meeting that took place."""

    def note(self, drafts: list[_Draft]) -> None:
        for d in drafts:
            self.last = d
            self.by_type[d.type] = d
            if d.type in ("meeting", "call") and len(d.actors) > 1:
                self.pair = d
            if d.type == "meeting" and d.status == "occurred":
                self.held = d
            people = [a for a in d.actors if a.kind == "person"]
            self.seen += 1
            if len(people) > 1 and len(self.groups) < _LOOKBACK:
                key = frozenset(a.id for a in people)
                self.groups[key] = (self.groups.get(key, (0, 0, people))[0] + 1, self.seen, people)
            if len(d.actors) > 2 and len(self.parties) < _LOOKBACK:
                key = frozenset(a.id for a in d.actors)
                self.parties[key] = (
                    self.parties.get(key, (0, 0, d.actors))[0] + 1,
                    self.seen,
                    list(d.actors),
                )


_NO_BEFORE = re.compile(r"(?<![\w'’])[Nn]o\s+(?:[\w-]+\s+){0,2}$")
"""A noun denied by "no" ("there was no call", "no direct contact", "No meeting took place")."""
_THERE_NO = re.compile(
    r"\b[Tt]here\s+(?:(?:was|were|is|are|has|have|had|will|would|be|been|being)\s+){1,3}no\s+(?:[\w-]+\s+){0,2}$"
)
_NEGATED_REACH = 600
_DIPLOMAT_TYPES = {"protest", "expulsion"}


def _envoy_state(doc: _Doc, actor: Actor, pos: int) -> Actor:
    """An envoy the text names only by title ("the Iranian ambassador", "Peru's envoy") stands for
    their state: the country the earlier stages gave them, else the word just before the title."""
    if actor.kind != "person" or actor.name:
        return actor
    from diplomacy_events.countries import country_code, demonym_country

    mention = next((mm for mm in actor.mentions if mm.start >= pos), None)
    owner = _OWNER_BEFORE.search(doc.text, max(0, mention.start - 40), mention.start) if mention else None
    code = (demonym_country(owner.group(1)) or country_code(owner.group(1))) if owner else actor.country
    return doc.states.get(code or "", actor)


_OWNER_BEFORE = re.compile(r"\b([A-Z][\w-]+)(?:['’]s)?\s+$")


_GROUP = re.compile(
    r"(?<![\w-])(?:[Tt]he\s+(?P<n>two|three|four|five|six)|(?P<both>[Bb]oth)|[Aa]ll\s+(?P<all>two|three|four|five|six))"
    r"\s+(?:[a-z-]+\s+){0,2}?(?P<noun>leaders|ministers|presidents|premiers|heads\s+of\s+state|chancellors"
    r"|sides|countries|governments|nations|states|delegations|envoys|men|women|signatories|parties"
    r"|neighbours|neighbors|allies|partners|capitals)\b"
)
_GROUP_GAP = re.compile(r"\s+(?:[a-z]+\s+){0,4}")
_AND_SHARED = re.compile(r"\band\s+(?:(?:had|has|have|also|then|later|jointly|would|will|both)\s+){0,2}$")
_PEOPLE_NOUNS = frozenset(
    ["leaders", "ministers", "presidents", "premiers", "chancellors", "envoys", "men", "women"]
)


_STATE_NOUNS = frozenset(
    ["countries", "governments", "nations", "states", "capitals", "neighbours", "neighbors", "sides"]
)


def _as_states(
    doc: _Doc, actors: Sequence[Actor], which: Callable[[Actor], bool] = lambda a: a.kind != "state"
) -> list[Actor]:
    """The states of ``actors`` (of those ``which`` picks) where the document has them as actors
    ("both countries" after a call between their presidents), each once."""
    out: list[Actor] = []
    for a in actors:
        state = (doc.states.get(a.country or "") or a) if which(a) else a
        if state not in out:
            out.append(state)
    return out


def _group_subject(
    doc: _Doc, recent: _Recent, sent: tuple[int, int], pos: int, near: str
) -> list[Actor] | None:
    """The members of a counted group that is the trigger's subject ("the two leaders signed",
    "both ministers ... and urged"): those who most often acted together in the events so far
    (the latest such group on a tie), else the people the previous sentence names, if that many."""
    if not (
        "two" in near
        or "both" in near
        or "Both" in near
        or "three" in near
        or "four" in near
        or "five" in near
        or "six" in near
    ):
        return None  # most triggers: no count word ``_GROUP`` needs (substring tests cost less than a search)
    found = None
    for g in _GROUP.finditer(near):
        found = g
    if found is None:
        return None
    rest = near[found.end() :]
    if not (_GROUP_GAP.fullmatch(rest) or (_AND_SHARED.search(rest) and not _HARD_PUNCT.search(rest))):
        return None
    word = found.group("n") or found.group("all") or "two"
    n = _NUMBERS[word.lower()]
    noun = found.group("noun")
    if noun not in _PEOPLE_NOUNS:
        pair = recent.pair if recent.pair is not None and len(recent.pair.actors) == n else None
        if pair is not None:
            if noun in _STATE_NOUNS:
                states = _as_states(doc, pair.actors)
                # "the two sides": their states when each side has one, else the people themselves
                if noun != "sides" or all(a.kind == "state" for a in states):
                    return states
            return list(pair.actors)
        # "the three signatories": the group of that many that most often acted together
        sized = [g for g in recent.parties.values() if len(g[2]) == n]
        return max(sized, key=lambda g: (g[0], g[1]))[2] if sized else None
    ministers = noun == "ministers"

    def fits(a: Actor) -> bool:
        return (
            a.kind == "person" and bool(a.title) and (not ministers or "minister" in (a.title or "").lower())
        )

    groups = [g for g in recent.groups.values() if len(g[2]) == n and all(fits(a) for a in g[2])]
    if groups:
        return max(groups, key=lambda g: (g[0], g[1]))[2]
    k = doc.analysis.sentence_index(sent[0])
    if k > 0:
        prev = doc.analysis.sentences[k - 1]
        named = list(dict.fromkeys(p.record for p in doc.actors_in(prev.start, prev.end) if fits(p.record)))
        if len(named) == n:
            return named
    return None


_SENT_GAP_BREAK = re.compile(r"[.;:!?\"“”]|\bto\b")
_TO_GATHERING = re.compile(
    r"\s*,?\s*to\s+(?:the|this|that|these|those)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:talks|summit|meeting|meetings|negotiations|conference|ceremony|session)\b"
)


def _sent(
    c: _Compiled, doc: _Doc, trig: _Trigger, m: re.Match[str], sent: tuple[int, int], lo: int, recent: _Recent
) -> list[_Draft]:
    """ "X sent Y to Lima", "Y was dispatched to Lima": a visit by Y (the sender stays at home)."""
    text, end = doc.text, sent[1]
    lead = text[lo : m.start()]
    visitor: Placed[Actor] | None = None
    if _PASSIVE.search(lead[-30:]):
        people = [p for p in doc.actors_in(lo, m.start()) if p.record.kind == "person"]
        visitor = people[-1] if people else None
    else:
        for p in doc.actors_in(m.end(), min(end, m.end() + 80)):
            if _SENT_GAP_BREAK.search(text, m.end(), p.start) or len(text[m.end() : p.start].split()) > 7:
                break
            if p.record.kind == "person":
                visitor = p
                break
    if visitor is None:
        return []
    after = visitor.end if visitor.start > m.start() else m.end()
    ahead = doc.locations.between(after, end)
    location = _location(doc, sent[0], after, end, visit=True) if ahead else None
    if location is not None and not any(p.record is location for p in ahead):
        location = None  # a place named before the one sent says nothing of where they went
    if location is None:
        gathering = _TO_GATHERING.match(text, after, min(end, after + 120))
        if gathering is None:
            aside = _APPOSITIVE_TAIL.match(text, after, min(end, after + 80))
            if aside is not None:
                gathering = _TO_GATHERING.match(text, aside.end(), min(end, aside.end() + 80))
        # "sent X to the talks": where the talks the article reported were held
        met = recent.held
        if gathering is not None:
            location = met.location if met is not None and met.location is not None else doc.dateline
    if location is None:
        return []
    trigger = Mention.at(text, m.start(), m.end())
    date = (
        _date(doc, lo, end, m.start()) or _date(doc, sent[0], end, m.start()) or _anchored_date(doc, sent[0])
    )
    status = _status(c, doc, lo, m.start())
    if status == "denied" and _MODAL_NOT_END.search(lead):
        return []
    return [
        _Draft(
            type="visit",
            cameo=trig.cameo,
            plover=trig.plover,
            trigger=trigger,
            actors=[visitor.record],
            location=location,
            date=date,
            status=status,
            sentence=sent,
            mentions=[trigger],
        )
    ]


_SUIT_GAP = re.compile(r"\s+(?:(?:has|have|had|also|later|then|soon|quickly|swiftly|since|too)\s+)*")
_APPOSITIVE_TAIL = re.compile(r",[^,.;:\"“”]{1,60},")


def _follow_suit(
    c: _Compiled, doc: _Doc, m: re.Match[str], sent: tuple[int, int], lo: int, recent: _Recent
) -> list[_Draft]:
    """ "X followed suit": the previous event again, X acting on that event's object."""
    last = recent.last
    if last is None or m.start() - last.trigger.end > _NEGATED_REACH:
        return []
    # Only an actor named just before ("Peru followed suit", "Peru later followed suit") follows.
    subject = _subject(doc, sent[0], max(lo, m.start() - 40), m.start())
    named = doc.actors_in(max(lo, m.start() - 40), m.start())
    if not named or not _SUIT_GAP.fullmatch(doc.text, named[-1].end, m.start()):
        return []
    if not subject or any(a is last.actors[0] for a in subject):
        return []
    if any(a in last.actors[1:] for a in subject):
        objects = [last.actors[0]]  # "A expelled B's envoys and B followed suit": B acts on A
    else:
        objects = [a for a in last.actors[1:] if a not in subject]
    trigger = Mention.at(doc.text, m.start(), m.end())
    date = _date(doc, lo, sent[1], m.start())
    status = _status(c, doc, lo, m.start())
    groups = [[a, *objects] for a in subject] if last.type in _SPLIT_TYPES else [[*subject, *objects]]
    return [
        _Draft(
            type=last.type,
            cameo=last.cameo,
            plover=last.plover,
            trigger=trigger,
            actors=group,
            location=None,
            date=date,
            status=status,
            sentence=sent,
            mentions=[trigger],
        )
        for group in groups
    ]


def _compatible(a: _Draft, b: _Draft) -> bool:
    """Two drafts of one type, one initiator and nested participants, with no clash of date or place."""
    if a.type != b.type or a.actors[0].id != b.actors[0].id:
        return False
    one_dated = (a.date is None) != (b.date is None)
    if a.type == "agreement" and {a.cameo, b.cameo} == {"030", "057"} and one_dated:
        return False  # agreeing to act and signing a text are two events, unless one date joins them
    ids_a, ids_b = {x.id for x in a.actors}, {x.id for x in b.actors}
    if not (ids_a <= ids_b or ids_b <= ids_a or _same_side_sets(a.actors, b.actors)):
        return False
    if a.date is not None and b.date is not None and a.date.value != b.date.value:
        return False
    both_dated = a.date is not None and b.date is not None
    if both_dated and a.type in _CONSULT and {a.status, b.status} == {"planned", "occurred"}:
        return False  # "met on Monday ... were to meet again over dinner on Monday"
    return _places_agree(a.location, b.location)


def _same_side_sets(a: list[Actor], b: list[Actor]) -> bool:
    """Whether the participants of one draft are those of the other up to a state standing for its
    own official ("signed with Tonga" and "signed by X and Tonga's minister Y")."""

    def covered(x: Actor, ys: list[Actor]) -> bool:
        return any(
            y.id == x.id or (x.country is not None and y.country == x.country and "state" in (x.kind, y.kind))
            for y in ys
        )

    return all(covered(x, b) for x in a) or all(covered(y, a) for y in b)


def _places_agree(a: Location | None, b: Location | None) -> bool:
    """No place, the same place, or a place and the country it lies in ("Quito" and "Ecuador")."""
    if a is None or b is None or a.id == b.id:
        return True
    return (a.kind == "country" and a.country == b.country) or (
        b.kind == "country" and b.country == a.country
    )


def _same_sides(a: _Draft, b: _Draft) -> bool:
    """One event told once by its states and once by their people ("Peru signed ..." and
    "The premier and Chile's foreign minister signed ..."), on a compatible date and place."""
    if a.type != b.type or a.status != b.status:
        return False
    # an international body that hosts or frames the meeting is no side ("on the sidelines of a
    # meeting of the Andean Community")
    sides_a = [x for x in a.actors if x.country is not None or x.kind != "organization"]
    sides_b = [x for x in b.actors if x.country is not None or x.kind != "organization"]
    if not sides_a or len(sides_a) != len(sides_b):
        return False
    dropped = len(a.actors) + len(b.actors) - len(sides_a) - len(sides_b)
    if dropped and len(sides_a) < 2:
        return False  # "X met the SCO": with one country named, the body is the other side
    kinds_a, kinds_b = {x.kind for x in sides_a}, {x.kind for x in sides_b}
    if "state" not in kinds_a | kinds_b or kinds_a == kinds_b:
        return False
    countries_a = [x.country for x in sides_a]
    countries_b = [x.country for x in sides_b]
    if None in countries_a or None in countries_b or set(countries_a) != set(countries_b):
        return False
    if countries_a[0] != countries_b[0] and a.type not in _TWO_SIDED:
        return False  # "A expelled B's envoys" and "B's ministry expelled A's": two events
    if a.date is not None and b.date is not None and a.date.value != b.date.value:
        return False
    return not (a.location is not None and b.location is not None and a.location.id != b.location.id)


_ACT_NOUNS = frozenset(["expulsion", "expulsions", "sanctions", "embargo", "protest", "protests", "summons"])


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    out: list[_Draft] = []
    by_initiator: dict[tuple[str, str], list[_Draft]] = {}
    by_type: dict[str, list[_Draft]] = {}
    last_pair: dict[str, _Draft] = {}
    for d in drafts:
        if len(d.actors) == 1 and d.type in ("expulsion", "sanction", "protest"):
            # "Chile and Peru announced expulsions of their own": the target of the last such event.
            prev = last_pair.get(d.type)
            if (
                prev is not None
                and prev.actors[1].id != d.actors[0].id
                and d.trigger.text.lower().split()[0] in _ACT_NOUNS  # "expulsions of their own"
            ):
                d.actors.append(prev.actors[1])
        same = next((o for o in by_initiator.get((d.type, d.actors[0].id), ()) if _compatible(o, d)), None)
        if same is None:
            # Bounded look-back keeps merging linear on pathological input.
            same = next((o for o in by_type.get(d.type, [])[-_LOOKBACK:] if _same_sides(o, d)), None)
            if same is not None and any(a.kind == "person" for a in d.actors):
                same.actors = d.actors  # the people who acted, not their states
        if same is None:
            out.append(d)
            by_initiator.setdefault((d.type, d.actors[0].id), []).append(d)
            by_type.setdefault(d.type, []).append(d)
            if len(d.actors) > 1:
                last_pair[d.type] = d
            continue
        dated = same.date is not None
        same.mentions.extend(d.mentions)
        same.members = same.members or d.members
        if len(d.actors) > len(same.actors):
            same.actors = d.actors
        if same.location is None or (same.location.kind == "country" and d.location is not None):
            same.location = d.location or same.location  # the finer place of the two
        same.date = same.date or d.date
        if same.status == "occurred" and d.status != "occurred" and (not dated or d.status == "cancelled"):
            same.status = d.status  # the headline's bare verb, or a cancellation told later
        if d.denial:
            same.status = "denied"  # "X called Y on Monday ... 'There was no call,' Y's office said"
    return [
        d
        for d in out
        if not (d.plover == "REDUCE" and len(d.actors) < 2)  # "cut ties with": both sides or nothing
        and (
            d.type not in _NEEDS_TWO
            or len(d.actors) >= 2
            or _bloc_alone(d)
            # "Peru declined to attend the talks", "Chile declined to sign": one side's refusal
            or (d.type in ("meeting", "agreement") and d.status == "declined" and len(d.actors) == 1)
        )
    ]


def _bloc_alone(d: _Draft) -> bool:
    """An agreement or a meeting among one international body's members ("EU leaders agreed ...",
    "Leaders of the bloc will meet ..."): the body is both sides."""
    return d.members and d.type in ("agreement", "meeting") and len(d.actors) == 1


def _finish(d: _Draft) -> Event:
    return Event(
        type=d.type,
        cameo=d.cameo,
        actors=tuple(a.id for a in d.actors),
        location=d.location.id if d.location else None,
        date=d.date.id if d.date else None,
        status=d.status,  # type: ignore[arg-type]
        trigger=d.trigger,
        plover=d.plover,
        mentions=tuple(d.mentions),
        sentence=d.sentence,
    )


@hookimpl(trylast=True)
def extract_events(
    document: Document,
    analysis: Analysis,
    knowledge: Knowledge,
    actors: Sequence[Actor],
    locations: Sequence[Location],
    dates: Sequence[TimeExpression],
    statements: Sequence[Statement],
) -> list[Event]:
    """Events with participants, place, date, status and CAMEO code."""
    return find_events(
        document.text, actors, locations, dates, analysis, knowledge, document.published, statements
    )
