"""The built-in temporal expression extractor: extents, TIMEX3 values, rejections, properties."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplomacy_events.extractors.dates import find_dates
from diplomacy_events.lexicon import DatePattern, Knowledge
from diplomacy_events.text import analyze

# A Wednesday.
PUB = dt.date(2024, 3, 13)

TIMEX3_VALUE = re.compile(
    r"""^(?:
        \d{4}(?:-\d\d(?:-\d\d(?:T(?:\d\d:\d\d|MO|AF|EV|NI))?)?|-W\d\d(?:-WE)?|-Q[1-4]|-H[12]|-(?:SP|SU|FA|WI))?
      | \d{3}X | \d\d
      | FY\d{4}
      | (?:\d{4}-\d\d-\d\d|\d{4})/(?:\d{4}-\d\d-\d\d|\d{4})
      | PT?(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|H|S|Q)(?:T?\d+(?:M|D|H))?
      | XXXX-(?:WXX-[1-7]|\d\d)
      | PAST_REF | PRESENT_REF | FUTURE_REF
    )$""",
    re.VERBOSE,
)


def dates(text: str, published: dt.date | None = PUB) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in find_dates(text, published, analyze(text))]


def value_of(text: str, phrase: str, published: dt.date | None = PUB) -> str | None:
    for d in find_dates(text, published, analyze(text)):
        if d.text == phrase:
            return d.value
    raise AssertionError(f"{phrase!r} not found in {dates(text, published)}")


def test_weekday_resolution_follows_tense() -> None:
    assert value_of("The envoy will travel to Lisbon on Friday.", "Friday") == "2024-03-15"
    assert value_of("The envoy travelled to Lisbon on Friday.", "Friday") == "2024-03-08"
    assert value_of("The minister spoke to reporters on Wednesday.", "Wednesday") == "2024-03-13"
    assert value_of("The summit is scheduled to open on Monday.", "Monday") == "2024-03-18"


def test_list_of_weekdays_gives_one_expression_each() -> None:
    got = dates("The delegation will stay in Hanoi on Saturday and Sunday.")
    assert got == [("Saturday", "2024-03-16"), ("Sunday", "2024-03-17")]


def test_bare_month_in_past_clause_is_the_most_recent_one() -> None:
    assert value_of("Relations soured after the talks collapsed in November.", "November") == "2023-11"
    assert value_of("The two leaders met in February.", "February") == "2024-02"
    assert value_of("The premier will attend a forum in September.", "September") == "2024-09"


def test_month_of_a_thing_prepared_for_or_expected_lies_ahead() -> None:
    # PUB is a day of March 2024: a past clause, yet the months named lie ahead of it.
    assert value_of("The senator campaigned ahead of the October ballot.", "October") == "2024-10"
    assert value_of("An aide said the June round was expected to cover fishing.", "June") == "2024-06"
    assert value_of("An aide said the June round had covered fishing.", "June") == "2023-06"


def test_absolute_dates_and_ranges() -> None:
    assert value_of("The treaty was signed on 4 July 2019 in Vienna.", "4 July 2019") == "2019-07-04"
    assert value_of("It was dated Sept. 3, 2021.", "Sept. 3, 2021") == "2021-09-03"
    assert value_of("Talks are planned for June 5-7.", "June 5-7") == "2024-06-05/2024-06-07"
    assert value_of("The fair runs from 5 to 7 June.", "5 to 7 June") == "2024-06-05/2024-06-07"
    assert value_of("He governed from 1999 to 2004.", "1999 to 2004") == "1999/2004"
    assert value_of("The file is dated 2022-11-08.", "2022-11-08") == "2022-11-08"


def test_relative_expressions() -> None:
    assert value_of("Prices rose last year.", "last year") == "2023"
    assert value_of("A decision is expected next week.", "next week") == "2024-W12"
    assert value_of("Exports fell earlier this month.", "earlier this month") == "2024-03"
    assert value_of("Costs climbed at the start of the year.", "the start of the year") == "2024"
    assert value_of("The accord was reached three years ago.", "three years ago") == "2021"
    assert value_of("Ties broke down in late 2020.", "late 2020") == "2020"


def test_following_day_is_relative_to_the_last_anchor() -> None:
    text = "The ministers met on May 2, 2022, and signed a pact the following day."
    assert value_of(text, "the following day") == "2022-05-03"


def test_durations_decades_quarters_seasons() -> None:
    assert value_of("She began a two-day visit to Oslo.", "two-day") == "P2D"
    assert value_of("The embargo lasted for three years.", "three years") == "P3Y"
    assert value_of("Growth slowed in the 1990s.", "the 1990s") == "199X"
    assert value_of("Output rose in the third quarter of 2021.", "the third quarter of 2021") == "2021-Q3"
    assert value_of("A visit is planned for summer 2025.", "summer 2025") == "2025-SU"


def test_times_of_day() -> None:
    assert value_of("The vote closed at 7:30 p.m. Tuesday.", "7:30 p.m. Tuesday") == "2024-03-12T19:30"
    assert value_of("Officials gathered this morning.", "this morning") == "2024-03-13TMO"


def test_sets_and_vague_references() -> None:
    assert value_of("The council meets every Monday.", "every Monday") == "XXXX-WXX-1"
    assert value_of("The bulletin appears daily.", "daily") == "P1D"
    assert value_of("The region is calm now.", "now") == "PRESENT_REF"


@pytest.mark.parametrize(
    "text",
    [
        "Analysis by our correspondent 4 min read",
        "She may attend, officials said.",
        "Prime Minister Theresa May spoke.",
        "Leaders arrived for the G20 meeting.",
        "The COVID-19 rules were lifted.",
        "Allies invoked Article 5 of the treaty.",
        "The home side won 2-1 after extra time.",
        "Half of them, 1/2 of the total, agreed.",
        "The 72-year-old diplomat retired.",
    ],
)
def test_rejections(text: str) -> None:
    assert [d for d in find_dates(text, PUB) if d.value] == []


def test_without_publication_date_relative_values_are_none() -> None:
    got = dict(dates("He left on Monday and returned on March 3, 2020.", published=None))
    assert got["Monday"] is None
    assert got["March 3, 2020"] == "2020-03-03"


def test_plugin_patterns_win_overlaps() -> None:
    pattern = DatePattern(
        name="fiscal",
        pattern=re.compile(r"FY(?P<timex>\d{2})"),
        resolve=lambda m, _pub: (f"20{m.group('timex')}", "DATE", "year"),
    )
    knowledge = Knowledge(date_patterns=(pattern,))
    got = find_dates("Spending in FY24 and on Monday.", PUB, None, knowledge)
    assert [(d.text, d.value) for d in got] == [("24", "2024"), ("Monday", "2024-03-11")]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200), st.one_of(st.none(), st.dates()))
def test_any_string_yields_valid_sorted_timexes(text: str, published: dt.date | None) -> None:
    found = find_dates(text, published)
    last_end = -1
    for d in found:
        assert text[d.start : d.end] == d.text
        assert d.start >= last_end
        last_end = d.end
        assert d.value is None or TIMEX3_VALUE.match(d.value), d.value
    assert [(d.start, d.value) for d in find_dates(text, published)] == [(d.start, d.value) for d in found]


_WORDS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=dt.date(1900, 1, 8), max_value=dt.date(2100, 12, 20)), st.sampled_from(_WORDS))
def test_weekday_direction_follows_tense(published: dt.date, weekday: str) -> None:
    future = value_of(f"The minister will visit Rome on {weekday}.", weekday, published)
    past = value_of(f"The minister visited Rome on {weekday}.", weekday, published)
    assert future is not None and past is not None
    assert 1 <= (dt.date.fromisoformat(future) - published).days <= 7
    assert 0 <= (published - dt.date.fromisoformat(past)).days <= 6


def test_verb_right_after_the_expression_decides_its_tense() -> None:
    text = "The envoys will stay on even after a court Monday rejected the appeal."
    assert value_of(text, "Monday") == "2024-03-11"


def test_plan_as_a_noun_does_not_make_the_clause_future() -> None:
    assert value_of("The two leaders signed a trade plan Friday.", "Friday") == "2024-03-08"


def test_year_ago_quarter_and_last_night() -> None:
    text = "Profit rose in the third quarter of 2023 from the year-ago quarter."
    assert value_of(text, "the year-ago quarter") == "2022-Q3"
    assert value_of("Shelling resumed last night.", "last night") == "2024-03-12TNI"


def test_scan_stays_linear_on_repetitive_input() -> None:
    import time

    small, big = "May May 2020 " * 2000, "May May 2020 " * 20000
    t0 = time.perf_counter()
    find_dates(small, PUB)
    t1 = time.perf_counter()
    find_dates(big, PUB)
    t2 = time.perf_counter()
    assert t2 - t1 < 30 * (t1 - t0) + 0.05
    assert find_dates("1" * 100_000 + " days ago", PUB) is not None


# A Thursday, late in the year: for resolutions that depend on the season.
AUTUMN = dt.date(2021, 10, 28)


def test_years_written_out_in_words() -> None:
    assert value_of("In nineteen ninety-six the border reopened.", "nineteen ninety-six") == "1996"
    text = "The accord collapsed in January nineteen eighty-four."
    assert value_of(text, "January nineteen eighty-four") == "1984-01"
    text = "He vowed to balance the budget by the year two thousand."
    assert value_of(text, "the year two thousand") == "2000"
    assert value_of("Nineteen years ago they first met.", "Nineteen years ago") == "2005"


def test_holidays_follow_the_tense() -> None:
    assert value_of("The envoys met again on Thanksgiving Day.", "Thanksgiving Day", AUTUMN) == "2020-11-26"
    assert value_of("A ceasefire will hold over Christmas.", "Christmas", AUTUMN) == "2021-12-25"
    assert value_of("They last spoke last Christmas.", "last Christmas", AUTUMN) == "2020-12-25"
    assert value_of("Talks resumed after Easter 2019.", "Easter 2019") == "2019-04-21"
    assert value_of("Pilgrims will arrive for Easter week.", "Easter week") == "2024-W13"
    assert [d.value for d in find_dates("The easter egg hunt was fun.", PUB)] == []


def test_the_year_of_a_report() -> None:
    text = "Revenue for the year ended June 30 rose, and sales for the full year will grow."
    assert value_of(text, "the year") == "P1Y"
    assert value_of(text, "the full year") == "2024"
    assert dates("This was the year the wall fell.") == []


def test_last_month_name_and_past_season() -> None:
    assert value_of("The treaty was ratified last June.", "last June", AUTUMN) == "2021-06"
    assert value_of("The treaty was ratified last September.", "last September", AUTUMN) == "2020-09"
    assert value_of("Exports slumped this past spring.", "this past spring", AUTUMN) == "2021-SP"
    assert value_of("Shipments were delayed well into the summer.", "the summer", AUTUMN) == "2021-SU"


def test_an_infinitive_sets_a_month_ahead_of_its_past_verb() -> None:
    text = "The ministry agreed to buy the frigates in February."
    assert value_of(text, "February", AUTUMN) == "2022-02"
    assert value_of("The frigates were delivered in February.", "February", AUTUMN) == "2021-02"
    text = "The delegations gathered to sign the accord on Tuesday."
    assert value_of(text, "Tuesday", AUTUMN) == "2021-10-26"


def test_present_tense_keeps_a_date_near_the_publication_date() -> None:
    assert value_of("The revised tariff is payable Jan. 5 by importers.", "Jan. 5", AUTUMN) == "2022-01-05"
    assert value_of("The audit covered the quarter ended Jan. 5.", "Jan. 5", AUTUMN) == "2021-01-05"


def test_reporting_periods() -> None:
    text = "Profit rose in the third quarter from the corresponding period last year."
    assert value_of(text, "the corresponding period last year", AUTUMN) == "2020-Q3"
    text = "Sales in the third quarter beat the 2019 quarter."
    assert value_of(text, "the 2019 quarter", AUTUMN) == "2019-Q3"
    text = "Output will dip in next year's first quarter."
    assert value_of(text, "next year's first quarter", AUTUMN) == "2022-Q1"
    assert value_of("Margins grew in the last half of 2020.", "the last half of 2020") == "2020-H2"


def test_duration_counts() -> None:
    assert value_of("The talks lasted 2 1/2 years.", "2 1/2 years") == "P2Y6M"
    assert value_of("The flight took 5 1/2 hours.", "5 1/2 hours") == "PT5H30M"
    assert value_of("It may take a couple of years.", "a couple of years") == "P2Y"
    assert value_of("The mission stays two more weeks.", "two more weeks") == "P2W"
    assert value_of("A deal may come in the next 12 to 18 months.", "the next 12 to 18 months") == "PXM"


def test_rates_and_ages_are_not_durations() -> None:
    assert value_of("The plan saves $3 million a year.", "a year") == "P1Y"
    assert [d.type for d in find_dates("The plan saves $3 million a year.", PUB)] == ["SET"]
    assert dates("The envoy, 61 years old, retired.") == []


def test_lists_and_ranges_of_days() -> None:
    got = dates("Voting took place on February 24 and 25.")
    assert got == [("February 24", "2024-02-24"), ("25", "2024-02-25")]
    assert dates("Voting runs between May 5 and 7.") == [("May 5 and 7", "2024-05-05/2024-05-07")]


def test_times_with_a_date_and_parts_of_day() -> None:
    text = "The offer lapses at 5 p.m. EST, Nov. 6."
    assert value_of(text, "5 p.m. EST, Nov. 6", AUTUMN) == "2021-11-06T17:00"
    assert value_of("The envoy left mid-afternoon yesterday.", "mid-afternoon yesterday") == "2024-03-12TAF"
    assert value_of("The vote is due at midday.", "midday") == "2024-03-13T12:00"


def test_before_a_phrase_is_no_part_of_the_expression() -> None:
    text = "The talks began on May 2, 2022, and ten days before the vote the envoy resigned."
    assert value_of(text, "ten days") == "2022-04-22"
    assert value_of("He had resigned two days before.", "two days before") == "2024-03-11"


def test_previous_weekday_counts_from_the_day_in_view() -> None:
    text = "Shares closed higher on Friday, up 2% from the previous Friday."
    assert value_of(text, "the previous Friday") == "2024-03-01"


def test_other_languages_month_names_through_dateparser() -> None:
    pub = dt.date(2023, 7, 1)
    found = {
        (d.text, d.value) for d in find_dates("Le sommet du 5 juin 2023 et la visite du 3. März 2022.", pub)
    }
    assert ("5 juin 2023", "2023-06-05") in found
    assert ("3. März 2022", "2022-03-03") in found
    assert {d.value for d in find_dates("Article 5 2023 was cited.", pub)} <= {"2023", None}


def _values(text: str, published: dt.date) -> dict[str, str | None]:
    return {d.text: d.value for d in find_dates(text, published)}


def test_a_day_something_is_scheduled_for_lies_ahead() -> None:
    tuesday = dt.date(2024, 7, 30)
    assert _values("A summit was called for Wednesday in Lima.", tuesday)["Wednesday"] == "2024-07-31"
    got = _values("The visit, planned for Thursday, has been called off.", tuesday)
    assert got["Thursday"] == "2024-08-01"
    assert _values("The vote, postponed until Monday, will go ahead.", tuesday)["Monday"] == "2024-08-05"
    assert _values("The envoy left on Monday.", tuesday)["Monday"] == "2024-07-29"


def test_a_month_of_that_year_takes_the_year_the_text_named() -> None:
    text = "The crisis began in 2019. In March of that year, the border closed."
    assert _values(text, dt.date(2025, 5, 15))["March"] == "2019-03"


def test_a_participle_with_by_is_not_the_verb_that_sets_the_tense() -> None:
    text = (
        "On Friday, Ana Ruiz is due to attend a dinner hosted by the mayor before flying to Rome on Saturday."
    )
    assert _values(text, dt.date(2023, 6, 21))["Saturday"] == "2023-06-24"


def test_words_before_an_expression_can_set_its_direction() -> None:
    march = dt.date(2026, 3, 20)
    assert _values("Contacts have been frozen since December.", march)["December"] == "2025-12"
    got = _values("A summit, which aides had pencilled in for April, was postponed.", march)
    assert got["April"] == "2026-04"
    got = _values("The bloc gave the junta until the end of January to hold a vote.", dt.date(2025, 12, 15))
    assert got["the end of January"] == "2026-01"


def test_a_participle_after_be_is_not_a_past_verb() -> None:
    got = _values("The first grants are expected to be paid out in June.", dt.date(2026, 3, 20))
    assert got["June"] == "2026-06"
    assert _values("The talks were held in May.", dt.date(2026, 3, 20))["May"] == "2025-05"


def test_dotted_day_first_dates_and_the_time_after_them_are_one_point() -> None:
    found = dates("Updated: 21.04.2025 16:20 GMT\nTalks resumed.", dt.date(2025, 4, 21))
    assert found == [("21.04.2025 16:20 GMT", "2025-04-21T16:20")]
    found = dates("Talks begin\nMay 3, 2024 7:05 AM UTC\nThe envoys met.", dt.date(2024, 5, 3))
    assert found == [("May 3, 2024 7:05 AM UTC", "2024-05-03T07:05")]


def test_wire_and_live_post_clock_times() -> None:
    pub = dt.date(2025, 6, 7)
    found = dates("Ceasefire: live\n0915 GMT: The envoys arrive.\n10:40 The session opens.\n", pub)
    assert found == [("0915 GMT", "2025-06-07T09:15"), ("10:40", "2025-06-07T10:40")]
    # a clock-like number inside a sentence is no live-post stamp
    assert dates("The vote was 10:40 in favour.", pub) == []


def test_live_post_time_stamps_alone_on_a_line_are_of_the_pages_day() -> None:
    import diplomacy_events

    text = (
        "Live | Tuesday, May 6, 2025\nUpdated 17:40\n\n"
        "17:40\nTalks resume on Wednesday.\n\n16:55\nChile spoke."
    )
    ex = diplomacy_events.Pipeline(entry_points=False).extract(text, published="2025-05-06")
    times = [d.value for d in ex.dates if d.text[:1].isdigit()]
    assert times == ["2025-05-06T17:40", "2025-05-06T17:40", "2025-05-06T16:55"]
