"""Officials, organizations and states: who acts, with which title, for which country.

One pass of two compiled regular expressions finds the capitalised word runs (candidate names,
countries, organizations) and the titles ("Foreign Minister", "spokesman", "Secretary of
State"). Titles are then tied to names by position: a title just before a name ("Chinese
Foreign Minister Qin Gang"), an appositive after it ("Sergei Lavrov, Russia's foreign
minister") or before it ("Mexico's president, Andrés Manuel López Obrador,"), or a plural
title over a list ("foreign ministers - Britain's Philip Hammond, France's ..."). Shorter
references ("Blinken", "Mr. Lavrov", "Lula") become mentions of the full-named person.
The country comes from the words around the title, then a roster of officials, then the
sentence and the document. Countries and capitals that act ("Beijing sees", "Washington
urged") are ``state`` actors; ministries, delegations, agencies and international bodies are
``organization`` actors.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

import ahocorasick
import attrs

from diplomacy_events import countries
from diplomacy_events.hookspecs import hookimpl
from diplomacy_events.lexicon import EMPTY, Knowledge, RosterEntry, load_json
from diplomacy_events.models import Actor, Document, Mention
from diplomacy_events.text import Analysis, analyze

__all__ = ["extract_actors", "find_actors"]

# Upper-case letter: any letter that is not a lower-case Latin one.
_TOKEN = r"(?:(?:al|el)-)?[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'\-]*(?:\.\w[\w’'\-]*)*\.?"
_PARTICLES = (
    "von|van|der|den|de|da|di|do|dos|das|du|del|della|la|le|bin|bint|ibn|al|el|ben|zu|ter|ten|y|e|of|of the"
)
_WORDCHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-_")
_RUN = re.compile(rf"{_TOKEN}(?:[ \u00a0](?:(?:{_PARTICLES})[ \u00a0])*{_TOKEN})*")
_TOK = re.compile(r"[^ \u00a0]+")
_ABBREV_DOT = frozenset(
    [
        "Jr",
        "Sr",
        "St",
        "Mr",
        "Ms",
        "Mrs",
        "Dr",
        "Gen",
        "Rep",
        "Sen",
        "Lt",
        "Col",
        "Adm",
        "Gov",
        "Maj",
        "Capt",
        "Prof",
        "Rev",
        "Cmdr",
        "Sgt",
        "Mme",
        "Ltd",
        "Inc",
        "Corp",
        "Co",
    ]
)
_WORDS_BACK = re.compile(r"[\w’'.\-]+|[,;:()\"“”—–]")
_CONNECTORS = frozenset(_PARTICLES.split("|")) | {"of", "the"}

_STOP = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "But",
        "And",
        "Or",
        "As",
        "For",
        "With",
        "From",
        "By",
        "To",
        "Of",
        "After",
        "Before",
        "During",
        "While",
        "When",
        "Under",
        "Over",
        "Despite",
        "Earlier",
        "Later",
        "Photo",
        "Meanwhile",
        "Since",
        "Until",
        "Asked",
        "Speaking",
        "Also",
        "Some",
        "Many",
        "Most",
        "Several",
        "Both",
        "All",
        "Each",
        "Other",
        "Others",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "Their",
        "They",
        "He",
        "She",
        "It",
        "We",
        "I",
        "You",
        "His",
        "Her",
        "Its",
        "Our",
        "My",
        "Your",
        "Who",
        "What",
        "Where",
        "Why",
        "How",
        "Which",
        "If",
        "Then",
        "Than",
        "Now",
        "Today",
        "Yesterday",
        "Tomorrow",
        "Last",
        "Next",
        "New",
        "Old",
        "First",
        "Second",
        "Third",
        "One",
        "Two",
        "Three",
        "Four",
        "Five",
        "Six",
        "Seven",
        "Eight",
        "Nine",
        "Ten",
        "Read",
        "Sign",
        "Get",
        "Subscribe",
        "Want",
        "Do",
        "Did",
        "Does",
        "Is",
        "Are",
        "Was",
        "Were",
        "Be",
        "Not",
        "No",
        "Yes",
        "So",
        "Such",
        "Only",
        "Even",
        "Still",
        "Just",
        "Yet",
        "However",
        "Although",
        "Though",
        "Because",
        "Instead",
        "Separately",
        "Analysts",
        "Officials",
        "Diplomats",
        "Leaders",
        "Sources",
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
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "Mon",
        "Tue",
        "Wed",
        "Thu",
        "Fri",
        "Sat",
        "Sun",
        "By",
        "Reporting",
        "Editing",
        "Writing",
        "Additional",
        "Via",
        "More",
        "Less",
        "Here",
        "Please",
        "Thank",
        "Thanks",
        "Hello",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
    ]
)
_MONTH_NAMES = frozenset({"May", "March", "June", "April", "August"})
_VERBISH_EXTRA = frozenset(
    [
        "said",
        "says",
        "has",
        "have",
        "had",
        "is",
        "was",
        "will",
        "would",
        "should",
        "could",
        "can",
        "may",
        "might",
        "must",
        "did",
        "does",
        "do",
        "also",
        "not",
        "gave",
        "told",
        "took",
        "made",
        "sent",
        "met",
        "held",
        "led",
        "won",
        "struck",
        "fought",
        "kept",
        "left",
        "brought",
        "sought",
        "began",
        "saw",
        "spoke",
        "chose",
        "broke",
        "flew",
        "went",
        "came",
        "set",
        "put",
        "cut",
        "hit",
        "let",
        "ran",
        "paid",
        "lost",
        "built",
        "got",
        "became",
        "drew",
        "threw",
        "wrote",
        "rose",
        "fell",
        "knew",
        "grew",
        "wants",
        "needs",
        "sees",
        "hopes",
        "denies",
        "denied",
        "refuses",
        "refused",
        "insists",
        "insisted",
    ]
)
_NOT_VERB = frozenset(
    [
        "as",
        "its",
        "this",
        "his",
        "was",
        "is",
        "has",
        "does",
        "us",
        "plus",
        "bus",
        "gas",
        "news",
        "series",
        "status",
        "versus",
        "thus",
        "yes",
        "chaos",
        "across",
        "towards",
        "afterwards",
        "always",
        "perhaps",
        "whereas",
        "less",
        "unless",
    ]
)
_TARGET_VERBS = frozenset(
    [
        "urged",
        "told",
        "accused",
        "warned",
        "thanked",
        "criticised",
        "criticized",
        "asked",
        "pressed",
        "condemned",
        "blamed",
        "sanctioned",
        "visited",
        "called",
        "invited",
        "joined",
        "praised",
        "defended",
        "attacked",
        "supported",
        "backed",
        "urging",
        "urges",
        "warns",
        "accuses",
        "with",
        "against",
        "by",
        "between",
    ]
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
    forms: dict[str, tuple[str, str]]
    orgs: dict[str, tuple[str, str | None]]
    org_suffixes: frozenset[str]
    given: frozenset[str]
    not_name_last: frozenset[str]
    surnames_ea: frozenset[str]
    roster: dict[str, list[RosterEntry]]
    max_form_len: int
    first_words: dict[str, int]


@functools.lru_cache(maxsize=4096)
def _key(name: str) -> str:
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold().replace("’", "'")
    return " ".join(s.replace(".", " ").replace("-", " ").split())


def _build(knowledge: Knowledge) -> _Lex:
    data: dict[str, Any] = load_json("titles.json")
    weak = {w.lower() for w in data["weak"]}
    titles: dict[str, _TitleInfo] = {}
    for title, role, cameo, country in data["titles"]:
        titles.setdefault(title.lower(), _TitleInfo(role, cameo, country, title.lower() in weak))
    for entry in knowledge.titles:
        titles[entry.title.lower()] = _TitleInfo(entry.role, entry.cameo_role, entry.country, False)
    portfolios = [p.lower() for p in data["portfolios"]]
    generic = {c.lower(): c for c in data["generic_cores"]}
    role_mods = [m.lower() for m in data["role_modifiers"]]
    automaton = ahocorasick.Automaton()
    for p in portfolios:
        for c in generic:
            automaton.add_word(f"{p} {c}", ("t", f"{p} {c}"))
    for key in titles:
        automaton.add_word(key, ("t", key))
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
            automaton.add_word(b.lower(), ("b", b.lower()))
    automaton.make_automaton()
    given = frozenset(load_json("officials_given_names.json"))
    ea = frozenset(load_json("roster.json").get("east_asian_surnames", []))
    roster: dict[str, list[RosterEntry]] = {}
    for e in _roster_entries(knowledge):
        for n in (e.name, *e.aliases):
            roster.setdefault(_key(n), []).append(e)
    max_len = max(len(f.split()) for f in (*forms, *orgs))
    first_words: dict[str, int] = {}
    for f in (*forms, *orgs):
        parts = f.split()
        first = _strip_poss(parts[0])[0]
        first_words[first] = max(first_words.get(first, 0), len(parts))
    return _Lex(
        automaton=automaton,
        role_mods=frozenset(role_mods),
        titles=titles,
        generic_cores=generic,
        portfolios=frozenset(portfolios),
        former_mods=frozenset(m.lower() for m in data["former_modifiers"]),
        mods=frozenset(m.lower() for m in data["other_modifiers"]) | frozenset(role_mods),
        honorifics=frozenset(data["honorifics"]),
        forms=forms,
        orgs=orgs,
        org_suffixes=frozenset(org_data["suffixes"]),
        given=given,
        not_name_last=frozenset(load_json("officials_words.json")["not_name_last"]),
        surnames_ea=ea,
        roster=roster,
        max_form_len=max_len,
        first_words=first_words,
    )


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


# --------------------------------------------------------------------------------------------
# Working records


@attrs.define
class _Tok:
    start: int
    end: int
    text: str


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
    used: bool = False


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


def _run_tokens(text: str, start: int, end: int) -> list[_Tok]:
    toks = []
    for m in _TOK.finditer(text, start, end):
        s, e = m.start(), m.end()
        word = m.group()
        if word.endswith(".") and word[:-1] not in _ABBREV_DOT and "." not in word[:-1] and len(word) > 2:
            e -= 1  # a sentence's full stop, not an abbreviation
            word = word[:-1]
        toks.append(_Tok(s, e, word))
    return toks


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
        self.places: list[tuple[int, int, str, str]] = []  # start, end, iso3, surface kind
        self.org_hits: list[tuple[int, int, str, str | None]] = []
        self.candidates: list[tuple[list[_Tok], int]] = []  # tokens, honorific/particle evidence
        self.singles: list[_Tok] = []
        self.titles: list[_TitleHit] = []
        self.body_hits: list[tuple[int, int]] = []
        self.low = text
        self._title_by_end: dict[int, _TitleHit] = {}
        self._title_end_list: list[int] = []

    # ---------------------------------------------------------------- scanning
    def run(self) -> list[Actor]:
        text = self.text
        lex = self.lex
        low = text.lower()
        if len(low) != len(text):
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        low = low.replace("’", "'")
        self.low = low
        n = len(low)
        for end, (tag, key) in lex.automaton.iter_long(low):
            e = end + 1
            s = e - len(key)
            glued = (s > 0 and (low[s - 1].isalnum() or low[s - 1] == "-")) or (
                e < n and low[e] in _WORDCHARS
            )
            plural = e < n and low[e] == "s" and (e + 1 == n or low[e + 1] not in _WORDCHARS)
            if glued and not plural and not low.startswith("-elect", e):
                continue
            if tag == "b":
                self.body_hits.append((s, e))
                continue
            self._title_hit(s, e, key)
        title_starts = sorted((t.start, t.end) for t in self.titles)
        for m in _RUN.finditer(text):
            s = m.start()
            if s >= 3 and text[s - 1] == "-" and text[s - 3 : s - 1] in ("al", "el", "Al", "El"):
                s -= 3  # "al-Nasser"
            elif s > 0 and (text[s - 1].isalnum() or text[s - 1] in "’'-."):
                continue  # inside a word
            self._scan_run(_run_tokens(text, s, m.end()), title_starts)
        for t in self.titles:
            self._qualify(t)
        persons = self._persons()
        groups = self._states_and_orgs(persons)
        return self._finish(persons, groups)

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
        if s > 0 and (low[s - 1].isalnum() or low[s - 1] == "-"):
            return
        info = lex.titles.get(key) or self._generic_title(key)
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
        self.titles.append(
            _TitleHit(s, e - (1 if plural else 0), text[s : e - (1 if plural else 0)], info, plural)
        )

    def _glued_to_name(self, start: int) -> bool:
        text = self.text
        if start < 2 or text[start - 1] != " ":
            return False
        k = start - 1
        while k > 0 and not text[k - 1].isspace():
            k -= 1
        word = _strip_poss(text[k : start - 1])[0]
        if not word[:1].isupper() or word in _STOP or word.endswith("."):
            return False
        return (
            word not in self.lex.forms and word not in self.lex.orgs and word.lower() not in self.lex.titles
        )

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

    def _scan_run(self, toks: list[_Tok], title_spans: list[tuple[int, int]]) -> None:
        """Split a capitalised run into places, organizations and name candidates."""
        lex = self.lex
        forms = lex.forms
        orgs = lex.orgs
        n = len(toks)
        i = 0
        seg: list[_Tok] = []
        evidence = 0

        def flush() -> None:
            nonlocal seg, evidence
            if seg:
                self._candidate(seg, evidence)
            seg = []
            evidence = 0

        while i < n:
            tok = toks[i]
            word = tok.text
            if word in _CONNECTORS or word.lower() in ("of", "the"):
                if seg and word[0].islower() and word not in ("of", "the"):
                    seg.append(tok)  # a particle inside a name: "da Silva", "von der Leyen"
                else:
                    flush()
                i += 1
                continue
            if _in_spans(tok.start, title_spans):
                flush()
                i += 1
                continue
            # longest place or organization starting here
            best = 0
            hit: tuple[str, Any] | None = None
            span = lex.first_words.get(word) or lex.first_words.get(_strip_poss(word)[0], 0)
            limit = min(n, i + span)
            for j in range(limit, i, -1):
                phrase = self.text[tok.start : toks[j - 1].end]
                bare, poss = _strip_poss(phrase)
                if bare in orgs:
                    best, hit = j, ("org", orgs[bare])
                    break
                f = forms.get(bare) or (
                    forms.get(bare.removeprefix("the ")) if bare.startswith("the ") else None
                )
                if f is not None:
                    best, hit = j, ("place", f)
                    break
            if hit is not None:
                flush()
                end_tok = toks[best - 1]
                bare, poss = _strip_poss(self.text[tok.start : end_tok.end])
                e = tok.start + len(bare)
                if hit[0] == "org":
                    self.org_hits.append((tok.start, e, hit[1][0], hit[1][1]))
                else:
                    self.places.append((tok.start, e, hit[1][0], hit[1][1]))
                i = best
                continue
            bare, poss = _strip_poss(word)
            if bare in lex.honorifics or (word.endswith(".") and word[:-1] in lex.honorifics):
                flush()
                evidence = 2
                i += 1
                continue
            if (
                i + 1 < n
                and f"{word} {toks[i + 1].text}" in lex.honorifics
                and not _in_spans(toks[i + 1].start, title_spans)
            ):
                flush()
                evidence = 2
                i += 2
                continue
            if bare in _MONTH_NAMES and (seg or evidence):
                seg.append(tok)  # "Theresa May", "Mrs. May"
                if poss:
                    flush()
                i += 1
                continue
            if bare in _STOP or (len(bare) > 1 and bare.isupper() and "." not in bare):
                flush()
                i += 1
                continue
            if bare in lex.org_suffixes and seg:
                # "Acme Technology", "Supreme Court": an organization, not a person
                seg.append(tok)
                self._org_run(seg)
                seg = []
                evidence = 0
                i += 1
                continue
            seg.append(tok)
            if poss:
                flush()
            i += 1
        flush()

    def _org_run(self, seg: list[_Tok]) -> None:
        start, end = seg[0].start, seg[-1].end
        name, _ = _strip_poss(self.text[start:end])
        self.org_hits.append((start, start + len(name), name, None))

    def _candidate(self, seg: list[_Tok], evidence: int) -> None:
        while seg and seg[-1].text in _CONNECTORS:
            seg = seg[:-1]
        if not seg:
            return
        if len(seg) == 1:
            self.singles.append(seg[0])
            if evidence:
                self.candidates.append((seg, evidence))
            return
        self.candidates.append((seg, evidence))

    def _qualify(self, t: _TitleHit) -> None:
        """Read the words before a title: modifiers, a country, an international body, a possessor."""
        text = self.text
        lo = max(0, t.start - 60)
        words = [(m.start() + 0, m.end(), m.group()) for m in _WORDS_BACK.finditer(text, lo, t.start)]
        if lo > 0 and words:
            words = words[1:]  # the first word may be cut
        ext = t.start
        k = len(words) - 1
        forms = self.lex.forms
        steps = 0
        while k >= 0 and steps < 6:
            steps += 1
            s, e, w = words[k]
            lw = w.lower()
            if lw in self.lex.former_mods or lw == "then-":
                t.former = True
                ext, k = s, k - 1
                continue
            if lw in ("ex",):
                t.former = True
                ext, k = s, k - 1
                continue
            if lw in ("its", "his", "her", "their"):
                t.pronoun = lw == "its" or lw == "their"
                ext, k = s, k - 1
                break
            matched = False
            for span in (3, 2, 1):
                if k - span + 1 < 0:
                    continue
                s0 = words[k - span + 1][0]
                phrase = text[s0:e]
                bare, poss = _strip_poss(phrase)
                f = forms.get(bare)
                if f is None and bare in self.lex.orgs:
                    iso = self.lex.orgs[bare][1]
                    if t.country is None and iso is None:
                        t.igo = True
                    elif t.country is None:
                        t.country = iso
                    ext, k, matched = s0, k - span, True
                    break
                if f is not None:
                    if t.country is None:
                        t.country = f[0]  # "Russia's deputy U.N. ambassador": the country wins
                        t.igo = False
                    ext, k, matched = s0, k - span, True
                    break
            if matched:
                continue
            if lw in self.lex.mods:
                ext, k = s, k - 1
                continue
            bare, poss = _strip_poss(w)
            if poss and w[:1].isupper():
                t.possessor = bare
                ext, k = s, k - 1
                break
            if w[:1].isupper() and lw not in ("the", "a", "an") and w not in _STOP and not w.endswith("."):
                # a capitalised qualifier: "European Commission President", "House Speaker"
                ext, k = s, k - 1
                continue
            break
        t.ext_start = ext
        if t.country is None and not t.igo:
            self._title_tail(t)

    def _title_tail(self, t: _TitleHit) -> None:
        """The country or body named after a title: "head of the Atomic Energy Organization of Iran"."""
        text = self.text
        m = re.match(r"\s+(?:of|for|at|to)\s+(?:the\s+)?([^,;.()]{1,70})", text[t.end : t.end + 80])
        if not m:
            return
        tail = m.group(1)
        best: tuple[int, str | None, bool] | None = None
        for name, (_canon, iso) in self._orgs_in(tail):
            best = (len(name), iso, iso is None)
            break
        if best is not None:
            t.country, t.igo = best[1], best[2]
            return
        for m2 in re.finditer(r"[A-Z][\w’'.\-]*(?: [A-Z][\w’'.\-]*)*", tail):
            bare, _ = _strip_poss(m2.group())
            f = self.lex.forms.get(bare)
            if f is not None:
                t.country = f[0]
                return

    def _orgs_in(self, s: str) -> Iterable[tuple[str, tuple[str, str | None]]]:
        for m in re.finditer(r"[A-Z][\w’'.\-+]*(?: (?:of |of the |and )?[A-Z][\w’'.\-+]*)*", s):
            words = m.group().split(" ")
            for i in range(len(words)):
                for j in range(len(words), i, -1):
                    phrase, _ = _strip_poss(" ".join(words[i:j]))
                    if phrase in self.lex.orgs:
                        yield phrase, self.lex.orgs[phrase]
                        return

    # ---------------------------------------------------------------- persons
    def _persons(self) -> list[_Person]:
        text = self.text
        lex = self.lex
        titles = sorted(self.titles, key=lambda t: t.start)
        t_ends = {t.end: t for t in titles}
        self._title_by_end = t_ends
        self._title_end_list = sorted(t_ends)
        by_key: dict[str, _Person] = {}
        ordered: list[_Person] = []
        for seg, evidence in self.candidates:
            start, end = seg[0].start, seg[-1].end
            name, _poss = _strip_poss(text[start:end])
            end = start + len(name)
            words = name.split(" ")
            score = evidence
            title = self._title_before(start, t_ends)
            if title is not None:
                score += 2
            app = self._appositive_after(end, titles)
            if app is not None:
                score += 2
                if title is None or (title.info.weak and not app.info.weak):
                    title = app
            key = _key(name)
            if key in lex.roster:
                score += 2
            first = words[0]
            if first in lex.given:
                score += 1
            if first in lex.surnames_ea and (len(words) == 3 or "-" in name):
                score += 1
            if any(
                w in ("bin", "bint", "ibn", "von", "van", "da", "de", "al") or w.startswith(("al-", "Al-"))
                for w in words
            ):
                score += 1
            if len(words) == 1:
                need = 2 if key in lex.roster or (title is not None and not title.info.weak) else 99
            else:
                need = 1
            if words[-1] in lex.org_suffixes or words[-1] in lex.not_name_last:
                continue
            if score < need:
                continue
            p = by_key.get(key)
            if p is None:
                p = _Person(name=name, start=start, end=end, mentions=[])
                by_key[key] = p
                ordered.append(p)
            p.mentions.append((start, end))
            p.evidence = max(p.evidence, score)
            if title is not None and (p.title is None or (p.title.info.weak and not title.info.weak)):
                p.title = title
                title.used = True
            elif title is not None:
                title.used = True
            self._direct_country(p, start)
        self._plural_lists(ordered, titles)
        self._link_short(ordered)
        return ordered

    def _title_before(self, start: int, t_ends: dict[int, _TitleHit]) -> _TitleHit | None:
        """A title just before ``start`` (honorifics between allowed), or an appositive
        "Mexico's president, Andrés ..." / "head of the agency, Ali ..." before the name."""
        text = self.text
        hon = self.lex.honorifics
        i = start
        for _ in range(3):
            j = i
            while j > 0 and text[j - 1] in " \u00a0":
                j -= 1
            t = t_ends.get(j)
            if t is not None:
                return None if t.plural else t
            k = j
            while k > 0 and not text[k - 1].isspace():
                k -= 1
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
            return None
        return None

    def _title_with_tail(self, comma: int) -> _TitleHit | None:
        """The title whose "of ..." tail runs up to ``comma``: "speaker of the lower house,"."""
        ends = self._title_end_list
        i = bisect.bisect_right(ends, comma) - 1
        if i < 0:
            return None
        end = ends[i]
        if comma - end > 70 or not _TAIL.fullmatch(self.text, end, comma):
            return None
        return self._title_by_end[end]

    def _appositive_after(self, end: int, titles: list[_TitleHit]) -> _TitleHit | None:
        text = self.text
        m = _COMMA.match(text, end)
        if m is None:
            return None
        after = m.end()
        for t in titles:
            if t.start < after:
                continue
            if t.start > after + 60:
                break
            if t.plural:
                return None
            if t.ext_start <= after:
                return t
            return None
        return None

    def _direct_country(self, p: _Person, start: int) -> None:
        """A country possessive or demonym right before a name: "Britain's Philip Hammond"."""
        text = self.text
        for _s, e, iso, _kind in self._places_before(start, 40):
            between = text[e:start]
            if re.fullmatch(r"(?:['’]s?)?\s+(?:[A-Z][\w.]*\s+)?", between):
                p.country = p.country or iso
            break
        m = re.match(r"\s+in\s+([A-Z][\w’'\-]+(?: [A-Z][\w’'\-]+)?)", text[p.end : p.end + 30])
        if m:
            p.near_capital = countries.capital_country(m.group(1))

    def _places_before(self, pos: int, window: int) -> list[tuple[int, int, str, str]]:
        out = [pl for pl in self.places if pos - window <= pl[1] <= pos]
        return out[::-1]

    def _plural_lists(self, persons: list[_Person], titles: list[_TitleHit]) -> None:
        """ "foreign ministers - Britain's Philip Hammond, France's Laurent Fabius ..." """
        text = self.text
        for t in titles:
            if not t.plural:
                continue
            m = re.compile(r"[^.;:\-—–]{0,40}?\s[-—–:]\s").match(text, t.end)
            if m is None:
                continue
            si = self.an.sentence_index(t.start)
            for p in persons:
                if p.start >= m.end() and p.title is None and self.an.sentence_index(p.start) == si:
                    gap_ok = p.start - m.end() < 200
                    if gap_ok:
                        p.title = attrs.evolve(t, plural=False)
                        if p.country is None and t.country is not None:
                            p.country = t.country

    def _link_short(self, persons: list[_Person]) -> None:
        """Single capitalised words that are a name word of a found person become its mentions."""
        token_owner: dict[str, _Person] = {}
        for p in persons:
            for w in p.name.split(" "):
                if w[:1].isupper() and w not in ("Al", "Jr.", "Jr"):
                    token_owner.setdefault(w, p)
        taken = {m for p in persons for m in p.mentions}
        for tok in self.singles:
            bare, _ = _strip_poss(tok.text)
            owner = token_owner.get(bare)
            if owner is None:
                continue
            span = (tok.start, tok.start + len(bare))
            if any(s <= span[0] < e for s, e in taken):
                continue
            owner.mentions.append(span)
            owner.aliases.add(bare)
        for p in persons:
            p.mentions.sort()

    # ---------------------------------------------------------------- states and organizations
    def _states_and_orgs(self, persons: list[_Person]) -> list[_Group]:
        text = self.text
        groups: dict[tuple[str, str], _Group] = {}
        person_spans = [m for p in persons for m in p.mentions]
        places = sorted(self.places)
        # coordinated countries share the verb after the last one: "Italy, Spain and Denmark expelled"
        i = 0
        while i < len(places):
            j = i
            while j + 1 < len(places) and re.fullmatch(
                r"(?:,|,? and|,? or)\s+(?:the\s+)?", text[places[j][1] : places[j + 1][0]]
            ):
                j += 1
            acting = self._acts(places[i][0], places[j][1])
            for k in range(i, j + 1):
                s, e, iso, kind = places[k]
                if kind == "demonym":
                    continue
                if kind == "seat" and countries.seat_kind(text[s:e]) == "organization":
                    g = groups.setdefault(("org", text[s:e]), _Group(text[s:e], "organization", iso, []))
                    g.mentions.append((s, e))
                    continue
                if acting or self._targeted(s):
                    name = countries.country_name(iso) or text[s:e]
                    g = groups.setdefault(("state", iso), _Group(name, "state", iso, []))
                    g.mentions.append((s, e))
                    if text[s:e] != name:
                        g.aliases.add(text[s:e])
            i = j + 1
        for s, e, org_name, org_iso in self.org_hits:
            if any(ps <= s < pe for ps, pe in person_spans):
                continue
            prev = text[max(0, s - 8) : s]
            if prev.rstrip().endswith("Photo:"):
                continue
            canon = org_name
            found = groups.get(("org", canon))
            if found is None:
                found = groups[("org", canon)] = _Group(canon, "organization", org_iso, [])
            g = found
            g.mentions.append((s, e))
            surface = text[s:e]
            if surface != canon:
                g.aliases.add(surface)
            if org_iso is None and self.lex.orgs.get(surface) is None:
                # a national body named by its run: "South Korea's Supreme Court"
                for _ps, pe, piso, _k in self._places_before(s, 25):
                    if re.fullmatch(r"(?:['’]s)?\s+", text[pe:s]):
                        g.country = g.country or piso
                    break
        for s, e in self.body_hits:
            for ps, pe, piso, kind in self._places_before(s, 30):
                gap = text[pe:s]
                if re.fullmatch(r"['’]s\s+", gap):
                    name = text[s:e]
                elif re.fullmatch(r"\s+", gap) and kind in ("demonym", "country"):
                    name = text[ps:e]
                    s = ps
                else:
                    break
                g = groups.setdefault(("org", name.lower()), _Group(name, "organization", piso, []))
                g.mentions.append((s, e))
                break
        return list(groups.values())

    def _acts(self, start: int, end: int) -> bool:
        text = self.text
        m = re.match(r"(?:['’]s)?\s*(?:,\s*(?:which|who)\b)?\s*([A-Za-z’'\-]+)", text[end : end + 40])
        if m is None:
            return False
        if text[end : end + 1] in ("'", "’"):
            return False
        if m.group(0).lstrip().startswith(","):
            return True
        w = m.group(1)
        if w[0].isupper():
            return False
        if w in _VERBISH_EXTRA:
            return True
        if w in _NOT_VERB or len(w) < 4:
            return False
        return w.endswith("ed") or (w.endswith("s") and not w.endswith("ss"))

    def _targeted(self, start: int) -> bool:
        m = re.search(r"([a-z]+)\s+(?:the\s+)?$", self.text[max(0, start - 25) : start])
        return m is not None and m.group(1) in _TARGET_VERBS and m.group(1) not in ("with", "between", "by")

    # ---------------------------------------------------------------- countries and output
    def _finish(self, persons: list[_Person], groups: list[_Group]) -> list[Actor]:
        text = self.text
        counts: dict[str, int] = {}
        for _s, _e, iso, _k in self.places:
            counts[iso] = counts.get(iso, 0) + 1
        dominant = max(counts, key=lambda k: counts[k]) if counts else None
        by_name = {p.name: p for p in persons}
        for p in persons:
            words = p.name.split(" ")
            for w in words:
                by_name.setdefault(w, p)
        roster_hits = {id(p): self._roster(p) for p in persons}
        out: list[tuple[int, Actor]] = []
        # country in order: the title's words, the name's own words, the roster, possessors, context
        for p in persons:
            t = p.title
            entry = roster_hits[id(p)]
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
                if country is None and t.pronoun:
                    country = self._recent_country(t.start)
            if country is None and not igo:
                # a relative shares the surname: "first lady Jill Biden"
                last = p.name.rsplit(" ", 1)[-1]
                for q in persons:
                    if q is not p and q.country and q.name.rsplit(" ", 1)[-1] == last:
                        country = q.country
                        break
            if country is None and not igo:
                country = self._sentence_country(p.start) or self._recent_country(p.start) or dominant
            p.country = country
            title = t.text if t is not None else None
            role = t.info.role if t is not None else None
            cameo = t.info.cameo if t is not None else None
            weak_title = t is None or t.info.role in ("official",)
            former = bool(t and t.former)
            if entry is not None and self.published is not None:
                covering = self._covering(p)
                if weak_title and covering is not None:
                    title, role = covering.title, covering.role
                    cameo = cameo or "GOV"
                elif t is None:
                    title, role, cameo = entry.title, entry.role, "GOV"
                if covering is None and (t is None or t.info.role == entry.role):
                    ends = [e.end for e in self._entries(p)]
                    if ends and all(e is not None and e < self.published for e in ends):
                        former = True
            elif entry is not None and t is None:
                title, role, cameo = entry.title, entry.role, "GOV"
            if igo and cameo == "GOV":
                cameo = "IGO"
            aliases = tuple(sorted(a for a in p.aliases if a != p.name))
            mentions = tuple(Mention.at(text, s, e) for s, e in sorted(set(p.mentions)))
            out.append(
                (
                    mentions[0].start,
                    Actor(
                        name=p.name,
                        kind="person",
                        title=title,
                        country=country,
                        former=former,
                        mentions=mentions,
                        role=role,
                        cameo_role=cameo,
                        aliases=aliases,
                    ),
                )
            )
        # title-only references: linked to the named holder of the office, or nameless
        nameless: dict[tuple[str, str | None], list[_TitleHit]] = {}
        for t in self.titles:
            if t.used or t.plural or t.info.weak or t.possessor:
                continue
            holders = [
                p
                for p in persons
                if p.title is not None
                and p.title.info.role == t.info.role
                and (t.country is None or p.country == t.country)
            ]
            if len(holders) == 1 and (t.country is not None or t.info.role not in ("head_of_state",)):
                holders[0].mentions.append((t.start, t.end))
                continue
            if t.country is not None and not holders:
                nameless.setdefault((t.info.role, t.country), []).append(t)
        for (role, _nation), hits in nameless.items():
            h = hits[0]
            mentions = tuple(Mention.at(text, x.start, x.end) for x in hits)
            out.append(
                (
                    h.start,
                    Actor(
                        name=None,
                        kind="person",
                        title=h.text,
                        country=iso,
                        former=h.former,
                        mentions=mentions,
                        role=role,
                        cameo_role=h.info.cameo,
                    ),
                )
            )
        # re-sort person mentions that were added by title links
        out = [
            (a.mentions[0].start, a)
            if a.name is None
            else (
                a.mentions[0].start,
                attrs.evolve(
                    a,
                    mentions=tuple(Mention.at(text, s, e) for s, e in sorted(set(by_name[a.name].mentions))),
                ),
            )
            for _, a in out
        ]
        for g in groups:
            if not g.mentions:
                continue
            ms = tuple(Mention.at(text, s, e) for s, e in sorted(set(g.mentions)))
            cameo = "IGO" if g.kind == "organization" and g.country is None else "GOV"
            out.append(
                (
                    ms[0].start,
                    Actor(
                        name=g.name,
                        kind=g.kind,  # type: ignore[arg-type]
                        country=g.country,
                        mentions=ms,
                        cameo_role=cameo,
                        aliases=tuple(sorted(g.aliases)),
                    ),
                )
            )
        out.sort(key=lambda x: x[0])
        return [a for _, a in out]

    def _entries(self, p: _Person) -> list[RosterEntry]:
        return self.lex.roster.get(_key(p.name), [])

    def _covering(self, p: _Person) -> RosterEntry | None:
        d = self.published
        if d is None:
            return None
        for e in self._entries(p):
            if (e.start is None or e.start <= d) and (e.end is None or d <= e.end):
                return e
        return None

    def _roster(self, p: _Person) -> RosterEntry | None:
        entries = self._entries(p)
        if not entries:
            return None
        d = self.published
        if d is None:
            return max(entries, key=lambda e: e.start or dt.date.min)
        covering = self._covering(p)
        if covering is not None:
            return covering
        before = [e for e in entries if e.start is None or e.start <= d]
        if before:
            return max(before, key=lambda e: e.start or dt.date.min)
        return entries[0]

    def _recent_country(self, pos: int) -> str | None:
        """The country of the nearest place or national body named before ``pos``."""
        best: tuple[int, str] | None = None
        for _s, e, iso, kind in self._places_before(pos, 400):
            if kind != "demonym":
                best = (e, iso)
                break
        for _s, e, _name, org_iso in self.org_hits:
            if org_iso and pos - 400 <= e <= pos and (best is None or e > best[0]):
                best = (e, org_iso)
        return best[1] if best else None

    def _sentence_country(self, pos: int) -> str | None:
        sent = self.an.sentence_at(pos)
        if sent is None:
            return None
        for s, _e, iso, _k in self.places:
            if sent.start <= s < sent.end:
                return iso
        return None


def _in_spans(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    i = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


_COMMA = re.compile(r",\s+")
_TAIL = re.compile(r"\s+(?:of|for|at|in)\s+[^,;.()\"“”]{1,60}")


@hookimpl(trylast=True)
def extract_actors(document: Document, analysis: Analysis, knowledge: Knowledge) -> list[Actor]:
    """The built-in officials, organizations and states extractor."""
    return find_actors(document.text, document.published, analysis, knowledge)
