"""Statement and event rules on sentences written for these tests, with hand-made actors."""

from __future__ import annotations

import re

from diplomacy_events.extractors.events import find_events
from diplomacy_events.extractors.statements import find_statements
from diplomacy_events.models import Actor, Location, Mention, TimeExpression


def actors_for(text: str, people: dict[str, list[str]], kind: str = "person") -> list[Actor]:
    out = []
    for i, (name, forms) in enumerate(people.items(), 1):
        mentions = []
        for form in forms:
            mentions += [Mention(m.start(), m.end(), form) for m in re.finditer(re.escape(form), text)]
        out.append(
            Actor(id=f"a{i}", name=name, kind=kind, mentions=tuple(sorted(mentions, key=lambda m: m.start)))
        )
    return out


def place(text: str, name: str, kind: str, country: str, lid: str = "l1") -> Location:
    i = text.index(name)
    return Location(
        id=lid, name=name, kind=kind, country=country, mentions=(Mention(i, i + len(name), name),)
    )


def date(text: str, words: str, value: str, granularity: str = "day", did: str = "d1") -> TimeExpression:
    i = text.index(words)
    return TimeExpression(
        id=did, start=i, end=i + len(words), text=words, value=value, granularity=granularity
    )


def test_quote_attributed_after_and_split_in_two_parts() -> None:
    text = 'Envoy Rhea Ostrow arrived late. "We are ready," Ostrow said, "to talk about the border."'
    actors = actors_for(text, {"Rhea Ostrow": ["Rhea Ostrow", "Ostrow"]})
    [s] = [s for s in find_statements(text, actors) if s.kind == "direct"]
    assert s.speaker == "a1"
    assert [p.text for p in s.parts] == ["We are ready", "to talk about the border."]


def test_quote_attributed_before_through_a_pronoun() -> None:
    text = 'Minister Abel Tann landed in the capital. He urged his hosts to "keep the channel open".'
    actors = actors_for(text, {"Abel Tann": ["Abel Tann"]})
    [s] = [s for s in find_statements(text, actors) if s.kind == "direct"]
    assert s.quote == "keep the channel open" and s.speaker == "a1"


def test_according_to_names_the_speaker() -> None:
    text = 'The two sides held "frank exchanges", according to Ida Moor, a spokeswoman.'
    actors = actors_for(text, {"Ida Moor": ["Ida Moor"]})
    [s] = [s for s in find_statements(text, actors) if s.kind == "direct"]
    assert s.speaker == "a1"


def test_reported_speech_is_indirect_with_target() -> None:
    text = "Lena Varga told Omar Haddad that the ceasefire would hold through the winter."
    actors = actors_for(text, {"Lena Varga": ["Lena Varga"], "Omar Haddad": ["Omar Haddad"]})
    [s] = find_statements(text, actors)
    assert s.kind == "indirect" and s.speaker == "a1" and s.target == "a2"
    assert s.quote == "the ceasefire would hold through the winter"


def test_planned_visit_with_place_and_date() -> None:
    text = "Foreign Minister Pia Lund will visit Nairobi on Friday."
    actors = actors_for(text, {"Pia Lund": ["Pia Lund"]})
    [e] = find_events(
        text, actors, [place(text, "Nairobi", "city", "KEN")], [date(text, "Friday", "2024-05-10")]
    )
    assert (e.type, e.cameo, e.status, e.actors, e.location, e.date) == (
        "visit",
        "042",
        "planned",
        ("a1",),
        "l1",
        "d1",
    )


def test_meeting_between_two_people_in_a_third_country() -> None:
    text = "A meeting between Ivo Sand and Mei Tao took place in Geneva in March."
    actors = [
        Actor(id="a1", name="Ivo Sand", country="USA", mentions=(Mention.at(text, 18, 26),)),
        Actor(id="a2", name="Mei Tao", country="CHN", mentions=(Mention.at(text, 31, 38),)),
    ]
    [e] = find_events(
        text, actors, [place(text, "Geneva", "city", "CHE")], [date(text, "March", "2024-03", "month")]
    )
    assert e.type == "meeting" and e.cameo == "044" and set(e.actors) == {"a1", "a2"}


def test_declined_and_cancelled_and_denied() -> None:
    text = (
        "Tara Quill declined a meeting with Ben Ode. "
        "Ben Ode cancelled a planned visit to Lima. "
        "Tara Quill did not meet Sam Roe."
    )
    actors = actors_for(text, {"Tara Quill": ["Tara Quill"], "Ben Ode": ["Ben Ode"], "Sam Roe": ["Sam Roe"]})
    events = find_events(text, actors, [place(text, "Lima", "city", "PER")])
    statuses = {(e.type, e.status) for e in events}
    assert ("meeting", "declined") in statuses
    assert ("visit", "cancelled") in statuses
    assert ("meeting", "denied") in statuses
    assert not any(e.type == "rejection" for e in events)


def test_definite_noun_is_another_mention_of_the_same_event() -> None:
    text = "Kai Berg will visit Oslo on Monday. The visit was confirmed by both governments."
    actors = actors_for(text, {"Kai Berg": ["Kai Berg"]})
    events = find_events(
        text, actors, [place(text, "Oslo", "city", "NOR")], [date(text, "Monday", "2024-05-13")]
    )
    assert len(events) == 1 and len(events[0].mentions) == 2


def test_meeting_needs_two_sides() -> None:
    text = "Ana Pax will meet officials next week."
    assert find_events(text, actors_for(text, {"Ana Pax": ["Ana Pax"]})) == []


def test_registered_trigger_words_make_events() -> None:
    from diplomacy_events.lexicon import EventTrigger, Knowledge

    text = "Ida Moor parleyed with Sam Roe in Quito."
    actors = actors_for(text, {"Ida Moor": ["Ida Moor"], "Sam Roe": ["Sam Roe"]})
    knowledge = Knowledge(
        event_triggers=(EventTrigger(words="parleyed|parley", type="meeting", cameo="040"),)
    )
    [e] = find_events(text, actors, knowledge=knowledge)
    assert e.type == "meeting" and set(e.actors) == {"a1", "a2"}


def test_pronoun_in_a_relative_clause_is_not_the_name_it_follows() -> None:
    text = 'Minister Ola Berg met Sami Nour, whom he called "a patient negotiator", in Oslo.'
    actors = actors_for(text, {"Ola Berg": ["Ola Berg"], "Sami Nour": ["Sami Nour"]})
    [s] = [s for s in find_statements(text, actors) if s.kind == "direct"]
    assert s.speaker == "a1"
