"""Documents know their source: sidecars, sources.toml, front matter, HTML metadata, file name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.corpus import source
from tui.corpus.dates import parse_date
from tui.corpus.loader import load_corpus

BODY = "The council approved the budget on Tuesday. The vote was seven to two.\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("26.11.2025", "2025-11-26"),
        ("26/11/2025", "2025-11-26"),
        ("11/26/2025", "2025-11-26"),
        ("2025-11-26", "2025-11-26"),
        ("2025-11-26T09:30:00Z", "2025-11-26T09:30:00Z"),
        ("2025-11-26T09:30:00+0600", "2025-11-26T09:30:00+06:00"),
        ("November 26, 2025", "2025-11-26"),
        ("26 ноября 2025", "2025-11-26"),
        ("26 de noviembre de 2025", "2025-11-26"),
        ("26. November 2025", "2025-11-26"),
        ("26 novembre 2025", "2025-11-26"),
        ("Mi., 26. Dezember 2025", "2025-12-26"),
        ("26 Νοεμβρίου 2025", "2025-11-26"),
        ("not a date", None),
        ("31.02.2025", None),
    ],
)
def test_dates_in_many_spellings(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


def test_meta_json_sidecar_names_outlet_url_and_date(tmp_path: Path) -> None:
    (tmp_path / "01_foxnews.txt").write_text("Budget passes\n\n" + BODY)
    (tmp_path / "meta.json").write_text(json.dumps({"articles": [
        {"file": "01_foxnews.txt", "outlet": "foxnews", "url": "http://www.foxnews.com/a",
         "date": "2010-02-20", "title": "Budget passes"}]}))
    doc = load_corpus([tmp_path]).documents[0]
    assert (doc.outlet, doc.url, doc.published) == ("foxnews", "http://www.foxnews.com/a",
                                                    "2010-02-20")


def test_sources_toml_wins_over_meta_json_and_the_page(tmp_path: Path) -> None:
    (tmp_path / "story.html").write_text(
        '<html><head><meta property="og:site_name" content="Page Says">'
        "<title>Budget</title></head><body><p>" + BODY + "</p></body></html>")
    (tmp_path / "meta.json").write_text(json.dumps({"articles": [
        {"file": "story.html", "outlet": "Sidecar Says", "url": "https://x.example/a"}]}))
    (tmp_path / "sources.toml").write_text(
        '["story.html"]\noutlet = "Reuters"\npublished = "26.11.2025"\nauthor = "Jane Roe"\n')
    doc = load_corpus([tmp_path]).documents[0]
    assert (doc.outlet, doc.url, doc.published, doc.author) == (
        "Reuters", "https://x.example/a", "2025-11-26", "Jane Roe")


def test_broken_sources_toml_is_one_warning_and_the_article_loads(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "sources.toml").write_text("[a.txt\noutlet=")
    result = load_corpus([tmp_path])
    assert len(result.documents) == 1
    assert [p.fatal for p in result.problems] == [False]
    assert "sources.toml" in result.problems[0].path


def test_html_metadata() -> None:
    page = """<html><head>
    <meta property="og:site_name" content="The Guardian">
    <link rel="canonical" href="https://www.theguardian.com/world/2025/nov/26/x">
    <meta property="article:published_time" content="2025-11-26T08:00:00Z">
    <meta name="author" content="Jane Roe">
    </head><body><p>x</p></body></html>"""
    info = source.from_html(page)
    assert info == source.SourceInfo("The Guardian", "https://www.theguardian.com/world/2025/nov/26/x",
                                     "2025-11-26T08:00:00Z", "Jane Roe")


def test_html_json_ld_when_no_meta_tags() -> None:
    page = ('<script type="application/ld+json">{"@type":"NewsArticle","datePublished":'
            '"2025-11-26","publisher":{"@type":"Organization","name":"AKIpress"},'
            '"author":{"name":"Ivan Petrov"}}</script><p>x</p>')
    info = source.from_html(page)
    assert (info.outlet, info.published, info.author) == ("AKIpress", "2025-11-26", "Ivan Petrov")


def test_markdown_front_matter(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "---\ntitle: Budget passes\noutlet: \"Kloop\"\ndate: 26/11/2025\nauthors:\n  - Jane Roe\n"
        "  - John Doe\nurl: https://kloop.kg/a\n---\n\n" + BODY)
    doc = load_corpus([tmp_path / "a.md"]).documents[0]
    assert (doc.outlet, doc.published, doc.author, doc.url) == (
        "Kloop", "2025-11-26", "Jane Roe, John Doe", "https://kloop.kg/a")
    assert doc.title == "Budget passes"


def test_toml_front_matter() -> None:
    info = source.from_front_matter('+++\npublisher = "AP"\ndate = 2025-11-26\n+++\nBody.\n')
    assert (info.outlet, info.published) == ("AP", "2025-11-26")


def test_file_name_and_url_fallbacks(tmp_path: Path) -> None:
    (tmp_path / "03_reuters.txt").write_text(BODY)
    (tmp_path / "plain-name.txt").write_text(BODY)
    docs = load_corpus([tmp_path]).documents
    assert [d.outlet for d in docs] == ["reuters", ""]
    assert [d.source for d in docs] == ["reuters", "plain-name.txt"]
    info = source.resolve(source.SourceInfo(url="https://www.nytimes.com/2018/04/17/world/x.html"))
    assert (info.outlet, info.published) == ("nytimes.com", "2018-04-17")


def test_report_names_the_outlet_first(tmp_path: Path) -> None:
    from tui.claims import build_index
    from tui.report import to_json_data, to_text

    (tmp_path / "01_reuters.txt").write_text(BODY)
    index = build_index(load_corpus([tmp_path]).documents, semantic=False)
    doc = to_json_data(index)["documents"][0]
    assert list(doc)[:2] == ["id", "outlet"] and doc["outlet"] == "reuters"
    line = next(x for x in to_text(index).splitlines() if x.startswith("  d1"))
    assert line.split()[1] == "reuters"
