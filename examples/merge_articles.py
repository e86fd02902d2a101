"""Merge the reports of one event across articles, the way GDELT links mentions to events.

Three made-up wire stories report the same visit; a fourth reports something else. Extract them
in one batch, then merge: each merged event lists the documents (and their event ids) that
reported it. The same from the command line:
``diplomacy-events extract a.txt b.txt c.txt --format jsonl > out.jsonl && diplomacy-events merge out.jsonl``.

Run from the project root: ``python examples/merge_articles.py``
"""

from __future__ import annotations

from diplomacy_events import Pipeline
from diplomacy_events.merge import merge_events

ARTICLES = [
    {
        "id": "wire-a",
        "published": "2024-09-02",
        "text": "Foreign Minister Jane Doe of France will visit Madrid on Thursday for talks on migration.",
    },
    {
        "id": "wire-b",
        "published": "2024-09-03",
        "text": "French Foreign Minister Jane Doe is expected to visit Spain on Thursday, officials said.",
    },
    {
        "id": "wire-c",
        "published": "2024-09-05",
        "text": "Jane Doe, France's foreign minister, visited Madrid on Thursday and met Spanish officials.",
    },
    {
        "id": "wire-d",
        "published": "2024-09-05",
        "text": "Brazil expelled two Dutch diplomats on Wednesday, the foreign ministry said.",
    },
]


def main() -> None:
    pipeline = Pipeline()
    extractions = list(pipeline.pipe(ARTICLES))
    for x in extractions:
        print(f"{x.id}: {', '.join(f'{e.type} ({e.status})' for e in x.events) or 'no event'}")
    merged = merge_events(extractions)
    print(f"\n{sum(len(x.events) for x in extractions)} reported events -> {len(merged)} merged events:")
    for event in merged:
        who = ", ".join(a.name or "?" for a in event.actors)
        sources = ", ".join(f"{s.document}#{s.event}" for s in event.sources)
        print(f"  {event.type} ({event.cameo}) {who} {event.date or ''} in {event.place or '?'}")
        print(f"    reported by {len(event.sources)}: {sources}")


if __name__ == "__main__":
    main()
