"""The gazetteer and the built-in location extractor, on sentences written for these tests."""

from __future__ import annotations

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from diplomacy_events.extractors.locations import find_locations
from diplomacy_events.gazetteer import get_gazetteer
from diplomacy_events.lexicon import GazetteerEntry, Knowledge
from diplomacy_events.models import Location, Mention
from diplomacy_events.text import analyze


def _by_name(text: str) -> dict[str, Location]:
    return {loc.name: loc for loc in find_locations(text, analyze(text))}


def test_countries_cities_and_abbreviations() -> None:
    locs = _by_name("The U.S. envoy flew from Kyiv to Tokyo, then on to the UAE and the DPRK border.")
    assert locs["U.S."].country == "USA" and locs["U.S."].kind == "country"
    assert locs["Kyiv"].country == "UKR" and locs["Kyiv"].kind == "city"
    assert locs["Tokyo"].country == "JPN"
    assert locs["UAE"].country == "ARE"
    assert locs["DPRK"].country == "PRK"


def test_spelling_variants_are_one_place() -> None:
    text = "Kiev was quiet. Later Kyiv said the talks would go on."
    locs = find_locations(text)
    assert len(locs) == 1
    assert locs[0].country == "UKR" and len(locs[0].mentions) == 2


def test_one_location_per_place_sorted_by_first_mention() -> None:
    text = "Talks in Oslo ended. Rome and Oslo both welcomed them."
    locs = find_locations(text)
    assert [loc.name for loc in locs] == ["Oslo", "Rome"]
    assert [m.start for m in locs[0].mentions] == [9, 30]


def test_venues_and_continents() -> None:
    text = "Leaders met at the White House and later at Camp David; the Kremlin kept quiet about Europe."
    locs = _by_name(text)
    assert locs["White House"].kind == "venue" and locs["White House"].country == "USA"
    assert locs["Camp David"].country == "USA"
    assert locs["Kremlin"].country == "RUS"
    assert locs["Europe"].kind == "continent"


def test_metonym_flag() -> None:
    locs = _by_name("Moscow said it would respond, and Ottawa urged restraint. Tourists love Lisbon.")
    assert locs["Moscow"].metonym and locs["Ottawa"].metonym
    assert not locs["Lisbon"].metonym


def test_demonyms_and_organisations_are_not_places() -> None:
    text = (
        "Chinese officials spoke to the Hong Kong Daily Times, the Bank of England and the "
        "University of California, while NATO and the EU watched."
    )
    names = set(_by_name(text))
    assert not names & {"Chinese", "England", "California", "Hong Kong", "NATO", "EU"}


def test_person_is_not_a_place() -> None:
    text = "Defence chief Lloyd Austin arrived on Monday. Austin told reporters the visit went well."
    assert "Austin" not in _by_name(text)
    assert "Jordan" not in _by_name("Mr Jordan declined to comment.")


def test_flying_to_a_city_after_the_person_is_gone() -> None:
    locs = _by_name("The senator flew to Austin, Texas, for a rally.")
    assert locs["Austin"].country == "USA"


def test_common_words_that_are_towns() -> None:
    text = "Reading the statement aloud, she said Congress would meet in March."
    names = set(_by_name(text))
    assert not names & {"Reading", "Congress", "March"}


def test_qualifier_picks_the_state() -> None:
    locs = _by_name("The fair in Paris, Texas, drew a crowd.")
    paris = locs["Paris"]
    assert paris.country == "USA" and paris.longitude is not None and paris.longitude < -90
    assert locs["Texas"].kind == "region"


def test_capital_beats_small_namesakes() -> None:
    locs = _by_name("The minister arrived in Paris for talks with France.")
    assert locs["Paris"].country == "FRA"


def test_georgia_from_context() -> None:
    foreign = _by_name("Russia and Georgia traded accusations over Abkhazia.")
    assert foreign["Georgia"].country == "GEO"
    local = _by_name("Atlanta and Savannah voters in Georgia went to the polls.")
    assert local["Georgia"].country == "USA"


def test_venue_named_by_its_kind_takes_the_host_city() -> None:
    text = "LISBON - Ministers gathered at the Belmonte hotel on Wednesday."
    locs = _by_name(text)
    assert locs["Belmonte hotel"].country == "PRT"


def test_plugin_entries_are_added() -> None:
    knowledge = Knowledge(
        gazetteer=(
            GazetteerEntry(name="Zorbania Keep", kind="venue", country="ZZZ", latitude=1.0, longitude=2.0),
        )
    )
    locs = find_locations("They met at Zorbania Keep today.", knowledge=knowledge)
    assert [(loc.name, loc.country) for loc in locs] == [("Zorbania Keep", "ZZZ")]
    assert get_gazetteer(knowledge) is get_gazetteer(knowledge)  # compiled once per knowledge


def test_empty_and_odd_inputs() -> None:
    assert find_locations("") == []
    assert find_locations("\x00\x01 Paris\u200b, ,,, 'Rome") is not None
    assert find_locations("Berlin " * 20000)[0].name == "Berlin"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ParisTexUSA.,' -\n\u00e9RomeKyivChinaGeorgia")), max_size=200))
def test_any_string_mentions_slice_and_determinism(text: str) -> None:
    first = find_locations(text)
    for loc in first:
        for m in loc.mentions:
            assert text[m.start : m.end] == m.text
    assert find_locations(text) == first


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_string(text: str) -> None:
    for loc in find_locations(text, analyze(text)):
        for m in loc.mentions:
            assert text[m.start : m.end] == m.text


def test_counties_from_the_index() -> None:
    text = "Deputies in Laurel County, Ky., searched the woods on Friday."
    locs = _by_name(text)
    county = locs["Laurel County"]
    assert county.kind == "region" and county.country == "USA"
    assert county.latitude is not None and 36 < county.latitude < 38.5
    assert locs["Ky."].kind == "region"


def test_ap_state_abbreviations_standing_alone() -> None:
    locs = _by_name("Two Mass. lawmakers met Rep. Ann Doe, D-Ind., and a S.C. trooper.")
    assert {"Mass.", "Ind.", "S.C."} <= set(locs)
    assert "Mass." not in _by_name("She went to Mass. Later she left.")


def test_dateline_after_the_headline() -> None:
    text = "Council approves new budget. TORRINGTON, Conn. — The council voted on Monday night."
    locs = _by_name(text)
    assert locs["TORRINGTON"].country == "USA"
    assert locs["Conn."].kind == "region"


def test_names_sharing_a_state_place_each_other() -> None:
    # Gainesville alone is the larger Florida city; with two Texas names around it is the Texas one
    text = "Deputies from Cooke County drove to Gainesville after the storm hit Denton."
    locs = _by_name(text)
    town = locs["Gainesville"]
    assert town.country == "USA" and town.longitude is not None and town.longitude < -95
    assert _by_name("Students returned to Gainesville.")["Gainesville"].longitude > -85  # type: ignore[operator]


def test_given_name_use_does_not_hide_the_state() -> None:
    text = "Georgia Pacific Widgets is hiring. Voters across Georgia and in Atlanta went to the polls."
    locs = _by_name(text)
    assert locs["Georgia"].country == "USA"


def test_plugin_place_lookup_overrules_the_index() -> None:
    class _Knowledge:
        gazetteer: tuple[GazetteerEntry, ...] = ()

        def __init__(self) -> None:
            entry = GazetteerEntry(name="Paris", kind="city", country="USA", latitude=33.66, longitude=-95.55)

            def lookup(text: str) -> list[tuple[int, int, GazetteerEntry]]:
                i = text.find("Paris")
                return [] if i < 0 else [(i, i + 5, entry), (-1, 3, entry)]

            def broken(text: str) -> list[tuple[int, int, GazetteerEntry]]:
                raise RuntimeError("plugin failure")

            self.place_lookups = (broken, lookup)

    text = "The mayor of Paris spoke to Rome."
    locs = {loc.name: loc for loc in find_locations(text, knowledge=_Knowledge())}  # type: ignore[arg-type]
    assert locs["Paris"].country == "USA" and locs["Paris"].longitude == -95.55
    assert locs["Rome"].country == "ITA"


def test_matcher_reads_whole_words_only() -> None:
    gaz = get_gazetteer()

    def forms(text: str) -> list[str]:
        return [text[s:e] for s, e, _ in gaz.match(text)]

    assert forms("Paris2 and X_Paris and Paris_ and 3Paris") == []
    assert forms("From the United Arab Emirates to St. Louis via the U.S.") == [
        "United Arab Emirates",
        "St. Louis",
        "U.S.",
    ]
    assert forms("Oslo’s port and Oslo's mayor; Oslo-based") == ["Oslo", "Oslo", "Oslo"]
    assert forms("New Yorkers and New York") == ["New York"]
    seen: list[int] = []
    gaz.match("A Villa and Avilla and Villa2 near Rome", frozenset(["Villa"]), seen)
    assert seen == [2]


def test_venue_opened_by_its_kind() -> None:
    locs = _by_name("ROME - The ministers met at Villa Rosalba and later at the Palais Quimper on Friday.")
    assert locs["Villa Rosalba"].kind == "venue" and locs["Villa Rosalba"].country == "ITA"
    assert locs["Palais Quimper"].country == "ITA"


def test_dateline_on_a_later_line() -> None:
    text = "Leaders meet\nSaturday\nOSLO, Norway - The talks began on Saturday."
    locs = _by_name(text)
    assert locs["OSLO"].country == "NOR" and locs["Norway"].country == "NOR"


def test_unambiguous_names_resolve_the_same_in_any_context() -> None:
    for text in ("Iran said no.", "Deputies in Cooke County and Denton spoke of Iran."):
        assert _by_name(text)["Iran"].country == "IRN"


def test_fast_records_equal_the_attrs_ones() -> None:
    from diplomacy_events.extractors.locations import _location_maker

    args = ("Kyiv", "city", "UKR", 50.45, 30.52, (Mention(3, 7, "Kyiv"),), False, ("Kiev",))
    made = _location_maker()(*args)
    plain = Location(
        name="Kyiv",
        kind="city",
        country="UKR",
        latitude=50.45,
        longitude=30.52,
        mentions=(Mention(3, 7, "Kyiv"),),
        metonym=False,
        aliases=("Kiev",),
    )
    assert made == plain and made.id == ""
    assert attrs.evolve(made, id="l1").id == "l1"


def test_many_venues_stay_linear() -> None:
    import time

    text = "Ministers left Lyon for the Grand hotel and the Quai island, " * 3000
    started = time.perf_counter()
    locs = _by_name(text)
    assert time.perf_counter() - started < 3.0  # quadratic venue placement took minutes here
    assert locs["Grand hotel"].country == "FRA" and len(locs["Grand hotel"].mentions) == 3000


def test_a_place_named_by_its_kind_is_found_when_the_gazetteer_lacks_it() -> None:
    text = "Guards stopped a tanker near the island of Vaarna, south of the port of Kestrovo in Russia."
    found = {loc.name: loc for loc in find_locations(text)}
    assert found["Vaarna"].kind == "region" and found["Kestrovo"].kind == "city"
    assert found["Kestrovo"].country == "RUS"
    assert [m.text for m in found["Vaarna"].mentions] == ["Vaarna"]


def test_features_buildings_and_provinces_named_by_their_kind() -> None:
    text = "Boats met near Vasko Shoal, west of Pelara province, and talks followed at the Aurel building."
    found = {loc.name: loc.kind for loc in find_locations(text)}
    assert found == {"Vasko Shoal": "other", "Pelara": "region", "Aurel building": "venue"}


def test_short_forms_of_island_states_and_breakaway_regions() -> None:
    found = _by_name("Ministers flew from St. Kitts and Nevis to Trinidad, then on to Somaliland.")
    assert {n: loc.country for n, loc in found.items()} == {
        "St. Kitts and Nevis": "KNA",
        "Trinidad": "TTO",
        "Somaliland": "SOM",
    }


def test_capitals_of_small_states_and_quote_mark_spellings() -> None:
    found = _by_name("The envoy flew from Avarua to Nuku'alofa.")
    assert {n: loc.country for n, loc in found.items()} == {"Avarua": "COK", "Nuku'alofa": "TON"}


def test_wire_dateline_with_a_date_and_an_agency() -> None:
    from diplomacy_events.extractors.locations import find_locations

    text = "Pact signed\n\nSANTIAGO, March 4 (Reuters) - Chile and Peru signed a fisheries accord on Tuesday."
    found = find_locations(text)
    assert [(loc.name.casefold(), loc.country) for loc in found][:1] == [("santiago", "CHL")]
