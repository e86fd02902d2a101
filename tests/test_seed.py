"""The seed article against its gold annotation, with thresholds below the scorer's targets."""

from __future__ import annotations


def norm(s: str | None) -> str:
    return " ".join((s or "").lower().replace("’", "'").split())


def f1(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> float:
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def test_seed_persons(seed_extraction, seed_gold) -> None:
    gold = {norm(a["name"]) for a in seed_gold["actors"]}
    got = {norm(a.name) for a in seed_extraction.actors if a.kind == "person" and a.name}
    assert f1(len(got & gold), len(got), len(got & gold), len(gold)) >= 0.9


def test_seed_locations(seed_extraction, seed_gold) -> None:
    gold = {}
    for g in seed_gold["locations"]:
        for n in [g["name"], *g.get("aliases", [])]:
            gold[norm(n)] = g
    required = {norm(g["name"]) for g in seed_gold["locations"] if not g.get("optional")}
    found = set()
    tp = 0
    for loc in seed_extraction.locations:
        g = gold.get(norm(loc.name))
        if g is None and loc.kind == "country":
            g = next(
                (
                    x
                    for x in seed_gold["locations"]
                    if x.get("country") == loc.country and x["kind"] == "country"
                ),
                None,
            )
        if g is not None:
            tp += 1
            found.add(norm(g["name"]))
            assert loc.country == g["country"], loc
    assert f1(tp, len(seed_extraction.locations), len(found & required), len(required)) >= 0.9
    assert not {"austin", "south china morning post"} & {norm(loc.name) for loc in seed_extraction.locations}


def test_seed_dates(seed_extraction, seed_gold) -> None:
    required = [g for g in seed_gold["dates"] if not g.get("optional")]
    hits = 0
    for g in required:
        s, e = g["span"]
        if any(d.start < e and s < d.end and d.value == g["value"] for d in seed_extraction.dates):
            hits += 1
    assert hits / len(required) >= 0.9
    assert not any(d.text.startswith("4 min") and d.value for d in seed_extraction.dates)


def test_seed_quotes_attributed(seed_extraction, seed_gold, seed_text) -> None:
    names = {a.id: {norm(a.name)} | {norm(m.text) for m in a.mentions} for a in seed_extraction.actors}
    direct = [s for s in seed_extraction.statements if s.kind == "direct"]
    ok = 0
    for g in seed_gold["statements"]:
        if g.get("optional"):
            continue
        speakers = g["speaker"] if isinstance(g["speaker"], list) else [g["speaker"]]
        for s in direct:
            if g["quote"] in seed_text[s.start : s.end] or seed_text[s.start : s.end] in g["quote"]:
                ok += bool({norm(x) for x in speakers} & names.get(s.speaker or "", set()))
                break
    assert ok >= 7


def test_seed_events(seed_extraction) -> None:
    e = seed_extraction
    by_type = {}
    for ev in e.events:
        by_type.setdefault(ev.type, []).append(ev)
    visit = next(ev for ev in by_type["visit"] if ev.status == "planned")
    assert e.actor(visit.actors[0]).name == "Antony Blinken"
    assert e.location(visit.location).name == "Beijing"
    assert e.date(visit.date).value == "2023-06-18"
    call = by_type["call"][0]
    assert {e.actor(a).name for a in call.actors} >= {"Antony Blinken", "Qin Gang"}
    assert any(ev.status == "declined" for ev in by_type["meeting"])
