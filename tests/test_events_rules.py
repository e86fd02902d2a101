"""Event rules on short invented sentences, with hand-made actors, places and dates."""

from __future__ import annotations

import re

from diplomacy_events.extractors.events import find_events
from diplomacy_events.models import Actor, Event, Location, Mention, TimeExpression

# name -> (kind, country, the forms the text uses)
Cast = dict[str, tuple[str, str | None, list[str]]]


def actors_for(text: str, cast: Cast) -> list[Actor]:
    out = []
    for i, (name, (kind, country, forms)) in enumerate(cast.items(), 1):
        mentions: list[Mention] = []
        for form in forms:  # longest forms first; a shorter one inside a longer one is no mention
            for m in re.finditer(rf"\b{re.escape(form)}\b", text):
                if not any(x.start <= m.start() < x.end for x in mentions):
                    mentions.append(Mention(m.start(), m.end(), form))
        out.append(
            Actor(
                id=f"a{i}",
                name=name,
                kind=kind,  # type: ignore[arg-type]
                country=country,
                mentions=tuple(sorted(mentions, key=lambda m: m.start)),
            )
        )
    return out


def places_for(text: str, places: dict[str, tuple[str, str]]) -> list[Location]:
    out = []
    for i, (name, (kind, country)) in enumerate(places.items(), 1):
        mentions = tuple(Mention(m.start(), m.end(), name) for m in re.finditer(re.escape(name), text))
        out.append(Location(id=f"l{i}", name=name, kind=kind, country=country, mentions=mentions))  # type: ignore[arg-type]
    return out


def dates_for(text: str, dates: dict[str, tuple[str, str]]) -> list[TimeExpression]:
    out = []
    for i, (words, (value, granularity)) in enumerate(dates.items(), 1):
        start = text.index(words)
        out.append(
            TimeExpression(
                id=f"d{i}",
                start=start,
                end=start + len(words),
                text=words,
                value=value,
                granularity=granularity,  # type: ignore[arg-type]
            )
        )
    return out


def events(
    text: str,
    cast: Cast,
    places: dict[str, tuple[str, str]] | None = None,
    dates: dict[str, tuple[str, str]] | None = None,
) -> tuple[list[Event], dict[str, str]]:
    actors = actors_for(text, cast)
    found = find_events(text, actors, places_for(text, places or {}), dates_for(text, dates or {}))
    return found, {a.id: a.name or "" for a in actors}


def names(event: Event, ids: dict[str, str]) -> list[str]:
    return [ids[a] for a in event.actors]


PEOPLE: Cast = {
    "Ilo Dask": ("person", "ARV", ["Ilo Dask", "Dask"]),
    "Ruta Venn": ("person", "BLM", ["Ruta Venn", "Venn"]),
}


def test_called_the_deal_a_betrayal_is_an_accusation() -> None:
    text = "Opposition leader Mara Velt called the accord a betrayal of the farmers."
    found, ids = events(text, {"Mara Velt": ("person", "ARV", ["Mara Velt"])})
    [e] = found
    assert e.type == "accusation" and names(e, ids) == ["Mara Velt"]


def test_called_a_person_is_still_a_phone_call() -> None:
    text = "Premier Ilo Dask called Foreign Minister Ruta Venn on Monday to discuss the harbour dispute."
    found, ids = events(text, PEOPLE)
    assert [(e.type, names(e, ids)) for e in found] == [("call", ["Ilo Dask", "Ruta Venn"])]


def test_place_after_a_preposition_is_no_list_member_of_the_subject() -> None:
    text = "Fighting spread from Arvenia to Belmark, and Castoria blamed Dravia for the raid."
    cast: Cast = {
        "Arvenia": ("state", "ARV", ["Arvenia"]),
        "Belmark": ("state", "BLM", ["Belmark"]),
        "Castoria": ("state", "CST", ["Castoria"]),
        "Dravia": ("state", "DRV", ["Dravia"]),
    }
    found, ids = events(text, cast)
    assert [names(e, ids) for e in found if e.type == "accusation"] == [["Castoria", "Dravia"]]


def test_threat_target_named_after_for() -> None:
    text = "Envoy Tomas Rell warned that the consequences would be severe for Belmark."
    cast: Cast = {"Tomas Rell": ("person", "ARV", ["Tomas Rell"]), "Belmark": ("state", "BLM", ["Belmark"])}
    [e] = events(text, cast)[0]
    assert e.type == "threat" and e.actors == ("a1", "a2")


def test_accusation_target_is_the_state_of_the_capital_after_by() -> None:
    text = "Castoria called the footage a provocation staged by Varno."
    cast: Cast = {"Castoria": ("state", "CST", ["Castoria"]), "Dravia": ("state", "DRV", [])}
    found, ids = events(text, cast, {"Varno": ("city", "DRV")})
    [e] = found
    assert e.type == "accusation" and names(e, ids) == ["Castoria", "Dravia"]


def test_verb_after_comma_and_shares_the_sentence_subject() -> None:
    text = (
        "Ruta Venn said the border was calm when she returned home after the storm passed, "
        "and accused Dravia of sabotage."
    )
    cast: Cast = {**PEOPLE, "Dravia": ("state", "DRV", ["Dravia"])}
    found, ids = events(text, cast)
    assert [names(e, ids) for e in found if e.type == "accusation"] == [["Ruta Venn", "Dravia"]]


def test_coordinated_verb_keeps_the_subject_and_its_own_date() -> None:
    text = "Ilo Dask visited Kessa in May and hosted Ruta Venn for a three-day state visit in June."
    found, ids = events(
        text,
        {**PEOPLE, "Belmark": ("state", "BLM", ["Kessa"])},
        {"Kessa": ("city", "BLM")},
        {"May": ("2024-05", "month"), "June": ("2024-06", "month")},
    )
    visits = [(names(e, ids), e.cameo, e.date) for e in found if e.type == "visit"]
    assert (["Ruta Venn", "Ilo Dask"], "043", "d2") in visits
    assert not [e for e in found if e.type == "meeting"]


def test_second_conjunct_takes_its_own_date() -> None:
    text = "Ilo Dask attended a forum on Monday and met Ruta Venn the following day."
    found, ids = events(
        text, PEOPLE, dates={"Monday": ("2024-03-04", "day"), "the following day": ("2024-03-05", "day")}
    )
    [meeting] = [e for e in found if names(e, ids) == ["Ilo Dask", "Ruta Venn"]]
    assert meeting.date == "d2"


def test_sides_of_a_compound_are_no_targets() -> None:
    text = "Dask and Venn pledge fresh start at first Arvenia-Belmark summit"
    cast: Cast = {
        **PEOPLE,
        "Arvenia": ("state", "ARV", ["Arvenia"]),
        "Belmark": ("state", "BLM", ["Belmark"]),
    }
    found, _ = events(text, cast)
    assert not [e for e in found if e.type == "cooperation"]


def test_planned_talks_of_the_two_stay_apart_from_held_talks() -> None:
    text = (
        "Ilo Dask met Ruta Venn in Norvik on Thursday. "
        "The two leaders were to continue their talks over dinner on Thursday evening "
        "in Norvik's old quarter. "
        "The two first held formal talks last year in Kessa."
    )
    found, _ = events(
        text,
        PEOPLE,
        {"Norvik": ("city", "ARV"), "old quarter": ("region", "ARV"), "Kessa": ("city", "BLM")},
        {
            "Thursday": ("2024-03-07", "day"),
            "Thursday evening": ("2024-03-07", "day"),
            "last year": ("2023", "year"),
        },
    )
    meetings = sorted((e.status, e.location, e.date) for e in found if e.type == "meeting")
    assert meetings == [("occurred", "l1", "d1"), ("occurred", "l3", "d3"), ("planned", "l2", "d2")]


def test_date_in_an_appositive_after_the_trigger_is_not_its_date() -> None:
    text = 'Ilo Dask and Ruta Venn agreed to restart "regular visits," a practice that lapsed in 2011.'
    found, _ = events(text, PEOPLE, dates={"2011": ("2011", "year")})
    [e] = [e for e in found if e.type == "agreement"]
    assert e.date is None


def test_hosted_him_names_the_person_of_the_sentence_before() -> None:
    text = "Ilo Dask arrived in Kessa on Friday. Ruta Venn hosted him for a private dinner that evening."
    found, ids = events(text, PEOPLE, {"Kessa": ("city", "BLM")})
    assert ["Ruta Venn", "Ilo Dask"] in [names(e, ids) for e in found if e.type == "meeting"]


def test_working_lunch_with_is_a_meeting() -> None:
    text = "Ilo Dask had a working lunch with Ruta Venn on Friday."
    found, ids = events(text, PEOPLE)
    assert [(e.type, names(e, ids)) for e in found] == [("meeting", ["Ilo Dask", "Ruta Venn"])]


def test_addressing_a_meeting_is_no_meeting() -> None:
    text = "Ilo Dask addressed a joint meeting of the Belmark parliament at the invitation of Ruta Venn."
    found, _ = events(text, {**PEOPLE, "Belmark": ("state", "BLM", ["Belmark"])})
    assert not [e for e in found if e.type == "meeting"]


def test_declaration_calling_for_is_said_of_the_text() -> None:
    text = "Ilo Dask won backing for a summit declaration calling for open sea lanes."
    found, _ = events(text, PEOPLE)
    assert not [e for e in found if e.type == "appeal"]
