"""Built-in statement extractor: direct quotes and reported speech, attributed to actors.

Attribution of a quote, in order:

1. after it, in its sentence: a speech verb next to an actor or a pronoun (``," Ruiz said``,
   ``," said the ministry``), or ``according to X``;
2. before it, in its sentence: the actor named closest before the speech verb nearest the quote
   (``Ruiz told him the US should "change course"``); without a verb, the sentence's first actor;
3. a pronoun resolves to the subject of the closest sentence before that names a person.

Two quotes of one sentence joined by their attribution (``"We are ready," she said, "to talk."``)
are one statement in two ``parts``. Reported speech (``He said Beijing had ...``) gives ``indirect``
statements whose ``quote`` is the reported clause.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from diplomacy_events import countries
from diplomacy_events.extractors._context import (
    Index,
    actor_index,
    date_index,
    marked_person,
    resolve_pronoun,
    sex_of,
)
from diplomacy_events.hookspecs import hookimpl
from diplomacy_events.lexicon import load_json
from diplomacy_events.models import Actor, Document, Statement, StatementPart, TimeExpression
from diplomacy_events.text import Analysis, Quote, analyze
from diplomacy_events.wordtrie import alternation

_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")
_AFTER_WINDOW = 80
_POSSESSED_TITLE = re.compile(r"['’]s\s+(?:[a-z-]+\s+){0,3}[a-z]+,?\s+")
_IN_PLACE_GAP = re.compile(r"(?:\s+[a-z]+)?\s+(?:in|at)\s+")
# (a bare "and" may join the words of a title: "Minister of Energy and Environment")
_NEW_CLAUSE = re.compile(
    r"\b(?:while|whereas|but|although|though|as|when|after)\b|,\s+and\b|\band\s+(?:his|her|their|its)\b"
)
# Abbreviated honorifics and ranks, whose full stop ends no sentence ("said Dr. Ana Ruiz").
_HONORIFIC_DOT = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Mme|Prof|Gen|Col|Lt|Maj|Capt|Adm|Sen|Rep|Gov|Amb|Rev|Sgt)\.")
_PRONOUN_BEFORE = re.compile(r"\b(?:he|she|He|She)\s+(?:(?:also|later|then|had|has|once)\s+)?$")
_IT_BEFORE = re.compile(r"\b(?:it|they)\s+(?:(?:has|had|have)\s+)?$")
_SAID_COMMA = re.compile(r"\s+(?:said|says|added|adds)\s*,\s*$")
_WHAT_HE = re.compile(r"\bwhat\s+(?:he|she)\s+(?:has\s+)?$")
# verbs whose object hears what is said: "told the Associated Press"
_TO_HEARER = frozenset(
    ("told", "tells", "telling", "tell", "asked", "asks", "informed", "assured", "briefed")
)
_HEARER_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(_TO_HEARER))})\s+(?:the\s+)?$")
# the body that speaks when a text's noun is the subject: "the statement said", "the ministry added"
_BODY_WORDS = (
    r"(?:joint\s+|foreign\s+|final\s+)?"
    r"(?:statement|communiqu[eé]|declaration|ministry|embassy|office|presidency|government|note|letter)"
)
_BODY_NOUN = re.compile(rf"[\s,]*[Tt]he\s+{_BODY_WORDS}\s+(?:(?:also|further|later)\s+)?")
_BODY_SUBJECT = re.compile(
    rf"\b[Tt]he\s+{_BODY_WORDS}\s+(?:(?:also|further|later)\s+)?(?:said|says|added|adds|stated|noted|warned)"
    r"(?:\s+that)?(?:\s+(?:it|they))?[^\"“”.;]{0,80}$"
)
# ", the ministry said." closing a sentence that holds a partial quote
_SAYER_TAIL = re.compile(
    r",\s+(?:[^,.;:\"“”]{1,60}?)\s+(?P<verb>said|says|added|stated|announced|insisted)(?:\s+(?:in\s+a\s+statement|on\s+\w+))?"
    r"\s*[.!]?\s*$"
)
_SOURCE = re.compile(
    r"\b(?:[Oo]ne|[Aa]n?|[Tt]he|[Aa]nother)\s+(?:(?:senior|junior|top|high-ranking|former)\s+)?"
    r"(?:([A-Z][a-z]+)\s+)?(?:(?:government|foreign\s+ministry|military|security|defen[cs]e|embassy)\s+)?"
    r"(?:official|diplomat|source|aide|negotiator|envoy)\b"
)
_SOURCE_AFTER = re.compile(r"[\s,\"”’']*" + _SOURCE.pattern)
# A speech verb after an unnamed source, past what describes them: "..., who asked not to be named, said"
_SAYS_AFTER = re.compile(
    r"(?:\s+in\s+[A-Z][\w-]+)?(?:,[^,.;\"“”]{0,60},)?\s+(?:said|says|told|added|insisted|warned|explained)\b"
)
_ANONYMOUS = re.compile(
    r"[\s,]*(?:one|a|an|another|the|two|three|several)\s+(?:(?:senior|junior|western|european|foreign|government"
    r"|military|security|[A-Z][a-z]+)\s+){0,2}(?:official|officials|diplomat|diplomats|source|sources|aide|aides"
    r"|negotiator|negotiators|delegate|delegates|observer|observers)\b"
)
_RELATIVE_PRONOUN = re.compile(r",\s+(?:whom|who)\s+$")
_REACH = 400
_ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)
_COMMA_GAP = re.compile(r"\s*,\s*")
_PARTICIPLE_LEAD = re.compile(r",\s*$")
_APPOSED_REACH = 180
# ", a spokeswoman for the ministry, " or ", who led the delegation, ": one aside, then the verb
_APPOSED = re.compile(
    r"\s*,\s*(?:(?:who|whom|whose|which)\s[^.;!?]{1,150}?|(?:the|a|an|[A-Z][\w’'.\-]*['’]s)\s[^,.;:!?\"“”]{1,100}),\s*"
    r"(?:(?:also|has|had|have|was|is|later|then|again|further|once|on\s+\w+)\s+){0,2}"
)
# between a closing quotation mark and the speaker: a comma, a title ("Defence Minister")
_LEAD_AFTER = re.compile(r"[\s,]*(?:[\w’'.\-]+\s+){0,5}")
_COORDINATED = re.compile(r"\b(?:and|but)\s+(?:(?:also|then|later)\s+)?$")
_CLAUSE_VERB = re.compile(
    r"(?:['’]s)?\s+(?:had|has|have|was|were|would|will|could|should|is|are|did|does|might|must|may|can)\b"
)
_OBJECT_LEAD = re.compile(r"\b[a-z]{2,},?\s+$")  # "accused Y", "summoned its ambassador, Y"
_ADJACENT = re.compile(
    r"\s*(?:,[^,]{0,60},\s*)?(?:(?:also|has|had|have|was|is|later|then|again|further|once)\s+){0,2}"
)


@cache
def _verbs() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = load_json("speech_verbs.json")
    speech = re.compile(rf"\b(?:{alternation(data['verbs'])})\b", re.IGNORECASE)
    indirect = re.compile(rf"\b(?:{alternation(data['indirect'])})\b")
    return speech, indirect


def _speaker_near(
    text: str,
    analysis: Analysis,
    actors: Index[Actor],
    lo: int,
    hi: int,
    verb_start: int,
    verb_end: int,
    tight: bool = False,
    recent: Actor | None = None,
) -> Actor | None:
    """The actor right before a speech verb (``Ruiz said``) or right after it (``said Ruiz``).

    ``tight`` asks for the subject next to its verb, with at most an auxiliary or adverb between.
    ``recent`` is the person quoted in this or the previous sentence: "he said" goes on with them
    unless someone else is named before the pronoun.
    """
    what_he = _WHAT_HE.search(text, max(lo, verb_start - 12), verb_start)
    if what_he is not None:
        # 'X urged Y to restore what he calls "..."': the sentence's subject names the thing
        sent = analysis.sentence_at(verb_start)
        subject_person = next(
            (
                p.record
                for p in actors.between(sent.start if sent else lo, verb_start)
                if p.record.kind == "person"
            ),
            None,
        )
        if subject_person is not None:
            return subject_person
    subject_pronoun = _PRONOUN_BEFORE.search(text, max(lo, verb_start - 16), verb_start)
    if subject_pronoun is not None:
        p_start = subject_pronoun.start()
        # "Assadi, whom he called ...": the pronoun is the speaker, and not the name it follows;
        # nor is the name before a parenthetical "Assadi, he said, was ..."
        rel = _RELATIVE_PRONOUN.search(text, max(lo, p_start - 12), p_start)
        skip = actors.last_before(rel.start(), lo) if rel is not None else None
        if skip is None:
            prev = actors.last_before(p_start, lo)
            if prev is not None and _COMMA_GAP.fullmatch(text, prev.end, p_start):
                skip = prev
        excluded = skip.record if skip else None
        sex = "f" if text[p_start : p_start + 3].lower() == "she" else "m"
        if recent is not None and sex == "f" and sex_of(recent, text) != sex:
            marked = marked_person(analysis, actors, p_start, sex, excluded)
            if marked is not None:
                return marked  # "... according to spokeswoman X. '...,' she said": X, not the envoy
        if recent is not None and recent is not excluded:
            sent = analysis.sentence_at(p_start)
            named = [
                p
                for p in actors.between(sent.start if sent else lo, p_start)
                if p.record.kind == "person" and p.record is not excluded
            ]
            if not named:
                return recent
        return resolve_pronoun(analysis, actors, p_start, exclude=excluded)
    if _IT_BEFORE.search(text, max(lo, verb_start - 12), verb_start):
        # "to protest at what it called '...'": the body or state the clause is about; '"...", it
        # said': the body named last
        body = next(
            (
                p.record
                for p in actors.between(lo, verb_start)
                if p.record.kind != "person"
                and not (text[p.start - 1 : p.start] == "(" and text[p.end : p.end + 1] == ")")
            ),
            None,
        )  # not "(Reuters)" in a dateline
        if body is None:
            body = _body_before(actors, lo)
        if body is not None:
            return body
    said = (
        _SAID_COMMA.search(text, max(lo, verb_start - 30), verb_start)
        if text[verb_end - 3 : verb_end] == "ing"
        else None
    )
    if said is not None:
        # '"...," Ruiz said, adding that Lima was "...": who said it adds it
        sayer = actors.last_before(said.start() + 1, lo)
        if sayer is not None and not text[sayer.end : said.start()].strip():
            return sayer.record
    if text[verb_end - 3 : verb_end] == "ing" and _PARTICIPLE_LEAD.search(
        text, max(lo, verb_start - 4), verb_start
    ):
        # "X rejected the plan, calling it ...": the participle's subject is the clause's
        first = actors.first_after(lo, verb_start)
        if first is not None:
            return first.record
    apposed = _apposed_subject(text, actors, lo, verb_start)
    if apposed is not None:
        return apposed
    before = actors.last_before(verb_start, lo)
    if before is not None and text[max(0, before.start - 3) : before.start] in ("in ", "at "):
        # "the Chilean embassy in Lima said": the place is not who spoke
        owner = actors.last_before(before.start - 3, lo)
        if owner is not None and _IN_PLACE_GAP.fullmatch(text, owner.end, before.start):
            before = owner
    if before is not None and not re.search(r"[.;:!?\"“”]", text[before.end : verb_start]):
        gap = text[before.end : verb_start]
        if (len(gap) <= 60 and not tight) or _ADJACENT.fullmatch(gap):
            if _COORDINATED.search(gap) and _OBJECT_LEAD.search(
                text, max(lo, before.start - 30), before.start
            ):
                # "X accused Y of lying and said ...": Y is the object of the first verb
                subject = _coordinated_subject(text, analysis, actors, lo, before.start, recent)
                if subject is not None:
                    return subject
            return before.record
    pronoun = _PRONOUN.search(text, max(lo, verb_start - 12), verb_start)
    if pronoun:
        return resolve_pronoun(analysis, actors, pronoun.start())
    if not tight and _COORDINATED.search(text, max(lo, verb_start - 16), verb_start):
        # "X denied that ... in Y and said ...": the clause's subject, however long the first verb's tail
        subject = _coordinated_subject(text, analysis, actors, lo, verb_start, recent)
        if subject is not None and subject.kind == "person":
            return subject
    if text[verb_start:verb_end].lower() in _TO_HEARER:
        return None  # "told the Associated Press": who hears, not who speaks
    after = actors.first_after(verb_end, min(hi, verb_end + 40))
    if after is not None and after.record.kind != "person":
        # "said the ministry's spokeswoman, Ana Ruiz,": the person the possessive title names
        person = actors.first_after(after.end, min(hi, after.end + 60))
        if (
            person is not None
            and person.record.kind == "person"
            and _POSSESSED_TITLE.fullmatch(text, after.end, person.start)
        ):
            after = person
    gap = text[verb_end : after.start] if after is not None else ""
    if (
        after is not None
        and not re.search(r"[.;:!?\"“”]", _HONORIFIC_DOT.sub("", gap) if "." in gap else gap)
        and (not tight or not gap.strip(" ,"))
        and not _CLAUSE_VERB.match(text, after.end)
        and not _HEARER_BEFORE.search(text, verb_end, after.start)  # "criticised X, told the AP"
    ):
        # "said Ana Ruiz" names the speaker; "said Ana Ruiz had ..." the subject of what was said
        return after.record
    return None


def _coordinated_subject(
    text: str, analysis: Analysis, actors: Index[Actor], lo: int, hi: int, recent: Actor | None
) -> Actor | None:
    """The subject a coordinated verb shares with the clause that starts at ``lo``: a pronoun
    that opens it ("He said he had given X ..., and warned") or else its first actor."""
    first = actors.first_after(lo, hi)
    opener = _PRONOUN.search(text, lo, first.start if first is not None else hi)
    if opener is not None:
        return recent or resolve_pronoun(analysis, actors, opener.start())
    return _clause_subject(actors, lo, hi)


def _clause_subject(actors: Index[Actor], lo: int, hi: int) -> Actor | None:
    """The subject of a clause that starts at ``lo``: its first actor, or the person it names
    right after ("A ministry spokeswoman, Ana Ruiz, ..." names Ana Ruiz, not the ministry)."""
    found = actors.between(lo, hi)
    if not found:
        return None
    if found[0].record.kind != "person":
        person = next((p for p in found[1:3] if p.record.kind == "person"), None)
        if person is not None and person.start - found[0].end <= 40:
            return person.record
    return found[0].record


def _apposed_subject(text: str, actors: Index[Actor], lo: int, verb_start: int) -> Actor | None:
    """The subject of "Ana Ruiz, the ministry's spokeswoman, said": the actor an appositive or a
    relative clause separates from its verb (and not the body named inside the appositive)."""
    for p in actors.between(max(lo, verb_start - _APPOSED_REACH), verb_start):
        if p.end < verb_start and _APPOSED.fullmatch(text, p.end, verb_start):
            return p.record
    return None


def _apposed_after(text: str, actors: Index[Actor], start: int, sent_end: int) -> tuple[Actor, int] | None:
    """'"...," Ana Ruiz, a spokeswoman for the ministry, said': the actor that follows a quote,
    separated from its speech verb by an appositive or a relative clause."""
    first = actors.first_after(start, min(sent_end, start + 60))
    if first is None or not _LEAD_AFTER.fullmatch(text, start, first.start):
        return None
    speech, _ = _verbs()
    m = speech.search(text, first.end, min(sent_end, first.end + _APPOSED_REACH))
    if m is None or not _APPOSED.fullmatch(text, first.end, m.start()):
        return None
    return first.record, m.end()


def _attribute_after(
    text: str,
    analysis: Analysis,
    actors: Index[Actor],
    quote: Quote,
    sent_end: int,
    recent: Actor | None = None,
) -> tuple[Actor | None, int] | None:
    """The attribution that follows a quote, and where it ends; None when there is none."""
    start = quote.end + 1
    inner = text[quote.start : quote.end].rstrip()
    speech, _ = _verbs()
    # An attribution follows a quote that ends in punctuation ("...," she said) or a comma after
    # it; "according to X" may close the sentence whatever comes before.
    if not (inner[-1:] in ",.!?…" or text[start : start + 1] == ","):
        acc = _ACCORDING.search(text, start, sent_end)
        if acc is None or re.search(r"[\"“”«»]", text[start : acc.start()]):
            return None
        named = actors.first_after(acc.end(), min(sent_end, acc.end() + 60))
        return (named.record, acc.end()) if named else None
    apposed = _apposed_after(text, actors, start, sent_end)
    if apposed is not None:
        return apposed
    window_end = min(sent_end, start + _AFTER_WINDOW)
    m = speech.search(text, start, window_end)
    if m is None or re.search(r"[\"“”«»]", text[start : m.start()]):
        return None
    if m.group().lower() == "according to":
        named = actors.first_after(m.end(), min(sent_end, m.end() + 60))
        return (named.record, m.end()) if named else None
    gap = text[start : m.start()]
    if re.search(r"[;:]", gap):
        return None
    if len(gap) > 50:
        # a long gap only when it names the speaker right before the verb: '"...," Peru's deputy
        # foreign minister, Ana Ruiz, told reporters'
        named = actors.last_before(m.start(), start)
        if (
            len(gap) > 100
            or named is None
            or text[named.end : m.start()].strip(" ,")
            or _NEW_CLAUSE.search(gap)  # '"...", while his counterpart, X, said': X said something else
        ):
            return None
    who = _speaker_near(text, analysis, actors, start, sent_end, m.start(), m.end(), recent=recent)
    if who is None and _BODY_NOUN.fullmatch(text, start, m.start()):
        who = _body_before(actors, quote.start)  # '"...," the statement said': who issued it
    return who, m.end()


def _first_start(actors: Index[Actor], lo: int, hi: int) -> int:
    first = actors.first_after(lo, hi)
    return first.start if first is not None else lo


def _body_is_subject(text: str, quote: Quote, sent_start: int) -> bool:
    """'The ministry added that it "remains committed ..."': the body noun is the subject."""
    lead = text[sent_start : quote.start]
    if "he " not in lead:  # every body noun ends in "the ": most leads are ruled out at once
        return False
    return _BODY_SUBJECT.search(text, sent_start, max(sent_start, quote.start - 1)) is not None


def _body_before(actors: Index[Actor], pos: int) -> Actor | None:
    """The body or state named last before ``pos`` (within a few sentences): who "the statement" or
    "the ministry" is."""
    found = [p for p in actors.between(max(0, pos - 400), pos) if p.record.kind != "person"]
    return found[-1].record if found else None


def _owning_body(text: str, actors: Index[Actor], person: Actor, lo: int, hi: int) -> Actor | None:
    """The organization a nameless official's title is of, named right before it in the sentence:
    "a State Department spokesperson", "the ministry's spokeswoman"."""
    for m in person.mentions:
        if lo <= m.start < hi:
            owner = actors.last_before(m.start, lo)
            if (
                owner is not None
                and owner.record.kind == "organization"
                and text[owner.end : m.start] in (" ", "'s ", "’s ")
                # "a Chilean government spokesperson": the government is the state itself
                and "government" not in (owner.record.name or "").lower()
            ):
                return owner.record
    return None


def _unnamed_source(text: str, quote: Quote, lo: int, hi: int) -> str | None:
    """The demonym of an unnamed source who says the quote ("a Chilean diplomat ... said '...'",
    "'...,' one Peruvian official said"), "" for one without ("the official said"), else None."""
    for m in _SOURCE.finditer(text, lo, quote.start):
        if _SAYS_AFTER.match(text, m.end(), min(quote.start, m.end() + 80)):
            return m.group(1) or ""
    after = _SOURCE_AFTER.match(text, quote.end, min(hi, quote.end + 60))
    if after is not None and _SAYS_AFTER.match(text, after.end(), min(hi, after.end() + 80)):
        return after.group(1) or ""
    return None


def _anonymous(text: str, quote: Quote, sent_end: int) -> bool:
    """'"...," one diplomat who attended said': a speaker the text leaves unnamed."""
    return _ANONYMOUS.match(text, quote.end + 1, min(sent_end, quote.end + 80)) is not None


def _continues(text: str, analysis: Analysis, previous: Quote, quote: Quote) -> bool:
    """Whether ``quote`` goes on from the quote before it: a new sentence of the same paragraph,
    or the opening of the next paragraph."""
    if not text[quote.start : quote.start + 1].isupper():
        return False
    here = analysis.paragraph_index(quote.start)
    before = analysis.paragraph_index(previous.start)
    if here < 0 or before < 0:
        return False
    if here == before:
        return True
    return quote.start - analysis.paragraphs[here].start <= 1 and here == before + 1


def _attribute_before(
    text: str,
    analysis: Analysis,
    actors: Index[Actor],
    quote: Quote,
    sent_start: int,
    verbs_only: bool = False,
    recent: Actor | None = None,
) -> Actor | None:
    speech, _ = _verbs()
    verbs = list(speech.finditer(text, sent_start, max(sent_start, quote.start - 1)))
    for m in reversed(verbs):
        if m.group().lower() == "according to":
            named = actors.first_after(m.end(), quote.start)
            if named:
                return named.record
            continue
        who = _speaker_near(
            text, analysis, actors, sent_start, quote.start, m.start(), m.end(), recent=recent
        )
        if who is not None:
            return who
    if verbs_only:
        return None
    # "The Secretary General of the Forum, Ana Ruiz, appealed to ... to '...'": the person named
    first_actor = _clause_subject(actors, sent_start, quote.start)
    if first_actor is not None and not _HEARER_BEFORE.search(
        text, sent_start, _first_start(actors, sent_start, quote.start)
    ):
        return first_actor
    pronoun = _PRONOUN.search(text, sent_start, quote.start)
    return resolve_pronoun(analysis, actors, pronoun.start()) if pronoun else None


def _sentence_bounds(analysis: Analysis, start: int, end: int) -> tuple[int, int]:
    first = analysis.sentence_at(start)
    last = analysis.sentence_at(max(start, end - 1))
    s = first.start if first else start
    e = last.end if last else end
    # The sentence after a closing mark may begin right after it: take the one that holds it.
    after = analysis.sentence_at(end)
    if after is not None and after.start <= end:
        e = max(e, after.end)
    return s, e


def _date_in(dates: Index[TimeExpression], start: int, end: int) -> str | None:
    found = [
        p.record for p in dates.between(start, end) if p.record.type in ("DATE", "TIME") and p.record.value
    ]
    return found[0].id if found else None


def find_statements(
    text: str,
    actors: Sequence[Actor],
    dates: Sequence[TimeExpression] = (),
    analysis: Analysis | None = None,
) -> list[Statement]:
    """Direct and reported statements of ``text``, attributed to ``actors`` (which carry ids)."""
    analysis = analysis or analyze(text)
    aidx = actor_index(actors)
    didx = date_index(dates)
    states = {a.country: a for a in actors if a.kind == "state" and a.country}
    out: list[Statement] = []
    quotes = [q for q in analysis.quotes if text[q.start : q.end].strip()]
    quoted_sentences: set[int] = set()
    previous: Quote | None = None
    previous_speaker: Actor | None = None
    unnamed_state: str | None = None  # the state of the last unnamed source with a demonym
    i = 0
    while i < len(quotes):
        q = quotes[i]
        s_start, s_end = _sentence_bounds(analysis, q.start, q.end)
        # Attribution sits near its quote: a window keeps the work per quote bounded in text
        # without full stops.
        s_start, s_end = max(s_start, q.start - _REACH), min(s_end, q.end + _REACH)
        for k in range(
            analysis.sentence_index(s_start), analysis.sentence_index(max(s_start, s_end - 1)) + 1
        ):
            quoted_sentences.add(k)
        # the person quoted in this or the previous sentence, whom "he said" most likely goes on with
        recent = (
            previous_speaker
            if previous is not None
            and previous_speaker is not None
            and previous_speaker.kind == "person"
            and analysis.sentence_index(q.start) - analysis.sentence_index(previous.start) <= 1
            else None
        )
        after = _attribute_after(text, analysis, aidx, q, s_end, recent)
        speaker = after[0] if after else _attribute_before(text, analysis, aidx, q, s_start, recent=recent)
        if after is not None and speaker is not None and speaker.kind != "person":
            # 'Ruiz told Lopes "...", according to a news agency': the person who spoke, not the source.
            before = _attribute_before(text, analysis, aidx, q, s_start, verbs_only=True)
            if before is not None and before.kind == "person":
                speaker = before
        if speaker is None and _body_is_subject(text, q, s_start):
            speaker = _body_before(aidx, q.start)  # 'The ministry added that it "..."'
        if speaker is not None and speaker.kind == "person" and speaker.name is None:
            # "a Peruvian government spokesperson said": an official the text does not name speaks
            # for the body the title names ("a State Department spokesperson"), else for their
            # state, when the article has it as an actor
            body = _owning_body(text, aidx, speaker, s_start, s_end)
            if body is not None:
                speaker = body
            elif speaker.country:
                speaker = states.get(speaker.country, speaker)
        if speaker is None and states:
            # "a senior Chilean official said '...'", later "'...,' the official said": the state the
            # unnamed source is of
            source = _unnamed_source(text, q, s_start, s_end)
            if source == "":
                # "the official said": the unnamed source a demonym named before
                # (in this paragraph or the one before: a named person is told by name, an unnamed
                # source is "the official" only close to where it was introduced)
                k = analysis.paragraph_index(q.start)
                back = analysis.paragraphs[max(0, k - 1)].start if k >= 0 else q.start - 600
                back = max(back, q.start - 1200)
                named = [m.group(1) for m in _SOURCE.finditer(text, back, q.start) if m.group(1)]
                source = named[-1] if named else source
            if source is not None:
                iso = countries.demonym_country(source) if source else unnamed_state
                speaker = states.get(iso or "")
                if source and speaker is not None:
                    unnamed_state = iso
        if speaker is None:
            # 'Lima "categorically rejects" the remarks, the ministry said': the sayer ending the sentence
            tail = _SAYER_TAIL.search(text, q.end, s_end)
            if tail is not None:
                sayer = aidx.last_before(tail.start("verb"), q.end + 1)
                if sayer is not None and not text[sayer.end : tail.start("verb")].strip():
                    speaker = sayer.record
        if (
            speaker is None
            and previous is not None
            and _continues(text, analysis, previous, q)
            and not _anonymous(text, q, s_end)
        ):
            speaker = previous_speaker
        parts = [q]
        if after is not None and i + 1 < len(quotes):
            nxt = quotes[i + 1]
            between = text[after[1] : nxt.start - 1]
            if (
                nxt.start < s_end + 1
                and not between.strip(" ,:")
                and text[nxt.start : nxt.start + 1].islower()
            ):
                parts.append(nxt)
                i += 1
        i += 1
        raw = [StatementPart(start=p.start, end=p.end, text=text[p.start : p.end]) for p in parts]
        trimmed = [t for t in (_trim(part) for part in raw) if t is not None]
        if not trimmed:
            continue
        first, last = trimmed[0], trimmed[-1]
        previous, previous_speaker = parts[-1], speaker
        quote = " ".join(t.text for t in trimmed)
        date = _date_in(didx, s_start, s_end)
        out.append(
            Statement(
                speaker=speaker.id if speaker else None,
                quote=quote,
                kind="direct",
                start=first.start,
                end=last.end,
                date=date,
                parts=tuple(trimmed) if len(trimmed) > 1 else (),
            )
        )
    out.extend(_indirect(text, analysis, aidx, didx, quoted_sentences))
    out.sort(key=lambda s: (s.start, s.end))
    return out


def _trim(part: StatementPart) -> StatementPart | None:
    """The part without its surrounding spaces and the comma the attribution adds."""
    text = part.text
    left = len(text) - len(text.lstrip())
    body = text.strip()
    while body and body[-1] in ", ":
        body = body[:-1].rstrip()
    if not body:
        return None
    start = part.start + left
    return StatementPart(start=start, end=start + len(body), text=body)


_THAT = re.compile(r"\s*(?:,\s*)?(?:that\s+)?")


def _indirect(
    text: str, analysis: Analysis, aidx: Index[Actor], didx: Index[TimeExpression], skip: set[int]
) -> list[Statement]:
    """``X said (that) CLAUSE`` and ``CLAUSE, X said.`` in sentences without quotation marks."""
    _, verbs = _verbs()
    out: list[Statement] = []
    for k, sent in enumerate(analysis.sentences):
        if k in skip:
            continue
        for m in verbs.finditer(text, sent.start, sent.end):
            speaker = _speaker_near(
                text, analysis, aidx, sent.start, sent.end, m.start(), m.end(), tight=True
            )
            if speaker is None:
                continue
            target = None
            rest = m.end()
            if m.group() in ("told", "tells"):
                obj = aidx.first_after(m.end(), min(sent.end, m.end() + 40))
                if obj is not None and not text[m.end() : obj.start].strip(" ,"):
                    target, rest = obj.record, obj.end
            tail = text[rest : sent.end].rstrip(" .!?")
            lead = _THAT.match(tail)
            c_start = rest + (lead.end() if lead else 0)
            c_end = rest + len(tail)
            if c_end - c_start < 12 or len(text[c_start:c_end].split()) < 3:
                # "CLAUSE, the ministry said." : the clause precedes the attribution.
                before = text[sent.start : m.start()]
                comma = before.rfind(",")
                if comma <= 0 or aidx.last_before(m.start(), sent.start + comma) is None:
                    continue
                c_start, c_end = sent.start, sent.start + comma
                if len(text[c_start:c_end].split()) < 4:
                    continue
            out.append(
                Statement(
                    speaker=speaker.id,
                    quote=text[c_start:c_end],
                    kind="indirect",
                    start=c_start,
                    end=c_end,
                    target=target.id if target else None,
                    date=_date_in(didx, sent.start, sent.end),
                    verb=m.group(),
                )
            )
            break
    return out


@hookimpl(trylast=True)
def extract_statements(
    document: Document, analysis: Analysis, actors: Sequence[Actor], dates: Sequence[TimeExpression]
) -> list[Statement]:
    """Direct quotes and reported speech, attributed to the actors found."""
    return find_statements(document.text, actors, dates, analysis)
