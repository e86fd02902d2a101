"""Seas, straits, rivers, lakes, islands and disputed areas from the hand-written place list."""

from __future__ import annotations

from diplomacy_events.extractors.locations import find_locations
from diplomacy_events.models import Location
from diplomacy_events.text import analyze


def _by_name(text: str) -> dict[str, Location]:
    return {loc.name: loc for loc in find_locations(text, analyze(text))}


def test_strait_and_sea() -> None:
    locs = _by_name("Warships sailed through the Kerch Strait into the Sea of Azov.")
    for name in ("Kerch Strait", "Sea of Azov"):
        assert locs[name].kind == "other" and locs[name].country is None
    assert 44 < locs["Sea of Azov"].latitude < 48  # type: ignore[operator]


def test_arctic_sea_and_peninsula() -> None:
    locs = _by_name("Russian submarines patrolled the Barents Sea off the Kola Peninsula and Svalbard.")
    assert locs["Barents Sea"].kind == "other"
    assert locs["Kola Peninsula"].kind == "region" and locs["Kola Peninsula"].country == "RUS"
    assert locs["Svalbard"].country == "NOR"


def test_river_dam_and_spelling_variants() -> None:
    text = "Ethiopia filled the Grand Ethiopian Renaissance Dam on the Blue Nile River."
    locs = _by_name(text)
    assert locs["Grand Ethiopian Renaissance Dam"].country == "ETH"
    assert locs["Blue Nile River"].kind == "other" and locs["Blue Nile River"].country is None
    locs = _by_name("Shelling went on along the Dnipro River, far from the Dniester.")
    assert "Dnieper" in locs["Dnipro River"].aliases
    assert locs["Dniester"].kind == "other"


def test_two_names_of_one_feature_are_one_place() -> None:
    text = "Boats crossed Lake Malawi, which Tanzania calls Lake Nyasa."
    lakes = [loc for loc in find_locations(text) if loc.kind == "other"]
    assert len(lakes) == 1 and len(lakes[0].mentions) == 2
    locs = _by_name("Greece moved troops to the Evros, which Turkey calls the Maritsa.")
    assert "Maritsa" not in locs and len(locs["Evros"].mentions) == 2


def test_disputed_islands_and_shoals() -> None:
    text = (
        "Coast guard ships blocked a resupply run to Second Thomas Shoal, west of Palawan, "
        "and Iran held Abu Musa."
    )
    locs = _by_name(text)
    # a disputed place takes the country that administers it, else the one whose waters hold it
    assert locs["Second Thomas Shoal"].kind == "other" and locs["Second Thomas Shoal"].country == "PHL"
    assert locs["Palawan"].country == "PHL"
    assert locs["Abu Musa"].kind == "region" and locs["Abu Musa"].country == "IRN"
    assert _by_name("Both navies patrol near the Spratly Islands.")["Spratly Islands"].country is None


def test_ambiguous_short_forms_are_not_features() -> None:
    names = set(_by_name("Don Smith said cases of West Nile virus rose in Ohio."))
    assert not names & {"Nile", "Nile River", "Don", "Don River"}
    locs = _by_name("Barges moved up the Don River toward Rostov.")
    assert locs["Don River"].country == "RUS"
