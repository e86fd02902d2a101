"""Extract the seed article from Python and print who, where, when and what.

Run from the project root: ``python examples/extract_article.py``
"""

from __future__ import annotations

import datetime as dt
import pathlib

from diplomacy_events import extract

ARTICLE = pathlib.Path(__file__).resolve().parent.parent / "seeds" / "blinken-beijing-visit.txt"


def main() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    result = extract(text, published=dt.date(2023, 6, 14), id=ARTICLE.stem.split(".")[0])

    print(f"{result.id} (published {result.published})")
    print("\nWho:")
    for a in result.actors:
        details = ", ".join(x for x in (a.title, a.country, "former" if a.former else None) if x)
        print(f"  {a.id:4} {a.kind:12} {a.name}" + (f" ({details})" if details else ""))
        print(f"       named {len(a.mentions)}x, first at {a.mentions[0].start}" if a.mentions else "")
    print("\nWhere:")
    for loc in result.locations:
        print(f"  {loc.id:4} {loc.kind:8} {loc.name} [{loc.country}] {loc.latitude}, {loc.longitude}")
    print("\nWhen:")
    for d in result.dates:
        print(f"  {d.id:4} {d.text!r:28} -> {d.value} ({d.granularity})")
    print("\nSaid:")
    for s in result.statements:
        speaker = result.actor(s.speaker)
        quote = s.quote if len(s.quote) <= 70 else s.quote[:67] + "..."
        print(f"  {s.id:4} {speaker.name if speaker else '?'}: {quote!r}")
    print("\nWhat:")
    for e in result.events:
        who = [a.name for a in map(result.actor, e.actors) if a is not None]
        place = result.location(e.location)
        date = result.date(e.date)
        print(
            f"  {e.id:4} {e.type:11} CAMEO {e.cameo:4} {e.status:9} {' & '.join(str(w) for w in who) or '-'}"
            f" | {place.name if place else '-'} | {date.value if date else '-'} | trigger {e.trigger.text!r}"
        )
    for w in result.warnings:
        print("warning:", w)

    # Every record points back into the text.
    for a in result.actors:
        for m in a.mentions:
            assert text[m.start : m.end] == m.text


if __name__ == "__main__":
    main()
