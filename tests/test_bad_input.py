"""Bad input at the edges: one clear line saying what is wrong, and nothing else lost.

The API raises :class:`DocumentError` (or :class:`DocumentTooLarge`); in a batch the document
comes back with its id and ``error`` while the others are extracted. The command line prints
``Error: ...`` lines, keeps the good documents, exits 1 when anything failed (2 for a bad
option) and writes ``--output`` atomically.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import pathlib
from collections.abc import Callable
from typing import Any

import pytest
from click.testing import CliRunner

from diplomacy_events import Document, Pipeline
from diplomacy_events.cli import main
from diplomacy_events.pipeline import DocumentError, DocumentTooLarge

GOOD = "Foreign Minister Ana Lopez met Prime Minister Kenji Sato in Geneva on Monday."
PUBLISHED = "2024-03-06"


def one_line(exc: BaseException) -> str:
    message = str(exc)
    assert message and "\n" not in message
    return message


# -- API --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (b"Talks on Monday.", "must be a str, not bytes (decode it first)"),
        (bytearray(b"x"), "must be a str, not bytearray"),
        (None, "must be a str, not None"),
        (42, "cannot read a document from int"),
        (["a list"], "cannot read a document from list"),
        (Document(text=b"bytes"), "must be a str, not bytes"),  # type: ignore[arg-type]
        (Document(text=None), "must be a str, not None"),  # type: ignore[arg-type]
        ((b"bytes", PUBLISHED), "must be a str, not bytes"),
        ((), "must be a str, not None"),
        ({"id": "x"}, "document has no 'text' string"),
        ({"id": "x", "text": 12}, "must be a str, not int"),
        ({"id": "x", "text": b"raw"}, "must be a str, not bytes"),
    ],
)
def test_what_is_not_text_is_a_clear_document_error(pipeline: Pipeline, item: Any, expected: str) -> None:
    with pytest.raises(DocumentError) as caught:
        pipeline.extract(item)
    assert expected in one_line(caught.value)


@pytest.mark.parametrize(
    "published", ["2023-02-30", "2023-13-01", "yesterday", "2024-01-01 and more", "06/03/2024", 20240306, 3.5]
)
def test_an_impossible_published_date_is_a_clear_document_error(pipeline: Pipeline, published: Any) -> None:
    calls: list[Callable[[], object]] = [
        lambda: pipeline.extract(GOOD, published),
        lambda: pipeline.extract({"text": GOOD, "published": published}),
        lambda: pipeline.extract(Document(text=GOOD, published=published)),
    ]
    for call in calls:
        with pytest.raises(DocumentError, match="invalid publication date") as caught:
            call()
        one_line(caught.value)


@pytest.mark.parametrize(
    "published", [dt.date(2024, 3, 6), dt.datetime(2024, 3, 6, 10, 30), "2024-03-06", "2024-03-06T10:30:00Z"]
)
def test_accepted_published_dates(pipeline: Pipeline, published: Any) -> None:
    assert pipeline.extract(GOOD, published).published == dt.date(2024, 3, 6)
    assert pipeline.extract(Document(text=GOOD, published=published)).published == dt.date(2024, 3, 6)


def test_the_size_limit_is_configurable_and_named(pipeline: Pipeline) -> None:
    small = Pipeline(entry_points=False, max_chars=len(GOOD))
    assert small.extract(GOOD).error is None
    with pytest.raises(DocumentTooLarge) as caught:
        small.extract(GOOD + "!", id="big")
    message = one_line(caught.value)
    assert "'big'" in message and f"limit of {len(GOOD):,}" in message and "max_chars" in message
    assert isinstance(caught.value, DocumentError)
    with pytest.raises(ValueError, match="max_chars"):
        Pipeline(builtins=False, entry_points=False, max_chars=-1)


def test_a_document_id_becomes_a_string(pipeline: Pipeline) -> None:
    assert pipeline.extract(Document(text=GOOD, id=7)).id == "7"  # type: ignore[arg-type]
    assert pipeline.extract((GOOD, None, 8)).id == "8"


BATCH: list[Any] = [
    {"id": "ok-1", "text": GOOD, "published": PUBLISHED},
    {"id": "bad-date", "text": GOOD, "published": "2024-02-30"},
    {"id": "no-text"},
    {"id": "bytes", "text": b"raw"},
    None,
    b"raw bytes",
    {"id": "too-big", "text": GOOD * 200},
    {"id": "unreadable", "error": "some.txt: cannot read: Permission denied"},
    (GOOD, PUBLISHED, "ok-2"),
    GOOD,
]
EXPECTED_IDS = ["ok-1", "bad-date", "no-text", "bytes", "4", "5", "too-big", "unreadable", "ok-2", None]
EXPECTED_ERRORS = {
    "bad-date": "DocumentError: invalid publication date '2024-02-30'",
    "no-text": "DocumentError: document has no 'text' string",
    "bytes": "DocumentError: document text must be a str, not bytes",
    "4": "DocumentError: document text must be a str, not None",
    "5": "DocumentError: document text must be a str, not bytes",
    "too-big": "DocumentTooLarge: document 'too-big' has",
    "unreadable": "SourceError: some.txt: cannot read: Permission denied",
}


@pytest.mark.parametrize("workers", [1, 2])
def test_a_batch_reports_bad_documents_by_id_and_extracts_the_rest(workers: int) -> None:
    p = Pipeline(entry_points=False, max_chars=5_000)
    out = list(p.pipe(BATCH, workers=workers, batch_size=3))
    assert [e.id for e in out] == EXPECTED_IDS
    good = p.extract(GOOD, PUBLISHED)
    for e in out:
        if e.id in EXPECTED_ERRORS:
            assert e.error is not None and e.error.startswith(EXPECTED_ERRORS[e.id]), e.error
            assert "\n" not in e.error and e.actors == ()
        else:
            assert e.error is None and e.actors == good.actors and e.events


def test_a_broken_iterator_item_does_not_lose_the_others() -> None:
    class Weird:
        def __repr__(self) -> str:
            raise RuntimeError("cannot even be shown")

    items: list[Any] = [Weird(), GOOD]
    out = list(Pipeline(entry_points=False).pipe(items))
    assert out[0].id == "0" and "cannot read a document from Weird" in (out[0].error or "")
    assert out[1].error is None and out[1].actors


def test_a_document_that_kills_its_worker_fails_alone() -> None:
    from diplomacy_events import hookimpl

    class Killer:
        name = "killer"

        @hookimpl
        def extract_dates(self, document: Any) -> list[Any]:
            if "EXIT" in document.text:
                os._exit(7)
            return []

    p = Pipeline([Killer()], entry_points=False)
    docs = [(f"{GOOD} {i}", PUBLISHED, f"d{i}") for i in range(8)]
    docs[5] = ("EXIT now", PUBLISHED, "killer-doc")
    out = list(p.pipe(docs, workers=2, batch_size=2))
    assert [e.id for e in out] == [d[2] for d in docs]
    assert [e.id for e in out if e.error] == ["killer-doc"]
    assert "worker process died" in (out[5].error or "")
    assert all(e.actors for e in out if not e.error)


def test_an_item_that_cannot_be_sent_to_a_worker_fails_alone() -> None:
    docs: list[Any] = [{"id": f"d{i}", "text": GOOD} for i in range(5)]
    docs[2] = {"id": "lambda", "text": GOOD, "title": lambda: None}
    out = list(Pipeline(entry_points=False).pipe(docs, workers=2, batch_size=5))
    assert [e.id for e in out] == [d["id"] for d in docs]
    assert [e.id for e in out if e.error] == ["lambda"]


# -- command line -----------------------------------------------------------------------


def cli(*args: str, input: str | bytes | None = None) -> Any:
    return CliRunner().invoke(main, ["extract", *args], input=input)


def errors(result: Any) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("Error:")]


@pytest.fixture()
def good_file(tmp_path: pathlib.Path) -> pathlib.Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def test_cli_missing_file(tmp_path: pathlib.Path, good_file: pathlib.Path) -> None:
    r = cli(str(tmp_path / "missing.txt"), str(good_file), "--format", "jsonl")
    assert r.exit_code == 1
    assert errors(r) == [f"Error: {tmp_path / 'missing.txt'}: no such file"]
    out = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x["id"] for x in out] == ["missing", "good"] and out[1]["actors"]
    assert "Traceback" not in r.output


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_cli_unreadable_file(tmp_path: pathlib.Path, good_file: pathlib.Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    try:
        r = cli(str(locked), str(good_file), "--format", "jsonl")
    finally:
        locked.chmod(0o600)
    assert r.exit_code == 1
    assert errors(r) == [f"Error: {locked}: cannot read: Permission denied"]
    assert json.loads(r.stdout.splitlines()[1])["actors"]


def test_cli_a_directory_given_as_a_jsonl_path(tmp_path: pathlib.Path, good_file: pathlib.Path) -> None:
    r = cli(str(tmp_path / "nowhere" / "x.jsonl"), str(good_file), "--format", "jsonl")
    assert r.exit_code == 1 and len(errors(r)) == 1 and "no such file" in errors(r)[0]


def test_cli_bytes_that_are_not_utf8(tmp_path: pathlib.Path, good_file: pathlib.Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Le ministre a rencontré Ana Lopez à Genève lundi.".encode("latin-1"))
    r = cli(str(latin), str(good_file), "--format", "jsonl")
    assert r.exit_code == 1
    [line] = errors(r)
    assert line.startswith(f"Error: {latin}: cannot read: 'utf-8' codec can't decode byte 0xe9")
    assert "--encoding" in line and "--errors replace" in line
    assert json.loads(r.stdout.splitlines()[1])["actors"]
    for extra in (["--encoding", "latin-1"], ["--errors", "replace"], ["--errors", "ignore"]):
        ok = cli(str(latin), *extra, "--format", "jsonl")
        assert ok.exit_code == 0, (extra, ok.output)
        assert errors(ok) == []
        data = json.loads(ok.stdout)
        assert data["id"] == "latin" and "error" not in data
    bad = cli(str(latin), "--errors", "explode")
    assert bad.exit_code == 2 and "Traceback" not in bad.output


def test_cli_impossible_published(good_file: pathlib.Path) -> None:
    for value in ("2023-02-30", "tomorrow", "2024-3-6x"):
        r = cli(str(good_file), "--published", value)
        assert r.exit_code == 2
        assert f"{value!r} is not a date of the form YYYY-MM-DD" in r.stderr
        assert r.stdout == "" and "Traceback" not in r.output


def test_cli_jsonl_lines_that_are_not_documents() -> None:
    lines = [
        json.dumps({"id": "a", "text": GOOD, "published": PUBLISHED}),
        "{not json",
        json.dumps({"id": "no-text", "title": "x"}),
        json.dumps({"id": "num-text", "text": 12}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "bad-date", "text": GOOD, "published": "2024-02-30"}),
        "",
        json.dumps({"text": GOOD}),
    ]
    r = cli("-", "--input", "jsonl", "--format", "jsonl", input="\n".join(lines))
    assert r.exit_code == 1
    out = [json.loads(x) for x in r.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "-:2", "no-text", "num-text", "-:5", "bad-date", "-:8"]
    assert [o["id"] for o in out if "error" not in o] == ["a", "-:8"]
    assert out[0]["actors"] and out[-1]["actors"]
    assert errors(r) == [
        "Error: -:2: not valid JSON: Expecting property name enclosed in double quotes",
        "Error: -:3: no 'text' string",
        "Error: -:4: no 'text' string",
        "Error: -:5: no 'text' string",
        "Error: bad-date: DocumentError: invalid publication date '2024-02-30': expected YYYY-MM-DD",
    ]
    assert "7 documents, 5 failures" in r.stderr


def test_cli_exit_codes(good_file: pathlib.Path, tmp_path: pathlib.Path) -> None:
    assert cli(str(good_file)).exit_code == 0
    assert cli(str(good_file), str(tmp_path / "gone.txt")).exit_code == 1
    assert cli(str(good_file), "--format", "nope").exit_code == 2
    assert cli().exit_code == 2


def test_cli_max_chars(good_file: pathlib.Path) -> None:
    r = cli(str(good_file), "--max-chars", "10")
    assert r.exit_code == 1
    assert errors(r) == [
        f"Error: good: DocumentTooLarge: document 'good' has {len(GOOD)} characters, over the limit of 10 "
        "(raise it with Pipeline(max_chars=...) or --max-chars)"
    ]


def test_cli_output_is_complete_or_untouched(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An interrupted run leaves the previous file whole and no temporary file behind."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(5):
        (corpus / f"a{i}.txt").write_text(f"{GOOD} Story {i}.", encoding="utf-8")
    target = tmp_path / "out.jsonl"
    target.write_text("previous complete output\n", encoding="utf-8")
    calls = {"n": 0}
    real = Pipeline.extract

    def interrupted(self: Pipeline, *args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Pipeline, "extract", interrupted)
    r = CliRunner().invoke(main, ["extract", str(corpus), "--format", "jsonl", "-o", str(target)])
    assert r.exit_code != 0
    assert target.read_text(encoding="utf-8") == "previous complete output\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "out.jsonl"]
    monkeypatch.setattr(Pipeline, "extract", real)
    for fmt in ("jsonl", "json"):
        r = CliRunner().invoke(main, ["extract", str(corpus), "--format", fmt, "-o", str(target)])
        assert r.exit_code == 0, r.output
        text = target.read_text(encoding="utf-8")
        rows = [json.loads(x) for x in text.splitlines()] if fmt == "jsonl" else json.loads(text)
        assert [x["id"] for x in rows] == [f"a{i}" for i in range(5)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "out.jsonl"]


def test_cli_lone_surrogate_in_a_jsonl_line(tmp_path: pathlib.Path) -> None:
    lines = [
        '{"id": "s", "text": "Foreign Minister Ana Lopez said: \\"We agreed \\ud800 today.\\" on Monday."}',
        json.dumps({"id": "ok", "text": GOOD}),
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines), encoding="utf-8")
    r = CliRunner().invoke(main, ["extract", str(source), "--format", "jsonl"])
    assert not isinstance(r.exception, UnicodeError), r.exception
    ids = [json.loads(x)["id"] for x in r.stdout.splitlines()]
    assert ids == ["s", "ok"]


def test_output_file_gets_the_ordinary_mode(tmp_path: pathlib.Path) -> None:
    import os
    import stat

    source = tmp_path / "one.txt"
    source.write_text(GOOD, encoding="utf-8")
    target = tmp_path / "out.json"
    r = CliRunner().invoke(main, ["extract", str(source), "-o", str(target)])
    assert r.exit_code == 0, r.output
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
