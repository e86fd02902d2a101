from __future__ import annotations

import json
import pathlib

from click.testing import CliRunner

from diplomacy_events.cli import main

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "blinken-beijing-visit.txt"


def run(*args: str, input: bytes | str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def test_extract_seed_json() -> None:
    r = run("extract", str(SEED), "--published", "2023-06-14", "--format", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert data["id"] == "blinken-beijing-visit"
    assert data["published"] == "2023-06-14"
    assert data["actors"] and data["dates"] and data["locations"]


def test_extract_stdin_jsonl_several(tmp_path: pathlib.Path) -> None:
    other = tmp_path / "second.txt"
    other.write_text("The minister spoke on Monday.", encoding="utf-8")
    r = run("extract", "-", str(other), "--format", "jsonl", input="Talks ended on Tuesday.")
    assert r.exit_code == 0, r.output
    lines = [json.loads(x) for x in r.output.splitlines()]
    assert [x["id"] for x in lines] == ["stdin", "second"]


def test_missing_file_is_one_line_error_and_others_still_come_out(tmp_path: pathlib.Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Nothing here.", encoding="utf-8")
    r = CliRunner().invoke(main, ["extract", str(tmp_path / "nope.txt"), str(good), "--format", "jsonl"])
    assert r.exit_code == 1
    assert "nope.txt: no such file" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert json.loads(r.stdout)["id"] == "good"


def test_undecodable_bytes(tmp_path: pathlib.Path) -> None:
    bad = tmp_path / "latin.txt"
    bad.write_bytes("Gen\xe8ve talks".encode("latin-1"))
    r = CliRunner().invoke(main, ["extract", str(bad)])
    assert r.exit_code == 1
    assert "cannot read" in r.stderr and "--encoding" in r.stderr
    assert "Traceback" not in r.output
    ok = CliRunner().invoke(main, ["extract", str(bad), "--encoding", "latin-1"])
    assert ok.exit_code == 0


def test_bad_published_date() -> None:
    r = CliRunner().invoke(main, ["extract", str(SEED), "--published", "2023-13-40"])
    assert r.exit_code == 2
    assert "YYYY-MM-DD" in r.stderr
    assert "Traceback" not in r.output


def test_plugins_lists_builtins() -> None:
    r = run("plugins", "--all")
    assert r.exit_code == 0
    for name in ("dates", "officials", "locations", "statements", "events"):
        assert f"{name} (built-in)" in r.output
    j = json.loads(run("plugins", "--all", "--json").output)
    assert {"name", "version", "hooks", "builtin"} <= set(j[0])
