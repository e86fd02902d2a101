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

import math
import re
from collections import Counter
from collections.abc import Sequence

from diplomacy_events.gazetteer import CAPITAL, EXTRA, WORD, Gazetteer, Place, get_gazetteer
from diplomacy_events.hookspecs import hookimpl
from diplomacy_events.lexicon import EMPTY, Knowledge
from diplomacy_events.models import Document, Location, Mention
from diplomacy_events.text import Analysis

__all__ = ["extract_locations", "find_locations"]

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
_DATELINE = re.compile(
    r"^([A-Z][A-Z'.-]{2,20}(?: [A-Z][A-Z'.-]{1,20}){0,2})(?:, [A-Z][A-Za-z.]{1,15})? ?(?:\(\w+\) ?)?[-—–]",
    re.M,
)
# Head nouns that stay in the venue's name, and those that only say what kind of place it is.
_KEEP_HEAD = frozenset(["hotel", "Hotel", "airport", "Airport", "palace", "Palace", "stadium", "Stadium"])
_REGION_HEAD = frozenset(["island", "Island", "district"])


_BEFORE = re.compile(r"([\w.’'-]{1,40}) {1,3}$")
_AFTER = re.compile(r" {1,2}([\w’'-]{1,40})")


def _word_before(text: str, start: int) -> tuple[str, int]:
    """The word just before ``start`` (across spaces only) and where it starts."""
    lo = max(0, start - 44)
    m = _BEFORE.search(text, lo, start)
    if m is None:
        return "", start
    return m.group(1), m.start(1)


def _word_after(text: str, end: int) -> tuple[str, int]:
    """The word just after ``end`` (across one or two spaces) and where it ends."""
    m = _AFTER.match(text, end)
    if m is None:
        return "", end
    j = m.end()
    if text[j : j + 1] == "." and j - m.start(1) <= 4:
        j += 1  # "Inc.", "Co."
    return text[m.start(1) : j], j


def _boundary(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a whole word sequence (hyphens and possessives allowed after)."""
    if start > 0:
        c = text[start - 1]
        if c.isalnum() or c in "_@#":
            return False
    if end < len(text):
        c = text[end]
        if c.isalnum() or c == "_":
            return False
        if c in "’'" and end + 1 < len(text) and text[end + 1].isalpha() and text[end + 1] not in "s":
            return False
    return True


def _is_cap(word: str) -> bool:
    return bool(word) and word[0].isupper()


def _in_org(text: str, start: int, end: int) -> bool:
    """A name that is part of an organization's or a publication's name."""
    # after: "Washington Post", "South China Morning Post", "U.S. Forces Korea"
    pos = end
    for _ in range(4):
        w, nxt = _word_after(text, pos)
        if nxt == pos or not _is_cap(w) or text[pos : pos + 1] not in " ":
            break
        if w in _ORG_HEADS or w.rstrip(".") in _ORG_HEADS:
            return True
        pos = nxt
    w, _ = _word_after(text, end)
    if w in _ORG_NOUNS and text[end : end + 1] == " ":
        return True  # "the Raisina dialogue", "the Xinhua news agency"
    # before: "Air China", "Bank of England", "University of California", "Forces Korea"
    w, ws = _word_before(text, start)
    if w in _ORG_HEADS:
        return True
    if w in {"of", "for"}:
        w2, ws2 = _word_before(text, ws)
        for _ in range(3):
            if w2 in _ORG_HEADS:
                return True
            if not _is_cap(w2) or w2 in _TITLES:
                break
            w2, ws2 = _word_before(text, ws2)
    # inside a longer capitalised run that ends with an org word: "South China Morning Post"
    return False


def _person_before(text: str, start: int, given: frozenset[str]) -> bool:
    """Whether a title or a given name stands right before ``start`` ("Mr Jordan", "Lloyd Austin")."""
    if start < 2 or text[start - 1] != " ":
        return False
    w, _ = _word_before(text, start)
    if not _is_cap(w):
        return False
    return w in _TITLES or w.rstrip(".") in _TITLES or w in given


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


def _venues(text: str) -> list[tuple[int, int, str, str]]:
    """Venues named by their kind: (start, end, name, kind)."""
    out: list[tuple[int, int, str, str]] = []
    for h in _VENUE_HEAD.finditer(text):
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
            out.append(
                (
                    name_start,
                    name_end,
                    text[name_start:name_end],
                    "region" if head in _REGION_HEAD else "venue",
                )
            )
    for m in _VENUE_BEFORE.finditer(text):
        w, _ = _word_before(text, m.start())
        if _is_cap(w) and w not in _STOP_LEAD and not w.endswith(("'s", "’s")):
            continue  # inside a longer name
        out.append((m.start(), m.end(), m.group(), "venue"))
    return out


def _score(p: Place, alt: bool, countries: Counter[str], admin1: Counter[str], total: int) -> float:
    s = math.log10(p.population + 10) + 1.0 * math.log10(p.fame + 1)
    if alt:
        s -= 3.0
    if p.kind == "country":
        s += 2.5
    elif p.flags & EXTRA:
        s += 2.0
    if p.flags & CAPITAL:
        s += 1.5
    if p.country and p.kind != "country" and countries[p.country]:
        # the share of the document's places in that country: local news favours local places
        s += 0.5 + 2.5 * countries[p.country] / total
    if p.admin1 and admin1[p.admin1]:
        s += 1.0 + min(admin1[p.admin1], 5) * 0.2
    return s


def find_locations(
    text: str, analysis: Analysis | None = None, knowledge: Knowledge = EMPTY
) -> list[Location]:
    """Every place the text names, one :class:`Location` per place with all its mentions, by first mention."""
    if not text or not isinstance(text, str):
        return []
    gaz = get_gazetteer(knowledge)
    keys = gaz.keys
    given = gaz.given

    # 1. whole-word matches, leftmost-longest
    raw = [(s, e, k) for s, e, k in gaz.scan(text) if _boundary(text, s, e)]
    raw.sort(key=lambda t: (t[0], -t[1]))
    spans: list[tuple[int, int, int]] = []
    last = -1
    for s, e, k in raw:
        if s >= last:
            spans.append((s, e, k))
            last = e

    # datelines: "GENEVA - ", "WASHINGTON (Reuters) -" at the start of a line
    automaton = gaz.automaton()
    datelines: set[int] = set()
    for m in _DATELINE.finditer(text):
        k = automaton.get(m.group(1).title(), -1)
        if k >= 0 and all(sp[0] != m.start(1) for sp in spans):
            spans.append((m.start(1), m.end(1), k))
            datelines.add(m.start(1))
    spans.sort()

    # venues named by their kind replace the gazetteer names they contain
    venue_spans = [v for v in _venues(text) if not gaz.lookup(v[2])]
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

    # 2. context filters
    surnames: set[str] = set()
    kept: list[tuple[int, int, int]] = []
    for s, e, k in spans:
        form = keys[k]
        if form in _WEEK_MONTHS or _in_org(text, s, e):
            continue
        cands = gaz.candidates(k)
        small = all(alt or _small(p) for p, alt in cands)
        if small and _demonym(form):
            continue
        if _person_before(text, s, given) or (small and _name_before(text, s, gaz)):
            surnames.add(form)
            continue
        nxt, _ = _word_after(text, e)
        if (
            (form in given or small)
            and text[e : e + 1] == " "
            and _is_cap(nxt)
            and nxt not in _TITLES
            and nxt not in _WEEK_MONTHS
            and nxt not in _ORG_HEADS
            and nxt.rstrip(".’'s") not in given
            and not gaz.lookup(nxt)
        ):
            surnames.add(form)
            continue  # "Jordan Peterson", "Kim Jong Un": a given name and a surname
        kept.append((s, e, k))
    if surnames:
        kept = [
            sp
            for sp in kept
            if keys[sp[2]] not in surnames or _word_before(text, sp[0])[0].lower() in _LOCATIVE
        ]

    # 3. first pass: what the document is about (countries and states of unambiguous names)
    countries: Counter[str] = Counter()
    admin1: Counter[str] = Counter()
    quals: dict[int, tuple[int, int, Place]] = {}
    own: list[tuple[str | None, str]] = []
    for s, e, k in kept:
        q = _qualifier(text, e, gaz)
        if q is not None:
            quals[s] = q
        top = [p for p, alt in gaz.candidates(k) if not alt]
        contrib: tuple[str | None, str] = (None, "")
        if len(top) == 1 or (top and top[0].kind == "country"):
            contrib = (top[0].country, top[0].admin1)
        elif top and all(p.country == top[0].country for p in top):
            # "Atlanta": every candidate is in one country; the best known one gives the state
            big = max(top, key=lambda p: p.population * (p.fame + 1))
            contrib = (big.country, big.admin1)
        own.append(contrib)
        if contrib[0]:
            countries[contrib[0]] += 1
        if contrib[1]:
            admin1[contrib[1]] += 1
        if q is not None and q[2].country:
            countries[q[2].country] += 1
            if q[2].admin1:
                admin1[q[2].admin1] += 1

    # 4. resolve each mention
    resolved: list[tuple[int, int, Place, bool]] = []
    qualifier_starts = {q[0] for q in quals.values()}
    for (s, e, k), (own_c, own_a) in zip(kept, own, strict=True):
        if s in qualifier_starts:
            continue  # read as the qualifier of the name before it
        # context from the other mentions only
        if own_c:
            countries[own_c] -= 1
        if own_a:
            admin1[own_a] -= 1
        total = max(sum(countries.values()), 1)
        cands = gaz.candidates(k)
        q = quals.get(s)
        if q is not None:
            qp = q[2]
            narrowed = [
                (p, alt)
                for p, alt in cands
                if p.index != qp.index and (p.admin1 == qp.admin1 if qp.admin1 else p.country == qp.country)
            ]
            cands = narrowed or cands
        cue = _word_before(text, s)[0].lower() in _CUES
        best: Place | None = None
        best_score = -1e9
        for p, alt in cands:
            if alt and q is None and not (cue or countries[p.country or ""]):
                continue  # an old or foreign name ("Amano" for Amman) only with its country around
            if (
                p.flags & WORD
                and q is None
                and p.kind in ("city", "region")
                and not p.flags & (EXTRA | CAPITAL)
                and (p.population < 100_000 or (p.population < 1_000_000 and not cue))
            ):
                continue  # "Congress", "Reading": a word unless "in Reading" or "Reading, Pa."
            if _small(p) and q is None:
                if p.population < 15_000 and not (cue and admin1[p.admin1]) and not admin1[p.admin1] >= 2:
                    continue  # a village only with its state around it
                if not (cue or countries[p.country or ""] or admin1[p.admin1]):
                    continue  # a small foreign town only with its country around it
            sc = _score(p, alt, countries, admin1, total)
            if sc > best_score:
                best, best_score = p, sc
        if own_c:
            countries[own_c] += 1
        if own_a:
            admin1[own_a] += 1
        if best is None:
            continue
        resolved.append((s, e, best, _metonym(text, e, best)))
        if q is not None:
            resolved.append((q[0], q[1], q[2], False))

    # 5. a venue takes the country and point of a place in its name, in its sentence, or of the
    # document's first city (news datelines and leads name the host city first)
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
        pw, pws = _word_before(text, vs)
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

    # 6. one Location per place
    resolved.sort(key=lambda r: r[0])
    groups: dict[object, list[tuple[int, int, Place, bool]]] = {}
    for r in resolved:
        key: object = r[2].index if r[2].index >= 0 else ("venue", r[2].name.casefold())
        groups.setdefault(key, []).append(r)
    out: list[Location] = []
    for rs in groups.values():
        p = rs[0][2]
        texts = list(dict.fromkeys(text[s:e] for s, e, _, _ in rs))
        name = texts[0]
        aliases = [t for t in texts[1:]]
        if p.name not in texts and p.index >= 0:
            aliases.append(p.name)
        out.append(
            Location(
                name=name,
                kind=p.kind,  # type: ignore[arg-type]
                country=p.country,
                latitude=p.latitude,
                longitude=p.longitude,
                mentions=tuple(Mention(s, e, text[s:e]) for s, e, _, _ in rs),
                metonym=any(m for _, _, _, m in rs),
                aliases=tuple(aliases),
            )
        )
    out.sort(key=lambda loc: loc.mentions[0].start)
    return out


def _small(p: Place) -> bool:
    """A town or region that needs context to be read as a place."""
    return p.kind in ("city", "region") and not p.flags & (EXTRA | CAPITAL) and p.population < 100_000


def _demonym(form: str) -> bool:
    """A people's name used as a town's ("Argentine"): a demonym is never a place here."""
    from diplomacy_events.countries import demonym_country

    try:
        return demonym_country(form) is not None
    except Exception:  # the country tables are another module's; a failure there must not stop us
        return False


def _name_before(text: str, start: int, gaz: Gazetteer) -> bool:
    """A capitalised word that is not a place word right before a small place: part of a person's name."""
    if start < 2 or text[start - 1] != " ":
        return False
    w, ws = _word_before(text, start)
    if not _is_cap(w) or w in _PLACE_LEAD or w.endswith(("'s", "’s", ".")) or w.isupper():
        return False
    if gaz.lookup(w):
        return False
    # the first word of a sentence is capitalised anyway
    i = ws - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    return i >= 0 and text[i] not in ".!?\n\"“‘'(:;"


def gaz_places_in(gaz: Gazetteer, name: str) -> list[Place]:
    """Places whose names occur as whole words in ``name`` (longest first)."""
    found = [(e - s, k) for s, e, k in gaz.scan(name) if _boundary(name, s, e)]
    found.sort(reverse=True)
    return [gaz.candidates(k)[0][0] for _, k in found]


def _metonym(text: str, end: int, p: Place) -> bool:
    """A country, capital or seat of government followed by a verb of saying or acting."""
    if not (p.kind == "country" or p.flags & CAPITAL or (p.kind == "venue" and p.flags & EXTRA)):
        return False
    j = end
    if text[j : j + 2] in ("'s", "’s"):
        return False
    w, _ = _word_after(text, j)
    return w in _METONYM_VERBS


@hookimpl(trylast=True)
def extract_locations(document: Document, analysis: Analysis, knowledge: Knowledge) -> Sequence[Location]:
    """The built-in location extractor."""
    return find_locations(document.text, analysis, knowledge)
