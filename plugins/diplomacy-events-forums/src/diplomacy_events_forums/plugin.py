"""The hook implementations: what ``diplomacy_events`` calls.

Default priority on purpose: these run before the built-in extractors (which are ``trylast``),
so a forum's span ("ASEAN Regional Forum") wins over a shorter organization found inside it
("ASEAN") when the pipeline merges the actors.
"""

from __future__ import annotations

from collections.abc import Sequence

from diplomacy_events import Actor, Document, hookimpl
from diplomacy_events.lexicon import EventTrigger

from diplomacy_events_forums.matcher import find_forums

name = "forums"
"""The plugin's name when it is registered in code, the same as its entry point's."""


@hookimpl
def extract_actors(document: Document) -> Sequence[Actor]:
    """The forums, groupings and summits the document names."""
    return find_forums(document.text)


@hookimpl
def register_event_triggers() -> list[EventTrigger]:
    """Words that report a forum's gatherings and outcomes."""
    return [
        EventTrigger(words="summit|summits", type="meeting", cameo="040", plover="CONSULT"),
        EventTrigger(
            words="joint communique|communiqué|communiques|communiqués",
            type="agreement",
            cameo="057",
            plover="AGREE",
        ),
    ]
