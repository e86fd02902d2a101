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
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x["id"] for x in lines] == ["stdin", "second"]


def test_missing_file_is_one_line_error_and_others_still_come_out(tmp_path: pathlib.Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Nothing here.", encoding="utf-8")
    r = CliRunner().invoke(main, ["extract", str(tmp_path / "nope.txt"), str(good), "--format", "jsonl"])
    assert r.exit_code == 1
    errors = [line for line in r.stderr.splitlines() if line.startswith("Error:")]
    assert errors == [f"Error: {tmp_path / 'nope.txt'}: no such file"]
    assert "2 documents, 1 failures" in r.stderr
    first, second = (json.loads(x) for x in r.stdout.splitlines())
    assert first == {"id": "nope", "error": f"SourceError: {tmp_path / 'nope.txt'}: no such file"}
    assert second["id"] == "good" and "actors" in second


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


def test_jsonl_input_keeps_order_and_reports_bad_lines(tmp_path: pathlib.Path) -> None:
    lines = [
        json.dumps({"id": "x1", "text": "The talks ended on Monday.", "published": "2024-02-07"}),
        "this is not json",
        json.dumps({"id": "x3"}),
        json.dumps({"id": "x4", "text": "Nothing happened."}),
    ]
    r = CliRunner().invoke(
        main, ["extract", "-", "--input", "jsonl", "--format", "jsonl"], input="\n".join(lines)
    )
    assert r.exit_code == 1
    out = [json.loads(x) for x in r.stdout.splitlines()]
    assert [o["id"] for o in out] == ["x1", "-:2", "x3", "x4"]
    assert "error" in out[1] and "error" in out[2] and "error" not in out[3]
    assert "-:2: not valid JSON" in r.stderr and "-:3: no 'text' string" in r.stderr


def test_directory_input_and_atomic_output(tmp_path: pathlib.Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(3):
        (corpus / f"a{i}.txt").write_text(f"Story {i} was filed on Friday.", encoding="utf-8")
    target = tmp_path / "out.jsonl"
    r = CliRunner().invoke(main, ["extract", str(corpus), "--format", "jsonl", "-o", str(target)])
    assert r.exit_code == 0, r.output
    assert [json.loads(x)["id"] for x in target.read_text().splitlines()] == ["a0", "a1", "a2"]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_jsonl_line_with_a_line_separator_inside_its_text(tmp_path: pathlib.Path) -> None:
    line = json.dumps({"id": "ls", "text": "Talks ended\u2028on Monday."}, ensure_ascii=False)
    source = tmp_path / "in.jsonl"
    source.write_text(line + "\n", encoding="utf-8")
    r = run("extract", str(source), "--format", "jsonl")
    assert r.exit_code == 0, r.output
    assert [json.loads(x)["id"] for x in r.stdout.splitlines()] == ["ls"]
