"""The ``diplomacy-events`` command line."""

from __future__ import annotations

import datetime as dt
import json
import pathlib
import sys
from collections.abc import Iterator
from typing import Any

import click

from diplomacy_events import __version__


def _fail(message: str) -> None:
    click.echo(f"Error: {message}", err=True)


def _published(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date of the form YYYY-MM-DD") from None


def _read(path: str, encoding: str, errors: str) -> str:
    data = sys.stdin.buffer.read() if path == "-" else pathlib.Path(path).read_bytes()
    return data.decode(encoding, errors=errors)


def _doc_id(path: str) -> str:
    if path == "-":
        return "stdin"
    name = pathlib.Path(path).name
    return name.split(".", 1)[0] if not name.startswith(".") else name


@click.group()
@click.version_option(__version__, prog_name="diplomacy-events")
def main() -> None:
    """Turn diplomatic news into structured, traceable records."""


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--published", callback=_published, help="Publication date, YYYY-MM-DD.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl"]),
    default="json",
    show_default=True,
    help="json: one object (an array for several files); jsonl: one object per line.",
)
@click.option("--encoding", default="utf-8", show_default=True, help="Encoding of the input files.")
@click.option(
    "--errors",
    "errors",
    type=click.Choice(["strict", "replace", "ignore"]),
    default="strict",
    show_default=True,
    help="What to do with bytes that are not valid in the encoding.",
)
@click.option("--strict", is_flag=True, help="Turn plugin warnings into errors.")
@click.option("--max-chars", type=click.IntRange(min=1), default=None, help="Longest document accepted.")
def extract(
    files: tuple[str, ...],
    published: dt.date | None,
    fmt: str,
    encoding: str,
    errors: str,
    strict: bool,
    max_chars: int | None,
) -> None:
    """Extract actors, places, dates, quotes and events from FILES ('-' reads stdin)."""
    from diplomacy_events.pipeline import DEFAULT_MAX_CHARS, Pipeline
    from diplomacy_events.plugins import PluginError

    try:
        pipeline = Pipeline(strict=strict or None, max_chars=max_chars or DEFAULT_MAX_CHARS)
    except PluginError as exc:
        _fail(str(exc))
        sys.exit(1)

    failures = 0

    def results() -> Iterator[dict[str, Any]]:
        nonlocal failures
        for path in files:
            try:
                text = _read(path, encoding, errors)
            except FileNotFoundError:
                _fail(f"{path}: no such file")
                failures += 1
                continue
            except (OSError, UnicodeDecodeError) as exc:
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
                hint = " (try --encoding or --errors replace)" if isinstance(exc, UnicodeDecodeError) else ""
                _fail(f"{path}: cannot read: {reason}{hint}")
                failures += 1
                continue
            try:
                yield pipeline.extract(text, published, id=_doc_id(path)).to_dict()
            except PluginError as exc:
                _fail(f"{path}: {exc}")
                failures += 1
            except Exception as exc:
                _fail(f"{path}: {type(exc).__name__}: {exc}")
                failures += 1

    if fmt == "jsonl":
        for data in results():
            click.echo(json.dumps(data, ensure_ascii=False))
    else:
        out = list(results())
        if len(files) == 1:
            if out:
                click.echo(json.dumps(out[0], ensure_ascii=False, indent=1))
        else:
            click.echo(json.dumps(out, ensure_ascii=False, indent=1))
    if failures:
        sys.exit(1)


@main.command()
@click.option("--all", "show_all", is_flag=True, help="Include the built-in extractors.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def plugins(show_all: bool, as_json: bool) -> None:
    """List the loaded plugins with their version and hooks."""
    from diplomacy_events.plugins import PluginError, PluginRegistry

    try:
        registry = PluginRegistry()
    except PluginError as exc:
        _fail(str(exc))
        sys.exit(1)
    infos = registry.list(include_builtins=show_all)
    if as_json:
        rows = [
            {
                "name": i.name,
                "version": i.version,
                "distribution": i.distribution,
                "builtin": i.builtin,
                "hooks": list(i.hooks),
            }
            for i in infos
        ]
        click.echo(json.dumps(rows, indent=1))
        return
    if not infos:
        click.echo("No plugins installed (use --all to list the built-in extractors).")
    for i in infos:
        origin = "built-in" if i.builtin else f"{i.distribution or '?'} {i.version or ''}".strip()
        click.echo(f"{i.name} ({origin}): {', '.join(i.hooks)}")


@main.command()
@click.argument("files", nargs=-1)
def merge(files: tuple[str, ...]) -> None:
    """Merge the events of extraction JSONL (as `extract --format jsonl` writes) across documents.

    Reads FILES, or standard input when none is given or for '-'; writes one merged event a line.
    """
    from diplomacy_events.merge import merge_events
    from diplomacy_events.models import Extraction

    extractions: list[Extraction] = []
    bad = 0
    for path in files or ("-",):
        try:
            lines = _read(path, "utf-8", "strict").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            _fail(f"{path}: cannot read: {exc}")
            bad += 1
            continue
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                extractions.append(Extraction.from_dict(json.loads(line)))
            except Exception as exc:
                _fail(f"{path}:{number}: not an extraction: {type(exc).__name__}: {exc}")
                bad += 1
    for event in merge_events(extractions):
        click.echo(json.dumps(event.to_dict(), ensure_ascii=False))
    if bad:
        sys.exit(1)
