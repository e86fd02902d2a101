"""Render an article as HTML: actors, places, dates and quotes highlighted, events as a table.

Run from the project root: ``python examples/html_view.py [OUT.html]``, then open the file in a
browser. The same from the command line::

    diplomacy-events extract seeds/blinken-beijing-visit.txt --published 2023-06-14 \
        --format html -o seed.html
"""

from __future__ import annotations

import pathlib
import sys
import tempfile

from diplomacy_events import extract

ARTICLE = pathlib.Path(__file__).resolve().parent.parent / "seeds" / "blinken-beijing-visit.txt"


def main() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    result = extract(text, published="2023-06-14", id="blinken-beijing-visit")
    page = result.to_html(text)  # without the text, the page lists the records only
    folder = pathlib.Path(tempfile.mkdtemp())
    out = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else folder / "article.html"
    out.write_text(page, encoding="utf-8")
    print(f"wrote {out} ({len(page):,} characters): open {out.resolve().as_uri()}")
    print(
        f"highlighted: {sum(len(a.mentions) for a in result.actors)} actor mentions, "
        f"{sum(len(loc.mentions) for loc in result.locations)} place mentions, {len(result.dates)} dates, "
        f"{len(result.statements)} quotes; {len(result.events)} events in the table"
    )


if __name__ == "__main__":
    main()
