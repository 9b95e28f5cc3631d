"""Markdown export: golden file, CommonMark structure, escaping, atomic writing."""

from __future__ import annotations

import json
import os
import re
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from fixtures.notes.helpers import golden_corpus
from tui.claims.model import ClaimIndex
from tui.exports.collect import collect
from tui.exports.escape import md_block, md_inline
from tui.exports.markdown import default_export_name, export_markdown
from tui.notes import AnchoredNote, AnchorState, ExportError, Note, anchor_notes, write_atomically
from tui.notes.anchor import resolve_path, selector_for

GOLDEN = Path(__file__).parent / "fixtures" / "notes" / "export_golden.md"
EXPORTED_AT = datetime(2025, 11, 27, 16, 30, tzinfo=UTC)


def _note(
    index: ClaimIndex, sid: str, body: str, minute: int, quote: str | None = None, rating: str | None = None
) -> Note:
    from tui.notes import parse_tags

    st_ = index.statements[sid]
    doc = next(d for d in index.documents if d.id == st_.doc_id)
    sel = selector_for(doc, st_.start, st_.end)
    stamp = f"2025-11-27T10:{minute:02d}:00.000Z"
    return Note(
        id=f"note-{minute:02d}",
        fingerprint=doc.fingerprint if quote is None else "an-older-version",
        doc_path=doc.path,
        doc_abspath=resolve_path(doc.path),
        quote=quote if quote is not None else sel.quote,
        prefix=sel.prefix,
        suffix=sel.suffix,
        start=sel.start,
        end=sel.end,
        body=body,
        tags=parse_tags(body),
        created_at=stamp,
        updated_at=stamp,
        revision=1,
        rating=rating,
    )


def golden_inputs() -> tuple[ClaimIndex, list[AnchoredNote]]:
    index = golden_corpus()
    notes = [
        _note(index, "d1:0", "Which date is right? #verify\nTASS says the 25th.\n\n<script>alert('x')</script> & 5 > 3", 1),
        _note(index, "d1:1", "Matches Reuters word for word. #confirmed", 2),
        _note(index, "d1:2", "# not a heading\n- not a list\n1. not ordered\n---\n    not code\n[[wiki]] $x$ %%hidden%%", 3),
        _note(index, "d2:1", "The blog says nothing was signed. #false #verify", 4, rating="mostly true"),
        _note(index, "d2:2", "", 5),
        _note(index, "d1:0", "Second note, terminal escape \x1b[31mred\x1b[0m here.", 6, rating="false"),
        _note(index, "d3:1", "Was it a week? #verify", 7, quote="Putin stayed in Kyrgyzstan for a whole week."),
    ]
    placed = anchor_notes(notes, index.documents)
    assert len(placed) == len(notes)
    return index, placed


def render() -> str:
    index, placed = golden_inputs()
    title = "Putin in Bishkek: <notes> & *checks*"
    return export_markdown(collect(index, placed, title=title, exported_at=EXPORTED_AT))


def test_export_matches_the_golden_file() -> None:
    text = render()
    if os.environ.get("SEEDREADER_REGEN_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


# -- structure --------------------------------------------------------------------------------


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").use(front_matter_plugin)


def _walk(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for token in tokens:
        out.append(token)
        if token.children:
            out.extend(_walk(token.children))
    return out


def _inline_text(token: Token) -> str:
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        else:
            parts.append(f"<{child.type}>")
    return "".join(parts)


def _front_matter(text: str) -> dict[str, Any]:
    tokens = _parser().parse(text)
    assert tokens[0].type == "front_matter"
    data: dict[str, Any] = {"sources": []}
    for line in tokens[0].content.splitlines():
        if line.startswith("  - title: "):
            data["sources"].append({"title": json.loads(line[len("  - title: ") :])})
        elif line.startswith("    "):
            key, value = line.strip().split(": ", 1)
            data["sources"][-1][key] = json.loads(value)
        elif line != "sources:":
            key, value = line.split(": ", 1)
            data[key] = json.loads(value) if value.startswith(("\"", "[")) or value.isdigit() else value
    return data


def test_export_is_commonmark_with_front_matter_and_no_html() -> None:
    text = render()
    tokens = _parser().parse(text)
    every = _walk(tokens)
    assert not [t for t in every if t.type in ("html_block", "html_inline")]
    assert not [t for t in every if t.type in ("link_open", "image", "em_open", "strong_open") and t.level < 0]

    meta = _front_matter(text)
    assert meta["title"] == "Putin in Bishkek: <notes> & *checks*"
    assert meta["exported"] == "2025-11-27T16:30:00Z"
    assert [s["path"] for s in meta["sources"]] == ["corpus/tass.txt", "corpus/reuters.md", "corpus/blog.html"]
    assert meta["sources"][2]["title"] == "A blog <script>alert(1)</script>"
    assert (meta["notes"], meta["orphaned"]) == (7, 1)
    assert meta["tags"] == ["confirmed", "false", "verify"]

    headings = [
        (tokens[i].tag, _inline_text(tokens[i + 1])) for i, t in enumerate(tokens) if t.type == "heading_open"
    ]
    assert headings[0] == ("h1", "Putin in Bishkek: <notes> & *checks*")
    h2 = [title for tag, title in headings if tag == "h2"]
    assert h2 == [
        "TASS: Putin lands in Bishkek",
        "Reuters: Putin visits Kyrgyzstan",
        "Orphaned notes",
        "Conflicts in the corpus",
    ]

    quotes = []
    for i, token in enumerate(tokens):
        if token.type == "blockquote_open":
            assert tokens[i + 1].type == "paragraph_open" and tokens[i + 2].type == "inline"
            if not tokens[i + 2].content.startswith("[!"):  # callouts: see test_conflicts_are_callouts
                quotes.append(_inline_text(tokens[i + 2]))
    index = golden_corpus()
    s = index.statements
    assert quotes == [
        s["d1:0"].text,
        s["d1:1"].text,
        s["d1:2"].text,
        s["d2:1"].text,
        s["d2:2"].text,
        "Putin stayed in Kyrgyzstan for a whole week.",
    ]


def test_conflicts_show_the_other_versions_and_the_summary() -> None:
    text = render()
    html = _parser().render(text)
    assert "<strong>Status:</strong> conflicting (2 sources): date: 25 November ≠ 26 November (Reuters)" in html
    assert (
        "<blockquote>\n<p>[!warning] date: 25 November ≠ 26 November\n"
        "<em>Reuters: Putin visits Kyrgyzstan</em>, statement 1: Putin arrived in Bishkek on 26 November.</p>"
    ) in html
    assert "<em>A blog &lt;script&gt;alert(1)&lt;/script&gt;</em>, statement 1: Putin did not sign" in html
    summary = text.split("## Conflicts in the corpus", 1)[1]
    assert "2 conflicts." in summary
    assert "> [!warning] date: 25 November ≠ 26 November (arrival)\n> - *TASS: Putin lands in Bishkek*, statement 1" in summary
    assert "> [!warning] negation: signed ≠ did not sign (agreements)" in summary


def test_notes_keep_their_text_tags_and_lines() -> None:
    tokens = _parser().parse(render())
    paragraphs = [_inline_text(tokens[i + 1]) for i, t in enumerate(tokens) if t.type == "paragraph_open"]
    assert "Which date is right? #verify\nTASS says the 25th." in paragraphs
    assert "<script>alert('x')</script> & 5 > 3" in paragraphs
    assert "# not a heading\n- not a list\n1. not ordered\n---\nnot code\n[[wiki]] $x$ %%hidden%%" in paragraphs
    assert "Second note, terminal escape \ufffd[31mred\ufffd[0m here." in paragraphs
    assert (
        "<strong_open>Note<strong_close> · <strong_open>Rating: mostly true<strong_close> · #false #verify · "
        "2025-11-27 10:04 UTC"
    ) in paragraphs
    assert "<em_open>(no text)<em_close>" in paragraphs
    assert "\x1b" not in render()


# -- escaping properties ----------------------------------------------------------------------


_TEXT = st.text(
    st.characters(blacklist_categories=("Cs",)) | st.sampled_from(list("\\`*_[]<>#|~$&-+=!().:%\"' \n\t1")),
    max_size=120,
)


@settings(max_examples=300, deadline=None)
@given(text=_TEXT)
def test_inline_escaping_keeps_any_text_literal(text: str) -> None:
    rendered = md_inline(text)
    tokens = MarkdownIt("commonmark").parse(rendered)
    expected = " ".join(text.translate(_CONTROLS).split())
    if not expected:
        assert tokens == []
        return
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    assert _inline_text(tokens[1]) == expected


@settings(max_examples=300, deadline=None)
@given(text=_TEXT)
def test_block_escaping_keeps_lines_and_paragraphs(text: str) -> None:
    rendered = md_block(text)
    tokens = MarkdownIt("commonmark").parse(rendered)
    paragraphs: list[list[str]] = [[]]
    for line in text.translate(_CONTROLS).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        words = " ".join(line.split())
        if words:
            paragraphs[-1].append(words)
        elif paragraphs[-1]:
            paragraphs.append([])
    expected = ["\n".join(p) for p in paragraphs if p]
    assert {t.type for t in tokens} <= {"paragraph_open", "inline", "paragraph_close"}
    assert [_inline_text(t) for t in tokens if t.type == "inline"] == expected


_CONTROLS = {c: "\ufffd" for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]}
_BIDI_AND_FORMAT = [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0xFEFF, 0xFFF9, 0xFFFA, 0xFFFB]
_CONTROLS.update({c: "\ufffd" for c in _BIDI_AND_FORMAT})
_CONTROLS.update({0x0D: "\r", 0x85: "\n", 0x2028: "\n", 0x2029: "\n"})


def test_bidi_overrides_in_notes_do_not_reorder_the_export() -> None:
    assert md_inline("invoice\u202etxt.exe") == "invoice\ufffdtxt.exe"
    assert md_block("a\u2067b\n\u2069c") == "a\ufffdb\\\n\ufffdc"


# -- writing ----------------------------------------------------------------------------------


def test_write_atomically_creates_and_refuses_to_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "notes.md"
    write_atomically(out, "first ✓\n", force=False)
    assert out.read_text(encoding="utf-8") == "first ✓\n"
    with pytest.raises(ExportError) as caught:
        write_atomically(out, "second\n", force=False)
    assert caught.value.exists and caught.value.message == f"{out}: already exists; use --force to overwrite it"
    assert out.read_text(encoding="utf-8") == "first ✓\n"
    write_atomically(out, "second\n", force=True)
    assert out.read_text(encoding="utf-8") == "second\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.md"]


def test_write_atomically_needs_an_existing_directory(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "notes.md"
    with pytest.raises(ExportError, match="does not exist") as caught:
        write_atomically(missing, "x", force=True)
    assert caught.value.message.startswith(str(missing)) and not caught.value.exists
    with pytest.raises(ExportError, match="is a directory"):
        write_atomically(tmp_path, "x", force=True)
    assert not (tmp_path / "no").exists()


def test_write_atomically_keeps_the_old_file_when_writing_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "notes.md"
    out.write_text("old", encoding="utf-8")

    def broken_fsync(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(ExportError, match="cannot write"):
        write_atomically(out, "new", force=True)
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.md"]


def test_suggested_file_name() -> None:
    assert default_export_name("Putin in Bishkek: <notes>", EXPORTED_AT) == "notes-putin-in-bishkek-notes-2025-11-27.md"
    assert default_export_name("???", EXPORTED_AT) == "notes-corpus-2025-11-27.md"


def test_empty_export_is_still_valid() -> None:
    index = golden_corpus()
    text = export_markdown(collect(index, [], title="Nothing yet", exported_at=EXPORTED_AT))
    tokens = _parser().parse(text)
    assert tokens[0].type == "front_matter"
    assert "0 notes on 0 of 3 articles" in text
    assert "## Orphaned notes" not in text and "## Conflicts in the corpus" in text
    assert AnchorState.ORPHANED.value == "orphaned"


# -- Obsidian: callouts, block ids, no internal ids ------------------------------------------

INTERNAL_ID = re.compile(r"\bd\d+:\d+\b")


def _callouts(tokens: list[Token]) -> list[tuple[str, list[str]]]:
    """(first line, following lines) of every blockquote whose paragraph starts ``[!kind]``."""
    found = []
    for i, token in enumerate(tokens):
        if token.type == "blockquote_open" and tokens[i + 2].content.startswith("[!"):
            first, *rest = tokens[i + 2].content.split("\n")
            if not rest:  # a list inside the callout: its items follow
                depth, j = 1, i + 3
                while depth:
                    depth += {"blockquote_open": 1, "blockquote_close": -1}.get(tokens[j].type, 0)
                    if tokens[j].type == "inline":
                        rest.append(tokens[j].content)
                    j += 1
            found.append((first, rest))
    return found


def test_conflicts_are_callouts_that_survive_commonmark() -> None:
    tokens = _parser().parse(render())
    callouts = _callouts(tokens)
    assert [first for first, _ in callouts] == [
        "[!warning] date: 25 November ≠ 26 November",
        "[!warning] negation: signed ≠ did not sign",
        "[!warning] date: 25 November ≠ 26 November (arrival)",
        "[!warning] negation: signed ≠ did not sign (agreements)",
    ]
    assert callouts[2][1] == [
        "*TASS: Putin lands in Bishkek*, statement 1: Putin lands in Bishkek on 25 November.",
        "*Reuters: Putin visits Kyrgyzstan*, statement 1: Putin arrived in Bishkek on 26 November.",
    ]


def test_possible_conflicts_are_question_callouts() -> None:
    index = golden_corpus()
    claims = tuple(
        replace(claim, conflicts=tuple(replace(c, confidence="possible") for c in claim.conflicts))
        for claim in index.claims
    )
    text = export_markdown(collect(replace(index, claims=claims), [], title="t", exported_at=EXPORTED_AT))
    firsts = [first for first, _ in _callouts(_parser().parse(text))]
    assert firsts == [
        "[!question] possibly different date: 25 November / 26 November (arrival)",
        "[!question] possibly different negation: signed / did not sign (agreements)",
    ]
    assert "0 conflicts and 2 possible." in text


def test_every_statement_has_a_block_id_and_no_internal_ids_leak() -> None:
    text = render()
    assert not INTERNAL_ID.search(text), INTERNAL_ID.findall(text)
    tokens = _parser().parse(text)
    headings = [_inline_text(tokens[i + 1]) for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h3"]
    blocks = [t.content for t in tokens if t.type == "inline" and t.content.startswith("^")]
    # each statement heading names article and number, and its block id follows the quote
    assert headings[:5] == [
        "TASS: Putin lands in Bishkek, statement 1",
        "TASS: Putin lands in Bishkek, statement 2",
        "TASS: Putin lands in Bishkek, statement 3",
        "Reuters: Putin visits Kyrgyzstan, statement 2",
        "Reuters: Putin visits Kyrgyzstan, statement 3",
    ]
    assert blocks == ["^a1-s1", "^a1-s2", "^a1-s3", "^a2-s2", "^a2-s3"]
    assert all(re.fullmatch(r"\^[A-Za-z0-9-]+", b) for b in blocks)
    meta = _front_matter(text)
    assert meta["outlets"] == [s.title or s.name for s in golden_corpus().documents]
    assert meta["date"] == "2025-11-27" and meta["rated"] == 2
    assert meta["ratings"] == ["mostly true", "false"]


def test_sample_corpus_export_names_statements_like_the_reader() -> None:
    from tui.claims import build_index
    from tui.corpus import load_corpus
    from tui.paths import sample_corpus_dir

    docs = load_corpus([str(sample_corpus_dir())]).documents
    index = build_index(docs)
    conflicted = next(c for claim in index.claims for c in claim.conflicts)
    doc = next(d for d in docs if d.id == index.statements[conflicted.a].doc_id)
    st_ = index.statements[conflicted.a]
    sel = selector_for(doc, st_.start, st_.end)
    note = Note("n", doc.fingerprint, doc.path, resolve_path(doc.path), sel.quote, sel.prefix, sel.suffix,
                sel.start, sel.end, "Wrong day", (), "2025-11-27T10:00:00.000Z", "2025-11-27T10:00:00.000Z", 1,
                rating="false")  # fmt: skip
    text = export_markdown(collect(index, anchor_notes([note], docs), title="t", exported_at=EXPORTED_AT))
    assert not INTERNAL_ID.search(text), INTERNAL_ID.findall(text)
    assert f"### {md_inline(doc.title or doc.name)}, statement {st_.index + 1}" in text
    assert "> [!warning] " in text or "> [!question] " in text
