from __future__ import annotations

import datetime as dt
import json

import attrs

from diplomacy_events.models import (
    Actor,
    Event,
    Extraction,
    Location,
    Mention,
    Statement,
    StatementPart,
    TimeExpression,
)


def sample() -> Extraction:
    text = "Foreign Minister Ana Lima will visit Oslo on Sunday."
    return Extraction(
        id="doc",
        published=dt.date(2024, 3, 6),
        actors=(
            Actor(
                id="a1",
                name="Ana Lima",
                title="Foreign Minister",
                country="BRA",
                mentions=(Mention.at(text, 17, 25),),
                role="foreign_minister",
                cameo_role="GOV",
            ),
        ),
        locations=(
            Location(
                id="l1",
                name="Oslo",
                kind="city",
                country="NOR",
                latitude=59.9,
                longitude=10.7,
                mentions=(Mention.at(text, 37, 41),),
            ),
        ),
        dates=(
            TimeExpression(id="d1", start=45, end=51, text="Sunday", value="2024-03-10", granularity="day"),
        ),
        statements=(
            Statement(
                id="s1",
                speaker="a1",
                quote="ready",
                start=1,
                end=6,
                parts=(StatementPart(start=1, end=6, text="oreig"),),
            ),
        ),
        events=(
            Event(
                id="e1",
                type="visit",
                cameo="042",
                actors=("a1",),
                location="l1",
                date="d1",
                status="planned",
                trigger=Mention.at(text, 31, 36),
                sentence=(0, len(text)),
            ),
        ),
        warnings=("plugin 'x': something",),
    )


def test_to_dict_has_the_contract_fields() -> None:
    d = sample().to_dict()
    assert list(d)[:8] == [
        "id",
        "published",
        "actors",
        "locations",
        "dates",
        "statements",
        "events",
        "warnings",
    ]
    assert d["published"] == "2024-03-06"
    assert d["actors"][0] | {} == d["actors"][0]
    assert {"id", "name", "kind", "title", "country", "former", "mentions"} <= set(d["actors"][0])
    assert {"id", "name", "kind", "country", "latitude", "longitude", "mentions"} <= set(d["locations"][0])
    assert {"id", "start", "end", "text", "value", "type", "granularity"} <= set(d["dates"][0])
    assert {"id", "speaker", "quote", "kind", "start", "end"} <= set(d["statements"][0])
    assert {"id", "type", "cameo", "actors", "location", "date", "status", "trigger"} <= set(d["events"][0])
    assert d["events"][0]["trigger"] == {"start": 31, "end": 36, "text": "visit"}
    assert "error" not in d
    json.dumps(d)


def test_round_trip() -> None:
    e = sample()
    assert Extraction.from_dict(e.to_dict()) == e
    assert Extraction.from_dict(json.loads(e.to_json())) == e


def test_lookup_helpers() -> None:
    e = sample()
    assert e.actor("a1") is e.actors[0]
    assert e.location("l1") is e.locations[0]
    assert e.date("d1") is e.dates[0]
    assert e.actor("nope") is None


def test_pickle_and_copy_round_trip() -> None:
    import copy
    import pickle

    ex = sample()
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(ex, protocol=protocol))
        assert back == ex
        assert type(back.actors[0].mentions[0]) is Mention
    assert copy.deepcopy(ex) == ex


@attrs.frozen
class _TaggedMention(Mention):
    tag: str = "x"


def test_pickle_keeps_the_fields_of_a_subclass() -> None:
    import pickle

    m = _TaggedMention(1, 3, "ab", tag="y")
    back = pickle.loads(pickle.dumps(m))
    assert type(back) is _TaggedMention and back.tag == "y" and back == m


def test_replace_matches_attrs_evolve() -> None:
    from diplomacy_events.models import replace

    ex = sample()
    actor = ex.actors[0]
    assert replace(actor, id="a9") == attrs.evolve(actor, id="a9")
    assert replace(actor, id="a9").mentions is actor.mentions
    tagged = _TaggedMention(1, 3, "ab", tag="y")
    assert replace(tagged, end=2) == _TaggedMention(1, 2, "ab", tag="y")


def test_direct_constructor_builds_what_attrs_builds() -> None:
    from diplomacy_events.models import direct_constructor

    make = direct_constructor(Mention, ("start", "end", "text"))
    assert make(1, 3, "ab") == Mention(1, 3, "ab")
    actor = direct_constructor(
        Actor,
        ("name", "mentions"),
        id="",
        kind="person",
        title=None,
        country=None,
        former=False,
        role=None,
        cameo_role=None,
        aliases=(),
    )
    assert actor("Ana", ()) == Actor(name="Ana")
    # a subclass with a field of its own is built by the class itself
    tagged = direct_constructor(_TaggedMention, ("start", "end", "text"))
    assert tagged(1, 3, "ab") == _TaggedMention(1, 3, "ab")
