"""One line of an article as a ``Strip``: the gutter (cursor bar, note mark, status glyph) and
the text, styled by the view's component classes. Pure drawing; ``ArticleView`` caches the
strips and decides which lines to redraw."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from tui.claims.model import Status
from tui.corpus.model import SpanKind, Statement
from tui.widgets.article_layout import GUTTER, ArticleLayout
from tui.widgets.text import cells

GLYPHS: dict[Status | None, str] = {**{status: status.glyph for status in Status}, None: "·"}
"""The status glyphs: they carry the status on their own when there is no colour."""
POSSIBLE_GLYPH = "~"
"""A conflict graded possible (two values that may both be true) reads apart from ✗."""
CURSOR_BAR = "▌"
NOTE_MARK = "•"

# Status looks are component classes, so themes can restyle them; ``ArticleView`` declares them.
COMPONENT_CLASSES = {
    "article-view--cursor",
    "article-view--cursor-inactive",
    "article-view--linked",
    "article-view--bar",
    "article-view--bar-linked",
    "article-view--agreeing",
    "article-view--conflicting",
    "article-view--uncorroborated",
    "article-view--pending",
    "article-view--text-conflicting",
    "article-view--possible",
    "article-view--span",
    "article-view--title",
    "article-view--dimmed",
    "article-view--note",
    "article-view--rated-true",
    "article-view--rated-false",
    "article-view--rated-mixed",
}

ARTICLE_VIEW_CSS = """
ArticleView {
    overflow-x: hidden;
    overflow-y: scroll;
    scrollbar-size-vertical: 1;
    background: $surface;
    color: $text;
}
ArticleView > .article-view--cursor { background: $accent 20%; }
ArticleView > .article-view--cursor-inactive { background: $foreground 4%; }
ArticleView > .article-view--linked { background: $primary 22%; }
ArticleView > .article-view--bar { color: $accent; text-style: bold; }
ArticleView > .article-view--bar-linked { color: $primary-lighten-1; text-style: bold; }
ArticleView > .article-view--agreeing { color: $text-success; text-style: bold; }
ArticleView > .article-view--conflicting { color: $text-error; text-style: bold; }
ArticleView > .article-view--uncorroborated { color: $text-warning; text-style: bold; }
ArticleView > .article-view--pending { color: $text-disabled; }
ArticleView > .article-view--text-conflicting { color: $text-error; }
ArticleView > .article-view--possible { color: $text-warning; text-style: bold; }
ArticleView > .article-view--span { color: $text-muted; text-style: italic; }
ArticleView > .article-view--title { color: $text-muted; text-style: bold; }
ArticleView > .article-view--dimmed { color: $text-disabled; }
ArticleView > .article-view--note { color: $text-secondary; text-style: bold; }
ArticleView > .article-view--rated-true { color: $text-success; text-style: bold reverse; }
ArticleView > .article-view--rated-false { color: $text-error; text-style: bold reverse; }
ArticleView > .article-view--rated-mixed { color: $text-warning; text-style: bold reverse; }
"""


Look = Callable[..., Style]
"""Component names (``"cursor"``, ``"dimmed"``...) -> the combined style to draw with."""


class LineFacts(Protocol):
    """What the drawing needs to know about each statement."""

    note_ids: set[str]
    note_marks: dict[str, tuple[str, str]]

    def status_of(self, statement: Statement) -> Status | None: ...

    def matches_filter(self, statement: Statement) -> bool: ...

    def possible(self, statement: Statement) -> bool: ...


def draw_line(layout: ArticleLayout, line: int, width: int, state: str, look: Look, facts: LineFacts) -> Strip:
    """Line ``line`` of ``layout`` at ``width`` cells; ``state`` is how the cursor marks it
    (``""``, ``cursor``, ``linked`` or ``cursor-inactive``)."""
    base = look()
    if line >= layout.line_count:
        return Strip.blank(width, base)
    block_number = layout.line_block[line]
    block = layout.blocks[block_number]
    start, end = layout.line_range[line]
    text = block.text[start:end].rstrip(" ")
    pad = max(0, width - GUTTER - cells(text))
    statement = block.statement
    if statement is None:
        if block.kind == "blank":
            return Strip.blank(width, base)
        style = look("title" if block.kind == SpanKind.TITLE.value else "span")
        segments = [Segment(" " * GUTTER, base), Segment(text, style), Segment(" " * pad, base)]
        return Strip(segments).adjust_cell_length(width, base)

    names: tuple[str, ...] = (state,) if state else ()
    line_style = look(*names)
    bar = Segment(" ", base)
    if state == "cursor":
        bar = Segment(CURSOR_BAR, look(state, "bar"))
    elif state == "linked":
        bar = Segment(CURSOR_BAR, look(state, "bar-linked"))
    status = facts.status_of(statement)
    kept = facts.matches_filter(statement)
    possible = status is Status.CONFLICTING and facts.possible(statement)
    if not kept:
        text_style = look(*names, "dimmed")
    elif status is Status.CONFLICTING and not possible:
        text_style = look(*names, "text-conflicting")
    else:
        text_style = line_style
    note = Segment(" ", line_style)
    glyph = Segment(" ", line_style)
    if layout.block_first_line[block_number] == line:
        note, glyph = _gutter(statement, status, kept, possible, names, look, facts)
    segments = [bar, note, glyph, Segment(" ", line_style), Segment(text, text_style)]
    if pad:
        segments.append(Segment(" " * pad, line_style))
    return Strip(segments).adjust_cell_length(width, line_style)


def _gutter(
    statement: Statement, status: Status | None, kept: bool, possible: bool, names: tuple[str, ...], look: Look,
    facts: LineFacts,
) -> tuple[Segment, Segment]:
    """The note mark and the status glyph on a statement's first line."""
    note = Segment(" ", look(*names))
    if statement.id in facts.note_ids:
        mark, lean = facts.note_marks.get(statement.id, (NOTE_MARK, ""))
        note = Segment(mark, look(*names, f"rated-{lean}" if lean in ("true", "false", "mixed") else "note"))
    glyph_name = "dimmed" if not kept else (status.value if status is not None else "pending")
    mark = GLYPHS[status]
    if possible:
        mark = POSSIBLE_GLYPH
        glyph_name = "dimmed" if not kept else "possible"
    return note, Segment(mark, look(*names, glyph_name))
