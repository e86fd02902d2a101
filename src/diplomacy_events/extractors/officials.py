"""Officials, organizations and states: who acts, with which title, for which country.

One pass of an Aho-Corasick automaton over the lower-cased text finds the titles ("Foreign
Minister", "spokesman", "Secretary of State") and one pass of a compiled regular expression the
capitalised word runs (candidate names, countries, organizations). Titles are then tied to
names by position: a title just before a name ("Chilean Foreign Minister Ana Ruiz"), an
appositive after it ("Ivo Marek, Austria's foreign minister") or before it ("Mexico's
president, Ana María Ruiz Peña,"), or a plural title over a list ("foreign ministers -
Britain's Tom Hale, France's ..."). Shorter references ("Ruiz", "Mr. Marek", a one-name leader)
become mentions of the full-named person. The country comes from the words around the title,
then a roster of officials, then the sentence and the document. Countries and capitals that act
("Beijing sees", "Washington urged") are ``state`` actors; ministries, delegations, agencies and
international bodies are ``organization`` actors.

Everything is built once per process (or per plugin knowledge) on first use; a document costs
two C-level scans plus work proportional to the capitalised runs and titles found.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import ahocorasick
import attrs

from diplomacy_events import countries
from diplomacy_events.gazetteer import get_gazetteer
from diplomacy_events.hookspecs import hookimpl
from diplomacy_events.lexicon import EMPTY, Knowledge, RosterEntry, load_json
from diplomacy_events.models import Actor, Document, Mention, direct_constructor
from diplomacy_events.text import Analysis, analyze

__all__ = ["extract_actors", "find_actors"]

_PARTICLES = (
    "von|van|der|den|de|da|di|do|dos|das|du|del|della|la|le|bin|bint|ibn|al|el|ben|zu|ter|ten|y|e|of|of the"
)
_CONNECTORS = frozenset(_PARTICLES.split("|")) | {"of", "the"}
_WORDCHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-_")
# Characters after which a title may begin (a title glued to a word or a hyphen is no title).
_TITLE_ANCHORS = " \n\t\r\u00a0(\"“‘'[/—–«"
_NAME_PARTICLE_EVIDENCE = frozenset(("bin", "bint", "ibn", "von", "van", "da", "de", "al"))
# What a one-word capitalised run is
_NOTHING, _NAME, _PLACE, _ORG = 0, 1, 2, 3
_SINGLES_MAX = 50_000
# Facts about a word of a capitalised run: the word (without a sentence's full stop), flags,
# whether it ends in a possessive, and how many words the longest place or body it starts has.
_WordInfo = tuple[str, int, bool, int]
# What ``_scan_run`` adds for one run, with offsets relative to the run's start: singles,
# candidates (start, end, evidence), places and organization hits.
_RelToken = tuple[int, int, str]
_RunParse = tuple[
    tuple[_RelToken, ...],
    tuple[tuple[int, int, int], ...],
    tuple[tuple[int, int, str, str], ...],
    tuple[tuple[int, int, str, str | None], ...],
]
_F_CONNECTOR = 1
_F_PARTICLE = 2
_F_HONORIFIC = 4
_F_HONORIFIC_FIRST = 8
_F_MONTH = 16
_F_STOP = 32
_F_SUFFIX = 64
_F_GIVEN = 128
# What a word before a title is, for ``_qualify``: (kind, pronoun is "its"/"their", ends a
# country or body of several words, country form, organization, word without possessive).
_QualWord = tuple[int, bool, bool, "tuple[str, str] | None", "tuple[str, str | None] | None", str]
# What a candidate name is, for ``_persons``: (name without possessive, evidence of its words,
# roster key, in the roster, a single word).
_NameFacts = tuple[str, int, str, bool, bool]
_UNSEEN: Any = object()
_Q_NONE, _Q_FORMER, _Q_PRONOUN, _Q_MOD, _Q_POSSESSOR, _Q_QUALIFIER, _Q_IGO, _Q_BODY = range(8)
# Prepositions after which a place says where something happens, not whose it is.
_LOCATIVE = frozenset(("in", "at", "near", "to", "into", "outside", "inside", "across", "around", "via"))
_AGE_AFTER = re.compile(r",\s+\d{1,3},")
_QUOTE_SAID_BEFORE = re.compile(r"[,.?!][\"”’']\s*(?:said|says|added|asked|recalled)\s+$")
_OWNER_PRONOUN = re.compile(r"\b(?:its|their|his|her)\s+(?:[a-z]+\s+)?$")
_QUOTE_COMMA_BEFORE = re.compile(r"(?:[\"”],|,[\"”])\s*$")
_SAID_AFTER = re.compile(r"\s+(?:said|says|told|added|wrote)\b")
_COUNTERPART = re.compile(r"\b(?:his|her|their)\s+([A-Z][\w-]+)\s+counterparts?\b")
_PEOPLE_OF = frozenset(
    {
        "ministers",
        "leaders",
        "presidents",
        "premiers",
        "representatives",
        "delegations",
        "envoys",
        "ambassadors",
    }
    | {"heads", "governments", "officials", "negotiators", "delegates", "summit"}  # "a summit of A, B and C"
)
_ARTICLE_PREFIXES = ("al-", "el-", "Al-", "El-", "as-", "ad-", "ar-")
_ADDRESSED_TO = frozenset(
    {
        "protested",
        "protests",
        "complained",
        "complains",
        "apologised",
        "apologized",
        "apologises",
        "apologizes",
        # "handed a note to Chile", "sent a letter to Peru"
        "note",
        "letter",
        "message",
        "protest",
        "complaint",
        "demarche",
        "ultimatum",
    }
)
_CALLED_ON = ("call", "calls", "called", "calling", "prevailed", "prevail", "leaned", "relied")

# "expelled two Chilean diplomats", "summoned the Peruvian ambassador"
_EXPELLED_BEFORE = re.compile(
    r"\b(?:expel|expels|expelled|expelling|summon|summons|summoned|summoning|ordered\s+out"
    r"|expulsions?\s+(?:[a-z]+\s+){0,2}?of)"
    r"\s+(?:the\s+|a\s+|an\s+|two\s+|three\s+|four\s+|five\s+|six\s+|seven\s+|eight\s+|nine\s+|ten\s+|\d+\s+"
    r"|several\s+|top\s+|senior\s+|more\s+|of\s+|its\s+)*$"
)
_SANCTIONS_ON_BEFORE = re.compile(
    r"\b(?:sanctions|sanctioned|sanctioning|blacklisted|asset\s+freezes?|travel\s+bans?|assets\s+of|restrictions|curbs"
    r"|entry\s+to)\s+(?:on\s+[A-Z][a-z]+\s+)?(?:on\s+|against\s+)?"
    r"(?:the\s+|a\s+|an\s+|two\s+|three\s+|four\s+|five\s+|six\s+|seven\s+|eight\s+|nine\s+|ten\s+|dozens\s+of\s+"
    r"|several\s+|\d+\s+|more\s+|top\s+|senior\s+)*$"
)
_STRUCK_BEFORE = re.compile(
    r"\b(?:shot\s+down|downed|intercepted|struck|attacked|fired\s+on|targeted|sank|seized|rammed|boarded)"
    r"\s+(?:the\s+|a\s+|an\s+|two\s+|three\s+|several\s+|\d+\s+)*$"
)
_PEOPLE_AFTER = re.compile(
    r"(?:\s+and\s+(?:[A-Z][a-z]+|[A-Z]\.[A-Z]\.))?\s+(?:(?:foreign|defen[cs]e|trade|finance|senior|top|government"
    r"|national\s+security|deputy|vice)\s+){0,2}"
    r"(?:officials|delegations?|negotiators|leaders|ministers|envoys|diplomats|counterparts|presidents|advis[eo]rs"
    r"|prime\s+ministers|teams|authorities)\b"
)
_COUNTERPART_AFTER = re.compile(r"\s+counterparts?\b(?!,?\s+[A-Z])")  # no name after: the state stands in
_WITH_HIS_BEFORE = re.compile(
    r"\b(?:with|and|to|met|meet|meets|meeting|called|phoned|hosted|received)\s+(?:his|her|their)\s+$"
)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?(?:[A-Z][a-z]+\s+and\s+(?:the\s+)?)?$")
_TERRITORY_AFTER = re.compile(r"\s+(?:airspace|territorial\s+waters|waters|territory)\b")
_VIOLATED_BEFORE = re.compile(
    r"\b(?:violated|violating|violates|breached|breaching|entered|intruded\s+into|crossed\s+into)\s+(?:the\s+)?$"
)
_SANCTIONED_AFTER = re.compile(
    r"\s+(?:officials?|companies|company|firms?|entities|entity|individuals|banks?|nationals|ministers?|generals?"
    r"|commanders?|oligarchs?|businessmen|lawmakers|judges|vessels|tankers|ships|airlines?|citizens|goods|products"
    r"|imports|exports|steel)\b"
)
_ENVOYS_AFTER = re.compile(
    r"\s+(?:diplomats?|envoys?|ambassadors?|charg[eé]s?\s+d['’]affaires|embassy\s+(?:staff|officials)|consuls?"
    r"|(?:military|defen[cs]e)\s+attach[eé]s?)\b"
)

_AND_DEMONYM = re.compile(r"\s+and\s+[A-Z][a-z]+(?=\s)")
_BE_AFTER = re.compile(r"\s+(?:are|were|is|was|have\s+been|had\s+been)\b")

# A military government: "Mali's junta", "the Malian military rulers", "the junta in Bamako"
# (found by its body words first: a pattern opening with optional words would be tried everywhere)
_JUNTA_BODY = re.compile(
    r"\b(?:junta|military\s+(?:junta|rulers|government|regime|authorities|leaders|leadership))\b"
)
_JUNTA_BEFORE = re.compile(
    r"(?:\b(?P<poss>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)(?:'s|’s)\s+|\b(?P<adj>[A-Z][\w-]+)\s+)?"
    r"(?:(?:new|ruling|then|former)\s+)?$"
)
_JUNTA_AFTER = re.compile(r"\s+(?:in|ruling|of)\s+(?P<seat>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)")

# Armed forces and their craft named after a demonym: "Chilean jets", "a Peruvian F-16"
_FORCES_AFTER = re.compile(
    r"\s+(?:(?:fighter|military|navy|naval|army|coast\s+guard|air\s+force|border)\s+)?"
    r"(?:jets?|warplanes?|aircraft|planes?|drones?|troops|forces|soldiers|warships?|ships|vessels|frigates?|navies"
    r"|destroyers?|submarines?|artillery|tanks|helicopters?|bombers?|missiles?|rockets?|guards|police"
    r"|F-\d+s?|Su-\d+s?|MiG-\d+s?)\b"
)
# Prepositions after which a country or city says where, not who acts
_WHERE_PREPOSITIONS = (_LOCATIVE - {"to", "into", "around", "via"}) | {"from"}
_SPOKESPEOPLE = frozenset(("officials", "diplomats", "authorities", "sources", "leaders", "government"))

# Roles whose holder serves a sending state: a capital or country named after the title is the host.
_DEPUTY = re.compile(r"(?:first\s+|second\s+)?(?:deputy|vice)\b", re.IGNORECASE)
_ENVOY_ROLES = frozenset(("ambassador", "envoy"))
_PLACE_NOUN = re.compile(
    r" (?:island|islands|islet|river|lake|mountains?|valley|strait|sea|gulf|bay|peninsula|province|region"
    r"|district|county|airport|port|harbour|harbor|square|street|avenue|bridge|dam|canal|reservoir|pass"
    r"|desert|plateau|basin|delta|coast|shoal|reef|glacier|corridor|crossing|checkpoint|base|airbase)\b"
)
_AND_TITLE = re.compile(r"\s+and\s+")
_HONORIFIC_GAP = re.compile(r",?\s+(?:(?:Sheikh|Prince|Dr\.|Mr\.|Ms\.|Mrs\.|General|Gen\.)\s+)?")
# A credit line: "(Reporting by A in Lima; Editing by B)", a line that opens "Writing by C".
_BYLINE = re.compile(
    r"(?:^|\()[ \t]*(?:Additional\s+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Ee]dited|[Ww]ritten)"
    r"\s+by\b[^\n)]*",
    re.MULTILINE,
)
_HEAD_LINES = 300
# "By Ana Ruiz | 7 August 2025": a byline line (looked for in the head of the article only)
_TOP_BYLINE = re.compile(r"^[ \t]*By\s+[A-Z][^\n|,.]{0,60}(?=[|\n]|$)", re.MULTILINE)
_KNOWN_AS = re.compile(
    r",?\s+(?:widely\s+|better\s+|popularly\s+|commonly\s+|also\s+)?known\s+as\s+"
    r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
)
_LIST_BEFORE = re.compile(r"(?:,|\band) $")
_WHO_LEADS = re.compile(
    r", who (?:has |had |now |still )?(?:led|leads|heads|headed|governs|governed|rules|ruled|represents"
    r"|represented|serves\s+as\s+(?:[a-z]+\s+){1,4}of)\s+(?:the\s+)?"
)
# A dateline: "QUITO - ", "CUSCO, Peru — ", "GENEVA, May 2 (Reuters) -".
_DATELINE = re.compile(
    r"([A-Z][A-Za-z'.]+(?:[ -][A-Z][A-Za-z'.]+){0,3})(?:,\s*[A-Z][\w .'-]{1,30}?)?"
    r"(?:\s+\([A-Z][\w .]{1,20}\))?\s+[-–—]\s"
)
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_MONTHS = (
    "January|February|March|April|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
_MISSION_IN = re.compile(
    r"\b(?:closed|closes|closing|shut|shuts|reopened|reopens|reopening|opened|opens|opening)\s+(?:its|their|the|a)\s+"
    r"(?:[a-z]+\s+)?(?:embassy|consulate|mission|consulate\s+general)\s+$"
)
_RECALLED_FROM = re.compile(
    r"\b(?:recalled|recalls|recall|recalling|withdrew|withdraws|withdrawing|pulled)\s+(?:its|their|his|her|the)\s+"
    r"(?:[a-z]+\s+)?(?:ambassadors?|envoys?|high\s+commissioners?|diplomats?|charg[ée]s?\s+d['’]affaires)\s+$"
)
_ACT_NOUNS_BY = frozenset(
    {
        "attempt",
        "attempts",
        "effort",
        "efforts",
        "move",
        "moves",
        "decision",
        "bid",
        "proposal",
        "proposals",
        "plan",
        "plans",
        "offer",
        "request",
        "demand",
        "demands",
        "call",
        "calls",
        "visit",
        "incursion",
        "attack",
    }
)
# A passive verb just before "by": "was accused by", "has been sharply criticised by".
# Participles of a state, not an act: "bordered by Chile", "surrounded by Peru"
_STATIVE_BY = re.compile(
    r"\b(?:bordered|surrounded|flanked|owned|shared|inhabited|populated|separated|divided|dominated|landlocked)"
    r"\s+by\s+$"
)
_PASSIVE_BY = re.compile(
    r"\b(?:was|were|been|being|is|are|be|got)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en|wn|ld|nt|ht)\s+$"
)

# How far back a title's bare body words ("ministry spokesman") look for the body they mean.
_BODY_REACH = 1500

# Bodies that "the"/"his" can name without a country: "The ministry said", "his government".
_ANAPHORIC_BODIES = frozenset(("ministry", "government", "presidency", "cabinet", "foreign office"))
_ANAPHOR_DETERMINERS = frozenset(("the", "his", "her", "its", "their"))
# Nouns after which an acronym in apposition names a political organization: "his party, the ABC,"
_PARTY_NOUNS = ("party", "movement")
# Titles of students of a country, which a country's name before them says the subject of.
_TOPIC_TITLES = frozenset(
    ("analyst", "expert", "specialist", "scholar", "researcher", "historian", "economist", "watcher")
)
# Officials whose title a country qualifies as the foreign side's (not writers or activists).
_OFFICIAL_CAMEOS = frozenset(("GOV", "DIP", "MIL"))
# Ranks of a government's leaders, who appear together: "President X and Premier Y".
_LEADER_ROLES = frozenset(
    ("head_of_state", "head_of_government", "vice_president", "deputy_head_of_government")
)
# Words after a surname that are not one: "Ana Ruiz Jr."
_NAME_SUFFIXES = frozenset(("Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"))


@attrs.frozen
class _Patterns:
    """The compiled regular expressions, built on first use."""

    run: re.Pattern[str]
    tok: re.Pattern[str]
    back: re.Pattern[str]
    rev_word: re.Pattern[str]
    rev_lower: re.Pattern[str]
    comma: re.Pattern[str]
    appositive: re.Pattern[str]
    tail: re.Pattern[str]
    coord: re.Pattern[str]
    acts: re.Pattern[str]
    title_tail: re.Pattern[str]
    cap_tail: re.Pattern[str]
    caps: re.Pattern[str]
    orgs_in: re.Pattern[str]
    poss_gap: re.Pattern[str]
    opt_poss_gap: re.Pattern[str]
    space_gap: re.Pattern[str]
    direct_gap: re.Pattern[str]
    near_in: re.Pattern[str]
    list_intro: re.Pattern[str]
    adverbial: re.Pattern[str]
    respective: re.Pattern[str]
    acronym: re.Pattern[str]
    panel: re.Pattern[str]


@functools.cache
def _patterns() -> _Patterns:
    # Upper-case letter: any letter that is not a lower-case Latin one. The run starts at a
    # capital (a leading "al-" is checked in Python: an optional prefix would slow the search).
    upper = "[A-ZÀ-ÖØ-ÞĀ-ſ]"
    # A full stop belongs to a word only in an abbreviation ("Mr.", "Jr.") or a dotted form
    # ("U.S."): "Ruiz. Talks" is the end of one sentence and the start of another.
    token = rf"(?:{upper}[a-z]{{0,2}}\.(?=[ \u00a0])|{upper}[\w’'\-]*(?:(?:\.\w[\w’'\-]*)+\.?)?)"
    return _Patterns(
        run=re.compile(rf"{token}(?:[ \u00a0](?:(?:{_PARTICLES})[ \u00a0])*(?:(?:al|el)-)?{token})*"),
        tok=re.compile(r"[^ \u00a0]+"),
        # one word or mark read backwards from a position, in the reversed text
        back=re.compile(r"([^\w’'.\-,;:()\"“”—–]*)([\w’'.\-]+|[,;:()\"“”—–])"),
        rev_word=re.compile(r"\S*"),
        # white space then a run of lower-case ASCII letters, in the reversed text
        rev_lower=re.compile(r"\s+([a-z]*)"),
        comma=re.compile(r",\s+"),
        appositive=re.compile(r",\s+(?:the|a|an)\s[^,.;:\"“”()]{1,80},"),
        tail=re.compile(r"\s+(?:of|for|at|in|to)\s+[^,;.()\"“”]{1,60}"),
        coord=re.compile(r"(?:,|,? and|,? or)\s+(?:the\s+)?"),
        acts=re.compile(r"(?:['’]s)?\s*(?:,\s*(?:which|who)\b)?\s*([A-Za-z’'\-]+)"),
        cap_tail=re.compile(
            r"\s+(for|of|to)\s+(?:the\s+)?([A-Z][\w'’.\-]*(?:\s+(?:and\s+)?[A-Z][\w'’.\-]*){0,3})\s*"
        ),
        title_tail=re.compile(r"\s+(of|for|at|to|in|from)\s+(?:the\s+)?([^,;.()]{1,70})"),
        caps=re.compile(r"[A-Z][\w’'.\-]*(?: [A-Z][\w’'.\-]*)*"),
        orgs_in=re.compile(r"[A-Z][\w’'.\-+]*(?: (?:of |of the |and )?[A-Z][\w’'.\-+]*)*"),
        # "Chile's army-led government", "Peru's new government": modifiers between
        poss_gap=re.compile(
            r"['’]s\s+(?:(?:new|interim|transitional|caretaker|civilian|[a-z]+-led|[a-z]+-backed)\s+)?"
        ),
        opt_poss_gap=re.compile(r"(?:['’]s)?\s+"),
        space_gap=re.compile(r"\s+"),
        direct_gap=re.compile(r"(?:['’]s?)?\s+(?:[A-Z][\w.]*\s+)?"),
        near_in=re.compile(r"\s+in\s+([A-Z][\w’'\-]+(?: [A-Z][\w’'\-]+)?)"),
        list_intro=re.compile(
            r"[^.;:\-—–]{0,40}?\s[-—–:]\s"
            # "the foreign ministers of the three countries, A of X, B of Y and C of Z"
            r"|s?(?:\s+of\s+the\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
            r"(?:countries|nations|states|governments|sides|members|neighbours|neighbors))?,\s(?=[A-Z])"
        ),
        # time phrases and adverbs between a subject and its verb: "Peru on Wednesday dismissed",
        # "Chile last week formally protested" (at most three, each a fixed shape: linear)
        adverbial=re.compile(
            rf"(?:\s+(?:(?:(?:late|early|earlier|later)\s+)?on\s+(?:{_WEEKDAYS})"
            rf"(?:\s+(?:morning|afternoon|evening|night))?|on\s+(?:{_MONTHS})\.?\s+\d{{1,2}}"
            rf"|(?:last|this|earlier\s+this|later\s+this)\s+(?:week|month|year|weekend|{_WEEKDAYS})"
            r"|in\s+(?:19|20)\d\d|yesterday|today|again|also|later|earlier|already|now|then|each|both|jointly|together"
            r"|(?!\w*ply\b)[a-z]{4,}ly)(?=[\s,]),?){1,3}"
        ),
        # "counterparts from Chile, Peru and Bolivia, ...": a plural title then whose
        respective=re.compile(r"s\s+(?:from|of)\s+(?:the\s+)?"),
        # an acronym in apposition: "his party, the ABC-XY,"
        acronym=re.compile(r"[A-Z][A-Z0-9&]+(?:-[A-Z0-9]+)*(?=[\s,.;:)])"),
        # a body of an organization after its possessive: "the bloc's Panel of Mediators"
        panel=re.compile(
            r"['’]s\s+((?:[A-Z][a-z]+\s+(?:and\s+)?){0,3}"
            r"(?:Panel|Council|Commission|Committee|Board|Tribunal|Secretariat|Directorate)"
            r"(?:\s+(?:of|for|on)(?:\s+the)?(?:\s+[A-Z][\w’'\-]*){1,4})?)"
        ),
    )


@attrs.frozen
class _TitleInfo:
    role: str
    cameo: str
    country: str | None
    weak: bool


@attrs.frozen
class _Lex:
    automaton: Any
    role_mods: frozenset[str]
    titles: dict[str, _TitleInfo]
    generic_cores: dict[str, str]
    portfolios: frozenset[str]
    former_mods: frozenset[str]
    mods: frozenset[str]
    honorifics: frozenset[str]
    honorific_firsts: frozenset[str]
    """First words of the honorifics of several words ("Crown" of "Crown Prince")."""
    forms: dict[str, tuple[str, str]]
    orgs: dict[str, tuple[str, str | None]]
    org_suffixes: frozenset[str]
    given: frozenset[str]
    not_name_last: frozenset[str]
    surnames_ea: frozenset[str]
    roster: dict[str, list[RosterEntry]]
    first_words: dict[str, int]
    stop: frozenset[str]
    multi_last: frozenset[str]
    """Last words of the countries and bodies named in several words ("Arabia", "Nations")."""
    singles: dict[str, tuple[int, int, Any, str]]
    words: dict[str, _WordInfo]
    runs: dict[Any, _RunParse]
    qual_words: dict[str, _QualWord]
    names: dict[str, _NameFacts | None]
    """What ``_name_facts`` found of a candidate name, by its text (filled as names are met)."""
    generic: dict[str, _TitleInfo | None]
    """The title of a key found by the automaton but not in ``titles``, by key (filled as met)."""
    """What ``_scan_run`` found in a run of several words, by the run and the title positions in it."""
    """What ``_scan_run`` needs to know of a word of a run, by word (filled as words are met)."""
    """What a one-word capitalised run is, by word (filled as words are met): ``_classify``."""
    abbreviations: frozenset[str]
    month_names: frozenset[str]
    given_abbreviations: frozenset[str]
    """Month or day abbreviations that are also given names ("Jan", "Sun"): a name before a name."""
    acting_verbs: frozenset[str]
    not_verbs: frozenset[str]
    target_verbs: frozenset[str]
    regional: re.Pattern[str] | None
    regional_bodies: dict[str, str]
    recipient_nouns: frozenset[str]
    penalty_nouns: frozenset[str]
    with_events: tuple[str, ...]
    igo_nouns: frozenset[str]
    body_words: frozenset[str]
    """The words of the lower-case names of bodies ("foreign", "ministry")."""
    """Lower-case nouns of international bodies that qualify a title ("forum spokesman")."""
    multi_spans: dict[str, tuple[int, ...]]
    """By last word, the word counts of the countries and bodies of several words it ends, longest
    first ("Grenadines": 5 for "St. Vincent and the Grenadines")."""
    patterns: _Patterns


@functools.lru_cache(maxsize=4096)
def _key(name: str) -> str:
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold().replace("’", "'")
    return " ".join(s.replace(".", " ").replace("-", " ").split())


def _add_anchored(automaton: Any, key: str, value: tuple[str, str]) -> None:
    # Keys start with the character before the title, so that the scan stays at the root
    # inside words: a third of the time of an unanchored automaton.
    for a in _TITLE_ANCHORS:
        automaton.add_word(a + key, value)


def _regional_pattern(adjectives: list[str]) -> re.Pattern[str] | None:
    """ "West African leaders", "Gulf foreign ministers": a region's leaders or ministers as a group."""
    if not adjectives:
        return None
    alts = "|".join(re.escape(a) for a in sorted(adjectives, key=len, reverse=True))
    return re.compile(
        rf"\b({alts})\s+(?:heads\s+of\s+state(?:\s+and\s+government)?|leaders|(?:[a-z]+\s+)?ministers"
        r"|bloc|grouping)\b"
    )


def _build(knowledge: Knowledge) -> _Lex:
    data: dict[str, Any] = load_json("titles.json")
    words: dict[str, Any] = load_json("officials_words.json")
    weak = {w.lower() for w in data["weak"]}
    titles: dict[str, _TitleInfo] = {}
    for title, role, cameo, country in data["titles"]:
        titles.setdefault(title.lower(), _TitleInfo(role, cameo, country, title.lower() in weak))
    for entry in knowledge.titles:
        titles[entry.title.lower()] = _TitleInfo(entry.role, entry.cameo_role, entry.country, False)
    portfolios = [p.lower() for p in data["portfolios"]]
    generic = {c.lower(): c for c in data["generic_cores"]}
    role_mods = [m.lower() for m in data["role_modifiers"]]
    entries: dict[str, tuple[str, str]] = {}
    for p in portfolios:
        for c in generic:
            entries[f"{p} {c}"] = ("t", f"{p} {c}")
    for key in titles:
        entries[key] = ("t", key)
    forms: dict[str, tuple[str, str]] = dict(countries.surface_forms())
    org_data: dict[str, Any] = load_json("organizations.json")
    orgs: dict[str, tuple[str, str | None]] = {}
    for name, iso3, *aliases in org_data["organizations"]:
        for a in (name, *aliases):
            if a.startswith(("the ", "The ")):
                continue
            orgs.setdefault(a, (name, iso3))
    for b in org_data["bodies"]:
        if b.lower() not in titles:
            entries[b.lower()] = ("b", b.lower())
    automaton = ahocorasick.Automaton()
    for key, value in entries.items():
        _add_anchored(automaton, key, value)
    automaton.make_automaton()
    given = frozenset(load_json("officials_given_names.json"))
    ea = frozenset(load_json("roster.json").get("east_asian_surnames", []))
    roster: dict[str, list[RosterEntry]] = {}
    for e in _roster_entries(knowledge):
        for n in (e.name, *e.aliases):
            roster.setdefault(_key(n), []).append(e)
    first_words: dict[str, int] = {}
    for f in (*forms, *orgs):
        parts = f.split()
        first = _strip_poss(parts[0])[0]
        first_words[first] = max(first_words.get(first, 0), len(parts))
    honorifics = frozenset(data["honorifics"])
    stop = frozenset(words["stop"])
    return _Lex(
        automaton=automaton,
        role_mods=frozenset(role_mods),
        titles=titles,
        generic_cores=generic,
        portfolios=frozenset(portfolios),
        former_mods=frozenset(m.lower() for m in data["former_modifiers"]),
        mods=frozenset(m.lower() for m in data["other_modifiers"]) | frozenset(role_mods),
        honorifics=honorifics,
        honorific_firsts=frozenset(h.split(" ", 1)[0] for h in honorifics if " " in h),
        forms=forms,
        orgs=orgs,
        org_suffixes=frozenset(org_data["suffixes"]),
        given=given,
        not_name_last=frozenset(words["not_name_last"]),
        surnames_ea=ea,
        roster=roster,
        first_words=first_words,
        stop=stop,
        multi_last=frozenset(_strip_poss(f.rsplit(" ", 1)[1])[0] for f in (*forms, *orgs) if " " in f),
        singles={},
        words={},
        runs={},
        qual_words={},
        names={},
        generic={},
        abbreviations=frozenset(words["abbreviations"]),
        month_names=frozenset(words["month_names"]),
        given_abbreviations=frozenset(words.get("given_abbreviations", ())),
        acting_verbs=frozenset(words["acting_verbs"]),
        not_verbs=frozenset(words["not_verbs"]),
        target_verbs=frozenset(words["target_verbs"]),
        regional=_regional_pattern([adj for adj, _body in org_data.get("regional_groups", [])]),
        regional_bodies={adj: body for adj, body in org_data.get("regional_groups", [])},
        recipient_nouns=frozenset(words["recipient_nouns"]),
        penalty_nouns=frozenset(words["penalty_nouns"]),
        with_events=tuple(words["with_events"]),
        igo_nouns=frozenset(words.get("igo_nouns", ())),
        body_words=frozenset(w for b in org_data["bodies"] for w in b.lower().split()),
        multi_spans=_multi_spans((*forms, *orgs)),
        patterns=_patterns(),
    )


def _multi_spans(names: Iterable[str]) -> dict[str, tuple[int, ...]]:
    spans: dict[str, set[int]] = {}
    for f in names:
        parts = f.split()
        if 1 < len(parts) <= 6:
            spans.setdefault(_strip_poss(parts[-1])[0], set()).add(len(parts))
    return {w: tuple(sorted(v, reverse=True)) for w, v in spans.items()}


def _date(s: str | None) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


def _roster_entries(knowledge: Knowledge) -> list[RosterEntry]:
    data: dict[str, Any] = load_json("roster.json")
    out: list[RosterEntry] = []
    for row in data["officials"]:
        name, title, country, role, start, end, *aliases = row
        out.append(
            RosterEntry(
                name=name,
                title=title,
                country=country,
                role=role,
                start=_date(start),
                end=_date(end),
                aliases=tuple(aliases),
            )
        )
    out.extend(knowledge.roster)
    return out


def _lex(knowledge: Knowledge) -> _Lex:
    return knowledge.compiled("officials", _build)


@functools.cache
def _makers() -> tuple[Callable[..., Actor], Callable[..., Mention]]:
    """Constructors of :class:`Actor` (from name, kind, title, country, former, mentions, role,
    cameo_role, aliases) and :class:`Mention` records that fill their slots directly: an article
    yields some twenty actors and forty mentions."""
    actor_fields = ("name", "kind", "title", "country", "former", "mentions", "role", "cameo_role", "aliases")
    mention_fields = ("start", "end", "text")
    return direct_constructor(Actor, actor_fields, id=""), direct_constructor(Mention, mention_fields)


# --------------------------------------------------------------------------------------------
# Working records. A token is a tuple (start, end, text); a place (start, end, iso3, kind).

_Token = tuple[int, int, str]
_Place = tuple[int, int, str, str]


@attrs.define
class _TitleHit:
    start: int
    end: int
    text: str
    info: _TitleInfo
    plural: bool
    ext_start: int = -1
    """Where the words that qualify the title (country, modifiers) begin."""
    country: str | None = None
    igo: bool = False
    former: bool = False
    possessor: str | None = None
    pronoun: bool = False
    host: str | None = None
    """The country an envoy is sent to ("ambassador to France"): never the envoy's own."""
    used: bool = False
    qualified: bool = False
    """Whether ``_qualify`` has read the words before it (done on demand: most titles never need it)."""


@attrs.define
class _Person:
    name: str
    start: int
    end: int
    mentions: list[tuple[int, int]]
    title: _TitleHit | None = None
    country: str | None = None
    igo: bool = False
    former: bool = False
    possessor: str | None = None
    evidence: int = 0
    aliases: set[str] = attrs.field(factory=set)
    near_capital: str | None = None


@attrs.define
class _Group:
    name: str | None
    kind: str
    country: str | None
    mentions: list[tuple[int, int]]
    title: str | None = None
    role: str | None = None
    cameo: str | None = None
    former: bool = False
    aliases: set[str] = attrs.field(factory=set)


def _strip_poss(s: str) -> tuple[str, bool]:
    if s.endswith(("'s", "’s")):
        return s[:-2], True
    if s.endswith(("s'", "s’")):
        return s[:-1], True
    return s, False


def _in_spans(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    i = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def find_actors(
    text: str,
    published: dt.date | None = None,
    analysis: Analysis | None = None,
    knowledge: Knowledge = EMPTY,
) -> list[Actor]:
    """Every person, organization and state of ``text``, each with all its mentions, by first mention."""
    if not text or not text.strip():
        return []
    lex = _lex(knowledge)
    if analysis is None or analysis.text is not text:
        analysis = analyze(text)
    return _Finder(text, published, analysis, lex).run()


class _Finder:
    def __init__(self, text: str, published: dt.date | None, analysis: Analysis, lex: _Lex) -> None:
        self.text = text
        self.published = published
        self.an = analysis
        self.lex = lex
        self.pat = lex.patterns
        self.places: list[_Place] = []  # start, end, iso3, surface kind; in text order
        self.place_ends: list[int] = []
        self.org_hits: list[tuple[int, int, str, str | None]] = []
        self.candidates: list[tuple[int, int, int]] = []  # start, end, honorific/particle evidence
        self.singles: list[_Token] = []
        self.titles: list[_TitleHit] = []
        self.body_hits: list[tuple[int, int]] = []
        self.low = text
        self._rev = ""
        # 1 at every offset inside a title: a byte lookup decides whether a word starts in one
        self._in_title = bytearray()
        self._title_by_end: dict[int, _TitleHit] = {}
        self._title_end_list: list[int] = []
        self._title_starts: list[int] = []
        self._strong_counts: dict[str, int] | None = None
        self._named_isos: set[str] | None = None
        self._parties: list[tuple[_Group, int]] = []  # a party in apposition, where its noun starts
        self._bodies: list[tuple[int, int, _Group | None]] = []  # body hits, with the group they name
        # starts of the places that qualify a person's title ("Indian Ambassador X"): whose that
        # person is, not the context of anyone else
        self._owned: dict[int, _Person] = {}
        self._home_ranked: list[str] | None = None
        self._dateline: Any = _UNSEEN  # the dateline's country (or None), found on first need

    # ---------------------------------------------------------------- scanning
    def run(self) -> list[Actor]:
        text = self.text
        lex = self.lex
        low = text.lower()
        if len(low) != len(text):
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        if "’" in low:
            low = low.replace("’", "'")
        self.low = low
        self._rev = text[::-1]  # read backwards from titles and places: nearly every article needs it
        n = len(low)
        for end, (tag, key) in lex.automaton.iter_long(" " + low):
            # ``end`` indexes " " + low: it is the exclusive end in ``low``
            e = end
            s = e - len(key)
            glued = e < n and low[e] in _WORDCHARS
            plural = e < n and low[e] == "s" and (e + 1 == n or low[e + 1] not in _WORDCHARS)
            if glued and not plural and not low.startswith("-elect", e):
                continue
            if tag == "b":
                self.body_hits.append((s, e))
                continue
            self._title_hit(s, e, key)
        title_mask = self._in_title = bytearray(len(text) + 1)
        for t in self.titles:
            title_mask[t.start : t.end] = b"\x01" * (t.end - t.start)
        runs = lex.runs
        memo = lex.singles
        singles = self.singles
        places = self.places
        cands = self.candidates
        for m in self.pat.run.finditer(text):
            s, e = m.span()
            if s:
                c = text[s - 1]
                if c == " " or c == "\n":
                    pass  # the usual case, decided without the tests below
                elif c == "-" and s >= 3 and text[s - 3 : s - 1] in ("al", "el", "Al", "El"):
                    s -= 3  # "al-Nasser"
                elif c.isalnum() or c in "’'-.":
                    continue  # inside a word
            word = text[s:e]
            if " " not in word and "\u00a0" not in word:
                # one word, the most common run: a sentence opener is dropped at once
                what = memo.get(word) or self._classify(word)
                kind = what[0]
                if kind == _NOTHING or title_mask[s]:
                    continue
                if kind == _NAME:
                    singles.append((s, s + len(what[3]), what[3]))
                elif kind == _PLACE:
                    places.append((s, s + what[1], *what[2]))
                else:
                    self.org_hits.append((s, s + what[1], *what[2]))
            elif "\u00a0" in word:
                self._scan_run(s, e)
            else:
                # a run of several words: parsed once per process for its words and title positions
                run_key: Any = word if title_mask.find(1, s, e) < 0 else (word, bytes(title_mask[s:e]))
                parsed = runs.get(run_key)
                if parsed is None:
                    if len(runs) > _SINGLES_MAX:
                        runs.clear()
                    runs[run_key] = self._parse_run(s, e)
                    continue
                rs, rc, rp, ro = parsed
                for a, b, w in rs:
                    singles.append((s + a, s + b, w))
                for a, b, evidence in rc:
                    cands.append((s + a, s + b, evidence))
                for a, b, iso, k in rp:
                    places.append((s + a, s + b, iso, k))
                for a, b, name, oiso in ro:
                    self.org_hits.append((s + a, s + b, name, oiso))
        self.place_ends = [p[1] for p in self.places]
        persons = self._persons()
        groups = self._states_and_orgs(persons)
        return self._finish(persons, groups)

    def _parse_run(self, start: int, end: int) -> _RunParse:
        """``_scan_run`` of one run, and its findings made relative to ``start`` for reuse."""
        n_s, n_c, n_p, n_o = len(self.singles), len(self.candidates), len(self.places), len(self.org_hits)
        self._scan_run(start, end)
        # most runs add one or two findings: skip the empty lists without building anything
        singles = self.singles
        singles_rel = (
            tuple([(a - start, b - start, w) for a, b, w in singles[n_s:]]) if len(singles) > n_s else ()
        )
        cands = self.candidates
        cands_rel = (
            tuple([(a - start, b - start, ev) for a, b, ev in cands[n_c:]]) if len(cands) > n_c else ()
        )
        places = self.places
        places_rel = (
            tuple([(a - start, b - start, iso, k) for a, b, iso, k in places[n_p:]])
            if len(places) > n_p
            else ()
        )
        orgs = self.org_hits
        orgs_rel = (
            tuple([(a - start, b - start, nm, iso) for a, b, nm, iso in orgs[n_o:]])
            if len(orgs) > n_o
            else ()
        )
        return singles_rel, cands_rel, places_rel, orgs_rel

    def _classify(self, raw: str) -> tuple[int, int, Any, str]:
        """What a capitalised word alone in its run is, as ``_scan_run`` would find it: nothing,
        a name word, or a place or body (with its length without a possessive and its entry); and
        the word without a sentence's full stop."""
        lex = self.lex
        memo = lex.singles
        if len(memo) > _SINGLES_MAX:
            memo.clear()  # bounded: a stream of unseen words must not grow it for ever
        word = raw
        if word[-1] == "." and len(word) > 2 and "." not in word[:-1] and word[:-1] not in lex.abbreviations:
            word = word[:-1]
        what: tuple[int, int, Any] = (_NAME, 0, None)
        bare, _poss = _strip_poss(word)
        if word in _CONNECTORS or (len(word) <= 3 and word.lower() in ("of", "the")):
            what = (_NOTHING, 0, None)
        elif (lex.first_words.get(word) or lex.first_words.get(bare)) and bare in lex.orgs:
            what = (_ORG, len(bare), lex.orgs[bare])
        elif (lex.first_words.get(word) or lex.first_words.get(bare)) and bare in lex.forms:
            what = (_PLACE, len(bare), lex.forms[bare])
        elif (
            bare in lex.honorifics
            or (word.endswith(".") and word[:-1] in lex.honorifics)
            or bare in lex.stop
            or (len(bare) > 1 and bare.isupper() and "." not in bare)
        ):
            what = (_NOTHING, 0, None)
        full = memo[raw] = (*what, word)
        return full

    def _word_info(self, piece: str) -> _WordInfo:
        """The static facts ``_scan_run`` needs about one word of a run, computed once per word."""
        lex = self.lex
        memo = lex.words
        if len(memo) > _SINGLES_MAX:
            memo.clear()
        word = piece
        if (
            word.endswith(".")
            and len(word) > 2
            and "." not in word[:-1]
            and word[:-1] not in lex.abbreviations
        ):
            word = word[:-1]  # a sentence's full stop, not an abbreviation
        bare, poss = _strip_poss(word)
        flags = 0
        if word in _CONNECTORS or (len(word) <= 3 and word.lower() in ("of", "the")):
            flags |= _F_CONNECTOR
            if word[0].islower() and word not in ("of", "the"):
                flags |= _F_PARTICLE
        if bare in lex.honorifics or (word.endswith(".") and word[:-1] in lex.honorifics):
            flags |= _F_HONORIFIC
        if word in lex.honorific_firsts:
            flags |= _F_HONORIFIC_FIRST
        if bare in lex.month_names:
            flags |= _F_MONTH
        if bare in lex.stop or (len(bare) > 1 and bare.isupper() and "." not in bare):
            flags |= _F_STOP
        if bare in lex.org_suffixes:
            flags |= _F_SUFFIX
        if bare in lex.given_abbreviations:
            flags |= _F_GIVEN
        span = lex.first_words.get(word) or lex.first_words.get(bare, 0)
        info = (word, flags, poss, span)
        memo[piece] = info
        return info

    def _title_hit(self, s: int, e: int, key: str) -> None:
        """Record a title found by the automaton, with its role modifiers, "-elect" and plural."""
        low, text, lex = self.low, self.text, self.lex
        plural = False
        if low.startswith("-elect", e):
            e += 6
            key += "-elect"
        elif low[e : e + 1] == "s":
            e += 1
            plural = True
        if plural and len(low) > e and (low[e].isalnum() or low[e] == "-"):
            return
        info = lex.titles.get(key)
        if info is None:
            generic = lex.generic
            if key in generic:
                info = generic[key]
            else:
                # a portfolio with a generic core ("climate minister"): worked out once per key
                info = generic[key] = self._generic_title(key)
        if info is None:
            return
        # role modifiers and a second portfolio before the title: "first vice", "climate and"
        while s > 1 and low[s - 1] in " -":
            k = s - 1
            j = k
            while j > 0 and low[j - 1].isalpha():
                j -= 1
            word = low[j:k]
            if word in lex.role_mods:
                s = j
                continue
            if word == "and":
                j2 = j - 1
                i2 = j2
                while i2 > 0 and low[i2 - 1].isalpha():
                    i2 -= 1
                if j2 > 0 and low[i2:j2] in lex.portfolios:
                    s = i2
                    continue
            break
        if info.weak and text[s : s + 1].isupper() and self._glued_to_name(s):
            return  # "Kim Son Il": a name word, not a title
        end = e - 1 if plural else e
        self.titles.append(_TitleHit(s, end, text[s:end], info, plural))

    def _glued_to_name(self, start: int) -> bool:
        text = self.text
        if start < 2 or text[start - 1] != " ":
            return False
        k = start - 1
        while k > 0 and not text[k - 1].isspace():
            k -= 1
        word = _strip_poss(text[k : start - 1])[0]
        if not word[:1].isupper() or word in self.lex.stop or word.endswith("."):
            return False
        low = word.lower()
        if low in self.lex.portfolios or low == "affairs":
            return False  # "Trade Principal Secretary": a portfolio before the title
        return word not in self.lex.forms and word not in self.lex.orgs and low not in self.lex.titles

    def _generic_title(self, key: str) -> _TitleInfo | None:
        words = key.split()
        core = words[-1].removesuffix("-elect")
        if core not in self.lex.generic_cores:
            return None
        base = self.lex.titles.get(core)
        rest = " ".join(words[:-1])
        if core in ("minister", "secretary"):
            if "foreign" in rest:
                return _TitleInfo("foreign_minister", "GOV", None, False)
            if "defen" in rest or rest == "war":
                return _TitleInfo("defence_minister", "GOV", None, False)
            return _TitleInfo("minister", "GOV", None, False)
        if base is not None:
            return _TitleInfo(base.role, base.cameo, base.country, False)
        return _TitleInfo("official", "GOV", None, False)

    def _scan_run(self, start: int, end: int) -> None:
        """Split a capitalised run of several words into places, organizations and name candidates."""
        text = self.text
        lex = self.lex
        forms = lex.forms
        orgs = lex.orgs
        honorifics = lex.honorifics
        in_title = self._in_title
        memo = lex.words
        run = text[start:end]
        toks: list[_Token] = []
        infos: list[_WordInfo] = []
        if "\u00a0" in run:
            pieces = [(m.start(), m.group()) for m in self.pat.tok.finditer(text, start, end)]
        else:
            pieces = []
            s = start
            for piece in run.split(" "):
                pieces.append((s, piece))
                s += len(piece) + 1
        for s, piece in pieces:
            info = memo.get(piece) or self._word_info(piece)
            toks.append((s, s + len(info[0]), info[0]))
            infos.append(info)
        n = len(toks)
        i = 0
        seg: list[_Token] = []
        evidence = 0
        while i < n:
            tok = toks[i]
            ts = tok[0]
            word, flags, poss, span = infos[i]
            if flags & _F_CONNECTOR:
                if seg and flags & _F_PARTICLE:
                    seg.append(tok)  # a particle inside a name: "da Silva", "von der Leyen"
                else:
                    if seg:
                        self._candidate(seg, evidence)
                        seg = []
                    evidence = 0
                i += 1
                continue
            if in_title[ts]:
                if seg:
                    self._candidate(seg, evidence)
                    seg = []
                evidence = 0
                i += 1
                continue
            if span:
                # the longest place or organization starting here
                best = 0
                hit: tuple[str, Any] | None = None
                for j in range(min(n, i + span), i, -1):
                    phrase, _ = _strip_poss(text[ts : toks[j - 1][1]])
                    if phrase in orgs:
                        best, hit = j, ("org", orgs[phrase])
                        break
                    f = forms.get(phrase) or (
                        forms.get(phrase.removeprefix("the ")) if phrase.startswith("the ") else None
                    )
                    if f is not None:
                        best, hit = j, ("place", f)
                        break
                if hit is not None:
                    if seg:
                        self._candidate(seg, evidence)
                        seg = []
                    evidence = 0
                    e = ts + len(phrase)
                    if hit[0] == "org":
                        self.org_hits.append((ts, e, hit[1][0], hit[1][1]))
                    else:
                        self.places.append((ts, e, hit[1][0], hit[1][1]))
                    i = best
                    continue
            if flags & _F_HONORIFIC:
                if (
                    seg
                    and not poss
                    and len(word) > 3  # "Sheikh", not "Mr" or "Dr"
                    and i + 1 < n
                    and not infos[i + 1][1] & (_F_STOP | _F_CONNECTOR | _F_HONORIFIC)
                    and not in_title[toks[i + 1][0]]
                ):
                    seg.append(tok)  # "Ali Sheikh Nur": the word inside a name is part of it
                    i += 1
                    continue
                if seg:
                    self._candidate(seg, evidence)
                    seg = []
                evidence = 2
                i += 1
                continue
            if (
                flags & _F_HONORIFIC_FIRST
                and i + 1 < n
                and f"{word} {toks[i + 1][2]}" in honorifics
                and not in_title[toks[i + 1][0]]
            ):
                if seg:
                    self._candidate(seg, evidence)
                    seg = []
                evidence = 2
                i += 2
                continue
            if flags & _F_MONTH and (seg or evidence):
                seg.append(tok)  # "Ana May", "Mrs. May"
                if poss:
                    self._candidate(seg, evidence)
                    seg = []
                    evidence = 0
                i += 1
                continue
            if flags & _F_STOP and not (
                # "Jan Novak", "Sun Li": a month or day abbreviation that is also a given name
                flags & _F_GIVEN and i + 1 < n and not infos[i + 1][1] & (_F_STOP | _F_CONNECTOR)
            ):
                if seg:
                    self._candidate(seg, evidence)
                    seg = []
                evidence = 0
                i += 1
                continue
            if seg and flags & _F_SUFFIX:
                # "Acme Technology", "Supreme Court": an organization, not a person
                seg.append(tok)
                i = self._org_of_tail(seg, toks, infos, i + 1)
                seg = []
                evidence = 0
                continue
            seg.append(tok)
            if poss:
                self._candidate(seg, evidence)
                seg = []
                evidence = 0
            i += 1
        if seg:
            self._candidate(seg, evidence)

    def _org_run(self, seg: list[_Token], iso: str | None = None) -> None:
        start, end = seg[0][0], seg[-1][1]
        name, _ = _strip_poss(self.text[start:end])
        self.org_hits.append((start, start + len(name), name, iso))

    def _org_of_tail(self, seg: list[_Token], toks: list[_Token], infos: list[_WordInfo], i: int) -> int:
        """Record the organization ``seg`` ends, continued by "of" phrases ("Council of Resistance of
        Iran", "Bureau of the Interior"); its country is a country its last "of" names. The index of
        the first word after it."""
        n = len(toks)
        in_title = self._in_title
        iso: str | None = None
        last_of = -1
        while i + 1 < n and toks[i][2] == "of":
            j = i + 1
            if toks[j][2] == "the" and j + 1 < n:
                j += 1
            k = j
            # capitalised words up to a title, a stop word, a connector or a possessive
            while (
                k < n
                and not infos[k][1] & (_F_CONNECTOR | _F_STOP | _F_HONORIFIC)
                and not in_title[toks[k][0]]
            ):
                k += 1
                if infos[k - 1][2]:
                    break
            if k == j:
                break
            seg = seg + toks[i:k]
            last_of = j
            i = k
            if infos[k - 1][2]:
                break
        if last_of >= 0:
            tail, _ = _strip_poss(self.text[toks[last_of][0] : seg[-1][1]])
            f = self.lex.forms.get(tail)
            if f is not None and f[1] == "country":
                iso = f[0]
        self._org_run(seg, iso)
        return i

    def _candidate(self, seg: list[_Token], evidence: int) -> None:
        while seg and seg[-1][2] in _CONNECTORS:
            seg = seg[:-1]
        if not seg:
            return
        if len(seg) == 1:
            self.singles.append(seg[0])
            if evidence:
                self.candidates.append((seg[0][0], seg[0][1], evidence))
            return
        self.candidates.append((seg[0][0], seg[-1][1], evidence))

    def _qualify(self, t: _TitleHit) -> None:
        """Read the words before a title: modifiers, a country, an international body, a possessor."""
        if t.qualified:
            return
        t.qualified = True
        text = self.text
        lex = self.lex
        forms = lex.forms
        orgs = lex.orgs
        first_words = lex.first_words
        memo = lex.qual_words
        start = t.start
        lo = start - 60 if start > 60 else 0
        # the words before the title, nearest first, read on demand from the reversed text (most
        # titles need one or two); the first word of the window may be cut
        rev = self._rev
        n = len(rev)
        # every character is either skipped by the pattern or starts a word, so the matches of
        # one search are the words in a row, up to the window's start (where the iteration ends)
        found = self.pat.back.finditer(rev, n - start, n - lo)
        words: list[_Token] = []
        cut = lo if lo > 0 else -1  # a word that starts at a window's cut start is no word

        ext = start
        k = 0
        steps = 0
        # a national body's own country gives way to a country named before it: "Pakistan's
        # Foreign Office spokeswoman" is no official of the British one
        body_country = False
        multi_spans = lex.multi_spans
        while steps < 6:
            if k == len(words):  # ``k`` never passes the words read
                m = next(found, None)
                if m is None:
                    break
                s = n - m.end(2)
                if s == cut:
                    break
                e = n - m.start(2)
                words.append((s, e, text[s:e]))
            steps += 1
            s, e, w = words[k]
            info = memo.get(w) or self._qual_word(w)
            what = info[0]
            if what == _Q_FORMER:
                t.former = True
                ext, k = s, k + 1
                continue
            if what == _Q_PRONOUN:
                t.pronoun = info[1]
                ext = s
                break
            matched = False
            spans = multi_spans.get(info[5]) if info[2] else None
            if spans:  # some country or body of several words ends with this word
                while len(words) < k + spans[0]:
                    m = next(found, None)
                    if m is None:
                        break
                    s1 = n - m.end(2)
                    if s1 == cut:
                        break
                    words.append((s1, n - m.start(2), text[s1 : n - m.start(2)]))
                nw = len(words)
                for span in spans:
                    if k + span - 1 >= nw:
                        continue
                    s0, _e0, w0 = words[k + span - 1]
                    if w0 not in first_words and _strip_poss(w0)[0] not in first_words:
                        continue  # no country or body starts with this word
                    bare, _poss = _strip_poss(text[s0:e])
                    f = forms.get(bare)
                    if f is None and bare in orgs:
                        iso = orgs[bare][1]
                        if t.country is None and iso is None:
                            t.igo = True
                        elif t.country is None:
                            t.country = iso
                            body_country = True
                        ext, k, matched = s0, k + span, True
                        break
                    if f is not None:
                        if (t.country is None or body_country) and not (k == 0 and self._topic(t, f, _poss)):
                            t.country = f[0]
                            t.igo = False
                            body_country = f[1] == "seat"  # "Foreign Office", "Kremlin"
                        ext, k, matched = s0, k + span, True
                        break
                if matched:
                    continue
            f1, o1 = info[3], info[4]
            if f1 is None and o1 is not None:
                if t.country is None and o1[1] is None:
                    t.igo = True
                elif t.country is None:
                    t.country = o1[1]
                    body_country = True
                ext, k = s, k + 1
                continue
            if f1 is not None:
                if (t.country is None or body_country) and not (k == 0 and self._topic(t, f1, w != info[5])):
                    t.country = f1[0]  # "Russia's deputy U.N. ambassador": the country wins
                    t.igo = False
                    body_country = f1[1] == "seat"
                ext, k = s, k + 1
                continue
            if what == _Q_MOD:
                ext, k = s, k + 1
                continue
            if what == _Q_POSSESSOR:
                t.possessor = info[5]
                ext = s
                break
            if what == _Q_QUALIFIER:
                # a capitalised qualifier: "European Commission President", "House Speaker"
                ext, k = s, k + 1
                continue
            if what == _Q_IGO:
                # "forum spokesman", "the bloc's envoy": an international body's official
                if t.country is None:
                    t.igo = True
                ext, k = s, k + 1
                continue
            if what == _Q_BODY and _in_spans(s, self.body_hits):
                # "a Belgian foreign ministry spokeswoman": the body's words lead to its country
                ext, k = s, k + 1
                continue
            break
        t.ext_start = ext
        if t.country is None and not t.igo:
            self._title_tail(t)

    @staticmethod
    def _topic(t: _TitleHit, form: tuple[str, str], poss: bool) -> bool:
        """Whether a country named right before a title is its subject, not whose: "a Japan analyst",
        "a Russia expert" (a demonym or a possessive still says whose: "a Japanese analyst")."""
        return not poss and form[1] == "country" and t.text.lower() in _TOPIC_TITLES

    def _qual_word(self, w: str) -> _QualWord:
        """What one word before a title may be, for ``_qualify``; computed once per word."""
        lex = self.lex
        memo = lex.qual_words
        if len(memo) > _SINGLES_MAX:
            memo.clear()
        lw = w.lower()
        bare, poss = _strip_poss(w)
        what = _Q_NONE
        pronoun = False
        if lw in lex.former_mods or lw == "then-" or lw == "ex":
            what = _Q_FORMER
        elif lw in ("its", "his", "her", "their"):
            what, pronoun = _Q_PRONOUN, lw == "its" or lw == "their"
        elif lw in lex.mods or lw.endswith(("-year-old", "-years-old")):
            # "a 52-year-old engineer": an age says nothing of whose
            what = _Q_MOD
        elif lw in lex.igo_nouns:
            what = _Q_IGO
        elif (lw in lex.body_words or (poss and bare in lex.body_words)) and w[:1].islower():
            what = _Q_BODY  # "foreign ministry spokeswoman", "the foreign ministry's spokeswoman"
        elif poss and w[:1].isupper():
            what = _Q_POSSESSOR
        elif poss and bare.isalpha() and bare.islower():
            what = _Q_MOD  # "the party's deputy chairman": whose, without a name to say it
        elif w[:1].isupper() and lw not in ("the", "a", "an") and w not in lex.stop and not w.endswith("."):
            what = _Q_QUALIFIER
        form = lex.forms.get(bare)
        if form is None and "-" in bare:
            # "Swedish-Iranian doctor": a compound of demonyms gives its first country
            parts = [lex.forms.get(x) for x in bare.split("-")]
            if all(f is not None and f[1] == "demonym" for f in parts):
                form = parts[0]
        info: _QualWord = (
            what,
            pronoun,
            bare in lex.multi_last,
            form,
            lex.orgs.get(bare),
            bare,
        )
        memo[w] = info
        return info

    def _title_tail(self, t: _TitleHit) -> None:
        """The country or body named after a title: "head of the Atomic Energy Organization of Iran"."""
        m = self.pat.title_tail.match(self.text, t.end, t.end + 80)
        if not m:
            return
        prep, tail = m.group(1), m.group(2)
        owned = prep == "from" and _OWNER_PRONOUN.search(self.text, max(0, t.start - 20), t.start)
        if t.info.role in _ENVOY_ROLES and (prep not in ("of", "for", "from") or owned):
            # (and "recalled its ambassador from Quito": the post the envoy leaves)
            # "ambassador in Paris", "envoy to Brussels": the host, never the envoy's own country
            for m2 in self.pat.caps.finditer(tail):
                f = self.lex.forms.get(_strip_poss(m2.group())[0])
                if f is not None:
                    t.host = f[0]
                    return
            return
        if prep == "in":
            return  # "minister in the region": where, not whose
        if prep in ("for", "of"):
            words = tail.split(" ")
            if any(self._portfolio_phrase(" ".join(words[:k])) for k in (1, 2, 3)):
                return  # "Minister for Trade Ana Ruiz": a portfolio, not whose
        org_at = len(tail)
        org_iso: str | None = None
        for name, (_canon, iso) in self._orgs_in(tail):
            org_at, org_iso = tail.find(name), iso
        forms = self.lex.forms
        first = True
        for m2 in self.pat.caps.finditer(tail):
            if m2.start() > org_at:
                break
            bare, _ = _strip_poss(m2.group())
            f = forms.get(bare)
            if f is None and " " in bare:
                # a country or demonym leading a longer name: "the Cypriot presidency of the
                # Council", "a spokesman for the Philippine Coast Guard"
                words = bare.split(" ")
                for j in range(len(words) - 1, 0, -1):
                    f = forms.get(_strip_poss(" ".join(words[:j]))[0])
                    if f is not None:
                        break
            if f is not None:
                t.country = f[0]
                return
            if prep == "from" and first:
                # "an engineer from Leeds": the home town's country, its best-known place of the name
                found = get_gazetteer().lookup(bare)
                if found:
                    t.country = max(found, key=lambda pl: pl.prior).country
                    return
            if first and m2.start() == 0 and t.possessor is None and org_at == len(tail):
                # "a spokeswoman for Moreno": the title belongs to someone, like "X's spokeswoman"
                t.possessor = bare
            first = False
        if org_at < len(tail):
            t.country, t.igo = org_iso, org_iso is None

    def _orgs_in(self, s: str) -> Iterable[tuple[str, tuple[str, str | None]]]:
        orgs = self.lex.orgs
        for m in self.pat.orgs_in.finditer(s):
            words = m.group().split(" ")
            for i in range(len(words)):
                for j in range(len(words), i, -1):
                    phrase, _ = _strip_poss(" ".join(words[i:j]))
                    if phrase in orgs:
                        yield phrase, orgs[phrase]
                        return

    # ---------------------------------------------------------------- persons
    def _persons(self) -> list[_Person]:
        text = self.text
        lex = self.lex
        # the longest first where two start together: "deputy chairman" over "deputy"
        titles = sorted(self.titles, key=lambda t: (t.start, -t.end))
        t_ends = {t.end: t for t in titles}
        self._title_by_end = t_ends
        self._title_end_list = sorted(t_ends)
        self._title_starts = [t.start for t in titles]
        by_key: dict[str, _Person] = {}
        ordered: list[_Person] = []
        weak_multi: list[tuple[int, int, str]] = []
        names = lex.names
        for start, end, evidence in self.candidates:
            if text.endswith(("for ", "of "), 0, start):
                # "State Minister for Foreign Affairs Ana Ruiz": the portfolio leads the capitalised run
                start = self._portfolio_lead(start, end)
            raw = text[start:end]
            facts = names.get(raw, _UNSEEN)
            if facts is _UNSEEN:
                facts = self._name_facts(raw)
            if facts is None:
                continue
            name, bonus, key, in_roster, one_word = facts
            end = start + len(name)
            if text.startswith(" ", end) and _PLACE_NOUN.match(text, end):
                continue  # "Ana Maria island", "the Santa Cruz river": a place named after someone
            score = evidence + bonus
            title = self._title_before(start, t_ends)
            if title is not None:
                score += 2
            app = self._appositive_after(end, titles)
            if app is not None:
                score += 2
                if title is None or (title.info.weak and not app.info.weak):
                    title = app
            need = 1
            if one_word:
                need = 2 if in_roster or (title is not None and not title.info.weak) else 99
            elif score < need and text.startswith((", who ", ", whose "), end):
                score += 1  # "Ana Ruiz, who has led ...": "who" stands for a person
            elif score < need and (
                _AGE_AFTER.match(text, end, end + 6)
                or _QUOTE_SAID_BEFORE.search(text, max(0, start - 12), start)
                or (
                    _QUOTE_COMMA_BEFORE.search(text, max(0, start - 4), start)
                    and _SAID_AFTER.match(text, end)
                )
            ):
                score += 1  # "Ana Ruiz, 41, a farmer", '"We are home," said Ana Ruiz': a person speaks
            of_country = None
            if not one_word and text.startswith(" of ", end):
                # "the ministers, Ana Ruiz of Peru and Luis Soto of Chile": a name in a list of people
                # of their countries
                of_country = self._of_country(end + 4)
                if (
                    of_country is not None
                    and score < need
                    and _LIST_BEFORE.search(text, max(0, start - 5), start)
                ):
                    score += 1
            if score < need:
                if not one_word:
                    weak_multi.append((start, end, name))
                continue
            p = by_key.get(key)
            if p is None:
                p = _Person(name=name, start=start, end=end, mentions=[])
                by_key[key] = p
                ordered.append(p)
                m = self.pat.near_in.match(text, end, end + 30)
                if m:
                    p.near_capital = countries.capital_country(m.group(1))
            p.mentions.append((start, end))
            p.evidence = max(p.evidence, score)
            if title is not None and (p.title is None or (p.title.info.weak and not title.info.weak)):
                p.title = title
                title.used = True
            elif title is not None:
                title.used = True
            if p.country is None:
                if of_country is not None:
                    p.country = of_country
                else:
                    self._direct_country(p, start, end)
        self._plural_lists(ordered, titles)
        if len(ordered) > 1:
            ordered = self._merge_surnames(ordered)
        if ordered:
            ordered = self._multi_word_tails(ordered, weak_multi)
            self._particle_surnames(ordered)
            if "known as" in self.text:
                self._known_as(ordered)
        self._link_short(ordered)
        return ordered

    def _known_as(self, persons: list[_Person]) -> None:
        """ "Ana Maria Ruiz, widely known as Nena, ... Nena said": the name a person is known by is a
        mention of them wherever it stands."""
        text = self.text
        ends = {e: p for p in persons for _s, e in p.mentions}
        for m in _KNOWN_AS.finditer(text):
            owner = ends.get(m.start())
            if owner is None:
                continue
            alias = m.group(1)
            owner.aliases.add(alias)
            for a in re.finditer(r"(?<![\w-])" + re.escape(alias) + r"(?![\w-])", text):
                if not any(s <= a.start() < e for s, e in owner.mentions):
                    owner.mentions.append(a.span())
            owner.mentions.sort()

    def _particle_surnames(self, persons: list[_Person]) -> None:
        """ "al-Nur said" after "Omar al-Nur": a surname with a lower-case particle, which the scan of
        capitalised runs does not see on its own, is a mention of the one person who bears it."""
        text = self.text
        owners: dict[str, _Person | None] = {}
        for p in persons:
            last = p.name.rsplit(" ", 1)[-1]
            if " " in p.name and last[:1].islower() and "-" in last:
                owners[last] = None if last in owners else p
        for last, owner in owners.items():
            if owner is None:
                continue
            for m in re.finditer(r"(?<![\w-])" + re.escape(last) + r"(?![\w-])", text):
                if not any(s <= m.start() < e for s, e in owner.mentions):
                    owner.mentions.append(m.span())
            owner.mentions.sort()

    @staticmethod
    def _multi_word_tails(persons: list[_Person], weak: list[tuple[int, int, str]]) -> list[_Person]:
        """Names of two words or more that end the name of exactly one longer person ("Ould Dah"
        after "Mohamed Salem Ould Dah", "Lopez Obrador" after "Ana Lopez Obrador") are that person:
        a weak candidate becomes a mention, a person found on their own merges into the longer one."""
        tails: dict[str, _Person | None] = {}
        for p in persons:
            words = p.name.split(" ")
            for k in range(1, len(words) - 1):
                tail = " ".join(words[k:])
                tails[tail] = None if tail in tails and tails[tail] is not p else p
        if not tails:
            return persons
        for s, e, name in weak:
            owner = tails.get(name)
            if owner is not None and (s, e) not in owner.mentions:
                owner.mentions.append((s, e))
                owner.aliases.add(name)
        kept: list[_Person] = []
        for p in persons:
            owner = tails.get(p.name)
            if owner is None or owner is p:
                kept.append(p)
                continue
            owner.mentions.extend(p.mentions)
            owner.aliases.add(p.name)
            owner.country = owner.country or p.country
            if owner.title is None and p.title is not None:
                owner.title = p.title
        for p in kept:
            p.mentions.sort()
        return kept

    @staticmethod
    def _merge_surnames(persons: list[_Person]) -> list[_Person]:
        """A one-word person ("Mr. Ruiz", a roster alias) whose word is the last name of exactly one
        person of several words is that person: its mentions join the full name's."""
        last_owner: dict[str, _Person | None] = {}
        for p in persons:
            words = p.name.split(" ")
            if len(words) > 1:
                last = words[-2] if words[-1] in _NAME_SUFFIXES and len(words) > 2 else words[-1]
                last_owner[last] = None if last in last_owner else p
        if not last_owner:
            return persons
        kept: list[_Person] = []
        for p in persons:
            owner = last_owner.get(p.name) if " " not in p.name else None
            if owner is None:
                kept.append(p)
                continue
            owner.mentions.extend(p.mentions)
            owner.aliases.add(p.name)
            owner.evidence = max(owner.evidence, p.evidence)
            if owner.title is None and p.title is not None:
                owner.title = p.title
            owner.country = owner.country or p.country
        return kept

    def _name_facts(self, raw: str) -> _NameFacts | None:
        """What ``_persons`` needs to know of a candidate name that does not depend on where it
        stands, computed once per name: None when its last word rules out a person."""
        lex = self.lex
        memo = lex.names
        if len(memo) > _SINGLES_MAX:
            memo.clear()
        name, _poss = _strip_poss(raw)
        words = name.split(" ")
        last = words[-1]
        facts: _NameFacts | None = None
        if last not in lex.org_suffixes and last not in lex.not_name_last:
            key = _key(name)
            in_roster = key in lex.roster
            bonus = 2 if in_roster else 0
            first = words[0]
            if first in lex.given:
                bonus += 1
            if first in lex.surnames_ea and (len(words) == 3 or "-" in name):
                bonus += 1
            if (
                not _NAME_PARTICLE_EVIDENCE.isdisjoint(words)
                or name.startswith(("al-", "Al-"))
                or " al-" in name
                or " Al-" in name
            ):
                bonus += 1
            if (
                len(words) in (2, 3)
                and not name.isascii()
                and all(w.isalpha() and w.istitle() for w in words)
                and get_gazetteer().key_of(name) < 0
            ):
                bonus += 1  # "Dovilė Šakalienė": letters English words lack mark a name, or a place
            facts = (name, bonus, key, in_roster, len(words) == 1)
        memo[raw] = facts
        return facts

    def _title_before(self, start: int, t_ends: dict[int, _TitleHit]) -> _TitleHit | None:
        """A title just before ``start`` (honorifics between allowed), or an appositive
        "Mexico's president, Andrés ..." / "head of the agency, Ali ..." before the name."""
        text = self.text
        hon = self.lex.honorifics
        rev = self._rev
        n = len(rev)
        i = start
        for _ in range(3):
            j = i
            while j > 0 and text[j - 1] in " \u00a0":
                j -= 1
            t = t_ends.get(j)
            if t is not None:
                if t.plural:
                    return None
                if t.info.role == "military" and (t.info.weak or t.text.endswith(".")):
                    # "The army chief, Gen. X": the fuller appositive title before the rank wins
                    fuller = self._comma_title(t.start, t_ends)
                    if fuller is None:
                        return t
                    if fuller.info.cameo != "MIL":
                        # "the army spokesman, Col. X": an officer whatever the office
                        fuller.used = True
                        fuller = attrs.evolve(fuller, info=attrs.evolve(fuller.info, cameo="MIL"))
                    return fuller
                return t
            m = self.pat.rev_word.match(rev, n - j)  # the word before, from the reversed text
            k = n - m.end() if m is not None else j
            word = text[k:j]
            if k < j and (word in hon or word.rstrip(".") in hon):
                i = k
                continue
            if k < j and word.endswith(","):
                comma = j - 1
                t = t_ends.get(comma)
                if t is None:
                    t = self._title_with_tail(comma)
                if t is not None and not t.plural:
                    return t
            if k < j and word[:1].isupper():
                return self._title_across_tail(j)
            return None
        return None

    def _portfolio_phrase(self, phrase: str) -> bool:
        low = phrase.lower()
        portfolios = self.lex.portfolios
        return low in portfolios or (low.endswith(" affairs") and low[:-8] in portfolios)

    def _portfolio_lead(self, start: int, end: int) -> int:
        """Where the name begins in a run led by a portfolio ("Foreign Affairs Ana Ruiz"), or ``start``."""
        words = self.text[start:end].split(" ")
        for k in range(min(3, len(words) - 2), 0, -1):
            lead = " ".join(words[:k])
            if self._portfolio_phrase(lead):
                return start + len(lead) + 1
        return start

    def _title_across_tail(self, j: int) -> _TitleHit | None:
        """A title whose capitalised tail ends at ``j``: "Ambassador to Japan", "Minister for Trade"."""
        ends = self._title_end_list
        i = bisect.bisect_right(ends, j) - 1
        if i < 0 or j - ends[i] > 50:
            return None
        m = self.pat.cap_tail.fullmatch(self.text, ends[i], j)
        if m is None:
            return None
        t = self._title_by_end[ends[i]]
        prep, phrase = m.group(1), m.group(2)
        if t.plural:
            return None
        if prep == "to":
            ok = t.info.role in _ENVOY_ROLES and (phrase in self.lex.forms or phrase in self.lex.orgs)
            return t if ok else None
        if not self._portfolio_phrase(phrase):
            return None
        end = m.end(2)
        return attrs.evolve(t, end=end, text=self.text[t.start : end])  # the portfolio is the title's

    def _comma_title(self, pos: int, t_ends: dict[int, _TitleHit]) -> _TitleHit | None:
        """A singular title that ends with a comma just before ``pos``: "the army chief, Gen."."""
        text = self.text
        j = pos
        while j > 0 and text[j - 1] in " \u00a0":
            j -= 1
        if j == pos or j == 0 or text[j - 1] != ",":
            return None
        t = t_ends.get(j - 1) or self._title_with_tail(j - 1)
        return t if t is not None and not t.plural and not t.info.weak else None

    def _title_with_tail(self, comma: int) -> _TitleHit | None:
        """The title whose "of ..." tail runs up to ``comma``: "speaker of the lower house,"."""
        ends = self._title_end_list
        i = bisect.bisect_right(ends, comma) - 1
        if i < 0:
            return None
        end = ends[i]
        if comma - end > 70 or not self.pat.tail.fullmatch(self.text, end, comma):
            return None
        return self._title_by_end[end]

    def _appositive_after(self, end: int, titles: list[_TitleHit]) -> _TitleHit | None:
        """The title of "Name, [Country's] title": the first title after the comma."""
        if self.text[end : end + 1] != ",":
            return None  # most names have no comma after them: no need to try the pattern
        m = self.pat.comma.match(self.text, end)
        if m is None:
            return None
        after = m.end()
        i = bisect.bisect_left(self._title_starts, after)
        if i == len(titles):
            return None
        t = titles[i]
        if t.start > after + 60 or t.plural:
            return None
        self._qualify(t)
        return None if t.ext_start > after else t

    def _of_country(self, pos: int) -> str | None:
        """The country named at ``pos`` (by name, not demonym or capital), if any."""
        i = bisect.bisect_left(self.places, (pos,))
        if i < len(self.places) and self.places[i][0] == pos and self.places[i][3] == "country":
            return self.places[i][2]
        return None

    def _direct_country(self, p: _Person, start: int, end: int) -> None:
        """A country possessive or demonym right before a name ("Britain's Tom Hale"), or the
        country a relative clause says they lead ("Ana Ruiz, who has led Peru since ...")."""
        place = self._place_before(start, 40)
        if place is not None and self.pat.direct_gap.fullmatch(self.text, place[1], start):
            p.country = place[2]
            return
        m = _WHO_LEADS.match(self.text, end)
        if m is not None:
            i = bisect.bisect_left(self.places, (m.end(),))
            if i < len(self.places) and self.places[i][0] == m.end() and self.places[i][3] != "demonym":
                p.country = self.places[i][2]

    def _place_before(self, pos: int, window: int) -> _Place | None:
        """The place nearest before ``pos`` if it ends in ``[pos - window, pos]`` (the first of
        ``_places_before``, without a generator: most callers need no other)."""
        i = bisect.bisect_right(self.place_ends, pos) - 1
        if i >= 0:
            place = self.places[i]
            if place[1] >= pos - window:
                return place
        return None

    def _places_before(self, pos: int, window: int) -> Iterable[_Place]:
        """The places that end in ``[pos - window, pos]``, nearest first."""
        places = self.places
        i = bisect.bisect_right(self.place_ends, pos) - 1
        lo = pos - window
        while i >= 0 and places[i][1] >= lo:
            yield places[i]
            i -= 1

    def _plural_lists(self, persons: list[_Person], titles: list[_TitleHit]) -> None:
        """ "foreign ministers - Britain's Tom Hale, France's Luc Morel ..." """
        text = self.text
        by_start: dict[int, tuple[_Person, int]] | None = None
        for t in titles:
            if not t.plural:
                continue
            r = self.pat.respective.match(text, t.end, t.end + 12)
            if r is not None:
                if by_start is None:
                    by_start = {s: (p, e) for p in persons for s, e in p.mentions}
                if self._respective(t, r.end(), by_start):
                    continue
            m = self.pat.list_intro.match(text, t.end)
            if m is None:
                continue
            self._qualify(t)
            si = self.an.sentence_index(t.start)
            for p in persons:
                if (
                    p.start >= m.end()
                    and p.title is None
                    and p.start - m.end() < 200
                    and self.an.sentence_index(p.start) == si
                ):
                    p.title = attrs.evolve(t, plural=False)
                    if p.country is None and t.country is not None:
                        p.country = t.country

    def _respective(self, t: _TitleHit, pos: int, by_start: dict[int, tuple[_Person, int]]) -> bool:
        """ "counterparts from Chile, Peru and Bolivia, Ana Ruiz, Olga Lind and Eva Kask": the
        i-th name gets the i-th country when the two lists are as long."""
        text, places, coord = self.text, self.places, self.pat.coord
        i = bisect.bisect_left(places, (pos,))
        if i == len(places) or places[i][0] != pos:
            return False
        isos = [places[i][2]]
        while i + 1 < len(places) and coord.fullmatch(text, places[i][1], places[i + 1][0]):
            i += 1
            isos.append(places[i][2])
        m = self.pat.comma.match(text, places[i][1])
        if len(isos) < 2 or m is None:
            return False
        named: list[_Person] = []
        at = m.end()
        while len(named) <= len(isos):
            hit = by_start.get(at)
            if hit is None:
                break
            named.append(hit[0])
            c = coord.match(text, hit[1], hit[1] + 8)
            if c is None:
                break
            at = c.end()
        if len(named) != len(isos) or len(set(map(id, named))) != len(named):
            return False
        self._qualify(t)
        for p, iso in zip(named, isos, strict=True):
            p.country = iso
            if p.title is None:
                p.title = attrs.evolve(t, plural=False, country=iso, igo=False)
        return True

    def _link_short(self, persons: list[_Person]) -> None:
        """Single capitalised words that are a name word of a found person become its mentions."""
        token_owner: dict[str, _Person] = {}
        for p in persons:
            for w in p.name.split(" "):
                if w[:1].isupper() and w not in ("Al", "Jr.", "Jr"):
                    token_owner.setdefault(w, p)
                elif w.startswith(_ARTICLE_PREFIXES) and w[3:4].isupper():
                    token_owner.setdefault(w[3:], p)  # "Zayed" for "al-Zayed": the name without its article
        if not persons:
            return
        taken = {s for p in persons for s, _e in p.mentions}
        owner_of = token_owner.get
        for s, _e, word in self.singles:
            # only a word ending in "s" or an apostrophe can have a possessive to strip
            bare = _strip_poss(word)[0] if word[-1] in "s'’" else word
            owner = owner_of(bare)
            if owner is None or s in taken:
                continue
            owner.mentions.append((s, s + len(bare)))
            owner.aliases.add(bare)
        for p in persons:
            p.mentions.sort()

    # ---------------------------------------------------------------- states and organizations
    def _states_and_orgs(self, persons: list[_Person]) -> list[_Group]:
        text = self.text
        pat = self.pat
        groups: dict[tuple[str, str], _Group] = {}
        places = self.places
        # coordinated countries share the verb after the last one: "Italy, Spain and Denmark expelled"
        i = 0
        while i < len(places):
            j = i
            while j + 1 < len(places) and pat.coord.fullmatch(text, places[j][1], places[j + 1][0]):
                j += 1
            acting: bool | None = None  # worked out for the first country that needs it
            # a list after a verb is its target as a whole: "invaded Latvia and Estonia"
            listed = j > i and self._targeted(places[i][0])
            for k in range(i, j + 1):
                s, e, iso, kind = places[k]
                if kind == "demonym":
                    if self._delegation(s, e, iso):
                        g = groups.get(("state", iso)) or groups.setdefault(
                            ("state", iso), _Group(countries.country_name(iso) or text[s:e], "state", iso, [])
                        )
                        g.mentions.append((s, e))
                        g.aliases.add(text[s:e])
                    continue
                surface = text[s:e]
                if kind == "seat" and countries.seat_kind(surface) == "organization":
                    g = groups.setdefault(("org", surface), _Group(surface, "organization", iso, []))
                    g.mentions.append((s, e))
                    continue
                if acting is None:
                    # "the summit in Quito ended": the city says where, the summit acts
                    acting = self._acts(places[j][1]) and not self._located(places[i][0])
                if acting or listed or self._targeted(s):
                    name = countries.country_name(iso) or surface
                    g = groups.get(("state", iso)) or groups.setdefault(
                        ("state", iso), _Group(name, "state", iso, [])
                    )
                    g.mentions.append((s, e))
                    if surface != name:
                        g.aliases.add(surface)
            i = j + 1
        person_spans = sorted(m for p in persons for m in p.mentions)
        for s, e, org_name, org_iso in self.org_hits:
            if _in_spans(s, person_spans):
                continue
            if text[max(0, s - 8) : s].rstrip().endswith("Photo:"):
                continue
            found = groups.get(("org", org_name))
            if found is None:
                found = groups[("org", org_name)] = _Group(org_name, "organization", org_iso, [])
            g = found
            g.mentions.append((s, e))
            surface = text[s:e]
            if surface != org_name:
                g.aliases.add(surface)
            if text[e : e + 1] in ("'", "’"):
                self._org_body(e, org_iso, groups)
            if org_iso is None and self.lex.orgs.get(surface) is None:
                # a national body named by its run: "South Korea's Supreme Court"
                place = self._place_before(s, 25)
                if place is not None and pat.opt_poss_gap.fullmatch(text, place[1], s):
                    g.country = g.country or place[2]
        regional = self.lex.regional
        if regional is not None and any(adj in text for adj in self.lex.regional_bodies):
            for m in regional.finditer(text):
                # "West African leaders suspended X": the region's body acts
                body = self.lex.regional_bodies[m.group(1)]
                rg = groups.setdefault(
                    ("org", body), _Group(body, "organization", self.lex.orgs.get(body, (body, None))[1], [])
                )
                rg.mentions.append(m.span())
                rg.mentions.sort()
        self._apposed_parties(groups)
        bodies = self._bodies
        for s, e in self.body_hits:
            bg: _Group | None = None
            place = self._place_before(s, 30)
            if place is not None:
                ps, pe, piso, kind = place
                start = -1
                if pat.poss_gap.fullmatch(text, pe, s):
                    start = s
                elif kind in ("demonym", "country") and pat.space_gap.fullmatch(text, pe, s):
                    start = ps
                if start >= 0:
                    # named with its country ("Chile's foreign ministry"), the mention on the body alone
                    name = text[ps:e]
                    bg = groups.setdefault(("org", name.lower()), _Group(name, "organization", piso, []))
                    bg.mentions.append((start, e))
            bodies.append((s, e, bg))
        if "junta" in self.low or "military " in self.low:
            self._juntas(groups)
        return [g for g in groups.values() if g.mentions]

    def _juntas(self, groups: dict[tuple[str, str], _Group]) -> None:
        """ "Mali's military rulers", "the junta in Bamako", later "the junta": a military government
        speaks and acts for its state; one named without its country is the one named before."""
        last: str | None = None
        text = self.text
        for body in _JUNTA_BODY.finditer(text):
            s, e = body.span()
            lead = _JUNTA_BEFORE.search(text, max(0, s - 50), s)
            seat = _JUNTA_AFTER.match(text, e)
            words = {
                "poss": lead.group("poss") if lead else None,
                "adj": lead.group("adj") if lead else None,
                "seat": seat.group("seat") if seat else None,
            }
            start = lead.start() if lead else s
            iso = None
            for key in ("poss", "adj", "seat"):
                w = words[key]
                if w:
                    iso = (
                        countries.country_code(w)
                        or countries.demonym_country(w)
                        or countries.capital_country(w)
                    )
                    if iso:
                        break
            owned = words["poss"] is None and _OWNER_PRONOUN.search(text, max(0, start - 12), start)
            if iso is None and (owned or (last is None and body.group() == "junta")):
                # "gave its new military rulers ...", a first bare "the junta": the country just named
                iso = self._recent_country(start)
            iso = iso or last
            if iso is None:
                continue
            last = iso
            i = bisect.bisect_left(self._title_starts, e)
            if i < len(self._title_starts) and self._title_starts[i] <= e + 1:
                continue  # "junta spokesman X", "the junta leader": the title's qualifier, not the state
            for og in groups.values():
                if og.kind == "organization" and any(a < e and s < b for a, b in og.mentions):
                    og.mentions = [(a, b) for a, b in og.mentions if not (a < e and s < b)]
            state = groups.get(("state", iso))
            if state is None:
                state = groups[("state", iso)] = _Group(countries.country_name(iso) or iso, "state", iso, [])
            state.mentions.append((s, e))
            state.mentions.sort()

    def _org_body(self, end: int, iso: str | None, groups: dict[tuple[str, str], _Group]) -> None:
        """A body named after an organization's possessive: "the bloc's Panel of Mediators"."""
        m = self.pat.panel.match(self.text, end, end + 120)
        if m is None:
            return
        name, _ = _strip_poss(m.group(1))
        s = m.start(1)
        g = groups.setdefault(("org", name), _Group(name, "organization", iso, []))
        g.mentions.append((s, s + len(name)))

    def _apposed_parties(self, groups: dict[tuple[str, str], _Group]) -> None:
        """An acronym in apposition to a party: "his party, the ABC-XY," is an organization, whose
        country is the possessor's (worked out with the persons' countries in ``_finish``)."""
        text = self.text
        for noun in _PARTY_NOUNS:
            probe = noun + ", the "
            i = text.find(probe)
            while i >= 0:
                m = self.pat.acronym.match(text, i + len(probe))
                if m is not None and (i == 0 or not text[i - 1].isalnum()):
                    self._party(m.group(), i, groups)
                i = text.find(probe, i + len(probe))

    def _party(self, name: str, noun: int, groups: dict[tuple[str, str], _Group]) -> None:
        g = groups.get(("org", name))
        if g is not None or name in self.lex.orgs:
            return
        text = self.text
        g = groups[("org", name)] = _Group(name, "organization", None, [], cameo="PTY")
        # every use of the acronym as a word is a mention of the party
        j = text.find(name)
        while j >= 0:
            k = j + len(name)
            if (j == 0 or not text[j - 1].isalnum()) and not text[k : k + 1].isalnum():
                g.mentions.append((j, k))
            j = text.find(name, k)
        self._parties.append((g, noun))

    def _delegation(self, s: int, e: int, iso: str) -> bool:
        """Whether a demonym names the country's side: "the" and a plural ("met the Ukrainians",
        "the Russians on Monday said"), and the country named elsewhere in the article or the
        demonym acting or targeted. A demonym without a plural "s" ("the French") counts only
        when nothing follows it but a stop or a verb ("the French said", not "the French side")."""
        text = self.text
        if _ENVOYS_AFTER.match(text, e) and _EXPELLED_BEFORE.search(text, max(0, s - 40), s):
            return True  # "expelled two Chilean diplomats": the envoys' state is the target
        people = _PEOPLE_AFTER.match(text, e)
        if people is not None and (
            self._targeted(s)
            or _BETWEEN_BEFORE.search(text, max(0, s - 40), s) is not None
            or self._acts(people.end())
        ):
            # "held talks with Chilean officials", "a call between the Chilean and Peruvian ministers",
            # "Chilean officials accused ...": the people's state
            return True
        if _COUNTERPART_AFTER.match(text, e) and _WITH_HIS_BEFORE.search(text, max(0, s - 20), s):
            return True  # "a call with his Chilean counterpart": Chile is the other side
        if _FORCES_AFTER.match(text, e) and _STRUCK_BEFORE.search(text, max(0, s - 40), s):
            return True  # "shot down a Chilean drone": the drone's state is the target
        if _TERRITORY_AFTER.match(text, e) and _VIOLATED_BEFORE.search(text, max(0, s - 30), s):
            return True  # "violated Chilean airspace": the state whose airspace it is
        if _SANCTIONED_AFTER.match(text, e) and _SANCTIONS_ON_BEFORE.search(text, max(0, s - 40), s):
            return True  # "imposed sanctions on two Chilean officials": their state is the target
        pair = _AND_DEMONYM.match(text, e)
        forces = _FORCES_AFTER.match(text, pair.end() if pair else e)
        if forces is not None and not _BE_AFTER.match(text, forces.end()) and self._acts(forces.end()):
            # "Chilean jets struck ...", "Peruvian and Bolivian troops exchanged fire": the forces' states
            return True
        if s < 4 or text[s - 4 : s] not in ("the ", "The "):
            return False
        surface = text[s:e]
        if surface.endswith("s") and self.lex.forms.get(surface[:-1]) == (iso, "demonym"):
            if self._acts(e) or self._targeted(s):
                return True
            named = self._named_isos
            if named is None:
                named = self._named_isos = {p[2] for p in self.places if p[3] != "demonym"}
            return iso in named
        if not surface.endswith(("ese", "ish", "ch", "sh")):
            return False
        nxt = text[e : e + 1]
        return nxt in (",", ".", ";", ":", ")", "") or self._acts(e)

    def _acts(self, end: int) -> bool:
        """Whether the words after a country (or a list of them) make it act: "China declined",
        "Egypt and Jordan are", "Kenya, the region's largest economy, has said"."""
        text = self.text
        if text[end : end + 1] in ("'", "’"):
            return False
        m = self.pat.acts.match(text, end, end + 40)
        if m is None:
            app = self.pat.appositive.match(text, end, end + 100)
            m = self.pat.acts.match(text, app.end(), app.end() + 40) if app is not None else None
            if m is None or m.group(0).lstrip().startswith(","):
                return False
        if m.group(0).lstrip().startswith(","):
            return True
        w = m.group(1)
        if w[0].isupper():
            return False
        if w in self.lex.acting_verbs:
            return True
        if w == "and":
            # "Colombia and the European Union sealed": a country listed with a body that acts
            k = m.end() + (5 if text.startswith(" the ", m.end()) else 1)
            for os_, oe, _name, _iso in self.org_hits:
                if os_ == k:
                    return self._acts(oe)
            return False
        if (
            w not in self.lex.not_verbs
            and len(w) >= 4
            and (w.endswith("ed") or (w.endswith("s") and not w.endswith("ss")))
        ):
            return True
        # "Peru on Wednesday dismissed", "Chile last week formally protested": the verb after
        # the time phrase or adverb decides (tried last: most countries never need it)
        adv = self.pat.adverbial.match(text, end, end + 80)
        if adv is None:
            return False
        m = self.pat.acts.match(text, adv.end(), adv.end() + 40)
        if m is None or m.group(0).lstrip().startswith(","):
            return False
        w = m.group(1)
        return w in self.lex.acting_verbs or (w.endswith("ed") and w[:1].islower())

    def _counterpart_country(self, start: int) -> str | None:
        """The country of "his Chilean counterpart" in the sentence after ``start``: another's."""
        sent = self.an.sentence_at(start)
        if sent is None or "counterpart" not in self.text[start : sent.end]:
            return None
        m = _COUNTERPART.search(self.text, start, sent.end)
        form = self.lex.forms.get(m.group(1)) if m else None
        return form[0] if form else None

    def _located(self, start: int) -> bool:
        """Whether a preposition of place stands right before ``start``: "talks in Oslo ended"."""
        if start == 0 or not self.text[start - 1].isspace():
            return False
        rev = self._rev
        n = len(rev)
        m = self.pat.rev_lower.match(rev, n - start, n - max(0, start - 12))
        if m is None or m.group(1)[::-1] not in _WHERE_PREPOSITIONS:
            return False
        # "officials in Lima said": the people of the capital speak for their state
        at = n - m.end()
        return self.low[max(0, at - 12) : at].rstrip().rsplit(" ", 1)[-1] not in _SPOKESPEOPLE

    def _targeted(self, start: int, depth: int = 0) -> bool:
        """Whether a verb or preposition before a country makes it a target: "urged the Netherlands"."""
        if start == 0 or not self.text[start - 1].isspace():
            return False
        if depth < 6 and self.text.startswith(", ", start - 2):
            # "by the United States, Britain, France and Germany": a list item after a targeted one
            i = bisect.bisect_right(self.place_ends, start - 2) - 1
            if i >= 0 and self.places[i][1] == start - 2:
                return self._targeted(self.places[i][0], depth + 1)
        # the lower-case word before, read in the reversed text within 25 characters
        rev = self._rev
        n = len(rev)
        rend = n - max(0, start - 25)
        back = self.pat.rev_lower.match
        m = back(rev, n - start, rend)
        if m is None:
            return False
        word = m.group(1)[::-1]
        at = n - m.end()
        if word == "the":
            m2 = back(rev, m.end(), rend)
            if m2 is not None and m2.group(1):
                word = m2.group(1)[::-1]
                at = n - m2.end()
        if word in ("with", "between"):
            # a partner of talks or a deal: "signed an accord with Chile", "talks between Peru and ..."
            context = self.low[max(0, at - 30) : at]
            return any(stem in context for stem in self.lex.with_events)
        if word in ("on", "upon", "to"):
            # "called on Kenya and Uganda to ...": the phrasal verb's target; "sanctions on Chile",
            # "$5m in aid to Chile": the target or recipient of what the noun before names
            before = self.low[max(0, at - 12) : at - 1].rsplit(" ", 1)[-1]
            if word != "to" and before in _CALLED_ON:
                return True
            if word == "to" and before in _ADDRESSED_TO:
                return True  # "protested to Chile", "apologised to Peru
            return before in (self.lex.recipient_nouns if word == "to" else self.lex.penalty_nouns)
        if word == "and" and depth < 6:
            # the second of "between Peru and Chile": as targeted as the first
            i = bisect.bisect_right(self.place_ends, at) - 1
            if i >= 0 and self.text[self.places[i][1] : at].strip(" ,") == "":
                return self._targeted(self.places[i][0], depth + 1)
            return False
        if word == "of":
            # "the foreign ministers of Chile and Peru": the states whose people act
            return self.low[max(0, at - 16) : at - 1].rsplit(" ", 1)[-1] in _PEOPLE_OF
        if word == "at":
            # "lashed out at Chile", "hit back at Peru": the target of the outburst
            return self.low[max(0, at - 8) : at - 1].rsplit(" ", 1)[-1] in ("out", "back")
        if word == "in":
            # "closed its embassy in Lima": the state the mission is accredited to
            return _MISSION_IN.search(self.low, max(0, at - 50), at) is not None
        if word == "from":
            # "recalled its ambassador from Lima": the state the envoy leaves is the target
            return _RECALLED_FROM.search(self.low, max(0, at - 70), at) is not None
        if word == "by":
            # "was accused by Chile": the agent of a passive acts, as does the author of an act
            # ("any attempt by Chile", "a proposal by Peru")
            if _PASSIVE_BY.search(self.low, max(0, at - 40), at) is not None:
                return _STATIVE_BY.search(self.low, max(0, at - 20), at + 3) is None
            return self.low[max(0, at - 14) : at - 1].rsplit(" ", 1)[-1] in _ACT_NOUNS_BY
        return word in self.lex.target_verbs

    # ---------------------------------------------------------------- countries and output
    def _finish(self, persons: list[_Person], groups: list[_Group]) -> list[Actor]:
        text = self.text
        counts: dict[str, int] = Counter([place[2] for place in self.places])
        dominant = max(counts, key=counts.__getitem__) if counts else None
        # persons by name and name word, built when a possessor needs it (few titles have one)
        by_name: dict[str, _Person] | None = None
        for p in persons:
            if p.title is not None:
                self._qualify(p.title)
        self._own_places(persons)
        resolved: list[tuple[_Person, str | None, str | None, str | None, bool]] = []  # title role cameo
        bylines = [m.span() for m in _BYLINE.finditer(text)] if " by " in text else []
        if "By " in text[:_HEAD_LINES]:
            bylines += [m.span() for m in _TOP_BYLINE.finditer(text, 0, _HEAD_LINES)]
        # country in order: the title's words, the name's own words, the roster, possessors, context
        for p in persons:
            t = p.title
            entries = self.lex.roster.get(_key(p.name), [])
            entry = self._roster(entries) if entries else None
            covering = self._covering(entries) if entries else None
            igo = False
            country = None
            if t is not None:
                igo = t.igo
                country = t.country
            country = country or p.country
            if country is None and not igo and entry is not None:
                country = entry.country
                igo = entry.country is None
            if country is None and not igo and t is not None:
                if t.possessor:
                    if by_name is None:
                        by_name = {q.name: q for q in persons}
                        for q in persons:
                            for w in q.name.split(" "):
                                by_name.setdefault(w, q)
                    owner = by_name.get(t.possessor)
                    if owner is not None and owner is not p:
                        country = owner.country or (t.country if owner.title is None else owner.title.country)
                    if country is None:
                        country = countries.country_code(t.possessor) or countries.capital_country(
                            t.possessor
                        )
                if country is None and t.info.country and not (t.info.weak and t.text[:1].islower()):
                    country = t.info.country  # "Secretary of State", "Representative": a national office
                if country is None and t.info.role == "ambassador" and p.near_capital and len(counts) > 1:
                    # "their ambassadors - X in Washington": an envoy in a capital serves another country
                    others = sorted((c for c in counts if c != p.near_capital), key=lambda c: -counts[c])
                    country = others[0] if others else None
                if country is None and t.info.role in _ENVOY_ROLES:
                    country = self._earlier_envoy(t)
                if country is None and t.pronoun:
                    country, igo = self._antecedent(t.start, t.ext_start)
                if country is None and t.ext_start < t.start:
                    country = self._bare_body_country(t)
            if country is None and not igo:
                # a relative shares the surname: "first lady Ann Hale"
                last = p.name.rsplit(" ", 1)[-1]
                for q in persons:
                    if q is not p and q.country and q.name.rsplit(" ", 1)[-1] == last:
                        country = q.country
                        break
            if country is None and not igo:
                # places that say whose before places that merely say where or are another's
                avoid = {c for c in (t.host if t else None, p.near_capital if t and t.host else None) if c}
                other = self._counterpart_country(p.start)
                if other:
                    avoid.add(other)  # "X had not met his Chilean counterpart": X is no Chilean
                country = (
                    self._sentence_country(p.start, avoid, before=True, who=p)
                    or self._recent_country(
                        p.start, avoid, t is not None and t.info.role == "spokesperson", p
                    )
                    or self._colleague_country(p, persons, avoid)
                    or self._home_country(persons, avoid)
                    or self._dateline_country(p, avoid)
                    or self._main_country(avoid)
                    or self._sentence_country(p.start)
                    or self._recent_country(p.start)
                    or dominant
                )
            if (
                bylines
                and (t is None or t.country is None)
                and all(any(a <= ms < b for a, b in bylines) for ms, _me in p.mentions)
            ):
                country = None  # "(Reporting by Ana Ruiz in Lima)": a journalist, of no side
            p.country = country
            title = t.text if t is not None else None
            role = t.info.role if t is not None else None
            if role in ("head_of_state", "head_of_government") and t is not None and _DEPUTY.match(t.text):
                role = f"deputy_{role}"  # "deputy chairman", "vice president": not the head
            cameo = t.info.cameo if t is not None else None
            former = bool(t and t.former)
            if entry is not None and self.published is not None:
                if (t is None or t.info.role == "official") and covering is not None:
                    title, role = covering.title, covering.role
                    cameo = cameo or "GOV"
                elif t is None:
                    title, role, cameo = entry.title, entry.role, "GOV"
                if (
                    covering is None
                    and (t is None or t.info.role == entry.role)
                    and all(x.end is not None and x.end < self.published for x in entries)
                ):
                    former = True
            elif entry is not None and t is None:
                title, role, cameo = entry.title, entry.role, "GOV"
            if igo and cameo == "GOV":
                cameo = "IGO"
            resolved.append((p, title, role, cameo, former))
        if self._parties:
            self._party_countries(persons)
        if self._bodies:
            groups = groups + self._anaphoric_bodies(persons, groups)
        # title-only references: linked to the named holder of the office, or nameless
        holders_by_role: dict[str, list[_Person]] = {}
        for p in persons:
            if p.title is not None:
                holders_by_role.setdefault(p.title.info.role, []).append(p)
        nameless: dict[tuple[str, str | None], list[_TitleHit]] = {}
        title_holder = {p.title.start: p for p in persons if p.title is not None}
        starts = {ms: p for p in persons for ms, _me in p.mentions}
        for t in self.titles:  # a title right before a later mention of a person is theirs too
            if t.used and t.start not in title_holder:
                m = _HONORIFIC_GAP.match(self.text, t.end)
                if m is not None and m.end() in starts:
                    title_holder[t.start] = starts[m.end()]
        for t in self.titles:
            if t.used or t.plural or t.info.weak:
                continue
            both = _AND_TITLE.match(self.text, t.end)
            if both is not None and both.end() in title_holder:
                # "Prime Minister and Foreign Minister X": X holds both offices
                title_holder[both.end()].mentions.append((t.start, t.end))
                continue
            self._qualify(t)
            if t.possessor:
                continue
            deputy = bool(_DEPUTY.match(t.text))
            whose = t.country
            if whose is None and t.pronoun:
                whose = self._antecedent(t.start, t.ext_start)[0]  # "Lima recalled its ambassador"
            holders = [
                p
                for p in holders_by_role.get(t.info.role, ())
                if (whose is None or p.country == whose)
                # "the foreign minister" is not the deputy foreign minister named before
                and bool(_DEPUTY.match(p.title.text if p.title else "")) == deputy
            ]
            if len(holders) == 1 and (t.country is not None or t.info.role != "head_of_state"):
                holders[0].mentions.append((t.start, t.end))
                continue
            if t.country is not None and not holders:
                nameless.setdefault((t.info.role, t.country), []).append(t)
        out: list[Actor] = []
        actor, mention = _makers()
        for p, title, role, cameo, former in resolved:
            ms = p.mentions
            out.append(
                actor(
                    p.name,
                    "person",
                    title,
                    p.country,
                    former,
                    tuple([mention(s, e, text[s:e]) for s, e in sorted(set(ms))]),
                    role,
                    cameo,
                    tuple(sorted([a for a in p.aliases if a != p.name])) if p.aliases else (),
                )
            )
        for (role, nation), hits in nameless.items():
            h = hits[0]
            out.append(
                actor(
                    None,
                    "person",
                    h.text,
                    nation,
                    h.former,
                    tuple([mention(x.start, x.end, x.text) for x in hits]),
                    role,
                    h.info.cameo,
                    (),
                )
            )
        for g in groups:
            if not g.mentions:
                continue
            out.append(
                actor(
                    g.name,
                    g.kind,
                    None,
                    g.country,
                    False,
                    tuple([mention(s, e, text[s:e]) for s, e in sorted(set(g.mentions))]),
                    None,
                    g.cameo or ("IGO" if g.kind == "organization" and g.country is None else "GOV"),
                    tuple(sorted(g.aliases)) if g.aliases else (),
                )
            )
        out.sort(key=lambda a: a.mentions[0].start)
        return out

    def _party_countries(self, persons: list[_Person]) -> None:
        """The country of a party in apposition: its possessor's ("Okello's party", "his party")."""
        text = self.text
        owners = sorted((s, e, p) for p in persons if p.country for s, e in p.mentions)
        starts = [o[0] for o in owners]
        for g, noun in self._parties:
            j = noun
            while j > 0 and text[j - 1] == " ":
                j -= 1
            k = j
            while k > 0 and not text[k - 1].isspace():
                k -= 1
            word = text[k:j]
            iso: str | None = None
            if word.lower() in ("his", "her"):
                # the person named last before, in the same or the previous sentence
                si = self.an.sentence_index(k)
                lo = self.an.sentences[si - 1].start if si > 0 else 0
                i = bisect.bisect_left(starts, k) - 1
                if i >= 0 and owners[i][0] >= lo:
                    iso = owners[i][2].country
            elif word.endswith(("'s", "’s")):
                i = bisect.bisect_right(starts, k) - 1
                if i >= 0 and owners[i][1] >= j - 2:
                    iso = owners[i][2].country  # "Ana Ruiz's party": the mention covers the word
                else:
                    f = self.lex.forms.get(word[:-2])
                    iso = f[0] if f is not None and f[1] == "country" else None
            g.country = g.country or iso

    def _anaphor(self, s: int, e: int) -> bool:
        """Whether a body hit is "the ministry" / "his government": a body named without a country,
        neither qualified after ("the government of ...") nor the start of a title."""
        text = self.text
        key = text[s:e].lower()
        if "ministry" not in key and key not in _ANAPHORIC_BODIES:
            return False
        k = s - 1
        while k > 0 and text[k - 1].isalpha():
            k -= 1
        if k < 0 or text[k : s - 1].lower() not in _ANAPHOR_DETERMINERS or text[s - 1] != " ":
            return False
        if text.startswith(" of ", e) or text[e : e + 1].isalnum():
            return False
        i = bisect.bisect_left(self._title_starts, e)
        return not (i < len(self._title_starts) and self._title_starts[i] <= e + 2)

    def _anaphoric_bodies(self, persons: list[_Person], groups: list[_Group]) -> list[_Group]:
        """ "Foreign Minister X of Chile ... The ministry said": a body named without a country is the
        one named or implied just before, when that is clear: every antecedent in the same or the
        previous sentence (a ministry of the same kind: in the paragraph) is of one country, or the
        nearest is a body of the same kind. New bodies are returned; found ones get a mention."""
        text, an = self.text, self.an
        loose = [(s, e) for s, e, g in self._bodies if g is None and self._anaphor(s, e)]
        if not loose:
            return []
        # antecedents: (end, country, group or None, person's role or None)
        ants: list[tuple[int, str, _Group | None, str | None]] = []
        lo_all = an.paragraphs[max(0, an.paragraph_index(loose[0][0]) - 1)].start if an.paragraphs else 0
        hi_all = loose[-1][0]
        for p in persons:
            if p.country:
                role = p.title.info.role if p.title is not None else None
                ants.extend((me, p.country, None, role) for _ms, me in p.mentions if lo_all <= me <= hi_all)
        for g in groups:
            if g.country:
                ants.extend((me, g.country, g, None) for _ms, me in g.mentions if lo_all <= me <= hi_all)
        ants.sort(key=lambda a: a[0])
        ends = [a[0] for a in ants]
        made: dict[str, _Group] = {}
        for s, e in loose:
            key = text[s:e].lower()
            core = "ministry" if "ministry" in key else key
            si = an.sentence_index(s)
            lo = an.sentences[si - 1].start if si > 0 else 0
            pi = an.paragraph_index(s)
            body_lo = min(lo, an.paragraphs[pi].start) if pi >= 0 else lo
            cands: list[tuple[int, str, _Group | None, str | None]] = []
            i = bisect.bisect_right(ends, s) - 1
            owned = text[max(0, s - 4) : s].lower() in ("its ", "eir ")  # "its ministry": an owner's
            while i >= 0 and ants[i][0] >= body_lo:
                a = ants[i]
                i -= 1
                ag = a[2]
                if (
                    owned
                    and a[0] >= lo
                    and ag is not None
                    and (ag.kind == "state" or "government" in (ag.name or "").lower())
                ):
                    cands.append(a)  # "The Peruvian government ... Its foreign ministry"
                    continue
                same_body = ag is not None and ag.kind == "organization" and core in (ag.name or "").lower()
                if a[0] < lo and not same_body:
                    continue
                if ag is not None and ag.kind == "organization" and not same_body:
                    continue
                if (
                    ag is None
                    and core == "ministry"
                    and not (a[3] and ("minister" in a[3] or a[3] == "spokesperson"))
                ):
                    continue
                cands.append(a)
            if not cands:
                continue
            nearest = cands[0]
            iso = nearest[1]
            near_body = nearest[2] is not None and nearest[2].kind == "organization"
            if len({c[1] for c in cands}) > 1 and not near_body:
                continue  # two countries and no body of the same kind: not clear
            start = s - 4 if text[s - 4 : s].lower() == "the " else s
            target = nearest[2] if near_body else None
            if target is None:
                # a body of this kind and country named before ("Chile's foreign ministry")
                for g in groups:
                    if (
                        g.kind == "organization"
                        and g.country == iso
                        and core in (g.name or "").lower()
                        and g.mentions
                        and g.mentions[0][0] < s
                    ):
                        target = g
                        break
            if target is None:
                name = key
                roles = {c[3] for c in cands if c[1] == iso}
                if key == "ministry" and "foreign_minister" in roles:
                    name = "foreign ministry"
                elif key == "ministry" and "defence_minister" in roles:
                    name = "defence ministry"
                name = f"{countries.country_name(iso) or iso}'s {name}"
                target = made.get(name.lower())
                if target is None:
                    target = made[name.lower()] = _Group(name, "organization", iso, [])
            target.mentions.append((start, e))
        return list(made.values())

    def _covering(self, entries: list[RosterEntry]) -> RosterEntry | None:
        d = self.published
        if d is None:
            return None
        for e in entries:
            if (e.start is None or e.start <= d) and (e.end is None or d <= e.end):
                return e
        return None

    def _roster(self, entries: list[RosterEntry]) -> RosterEntry | None:
        if not entries:
            return None
        d = self.published
        if d is None:
            return max(entries, key=lambda e: e.start or dt.date.min)
        covering = self._covering(entries)
        if covering is not None:
            return covering
        before = [e for e in entries if e.start is None or e.start <= d]
        if before:
            return max(before, key=lambda e: e.start or dt.date.min)
        return entries[0]

    def _own_places(self, persons: list[_Person]) -> None:
        """Note the places that qualify a person's title ("Indian Ambassador X", "Chile's envoy, X")."""
        places, owned = self.places, self._owned
        for p in persons:
            t = p.title
            if t is None or t.ext_start < 0 or t.ext_start >= t.start:
                continue
            i = bisect.bisect_left(places, (t.ext_start,))
            while i < len(places) and places[i][0] < t.start:
                owned[places[i][0]] = p
                i += 1

    def _colleague_country(self, p: _Person, persons: list[_Person], avoid: set[str]) -> str | None:
        """For a head of state or government or a deputy without a country: the one country of the
        others of that rank named before in the paragraph ("met Premier X ... did not meet President
        Y ... a meeting with Vice President Z")."""
        t = p.title
        if t is None or t.info.role not in _LEADER_ROLES:
            return None
        lo = self.an.paragraphs[self.an.paragraph_index(p.start)].start
        found: set[str] = set()
        for q in persons:
            if (
                q is not p
                and q.country is not None
                and q.title is not None
                and q.title.info.role in _LEADER_ROLES
                and any(lo <= s < p.start for s, _e in q.mentions)
            ):
                found.add(q.country)
        return found.pop() if len(found) == 1 and not found & avoid else None

    def _dateline_country(self, p: _Person, avoid: set[str]) -> str | None:
        """For a leader or minister nothing nearer places: the country of the dateline ("QUITO - ...",
        "QUITO, May 2 -"), as reporters leave the government of the country they file from
        unlabelled. It comes after the document's home side (``_home_country``)."""
        role = p.title.info.role if p.title is not None else ""
        if role not in _LEADER_ROLES and not role.endswith("minister"):
            return None
        if self._dateline is _UNSEEN:
            self._dateline = None
            text, forms = self.text, self.lex.forms
            for para in self.an.paragraphs[:6]:
                m = _DATELINE.match(text, para.start, para.end)
                if m is not None:
                    f = forms.get(m.group(1)) or forms.get(m.group(1).title())
                    self._dateline = f[0] if f is not None else None
                    break
        iso: str | None = self._dateline
        return None if iso in avoid else iso

    def _home_country(self, persons: list[_Person], avoid: set[str]) -> str | None:
        """The side whose officials the article names without a country: a country named about as
        often as the most named one, none of whose officials' titles it qualifies ("Foreign Minister
        X met Indian Ambassador Y": reporters name the foreign side, not their own)."""
        ranked = self._home_ranked
        if ranked is None:
            self._main_country(avoid)  # fills the counts
            counts = self._strong_counts or {}
            qualified = {
                self.places[i][2]
                for i in range(len(self.places))
                if (q := self._owned.get(self.places[i][0])) is not None
                and q.title is not None
                and q.title.info.cameo in _OFFICIAL_CAMEOS
            }
            # every official title a country qualifies, held by a named person or not
            # ("summoned Russia's ambassador")
            for t in self.titles:
                if t.info.cameo in _OFFICIAL_CAMEOS and not t.info.weak:
                    self._qualify(t)
                    if t.country is not None and not t.igo:
                        qualified.add(t.country)
            # one of the two sides named most (ties included)
            second = sorted(set(counts.values()), reverse=True)[1:2] or [0]
            ranked = self._home_ranked = sorted(
                (c for c, k in counts.items() if c not in qualified and k >= 2 and k >= second[0]),
                key=lambda c: -counts[c],
            )
            if not qualified:
                ranked.clear()  # no foreign side is marked: the plain counts decide
        return next((c for c in ranked if c not in avoid), None)

    def _main_country(self, avoid: set[str]) -> str | None:
        """The country named most often as whose (not merely where), counted once per document."""
        counts = self._strong_counts
        if counts is None:
            counts = self._strong_counts = {}
            for s, e, iso, _k in self.places:
                if not self._weak_place(s, e):
                    counts[iso] = counts.get(iso, 0) + 1
        return max((c for c in counts if c not in avoid), key=lambda k: counts[k], default=None)

    def _where(self, place: _Place) -> bool:
        """Whether a place says where (after "in", "at" ..., of any case) rather than whose."""
        before = self.text[max(0, place[0] - 12) : place[0]].split()
        return (bool(before) and before[-1].lower() in _LOCATIVE) or self._weak_place(place[0], place[1])

    def _weak_place(self, s: int, e: int) -> bool:
        """Whether a place says where rather than whose: "talks in Brussels", "flown to Tehran",
        or a possessive before a plain noun ("Kigali's refusal", "Oman's foreign ministry")."""
        text = self.text
        if text[e : e + 1] in ("'", "’"):
            j = e + 2 if text[e + 1 : e + 2] == "s" else e + 1
            while j < len(text) and text[j] == " ":
                j += 1
            if text[j : j + 1].islower():
                # a title or a body after it is the country's: "Oman's foreign ministry"
                i = bisect.bisect_left(self._title_starts, j)
                if i < len(self._title_starts) and self._title_starts[i] == j:
                    return False
                i = bisect.bisect_left(self.body_hits, (j,))
                return not (i < len(self.body_hits) and self.body_hits[i][0] == j)
            return False
        k = s
        while k > 0 and text[k - 1] == " ":
            k -= 1
        if k == s or k < 2:
            return False
        f = self.lex.forms.get(text[s:e])
        if f is not None and f[1] == "demonym":
            return False  # "a report in Chilean media": an adjective says whose, never where
        j = k
        while j > 0 and k - j < 8 and text[j - 1].isalpha():
            j -= 1
        return text[j:k] in _LOCATIVE and (j == 0 or not text[j - 1].isalnum())

    def _others(self, s: int, who: _Person | None) -> bool:
        """Whether a place is another's: it qualifies another person's title ("Indian Ambassador X")
        or a verb makes it a target ("urging China", "visited Peru")."""
        owner = self._owned.get(s)
        if owner is not None and owner is not who and owner.title is not None:
            # an envoy or a counterpart serves another side; so does a second holder of one's own role
            role = owner.title.info.role
            if (
                role in _ENVOY_ROLES
                or owner.title.text.lower() == "counterpart"
                or (who is not None and who.title is not None and who.title.info.role == role)
            ):
                return True
        return self._targeted(s)

    def _bare_body_country(self, t: _TitleHit) -> str | None:
        """ "... the Chilean foreign ministry said. ... ministry spokesman X": a title led by a body's
        words without a country speaks for the body of that kind last named with one, nearby."""
        i = bisect.bisect_left(self.body_hits, (t.ext_start,))
        if i >= len(self.body_hits) or self.body_hits[i][0] >= t.start:
            return None
        s, e = self.body_hits[i]
        key = self.text[s:e].lower()
        core = "ministry" if "ministry" in key else key
        best: tuple[int, str] | None = None
        for bs, _be, g in self._bodies:
            if (
                bs < s
                and g is not None
                and g.country
                and bs >= s - _BODY_REACH
                and core in (g.name or "").lower()
            ):
                best = (bs, g.country)
        for os_, _oe, name, iso in self.org_hits:
            if (
                iso
                and s - _BODY_REACH <= os_ < s
                and core in name.lower()
                and (best is None or os_ > best[0])
            ):
                best = (os_, iso)
        return best[1] if best else None

    def _recent_country(
        self, pos: int, avoid: set[str] | None = None, spokes: bool = False, who: _Person | None = None
    ) -> str | None:
        """The country of the nearest place or national body named before ``pos``; with ``avoid``,
        only places of the same paragraph that say whose for ``who``, and none of the countries
        avoided (a spokesperson, ``spokes``, still speaks for the last national body named before)."""
        best: tuple[int, str] | None = None
        lo = org_lo = pos - 400
        if avoid is not None:
            lo = max(lo, self.an.paragraphs[self.an.paragraph_index(pos)].start)
            if not spokes:
                org_lo = lo
        for s, e, iso, kind in self._places_before(pos, pos - lo):
            if kind != "demonym" and (
                avoid is None
                or (iso not in avoid and not self._weak_place(s, e) and not self._others(s, who))
            ):
                best = (e, iso)
                break
        for _s, e, _name, org_iso in self.org_hits:
            if (
                org_iso
                and org_lo <= e <= pos
                and (best is None or e > best[0])
                and org_iso not in (avoid or ())
            ):
                best = (e, org_iso)
        return best[1] if best else None

    def _sentence_country(
        self, pos: int, avoid: set[str] | None = None, before: bool = False, who: _Person | None = None
    ) -> str | None:
        """The first place of the sentence; with ``avoid``, the first that says whose for ``who`` and
        is none of the countries avoided; with ``before``, only a place named before ``pos`` (one named
        after a speaker is more often what they spoke of: "X said the governments of Y ...")."""
        sent = self.an.sentence_at(pos)
        if sent is None:
            return None
        places = self.places
        i = bisect.bisect_left(places, (sent.start,))
        stop = pos if before else sent.end
        while i < len(places) and places[i][0] < stop:
            s, e, iso, _k = places[i]
            if avoid is None or (
                iso not in avoid and not self._weak_place(s, e) and not self._others(s, who)
            ):
                return iso
            i += 1
        return None

    def _earlier_envoy(self, t: _TitleHit) -> str | None:
        """The country of an earlier envoy title no one holds: "summoned Chinese envoys ... called in
        Ambassador X", "an Iranian diplomat ... the diplomat, X"."""
        best: str | None = None
        for u in self.titles:
            if u.start >= t.start:
                break
            if u is t or u.start < t.start - 1500 or u.info.role not in _ENVOY_ROLES:
                continue
            if u.used and not u.plural:
                continue
            self._qualify(u)
            if u.country is not None:
                best = u.country
        return best

    def _antecedent(self, pos: int, pronoun: int = -1) -> tuple[str | None, bool]:
        """The country of what "its"/"their" at ``pos`` refers to: the nearest body or state named
        before it (an international body gives none), a place that only says where skipped."""
        if 0 <= pronoun < pos and self.text[pronoun : pronoun + 1].isupper():
            # "Its spokesman" opening a sentence: the subject of the sentence before, which the
            # first country word of that sentence qualifies ("The Peruvian ministry said ...")
            k = self.an.sentence_index(pronoun)
            if k > 0:
                prev = self.an.sentences[k - 1]
                hi = min(prev.end, prev.start + 40)
                body = next((o for o in self.org_hits if prev.start <= o[0] < hi), None)
                i = bisect.bisect_left(self.places, (prev.start,))
                while i < len(self.places) and self.places[i][0] < hi and self._where(self.places[i]):
                    i += 1  # "In Lima on Monday, ...": a place that says where is no subject
                place = self.places[i] if i < len(self.places) and self.places[i][0] < hi else None
                if body is not None and (place is None or body[0] < place[0]):
                    return body[3], body[3] is None  # "The European Union said ... Its spokesman"
                if place is not None:
                    return place[2], False
        best: tuple[int, str | None] | None = None
        for s, e, iso, kind in self._places_before(pos, 400):
            if kind != "demonym" and not self._weak_place(s, e):
                best = (e, iso)
                break
        for _s, e, _name, org_iso in self.org_hits:
            if pos - 400 <= e <= pos and (best is None or e > best[0]):
                best = (e, org_iso)
        if best is None:
            return None, False
        return best[1], best[1] is None


@hookimpl(trylast=True)
def extract_actors(document: Document, analysis: Analysis, knowledge: Knowledge) -> list[Actor]:
    """The built-in officials, organizations and states extractor."""
    return find_actors(document.text, document.published, analysis, knowledge)
