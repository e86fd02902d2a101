"""Export events as CSV rows (GDELT/ICEWS-style columns) and, with pandas, as DataFrames.

Run from the project root: ``python examples/export_csv.py [OUT.csv]``. Without an argument the
CSV goes to a temporary folder. The same from the command line:
``diplomacy-events extract seeds/blinken-beijing-visit.txt --published 2023-06-14 --format csv``.
"""

from __future__ import annotations

import csv
import pathlib
import sys
import tempfile

from diplomacy_events import extract
from diplomacy_events.formats import EVENT_COLUMNS, to_csv

ARTICLE = pathlib.Path(__file__).resolve().parent.parent / "seeds" / "blinken-beijing-visit.txt"


def main() -> None:
    result = extract(ARTICLE.read_text(encoding="utf-8"), published="2023-06-14", id="blinken-beijing-visit")
    out = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path(tempfile.mkdtemp()) / "events.csv"
    out.write_text(to_csv(result), encoding="utf-8")
    print(f"{len(result.events)} events written to {out} ({len(EVENT_COLUMNS)} columns)")

    # Read it back like any CSV: one row per event.
    with out.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            source, target = row["source_name"] or "?", row["target_name"] or "-"
            print(
                f"  {row['event_date'] or '----':10} {row['event_type']:10} CAMEO {row['cameo_code']:4} "
                f"{row['status']:9} {source} -> {target} @ {row['place_name'] or '-'}"
            )

    try:
        frames = result.to_dataframes()  # needs: pip install "diplomacy-events[pandas]"
    except ImportError as exc:
        print(f"(pandas not installed: {exc})")
        return
    events = frames["events"]
    print("\nEvents per type (pandas):")
    print(events.groupby("event_type").size().sort_values(ascending=False).to_string())
    print(f"\nTables: {', '.join(f'{name} {len(df)}' for name, df in frames.items())}")


if __name__ == "__main__":
    main()
