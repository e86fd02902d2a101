"""The officials, organizations and states extractor, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from diplomacy_events.countries import capital_country, country_code, country_name, demonym_country
from diplomacy_events.extractors.officials import find_actors
from diplomacy_events.models import Actor


def persons(text: str, published: dt.date | None = None) -> dict[str, Actor]:
    return {a.name: a for a in find_actors(text, published) if a.kind == "person" and a.name}


def test_country_lookups() -> None:
    # Variants, demonyms, capitals and seats resolve to ISO alpha-3; a lower-case "us" does not.
    assert country_code("U.S.") == country_code("America") == "USA"
    assert country_code("us") is None
    assert (
        country_code("Britain") == "GBR"
        and country_code("PRC") == "CHN"
        and country_code("South Korea") == "KOR"
    )
    assert demonym_country("Taiwanese") == "TWN" and demonym_country("Saudi") == "SAU"
    assert capital_country("Kremlin") == "RUS" and capital_country("Quai d'Orsay") == "FRA"
    assert capital_country("Pentagon") == "USA" and capital_country("Beijing") == "CHN"
    assert country_name("USA") == "United States"


def test_title_before_name_with_demonym() -> None:
    # A demonym and a capitalised title before a name give the country and the title.
    p = persons("Canadian Foreign Minister Sophie Tremblay arrived in Ottawa on Monday.")
    assert p["Sophie Tremblay"].title == "Foreign Minister"
    assert p["Sophie Tremblay"].country == "CAN"
    assert p["Sophie Tremblay"].role == "foreign_minister"


def test_appositive_after_name_and_surname_mentions() -> None:
    # "Name, Country's title," is an appositive; later surnames and "Mr. X" are mentions of the same person.
    text = "Pavel Ostrov, Belarus's foreign minister, met reporters. Mr. Ostrov later left. Ostrov said no."
    p = persons(text)
    assert list(p) == ["Pavel Ostrov"]
    a = p["Pavel Ostrov"]
    assert a.title == "foreign minister" and a.country == "BLR"
    assert len(a.mentions) == 3


def test_appositive_before_name_with_honorific() -> None:
    # "Country's title, Sheikh Name," gives the title; the honorific is not part of the name.
    p = persons("Qatar's foreign minister, Sheikh Khalid bin Saad, flew to Cairo.")
    assert "Khalid bin Saad" in p
    assert p["Khalid bin Saad"].country == "QAT"


def test_former_and_then() -> None:
    # "then" and "former" mark the title as no longer held.
    p = persons(
        "The talks were led by then Australian prime minister Helen Marsh "
        "and former Peruvian president Luis Quispe."
    )
    assert p["Helen Marsh"].former and p["Helen Marsh"].country == "AUS"
    assert p["Luis Quispe"].former and p["Luis Quispe"].country == "PER"


def test_two_people_with_one_surname_stay_apart() -> None:
    # Two full names that share a surname are two actors.
    p = persons("Ambassador Ruth Keller met adviser Tom Keller in Bern.")
    assert {"Ruth Keller", "Tom Keller"} <= set(p)


def test_roster_fills_country_and_title_and_former() -> None:
    # The roster gives a missing country and title, and marks an official former after the term.
    p = persons("Yesterday Rex Tillerson spoke to students.", dt.date(2024, 5, 1))
    a = p["Rex Tillerson"]
    assert a.country == "USA" and a.title == "Secretary of State" and a.former


def test_roster_never_invents_a_person() -> None:
    # A roster name that the text does not mention is never returned.
    assert "Vladimir Putin" not in persons("Russian diplomats met their counterparts in Vienna.")


def test_institution_gives_country() -> None:
    # A seat of government before a title gives the country.
    p = persons("Kremlin spokesman Ivan Sorokin declined to comment.")
    assert p["Ivan Sorokin"].country == "RUS"


def test_states_and_organizations() -> None:
    # A capital or a country that acts is a state; a national ministry and an IGO are organizations.
    actors = find_actors(
        "Beijing sees the island as its own. The Chinese foreign ministry said NATO was wrong. "
        "Washington urged calm."
    )
    states = {a.name for a in actors if a.kind == "state"}
    orgs = {a.name: a.country for a in actors if a.kind == "organization"}
    assert {"China", "United States"} <= states
    assert orgs.get("Chinese foreign ministry") == "CHN"
    assert "NATO" in orgs and orgs["NATO"] is None


def test_no_person_from_capitalised_non_names() -> None:
    # Sentence starts, headlines, places, months and treaties are not persons.
    text = "Trade Talks Resume In Geneva\nOn Monday the Paris Agreement was discussed at the Oval Office."
    assert persons(text) == {}


def test_title_only_reference_without_name() -> None:
    # "the Japanese foreign minister" with no name in the document is a nameless actor.
    actors = find_actors("The Japanese foreign minister said the talks would continue.")
    nameless = [a for a in actors if a.kind == "person" and a.name is None]
    assert nameless and nameless[0].country == "JPN"


def test_plugin_roster_extends_knowledge() -> None:
    # Knowledge.roster entries fill in a country the text does not give.
    from diplomacy_events.lexicon import Knowledge, RosterEntry

    k = Knowledge(roster=(RosterEntry(name="Amara Tesfaye", title="Prime Minister", country="ETH"),))
    a = {x.name: x for x in find_actors("Amara Tesfaye spoke on Friday.", None, None, k)}
    assert a["Amara Tesfaye"].country == "ETH"


_NEUTRAL = "The weather was mild and the talks went on for hours."


@settings(max_examples=30, deadline=None)
@given(st.sampled_from([0, 1, 2]))
def test_inserting_a_sentence_without_names_keeps_the_actors(where: int) -> None:
    # A sentence with no names between two sentences does not change which actors are found.
    sents = [
        "German Chancellor Lena Vogt met Polish President Adam Nowak in Berlin.",
        "Vogt said the meeting was useful.",
        "Nowak agreed and Washington welcomed the talks.",
    ]
    base = {(a.kind, a.name, a.title, a.country) for a in find_actors(" ".join(sents))}
    sents.insert(where + 1 if where < 2 else 2, _NEUTRAL)
    after = {(a.kind, a.name, a.title, a.country) for a in find_actors(" ".join(sents))}
    assert base == after


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_and_mentions_slice(text: str) -> None:
    # Any string is accepted, every mention slices to its text, and the result is deterministic.
    first = find_actors(text)
    for a in first:
        for m in a.mentions:
            assert text[m.start : m.end] == m.text
    assert first == find_actors(text)


def test_large_input_is_fast_enough() -> None:
    # A long repetitive text does not blow up (linear scan).
    text = "President Ana Silva said. " * 20000
    actors = find_actors(text)
    assert any(a.name == "Ana Silva" for a in actors)
