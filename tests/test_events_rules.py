"""Event rules on short invented sentences, with hand-made actors, places and dates."""

from __future__ import annotations

import re

import attrs

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


def test_dateline_is_no_subject_of_the_first_sentence() -> None:
    text = "VARNO - Belmark on Monday rejected Arvenia's claim to the island."
    cast: Cast = {
        "Arvenia": ("state", "ARV", ["Arvenia", "VARNO"]),
        "Belmark": ("state", "BLM", ["Belmark"]),
    }
    found, ids = events(text, cast, {"VARNO": ("city", "ARV"), "Belmark": ("country", "BLM")})
    assert [names(e, ids) for e in found if e.type == "rejection"] == [["Belmark", "Arvenia"]]


def test_talks_in_a_where_clause_are_held_at_its_antecedent() -> None:
    text = "Ilo Dask arrived in Kessa on Tuesday from Norvik, where he held talks on Monday with Ruta Venn."
    found, _ = events(text, PEOPLE, {"Kessa": ("city", "BLM"), "Norvik": ("city", "ARV")})
    [meeting] = [e for e in found if e.type == "meeting"]
    assert meeting.location == "l2"


def test_multi_word_status_cue_before_the_trigger() -> None:
    text = "Ilo Dask has turned down talks with Ruta Venn."
    found, _ = events(text, PEOPLE)
    assert [(e.type, e.status) for e in found] == [("meeting", "declined")]


def test_passive_refusal_after_the_trigger() -> None:
    text = "A meeting between Ilo Dask and Ruta Venn, sought by both sides, was turned down on Friday."
    found, _ = events(text, PEOPLE)
    assert [(e.type, e.status) for e in found] == [("meeting", "declined")]


def test_what_a_report_said_and_was_denied_did_not_happen() -> None:
    text = "Her office denied a report in the local press that Ilo Dask had spoken with Ruta Venn by phone."
    found, _ = events(text, PEOPLE)
    assert [(e.type, e.status) for e in found] == [("call", "denied")]


def test_signed_by_a_minister_and_his_counterparts_from_a_list() -> None:
    text = (
        "The pact was signed by Ilo Dask and his counterparts from Belmark, Castoria and Dravia, "
        "Ruta Venn, Oma Prell and Sel Tarno."
    )
    cast: Cast = {
        **PEOPLE,
        "Oma Prell": ("person", "CST", ["Oma Prell"]),
        "Sel Tarno": ("person", "DRV", ["Sel Tarno"]),
    }
    found, ids = events(text, cast)
    [e] = [e for e in found if e.type == "agreement"]
    assert names(e, ids) == ["Ilo Dask", "Ruta Venn", "Oma Prell", "Sel Tarno"]


def test_a_count_of_countries_is_the_list_the_next_sentence_gives() -> None:
    text = (
        "Arvenia expelled diplomats from three neighbouring countries on Monday. "
        "Its minister said the governments of Belmark, Castoria and Dravia had meddled in the vote."
    )
    cast: Cast = {
        "Arvenia": ("state", "ARV", ["Arvenia"]),
        "Belmark": ("state", "BLM", ["Belmark"]),
        "Castoria": ("state", "CST", ["Castoria"]),
        "Dravia": ("state", "DRV", ["Dravia"]),
    }
    found, ids = events(text, cast)
    [e] = [e for e in found if e.type == "expulsion"]
    assert names(e, ids) == ["Arvenia", "Belmark", "Castoria", "Dravia"]


def test_a_participle_before_a_noun_is_no_event() -> None:
    text = "Belmark stopped a sanctioned freighter off Arvenia on Sunday."
    cast: Cast = {"Arvenia": ("state", "ARV", ["Arvenia"]), "Belmark": ("state", "BLM", ["Belmark"])}
    found, _ = events(text, cast)
    assert not [e for e in found if e.type == "sanction"]


def test_nobody_asked_is_no_appeal() -> None:
    text = 'Ilo Dask said Belmark would stay out, "and nobody asked us to."'
    found, _ = events(text, {**PEOPLE, "Belmark": ("state", "BLM", ["Belmark"])})
    assert not [e for e in found if e.type == "appeal"]


def test_a_visit_by_someone_and_the_talks_held_there() -> None:
    text = (
        "The two agreed to reopen the port during a visit to Kessa on Monday by Ilo Dask, "
        "who held talks with Ruta Venn, and called on the harbour master."
    )
    found, ids = events(text, PEOPLE, {"Kessa": ("city", "BLM")})
    visits = [(names(e, ids), e.location) for e in found if e.type == "visit"]
    meetings = [(names(e, ids), e.location) for e in found if e.type == "meeting"]
    assert visits == [(["Ilo Dask"], "l1")]
    assert meetings == [(["Ilo Dask", "Ruta Venn"], "l1")]


def test_visiting_after_before_takes_the_main_subject_and_the_city_of() -> None:
    text = (
        "Ilo Dask met Ruta Venn in Norvik. He is due to fly home on Thursday "
        "before visiting the old harbour city of Kessa on Friday."
    )
    found, ids = events(text, PEOPLE, {"Norvik": ("city", "ARV"), "Kessa": ("city", "BLM")})
    assert (["Ilo Dask"], "l2", "planned") in [
        (names(e, ids), e.location, e.status) for e in found if e.type == "visit"
    ]


def test_a_regional_demonym_is_no_state() -> None:
    text = "Arvenia expelled diplomats from several Latin American capitals."
    cast: Cast = {"Arvenia": ("state", "ARV", ["Arvenia"]), "United States": ("state", "USA", ["Washington"])}
    found, ids = events(text, cast)
    assert [names(e, ids) for e in found if e.type == "expulsion"] in ([], [["Arvenia"]])


def test_second_verb_shares_the_subject_of_the_first() -> None:
    text = 'Ilo Dask accused Belmark of "bad faith" and urged Castoria to mediate.'
    cast: Cast = {
        **PEOPLE,
        "Belmark": ("state", "BLM", ["Belmark"]),
        "Castoria": ("state", "CST", ["Castoria"]),
    }
    found, ids = events(text, cast)
    assert [names(e, ids) for e in found if e.type == "appeal"] == [["Ilo Dask", "Castoria"]]


def test_an_accusation_without_an_accuser_is_dropped() -> None:
    text = "Her party, the reform bloc, accused Ilo Dask of vote rigging."
    found, _ = events(text, PEOPLE)
    assert not [e for e in found if e.type == "accusation"]


def test_the_antecedent_of_a_closed_whose_clause_acts() -> None:
    text = (
        "Belmark, whose premier, Ruta Venn, attended as a guest, "
        "is expected to sign a pact with Arvenia in June."
    )
    cast: Cast = {
        **PEOPLE,
        "Arvenia": ("state", "ARV", ["Arvenia"]),
        "Belmark": ("state", "BLM", ["Belmark"]),
    }
    found, ids = events(text, cast)
    assert [(names(e, ids), e.status) for e in found if e.type == "agreement"] == [
        (["Belmark", "Arvenia"], "planned")
    ]


def test_open_water_is_no_place_of_a_deal() -> None:
    text = "Ilo Dask and Ruta Venn agreed to halt attacks on ships in the Pale Sea."
    found, _ = events(text, PEOPLE, {"Pale Sea": ("other", "")})
    [e] = [e for e in found if e.type == "agreement"]
    assert e.location is None


def test_a_group_led_by_someone_is_who_travels() -> None:
    text = "The delegation of the Arvenian League, led by Ilo Dask, flew into Kessa on Tuesday."
    cast: Cast = {**PEOPLE, "Arvenian League": ("organization", None, ["Arvenian League"])}
    found, ids = events(text, cast, {"Kessa": ("city", "BLM")})
    assert [names(e, ids) for e in found if e.type == "visit"] == [["Arvenian League"]]


def test_a_trip_for_talks_with_someone_does_not_visit_them() -> None:
    text = "Ilo Dask will fly to Kessa on Thursday for talks with Ruta Venn."
    found, ids = events(text, PEOPLE, {"Kessa": ("city", "BLM")})
    assert [names(e, ids) for e in found if e.type == "visit"] == [["Ilo Dask"]]


def test_a_trip_told_after_the_talks_is_not_where_they_were() -> None:
    text = "Ilo Dask held talks with Ruta Venn on Monday, days before a planned visit to Kessa was postponed."
    found, _ = events(text, PEOPLE, {"Kessa": ("city", "BLM")})
    [meeting] = [e for e in found if e.type == "meeting"]
    assert meeting.location is None


def test_called_someone_a_quoted_insult_is_an_accusation() -> None:
    text = 'Ilo Dask, who called Ruta Venn a "dictator" last year, spoke at the rally.'
    found, _ = events(text, PEOPLE)
    assert [e.type for e in found if e.type in ("call", "accusation")] == ["accusation"]


def titled(text: str, cast: Cast, titles: dict[str, str]) -> list[Actor]:
    import attrs

    return [attrs.evolve(a, title=titles.get(a.name or "")) for a in actors_for(text, cast)]


def found(text: str, actors: list[Actor], places: dict[str, tuple[str, str]] | None = None) -> list[Event]:
    return list(find_events(text, actors, places_for(text, places or {})))


def test_no_call_denies_the_call_reported_before() -> None:
    text = 'Ilo Dask phoned Ruta Venn late on Monday, an aide said. "There was no call," said an adviser.'
    found_events, ids = events(text, PEOPLE)
    calls = [e for e in found_events if e.type == "call"]
    assert len(calls) == 1
    assert names(calls[0], ids) == ["Ilo Dask", "Ruta Venn"]
    assert calls[0].status == "denied"


def test_no_direct_contact_between_two_demonyms_is_a_denied_meeting() -> None:
    cast: Cast = {"Arvania": ("state", "ARV", ["Arvania"]), "Belmora": ("state", "BLM", ["Belmora"])}
    text = "Arvania said there had been no direct contact between the Belmoran and Arvanian teams."
    actors = actors_for(text, cast)
    import diplomacy_events.countries as countries

    real = countries.demonym_country
    countries.demonym_country = lambda w: {"Belmoran": "BLM", "Arvanian": "ARV"}.get(w) or real(w)  # type: ignore[assignment]
    try:
        out = found(text, actors)
    finally:
        countries.demonym_country = real  # type: ignore[assignment]
    meetings = [e for e in out if e.type == "meeting"]
    assert len(meetings) == 1 and meetings[0].status == "denied"
    assert set(meetings[0].actors) == {"a1", "a2"}


def test_did_not_meet_and_denied_speaking_are_denied() -> None:
    for text, etype in [
        ("Ilo Dask did not meet Ruta Venn during the forum.", "meeting"),
        ("Ilo Dask denied meeting Ruta Venn in secret.", "meeting"),
        ("Ilo Dask denied speaking with Ruta Venn last week.", "call"),
    ]:
        found_events, ids = events(text, PEOPLE)
        assert [(e.type, names(e, ids), e.status) for e in found_events] == [
            (etype, ["Ilo Dask", "Ruta Venn"], "denied")
        ], text


def test_no_meeting_took_place_refers_to_the_meeting_before() -> None:
    text = "Ilo Dask was to meet Ruta Venn in the capital. In the end no meeting took place."
    found_events, ids = events(text, PEOPLE)
    meetings = [e for e in found_events if e.type == "meeting"]
    assert len(meetings) == 1 and names(meetings[0], ids) == ["Ilo Dask", "Ruta Venn"]
    assert meetings[0].status == "denied"


def test_the_person_sent_makes_the_visit() -> None:
    places = {"Port Sela": ("city", "XXA")}
    for text in [
        "Ruta Venn sent Ilo Dask, her chief adviser, to Port Sela on Monday.",
        "Ruta Venn dispatched Ilo Dask to Port Sela.",
        "Ilo Dask was sent to Port Sela as an envoy.",
    ]:
        found_events, ids = events(text, PEOPLE, places)
        visits = [e for e in found_events if e.type == "visit"]
        assert [names(e, ids) for e in visits] == [["Ilo Dask"]], text
        assert visits[0].location == "l1"


def test_sending_a_letter_is_no_visit() -> None:
    found_events, _ = events(
        "Ruta Venn sent a letter to Ilo Dask in Port Sela.", PEOPLE, {"Port Sela": ("city", "X")}
    )
    assert not [e for e in found_events if e.type == "visit"]


def test_the_two_leaders_are_the_pair_who_met() -> None:
    cast: Cast = {**PEOPLE, "Kestria": ("state", "KST", ["Kestria"])}
    text = (
        "Ilo Dask met Ruta Venn in the capital on Monday. A spokesman said the two leaders had also "
        "discussed trade and had urged Kestria to reopen its border."
    )
    actors = titled(text, cast, {"Ilo Dask": "President", "Ruta Venn": "Prime Minister"})
    ids = {a.id: a.name for a in actors}
    appeals = [[ids[x] for x in e.actors] for e in found(text, actors) if e.type == "appeal"]
    assert appeals == [["Ilo Dask", "Kestria"], ["Ruta Venn", "Kestria"]]


def test_both_ministers_from_the_sentence_before() -> None:
    cast: Cast = {**PEOPLE, "Kestria": ("state", "KST", ["Kestria"])}
    text = "Ilo Dask and Ruta Venn spoke at the forum. Both ministers condemned Kestria for the blockade."
    actors = titled(text, cast, {"Ilo Dask": "Foreign Minister", "Ruta Venn": "foreign minister"})
    ids = {a.id: a.name for a in actors}
    accusations = [[ids[x] for x in e.actors] for e in found(text, actors) if e.type == "accusation"]
    assert accusations == [["Ilo Dask", "Kestria"], ["Ruta Venn", "Kestria"]]


def test_an_unnamed_envoy_stands_for_the_state() -> None:
    cast: Cast = {
        "Arvania": ("state", "ARV", ["Arvania"]),
        "Belmora": ("state", "BLM", ["Belmora"]),
        "envoy": ("person", "BLM", ["charge d'affaires"]),
    }
    text = "Arvania summoned the charge d'affaires of Belmora on Friday."
    actors = [
        Actor(
            id=a.id, name=None, kind="person", country="BLM", mentions=a.mentions, title="charge d'affaires"
        )
        if a.name == "envoy"
        else a
        for a in actors_for(text, cast)
    ]
    protests = [e for e in found(text, actors) if e.type == "protest"]
    assert [list(e.actors) for e in protests] == [["a1", "a2"]]


def test_followed_suit_repeats_the_event_with_a_new_initiator() -> None:
    cast: Cast = {
        "Arvania": ("state", "ARV", ["Arvania"]),
        "Belmora": ("state", "BLM", ["Belmora"]),
        "Kestria": ("state", "KST", ["Kestria"]),
    }
    text = "Arvania expelled the ambassador of Kestria on Monday, and Belmora followed suit on Tuesday."
    found_events, ids = events(text, cast)
    assert [(e.type, names(e, ids)) for e in found_events] == [
        ("expulsion", ["Arvania", "Kestria"]),
        ("expulsion", ["Belmora", "Kestria"]),
    ]


def test_following_suit_needs_its_own_subject() -> None:
    cast: Cast = {"Arvania": ("state", "ARV", ["Arvania"]), "Kestria": ("state", "KST", ["Kestria"])}
    text = "Arvania sanctioned Kestria. Officials said others were close to following suit."
    found_events, _ = events(text, cast)
    assert len(found_events) == 1


def test_missiles_drones_and_shelling_are_military() -> None:
    cast: Cast = {"Arvania": ("state", "ARV", ["Arvania"]), "Kestria": ("state", "KST", ["Kestria"])}
    for text, cameo in [
        ("Arvania fired two ballistic missiles at Kestria on Sunday.", "195"),
        ("Arvania launched a drone strike on Kestria overnight.", "190"),
        ("Arvania shelled Kestria for a third day.", "194"),
    ]:
        found_events, ids = events(text, cast)
        assert [(e.type, e.cameo, names(e, ids)) for e in found_events] == [
            ("military", cameo, ["Arvania", "Kestria"])
        ], text


def test_firing_a_spokesman_is_no_attack() -> None:
    cast: Cast = {"Arvania": ("state", "ARV", ["Arvania"])}
    found_events, _ = events("Arvania fired its spokesman and launched a review of its archives.", cast)
    assert not found_events


def test_refusing_to_normalise_or_recognise_is_a_rejection() -> None:
    cast: Cast = {"Arvania": ("state", "ARV", ["Arvania"]), "Kestria": ("state", "KST", ["Kestria"])}
    for text in [
        "Arvania said it will not normalise relations with Kestria.",
        "Arvania refused to recognise Kestria.",
        "Arvania would never restore ties with Kestria, its minister said.",
    ]:
        found_events, ids = events(text, cast)
        assert [(e.type, names(e, ids), e.status) for e in found_events] == [
            ("rejection", ["Arvania", "Kestria"], "occurred")
        ], text


def test_agreeing_to_meet_is_a_planned_meeting() -> None:
    found_events, ids = events("Ilo Dask and Ruta Venn agreed to meet again next year.", PEOPLE)
    meetings = [e for e in found_events if e.type == "meeting"]
    assert [(names(e, ids), e.status) for e in meetings] == [(["Ilo Dask", "Ruta Venn"], "planned")]


STATES: Cast = {
    "Arvania": ("state", "ARV", ["Arvania"]),
    "Kestria": ("state", "KST", ["Kestria"]),
}


def test_two_expulsions_with_different_initiators_stay_apart() -> None:
    text = (
        "Chile expelled two Peruvian diplomats on Monday. "
        "Peru's foreign ministry expelled two Chilean diplomats in return."
    )
    cast: Cast = {
        "Chile": ("state", "CHL", ["Chile"]),
        "Peruvian foreign ministry": ("organization", "PER", ["Peru's foreign ministry"]),
        "Peru": ("state", "PER", ["Peru"]),
    }
    found, ids = events(text, cast)
    assert sorted(names(e, ids) for e in found if e.type == "expulsion") == [
        ["Chile", "Peru"],
        ["Peruvian foreign ministry", "Chile"],
    ]


def test_denying_press_reports_denies_the_event() -> None:
    text = "A spokeswoman denied local media reports that Arvania had threatened to close its embassy."
    found, _ = events(text, STATES)
    assert [(e.type, e.status) for e in found] == [("threat", "denied")]


def test_the_two_meet_after_when_in_a_plan_is_a_planned_meeting() -> None:
    text = (
        "Ilo Dask said he had not spoken by phone with Ruta Venn since the crash "
        "but would raise it with her when the two meet in Varno next month."
    )
    found, ids = events(text, PEOPLE, {"Varno": ("city", "KST")}, {"next month": ("2026-07", "month")})
    meetings = [e for e in found if e.type == "meeting"]
    assert [(names(e, ids), e.status) for e in meetings] == [(["Ilo Dask", "Ruta Venn"], "planned")]


def test_these_manoeuvres_refer_back() -> None:
    found, _ = events("Arvania urged Kestria to stop these reckless manoeuvres.", STATES)
    assert [e.type for e in found] == ["appeal"]


def test_deputy_chief_of_mission_named_after_the_title_is_summoned() -> None:
    text = "Arvania summoned Kestria's deputy chief of mission, Lev Oran, on Monday."
    cast: Cast = {**STATES, "Lev Oran": ("person", "KST", ["Lev Oran"])}
    found, ids = events(text, cast)
    assert [(e.type, names(e, ids)) for e in found] == [("protest", ["Arvania", "Lev Oran"])]


def test_verb_after_but_shares_the_subject_of_the_verb_before() -> None:
    text = "Ilo Dask met Ruta Venn on Monday, but did not meet Lev Oran during the trip."
    cast: Cast = {**PEOPLE, "Lev Oran": ("person", "KST", ["Lev Oran"])}
    found, ids = events(text, cast)
    assert [(names(e, ids), e.status) for e in found] == [
        (["Ilo Dask", "Ruta Venn"], "occurred"),
        (["Ilo Dask", "Lev Oran"], "denied"),
    ]


def test_infinitive_of_purpose_is_the_same_act_or_the_same_actor() -> None:
    text = "Arvania summoned Kestria's ambassador, Lev Oran, to protest against the raid."
    cast: Cast = {**STATES, "Lev Oran": ("person", "KST", ["Lev Oran"])}
    found, ids = events(text, cast)
    assert [(e.type, names(e, ids)) for e in found] == [("protest", ["Arvania", "Lev Oran"])]
    text = "Arvania summoned Kestria's ambassador, Lev Oran, on Monday to demand an apology."
    found, ids = events(text, cast)
    assert [(e.type, names(e, ids)[0]) for e in found] == [("protest", "Arvania"), ("appeal", "Arvania")]


def test_accusing_them_accuses_the_object_of_the_verb_before() -> None:
    text = "Chile expelled two Peruvian diplomats on Monday, accusing them of spying."
    cast: Cast = {"Chile": ("state", "CHL", ["Chile"]), "Peru": ("state", "PER", ["Peru"])}
    found, ids = events(text, cast)
    assert [(e.type, names(e, ids)) for e in found] == [
        ("expulsion", ["Chile", "Peru"]),
        ("accusation", ["Chile", "Peru"]),
    ]


def test_pronoun_between_the_last_actor_and_the_trigger_is_the_subject() -> None:
    text = "Ilo Dask, who visited Kestria in May, said he hoped to host Ruta Venn later this year."
    found, ids = events(text, {**PEOPLE, **STATES})
    hosted = [e for e in found if e.type == "meeting"]
    assert [(names(e, ids), e.status) for e in hosted] == [(["Ilo Dask", "Ruta Venn"], "planned")]


def test_possessive_ministry_stands_for_the_speakers_state() -> None:
    text = "Ilo Dask said his ministry had summoned Kestria's ambassador on Monday."
    found, ids = events(text, {**PEOPLE, **STATES})
    assert [(e.type, names(e, ids)[0]) for e in found] == [("protest", "Arvania")]


def test_relative_clause_on_a_prepositional_object_names_no_subject() -> None:
    text = (
        "Ruta Venn said she had raised the case of Ilo Dask, who was jailed in May, "
        "and pressed for his release."
    )
    found, ids = events(text, PEOPLE)
    assert all(names(e, ids)[0] != "Ilo Dask" for e in found)


def test_compound_names_the_sides_of_a_summit() -> None:
    text = "A planned Arvania-Kestria summit in Varno, set for April, has been postponed."
    found, ids = events(text, STATES, {"Varno": ("city", "ARV")})
    assert [(e.type, names(e, ids), e.status) for e in found] == [
        ("meeting", ["Arvania", "Kestria"], "cancelled")
    ]


def test_date_of_a_trailing_attribution_is_not_the_events() -> None:
    text = "Arvania and Kestria will hold joint naval exercises in July, a spokesman said last week."
    found, ids = events(text, STATES, dates={"July": ("2026-07", "month"), "last week": ("2026-W10", "week")})
    [e] = found
    assert (e.type, names(e, ids), e.status) == ("cooperation", ["Arvania", "Kestria"], "planned")
    assert e.date == "d1"


def test_rejecting_the_protest_targets_who_lodged_it() -> None:
    text = "Arvania lodged a formal protest with Kestria on Monday. Kestria rejected the protest."
    found, ids = events(text, STATES)
    assert [(e.type, names(e, ids)) for e in found] == [
        ("protest", ["Arvania", "Kestria"]),
        ("rejection", ["Kestria", "Arvania"]),
    ]


def test_rejected_appeals_are_no_appeal() -> None:
    found, _ = events("Kestria has rejected Arvanian appeals on the case.", STATES)
    assert [e.type for e in found] == ["rejection"]


def test_visiting_a_detainee_is_no_diplomatic_visit() -> None:
    text = "Arvania asked that consular officials be allowed to visit Lev Oran, a detained engineer."
    cast: Cast = {**STATES, "Lev Oran": ("person", "ARV", ["Lev Oran"])}
    found, _ = events(text, cast)
    assert not [e for e in found if e.type == "visit"]


def test_a_blocs_leaders_agreeing_is_an_agreement_of_the_bloc() -> None:
    text = "Union leaders agreed on Friday on a loan package for defence."
    found, ids = events(text, {"Union": ("organization", None, ["Union"])})
    assert [(e.type, names(e, ids)) for e in found] == [("agreement", ["Union"])]


def test_threat_before_but_takes_its_own_clauses_date() -> None:
    text = "Ilo Dask had threatened last week to block the package, but dropped his objections on Thursday."
    found, _ = events(
        text, PEOPLE, dates={"last week": ("2026-W10", "week"), "Thursday": ("2026-03-19", "day")}
    )
    [e] = found
    assert e.type == "threat" and e.date == "d1"


def _pipeline_events(text: str) -> list[tuple[str, list[str | None]]]:
    import diplomacy_events

    ex = diplomacy_events.Pipeline(entry_points=False).extract(text)
    ids = {a.id: a.name for a in ex.actors}
    return [(e.type, [ids[a] for a in e.actors]) for e in ex.events]


def test_passive_signing_by_titled_agents_after_a_place_and_day() -> None:
    text = (
        "The treaty was signed on Friday in Quito by Peru's minister for trade, Ana Sotelo, "
        "and Chilean Foreign Minister Luis Pardo."
    )
    assert _pipeline_events(text) == [("agreement", ["Ana Sotelo", "Luis Pardo"])]


def test_by_a_nameless_agent_is_no_event_of_the_person_named_later() -> None:
    text = "Asked by a reporter whether he would warn President Ivan Rusk, the premier smiled."
    assert _pipeline_events(text) == []


def test_a_noun_and_its_participle_are_one_event() -> None:
    text = "Premier Ilo Dask will attend a dinner hosted by President Ruta Venn and Minister Omar Lind."
    found = _pipeline_events(text)
    assert len(found) == 1 and found[0][0] == "meeting"
    assert set(found[0][1]) == {"Ilo Dask", "Ruta Venn", "Omar Lind"}


def test_three_states_signing_one_text_is_one_agreement_and_several_texts_are_pairs() -> None:
    cast: Cast = {
        "Arvenia": ("state", "ARV", ["Arvenia"]),
        "Belmark": ("state", "BLM", ["Belmark"]),
        "Castoria": ("state", "CST", ["Castoria"]),
    }
    found, ids = events("Arvenia, Belmark and Castoria signed a water pact on Monday.", cast)
    assert [names(e, ids) for e in found] == [["Arvenia", "Belmark", "Castoria"]]
    found, ids = events("Arvenia, Belmark and Castoria signed the documents on Monday.", cast)
    assert [names(e, ids) for e in found] == [["Arvenia", "Belmark"], ["Arvenia", "Castoria"]]


def test_a_call_named_after_the_with_phrase_of_its_clause() -> None:
    text = "President Ilo Dask raised the dam with his counterpart, President Ruta Venn, in a phone call."
    assert _pipeline_events(text) == [("call", ["Ilo Dask", "Ruta Venn"])]


def test_an_appeal_to_both_sides_names_the_sides_told_before() -> None:
    text = (
        "Bolivian President Ilo Dask spoke by phone with Peru's president, Ruta Venn, on Sunday. "
        "Chile's foreign minister, Omar Lind, called on both sides to settle the matter."
    )
    assert ("appeal", ["Omar Lind", "Ilo Dask", "Peru"]) in _pipeline_events(text)


def test_leaders_of_a_bloc_meeting_is_a_meeting_of_the_bloc() -> None:
    assert _pipeline_events("Leaders of the African Union will meet in Accra in July.") == [
        ("meeting", ["African Union"])
    ]


def test_a_postponed_visit_told_later_and_a_nameless_minister_acting_for_the_state() -> None:
    text = (
        "Peru protested to Chile on Monday. Peru's foreign minister, who had been due to travel to "
        "Santiago next week, has postponed the visit, his office said."
    )
    found = _pipeline_events(text)
    assert ("visit", ["Peru"]) in found
    ex = __import__("diplomacy_events").Pipeline(entry_points=False).extract(text)
    assert [e.status for e in ex.events if e.type == "visit"] == ["cancelled"]


def test_skipping_another_summit_does_not_cancel_the_meeting_told_before() -> None:
    text = (
        "President Ilo Dask met President Ruta Venn in Lima on Monday. "
        "Premier Omar Lind skipped the summit, saying he had to stay home."
    )
    ex = __import__("diplomacy_events").Pipeline(entry_points=False).extract(text)
    assert [e.status for e in ex.events if e.type == "meeting"][:1] == ["occurred"]


def test_barring_aircraft_is_a_sanction_by_the_body_that_barred() -> None:
    text = (
        "Peru expelled two Chilean diplomats on Monday. The next day Chile's civil aviation "
        "authority banned all flights to and from Peru. Bolivia banned wine imports."
    )
    found = _pipeline_events(text)
    assert ("sanction", ["Chile's civil aviation authority", "Peru"]) in found
    assert ("sanction", ["Bolivia"]) in found


def test_a_body_in_a_city_accuses_after_a_partial_quote_and_a_rejection_answers_the_last_actor() -> None:
    text = (
        "Peru summoned Chile's ambassador, Luis Soto, on Monday. Chile rejected the accusation. "
        'The Chilean embassy in Lima said that Peru was "looking for a culprit" and accused '
        "Lima of stoking tension."
    )
    found = _pipeline_events(text)
    assert ("rejection", ["Chile", "Peru"]) in found
    assert ("accusation", ["Chilean embassy", "Peru"]) in found


def test_summoned_to_a_ministry_and_handed_a_note_is_one_protest_by_the_ministry() -> None:
    text = (
        "Peru's ambassador, Luis Soto, was summoned to the Chilean foreign ministry on Monday "
        "and handed a formal note of protest."
    )
    assert _pipeline_events(text) == [("protest", ["Chilean foreign ministry", "Luis Soto"])]


def test_a_cancellation_in_an_after_clause_is_not_the_signing_s() -> None:
    text = "Arvenia signs a patrol pact with Belmark after a stop in Castoria is dropped."
    cast: Cast = {"Arvenia": ("state", "ARV", ["Arvenia"]), "Belmark": ("state", "BLM", ["Belmark"])}
    found, _ids = events(text, cast)
    assert [(e.type, e.status) for e in found] == [("agreement", "occurred")]


def test_a_state_and_its_official_are_one_side_when_merging() -> None:
    text = (
        "Peru's foreign minister, Ana Sotelo, signed an agreement with Chile on Wednesday. "
        "The pact, signed in Lima by Sotelo and Chilean Foreign Minister Luis Pardo, covers fishing."
    )
    assert [t for t, _ in _pipeline_events(text)] == ["agreement"]


def test_the_demonym_capital_is_a_mention_of_the_capital_named_before() -> None:
    from diplomacy_events.extractors.locations import find_locations

    text = "The pact was signed in Lima on Monday. The minister arrived in the Peruvian capital on Sunday."
    [lima] = find_locations(text)
    assert [m.text for m in lima.mentions] == ["Lima", "Peruvian capital"]


def test_a_meeting_of_a_compound_demonym_commission_is_between_the_two_states() -> None:
    text = (
        "Chile and Peru traded blame on Monday. A meeting of the Chilean-Peruvian boundary "
        "commission opened in Lima on Tuesday."
    )
    found = _pipeline_events(text)
    assert any(t == "meeting" and {"Chile", "Peru"} <= set(a) for t, a in found)


def test_declining_an_invitation_to_meet_is_a_declined_meeting_with_the_inviter() -> None:
    text = (
        "Bolivian President Ilo Dask declined an invitation from Peru's president, Ruta Venn, "
        "to meet in Lima in March."
    )
    ex = __import__("diplomacy_events").Pipeline(entry_points=False).extract(text)
    ids = {a.id: a.name for a in ex.actors}
    assert [(e.type, e.status, [ids[a] for a in e.actors]) for e in ex.events] == [
        ("meeting", "declined", ["Ilo Dask", "Ruta Venn"])
    ]


def test_refusing_to_attend_talks_with_someone_is_a_declined_meeting() -> None:
    text = "Bolivian President Ilo Dask will not attend the talks with Peru's president, Ruta Venn, in Lima."
    ex = __import__("diplomacy_events").Pipeline(entry_points=False).extract(text)
    ids = {a.id: a.name for a in ex.actors}
    assert [(e.type, e.status, [ids[a] for a in e.actors]) for e in ex.events] == [
        ("meeting", "declined", ["Ilo Dask", "Ruta Venn"])
    ]


def test_denials_of_accusations_protests_of_moves_lifted_sanctions_and_hosted_talks() -> None:
    text = (
        "Ecuador accused Colombia of harbouring rebels. Colombia denied the accusation on Tuesday. "
        "Vietnam and China clashed again. Vietnam protested China's deployment of a survey ship. "
        "Egypt hosted talks between Israel and Qatar in Cairo on Sunday."
    )
    found = _pipeline_events(text)
    assert ("rejection", ["Colombia", "Ecuador"]) in found
    assert ("protest", ["Vietnam", "China"]) in found
    assert ("meeting", ["Egypt", "Israel", "Qatar"]) in found


def test_recalled_envoys_to_listed_capitals_and_officials_of_two_demonyms_sitting_down() -> None:
    text = (
        "Peru, Ecuador and Chile are at odds. Chile responded by recalling its envoys to Lima and "
        "Quito; Bolivia stayed out. When Chilean and Peruvian officials sat down in Panama, little moved."
    )
    found = _pipeline_events(text)
    assert ("expulsion", ["Chile", "Peru"]) in found and ("expulsion", ["Chile", "Ecuador"]) in found
    assert ("meeting", ["Chile", "Peru"]) in found


def test_received_by_his_counterpart_is_a_meeting_hosted_by_the_counterpart() -> None:
    text = (
        "Bolivian President Ilo Dask arrived in Lima on Tuesday. He was received by his Peruvian "
        "counterpart, Ruta Venn, at the palace."
    )
    assert ("meeting", ["Ruta Venn", "Ilo Dask"]) in _pipeline_events(text)


def test_ministers_from_both_sides_are_the_states_of_the_last_pair() -> None:
    text = (
        "Peru and Chile held talks. President Ilo Dask of Peru met Chile's president, Ruta Venn, in Lima. "
        "Ministers from both sides then signed seven agreements."
    )
    assert ("agreement", ["Peru", "Chile"]) in _pipeline_events(text)


def test_an_agency_in_the_dateline_is_no_actor() -> None:
    text = "LIMA, Peru (AP) — Peru and Chile signed a fisheries pact on Saturday."
    assert _pipeline_events(text) == [("agreement", ["Peru", "Chile"])]


def test_the_bloc_as_subject_is_the_body_named_before() -> None:
    text = "Leaders of the African Union met in Accra. The bloc urged Peru and Chile to talk on Monday."
    found = _pipeline_events(text)
    assert any(t == "appeal" and a[0] == "African Union" for t, a in found)


def test_a_threat_is_aimed_at_the_state_whose_act_would_set_it_off() -> None:
    text = (
        "Chile and Peru are at odds over the bay. Peru's defence minister, Luis Pardo, warned that Peru "
        "would respond in kind if Chile sent more ships."
    )
    assert ("threat", ["Luis Pardo", "Chile"]) in _pipeline_events(text)


def test_ministers_of_two_countries_both_take_part() -> None:
    text = "The foreign ministers of Arvania and Kestria will meet in Varna next month."
    cast: Cast = {"Arvania": ("state", "ARV", ["Arvania"]), "Kestria": ("state", "KST", ["Kestria"])}
    found, ids = events(text, cast, {"Varna": ("city", "ARV")}, {"next month": ("2026-03", "month")})
    assert [(e.type, e.status, names(e, ids)) for e in found] == [
        ("meeting", "planned", ["Arvania", "Kestria"])
    ]


def test_summit_of_a_body_is_a_meeting_of_its_members() -> None:
    body: Cast = {"Coastal Union": ("organization", None, ["Coastal Union"])}
    for text, status in [
        ("The Coastal Union summit in Varna closed on Sunday with no accord.", "occurred"),
        ("A summit of the Coastal Union in Varna was postponed on Monday.", "cancelled"),
        ("The Coastal Union will hold its next summit in Varna in June.", "planned"),
    ]:
        found, ids = events(text, body, {"Varna": ("city", "ARV")})
        assert [(e.type, e.status, names(e, ids)) for e in found] == [("meeting", status, ["Coastal Union"])]
    # a summit in the background of another act is no event of its own
    text = "Ilo Dask attended a Coastal Union summit on Monday."
    found, _ids = events(text, {**body, **PEOPLE})
    assert all(len(e.actors) > 1 for e in found)


def test_one_side_declining_to_attend_talks_is_a_declined_meeting() -> None:
    text = "Arvania declined to attend the talks in Varna on Friday."
    found, ids = events(text, {"Arvania": ("state", "ARV", ["Arvania"])}, {"Varna": ("city", "KST")})
    assert [(e.type, e.status, names(e, ids)) for e in found] == [("meeting", "declined", ["Arvania"])]


def test_body_calling_on_countries_is_an_appeal_not_a_forum() -> None:
    text = "The Coastal Union called on Arvania and Kestria to exercise restraint."
    cast: Cast = {
        "Coastal Union": ("organization", None, ["Coastal Union"]),
        "Arvania": ("state", "ARV", ["Arvania"]),
        "Kestria": ("state", "KST", ["Kestria"]),
    }
    found, ids = events(text, cast)
    assert [(e.type, names(e, ids)) for e in found] == [("appeal", ["Coastal Union", "Arvania", "Kestria"])]


def test_headline_comma_joins_verbs_of_one_subject() -> None:
    text = "Arvania summons Kestrian envoy, protests river dredging\n\nThe row deepened on Monday."
    cast: Cast = {"Arvania": ("state", "ARV", ["Arvania"]), "Kestria": ("state", "KST", ["Kestrian envoy"])}
    found, ids = events(text, cast)
    assert all(names(e, ids)[0] == "Arvania" for e in found)


def test_light_verb_after_and_shares_the_subject() -> None:
    text = "Arvania summoned a Kestrian diplomat on Thursday and lodged a formal protest over the raid."
    cast: Cast = {
        "Arvania": ("state", "ARV", ["Arvania"]),
        "Kestria": ("state", "KST", ["Kestrian diplomat"]),
    }
    found, ids = events(text, cast)
    assert [names(e, ids)[0] for e in found] == ["Arvania"]


def test_passive_rejection_of_a_protest_targets_who_lodged_it() -> None:
    text = (
        "Arvania summoned Kestria's ambassador on Monday and handed him a note of protest. "
        "The protest was rejected by Kestria on Tuesday."
    )
    cast: Cast = {"Arvania": ("state", "ARV", ["Arvania"]), "Kestria": ("state", "KST", ["Kestria"])}
    found, ids = events(text, cast)
    assert [(e.type, names(e, ids)) for e in found] == [
        ("protest", ["Arvania", "Kestria"]),
        ("rejection", ["Kestria", "Arvania"]),
    ]


def test_appeal_to_both_governments_names_the_sides_told_before() -> None:
    text = "Arvania and Kestria held talks on Monday. The Coastal Union appealed to both governments to talk."
    cast: Cast = {
        "Arvania": ("state", "ARV", ["Arvania"]),
        "Kestria": ("state", "KST", ["Kestria"]),
        "Coastal Union": ("organization", None, ["Coastal Union"]),
    }
    found, ids = events(text, cast)
    assert ("appeal", ["Coastal Union", "Arvania", "Kestria"]) in [(e.type, names(e, ids)) for e in found]


def test_and_after_a_definite_noun_starts_a_new_verb() -> None:
    text = "Ilo Dask went on, asking for the return of the trawler and accusing Kestria of piracy."
    cast: Cast = {**PEOPLE, "Kestria": ("state", "KST", ["Kestria"])}
    found, ids = events(text, cast)
    assert ("accusation", ["Ilo Dask", "Kestria"]) in [(e.type, names(e, ids)) for e in found]


def test_summoning_a_high_commissioner_is_a_protest() -> None:
    text = "Arvania summoned Kestria's High Commissioner on Monday."
    cast: Cast = {"Arvania": ("state", "ARV", ["Arvania"]), "Kestria": ("state", "KST", ["Kestria"])}
    found, ids = events(text, cast)
    assert [(e.type, names(e, ids)) for e in found] == [("protest", ["Arvania", "Kestria"])]


def test_talks_between_a_long_named_side_and_another() -> None:
    text = "Talks between Arvania's long-serving transitional government and the Kestrian movement ended."
    cast: Cast = {
        "Arvania": ("state", "ARV", ["Arvania"]),
        "Kestrian movement": ("organization", "KST", ["Kestrian movement"]),
    }
    found, ids = events(text, cast)
    assert [(e.type, names(e, ids)) for e in found] == [("meeting", ["Arvania", "Kestrian movement"])]


def test_declining_a_proposal_to_meet_is_a_declined_meeting() -> None:
    text = "Arvania declined a Kestrian proposal, put forward in spring, to hold talks in Varna."
    cast: Cast = {"Arvania": ("state", "ARV", ["Arvania"]), "Kestria": ("state", "KST", ["Kestrian"])}
    found, _ids = events(text, cast, {"Varna": ("city", "ARV")})
    assert [(e.type, e.status) for e in found] == [("meeting", "declined")]


def test_act_without_a_target_takes_the_target_of_its_side_just_told() -> None:
    text = "Ilo Dask accused Kestria of spying. Arvania lodged a formal protest over the arrests on Tuesday."
    cast: Cast = {
        **PEOPLE,
        "Arvania": ("state", "ARV", ["Arvania"]),
        "Kestria": ("state", "KST", ["Kestria"]),
    }
    found, ids = events(text, cast)
    assert [(e.type, names(e, ids)) for e in found] == [
        ("accusation", ["Ilo Dask", "Kestria"]),
        ("protest", ["Arvania", "Kestria"]),
    ]


def test_the_blocs_summit_is_a_meeting_of_the_body_named_before() -> None:
    text = "Arvania wants to rejoin the Coastal Union. The row dominated the bloc's annual summit on Sunday."
    cast: Cast = {
        "Arvania": ("state", "ARV", ["Arvania"]),
        "Coastal Union": ("organization", None, ["Coastal Union"]),
    }
    found, ids = events(text, cast, dates={"Sunday": ("2026-02-15", "day")})
    assert ("meeting", ["Coastal Union"]) in [(e.type, names(e, ids)) for e in found]


def test_recalling_its_own_envoy_from_a_capital_targets_the_host() -> None:
    text = (
        "Arvania's envoy Ana Ruiz met Kestria's leaders. "
        "Within days, Arvania recalled its ambassador from Varna."
    )
    cast: Cast = {
        "Arvania": ("state", "ARV", ["Arvania"]),
        "Kestria": ("state", "KST", ["Kestria"]),
        "Ana Ruiz": ("person", "ARV", ["Ana Ruiz", "ambassador"]),  # the title linked to its holder
    }
    found, ids = events(text, cast, {"Varna": ("city", "KST")})
    assert ("expulsion", ["Arvania", "Kestria"]) in [(e.type, names(e, ids)) for e in found]


def test_base_form_after_to_is_an_act() -> None:
    text = "Ilo Dask took the floor on Saturday to accuse Kestria of hiding smugglers."
    cast: Cast = {**PEOPLE, "Kestria": ("state", "KST", ["Kestria"])}
    found, ids = events(text, cast)
    assert [(e.type, names(e, ids)) for e in found] == [("accusation", ["Ilo Dask", "Kestria"])]


def test_country_after_a_preposition_does_not_qualify_the_subject() -> None:
    text = "Arvania met Kestria. Ministers called for an end to violence in Kestria and voiced concern."
    cast: Cast = {"Arvania": ("state", "ARV", ["Arvania"]), "Kestria": ("state", "KST", ["Kestria"])}
    found, ids = events(text, cast)
    assert all(names(e, ids) != ["Kestria"] for e in found)


def test_signing_with_demonym_counterparts_names_the_ministers_of_those_countries() -> None:
    text = (
        "Ilo Dask signed a fisheries accord with his Chilean and Peruvian counterparts on Monday. "
        "Ana Soto of Chile and Luis Vera of Peru praised it."
    )
    cast: Cast = {
        "Ilo Dask": ("person", "ARV", ["Ilo Dask"]),
        "Ana Soto": ("person", "CHL", ["Ana Soto"]),
        "Luis Vera": ("person", "PER", ["Luis Vera"]),
    }
    actors = [attrs.evolve(a, title="minister") for a in actors_for(text, cast)]
    found = find_events(text, actors)
    ids = {a.id: a.name for a in actors}
    assert {ids[x] for e in found if e.type == "agreement" for x in e.actors} == {
        "Ilo Dask",
        "Ana Soto",
        "Luis Vera",
    }


def test_signing_alongside_ministers_with_long_portfolios() -> None:
    text = "Ilo Dask signed alongside Borland's Minister of Trade and Tourism, Ruta Venn."
    cast: Cast = {k: (kind, c, forms) for k, (kind, c, forms) in PEOPLE.items()}
    actors = [attrs.evolve(a, title="Minister") for a in actors_for(text, cast)]
    found = find_events(text, actors)
    assert [(e.type, len(e.actors)) for e in found] == [("agreement", 2)]


def test_expulsion_of_a_demonym_diplomat_from_a_capital() -> None:
    text = "Chile condemned the expulsion in May of a Chilean diplomat from Lima, Peru's capital."
    cast: Cast = {"Peru": ("state", "PER", ["Peru"]), "Chile": ("state", "CHL", ["Chile", "Chilean"])}
    found, ids = events(text, cast, {"Lima": ("city", "PER")})
    assert ("expulsion", ["Peru", "Chile"]) in [(e.type, names(e, ids)) for e in found]


def test_one_side_declining_to_sign_is_a_declined_agreement() -> None:
    text = "Arvania, a member of the group, declined to sign, its foreign ministry said."
    found, ids = events(text, {"Arvania": ("state", "ARV", ["Arvania"])})
    assert [(e.type, e.status, names(e, ids)) for e in found] == [("agreement", "declined", ["Arvania"])]


def test_the_state_sent_a_note_of_protest_is_its_target() -> None:
    text = "In May Arvania sent Kestria a note of protest over a fishing ban."
    cast: Cast = {"Arvania": ("state", "ARV", ["Arvania"]), "Kestria": ("state", "KST", ["Kestria"])}
    found, ids = events(text, cast)
    assert [(e.type, names(e, ids)) for e in found] == [("protest", ["Arvania", "Kestria"])]


def test_talks_with_a_demonym_counterpart_during_a_visit() -> None:
    text = "Ilo Dask will visit Chile next week for talks with his Chilean counterpart, officials said."
    cast: Cast = {"Ilo Dask": ("person", "ARV", ["Ilo Dask"]), "Chile": ("state", "CHL", ["Chile"])}
    found, ids = events(text, cast, {"Chile": ("country", "CHL")})
    assert ("meeting", "planned", ["Ilo Dask", "Chile"]) in [(e.type, e.status, names(e, ids)) for e in found]


def test_veto_of_their_text_targets_its_owners() -> None:
    text = "Coastal Union leaders agreed on a fund on Friday, but Arvania vetoed part of their joint text."
    cast: Cast = {
        "Coastal Union": ("organization", None, ["Coastal Union"]),
        "Arvania": ("state", "ARV", ["Arvania"]),
    }
    found, ids = events(text, cast)
    assert ("rejection", ["Arvania", "Coastal Union"]) in [(e.type, names(e, ids)) for e in found]


def test_breaking_off_relations_is_a_reduction_of_both_sides() -> None:
    cast: Cast = {"Arvania": ("state", "ARV", ["Arvania"]), "Kestria": ("state", "KST", ["Kestria"])}
    for text in (
        "Arvania broke off diplomatic relations with Kestria on Tuesday.",
        "Arvania severed ties with Kestria on Tuesday.",
    ):
        found, ids = events(text, cast)
        assert [(e.type, e.cameo, names(e, ids)) for e in found] == [
            ("expulsion", "161", ["Arvania", "Kestria"])
        ]
    # one side only: no event (the other side left unresolved)
    found, _ids = events("Arvania cut ties with the kingdom in 2009.", cast)
    assert found == []
    found, _ids = events("Protesters broke windows and cut cables.", cast)
    assert found == []


def test_lodging_a_complaint_is_a_protest() -> None:
    text = "Arvania's foreign ministry said it had lodged a complaint with Kestria's embassy."
    cast: Cast = {
        "Arvanian foreign ministry": ("organization", "ARV", ["Arvania's foreign ministry"]),
        "Kestria": ("state", "KST", ["Kestria"]),
    }
    found, ids = events(text, cast)
    assert [(e.type, names(e, ids)) for e in found] == [("protest", ["Arvanian foreign ministry", "Kestria"])]


def test_resuming_a_dialogue_is_a_planned_meeting_and_the_host_of_the_next_round_takes_part() -> None:
    cast: Cast = {
        "Arvania": ("state", "ARV", ["Arvania"]),
        "Kestria": ("state", "KST", ["Kestria"]),
        "Borland": ("state", "BRL", ["Borland"]),
    }
    found, ids = events("Arvania and Kestria will resume their water dialogue next month.", cast)
    assert [(e.type, e.status, names(e, ids)) for e in found] == [
        ("meeting", "planned", ["Arvania", "Kestria"])
    ]
    found, ids = events("Borland will host the next round of talks between Arvania and Kestria.", cast)
    assert [names(e, ids) for e in found] == [["Borland", "Arvania", "Kestria"]]
    found, ids = events("The bishops called for dialogue between the two sides.", cast)
    assert found == []


def test_an_event_told_by_its_states_and_by_their_ministers_is_one() -> None:
    text = (
        "Chile and Peru agreed on Tuesday to create a border commission. "
        "Chilean minister Ana Soto and her Peruvian counterpart, Luis Vera, agreed on the plan "
        "on the sidelines of a meeting of the Coastal Forum."
    )
    cast: Cast = {
        "Chile": ("state", "CHL", ["Chile"]),
        "Peru": ("state", "PER", ["Peru"]),
        "Ana Soto": ("person", "CHL", ["Ana Soto"]),
        "Luis Vera": ("person", "PER", ["Luis Vera"]),
        "Coastal Forum": ("organization", None, ["Coastal Forum"]),
    }
    found, ids = events(text, cast, dates={"Tuesday": ("2026-08-04", "day")})
    agreements = [names(e, ids) for e in found if e.type == "agreement"]
    assert len(agreements) == 1 and {"Ana Soto", "Luis Vera"} <= set(agreements[0])


def test_the_meeting_between_the_two_ministers_is_of_the_pair_told_before() -> None:
    text = (
        "Arvania and Kestria held talks on Monday. "
        "The meeting between the two foreign ministers, scheduled for Friday, was cancelled after the row."
    )
    cast: Cast = {"Arvania": ("state", "ARV", ["Arvania"]), "Kestria": ("state", "KST", ["Kestria"])}
    found, ids = events(text, cast)
    assert ("meeting", "cancelled", ["Arvania", "Kestria"]) in [
        (e.type, e.status, names(e, ids)) for e in found
    ]


def test_remaining_open_to_dialogue_is_no_meeting() -> None:
    text = "Arvania said it stayed open to sincere dialogue with Kestria."
    cast: Cast = {"Arvania": ("state", "ARV", ["Arvania"]), "Kestria": ("state", "KST", ["Kestria"])}
    found, _ids = events(text, cast)
    assert [e.type for e in found if e.type == "meeting"] == []


def test_review_findings_stay_fixed() -> None:
    cast: Cast = {"Arvania": ("state", "ARV", ["Arvania"]), "Kestria": ("state", "KST", ["Kestria"])}
    # cutting tariffs "to deepen ties" breaks no relations
    found, _ids = events("Arvania cut tariffs to deepen ties with Kestria.", cast)
    assert [e.type for e in found if e.type == "expulsion"] == []
    # an expulsion with no place named keeps the subject it had
    text = "Chile's expulsion of two Peruvian diplomats angered Peru."
    chile_peru: Cast = {"Chile": ("state", "CHL", ["Chile"]), "Peru": ("state", "PER", ["Peru", "Peruvian"])}
    found, ids = events(text, chile_peru)
    assert ("expulsion", ["Chile", "Peru"]) in [(e.type, names(e, ids)) for e in found]


def test_relations_broken_in_other_words() -> None:
    cast: Cast = {"Arvania": ("state", "ARV", ["Arvania"]), "Kestria": ("state", "KST", ["Kestria"])}
    for text in (
        "Arvania suspended its diplomatic relations with Kestria.",
        "Arvania broke off all diplomatic ties with Kestria.",
        "Kestria condemned Arvania's severing of diplomatic ties with Kestria.",
    ):
        found, _ids = events(text, cast)
        assert ("expulsion", "161") in [(e.type, e.cameo) for e in found], text


def test_received_at_the_airport_by_a_minister_is_a_meeting_he_hosts() -> None:
    text = "Ilo Dask arrived on Monday. He was received at the airport by Ruta Venn, the host."
    found, ids = events(text, PEOPLE)
    assert ("meeting", ["Ruta Venn", "Ilo Dask"]) in [(e.type, names(e, ids)) for e in found]


def test_failing_to_act_is_no_act() -> None:
    text = "Peru and Chile failed to reach an agreement on the border on Monday."
    found = __import__("diplomacy_events").Pipeline(entry_points=False).extract(text).events
    assert [(e.type, e.status) for e in found] == [("agreement", "denied")]


def test_calls_spoken_by_video_and_received_from_a_caller() -> None:
    found = _pipeline_events(
        "Chilean President Ana Ruiz and U.S. President Tom Hale spoke by video link on Monday. "
        "Peruvian President Luis Soto received a phone call late on Tuesday from Bolivian President Eva Mora."
    )
    calls = [sorted(n for n in names if n) for kind, names in found if kind == "call"]
    assert ["Ana Ruiz", "Tom Hale"] in calls
    assert any({"Luis Soto", "Eva Mora"} <= set(c) for c in calls)


def test_armed_forces_named_by_a_demonym_act_for_their_state() -> None:
    found = _pipeline_events(
        "A Chilean F-16 shot down a Peruvian drone near the border on Monday. "
        "Bolivian and Paraguayan troops exchanged fire along the river on Tuesday. "
        "Argentine warplanes violated Uruguayan airspace for ten minutes on Wednesday."
    )
    military = [names for kind, names in found if kind == "military"]
    assert ["Chile", "Peru"] in military
    assert ["Bolivia", "Paraguay"] in military
    assert ["Argentina", "Uruguay"] in military


def test_charges_recalls_from_a_capital_and_frozen_assets() -> None:
    found = _pipeline_events(
        "Peru's Foreign Minister Ana Ruiz charged that Chile had broken the treaty. "
        "Bolivia recalled its high commissioner from Asuncion on Monday. "
        "The European Union froze the assets of eight Chilean officials on Tuesday."
    )
    assert ("accusation", ["Ana Ruiz", "Chile"]) in found
    assert ("expulsion", ["Bolivia", "Paraguay"]) in found
    assert ("sanction", ["European Union", "Chile"]) in found


def test_aid_given_by_the_subject_of_its_verb() -> None:
    found = _pipeline_events(
        "Chile will provide Peru with an additional $30 million in flood aid, the ministry said. "
        "Bolivia delivered 50 tonnes of medical supplies to Paraguay on Monday."
    )
    coop = [names for kind, names in found if kind == "cooperation"]
    assert ["Chile", "Peru"] in coop
    assert ["Bolivia", "Paraguay"] in coop


def test_threats_protests_expulsions_and_visits_in_other_words() -> None:
    found = _pipeline_events(
        "Peru warned it would close the border if attacked. "
        "Bolivia vowed swift retaliation against any attempt by Chile to divert the river. "
        "Paraguay will summon the Uruguayan ambassador on Thursday. "
        "Ecuador lodged stern representations with Colombia over the raid. "
        "Mali kicked out the French ambassador on Monday. "
        "The IMF warned it would cut its growth forecast for Chile. "
        "Bolivia summoned experts from Chile for consultations on the lithium project."
    )
    kinds = [kind for kind, _names in found]
    assert ("threat", ["Peru"]) in found
    assert ("threat", ["Bolivia", "Chile"]) in found
    assert ("protest", ["Paraguay", "Uruguay"]) in found
    assert ("protest", ["Ecuador", "Colombia"]) in found
    assert "expulsion" in kinds
    assert not any(names[:1] == ["International Monetary Fund"] for _kind, names in found)  # no threat
    assert not any(kind == "protest" and names[:1] == ["Bolivia"] for kind, names in found)  # "consultations"


def test_juntas_and_regional_groups_act_for_their_state_and_body() -> None:
    found = _pipeline_events(
        "Southern African heads of state suspended Lesotho from the bloc on Sunday. "
        "The junta in Maseru rejected the decision on Monday. "
        "Caribbean leaders called on Tuesday for an end to the violence in Haiti. Haiti welcomed the call."
    )
    assert ("sanction", ["Southern African Development Community", "Lesotho"]) in found
    assert ("rejection", ["Lesotho"]) in [(k, n[:1]) for k, n in found]
    assert ("appeal", ["Caribbean Community", "Haiti"]) in found
    assert not any(kind == "visit" for kind, _names in found)  # "heads of state" is no travel


def test_lists_of_acting_states_and_outbursts() -> None:
    found = _pipeline_events(
        "Peru, Chile and Bolivia each expelled an Ecuadorian diplomat on Thursday. "
        "Colombia and the European Union sealed a long-delayed trade agreement on Tuesday. "
        "Venezuela lashed out at Guyana and Brazil on Wednesday. "
        "Paraguay closed its embassy in Montevideo in protest. "
        "Argentina's president stopped short of blaming Uruguay for the spill."
    )
    expulsions = [names for kind, names in found if kind == "expulsion"]
    for state in ("Peru", "Chile", "Bolivia"):
        assert [state, "Ecuador"] in expulsions
    assert ["Paraguay", "Uruguay"] in expulsions
    assert ("agreement", ["Colombia", "European Union"]) in found
    assert ("accusation", ["Venezuela", "Guyana", "Brazil"]) in found
    assert ("accusation", ["Uruguay"]) in [(k, n[1:]) for k, n in found]  # "stopped short of blaming"


def test_fronted_phrases_counterparts_and_demonym_sides() -> None:
    found = _pipeline_events(
        "After meeting Chilean President Ana Ruiz in Santiago, Peru's foreign minister Luis Soto said "
        "the talks went well. "
        "In a phone call with his Bolivian counterpart on Tuesday, Paraguay's Foreign Minister Eva Mora "
        "stressed the need for calm. "
        "A scheduled call between the Uruguayan and Argentine foreign ministers was scrapped on Wednesday. "
        "Eva Mora met Luis Soto on Monday, and Ecuador has since offered aid to Colombia."
    )
    assert ("meeting", ["Luis Soto", "Ana Ruiz"]) in found
    assert ("call", ["Eva Mora", "Bolivia"]) in found
    assert ("call", ["Uruguay", "Argentina"]) in found
    assert ("cooperation", ["Ecuador", "Colombia"]) in found  # "has since": no new clause, no list


def test_the_fast_scan_of_clause_breaks_matches_the_pattern() -> None:
    from diplomacy_events.extractors import events as ev

    text = (
        "He has since left; they have since met, which was new. Ever since the war, peace held "
        "but talks stalled following the vote, after which the minister said that it had since ended."
    )
    assert ev._place_breaks(text) == [(m.start(), m.end(), m.group()) for m in ev._PLACE_BREAK.finditer(text)]


def test_rejected_calls_passive_lists_and_abbreviated_states() -> None:
    found = _pipeline_events(
        "Peru was accused by Chile, Bolivia and Ecuador of hiding the report. "
        "Lima refused to negotiate, rejecting Chile's call for direct talks. "
        "Chilean President Ana Ruiz has not spoken by phone with the U.S. president since January. "
        "Bolivia rejected a Peruvian proposal for a meeting before the end of the year."
    )
    for accuser in ("Chile", "Bolivia", "Ecuador"):
        assert ("accusation", [accuser, "Peru"]) in found  # one event per accusing state
    assert any(kind == "rejection" and names[:2] == ["Peru", "Chile"] for kind, names in found)
    assert ("call", ["Ana Ruiz", "United States"]) in found
    assert not any(kind == "rejection" and names[:1] == ["Bolivia"] for kind, names in found)


def test_calls_held_with_the_presidents_of_states_and_to_a_counterpart() -> None:
    found = _pipeline_events(
        "Chilean President Ana Ruiz held separate calls on Tuesday with the presidents of Peru and Bolivia. "
        "Paraguay's president has not spoken to his Uruguayan counterpart in months. "
        "A planned meeting between the foreign ministers of Ecuador and Colombia was called off. "
        "Human Rights Watch urged Venezuela to free the prisoners."
    )
    assert ("call", ["Ana Ruiz", "Peru", "Bolivia"]) in found
    assert any(kind == "call" and "Uruguay" in names for kind, names in found)
    assert ("meeting", ["Ecuador", "Colombia"]) in found
    assert ("appeal", ["Human Rights Watch", "Venezuela"]) in found
    assert not any(
        kind == "appeal" and names[:1] == ["Ana Ruiz"] for kind, names in found
    )  # "calls on Tuesday"


def test_entry_bans_visa_restrictions_vows_and_calls_yet_to_happen() -> None:
    found = _pipeline_events(
        "Peru on Thursday banned entry to 35 Chilean citizens. "
        "Bolivia imposed visa restrictions on Wednesday on 12 Paraguayan officials. "
        "Chilean jets struck a depot in Argentina on Sunday. Buenos Aires vowed to retaliate. "
        "Ecuador's president has yet to speak with his Colombian counterpart."
    )
    assert ("sanction", ["Peru", "Chile"]) in found
    assert ("sanction", ["Bolivia", "Paraguay"]) in found
    assert ("threat", ["Argentina"]) in [(k, n[:1]) for k, n in found]
    assert any(kind == "call" and "Colombia" in names for kind, names in found)
    ex = (
        __import__("diplomacy_events")
        .Pipeline(entry_points=False)
        .extract("Ecuador's president has yet to speak with his Colombian counterpart.")
    )
    assert [e.status for e in ex.events if e.type == "call"] == ["denied"]


def test_notes_handed_to_a_states_consul_and_modified_governments() -> None:
    found = _pipeline_events(
        "Chile's foreign ministry handed a protest note to Bolivia's consul in Santiago on Friday. "
        "Peru's army-led government expelled two Ecuadorian diplomats on Sunday."
    )
    assert ("protest", ["Chile's foreign ministry", "Bolivia"]) in found
    assert ("expulsion", ["Peru's army-led government", "Ecuador"]) in found


def test_people_accused_of_something_accuse_no_one_and_demonym_officials_act() -> None:
    found = _pipeline_events(
        "Peru imposed sanctions on Wednesday against four Chilean settlers accused of violence. "
        "Bolivian officials accused Paraguay of lying about the dam."
    )
    assert not any(kind == "accusation" and names[:1] == ["Peru"] for kind, names in found)
    assert ("accusation", ["Bolivia", "Paraguay"]) in found


def test_a_rebuffed_request_told_before_is_a_rejection_of_its_author() -> None:
    found = _pipeline_events(
        "Chile has urged Peru to reopen the border crossing.\n\n"
        "Peruvian officials rebuffed the request on Tuesday. "
        "Bolivia turned down a request from Paraguay for a meeting. "
        "Argentine deputy foreign ministers and Uruguayan envoys held talks in Salto. "
        "Ecuador said Colombian missiles had hit a fuel depot near the border."
    )
    assert ("rejection", ["Peru", "Chile"]) in found
    assert not any(kind == "rejection" and names[:1] == ["Bolivia"] for kind, names in found)
    assert ("military", ["Colombia"]) in [(k, n[:1]) for k, n in found]


def test_a_summit_of_states_and_a_demonym_pair_with_a_delegation() -> None:
    found = _pipeline_events(
        "The trilateral summit of Peru, Chile and Bolivia will not take place this year. "
        "The Uruguayan and Paraguayan delegations did not meet in Asuncion on Sunday."
    )
    assert ("meeting", ["Peru", "Chile", "Bolivia"]) in found
    assert any(kind == "meeting" and names[:1] == ["Uruguay"] for kind, names in found)


def test_ruling_out_supplying_arms_joining_sanctions_and_lodging_a_protest() -> None:
    found = _pipeline_events(
        "Peru rules out ceding territory in exchange for a truce. "
        "Chile has so far not provided Bolivia with air defence missiles. "
        "Ecuador has not joined sanctions against Venezuela. "
        "The launch prompted Colombia to lodge a protest with Venezuela on Friday."
    )
    assert ("rejection", ["Peru"]) in found
    assert ("cooperation", ["Chile", "Bolivia"]) in found
    assert ("sanction", ["Ecuador", "Venezuela"]) in found
    assert any(kind == "protest" and names[:1] == ["Colombia"] for kind, names in found)


def test_a_charge_d_affaires_with_its_accent_and_loans_extended() -> None:
    found = _pipeline_events(
        "Peru's foreign ministry summoned the Chilean chargé d'affaires on Sunday to protest. "
        "Japan will extend a 40 billion yen loan to Ecuador for radar systems."
    )
    assert ("protest", ["Peru's foreign ministry", "Chile"]) in found
    assert ("cooperation", ["Japan", "Ecuador"]) in found


def test_it_opening_a_sentence_is_the_state_the_sentence_before_opened_with() -> None:
    found = _pipeline_events(
        "Quito said Peruvian drones had hit a fuel depot overnight. It accused Lima of targeting civilians. "
        "It was a cold day."
    )
    assert ("accusation", ["Ecuador", "Peru"]) in found
