"""Cross-article merging on short articles written for this test."""

from __future__ import annotations

import json

from click.testing import CliRunner

from diplomacy_events.cli import main
from diplomacy_events.merge import merge_events
from diplomacy_events.models import Actor, Event, Extraction, Location, Mention, TimeExpression


def report(
    doc: str, people: list[tuple[str, str]], etype: str, date: str | None, place: str | None
) -> Extraction:
    text = " ".join(n for n, _ in people) + f" {etype}"
    actors, pos = [], 0
    for i, (name, country) in enumerate(people, 1):
        actors.append(
            Actor(id=f"a{i}", name=name, country=country, mentions=(Mention(pos, pos + len(name), name),))
        )
        pos += len(name) + 1
    trig = Mention(pos, pos + len(etype), etype)
    dates = (TimeExpression(id="d1", start=0, end=1, text=text[0], value=date),) if date else ()
    locs = (
        (Location(id="l1", name=place, kind="city", country="AUT", mentions=(Mention(0, 1, text[0]),)),)
        if place
        else ()
    )
    ev = Event(
        id="e1",
        type=etype,
        cameo="040",
        actors=tuple(a.id for a in actors),
        trigger=trig,
        date="d1" if date else None,
        location="l1" if place else None,
    )
    return Extraction(id=doc, actors=tuple(actors), dates=dates, locations=locs, events=(ev,))


def corpus() -> list[Extraction]:
    return [
        report("wire-1", [("Hanna Weil", "DEU"), ("Ravi Menon", "IND")], "meeting", "2024-04-09", "Vienna"),
        report("paper-2", [("Ravi Menon", "IND")], "meeting", "2024-04", None),
        report("blog-3", [("Hanna Weil", "DEU"), ("Ravi Menon", "IND")], "meeting", None, "Vienna"),
        report("wire-4", [("Hanna Weil", "DEU"), ("Ravi Menon", "IND")], "meeting", "2024-09-01", None),
        report("wire-5", [("Hanna Weil", "DEU")], "visit", "2024-04-09", None),
    ]


def test_reports_of_one_event_merge_and_others_stay_apart() -> None:
    merged = merge_events(corpus())
    assert [m.type for m in merged] == ["meeting", "meeting", "visit"]
    first = merged[0]
    assert [(s.document, s.event) for s in first.sources] == [
        ("wire-1", "e1"),
        ("paper-2", "e1"),
        ("blog-3", "e1"),
    ]
    assert first.date == "2024-04-09" and first.place == "Vienna"
    assert [s.document for s in merged[1].sources] == ["wire-4"]
    assert [s.document for s in merged[2].sources] == ["wire-5"]


def test_merge_command_reads_jsonl_from_stdin() -> None:
    lines = "\n".join(json.dumps(e.to_dict()) for e in corpus())
    r = CliRunner().invoke(main, ["merge"], input=lines)
    assert r.exit_code == 0, r.output
    out = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(out) == 3 and len(out[0]["sources"]) == 3


def test_merge_command_reports_a_bad_line() -> None:
    r = CliRunner().invoke(main, ["merge"], input='{"events": "nope"}\nnot json\n')
    assert r.exit_code == 1
    assert "-:2: not an extraction" in r.stderr


def test_articles_reporting_one_meeting_merge_through_the_pipeline() -> None:
    """Three short articles (written for this test) report one meeting; a fourth another one."""
    import pathlib

    from diplomacy_events import Pipeline

    folder = pathlib.Path(__file__).parent / "corpus" / "merge"
    pipeline = Pipeline(entry_points=False)
    docs = [
        {"id": p.stem, "text": p.read_text(encoding="utf-8"), "published": "2024-05-15"}
        for p in sorted(folder.glob("*.txt"))
    ]
    merged = [m for m in merge_events(pipeline.pipe(docs)) if m.type == "meeting"]
    by_docs = {frozenset(s.document for s in m.sources): m for m in merged}
    kenya = next(m for d, m in by_docs.items() if {"wire-a", "paper-b", "blog-c"} <= d)
    assert kenya.date == "2024-05-14"
    assert {a.name for a in kenya.actors} >= {"William Ruto", "Jonas Gahr Store"}
    other = [m for d, m in by_docs.items() if "other-d" in d]
    kenyan = {"wire-a", "paper-b", "blog-c"}
    assert other and all(not (kenyan & {s.document for s in m.sources}) for m in other)
