"""Real inputs: PDF text, web archives, and one clear line for formats we do not read."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus_builders import make_pdf, make_warc
from tui.corpus.loader import load_corpus

LINES = [
    "Council approves flood wall",
    "",
    "The city council approved the new flood wall on Tuesday after a long de-",
    "bate about its cost. The vote was seven to two.",
    "",
    "Work on the wall will start in the spring and take two years.",
]

ARTICLE = b"""<html><head><meta property="og:site_name" content="River Times">
<title>Council approves flood wall</title></head><body><article>
<h1>Council approves flood wall</h1>
<p>The city council approved the new flood wall on Tuesday after a long debate.</p>
<p>The vote was seven to two. Work will start in the spring.</p>
<p>The wall will take two years to build, officials said.</p>
</article></body></html>"""


def test_pdf_text_is_read_and_hyphenated_words_rejoined(tmp_path: Path) -> None:
    f = tmp_path / "council.pdf"
    f.write_bytes(make_pdf(LINES))
    result = load_corpus([f])
    doc = result.documents[0]
    assert doc.format == "pdf"
    texts = [s.plain for s in doc.statements]
    assert any("long debate about its cost" in t for t in texts)
    assert doc.title == "Council approves flood wall"


def test_damaged_pdf_is_one_line(tmp_path: Path) -> None:
    f = tmp_path / "broken.pdf"
    f.write_bytes(b"%PDF-1.4\n garbage")
    result = load_corpus([f])
    assert not result.documents
    assert len(result.problems) == 1 and "PDF" in result.problems[0].message


def test_warc_gives_one_document_per_captured_article(tmp_path: Path) -> None:
    f = tmp_path / "capture.warc.gz"
    f.write_bytes(make_warc([
        ("https://www.rivertimes.example/2025/11/26/flood-wall", "text/html; charset=utf-8", ARTICLE),
        ("https://ads.example/frame", "text/html", b"<html><body><p>Buy now!</p></body></html>"),
        ("https://www.rivertimes.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"),
    ]))
    result = load_corpus([tmp_path])
    assert len(result.documents) == 1
    doc = result.documents[0]
    assert doc.outlet == "River Times"
    assert doc.url == "https://www.rivertimes.example/2025/11/26/flood-wall"
    assert doc.published == "2025-11-26"
    assert doc.format == "warc"
    assert any("seven to two" in s.plain for s in doc.statements)


@pytest.mark.parametrize(("name", "content", "what"), [
    ("feed.rss", b"<rss><channel><item><title>x</title></item></channel></rss>", "RSS"),
    ("data.json", b'{"title": "x", "body": "The council met."}', "JSON"),
    ("story.docx", b"PK\x03\x04 not really", "Word"),
    ("page.mhtml", b"MIME-Version: 1.0\r\n", "MHTML"),
    ("notes", b'{"a": [1, 2, 3]}', "JSON"),
    ("export", b'<?xml version="1.0"?><doc><p>The council met.</p></doc>', "XML"),
])
def test_named_files_we_do_not_read_get_one_clear_line(tmp_path: Path, name: str,
                                                       content: bytes, what: str) -> None:
    f = tmp_path / name
    f.write_bytes(content)
    result = load_corpus([f])
    assert not result.documents
    assert len(result.problems) == 1
    assert what in result.problems[0].message and "not an article" in result.problems[0].message


def test_saved_page_assets_are_not_articles(tmp_path: Path) -> None:
    (tmp_path / "story.html").write_bytes(ARTICLE)
    assets = tmp_path / "story_files"
    assets.mkdir()
    (assets / "ad-frame.html").write_bytes(ARTICLE.replace(b"River Times", b"Ad Network"))
    docs = load_corpus([tmp_path]).documents
    assert [d.name for d in docs] == ["story.html"]
