"""Our own annotated articles (``tests/corpus/heldout*``): well-formed, and extracted cleanly."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import diplomacy_events

CORPUS = Path(__file__).parent / "corpus"
GOLDS = sorted(CORPUS.glob("heldout*/*.gold.json"))


def test_every_set_has_six_articles() -> None:
    sets = sorted({g.parent.name for g in GOLDS})
    assert sets == sorted(["heldout", *(f"heldout{k}" for k in range(2, 15))])
    assert all(len(list((CORPUS / s).glob("*.gold.json"))) == 6 for s in sets)


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_gold_is_well_formed_and_its_article_extracts_cleanly(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (gold_path.parent / gold["text_file"]).read_text(encoding="utf-8")
    published = dt.date.fromisoformat(gold["published"])
    names = {a["name"] for a in gold.get("actors", [])}
    assert names and all(isinstance(a.get("kind"), str) for a in gold["actors"])
    result = diplomacy_events.extract(text, published)
    assert not result.warnings and result.error is None
    assert result.actors and result.events
