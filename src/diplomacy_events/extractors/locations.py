"""Places: every gazetteer name in the text, filtered by context and resolved to one place.

One scan of the text with the gazetteer's automaton finds every surface form; a match must
start and end on a word boundary, and the leftmost-longest match wins an overlap. Context then
removes what is not a place: a name inside an organization or a publication ("Bank of
England", "South China Morning Post"), a person ("Lloyd Austin", "Mr Jordan", and "Austin"
alone once the full name has been seen), and small towns that are also English words or
given names unless "in"/"at"/"near" or a ", State" qualifier says otherwise. Each remaining
mention is resolved among the places of that name by population, capital status and the
document's other places (its countries and states, "Paris, Texas"). A country or capital used
as an actor ("Beijing said") is kept and flagged as a metonym. A short pattern adds venues
named by their kind ("the Ritz hotel", "Kansai airport", "Villa Madama").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from itertools import accumulate
from operator import itemgetter

from diplomacy_events.gazetteer import ADMIN2, CAPITAL, EXTRA, WORD, Gazetteer, Place, get_gazetteer
from diplomacy_events.hookspecs import hookimpl
from diplomacy_events.lexicon import EMPTY, GazetteerEntry, Knowledge
from diplomacy_events.models import Document, Location, Mention, direct_constructor
from diplomacy_events.text import Analysis

__all__ = ["PlaceLookup", "extract_locations", "find_locations"]

PlaceLookup = Callable[[str], Iterable[tuple[int, int, GazetteerEntry]]]
"""A plugin resolver: given the text, the ``(start, end, place)`` of each place name it knows.

Registered in ``Knowledge.place_lookups`` (read when that attribute exists); its places replace
the built-in reading of any name they overlap."""
_KIND_NAMES = frozenset(["country", "city", "region", "venue", "continent", "other"])

# Capitalised words that make the name before or around them an organization or a title.
_ORG_HEADS = frozenset(
    [
        "Post",
        "Times",
        "Herald",
        "Journal",
        "News",
        "Daily",
        "Tribune",
        "Gazette",
        "Telegraph",
        "Chronicle",
        "Observer",
        "Standard",
        "Review",
        "Magazine",
        "Radio",
        "Television",
        "TV",
        "Broadcasting",
        "Press",
        "Bank",
        "University",
        "College",
        "Institute",
        "School",
        "Academy",
        "Airlines",
        "Airways",
        "Air",
        "Forces",
        "Force",
        "Command",
        "Fund",
        "Ltd",
        "Ltd.",
        "Inc",
        "Inc.",
        "Corp",
        "Corp.",
        "Corporation",
        "Company",
        "Co.",
        "Group",
        "Holdings",
        "Club",
        "FC",
        "Exchange",
        "Council",
        "Committee",
        "Association",
        "Foundation",
        "Society",
        "Party",
        "Agency",
        "Organization",
        "Organisation",
        "Authority",
        "Federation",
        "Union",
        "League",
        "Alliance",
        "Treaty",
        "Accord",
        "Accords",
        "Agreement",
        "Convention",
        "Protocol",
        "Declaration",
        "Initiative",
        "Dialogue",
        "Forum",
        "Statement",
        "Voice",
        "Olympics",
        "Games",
        "Cup",
        "Motors",
        "Electric",
        "Energy",
        "Oil",
        "Petroleum",
        "Telecom",
        "Airport",
        "Airlines",
        "Stock",
    ]
)
# The words before a name that may make it part of an organization's name (see _in_org).
_ORG_LEADS = _ORG_HEADS | {"of", "for"}
# Capitalised words after a town's name that make a local body of it, not a person's name.
_CIVIC = frozenset(
    [
        "Fire",
        "Police",
        "City",
        "Town",
        "Township",
        "Village",
        "Public",
        "Schools",
        "County",
        "Area",
        "Regional",
        "Municipal",
        "Community",
        "High",
        "Middle",
        "Elementary",
        "Memorial",
        "Medical",
        "Hospital",
        "Library",
        "Board",
        "Chamber",
        "Commission",
        "Planning",
        "Parks",
        "Water",
        "Housing",
        "Rescue",
        "Sheriff",
        "Zoo",
        "Museum",
        "Church",
        "Street",
        "Road",
        "Avenue",
        "Drive",
        "Boulevard",
        "Lane",
        "Park",
        "River",
        "Lake",
        "Creek",
        "Valley",
        "Station",
        "District",
        "Civic",
        "Court",
        "Theater",
        "Theatre",
        "Center",
        "Centre",
        "Farms",
    ]
)
# Lowercase nouns after a name that make it the name of an event, a text or a body.
_ORG_NOUNS = frozenset(
    ["dialogue", "newspaper", "agency", "accord", "accords", "agreement", "declaration", "daily"]
)
# Words that introduce a person's name.
_TITLES = frozenset(
    [
        "Mr",
        "Mr.",
        "Mrs",
        "Mrs.",
        "Ms",
        "Ms.",
        "Miss",
        "Dr",
        "Dr.",
        "Prof",
        "Prof.",
        "Professor",
        "Sir",
        "Dame",
        "Lord",
        "Lady",
        "Sen.",
        "Senator",
        "Rep.",
        "Representative",
        "Gov.",
        "Governor",
        "President",
        "Secretary",
        "Minister",
        "Premier",
        "Chancellor",
        "Ambassador",
        "Envoy",
        "General",
        "Gen.",
        "Lt.",
        "Col.",
        "Maj.",
        "Capt.",
        "Sgt.",
        "Adm.",
        "Admiral",
        "Cmdr.",
        "Commander",
        "Judge",
        "Justice",
        "Sheikh",
        "Sheik",
        "King",
        "Queen",
        "Prince",
        "Princess",
        "Emperor",
        "Pope",
        "Rev.",
        "Father",
        "Mayor",
        "Chairman",
        "Chairwoman",
        "Spokesman",
        "Spokeswoman",
        "Coach",
        "Detective",
        "Officer",
        "Deputy",
        "Speaker",
        "Leader",
        "Chief",
        "Director",
        "Counsel",
        "Attorney",
        "Mrs",
        "Madam",
        "Mme",
        "Monsieur",
        "Herr",
        "Frau",
        "Senora",
        "Senor",
    ]
)
_WEEK_MONTHS = frozenset(
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
)
_CUES = frozenset(
    [
        "in",
        "at",
        "near",
        "from",
        "to",
        "outside",
        "inside",
        "across",
        "toward",
        "towards",
        "via",
        "visit",
        "visited",
    ]
)
_LOCATIVE = frozenset(["in", "at", "near", "outside", "inside"])
# Verbs after which a country, capital or seat of government acts ("Beijing said").
_METONYM_VERBS = frozenset(
    [
        "said",
        "says",
        "say",
        "urged",
        "urges",
        "urge",
        "sees",
        "saw",
        "see",
        "warned",
        "warns",
        "warn",
        "accused",
        "accuses",
        "wants",
        "wanted",
        "insisted",
        "insists",
        "denied",
        "denies",
        "rejected",
        "rejects",
        "demanded",
        "demands",
        "called",
        "calls",
        "claimed",
        "claims",
        "announced",
        "announces",
        "responded",
        "responds",
        "hopes",
        "hoped",
        "believes",
        "believed",
        "refused",
        "refuses",
        "agreed",
        "agrees",
        "expelled",
        "expels",
        "summoned",
        "summons",
        "imposed",
        "imposes",
        "threatened",
        "threatens",
        "condemned",
        "condemns",
        "criticised",
        "criticized",
        "criticises",
        "criticizes",
        "welcomed",
        "welcomes",
        "argued",
        "argues",
        "maintains",
        "maintained",
        "views",
        "considers",
        "fears",
        "feared",
        "pushed",
        "pushes",
        "seeks",
        "sought",
        "needs",
        "must",
        "will",
        "would",
        "could",
        "can",
        "should",
        "has",
        "have",
        "had",
        "did",
        "does",
        "cannot",
        "retaliated",
        "protested",
        "protests",
        "vowed",
        "vows",
        "pledged",
        "pledges",
        "promised",
        "promises",
        "declined",
        "declines",
        "recalled",
        "recalls",
        "sent",
        "sends",
        "signed",
        "signs",
        "backed",
        "backs",
        "supported",
        "supports",
        "opposed",
        "opposes",
        "blamed",
        "blames",
        "insisted",
        "warned",
        "wants",
        "hit",
        "slammed",
        "dismissed",
        "accepted",
        "announced",
        "decided",
        "decides",
        "asked",
        "asks",
        "told",
        "tells",
        "sanctioned",
        "launched",
        "approved",
    ]
)
# Capitalised words that may stand before a place name without making it a person's name.
_PLACE_LEAD = frozenset(
    [
        "North",
        "South",
        "East",
        "West",
        "Northern",
        "Southern",
        "Eastern",
        "Western",
        "Central",
        "Upper",
        "Lower",
        "Greater",
        "Inner",
        "Outer",
        "New",
        "Old",
        "Downtown",
        "Metro",
        "Mainland",
        "Occupied",
        "Coastal",
        "Rural",
        "Urban",
        "Greater",
        "Northeast",
        "Northwest",
        "Southeast",
        "Southwest",
        "Northeastern",
        "Northwestern",
        "Southeastern",
        "Southwestern",
        "Mid",
        "Far",
        "Near",
        "The",
        "A",
        "In",
        "At",
        "On",
        "From",
        "To",
        "And",
        "Of",
        "For",
        "By",
        "With",
        "Since",
        "After",
        "Before",
        "During",
        "As",
        "If",
        "When",
        "While",
        "But",
        "Or",
        "So",
        "Both",
        "Neither",
        "Also",
    ]
)
_STOP_LEAD = frozenset(
    [
        "The",
        "A",
        "An",
        "This",
        "That",
        "These",
        "Those",
        "Its",
        "Their",
        "His",
        "Her",
        "Our",
        "Every",
        "Each",
        "At",
        "In",
        "On",
    ]
)

# A name and a venue noun after it ("Ritz hotel", "Kansai airport", "Jeju island"), or a
# venue word and a name after it ("Villa Madama", "Palais Coburg"). Bounded repetitions only.
_NAME = r"[A-Z][\w’'.&-]*"
_VENUE_HEAD = re.compile(
    r" (hotel|Hotel|airport|Airport|International Airport|palace|Palace|island|Island|district|"
    r"convention cent(?:re|er)|Convention Cent(?:re|er)|stadium|Stadium|building|Building|"
    r"province|prefecture|governorate|Shoal|Reef|Atoll)\b"
)
# Every head above matches this (and a few non-words too): a quicker test of whether any occurs.
_VENUE_HEAD_HINT = re.compile(
    r" [hHaApPiIdcCsSbBgRA]"
    r"(?:otel|irport|nternational Airport|alace|sland|istrict|onvention [cC]ent(?:re|er)|tadium"
    r"|uilding|rovince|refecture|overnorate|hoal|eef|toll)\b"
)
_KIND_OF_KINDS = {
    **dict.fromkeys(("port", "town", "city", "village", "harbour", "harbor"), "city"),
    **dict.fromkeys(("island", "islands", "region", "province", "district", "oblast", "enclave"), "region"),
}
_KIND_OF = re.compile(
    r"\b[Tt]he (" + "|".join(_KIND_OF_KINDS) + r") of ((?:[A-Z][\w’'\-]+)(?: [A-Z][\w’'\-]+){0,2})"
    r"(?![\w’'])(?!['’]s\b)"
)
_VENUE_NAME = re.compile(rf"(?<![\w’'.&-])({_NAME}(?: {_NAME}){{0,3}})$")
_VENUE_BEFORE = re.compile(
    r"\b(Villa|Palais|Palazzo|Palacio|Palácio|Avenida|Chateau|Château|Schloss|Hotel|Hôtel|Plaza|Piazza)"
    rf" ((?:(?:de|du|des|la|le|di|del|da|do|dos) )?{_NAME}(?: {_NAME}){{0,2}})"
)
# The words that open such a venue name: the gazetteer's scan of the capitalised words reports them.
_VENUE_OPENERS = frozenset(
    [
        "Villa",
        "Palais",
        "Palazzo",
        "Palacio",
        "Palácio",
        "Avenida",
        "Chateau",
        "Château",
        "Schloss",
        "Hotel",
        "Hôtel",
        "Plaza",
        "Piazza",
    ]
)
_DATELINE = re.compile(
    r"^([A-Z][A-Z'.-]{2,20}(?: [A-Z][A-Z'.-]{1,20}){0,2})(?:, [A-Z][A-Za-z.]{1,15})?"
    # "QUITO, May 2 (Reuters) -", "CUSCO, Peru, June 3 (AP) —"
    r"(?: \d{1,2}(?:, \d{4})?)?(?:,? [A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)? ?(?:\(\w+\) ?)?[-—–]",
    re.M,
)
# A line that opens with capitals: only there can a dateline begin.
_DATE_HINT = re.compile(r"\n[A-Z][A-Z'.-]{2}")
# A dateline after the headline ("Council meets. SPRINGFIELD, Ill. -- The ..."): read in the head only.
_LEAD_DATELINE = re.compile(
    r"(?<=[.!?:] )([A-Z][A-Z'.-]{2,20}(?: [A-Z][A-Z'.-]{1,20}){0,2})"
    r"(?:, [A-Z][A-Za-z.]{1,8}(?: ?[A-Z][a-z]{0,4}\.)?)? ?(?:\(\w+\) ?)?(?:-|—|–)"
)
_HEAD = 400
_CAPS3 = re.compile(r"[.!?:] [A-Z][A-Z'.-]{2}")
# Where a dateline after the headline may begin (its end), found without overlaps.
_LEAD_HINT = re.compile(r"[.!?:] (?=[A-Z][A-Z'.-]{2})")
# Head nouns that stay in the venue's name, and those that only say what kind of place it is.
_KEEP_HEAD = frozenset(
    ["hotel", "Hotel", "airport", "Airport", "palace", "Palace", "stadium", "Stadium", "building", "Building"]
)
_REGION_HEAD = frozenset(["island", "Island", "district", "province", "prefecture", "governorate"])
# natural features named with their kind: the head is part of the name ("Scarborough Shoal")
_FEATURE_HEAD = frozenset(["Shoal", "Reef", "Atoll"])

# The word after a position; a word of up to four letters takes a full stop after it ("Inc.", "Co.").
# What may follow "Town, ": a state or country name or abbreviation (see _qualifier).
_QCHUNK = re.compile(r"(?:[^\W\d_]|[. ]){0,14}")
_NO_DOT_SPACE = str.maketrans("", "", ". ")
_AFTER = re.compile(r" {1,2}([\w’'-]{1,4}\.|[\w’'-]{1,40})")
# The word before a position, read in the reversed text with one anchored match.
_RBEFORE = re.compile(r" {1,3}([\w.’'-]{1,40})")


class _Ctx:
    """The text and its reverse, to read the words around a name with anchored matches only."""

    __slots__ = ("n", "rev", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.rev = text[::-1]
        self.n = len(text)

    def before(self, start: int) -> tuple[str, int]:
        """The word just before ``start`` (across up to three spaces) and where it starts."""
        if start == 0 or self.text[start - 1] != " ":
            return "", start
        m = _RBEFORE.match(self.rev, self.n - start)
        if m is None:
            return "", start
        return m.group(1)[::-1], self.n - m.end(1)

    def after(self, end: int) -> tuple[str, int]:
        """The word just after ``end`` (across one or two spaces) and where it ends."""
        text = self.text
        if text[end : end + 1] != " ":
            return "", end
        m = _AFTER.match(text, end)
        if m is None:
            return "", end
        return m.group(1), m.end(1)


def _is_cap(word: str) -> bool:
    return bool(word) and word[0].isupper()


def _in_org(ctx: _Ctx, end: int, wb: str, wbs: int, wa: str, wae: int) -> bool:
    """A name that is part of an organization's or a publication's name.

    ``wb``/``wbs`` are the word before the name and where it starts, ``wa``/``wae`` the word
    after it and where that ends.
    """
    # after: "Washington Post", "South China Morning Post", "U.S. Forces Korea"
    w, nxt = wa, wae
    if w in _ORG_NOUNS:
        return True  # "the Raisina dialogue", "the Xinhua news agency"
    pos = end
    for _ in range(4):
        if nxt == pos or not _is_cap(w):
            break
        if w in _ORG_HEADS or w.rstrip(".") in _ORG_HEADS:
            return True
        pos = nxt
        w, nxt = ctx.after(pos)
    # before: "Air China", "Bank of England", "University of California"
    if wb in _ORG_HEADS:
        return True
    if wb in ("of", "for"):
        w2, ws2 = ctx.before(wbs)
        for _ in range(3):
            if w2 in _ORG_HEADS:
                return True
            if not _is_cap(w2) or w2 in _TITLES:
                break
            w2, ws2 = ctx.before(ws2)
    return False


def _qualifier(text: str, end: int, gaz: Gazetteer) -> tuple[int, int, Place] | None:
    """A ", Va." / ", Texas" / ", France" right after a name: its span and the place it names."""
    if text[end : end + 2] != ", ":
        return None
    i = end + 2
    # up to 14 letters, full stops and spaces
    m = _QCHUNK.match(text, i)
    chunk = m.group() if m is not None else ""
    if not chunk.translate(_NO_DOT_SPACE).isalpha():
        j = i  # a rare letter-like sign ("²") or no letter at all: read the chunk letter by letter
        n = len(text)
        while j < n and j - i < 14 and (text[j].isalpha() or text[j] in ". "):
            j += 1
        chunk = text[i:j]
    quals = gaz.qualifiers
    index = gaz.index()
    size = len(chunk)
    # try the longest piece first: "W. Va.", "New Mexico", "N.Y."
    for k in range(size, 0, -1):
        if chunk[k - 1] == " " or (k < size and chunk[k].isalpha()):
            continue  # not a word's end
        piece = chunk[:k]
        idx = quals.get(piece)
        if idx is not None:
            return i, i + k, gaz.place(idx)
        if piece[-1] != ".":
            key = index.get(piece, -1)
            if key >= 0:
                for p, _ in gaz.candidates(key):
                    if p.kind in ("country", "region"):
                        return i, i + k, p
    return None


def _venue_befores(text: str, openers: list[int]) -> list[re.Match[str]]:
    """The "Villa Madama" style venue names that begin at ``openers`` (ascending), without overlaps."""
    out: list[re.Match[str]] = []
    last = -1
    for i in openers:
        if i >= last:
            m = _VENUE_BEFORE.match(text, i)
            if m is not None:
                out.append(m)
                last = m.end()
    return out


def _venues(ctx: _Ctx, openers: list[int]) -> list[tuple[int, int, str, str]]:
    """Venues named by their kind: (start, end, name, kind); ``openers`` are where venue words begin."""
    text = ctx.text
    out: list[tuple[int, int, str, str]] = []
    hint = _VENUE_HEAD_HINT.search(text)
    # every head is a hint too: none lies before the first hint
    heads = _VENUE_HEAD.finditer(text, hint.start()) if hint is not None else ()
    for h in heads:
        m = _VENUE_NAME.search(text, max(0, h.start() - 80), h.start())
        if m is None:
            continue
        name_start, name_end = m.start(1), m.end(1)
        words = text[name_start:name_end].split(" ")
        # keep the words after the last possessive or leading article ("Osaka's Kansai airport")
        cut = 0
        for i, w in enumerate(words):
            if w.endswith(("'s", "’s")) or w in _STOP_LEAD or w in _WEEK_MONTHS or w in _TITLES:
                cut = i + 1
        if cut >= len(words):
            continue
        name_start += sum(len(w) + 1 for w in words[:cut])
        head = h.group(1)
        if head in _FEATURE_HEAD:
            out.append((name_start, h.end(1), text[name_start : h.end(1)], "other"))
        elif head in _KEEP_HEAD:
            out.append((name_start, h.end(1), text[name_start : h.end(1)], "venue"))
        else:
            kind = "region" if head in _REGION_HEAD else "venue"
            out.append((name_start, name_end, text[name_start:name_end], kind))
    for m in _venue_befores(text, openers):
        w, _ = ctx.before(m.start())
        if _is_cap(w) and w not in _STOP_LEAD and not w.endswith(("'s", "’s")):
            continue  # inside a longer name
        out.append((m.start(), m.end(), m.group(), "venue"))
    for m in _KIND_OF.finditer(text):
        # "the port of X", "the island of X": a place the gazetteer may be too small to know
        name = m.group(2)
        if name in _TITLES or name in _WEEK_MONTHS:
            continue
        out.append((m.start(2), m.end(2), name, _KIND_OF_KINDS[m.group(1).lower()]))
    return out


# What a surface form says by itself, computed once per form and process:
# candidates as (place, alternate name, static score, filter bits), whether every candidate
# is a small place, whether the form is a demonym, a given name or a weekday/month, the
# country and state an unambiguous form contributes to the document, and whether it may
# take a ", State" qualifier (a town, not a state or a country), and the first-level divisions
# its (primary-name) candidates lie in; last, the place a bare mention of it names whatever
# the document's other places (None when they may change the choice).
_Info = tuple[
    tuple[tuple[Place, bool, float, int], ...],
    bool,
    bool,
    bool,
    bool,
    str | None,
    str,
    bool,
    frozenset[str],
    Place | None,
]
# filter bits of a candidate
_F_WORD = 1  # an English word: a place only with a cue ("in Reading") when smaller than 1M
_F_WORD_SMALL = 2  # ... smaller than 100k: only with a qualifier
_F_SMALL = 4  # a town or region that needs context
_F_VILLAGE = 8  # smaller than 15k: only with its state around


def _info(gaz: Gazetteer, key: int, form: str) -> _Info:
    memo = gaz.memo
    got: _Info | None = memo.get(key)
    if got is not None:
        return got
    cands = gaz.candidates(key)
    rows: list[tuple[Place, bool, float, int]] = []
    for p, alt in cands:
        bits = 0
        if p.flags & WORD and p.kind in ("city", "region") and not p.flags & (EXTRA | CAPITAL):
            if p.population < 1_000_000:
                bits |= _F_WORD
            if p.population < 100_000:
                bits |= _F_WORD_SMALL
        if _small(p):
            bits |= _F_SMALL
            if p.population < 15_000:
                bits |= _F_VILLAGE
        rows.append((p, alt, p.prior - 3.0 if alt else p.prior, bits))
    small = all(alt or _small(p) for p, alt in cands)
    top = [p for p, alt in cands if not alt]
    c: str | None = None
    a1 = ""
    if len(top) == 1 or (top and top[0].kind == "country"):
        c, a1 = top[0].country, top[0].admin1
    elif top and all(p.country == top[0].country for p in top):
        # "Atlanta": every candidate is in one country; the best known one gives the state
        big = max(top, key=lambda p: p.population * (p.fame + 1))
        c, a1 = big.country, big.admin1
    town = any(p.kind in ("city", "venue", "other") or p.flags & ADMIN2 for p in top) and not any(
        p.kind in ("country", "continent") or (p.kind == "region" and p.flags & EXTRA) for p in top
    )
    got = (
        tuple(rows),
        small,
        small and _demonym(form),
        form in gaz.given,
        form in _WEEK_MONTHS,
        c,
        a1,
        town or not top,
        frozenset(p.admin1 for p in top if p.admin1),
        _fixed(rows),
    )
    memo[key] = got
    return got


def _fixed(rows: list[tuple[Place, bool, float, int]]) -> Place | None:
    """The candidate :func:`_resolve` picks for a bare mention whatever the context, if there is one.

    That is a candidate no filter removes whose static score beats every other candidate's by
    more than the largest bonus the document's places can give.
    """
    for i, (p, alt, sc, bits) in enumerate(rows):
        if alt or bits:
            continue
        if all(sc > osc + _MAX_BONUS for j, (_, _, osc, _) in enumerate(rows) if j != i):
            return p
    return None


def find_locations(
    text: str, analysis: Analysis | None = None, knowledge: Knowledge = EMPTY
) -> list[Location]:
    """Every place the text names, one :class:`Location` per place with all its mentions, by first mention."""
    if not text or not isinstance(text, str):
        return []
    gaz = get_gazetteer(knowledge)
    given = gaz.given
    ctx = _Ctx(text)
    n = ctx.n

    # 1. whole-word matches, leftmost-longest; the same scan reports the venue words ("Villa")
    openers: list[int] = []
    spans = gaz.match(text, _VENUE_OPENERS, openers)

    # datelines: "GENEVA - ", "WASHINGTON (Reuters) -" at the start of a line, or after the headline
    datelines: set[int] = set()
    head = text[:_HEAD]
    head_hint = ("-" in head or "—" in head or "–" in head) and _CAPS3.search(head) is not None
    lines = [0] if text[:3].isupper() else []
    if "\n" in text:
        lines.extend(m.start() + 1 for m in _DATE_HINT.finditer(text))
    if head_hint or lines:
        found = [m for i in lines if (m := _DATELINE.match(text, i)) is not None]
        if head_hint:
            last = -1
            for h in _LEAD_HINT.finditer(text, 0, _HEAD + 60):
                if h.end() >= last:
                    m = _LEAD_DATELINE.match(text, h.end(), _HEAD + 60)
                    if m is not None:
                        found.append(m)
                        last = m.end()
        if found:
            starts = {sp[0] for sp in spans}
            for m in found:
                k = gaz.key_of(m.group(1).title())
                if k >= 0 and m.start(1) not in starts:
                    spans.append((m.start(1), m.end(1), k))
                    starts.add(m.start(1))
                    datelines.add(m.start(1))
            spans.sort()

    # venues named by their kind replace the gazetteer names they contain
    venue_spans = [v for v in _venues(ctx, openers) if gaz.key_of(v[2]) < 0]
    if venue_spans:
        venue_spans.sort(key=lambda v: (v[0], -v[1]))
        kept_v: list[tuple[int, int, str, str]] = []
        vlast = -1
        for v in venue_spans:
            if v[0] >= vlast:
                kept_v.append(v)
                vlast = v[1]
        spans = _outside_venues(spans, kept_v)
        venue_spans = _not_inside(kept_v, spans)

    # 2. context filters; each kept mention keeps the words before and after it
    rev = ctx.rev
    rb_match = _RBEFORE.match
    af_match = _AFTER.match
    memo = gaz.memo
    qualifiers = gaz.qualifiers
    surnames: set[str] = set()
    kept: list[tuple[int, int, int, str, _Info, str, str]] = []
    for s, e, k in spans:
        form = text[s:e]
        info: _Info | None = memo.get(k)
        if info is None:
            info = _info(gaz, k, form)
        if info[4] or info[2]:
            continue  # a month or weekday, a demonym
        if form[-1] == "." and form in qualifiers and not _ap_state(text, s, e, form):
            continue  # "Mass." ending a sentence, "Miss." before a name
        # the words around the name (as _Ctx.before and _Ctx.after read them)
        wb, wbs = "", s
        if s and text[s - 1] == " ":
            m = rb_match(rev, n - s)
            if m is not None:
                wbs = n - m.end(1)
                wb = text[wbs : n - m.start(1)]
        wa, wae = "", e
        if text[e : e + 1] == " ":
            m = af_match(text, e)
            if m is not None:
                wa, wae = m.group(1), m.end(1)
        cap_after = wa[:1].isupper()
        # _in_org can say yes only next to one of these words: skip the call otherwise
        if (cap_after or wa in _ORG_NOUNS or wb in _ORG_LEADS) and _in_org(ctx, e, wb, wbs, wa, wae):
            continue
        small = info[1]
        if wb[:1].isupper():
            if wb in _TITLES or wb.rstrip(".") in _TITLES or wb in given:
                surnames.add(form)
                continue  # "Mr Jordan", "Lloyd Austin"
            if small and _name_before(ctx, wb, wbs, gaz):
                surnames.add(form)
                continue
        if (
            cap_after
            and (info[3] or small)
            and wa not in _TITLES
            and wa not in _WEEK_MONTHS
            and wa not in _ORG_HEADS
            and wa.rstrip(".’'s") not in given
            and gaz.key_of(wa) < 0
        ):
            # "Park Min Ho": a family name, and so are its bare mentions; but neither a state's
            # or a country's name ("Georgia Modular Systems") nor "Torrington Fire" says so
            if small and wa not in _CIVIC:
                surnames.add(form)
            continue
        kept.append((s, e, k, wb, info, wa, form))
    if surnames:
        kept = [sp for sp in kept if sp[6] not in surnames or sp[3].lower() in _LOCATIVE]

    # 3. first pass: what the document is about (countries and states of unambiguous names)
    countries: dict[str, int] = {}
    admin1: dict[str, int] = {}
    # how many distinct names could lie in each state: two names that share one ("Paris" and
    # "Henry County") are most likely both there, whatever their best-known namesakes
    a1_any: dict[str, int] = {}
    seen_keys: set[int] = set()
    quals: dict[int, tuple[int, int, Place]] = {}
    for s, e, k, _wb, info, _wa, _form in kept:
        c = info[5]
        if c:
            # only names of one country vote: "Georgia" and "Geneva" both have namesakes in
            # Georgia, USA, which says nothing about a story set in Europe
            if k not in seen_keys:
                seen_keys.add(k)
                for a in info[8]:
                    a1_any[a] = a1_any.get(a, 0) + 1
            countries[c] = countries.get(c, 0) + 1
        if info[6]:
            admin1[info[6]] = admin1.get(info[6], 0) + 1
        if info[7] and text[e : e + 2] == ", ":
            q = _qualifier(text, e, gaz)
            if q is not None:
                quals[s] = q
                qc = q[2].country
                if qc:
                    countries[qc] = countries.get(qc, 0) + 1
                    if q[2].admin1:
                        admin1[q[2].admin1] = admin1.get(q[2].admin1, 0) + 1
    total_all = sum(countries.values())

    # 4. resolve each mention; without a qualifier, once per form and cue
    resolved: list[tuple[int, int, Place, bool]] = []
    qualifier_starts = {q[0] for q in quals.values()}
    known: dict[tuple[int, bool], Place | None] = {}
    for s, e, k, wb, info, wa, _form in kept:
        q = None
        if quals:
            if s in qualifier_starts:
                continue  # read as the qualifier of the name before it
            q = quals.get(s)
        fixed = info[9]
        if q is None and fixed is not None:
            resolved.append((s, e, fixed, wa in _METONYM_VERBS and _acts(fixed)))
            continue
        cue = wb.lower() in _CUES or s in datelines
        if q is None:
            mk = (k, cue)
            if mk in known:
                best = known[mk]
            else:
                best = known[mk] = _resolve(info, None, cue, countries, admin1, total_all, a1_any)
        else:
            best = _resolve(info, q, cue, countries, admin1, total_all, a1_any)
        if best is None:
            continue
        resolved.append((s, e, best, wa in _METONYM_VERBS and _acts(best)))
        if q is not None:
            resolved.append((q[0], q[1], q[2], False))

    # plugin resolvers (a full GeoNames dump, a newsroom's own list) overrule the built-in reading
    lookups = getattr(knowledge, "place_lookups", None)
    if lookups:
        _plugin_places(text, lookups, resolved)

    # 5. a venue takes the country and point of a place in its name, in its sentence, or of the
    # document's first city (news datelines and leads name the host city first)
    if venue_spans:
        _place_venues(ctx, gaz, analysis, venue_spans, resolved, datelines)

    # 5b. "the Peruvian capital" after the capital was named: one more mention of it
    if " capital" in text:
        _described_capitals(text, resolved)

    # 6. one Location per place, by first mention
    resolved.sort(key=itemgetter(0))
    groups: dict[object, list[tuple[int, int, Place, bool]]] = {}
    for r in resolved:
        p = r[2]
        key: object = p.index if p.index >= 0 else ("venue", p.name.casefold())
        g = groups.get(key)
        if g is None:
            groups[key] = [r]
        else:
            g.append(r)
    out: list[Location] = []
    new_location = _location_maker()
    for rs in groups.values():
        p = rs[0][2]
        if len(rs) == 1:
            s, e, _, metonym = rs[0]
            name = text[s:e]
            mentions: tuple[Mention, ...] = (Mention(s, e, name),)
            aliases: tuple[str, ...] = (p.name,) if p.index >= 0 and p.name != name else ()
        else:
            mentions = tuple([Mention(s, e, text[s:e]) for s, e, _, _ in rs])
            texts = list(dict.fromkeys([m.text for m in mentions]))
            name = texts[0]
            if p.index >= 0 and p.name not in texts:
                texts.append(p.name)
            aliases = tuple(texts[1:])
            metonym = any([r[3] for r in rs])
        out.append(new_location(name, p.kind, p.country, p.latitude, p.longitude, mentions, metonym, aliases))
    return out


_DESCRIBED_CAPITAL = re.compile(r"\b[Tt]he\s+([A-Z][\w'’-]+)\s+capital\b")


def _described_capitals(text: str, resolved: list[tuple[int, int, Place, bool]]) -> None:
    """ "arrived in the Peruvian capital": a mention of that country's capital, when the text named it
    before (the name of a place is never a description of it)."""
    from diplomacy_events.countries import demonym_country

    for m in _DESCRIBED_CAPITAL.finditer(text):
        iso = demonym_country(m.group(1))
        if iso is None:
            continue
        named = [
            r
            for r in resolved
            if r[0] < m.start() and r[2].kind == "city" and r[2].country == iso and r[2].flags & CAPITAL
        ]
        if named and not any(r[0] <= m.start(1) < r[1] for r in resolved):
            resolved.append((m.start(1), m.end(), named[0][2], False))


@cache
def _location_maker() -> Callable[..., Location]:
    """:class:`Location` records from (name, kind, country, latitude, longitude, mentions,
    metonym, aliases), their slots filled directly (a document yields a dozen places)."""
    fields = ("name", "kind", "country", "latitude", "longitude", "mentions", "metonym", "aliases")
    return direct_constructor(Location, fields, id="")


def _outside_venues(
    spans: list[tuple[int, int, int]], venues: list[tuple[int, int, str, str]]
) -> list[tuple[int, int, int]]:
    """The spans that no longer venue name overlaps; ``venues`` are sorted and do not overlap."""
    ends = [v[1] for v in venues]
    out = []
    for sp in spans:
        s, e = sp[0], sp[1]
        i = bisect_right(ends, s)  # the first venue that ends after the span starts
        while i < len(venues) and venues[i][0] < e:
            if venues[i][1] - venues[i][0] > e - s:
                break
            i += 1
        else:
            out.append(sp)
    return out


def _not_inside(
    venues: list[tuple[int, int, str, str]], spans: list[tuple[int, int, int]]
) -> list[tuple[int, int, str, str]]:
    """The venues that lie within none of ``spans`` (sorted by start)."""
    starts = [sp[0] for sp in spans]
    reach = list(accumulate((sp[1] for sp in spans), max))  # the furthest end among the first spans
    out = []
    for v in venues:
        i = bisect_right(starts, v[0])  # the spans that start at or before the venue
        if not (i and reach[i - 1] >= v[1]):
            out.append(v)
    return out


def _acts(p: Place) -> bool:
    """A country, capital or seat of government: a place that can act ("Beijing said")."""
    return p.kind == "country" or bool(p.flags & CAPITAL) or (p.kind == "venue" and bool(p.flags & EXTRA))


_SHARED = 1.5
_SHARED_STEP = 1.0
# The most :func:`_resolve` adds to a candidate's static score: its country's share of the
# document (at most 0.5 + 2.5), its state's (1.0 + 5 * 0.2) and a shared state's.
_MAX_BONUS = 3.0 + 2.0 + _SHARED + 3 * _SHARED_STEP + 1e-6


def _resolve(
    info: _Info,
    q: tuple[int, int, Place] | None,
    cue: bool,
    countries: dict[str, int],
    admin1: dict[str, int],
    total_all: int,
    a1_any: dict[str, int],
) -> Place | None:
    """The best place for a form, judged against the document's other places (counts by name)."""
    # context from the other mentions only: this form's own contribution does not count
    own_c, own_a = info[5], info[6]
    if own_c:
        countries[own_c] = countries.get(own_c, 0) - 1
    if own_a:
        admin1[own_a] = admin1.get(own_a, 0) - 1
    total = max(total_all - (1 if own_c else 0), 1)
    rows = info[0]
    if q is not None:
        qp = q[2]
        narrowed = tuple(
            r
            for r in rows
            if r[0].index != qp.index
            and (r[0].admin1 == qp.admin1 if qp.admin1 else r[0].country == qp.country)
        )
        rows = narrowed or rows
    best: Place | None = None
    best_score = -1e9
    cget, aget = countries.get, admin1.get
    for p, alt, sc, bits in rows:
        # the counts hold only non-empty codes: None and "" count 0
        cn = cget(p.country, 0)  # type: ignore[arg-type]
        an = aget(p.admin1, 0)
        shared = 0
        if p.admin1 and cn * 2 >= total:
            shared = a1_any.get(p.admin1, 0) - (1 if info[5] and p.admin1 in info[8] else 0)
        if q is None:
            if alt and not (cue or cn):
                continue  # an old or foreign name ("Amana" for Amman) only with its country around
            if bits & _F_WORD and (bits & _F_WORD_SMALL or not cue):
                continue  # "Congress", "Reading": a word unless "in Reading" or "Reading, Pa."
            if bits & _F_SMALL:
                if bits & _F_VILLAGE and not (cue and (an or shared)) and an + shared < 2:
                    continue  # a village only with its state around it
                if not (cue or cn or an):
                    continue  # a small foreign town only with its country around it
        if cn and p.kind != "country":
            # the share of the document's places in that country: local news favours local places
            sc += 0.5 + 2.5 * cn / total
        if an:
            sc += 1.0 + min(an, 5) * 0.2
        if shared > 0:
            sc += _SHARED + _SHARED_STEP * min(shared, 3)
        if sc > best_score:
            best, best_score = p, sc
    if own_c:
        countries[own_c] += 1
    if own_a:
        admin1[own_a] += 1
    return best


_AREA_KINDS = frozenset(["city", "region", "country"])
_NEAR = 1000


def _place_venues(
    ctx: _Ctx,
    gaz: Gazetteer,
    analysis: Analysis | None,
    venue_spans: list[tuple[int, int, str, str]],
    resolved: list[tuple[int, int, Place, bool]],
    datelines: set[int],
) -> None:
    """Add each venue to ``resolved`` with the country and point of the place it is in."""
    # the first city (else country) mentioned, the place of the first dateline, each place by
    # name (the last one of a name) and by where its mention starts (the first one there)
    city: tuple[int, int] | None = None
    country: tuple[int, int] | None = None
    dated: Place | None = None
    seen: dict[str, Place] = {}
    by_start: dict[int, Place] = {}
    # the places a venue may lie in, by start: (start, order in ``resolved``, end, place)
    areas: list[tuple[int, int, int, Place]] = []
    for order, (s, e, p, _) in enumerate(resolved):
        if p.kind in _AREA_KINDS:
            areas.append((s, order, e, p))
        if p.kind == "city":
            if city is None or (s, p.index) < city:
                city = (s, p.index)
        elif p.kind == "country" and (country is None or (s, p.index) < country):
            country = (s, p.index)
        if dated is None and s in datelines:
            dated = p
        seen[p.name] = p
        by_start.setdefault(s, p)
    areas.sort(key=itemgetter(0, 1))
    first = city or country
    first_city = gaz.place(first[1]) if first else None
    if dated is not None:
        first_city = dated  # the dateline names where the story happens
    for vs, ve, vname, vkind in venue_spans:
        near: Place | None = None
        inner = [seen[p.name] for p in gaz_places_in(gaz, vname) if p.name in seen]
        pw, pws = ctx.before(vs)
        owner = by_start.get(pws) if pw.endswith(("'s", "’s")) else None
        if inner:
            near = inner[0]  # "Expo Center Berlin": the city the document names
        elif owner is not None:
            near = owner  # "Osaka's Kansai airport"
        elif first_city is not None and vkind == "venue":
            near = first_city
        else:
            sent = analysis.sentence_at(vs) if analysis is not None else None
            lo, hi = (sent.start, sent.end) if sent is not None else (max(0, vs - 200), ve + 200)
            # the nearest place that starts in the sentence (and within _NEAR characters, so
            # that a text without full stops stays linear); the first mentioned wins a tie
            lo, hi = max(lo, vs - _NEAR), min(hi, ve + _NEAR)
            window = areas[bisect_left(areas, (lo,)) : bisect_left(areas, (hi,))]
            window.sort(key=itemgetter(1))
            local = [(min(abs(a[2] - vs), abs(a[0] - ve)), a[3]) for a in window]
            near = min(local, key=itemgetter(0))[1] if local else first_city
        venue = Place(
            index=-1 - vs,
            name=vname,
            kind=vkind,
            country=near.country if near else None,
            latitude=near.latitude if near else None,
            longitude=near.longitude if near else None,
            population=0,
            flags=0,
            admin1=near.admin1 if near else "",
        )
        if vkind in _AREA_KINDS:
            insort(areas, (vs, len(resolved), ve, venue), key=itemgetter(0, 1))
        resolved.append((vs, ve, venue, False))
        seen[vname] = venue
        by_start.setdefault(vs, venue)


def _plugin_places(
    text: str, lookups: Iterable[PlaceLookup], resolved: list[tuple[int, int, Place, bool]]
) -> None:
    """Add the places plugin resolvers find to ``resolved``, replacing the built-in ones they overlap."""
    n = len(text)
    found: list[tuple[int, int, GazetteerEntry]] = []
    for lookup in lookups:
        try:
            items = list(lookup(text))
        except Exception:  # a plugin's failure must not stop the built-in extraction
            continue
        for item in items:
            try:
                s, e, entry = item
            except (TypeError, ValueError):
                continue
            if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= n):
                continue
            if not isinstance(entry, GazetteerEntry):
                continue
            if any(f[0] < e and s < f[1] for f in found):
                continue  # the first resolver to claim a span keeps it
            found.append((s, e, entry))
    if not found:
        return
    resolved[:] = [r for r in resolved if not any(f[0] < r[1] and r[0] < f[1] for f in found)]
    for s, e, entry in found:
        place = Place(
            index=-1 - s,
            name=entry.name,
            kind=entry.kind if entry.kind in _KIND_NAMES else "other",
            country=entry.country,
            latitude=entry.latitude,
            longitude=entry.longitude,
            population=entry.population,
            flags=EXTRA,
            admin1="",
        )
        resolved.append((s, e, place, False))


def _ap_state(text: str, s: int, e: int, form: str) -> bool:
    """An AP state abbreviation that reads as one: "N.C.", "D-Ind.", "Mass. lawmakers", "S.C. 5"."""
    if form.count(".") > 1 or (s and text[s - 1] == "-"):
        return True
    nxt = text[e + 1 : e + 2] if text[e : e + 1] == " " else ""
    return bool(nxt) and (nxt.islower() or nxt.isdigit())


def _small(p: Place) -> bool:
    """A town or region that needs context to be read as a place."""
    return (
        p.kind in ("city", "region") and not p.flags & (EXTRA | CAPITAL | ADMIN2) and p.population < 100_000
    )


def _demonym(form: str) -> bool:
    """A people's name used as a town's ("Argentine"): a demonym is never a place here."""
    from diplomacy_events.countries import demonym_country

    try:
        return demonym_country(form) is not None
    except Exception:  # the country tables are another module's; a failure there must not stop us
        return False


def _name_before(ctx: _Ctx, w: str, ws: int, gaz: Gazetteer) -> bool:
    """A capitalised word that is not a place word right before a small place: part of a person's name."""
    if w in _PLACE_LEAD or w.endswith(("'s", "’s", ".")) or w.isupper():
        return False
    if gaz.key_of(w) >= 0:
        return False
    # the first word of a sentence is capitalised anyway
    text = ctx.text
    i = ws - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    return i >= 0 and text[i] not in ".!?\n\"“‘'(:;"


def gaz_places_in(gaz: Gazetteer, name: str) -> list[Place]:
    """Places whose names occur as whole words in ``name`` (longest first)."""
    found = [(e - s, k) for s, e, k in gaz.match(name)]
    found.sort(reverse=True)
    return [gaz.candidates(k)[0][0] for _, k in found]


@hookimpl(trylast=True)
def extract_locations(document: Document, analysis: Analysis, knowledge: Knowledge) -> Sequence[Location]:
    """The built-in location extractor."""
    return find_locations(document.text, analysis, knowledge)
