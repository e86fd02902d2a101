"""Print who, where, when, what was said and what happened, for a person at a terminal.

Run from the project root: ``python examples/text_summary.py``. The same from the command line:
``diplomacy-events extract seeds/blinken-beijing-visit.txt --published 2023-06-14 --format text``.
"""

from __future__ import annotations

import pathlib
import shutil

from diplomacy_events import extract
from diplomacy_events.formats import to_text

ARTICLE = pathlib.Path(__file__).resolve().parent.parent / "seeds" / "blinken-beijing-visit.txt"


def main() -> None:
    result = extract(ARTICLE.read_text(encoding="utf-8"), published="2023-06-14", id="blinken-beijing-visit")
    print(to_text(result, width=min(shutil.get_terminal_size().columns, 100)), end="")


if __name__ == "__main__":
    main()
