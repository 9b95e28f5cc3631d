"""Loading files and folders: bad input, encodings, formats and the sample corpus."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui.corpus import SpanKind, document_from_text, load_corpus
from tui.paths import sample_corpus_dir

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"
ARTICLE = "Putin arrived in Bishkek on Tuesday. Japarov met him at the airport.\n"


def only_problem(result: object, path: Path) -> str:
    problems = [p for p in result.problems if p.fatal]  # type: ignore[attr-defined]
    assert len(problems) == 1, problems
    assert problems[0].path == str(path)
    assert "\n" not in str(problems[0])
    return problems[0].message


def good_file(tmp_path: Path) -> Path:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    return good


# ------------------------------------------------------------------ bad input


def test_missing_path_is_reported_and_rest_loads(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = load_corpus([missing, good_file(tmp_path)])
    assert only_problem(result, missing) == "no such file or directory"
    assert [d.id for d in result.documents] == ["d1"]
    assert result.documents[0].path == str(tmp_path / "good.txt")


def test_folder_without_articles(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (folder / ".hidden.txt").write_text(ARTICLE)
    result = load_corpus([folder, good_file(tmp_path)])
    assert "no articles" in only_problem(result, folder)
    assert len(result.documents) == 1


def test_binary_file(tmp_path: Path) -> None:
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"Some text\x00\x01\x02\x03" * 50)
    result = load_corpus([binary, good_file(tmp_path)])
    assert only_problem(result, binary) == "binary file, not an article"
    assert len(result.documents) == 1


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \r\n"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(content)
    result = load_corpus([empty, good_file(tmp_path)])
    assert only_problem(result, empty).startswith("empty file")
    assert len(result.documents) == 1


def test_too_large(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(21 * 1024 * 1024)  # sparse: no need to write 21 MB
    result = load_corpus([big, good_file(tmp_path)])
    assert only_problem(result, big) == "too large to be an article (21 MB > 20 MB)"
    assert len(result.documents) == 1


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_permission_denied(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(ARTICLE)
    locked.chmod(0)
    try:
        result = load_corpus([locked, good_file(tmp_path)])
    finally:
        locked.chmod(0o644)
    assert only_problem(result, locked) == "permission denied"
    assert len(result.documents) == 1


def test_nothing_left_after_cleaning(tmp_path: Path) -> None:
    chrome = tmp_path / "chrome.txt"
    chrome.write_text("VK X OK WhatsApp Telegram\n\nRead also:\n\nWrite a comment:\n\nComments\n")
    result = load_corpus([chrome, good_file(tmp_path)])
    assert "no statements" in only_problem(result, chrome)
    assert len(result.documents) == 1


def test_folder_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "b").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "b" / "two.md").write_text("One more claim was made.\n")
    (root / "a.txt").write_text("A first claim was made.\n")
    (root / "c.html").write_text("<p>A third claim was made.</p>")
    (root / "notes.docx").write_text("Not an article type.")
    (root / ".git" / "x.txt").write_text("Hidden claim.")
    result = load_corpus([str(root)])
    assert result.problems == ()
    assert [d.path for d in result.documents] == [
        os.path.join(str(root), "a.txt"),
        os.path.join(str(root), "b", "two.md"),
        os.path.join(str(root), "c.html"),
    ]
    assert [d.id for d in result.documents] == ["d1", "d2", "d3"]
    assert [d.format for d in result.documents] == ["txt", "md", "html"]


def test_explicit_file_with_other_extension_is_read_as_text(tmp_path: Path) -> None:
    odd = tmp_path / "article.log"
    odd.write_text(ARTICLE)
    result = load_corpus([odd])
    assert len(result.documents) == 1 and result.documents[0].format == "txt"


# ------------------------------------------------------------------ encodings


CYRILLIC = "Путин прибыл в Бишкек во вторник. Жапаров встретил его в аэропорту.\n"


@pytest.mark.parametrize(
    ("data", "encoding", "warned"),
    [
        (CYRILLIC.encode("utf-8"), "utf-8", False),
        (b"\xef\xbb\xbf" + CYRILLIC.encode("utf-8"), "utf-8-sig", False),
        (CYRILLIC.encode("utf-16"), "utf-16", False),
        (b"\xff\xfe" + CYRILLIC.encode("utf-16-le"), "utf-16", False),
        (b"\xfe\xff" + CYRILLIC.encode("utf-16-be"), "utf-16", False),
        (CYRILLIC.encode("cp1251"), "cp1251", True),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-native", "utf-16-le", "utf-16-be", "cp1251"],
)
def test_encodings(tmp_path: Path, data: bytes, encoding: str, warned: bool) -> None:
    f = tmp_path / "ru.txt"
    f.write_bytes(data)
    result = load_corpus([f])
    (doc,) = result.documents
    assert doc.encoding == encoding
    assert doc.text == CYRILLIC
    assert doc.statements[0].text == "Путин прибыл в Бишкек во вторник."
    warnings = [p for p in result.problems if not p.fatal]
    assert bool(warnings) == warned
    if warned:
        assert encoding in warnings[0].message


@pytest.mark.parametrize("bad", [b"\x81", b"\x9d\xff"])
def test_mostly_utf8_with_a_few_bad_bytes_stays_utf8(tmp_path: Path, bad: bytes) -> None:
    text = "Le café du président a été fermé mardi. Les négociations reprennent.\n"
    f = tmp_path / "fr.txt"
    f.write_bytes(text.encode("utf-8").replace(b"mardi", b"mardi" + bad))
    result = load_corpus([f])
    (doc,) = result.documents
    assert doc.encoding == "utf-8"
    assert "café du président a été fermé" in doc.text and "Ã" not in doc.text
    assert "mardi\ufffd" in doc.text
    (warning,) = [p for p in result.problems if not p.fatal]
    assert "UTF-8" in warning.message and "replaced" in warning.message


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [ARTICLE, CYRILLIC], ids=["latin", "cyrillic"])
def test_utf16_without_bom_is_detected(tmp_path: Path, codec: str, text: str) -> None:
    f = tmp_path / "nobom.txt"
    f.write_bytes(text.encode(codec))
    result = load_corpus([f])
    (doc,) = result.documents
    assert doc.text == text
    assert doc.encoding == codec
    (warning,) = [p for p in result.problems if not p.fatal]
    assert "byte order mark" in warning.message


def test_binary_with_nuls_is_still_binary(tmp_path: Path) -> None:
    f = tmp_path / "blob.txt"
    f.write_bytes(bytes(range(256)) * 8)
    assert "binary" in only_problem(load_corpus([f]), f)


def test_western_legacy_encoding_is_not_mistaken_for_cyrillic(tmp_path: Path) -> None:
    text = "Le président a visité Bishkek mardi. Les négociations ont été longues.\n"
    f = tmp_path / "fr.txt"
    f.write_bytes(text.encode("cp1252"))
    result = load_corpus([f])
    assert result.documents[0].text == text
    assert result.documents[0].encoding == "cp1252"
    assert any("cp1252" in p.message and not p.fatal for p in result.problems)


@pytest.mark.parametrize("newline", [b"\r\n", b"\r"])
def test_newlines_are_normalised(tmp_path: Path, newline: bytes) -> None:
    f = tmp_path / "crlf.txt"
    f.write_bytes(newline.join([b"Short Headline Here", b"", b"A first claim.", b"A second claim."]))
    doc = load_corpus([f]).documents[0]
    assert "\r" not in doc.text
    assert doc.title == "Short Headline Here"
    assert [s.text for s in doc.statements] == ["A first claim.", "A second claim."]
    assert [s.paragraph for s in doc.statements] == [1, 2]


def test_fingerprint_is_sha256_of_text() -> None:
    doc = document_from_text(ARTICLE, doc_id="d7", path="mem")
    assert doc.fingerprint == hashlib.sha256(doc.text.encode()).hexdigest()
    assert doc.statements[1].id == "d7:1"


# ------------------------------------------------------------------ cleaning


def test_sentence_first_line_stays_a_statement_and_gives_a_short_title() -> None:
    text = ("Kyrgyz President Sadyr Japarov has underscored the critical role of the Russian "
            "airbase in Kant, Central Asia, as a cornerstone of regional stability.\nMore text.\n")
    doc = document_from_text(text, doc_id="d1", path="x")
    assert doc.statements[0].start == 0
    assert doc.title.endswith("…") and len(doc.title) <= 81
    assert doc.title.startswith("Kyrgyz President Sadyr Japarov")
    assert not any(s.kind is SpanKind.TITLE for s in doc.spans)


def test_bullets_are_statements_without_the_bullet() -> None:
    text = "Alliance Notes\n\nThis is an alliance that:\n\n• has withstood the test of time,\n"
    doc = document_from_text(text, doc_id="d1", path="x")
    assert [s.text for s in doc.statements] == ["This is an alliance that:",
                                                "has withstood the test of time,"]


SAMPLE_BOILERPLATE = {
    "- Times Tengri", "Times Tengri", "- 1 day ago", "1 day ago", "- 5 min read", "5 min read",
    "Арестова Татьяна Politics", "VK X OK WhatsApp Telegram", "Read also:", "Write a comment:",
    "Comments", "Historical Context of the Visit", "I. A State Visit Highlighting the Alliance",
    "V. Conclusion", "Conclusion: A Quality Alliance",
}


def test_sample_corpus() -> None:
    result = load_corpus([sample_corpus_dir()])
    assert result.problems == ()
    docs = result.documents
    assert len(docs) == 5
    titles = {d.name: d.title for d in docs}
    assert titles["times-tengri-russia-remains-ally.txt"] == (
        "Japarov Tells Putin: Russia Remains Our Ally and Strategic Partner"
    )
    assert titles["behind-the-scenes-bishkek-big-politics.txt"] == (
        "Behind the Scenes of Putin's Visit: Why Bishkek Became a Center of Big Politics"
    )
    assert titles["japarov-kant-airbase-putin-arrival.txt"].startswith("Kyrgyz President Sadyr")
    texts = [s.text for d in docs for s in d.statements]
    assert not SAMPLE_BOILERPLATE & set(texts)
    assert not any(t.startswith("•") for t in texts)
    assert ("Putin’s arrival in Kyrgyzstan on November 25th was met with a spectacle of military "
            "precision and cultural reverence.") in texts
    assert "157 Russian teachers are working in the republic." in texts
    tengri = next(d for d in docs if d.name.startswith("times-tengri"))
    kinds = {s.text: s.kind for s in tengri.spans}
    assert kinds["1 day ago"] is SpanKind.BYLINE
    assert kinds["I. A State Visit Highlighting the Alliance"] is SpanKind.HEADING
    assert kinds["Comments"] is SpanKind.BOILERPLATE
    for d in docs:
        assert d.fingerprint == hashlib.sha256(d.text.encode()).hexdigest()
        for s in d.statements:
            assert d.text[s.start : s.end] == s.text


# ------------------------------------------------------------------ formats


def test_html_fixture() -> None:
    path = FIXTURES / "article.html"
    (doc,) = load_corpus([path]).documents
    assert doc.format == "html"
    assert doc.title == "Parliament Ratifies Air Defence Pact"
    for junk in ("tracking", "font-family", "Injected", "Subscribe", "Sponsored", "Copyright",
                 "draft comment", "Read also", "World"):
        assert junk not in doc.text
    texts = [s.text for s in doc.statements]
    assert ("Kyrgyzstan’s parliament ratified the agreement on Wednesday & sent it to the "
            "president.") in texts
    assert "Dr. Aliev declined to comment." in texts
    assert "The agreement was signed in Bishkek." in texts
    assert "By Jane Holloway" not in texts
    assert any(s.kind is SpanKind.HEADING and s.text == "What the deal means" for s in doc.spans)


def test_markdown_fixture_offsets_point_into_the_raw_file() -> None:
    path = FIXTURES / "article.md"
    raw = path.read_text(encoding="utf-8")
    (doc,) = load_corpus([path]).documents
    assert doc.text == raw
    assert doc.title == "Putin Visits Bishkek"
    by_plain = {s.plain: s for s in doc.statements}
    first = by_plain["Vladimir Putin arrived in Bishkek on November 25th."]
    assert raw[first.start : first.end] == "Vladimir Putin arrived in **Bishkek** on *November 25th*."
    assert "He was met by Sadyr Japarov at the airport." in by_plain
    assert "Nine schools are being built in Kyrgyzstan." in by_plain
    assert not any("print" in s.text or "author" in s.text for s in doc.statements)
    assert any(s.kind is SpanKind.HEADING and s.text == "The talks" for s in doc.spans)


def test_markdown_heading_title_without_front_matter() -> None:
    doc = document_from_text("# A *Big* Day\n\nIt rained.\n", doc_id="d1", path="x.md", fmt="md")
    assert doc.title == "A Big Day"
    assert [s.text for s in doc.statements] == ["It rained."]


# ------------------------------------------------------------------ layering


def test_corpus_does_not_import_textual() -> None:
    code = (
        "import sys, tui.corpus\n"
        "tui.corpus.document_from_text('A claim.', doc_id='d1', path='x')\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
    )
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = (
        "Wrapped Article Title\n\n"
        "The president of Kyrgyzstan met his Russian counterpart in\n"
        "Bishkek on Tuesday, officials said. The two leaders signed\n"
        "several agreements on energy and trade, according to the\n"
        "presidential press service.\n"
    )
    doc = document_from_text(text, doc_id="d1", path="x")
    assert [s.plain for s in doc.statements] == [
        "The president of Kyrgyzstan met his Russian counterpart in Bishkek on Tuesday, "
        "officials said.",
        "The two leaders signed several agreements on energy and trade, according to the "
        "presidential press service.",
    ]
    assert {s.paragraph for s in doc.statements} == {1}


def test_header_metadata_lines_are_bylines() -> None:
    text = ("Headline\n- By Anna Ivanova\n- November 26, 2025\n- Updated 10:45\n\n"
            "The talks lasted four hours.\n")
    doc = document_from_text(text, doc_id="d1", path="x")
    assert [s.text for s in doc.statements] == ["The talks lasted four hours."]
    assert [s.kind for s in doc.spans] == [SpanKind.TITLE] + [SpanKind.BYLINE] * 3


def test_too_much_text_is_refused_with_one_line(tmp_path: Path) -> None:
    """An article over MAX_TEXT_CHARS of text would take gigabytes to index (benchmarks/memory_edge.py)."""
    from tui.corpus.loader import MAX_BYTES, MAX_TEXT_CHARS

    sentence = "The minister said the plan would cost 40 million. "
    big = tmp_path / "big.txt"
    big.write_text(sentence * (MAX_TEXT_CHARS // len(sentence) + 10), encoding="utf-8")
    assert big.stat().st_size < MAX_BYTES
    result = load_corpus([big, good_file(tmp_path)])
    message = only_problem(result, big)
    assert message.startswith("too much text to compare (2.0 million characters > 2 million)")
    assert len(result.documents) == 1
    html = tmp_path / "page.html"  # a page heavy with markup is judged by its text, not its bytes
    html.write_text("<html><body>" + "<div class='x' data-y='z'></div>" * 100_000
                    + "<p>" + sentence * 20 + "</p></body></html>", encoding="utf-8")
    assert len(load_corpus([html]).documents) == 1
