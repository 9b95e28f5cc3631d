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
    ("book.epub", b"PK\x03\x04 not really", "EPUB"),
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


def _mhtml(html: bytes, charset: str = "utf-8") -> bytes:
    """A page as Chrome saves it: multipart/related, the HTML quoted-printable, then an image."""
    import quopri

    qp = quopri.encodestring(html)
    return (
        b"From: <Saved by Blink>\r\n"
        b"Snapshot-Content-Location: https://www.rivertimes.example/2025/11/26/flood-wall\r\n"
        b"Subject: Council approves flood wall\r\n"
        b"MIME-Version: 1.0\r\n"
        b'Content-Type: multipart/related; type="text/html"; boundary="----MultipartBoundary--x"'
        b"\r\n\r\n"
        b"------MultipartBoundary--x\r\n"
        b"Content-Type: text/html; charset=" + charset.encode() + b"\r\n"
        b"Content-ID: <frame-1@mhtml.blink>\r\n"
        b"Content-Transfer-Encoding: quoted-printable\r\n"
        b"Content-Location: https://www.rivertimes.example/2025/11/26/flood-wall\r\n\r\n"
        + qp.replace(b"\n", b"\r\n") + b"\r\n"
        b"------MultipartBoundary--x\r\n"
        b"Content-Type: image/png\r\n"
        b"Content-Transfer-Encoding: base64\r\n"
        b"Content-Location: https://www.rivertimes.example/logo.png\r\n\r\n"
        b"iVBORw0KGgo=\r\n"
        b"------MultipartBoundary--x--\r\n"
    )


def test_mhtml_reads_the_html_part_like_an_html_page(tmp_path: Path) -> None:
    page = ARTICLE.replace(b"<h1>", b'<nav><a href="/">Home</a></nav><h1 class="x=3">')
    f = tmp_path / "flood.mhtml"
    f.write_bytes(_mhtml(page))
    result = load_corpus([tmp_path])
    assert not result.problems
    (doc,) = result.documents
    assert doc.format == "mhtml"
    assert doc.outlet == "River Times"
    assert doc.title == "Council approves flood wall"
    assert doc.url == "https://www.rivertimes.example/2025/11/26/flood-wall"
    assert "Home" not in doc.text and "=3D" not in doc.text
    assert any("seven to two" in s.plain for s in doc.statements)
    for s in doc.statements:
        assert doc.text[s.start:s.end] == s.text


def test_mhtml_honours_the_part_charset(tmp_path: Path) -> None:
    greek = "Η βουλή ψήφισε τον νέο προϋπολογισμό με μεγάλη πλειοψηφία την Τρίτη."
    html = f"<html><body><article><p>{greek}</p><p>{greek}</p></article></body></html>"
    f = tmp_path / "vouli.mht"
    f.write_bytes(_mhtml(html.encode("cp1253"), charset="windows-1253"))
    (doc,) = load_corpus([f]).documents
    assert doc.statements[0].text == greek


def test_mhtml_without_html_is_one_line(tmp_path: Path) -> None:
    f = tmp_path / "odd.mhtml"
    f.write_bytes(b"MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nhello\r\n")
    result = load_corpus([f])
    assert not result.documents
    assert [p.message for p in result.problems] == ["MHTML without an HTML part; nothing to read"]


def test_a_wacz_package_reads_each_captured_article(tmp_path: Path) -> None:
    import zipfile

    page = (b"<html><head><meta property='og:site_name' content='Radio Dunmore'>"
            b"<title>River at record</title></head><body><article><h1>River at record</h1>"
            b"<p>The river in Dunmore rose four metres overnight, officials said on Tuesday.</p>"
            b"<p>Schools will remain closed until Friday, the mayor said.</p>"
            b"<p>More rain is forecast for Thursday across the valley.</p></article></body></html>")
    package = tmp_path / "capture.wacz"
    with zipfile.ZipFile(package, "w") as z:
        z.writestr("datapackage.json", "{}")
        z.writestr("archive/data.warc.gz", make_warc([("https://radio.example/river", "text/html", page)]))
    result = load_corpus([str(package)])
    assert not [p for p in result.problems if p.fatal], result.problems
    [doc] = result.documents
    assert doc.outlet == "Radio Dunmore"
    assert any("four metres" in s.text for s in doc.statements)

    broken = tmp_path / "broken.wacz"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    problems = load_corpus([str(broken)]).problems
    assert len(problems) == 1 and "WACZ" in problems[0].message and "broken.wacz" in problems[0].path
