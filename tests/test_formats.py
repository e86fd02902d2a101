"""The renderers of diplomacy_events.formats and the CLI formats that use them."""

from __future__ import annotations

import csv
import io
import json
import pathlib
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from diplomacy_events import Actor, Event, Extraction, Location, Mention, Statement, TimeExpression
from diplomacy_events.cli import main
from diplomacy_events.formats import (
    EVENT_COLUMNS,
    render_html,
    to_csv,
    to_dataframes,
    to_html,
    to_records,
    to_tables,
    to_text,
)

# Made-up text: every offset below is computed from it, not typed in.
TEXT = (
    'Foreign Minister Ana Lima will visit Lisbon on Monday. "We are ready," Lima said.\n'
    "Officials in Rome criticised the plan."
)


def _m(needle: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(needle, start + 1)
    return Mention(start, start + len(needle), needle)


def _sample(text: str = TEXT) -> Extraction:
    lima, lisbon, monday = _m("Ana Lima"), _m("Lisbon"), _m("Monday")
    quote = _m("We are ready,")
    return Extraction(
        id="sample",
        published=__import__("datetime").date(2024, 3, 6),
        actors=(
            Actor(
                id="a1",
                name="Ana Lima",
                title="Foreign Minister",
                country="PRT",
                role="foreign_minister",
                cameo_role="GOV",
                mentions=(lima, _m("Lima", 1)),
            ),
            Actor(id="a2", name="Italy", kind="state", country="ITA", mentions=(_m("Rome"),)),
        ),
        locations=(
            Location(
                id="l1",
                name="Lisbon",
                kind="city",
                country="PRT",
                latitude=38.72,
                longitude=-9.14,
                mentions=(lisbon,),
            ),
            Location(id="l2", name="Rome", kind="city", country="ITA", mentions=(_m("Rome"),), metonym=True),
        ),
        dates=(
            TimeExpression(id="d1", start=monday.start, end=monday.end, text="Monday", value="2024-03-11"),
        ),
        statements=(
            Statement(id="s1", speaker="a1", quote=quote.text, start=quote.start, end=quote.end, verb="said"),
        ),
        events=(
            Event(
                id="e1",
                type="visit",
                cameo="042",
                actors=("a1",),
                location="l1",
                date="d1",
                status="planned",
                trigger=_m("visit"),
                plover="CONSULT",
                mentions=(_m("visit"),),
                sentence=(0, 81),
            ),
            Event(
                id="e2",
                type="accusation",
                cameo="111",
                actors=("a2", "a1"),
                trigger=_m("criticised"),
                plover="ACCUSE",
                sentence=(82, len(TEXT)),
            ),
        ),
    )


class _Balanced(HTMLParser):
    """Fails on a closing tag that does not close the element last opened."""

    VOID = frozenset({"meta", "br", "hr", "img", "link", "input"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(page: str) -> _Balanced:
    parser = _Balanced()
    parser.feed(page)
    parser.close()
    assert parser.stack == [], parser.stack
    return parser


def test_sample_offsets_are_true() -> None:
    x = _sample()
    assert x.statements[0].quote == "We are ready,"
    assert TEXT[slice(*x.events[0].sentence or (0, 0))].endswith("said.")


def test_records_have_the_analyst_columns() -> None:
    rows = to_records(_sample())
    assert [tuple(r) for r in rows] == [EVENT_COLUMNS] * 2
    visit, accusation = rows
    assert visit["source_name"] == "Ana Lima" and visit["source_country"] == "PRT"
    assert visit["source_role"] == "foreign_minister" and visit["source_cameo_role"] == "GOV"
    assert visit["target_name"] is None
    assert (visit["event_type"], visit["cameo_code"], visit["plover_category"]) == ("visit", "042", "CONSULT")
    assert (visit["event_date"], visit["date_text"], visit["status"]) == ("2024-03-11", "Monday", "planned")
    assert (visit["place_name"], visit["place_country"], visit["latitude"]) == ("Lisbon", "PRT", 38.72)
    assert visit["quote"] == "We are ready," and visit["quote_speaker"] == "Ana Lima"
    assert (visit["sentence_start"], visit["sentence_end"], visit["document_id"]) == (0, 81, "sample")
    assert accusation["source_name"] == "Italy" and accusation["target_name"] == "Ana Lima"
    assert accusation["event_date"] is None and accusation["quote"] is None


def test_renderers_accept_the_json_dict() -> None:
    x = _sample()
    data = json.loads(x.to_json())
    assert to_records(data) == to_records(x) == x.to_records()
    assert to_csv(data) == to_csv([x])
    assert to_text(data) == to_text(x)
    assert to_html(data, TEXT) == x.to_html(TEXT)


def test_csv_parses_back() -> None:
    tricky = Extraction(
        id='doc, "one"\nline',
        events=(Event(id="e1", type="statement", cameo="010", trigger=Mention(0, 3, "say")),),
    )
    out = to_csv([_sample(), tricky, Extraction(id="failed", error="ValueError: bad")])
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 3 and list(rows[0]) == list(EVENT_COLUMNS)
    assert rows[0]["latitude"] == "38.72" and rows[0]["target_name"] == ""
    assert rows[2]["document_id"] == 'doc, "one"\nline'


def test_tables_and_dataframes() -> None:
    tables = to_tables([_sample(), _sample()])
    assert {k: len(v) for k, v in tables.items()} == {
        "events": 4,
        "actors": 4,
        "locations": 4,
        "dates": 2,
        "statements": 2,
    }
    assert tables["actors"][0]["mentions"] == 2 and tables["statements"][0]["speaker_name"] == "Ana Lima"
    pytest.importorskip("pandas")
    frames = _sample().to_dataframes()
    assert list(frames["events"].columns) == list(EVENT_COLUMNS)
    assert frames["events"].loc[0, "cameo_code"] == "042"
    empty = to_dataframes(Extraction(id="empty"))
    assert empty["events"].empty and list(empty["events"].columns) == list(EVENT_COLUMNS)


def test_html_highlights_every_kind() -> None:
    page = _sample().to_html(TEXT)
    parser = _parse(page)
    classes = [attrs.get("class") or "" for _, attrs in parser.tags]
    for kind in ("actor person", "actor state", "place", "date", "quote", "trigger visit", "sentence"):
        assert any(c.startswith(kind) for c in classes), kind
    # The article's text comes through unchanged (between the tags).
    body = "".join(parser.text)
    assert TEXT in body
    ids = [attrs["id"] for _, attrs in parser.tags if attrs.get("id")]
    assert len(ids) == len(set(ids))
    assert 'href="#doc0-sentence-0"' in page and 'id="doc0-sentence-0"' in page


def test_html_escapes_everything() -> None:
    text = '<script>alert(1)</script> Mr "O\'Neil" onmouseover="x" met <b>Ana</b> & co. in Lisbon.'
    name = '"><img src=x onerror=alert(1)>'
    start = text.index("O'Neil")
    x = Extraction(
        id="<script>doc</script>",
        actors=(
            Actor(id="a1", name=name, title='" onclick="y', mentions=(Mention(start, start + 6, "O'Neil"),)),
        ),
        events=(
            Event(
                id="e1",
                type="meeting",
                cameo="040",
                actors=("a1",),
                trigger=Mention(text.index("met"), text.index("met") + 3, "met"),
                sentence=(0, len(text)),
            ),
        ),
        warnings=("plugin '<x>': raised",),
    )
    page = render_html([(x, text), (x, None)], title="<title>")
    for raw in ("<script", "<img", "<b>Ana", "<x>", '" onclick', "<title><title>"):
        assert raw not in page, raw
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    parser = _parse(page)
    for _, attrs in parser.tags:
        assert set(attrs) <= {
            "class",
            "id",
            "title",
            "href",
            "data-label",
            "lang",
            "charset",
            "name",
            "content",
        }
    titles = [attrs["title"] for _, attrs in parser.tags if attrs.get("title")]
    assert any(t.startswith(name) for t in titles)  # intact inside the attribute, not breaking out of it
    assert text in "".join(parser.text)


def test_html_crossing_spans_stay_nested() -> None:
    text = "alpha beta gamma delta"
    x = Extraction(
        actors=(Actor(id="a1", name="alpha beta", mentions=(Mention(0, 10, "alpha beta"),)),),
        locations=(Location(id="l1", name="beta gamma", mentions=(Mention(6, 16, "beta gamma"),)),),
        statements=(Statement(id="s1", quote="beta gamma delta", start=6, end=22),),
        events=(
            Event(id="e1", type="statement", cameo="010", trigger=Mention(0, 5, "alpha"), sentence=(0, 22)),
        ),
    )
    parser = _parse(to_html(x, text))
    assert text in "".join(parser.text)


def test_html_ignores_spans_that_do_not_fit_the_text() -> None:
    page = _sample().to_html("a different and much shorter text")
    _parse(page)
    assert "a different and much shorter text" in page
    article = page[page.index('<div class="text">') :]
    assert "<mark" not in article[: article.index("</div>")]


def test_html_timeline_for_several_documents() -> None:
    other = Extraction(
        id="second",
        dates=(TimeExpression(id="d1", start=0, end=4, text="2019", value="2019"),),
        events=(Event(id="e1", type="call", cameo="041", date="d1", trigger=Mention(5, 9, "call")),),
    )
    page = render_html([(_sample(), TEXT), (other, "2019 call")])
    _parse(page)
    assert page.index("<time>2019</time>") < page.index("<time>2024-03-11</time>")
    assert "1 event(s) without a resolved date" in page


def test_text_summary() -> None:
    out = to_text(_sample())
    for part in (
        "sample (published 2024-03-06)",
        "Who (2)",
        "Ana Lima [person]: Foreign Minister, PRT",
        "Where (2)",
        '"Monday" = 2024-03-11',
        'Ana Lima: "We are ready,"',
        "planned visit (CAMEO 042): Ana Lima, in Lisbon, 2024-03-11",
        "occurred accusation (CAMEO 111): Italy -> Ana Lima",
    ):
        assert part in out, part
    hostile = Extraction(id="x\x1b[2Jy", actors=(Actor(name="a\x07b\nc"),))
    assert "\x1b" not in to_text(hostile) and "\x07" not in to_text(hostile)
    assert "Not" not in to_text(Extraction(id="e", error="boom")) and "not extracted: boom" in to_text(
        Extraction(id="e", error="boom")
    )


@pytest.fixture()
def articles(tmp_path: pathlib.Path) -> list[pathlib.Path]:
    one = tmp_path / "one.txt"
    one.write_text("Foreign Minister Jane Doe of France will visit Madrid on Monday.", encoding="utf-8")
    two = tmp_path / "two.txt"
    two.write_text(
        '<script>x</script> Japan\'s prime minister met "guests" in Osaka on Friday.', encoding="utf-8"
    )
    return [one, two]


def test_cli_csv(articles: list[pathlib.Path]) -> None:
    result = CliRunner().invoke(
        main, ["extract", *map(str, articles), "--published", "2024-03-06", "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == ",".join(EVENT_COLUMNS)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["document_id"] for r in rows} <= {"one", "two"} and rows
    assert any(r["event_type"] == "visit" and r["document_id"] == "one" for r in rows)


def test_cli_html_and_text(articles: list[pathlib.Path], tmp_path: pathlib.Path) -> None:
    out = tmp_path / "page.html"
    args = ["extract", *map(str, articles), "--published", "2024-03-06", "--format", "html", "-o", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    _parse(page)
    assert "Timeline" in page and 'id="doc1"' in page and "&lt;script&gt;x&lt;/script&gt;" in page
    assert '<mark class="place' in page
    result = CliRunner().invoke(
        main, ["extract", str(articles[0]), "--published", "2024-03-06", "--format", "text"]
    )
    assert result.exit_code == 0 and result.stdout.startswith("one (published 2024-03-06)")
    assert "What happened" in result.stdout


def test_cli_formats_skip_failures(articles: list[pathlib.Path]) -> None:
    for fmt in ("csv", "html", "text"):
        result = CliRunner().invoke(main, ["extract", str(articles[0]), "missing.txt", "--format", fmt])
        assert result.exit_code == 1
        assert "missing.txt" in result.stderr and "missing" not in result.stdout


def test_cli_json_unchanged(articles: list[pathlib.Path]) -> None:
    from diplomacy_events import extract

    text = articles[0].read_text(encoding="utf-8")
    expected = extract(text, published="2024-03-06", id="one").to_dict()
    result = CliRunner().invoke(main, ["extract", str(articles[0]), "--published", "2024-03-06"])
    assert result.stdout == json.dumps(expected, ensure_ascii=False, indent=1) + "\n"
    result = CliRunner().invoke(
        main, ["extract", str(articles[0]), "--published", "2024-03-06", "--format", "jsonl"]
    )
    assert result.stdout == json.dumps(expected, ensure_ascii=False) + "\n"
