"""Attribution rules for statements, on sentences written for these tests with hand-made actors."""

from __future__ import annotations

import re

from diplomacy_events.extractors.statements import find_statements
from diplomacy_events.models import Actor, Mention, Statement


def make(text: str, *specs: tuple[str, str, list[str]]) -> list[Actor]:
    """Actors ``a1, a2, ...`` from (name, kind, surface forms)."""
    out = []
    for i, (name, kind, forms) in enumerate(specs, 1):
        mentions = sorted(
            (Mention(m.start(), m.end(), form) for form in forms for m in re.finditer(re.escape(form), text)),
            key=lambda m: m.start,
        )
        out.append(Actor(id=f"a{i}", name=name, kind=kind, mentions=tuple(mentions)))  # type: ignore[arg-type]
    return out


def direct(text: str, actors: list[Actor]) -> list[Statement]:
    return [s for s in find_statements(text, actors) if s.kind == "direct"]


def test_a_person_before_an_appositive_naming_a_body_is_the_speaker() -> None:
    text = 'Ana Lindqvist, the Swedish foreign ministry\'s spokeswoman, accused Oslo of "bad faith".'
    actors = make(
        text,
        ("Ana Lindqvist", "person", ["Ana Lindqvist"]),
        ("Swedish foreign ministry", "organization", ["Swedish foreign ministry"]),
        ("Norway", "state", ["Oslo"]),
    )
    [s] = direct(text, actors)
    assert s.speaker == "a1"


def test_a_relative_clause_with_its_own_quote_does_not_hide_the_subject() -> None:
    text = (
        'President Ivo Marek, who called the vote a "farce" on Monday, said Austria would "never accept" it.'
    )
    actors = make(text, ("Ivo Marek", "person", ["Ivo Marek"]), ("Austria", "state", ["Austria"]))
    quotes = {s.quote: s.speaker for s in direct(text, actors)}
    assert quotes["never accept"] == "a1"


def test_the_speaker_after_a_quote_may_carry_an_appositive() -> None:
    text = '"The door stays open," Tomas Herrera, a deputy spokesman for the cabinet, said on Tuesday.'
    actors = make(text, ("Tomas Herrera", "person", ["Tomas Herrera"]))
    [s] = direct(text, actors)
    assert s.speaker == "a1"


def test_the_speaker_after_a_quote_may_carry_a_title_and_a_relative_clause() -> None:
    text = (
        'Talks resumed in Vienna. "We will not trade our security," Defence Minister Ola Brandt, '
        "who led the delegation, told reporters."
    )
    actors = make(text, ("Ola Brandt", "person", ["Ola Brandt"]))
    [s] = direct(text, actors)
    assert s.speaker == "a1"


def test_a_participle_takes_the_subject_of_its_clause() -> None:
    text = 'Chile on Monday rejected the proposal made by Peru, calling it "a step backwards".'
    actors = make(text, ("Chile", "state", ["Chile"]), ("Peru", "state", ["Peru"]))
    [s] = direct(text, actors)
    assert s.speaker == "a1"


def test_coordinated_verbs_share_their_subject() -> None:
    text = 'Ivo Marek accused Tomas Herrera of lying and said that Austria "will not be lectured".'
    actors = make(
        text,
        ("Ivo Marek", "person", ["Ivo Marek"]),
        ("Tomas Herrera", "person", ["Tomas Herrera"]),
        ("Austria", "state", ["Austria"]),
    )
    [s] = direct(text, actors)
    assert s.speaker == "a1"


def test_a_parenthetical_pronoun_is_not_the_name_before_it() -> None:
    text = (
        "Lena Varga, a spokeswoman for the ministry, denied the report. "
        'Omar Haddad, she said, was "in good health".'
    )
    actors = make(
        text,
        ("Lena Varga", "person", ["Lena Varga"]),
        ("Omar Haddad", "person", ["Omar Haddad"]),
    )
    [s] = direct(text, actors)
    assert s.speaker == "a1"


def test_a_name_then_said_still_wins_over_an_appositive_rule() -> None:
    text = 'Lena Varga met Omar Haddad, the envoy, and Haddad said the talks were "useful".'
    actors = make(
        text,
        ("Lena Varga", "person", ["Lena Varga"]),
        ("Omar Haddad", "person", ["Omar Haddad", "Haddad"]),
    )
    [s] = direct(text, actors)
    assert s.speaker == "a2"


def test_he_said_goes_on_with_the_person_just_quoted() -> None:
    text = (
        'Lena Varga, a spokeswoman, said the border "remains open". '
        'She said that the ministry would not accept "pressure from abroad".'
    )
    actors = make(text, ("Lena Varga", "person", ["Lena Varga"]))
    assert {s.quote: s.speaker for s in direct(text, actors)}["pressure from abroad"] == "a1"
    text = '"The door is open," Lena Varga said. Omar Haddad spoke later. "There was no deal," he said.'
    actors = make(text, ("Lena Varga", "person", ["Lena Varga"]), ("Omar Haddad", "person", ["Omar Haddad"]))
    assert {s.quote: s.speaker for s in direct(text, actors)}["There was no deal"] == "a2"


def test_a_name_after_said_that_opens_a_clause_is_not_the_speaker() -> None:
    text = 'Ivo Marek denied any spying in Austria and said Tomas Herrera had "all his rights".'
    actors = make(
        text,
        ("Ivo Marek", "person", ["Ivo Marek"]),
        ("Austria", "state", ["Austria"]),
        ("Tomas Herrera", "person", ["Tomas Herrera"]),
    )
    [s] = direct(text, actors)
    assert s.speaker == "a1"


def test_but_said_shares_the_subject_named_in_apposition() -> None:
    text = (
        "A Foreign Office spokeswoman, Ana Ruiz, denied reports that Chile had closed its embassy "
        'in Lima, but said "every option is open".'
    )
    actors = make(
        text,
        ("Foreign Office", "organization", ["Foreign Office"]),
        ("Ana Ruiz", "person", ["Ana Ruiz"]),
        ("Chile", "state", ["Chile"]),
    )
    [s] = direct(text, actors)
    assert s.speaker == "a2"


def test_a_pronoun_opening_the_clause_is_the_subject_of_a_later_verb() -> None:
    text = (
        "Omar Haddad met Lena Varga. He said he had given Varga a list of demands, and warned of "
        '"grave consequences".'
    )
    actors = make(
        text, ("Omar Haddad", "person", ["Omar Haddad"]), ("Lena Varga", "person", ["Lena Varga", "Varga"])
    )
    [s] = direct(text, actors)
    assert s.speaker == "a1"


def test_a_speaker_after_the_verb_with_an_abbreviated_honorific() -> None:
    text = '"Borders are not for sale," said Dr. Ines Falk, a historian. "Nor rivers," said Mr. Omar Said.'
    actors = make(text, ("Ines Falk", "person", ["Ines Falk"]), ("Omar Said", "person", ["Omar Said"]))
    assert [s.speaker for s in direct(text, actors)] == ["a1", "a2"]


def test_a_long_appositive_speaker_after_the_quote_but_not_another_clause() -> None:
    text = (
        '"We want the treaty respected," Peru\'s deputy foreign minister, Ines Falk, told reporters. '
        'The minister said the region "shares one fate", while his Chilean colleague, Omar Said, said little.'
    )
    actors = make(text, ("Ines Falk", "person", ["Ines Falk"]), ("Omar Said", "person", ["Omar Said"]))
    assert [s.speaker for s in direct(text, actors)] == ["a1", None]


def test_she_said_goes_to_the_spokeswoman_just_named_not_the_envoy() -> None:
    text = (
        "The envoy, Omar Said, urged both sides to talk, according to spokeswoman Ines Falk. "
        '"The channels must stay open," she said.'
    )
    actors = [
        Actor(
            id="a1",
            name="Omar Said",
            kind="person",
            title="envoy",
            mentions=(Mention(text.index("Omar Said"), text.index("Omar Said") + 9, "Omar Said"),),
        ),
        Actor(
            id="a2",
            name="Ines Falk",
            kind="person",
            title="spokeswoman",
            mentions=(Mention(text.index("Ines Falk"), text.index("Ines Falk") + 9, "Ines Falk"),),
        ),
    ]
    assert [s.speaker for s in direct(text, actors)] == ["a2"]


def test_a_body_in_a_city_is_the_speaker_not_the_city() -> None:
    text = 'The Peruvian embassy in Santiago said that Chile was "looking for a culprit".'
    actors = make(
        text,
        ("Peruvian embassy", "organization", ["Peruvian embassy"]),
        ("Chile", "state", ["Santiago", "Chile"]),
    )
    assert [s.speaker for s in direct(text, actors)] == ["a1"]


def test_said_a_bodys_spokeswoman_names_the_person() -> None:
    text = '"This visit," said the Kazakh foreign ministry\'s spokeswoman, Aida Sultan, "opens a chapter."'
    actors = make(
        text,
        ("Kazakh foreign ministry", "organization", ["Kazakh foreign ministry"]),
        ("Aida Sultan", "person", ["Aida Sultan"]),
    )
    assert {s.speaker for s in direct(text, actors)} == {"a2"}


def test_repeated_pronoun_goes_on_naming_the_subject() -> None:
    from diplomacy_events.extractors._context import Index, Placed, resolve_pronoun
    from diplomacy_events.text import analyze

    text = "Ana Ruiz met Jon Berg. Berg said he would raise it with Tom Hale when he travels."
    cast = {"Ana Ruiz": ["Ana Ruiz"], "Jon Berg": ["Jon Berg", "Berg"], "Tom Hale": ["Tom Hale"]}
    placed = []
    for i, (name, forms) in enumerate(cast.items(), 1):
        spans = sorted({(m.start(), m.end()) for f in forms for m in re.finditer(rf"\b{f}\b", text)})
        spans = [sp for sp in spans if not any(o != sp and o[0] <= sp[0] < o[1] for o in spans)]
        actor = Actor(
            id=f"a{i}", name=name, kind="person", mentions=tuple(Mention.at(text, a, b) for a, b in spans)
        )
        placed += [Placed(a, b, actor) for a, b in spans]
    who = resolve_pronoun(analyze(text), Index(placed), text.rindex(" he ") + 1)
    assert who is not None and who.name == "Jon Berg"


def test_long_title_with_and_before_the_speaker_after_a_quote() -> None:
    text = '"We act now," Arvania\'s Minister of Trade and Tourism, Ilo Dask, said on Monday.'
    actors = make(text, ("Arvania", "state", ["Arvania"]), ("Ilo Dask", "person", ["Ilo Dask"]))
    [s] = direct(text, actors)
    assert s.speaker == "a2"


def test_person_named_after_a_body_in_the_subject_speaks() -> None:
    text = 'The Secretary General of the Coastal Forum, Ilo Dask, appealed to both sides to "talk".'
    actors = make(
        text, ("Coastal Forum", "organization", ["Coastal Forum"]), ("Ilo Dask", "person", ["Ilo Dask"])
    )
    [s] = direct(text, actors)
    assert s.speaker == "a2"


def test_whom_clause_between_the_speaker_and_the_verb() -> None:
    text = 'Ilo Dask, whom the Coastal Forum chose as mediator, said he would travel "after the harvest".'
    actors = make(
        text, ("Ilo Dask", "person", ["Ilo Dask"]), ("Coastal Forum", "organization", ["Coastal Forum"])
    )
    [s] = direct(text, actors)
    assert s.speaker == "a1"


def test_what_it_called_names_the_body_of_the_clause() -> None:
    text = (
        'The Arvanian ministry summoned the envoy, Ilo Dask, to protest at what it called "hostile" remarks.'
    )
    actors = make(
        text,
        ("Arvanian ministry", "organization", ["Arvanian ministry"]),
        ("Ilo Dask", "person", ["Ilo Dask"]),
    )
    [s] = direct(text, actors)
    assert s.speaker == "a1"


def test_the_statement_said_and_the_ministry_added_name_the_body_told_before() -> None:
    text = (
        "Arvania's foreign ministry issued a statement. "
        '"Talks are the only road," the statement said. '
        'The ministry added that it "stands by the accord".'
    )
    actors = make(text, ("Arvanian foreign ministry", "organization", ["Arvania's foreign ministry"]))
    assert [s.speaker for s in direct(text, actors)] == ["a1", "a1"]


def test_an_unnamed_diplomat_does_not_continue_the_previous_speaker() -> None:
    text = '"We are close," Ilo Dask said. "Honestly, the mood was grim," one diplomat who was present said.'
    actors = make(text, ("Ilo Dask", "person", ["Ilo Dask"]))
    assert [s.speaker for s in direct(text, actors)] == ["a1", None]


def test_whom_a_speaker_told_is_no_speaker() -> None:
    text = 'Dask, who has opposed the plan, told the Coastal Wire: "They ignore us."'
    actors = make(text, ("Coastal Wire", "organization", ["Coastal Wire"]))
    assert [s.speaker for s in direct(text, actors)] == [None]


def test_it_said_after_a_quote_names_the_body_told_before() -> None:
    text = (
        'The Arvanian ministry put off the trip. It would be rescheduled "when the time is right", it said.'
    )
    actors = make(text, ("Arvanian ministry", "organization", ["Arvanian ministry"]))
    assert [s.speaker for s in direct(text, actors)] == ["a1"]


def test_what_he_calls_is_said_by_the_subject_of_the_sentence() -> None:
    text = 'Ilo Dask has pressed Prime Minister Ruta Venn to honour what he calls the "letter of the pact".'
    actors = make(text, ("Ilo Dask", "person", ["Ilo Dask"]), ("Ruta Venn", "person", ["Ruta Venn"]))
    assert [s.speaker for s in direct(text, actors)] == ["a1"]


def test_adding_that_after_said_goes_on_with_the_speaker() -> None:
    text = '"We listen to all," Ilo Dask said, adding that Arvania was "nobody\'s messenger".'
    actors = make(text, ("Ilo Dask", "person", ["Ilo Dask"]), ("Arvania", "state", ["Arvania"]))
    assert [s.speaker for s in direct(text, actors)] == ["a1", "a1"]


def _speakers(text: str) -> list[str | None]:
    import diplomacy_events

    ex = diplomacy_events.Pipeline(entry_points=False).extract(text)
    names = {a.id: a.name for a in ex.actors}
    return [names.get(s.speaker or "") for s in ex.statements if s.kind == "direct"]


def test_unnamed_sources_speak_for_their_body_or_state() -> None:
    text = (
        "Chile protested to Peru on Monday. "
        "A Peruvian diplomat in Santiago, who asked not to be named, said the patrols "
        """would go on "as long as needed". """
        "A senior Chilean official said the talks had stalled. "
        '"They are not answering the phone," the official said. '
        'In Lima, a Supreme Court spokesperson said the ruling was "final".'
    )
    assert _speakers(text) == ["Peru", "Chile", "Supreme Court"]


def test_a_partial_quote_closed_by_its_sayer_and_no_agency_in_a_dateline_speaks() -> None:
    text = (
        "LIMA, May 2 (Reuters) - Peru summoned Chile's envoy on Friday to protest against what it "
        'called the "provocative" raising of a flag. '
        'Peru\'s foreign ministry issued a note. Lima "firmly rejects" the remarks, the ministry said.'
    )
    speakers = _speakers(text)
    assert speakers[0] == "Peru"
    assert speakers[1] is not None and "Reuters" not in speakers


def test_a_name_without_its_article_and_a_verb_coordinated_past_an_apposed_object() -> None:
    text = (
        "Council Secretary-General Omar al-Nasser attended the ceremony. "
        'Nasser called the signing "a historic day". '
        "Peru's foreign minister, Ana Ruiz, summoned Chile's ambassador, Luis Soto, and called his "
        'remarks "deeply offensive".'
    )
    assert _speakers(text) == ["Omar al-Nasser", "Ana Ruiz"]


def test_a_government_spokesperson_speaks_for_the_state() -> None:
    text = 'Chile protested. A Chilean government spokesperson said the decision was "final".'
    assert _speakers(text) == ["Chile"]
