"""Register a plugin in code and show what it changes.

The plugin adds two things the built-in extractors read: an official to the roster (so that an
article naming her without title or country still gets both) and an event word. The script
extracts the same text with and without it and prints the differences.

Run from the project root: ``python examples/custom_plugin.py``
"""

from __future__ import annotations

import datetime as dt

from diplomacy_events import Extraction, Pipeline, hookimpl
from diplomacy_events.lexicon import EventTrigger, RosterEntry

TEXT = (
    "Ingrid Solberg arrived in Ottawa on Thursday. She held consultations with Canadian Foreign "
    "Minister Paul Tremblay on Arctic shipping, officials said."
)


class NordicDesk:
    """A newsroom's own knowledge: one official and one event word."""

    name = "nordic-desk"

    @hookimpl
    def register_roster(self) -> list[RosterEntry]:
        # A made-up official for the example; a real plugin would ship a maintained list.
        return [
            RosterEntry(
                name="Ingrid Solberg",
                title="Foreign Minister",
                country="NOR",
                role="foreign_minister",
                start=dt.date(2024, 1, 1),
            )
        ]

    @hookimpl
    def register_event_triggers(self) -> list[EventTrigger]:
        return [EventTrigger(words="consultations", type="meeting", cameo="040", plover="CONSULT")]


def summary(result: Extraction) -> tuple[set[str], set[str]]:
    """The actors (with title and country) and the events (with participants) of a result."""
    actors = {f"{a.name} | {a.title} | {a.country}" for a in result.actors}
    events = set()
    for e in result.events:
        who = ", ".join(a.name or "?" for a in map(result.actor, e.actors) if a is not None)
        events.add(f"{e.type} ({e.cameo}, {e.status}) '{e.trigger.text}': {who}")
    return actors, events


def main() -> None:
    published = dt.date(2024, 6, 14)
    before = Pipeline(entry_points=False).extract(TEXT, published)
    after = Pipeline(plugins=[NordicDesk()], entry_points=False).extract(TEXT, published)

    (actors_before, events_before), (actors_after, events_after) = summary(before), summary(after)
    for label, old, new in (("actors", actors_before, actors_after), ("events", events_before, events_after)):
        print(f"{label}:")
        for line in sorted(old - new):
            print(f"  - {line}")
        for line in sorted(new - old):
            print(f"  + {line}")
        for line in sorted(old & new):
            print(f"    {line}")
    if after.warnings:
        print("warnings:", *after.warnings, sep="\n  ")


if __name__ == "__main__":
    main()
