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
named by their kind ("the Capella hotel", "Haneda airport", "Villa Madama").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from diplomacy_events.gazetteer import ADMIN2, CAPITAL, EXTRA, WORD, Gazetteer, Place, get_gazetteer
from diplomacy_events.hookspecs import hookimpl
from diplomacy_events.lexicon import EMPTY, GazetteerEntry, Knowledge
from diplomacy_events.models import Document, Location, Mention
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

# A name and a venue noun after it ("Capella hotel", "Haneda airport", "Sentosa island"), or a
# venue word and a name after it ("Villa Madama", "Palais Coburg"). Bounded repetitions only.
_NAME = r"[A-Z][\w’'.&-]*"
_VENUE_HEAD = re.compile(
    r" (hotel|Hotel|airport|Airport|International Airport|palace|Palace|island|Island|district|"
    r"convention cent(?:re|er)|Convention Cent(?:re|er)|stadium|Stadium)\b"
)
_VENUE_NAME = re.compile(rf"(?<![\w’'.&-])({_NAME}(?: {_NAME}){{0,3}})$")
_VENUE_BEFORE = re.compile(
    r"\b(Villa|Palais|Palazzo|Palacio|Palácio|Avenida|Chateau|Château|Schloss|Hotel|Hôtel|Plaza|Piazza)"
    rf" ((?:(?:de|du|des|la|le|di|del|da|do|dos) )?{_NAME}(?: {_NAME}){{0,2}})"
)
# Any of the words that open such a venue name, to skip the pattern when none occurs.
_VENUE_WORDS = (
    ("Villa ", 0),
    ("Pala", 0),
    ("Avenida ", 0),
    ("teau ", 3),
    ("Schloss ", 0),
    ("Hotel ", 0),
    ("Hôtel ", 0),
    ("Plaza ", 0),
    ("Piazza ", 0),
)
# Letters every venue head noun holds, to skip the head pattern when none occurs.
_VENUE_HINTS = ("otel", "irport", "alace", "sland", "istrict", "onvention", "tadium")
_DATELINE = re.compile(
    r"^([A-Z][A-Z'.-]{2,20}(?: [A-Z][A-Z'.-]{1,20}){0,2})(?:, [A-Z][A-Za-z.]{1,15})? ?(?:\(\w+\) ?)?[-—–]",
    re.M,
)
# A line that opens with capitals, the sign of a possible dateline.
_DATE_HINT = re.compile(r"\n[A-Z][A-Z'.-]{2}")
# A dateline after the headline ("Council meets. SPRINGFIELD, Ill. -- The ..."): read in the head only.
_LEAD_DATELINE = re.compile(
    r"(?<=[.!?:] )([A-Z][A-Z'.-]{2,20}(?: [A-Z][A-Z'.-]{1,20}){0,2})"
    r"(?:, [A-Z][A-Za-z.]{1,8}(?: ?[A-Z][a-z]{0,4}\.)?)? ?(?:\(\w+\) ?)?(?:-|—|–)"
)
_HEAD = 400
_CAPS3 = re.compile(r"[.!?:] [A-Z][A-Z'.-]{2}")
# Head nouns that stay in the venue's name, and those that only say what kind of place it is.
_KEEP_HEAD = frozenset(["hotel", "Hotel", "airport", "Airport", "palace", "Palace", "stadium", "Stadium"])
_REGION_HEAD = frozenset(["island", "Island", "district"])

_AFTER = re.compile(r" {1,2}([\w’'-]{1,40})")
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
        j = m.end()
        if text[j : j + 1] == "." and j - m.start(1) <= 4:
            j += 1  # "Inc.", "Co."
        return text[m.start(1) : j], j


def _word_before(text: str, start: int) -> tuple[str, int]:
    """The word just before ``start`` (across spaces only) and where it starts."""
    return _Ctx(text[:start]).before(start)


def _word_after(text: str, end: int) -> tuple[str, int]:
    """The word just after ``end`` (across one or two spaces) and where it ends."""
    return _Ctx(text).after(end)


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
    j = i
    n = len(text)
    while j < n and j - i < 14 and (text[j].isalpha() or text[j] in ". "):
        j += 1
    chunk = text[i:j]
    # try the longest piece first: "W. Va.", "New Mexico", "N.Y."
    for k in range(len(chunk), 0, -1):
        piece = chunk[:k]
        if piece.endswith(" ") or (k < len(chunk) and chunk[k].isalpha()):
            continue
        idx = gaz.qualifiers.get(piece)
        if idx is not None:
            return i, i + k, gaz.place(idx)
        if not piece.endswith("."):
            for p in gaz.lookup(piece):
                if p.kind in ("country", "region"):
                    return i, i + k, p
    return None


def _venue_heads(text: str) -> list[re.Match[str]]:
    """The venue head nouns of the text, found from a few substring searches."""
    hits: list[int] = []
    for hint in _VENUE_HINTS:
        i = text.find(hint)
        while i >= 0:
            hits.append(i)
            i = text.find(hint, i + 1)
    out: list[re.Match[str]] = []
    last = -1
    for i in sorted(hits):
        for back in (16, 2):  # " International Airport", " hotel"
            if i - back >= last:
                m = _VENUE_HEAD.match(text, i - back)
                if m is not None:
                    out.append(m)
                    last = m.end()
                    break
    return out


def _venue_befores(text: str) -> list[re.Match[str]]:
    """The "Villa Madama" style venue names of the text, found from a few substring searches."""
    found: list[re.Match[str]] = []
    for word, back in _VENUE_WORDS:
        i = text.find(word)
        while i >= 0:
            m = _VENUE_BEFORE.match(text, i - back) if i >= back else None
            if m is not None:
                found.append(m)
            i = text.find(word, i + 1)
    found.sort(key=lambda m: m.start())
    out: list[re.Match[str]] = []
    last = -1
    for m in found:
        if m.start() >= last:
            out.append(m)
            last = m.end()
    return out


def _venues(ctx: _Ctx) -> list[tuple[int, int, str, str]]:
    """Venues named by their kind: (start, end, name, kind)."""
    text = ctx.text
    out: list[tuple[int, int, str, str]] = []
    for h in _venue_heads(text):
        m = _VENUE_NAME.search(text, max(0, h.start() - 80), h.start())
        if m is None:
            continue
        name_start, name_end = m.start(1), m.end(1)
        words = text[name_start:name_end].split(" ")
        # keep the words after the last possessive or leading article ("Tokyo's Haneda airport")
        cut = 0
        for i, w in enumerate(words):
            if w.endswith(("'s", "’s")) or w in _STOP_LEAD or w in _WEEK_MONTHS or w in _TITLES:
                cut = i + 1
        if cut >= len(words):
            continue
        name_start += sum(len(w) + 1 for w in words[:cut])
        head = h.group(1)
        if head in _KEEP_HEAD:
            out.append((name_start, h.end(1), text[name_start : h.end(1)], "venue"))
        else:
            kind = "region" if head in _REGION_HEAD else "venue"
            out.append((name_start, name_end, text[name_start:name_end], kind))
    for m in _venue_befores(text):
        w, _ = ctx.before(m.start())
        if _is_cap(w) and w not in _STOP_LEAD and not w.endswith(("'s", "’s")):
            continue  # inside a longer name
        out.append((m.start(), m.end(), m.group(), "venue"))
    return out


# What a surface form says by itself, computed once per form and process:
# candidates as (place, alternate name, static score, filter bits), whether every candidate
# is a small place, whether the form is a demonym, a given name or a weekday/month, the
# country and state an unambiguous form contributes to the document, and whether it may
# take a ", State" qualifier (a town, not a state or a country), and the first-level divisions
# its (primary-name) candidates lie in.
_Info = tuple[
    tuple[tuple[Place, bool, float, int], ...], bool, bool, bool, bool, str | None, str, bool, frozenset[str]
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
    )
    memo[key] = got
    return got


def find_locations(
    text: str, analysis: Analysis | None = None, knowledge: Knowledge = EMPTY
) -> list[Location]:
    """Every place the text names, one :class:`Location` per place with all its mentions, by first mention."""
    if not text or not isinstance(text, str):
        return []
    gaz = get_gazetteer(knowledge)
    given = gaz.given
    ctx = _Ctx(text)

    # 1. whole-word matches, leftmost-longest
    spans = gaz.match(text)

    # datelines: "GENEVA - ", "WASHINGTON (Reuters) -" at the start of a line
    datelines: set[int] = set()
    head = text[:_HEAD]
    head_hint = ("-" in head or "—" in head or "–" in head) and _CAPS3.search(head) is not None
    line_hint = text[:3].isupper() or _DATE_HINT.search(text) is not None
    if head_hint or line_hint:
        starts = {sp[0] for sp in spans}
        found = list(_DATELINE.finditer(text)) if line_hint else []
        if head_hint:
            found.extend(_LEAD_DATELINE.finditer(text, 0, _HEAD + 60))
        for m in found:
            k = gaz.key_of(m.group(1).title())
            if k >= 0 and m.start(1) not in starts:
                spans.append((m.start(1), m.end(1), k))
                starts.add(m.start(1))
                datelines.add(m.start(1))
        spans.sort()

    # venues named by their kind replace the gazetteer names they contain
    venue_spans = [v for v in _venues(ctx) if gaz.key_of(v[2]) < 0]
    if venue_spans:
        venue_spans.sort(key=lambda v: (v[0], -v[1]))
        kept_v: list[tuple[int, int, str, str]] = []
        vlast = -1
        for v in venue_spans:
            if v[0] >= vlast:
                kept_v.append(v)
                vlast = v[1]
        venue_spans = kept_v
        spans = [
            sp
            for sp in spans
            if not any(v[0] < sp[1] and sp[0] < v[1] and v[1] - v[0] > sp[1] - sp[0] for v in venue_spans)
        ]
        venue_spans = [v for v in venue_spans if not any(sp[0] <= v[0] and v[1] <= sp[1] for sp in spans)]

    # 2. context filters; each kept mention keeps the word before it (for cues)
    surnames: set[str] = set()
    kept: list[tuple[int, int, int, str, _Info, str]] = []
    for s, e, k in spans:
        form = text[s:e]
        info = _info(gaz, k, form)
        if info[4] or info[2]:
            continue  # a month or weekday, a demonym
        if form[-1] == "." and form in gaz.qualifiers and not _ap_state(text, s, e, form):
            continue  # "Mass." ending a sentence, "Miss." before a name
        wb, wbs = ctx.before(s)
        wa, wae = ctx.after(e)
        if (wb or wa) and _in_org(ctx, e, wb, wbs, wa, wae):
            continue
        small = info[1]
        if wb and wb[0].isupper():
            if wb in _TITLES or wb.rstrip(".") in _TITLES or wb in given:
                surnames.add(form)
                continue  # "Mr Jordan", "Lloyd Austin"
            if small and _name_before(ctx, wb, wbs, gaz):
                surnames.add(form)
                continue
        if info[3] or small:
            nxt = wa
            if (
                _is_cap(nxt)
                and nxt not in _TITLES
                and nxt not in _WEEK_MONTHS
                and nxt not in _ORG_HEADS
                and nxt.rstrip(".’'s") not in given
                and gaz.key_of(nxt) < 0
            ):
                # "Kim Jong Un": a family name, and so are its bare mentions; but neither a state's
                # or a country's name ("Georgia Modular Systems") nor "Torrington Fire" says so
                if small and nxt not in _CIVIC:
                    surnames.add(form)
                continue
        kept.append((s, e, k, wb.lower(), info, wa))
    if surnames:
        kept = [sp for sp in kept if text[sp[0] : sp[1]] not in surnames or sp[3] in _LOCATIVE]

    # 3. first pass: what the document is about (countries and states of unambiguous names)
    countries: Counter[str] = Counter()
    admin1: Counter[str] = Counter()
    # how many distinct names could lie in each state: two names that share one ("Paris" and
    # "Henry County") are most likely both there, whatever their best-known namesakes
    a1_any: Counter[str] = Counter()
    seen_keys: set[int] = set()
    quals: dict[int, tuple[int, int, Place]] = {}
    for s, e, k, _wb, info, _wa in kept:
        if k not in seen_keys and info[5]:
            # only names of one country vote: "Georgia" and "Geneva" both have namesakes in
            # Georgia, USA, which says nothing about a story set in Europe
            seen_keys.add(k)
            a1_any.update(info[8])
        if info[5]:
            countries[info[5]] += 1
        if info[6]:
            admin1[info[6]] += 1
        if info[7] and text[e : e + 2] == ", ":
            q = _qualifier(text, e, gaz)
            if q is not None:
                quals[s] = q
                if q[2].country:
                    countries[q[2].country] += 1
                    if q[2].admin1:
                        admin1[q[2].admin1] += 1
    total_all = sum(countries.values())

    # 4. resolve each mention; without a qualifier, once per form and cue
    resolved: list[tuple[int, int, Place, bool]] = []
    qualifier_starts = {q[0] for q in quals.values()}
    memo: dict[tuple[int, bool], Place | None] = {}
    for s, e, k, wb, info, wa in kept:
        if s in qualifier_starts:
            continue  # read as the qualifier of the name before it
        q = quals.get(s)
        cue = wb in _CUES or s in datelines
        if q is None and (k, cue) in memo:
            best = memo[(k, cue)]
        else:
            best = _resolve(info, q, cue, countries, admin1, total_all, a1_any)
            if q is None:
                memo[(k, cue)] = best
        if best is None:
            continue
        resolved.append((s, e, best, wa in _METONYM_VERBS and _metonym(ctx, e, best)))
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

    # 6. one Location per place
    resolved.sort(key=lambda r: r[0])
    groups: dict[object, list[tuple[int, int, Place, bool]]] = {}
    for r in resolved:
        key: object = r[2].index if r[2].index >= 0 else ("venue", r[2].name.casefold())
        g = groups.get(key)
        if g is None:
            groups[key] = [r]
        else:
            g.append(r)
    out: list[Location] = []
    for rs in groups.values():
        p = rs[0][2]
        mentions = tuple(Mention(s, e, text[s:e]) for s, e, _, _ in rs)
        texts = list(dict.fromkeys(m.text for m in mentions))
        aliases = texts[1:]
        if p.index >= 0 and p.name not in texts:
            aliases.append(p.name)
        out.append(
            Location(
                name=texts[0],
                kind=p.kind,  # type: ignore[arg-type]
                country=p.country,
                latitude=p.latitude,
                longitude=p.longitude,
                mentions=mentions,
                metonym=any(r[3] for r in rs),
                aliases=tuple(aliases),
            )
        )
    return out


_SHARED = 1.5
_SHARED_STEP = 1.0


def _resolve(
    info: _Info,
    q: tuple[int, int, Place] | None,
    cue: bool,
    countries: Counter[str],
    admin1: Counter[str],
    total_all: int,
    a1_any: Counter[str],
) -> Place | None:
    """The best place for a form, judged against the document's other places."""
    # context from the other mentions only: this form's own contribution does not count
    own_c, own_a = info[5], info[6]
    if own_c:
        countries[own_c] -= 1
    if own_a:
        admin1[own_a] -= 1
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
    for p, alt, sc, bits in rows:
        cn = countries[p.country] if p.country else 0
        an = admin1[p.admin1] if p.admin1 else 0
        shared = 0
        if p.admin1 and cn * 2 >= total:
            shared = a1_any[p.admin1] - (1 if info[5] and p.admin1 in info[8] else 0)
        if q is None:
            if alt and not (cue or cn):
                continue  # an old or foreign name ("Amano" for Amman) only with its country around
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


def _place_venues(
    ctx: _Ctx,
    gaz: Gazetteer,
    analysis: Analysis | None,
    venue_spans: list[tuple[int, int, str, str]],
    resolved: list[tuple[int, int, Place, bool]],
    datelines: set[int],
) -> None:
    """Add each venue to ``resolved`` with the country and point of the place it is in."""
    firsts = sorted((r[0], r[2].index) for r in resolved if r[2].kind == "city") or sorted(
        (r[0], r[2].index) for r in resolved if r[2].kind == "country"
    )
    first_city = gaz.place(firsts[0][1]) if firsts else None
    dated = [r[2] for r in resolved if r[0] in datelines]
    if dated:
        first_city = dated[0]  # the dateline names where the story happens
    for vs, ve, vname, vkind in venue_spans:
        near: Place | None = None
        seen = {r[2].name: r[2] for r in resolved}
        inner = [seen[p.name] for p in gaz_places_in(gaz, vname) if p.name in seen]
        pw, pws = ctx.before(vs)
        owner = next((r[2] for r in resolved if r[0] == pws and pw.endswith(("'s", "’s"))), None)
        if inner:
            near = inner[0]  # "Expo Center Berlin": the city the document names
        elif owner is not None:
            near = owner  # "Tokyo's Haneda airport"
        elif first_city is not None and vkind == "venue":
            near = first_city
        else:
            sent = analysis.sentence_at(vs) if analysis is not None else None
            lo, hi = (sent.start, sent.end) if sent is not None else (max(0, vs - 200), ve + 200)
            local = [
                (min(abs(r[1] - vs), abs(r[0] - ve)), r[2])
                for r in resolved
                if lo <= r[0] < hi and r[2].kind in ("city", "region", "country")
            ]
            near = min(local, key=lambda t: t[0])[1] if local else first_city
        resolved.append(
            (
                vs,
                ve,
                Place(
                    index=-1 - vs,
                    name=vname,
                    kind=vkind,
                    country=near.country if near else None,
                    latitude=near.latitude if near else None,
                    longitude=near.longitude if near else None,
                    population=0,
                    flags=0,
                    admin1=near.admin1 if near else "",
                ),
                False,
            )
        )


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


def _metonym(ctx: _Ctx, end: int, p: Place) -> bool:
    """A country, capital or seat of government followed by a verb of saying or acting."""
    if not (p.kind == "country" or p.flags & CAPITAL or (p.kind == "venue" and p.flags & EXTRA)):
        return False
    if ctx.text[end : end + 1] != " ":
        return False
    w, _ = ctx.after(end)
    return w in _METONYM_VERBS


@hookimpl(trylast=True)
def extract_locations(document: Document, analysis: Analysis, knowledge: Knowledge) -> Sequence[Location]:
    """The built-in location extractor."""
    return find_locations(document.text, analysis, knowledge)
