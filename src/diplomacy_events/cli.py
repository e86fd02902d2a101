"""The ``diplomacy-events`` command line."""

from __future__ import annotations

import datetime as dt
import json
import pathlib
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

import click

from diplomacy_events import __version__, jsonl
from diplomacy_events.models import Extraction


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
    return "stdin" if path == "-" else pathlib.Path(path).stem


@click.group()
@click.version_option(__version__, prog_name="diplomacy-events")
def main() -> None:
    """Turn diplomatic news into structured, traceable records."""


def _inputs(
    paths: tuple[str, ...], input_format: str, encoding: str, errors: str, published: dt.date | None
) -> Iterator[dict[str, Any]]:
    """Documents as dicts, in order; a source that cannot be read becomes ``{"id", "error"}``."""
    for path in paths:
        p = pathlib.Path(path)
        if path != "-" and p.is_dir():
            files = sorted(str(f) for f in p.rglob("*") if f.is_file() and f.suffix in (".txt", ".jsonl"))
            yield from _inputs(tuple(files), input_format, encoding, errors, published)
            continue
        try:
            text = _read(path, encoding, errors)
        except FileNotFoundError:
            yield {"id": _doc_id(path), "error": f"{path}: no such file"}
            continue
        except IsADirectoryError:
            yield {"id": _doc_id(path), "error": f"{path}: is a directory"}
            continue
        except UnicodeDecodeError as exc:
            yield {
                "id": _doc_id(path),
                "error": f"{path}: cannot read: {exc} (try --encoding or --errors replace)",
            }
            continue
        except OSError as exc:
            yield {"id": _doc_id(path), "error": f"{path}: cannot read: {exc.strerror or exc}"}
            continue
        as_jsonl = input_format == "jsonl" or (input_format == "auto" and path.endswith(".jsonl"))
        if not as_jsonl:
            yield {"id": _doc_id(path), "text": text, "published": published}
            continue
        for number, line in jsonl.lines(text):
            yield jsonl.parse_line(line, f"{path}:{number}", published)


def _remember_texts(items: Iterator[dict[str, Any]], texts: deque[str | None]) -> Iterator[dict[str, Any]]:
    """Pass ``items`` on, keeping each one's text: results come back in the same order."""
    for item in items:
        text = item.get("text")
        texts.append(text if isinstance(text, str) else None)
        yield item


def _json(data: Any, indent: int | None = None) -> str:
    """JSON text that any UTF-8 output can carry: a lone surrogate in an article ("\ud800")
    is written as its JSON escape instead of breaking the output."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(data, ensure_ascii=True, indent=indent)
    return text


def _write_atomic(path: str, lines: Iterator[str]) -> None:
    """Write to a temporary file beside ``path`` and rename it: a reader never sees half a file."""
    import os
    import tempfile

    target = pathlib.Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        # mkstemp makes the file private (0600): give it the mode an ordinary open() would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            for line in lines:
                fh.write(line + "\n")
        os.replace(tmp, target)
    except BaseException:
        pathlib.Path(tmp).unlink(missing_ok=True)
        raise


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--published", callback=_published, help="Publication date, YYYY-MM-DD (JSONL lines may carry their own)."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl", "csv", "html", "text"]),
    default="json",
    show_default=True,
    help="json: one object (an array for several documents); jsonl: one object per line; "
    "csv: one row per event (GDELT/ICEWS-style columns); html: one page with the articles highlighted "
    "and a timeline; text: a summary for reading in a terminal.",
)
@click.option(
    "--input",
    "input_format",
    type=click.Choice(["auto", "text", "jsonl"]),
    default="auto",
    show_default=True,
    help='auto: files ending in .jsonl hold {"id", "text", "published"} lines, others are one article.',
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
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False), help="Write here (atomically) instead of stdout."
)
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes.")
@click.option("--strict", is_flag=True, help="Turn plugin warnings into errors.")
@click.option("--max-chars", type=click.IntRange(min=1), default=None, help="Longest document accepted.")
def extract(
    files: tuple[str, ...],
    published: dt.date | None,
    fmt: str,
    input_format: str,
    encoding: str,
    errors: str,
    output: str | None,
    workers: int,
    strict: bool,
    max_chars: int | None,
) -> None:
    """Extract actors, places, dates, quotes and events from FILES.

    FILES are article files, directories (their .txt and .jsonl files) or JSONL files; '-' reads
    standard input. Output keeps the input order; a document that fails is reported on stderr with
    its id, kept in JSONL output as {"id", "error"}, and makes the exit code 1.
    """
    import time

    from diplomacy_events.pipeline import DEFAULT_MAX_CHARS, Pipeline
    from diplomacy_events.plugins import PluginError

    started = time.perf_counter()
    try:
        pipeline = Pipeline(strict=strict or None, max_chars=max_chars or DEFAULT_MAX_CHARS)
    except PluginError as exc:
        _fail(str(exc))
        sys.exit(1)

    counts = {"documents": 0, "failures": 0}
    items = _inputs(files, input_format, encoding, errors, published)
    texts: deque[str | None] = deque()
    if fmt == "html":
        items = _remember_texts(items, texts)
    results: Iterable[Extraction] = pipeline.pipe(items, workers=workers)
    show_progress = sys.stderr.isatty() and fmt in ("jsonl", "csv")
    if show_progress:
        from tqdm import tqdm

        results = tqdm(results, unit="doc", file=sys.stderr)

    def outcomes() -> Iterator[Extraction]:
        """Every result, in order; a failure is reported on stderr and counted."""
        try:
            for extraction in results:
                counts["documents"] += 1
                if extraction.error is not None:
                    counts["failures"] += 1
                    kind, _, reason = extraction.error.partition(": ")
                    _fail(reason if kind == "SourceError" else f"{extraction.id}: {extraction.error}")
                yield extraction
        except PluginError as exc:
            counts["failures"] += 1
            _fail(str(exc))

    def dicts() -> Iterator[dict[str, Any]]:
        for extraction in outcomes():
            if extraction.error is not None:
                if fmt == "jsonl":
                    yield {"id": extraction.id, "error": extraction.error}
                continue
            yield extraction.to_dict()

    def succeeded() -> Iterator[Extraction]:
        return (x for x in outcomes() if x.error is None)

    lines: Iterator[str]
    if fmt == "jsonl":
        lines = (_json(d) for d in dicts())
    elif fmt == "csv":
        from diplomacy_events.formats import csv_lines

        lines = csv_lines(succeeded())
    elif fmt == "text":
        from diplomacy_events.formats import text_lines

        lines = text_lines(succeeded())
    elif fmt == "html":
        from diplomacy_events.formats import render_html

        def page() -> Iterator[str]:
            pairs = [(x, texts.popleft() if texts else None) for x in outcomes()]
            done = [(x, text) for x, text in pairs if x.error is None]
            if done:
                title = str(done[0][0].id) if len(done) == 1 else "diplomacy_events"
                yield render_html(done, title=title).rstrip("\n")

        lines = page()
    else:
        out = list(dicts())
        single = counts["documents"] == 1 and len(files) == 1 and not pathlib.Path(files[0]).is_dir()
        payload: Any = (out[0] if out else None) if single else out
        lines = iter([] if payload is None else [_json(payload, indent=1)])
    if output:
        _write_atomic(output, lines)
    else:
        for line in lines:
            click.echo(line)
    if counts["documents"] > 1 or workers > 1 or output:
        seconds = time.perf_counter() - started
        click.echo(
            f"{counts['documents']} documents, {counts['failures']} failures, {seconds:.2f} seconds", err=True
        )
    if counts["failures"]:
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

    extractions: list[Extraction] = []
    bad = 0
    for path in files or ("-",):
        try:
            lines = _read(path, "utf-8", "strict").split("\n")
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
        click.echo(_json(event.to_dict()))
    if bad:
        sys.exit(1)


_TEMPLATE_SUFFIX = ".tmpl"


def _plugin_names(name: str) -> dict[str, str]:
    """The names a plugin called ``name`` goes by: entry point, distribution, package."""
    import re

    slug = re.sub(r"[-_.\s]+", "-", name.strip().lower())
    slug = slug.removeprefix("diplomacy-events-")
    if not re.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", slug):
        raise click.BadParameter(
            f"{name!r}: use letters, digits and hyphens, starting with a letter (e.g. 'think-tanks')",
            param_hint="NAME",
        )
    return {
        "name": slug,
        "distribution": f"diplomacy-events-{slug}",
        "package": "diplomacy_events_" + slug.replace("-", "_"),
        "core_version": ".".join(__version__.split(".")[:2]),
    }


def _template_files() -> Iterator[tuple[str, str]]:
    """``(relative path, content)`` of every file of the plugin template (package data)."""
    from importlib import resources

    root = resources.files("diplomacy_events").joinpath("plugin_template")
    pending: list[tuple[str, Any]] = [("", root)]
    while pending:
        prefix, folder = pending.pop()
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.name == "__pycache__":
                continue
            relative = f"{prefix}{entry.name}"
            if entry.is_dir():
                pending.append((relative + "/", entry))
            else:
                yield relative, entry.read_text(encoding="utf-8")


def render_plugin(name: str, parent: pathlib.Path) -> tuple[pathlib.Path, list[pathlib.Path]]:
    """Write the plugin distribution for ``name`` under ``parent``; its directory and files.

    Raises ``click.BadParameter`` for an unusable name and ``click.ClickException`` when the
    target directory exists and is not empty.
    """
    names = _plugin_names(name)
    target = parent / names["distribution"]
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise click.ClickException(f"{target} already exists and is not empty")
    written = []
    for relative, content in _template_files():
        path = relative.replace("__package__", names["package"]).removesuffix(_TEMPLATE_SUFFIX)
        for key, value in names.items():
            content = content.replace("{{" + key + "}}", value)
        out = target / path
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(content, encoding="utf-8")
        written.append(out)
    return target, written


@main.command("new-plugin")
@click.argument("name")
@click.option(
    "--directory",
    "-d",
    type=click.Path(file_okay=False, path_type=pathlib.Path),
    default=pathlib.Path("."),
    show_default=True,
    help="Where to create the distribution's folder.",
)
def new_plugin(name: str, directory: pathlib.Path) -> None:
    """Create a plugin distribution called diplomacy-events-NAME, ready to install.

    It has a pyproject.toml declaring the entry point NAME, a typed package with example hooks
    (an extractor and two register hooks), tests and a README.
    """
    target, written = render_plugin(name, directory)
    names = _plugin_names(name)
    click.echo(f"Created {target}/ (plugin {names['name']!r}, package {names['package']}):")
    for path in written:
        click.echo(f"  {path.relative_to(target)}")
    click.echo(f"Next:\n  pip install -e {target}\n  diplomacy-events plugins\n  python -m pytest {target}")
