"""The body of one article: a Line API view of its statements with a status gutter and a cursor.

One widget per article, not one per statement: lines are wrapped once per width, each line knows
the block (statement or title/byline/heading span) it belongs to, and rendered strips are cached
per (line, width, cursor state). Moving the cursor repaints only the lines of the statement it
leaves and the one it lands on; the cache is dropped only when the filter, index, theme or width
changes, so a follower pane that scrolls redraws from cached strips.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from tui.claims.model import ClaimIndex, Status
from tui.corpus.model import Document, SpanKind, Statement
from tui.widgets.text import cells, display_text, wrap_offsets

GLYPHS: dict[Status | None, str] = {**{status: status.glyph for status in Status}, None: "·"}
"""The status glyphs: they carry the status on their own when there is no colour."""
POSSIBLE_GLYPH = "~"
"""A conflict graded possible (two values that may both be true) reads apart from ✗."""

FILTERS: tuple[str, ...] = ("all", "conflicting", "uncorroborated", "agreeing")
"""Filter cycle for ``f``; every value but ``all`` is a ``Status`` value."""

CURSOR_BAR = "▌"
NOTE_MARK = "•"
GUTTER = 4
"""Cursor bar, note marker, status glyph, one space."""
STRIP_CACHE_SCREENS = 4
"""Rendered lines kept per view, in screens. Each cached ``Strip`` keeps alive the crops and
styled copies Textual derives from it (~140 objects a line), and every live object lengthens the
garbage collector's full passes: a 4096-line cache per pane made them 100-300 ms keystroke
stalls with 50 articles."""


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph-level unit of the view: a statement, a span (title, byline...) or a blank line."""

    kind: str
    """``"statement"``, ``"blank"`` or a ``SpanKind`` value."""
    text: str
    """Already sanitised, whitespace collapsed."""
    statement: Statement | None = None


def build_blocks(document: Document) -> list[Block]:
    """Statements and spans in reading order, a blank line between paragraphs and around spans."""
    entries: list[tuple[int, int, Block]] = []
    for span in document.spans:
        if span.kind is SpanKind.BOILERPLATE:
            continue
        entries.append((span.start, 0, Block(span.kind.value, display_text(span.text))))
    for statement in document.statements:
        entries.append((statement.start, 1, Block("statement", display_text(statement.text), statement)))
    entries.sort(key=lambda entry: (entry[0], entry[1]))
    blocks: list[Block] = []
    last_paragraph: int | None = None
    for _, _, block in entries:
        if block.statement is None:
            if blocks and blocks[-1].kind != "blank":
                blocks.append(Block("blank", ""))
            blocks.append(block)
            blocks.append(Block("blank", ""))
            last_paragraph = None
            continue
        paragraph = block.statement.paragraph
        if last_paragraph is not None and paragraph != last_paragraph and blocks[-1].kind != "blank":
            blocks.append(Block("blank", ""))
        blocks.append(block)
        last_paragraph = paragraph
    while blocks and blocks[-1].kind == "blank":
        blocks.pop()
    return blocks


class ArticleView(ScrollView, can_focus=True, inherit_bindings=False):
    """Statements of one document, wrapped to the width, with a gutter and a cursor.

    The reader screen owns the keys; this widget owns layout, drawing and mouse input.
    ``note_ids`` is the hook for the notes store: statement ids that carry a note get a marker in
    the second gutter column (call ``set_note_ids`` to update it); a rated note's mark is the
    rating's letter (``F`` false, ``t`` mostly true...) instead of the dot.
    """

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

    DEFAULT_CSS = """
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

    class CursorMoved(Message):
        """The user moved the cursor in this view (key, click or wheel)."""

        def __init__(self, view: ArticleView, statement_id: str) -> None:
            super().__init__()
            self.view = view
            self.statement_id = statement_id

        @property
        def control(self) -> ArticleView:
            return self.view

    def __init__(
        self,
        document: Document,
        *,
        index: ClaimIndex | None = None,
        cursor: int = 0,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.document = document
        self.index = index
        self.blocks = build_blocks(document)
        self._statement_block: list[int] = [
            number for number, block in enumerate(self.blocks) if block.statement is not None
        ]
        self.cursor = min(max(0, cursor), max(0, len(document.statements) - 1))
        self.linked = True
        """Whether the cursor statement is shown highlighted when this view is not focused."""
        self.filter = "all"
        self.note_ids: set[str] = set()
        """Statement ids with a note: the notes store sets this through ``set_note_ids``."""
        self.note_marks: dict[str, tuple[str, str]] = {}
        """Statement id -> (mark, lean) of its rated note; lean is ``true``/``false``/``mixed``/``other``."""
        self._wrap_width = -1
        self._line_block: list[int] = []
        self._line_range: list[tuple[int, int]] = []
        self._block_first_line: list[int] = []
        self._strips: LRUCache[tuple[int, int, str], Strip] = LRUCache(128)
        """Rendered lines by (line, width, cursor state of the line's statement); a few screens'
        worth (``STRIP_CACHE_SCREENS``), sized on resize."""
        self._styles: dict[tuple[str, ...], Style] = {}
        """The widget's style plus component styles, by component names, until the CSS or theme changes."""

    # Layout -----------------------------------------------------------------

    @property
    def line_count(self) -> int:
        return len(self._line_block)

    def _layout(self, width: int) -> None:
        """Wrap every block to ``width`` columns of text (the gutter comes on top)."""
        text_width = max(8, width - GUTTER)
        if text_width == self._wrap_width:
            return
        self._wrap_width = text_width
        line_block: list[int] = []
        line_range: list[tuple[int, int]] = []
        first_line: list[int] = []
        for number, block in enumerate(self.blocks):
            first_line.append(len(line_block))
            for start, end in wrap_offsets(block.text, text_width):
                line_block.append(number)
                line_range.append((start, end))
        self._line_block = line_block
        self._line_range = line_range
        self._block_first_line = first_line
        self._strips.clear()
        self.virtual_size = Size(width, len(line_block))

    def _content_width(self) -> int:
        return self.scrollable_content_region.width

    def on_resize(self, event: events.Resize) -> None:
        self._strips.maxsize = max(128, STRIP_CACHE_SCREENS * self.scrollable_content_region.height)
        row = self.cursor_row()
        self._layout(self._content_width())
        if row is not None and self.document.statements:
            self.scroll_statement_to(self.cursor, row)
        if (self.has_focus or self.linked) and self.document.statements:
            # the claim panel below grows and shrinks with its text: keep the cursor in sight
            self.ensure_cursor_visible()
        self.refresh()

    def on_mount(self) -> None:
        self._layout(max(GUTTER + 8, self._content_width()))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._strips.clear()

    def statement_lines(self, statement_index: int) -> tuple[int, int]:
        """First line and one past the last line of a statement."""
        block = self._statement_block[statement_index]
        first = self._block_first_line[block]
        last = self._block_first_line[block + 1] if block + 1 < len(self.blocks) else self.line_count
        return first, last

    def statement_at_line(self, line: int) -> int | None:
        """The statement drawn on ``line``, or the nearest one after it (before it at the end)."""
        if not self._line_block or not self._statement_block:
            return None
        line = max(0, min(line, self.line_count - 1))
        block = self._line_block[line]
        position = bisect_right(self._statement_block, block) - 1
        if position >= 0 and self._statement_block[position] == block:
            return position
        return min(position + 1, len(self._statement_block) - 1)

    def cursor_row(self) -> int | None:
        """Row of the cursor's first line inside the viewport, or ``None`` when it is off screen."""
        if not self.document.statements or not self._line_block:
            return None
        first, _ = self.statement_lines(self.cursor)
        row = first - round(self.scroll_y)
        return row if 0 <= row < self.scrollable_content_region.height else None

    # State changes ------------------------------------------------------------

    def invalidate(self) -> None:
        """Forget every rendered line and repaint (filter, index or notes changed)."""
        self._strips.clear()
        self.refresh()

    def refresh_statement(self, statement_index: int) -> None:
        """Repaint just the lines of one statement, if any of them is on screen."""
        if not self._line_block or not 0 <= statement_index < len(self._statement_block):
            return
        first, last = self.statement_lines(statement_index)
        top = round(self.scroll_y)
        bottom = top + max(1, self.scrollable_content_region.height)
        first, last = max(first, top), min(last, bottom)
        if first < last:
            self.refresh_lines(first, last - first)

    def set_index(self, index: ClaimIndex | None) -> None:
        if index is not self.index:
            self.index = index
            self.invalidate()

    def set_filter(self, value: str) -> None:
        if value != self.filter:
            self.filter = value
            self.invalidate()

    def set_note_ids(self, note_ids: set[str], marks: dict[str, tuple[str, str]] | None = None) -> None:
        """Mark the statements that carry notes (the notes store calls this); ``marks`` gives
        rated ones their rating's mark and lean.

        Only the first lines of statements whose mark changes are repainted.
        """
        note_ids = set(note_ids)
        marks = dict(marks or {})
        changed = note_ids ^ self.note_ids
        changed |= {sid for sid in marks.keys() | self.note_marks.keys() if marks.get(sid) != self.note_marks.get(sid)}
        self.note_ids = note_ids
        self.note_marks = marks
        if not changed or not self._line_block:
            return
        for statement in self.document.statements:
            if statement.id in changed:
                first, _ = self.statement_lines(statement.index)
                for key in [key for key in self._strips.keys() if key[0] == first]:
                    self._strips.discard(key)
                self.refresh_lines(first)

    def set_cursor(self, statement_index: int, *, linked: bool = True) -> None:
        """Move the cursor without telling anyone (the screen calls this on followers).

        Repaints only the old and new cursor statements; nothing when neither changes.
        """
        if not self.document.statements:
            return
        statement_index = max(0, min(statement_index, len(self.document.statements) - 1))
        if statement_index != self.cursor or linked != self.linked:
            old = self.cursor
            self.cursor = statement_index
            self.linked = linked
            self.refresh_statement(old)
            if statement_index != old:
                self.refresh_statement(statement_index)

    def move_cursor(self, statement_index: int, *, notify: bool = True) -> None:
        """Move the cursor as the user asked: keep it in view and tell the screen.

        ``notify=False`` is for the screen's own keys: it updates the other panes in the same
        call, so the cursor and its followers reach the terminal in one frame, not two.
        """
        if not self.document.statements:
            return
        self.set_cursor(statement_index, linked=True)
        self.ensure_cursor_visible()
        if notify:
            self.post_message(self.CursorMoved(self, self.document.statements[self.cursor].id))

    def ensure_cursor_visible(self) -> None:
        if not self.document.statements:
            return
        first, last = self.statement_lines(self.cursor)
        height = max(1, self.scrollable_content_region.height)
        top = round(self.scroll_y)
        if first < top:
            self.scroll_to(y=max(0, first - 1), animate=False, immediate=True)
        elif last > top + height:
            target = min(first, last - height + 1)
            self.scroll_to(y=max(0, target), animate=False, immediate=True)

    def scroll_within(self, direction: int) -> bool:
        """Scroll a page inside a cursor statement taller than the view; ``False`` when already at its edge."""
        if not self.document.statements:
            return False
        first, last = self.statement_lines(self.cursor)
        height = max(1, self.scrollable_content_region.height)
        top = round(self.scroll_y)
        step = max(1, height - 2)
        if direction > 0 and last > top + height:
            self.scroll_to(y=min(top + step, last - height), animate=False, immediate=True)
            return True
        if direction < 0 and first < top:
            self.scroll_to(y=max(top - step, first), animate=False, immediate=True)
            return True
        return False

    def scroll_statement_to(self, statement_index: int, row: int) -> None:
        """Scroll so that a statement's first line sits at viewport ``row`` (clamped)."""
        if not self.document.statements:
            return
        first, last = self.statement_lines(statement_index)
        height = max(1, self.scrollable_content_region.height)
        row = max(0, min(row, height - min(height, last - first)))
        self.scroll_to(y=max(0, first - row), animate=False, immediate=True)

    def status_of(self, statement: Statement) -> Status | None:
        if self.index is None:
            return None
        verdict = self.index.verdicts.get(statement.id)
        return verdict.status if verdict else None

    def _possible(self, statement: Statement) -> bool:
        return self.index is not None and self.index.possible_only(statement.id)

    def matches_filter(self, statement: Statement) -> bool:
        if self.filter == "all":
            return True
        status = self.status_of(statement)
        return status is not None and status.value == self.filter

    def step(self, direction: int, start: int | None = None) -> int | None:
        """The next statement in ``direction`` that the filter keeps, or ``None``."""
        statements = self.document.statements
        position = self.cursor if start is None else start
        position += direction
        while 0 <= position < len(statements):
            if self.matches_filter(statements[position]):
                return position
            position += direction
        return None

    # Mouse -------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        statement = self.statement_at_line(round(self.scroll_y) + offset.y)
        self.focus()
        if statement is not None:
            self.move_cursor(statement)

    def _after_wheel(self) -> None:
        """Wheel scrolling drags the cursor along so it never leaves the screen."""
        if not self.document.statements or self.cursor_row() is not None:
            return
        top = round(self.scroll_y)
        height = max(1, self.scrollable_content_region.height)
        first, _ = self.statement_lines(self.cursor)
        line = top if first < top else top + height - 1
        statement = self.statement_at_line(line)
        if statement is not None:
            first, last = self.statement_lines(statement)
            if first < top and statement + 1 < len(self.document.statements):
                statement += 1
            self.set_cursor(statement)
            self.post_message(self.CursorMoved(self, self.document.statements[self.cursor].id))

    def _on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        super()._on_mouse_scroll_down(event)
        self.call_after_refresh(self._after_wheel)

    def _on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        super()._on_mouse_scroll_up(event)
        self.call_after_refresh(self._after_wheel)

    # Drawing -----------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self._content_width()
        line = round(self.scroll_y) + y
        state = self._cursor_state(line)
        key = (line, width, state)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render_strip(line, width, state)
            self._strips[key] = strip
        selection = self.text_selection
        if selection is not None and (span := selection.get_span(line)) is not None:
            strip = self._selected(strip, *span)
        return strip

    def _selected(self, strip: Strip, start: int, end: int) -> Strip:
        """``strip`` with columns ``start:end`` (``-1``: to the end) in the selection style."""
        end = strip.cell_length if end == -1 else min(end, strip.cell_length)
        start = max(GUTTER, start)
        if start >= end:
            return strip
        before, middle, after = strip.divide([start, end, strip.cell_length])
        style = self.screen.get_component_rich_style("screen--selection")
        return Strip.join([before, middle.apply_style(style), after])

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The article text under a mouse selection: wrapped lines of one statement joined as
        written, statements of a paragraph by a space, paragraphs by a blank line."""
        parts: list[str] = []
        previous: int | None = None
        for line, (block_number, (start, end)) in enumerate(zip(self._line_block, self._line_range)):
            span = selection.get_span(line)
            if span is None:
                continue
            block = self.blocks[block_number]
            first, last = span
            first = max(0, first - GUTTER)
            last = end - start if last == -1 else max(0, last - GUTTER)
            piece = block.text[start:end][first:last]
            if previous is not None and block_number != previous:
                same_paragraph = (
                    block.statement is not None
                    and self.blocks[previous].statement is not None
                    and block.statement.paragraph == self.blocks[previous].statement.paragraph  # type: ignore[union-attr]
                )
                parts.append(" " if same_paragraph else "\n")
            if block.kind != "blank":
                parts.append(piece)
            previous = block_number
        if not parts:
            return None
        text = "".join(parts)
        return "\n".join(line.rstrip() for line in text.split("\n")), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self.refresh()

    def _cursor_state(self, line: int) -> str:
        """How the cursor marks ``line``: ``""`` (not the cursor), focused, linked or inactive."""
        if not 0 <= line < len(self._line_block) or not self._statement_block:
            return ""
        block = self._statement_block[self.cursor]
        if self._line_block[line] != block:
            return ""
        if self.has_focus:
            return "cursor"
        return "linked" if self.linked else "cursor-inactive"

    def _combined(self, *names: str) -> Style:
        """The widget's style plus the named component styles, memoised per combination.

        Built from Textual's visual styles so that translucent backgrounds (``$accent 20%``) and
        text colours (``$text-muted``) are blended over the view's background; Rich styles from
        ``get_component_rich_style`` drop the alpha and paint the tint as a solid colour.
        """
        style = self._styles.get(names)
        if style is None:
            classes = tuple(f"article-view--{name}" for name in names)
            style = self.get_visual_style(*classes).rich_style
            self._styles[names] = style
        return style

    def _render_strip(self, line: int, width: int, state: str) -> Strip:
        # offsets let the mouse select text: Textual's selection reads them from the strip
        return self._draw_strip(line, width, state).apply_offsets(0, line)

    def _draw_strip(self, line: int, width: int, state: str) -> Strip:
        base = self._combined()
        if line >= self.line_count:
            return Strip.blank(width, base)
        block_number = self._line_block[line]
        block = self.blocks[block_number]
        start, end = self._line_range[line]
        text = block.text[start:end].rstrip(" ")
        pad = max(0, width - GUTTER - cells(text))
        first_line = self._block_first_line[block_number] == line
        statement = block.statement
        if statement is None:
            if block.kind == "blank":
                return Strip.blank(width, base)
            style = self._combined("title" if block.kind == SpanKind.TITLE.value else "span")
            segments = [Segment(" " * GUTTER, base), Segment(text, style), Segment(" " * pad, base)]
            return Strip(segments).adjust_cell_length(width, base)

        line_names: tuple[str, ...] = (state,) if state else ()
        line_style = self._combined(*line_names)
        bar = Segment(" ", base)
        if state == "cursor":
            bar = Segment(CURSOR_BAR, self._combined(state, "bar"))
        elif state == "linked":
            bar = Segment(CURSOR_BAR, self._combined(state, "bar-linked"))
        status = self.status_of(statement)
        kept = self.matches_filter(statement)
        if not kept:
            text_style = self._combined(*line_names, "dimmed")
        elif status is Status.CONFLICTING and not self._possible(statement):
            text_style = self._combined(*line_names, "text-conflicting")
        else:
            text_style = line_style
        note = Segment(" ", line_style)
        glyph = Segment(" ", line_style)
        if first_line:
            if statement.id in self.note_ids:
                mark, lean = self.note_marks.get(statement.id, (NOTE_MARK, ""))
                look = f"rated-{lean}" if lean in ("true", "false", "mixed") else "note"
                note = Segment(mark, self._combined(*line_names, look))
            glyph_name = "dimmed" if not kept else (status.value if status is not None else "pending")
            mark = GLYPHS[status]
            if status is Status.CONFLICTING and self._possible(statement):
                mark = POSSIBLE_GLYPH
                glyph_name = "dimmed" if not kept else "possible"
            glyph = Segment(mark, self._combined(*line_names, glyph_name))
        segments = [bar, note, glyph, Segment(" ", line_style), Segment(text, text_style)]
        if pad:
            segments.append(Segment(" " * pad, line_style))
        return Strip(segments).adjust_cell_length(width, line_style)

    def on_focus(self) -> None:
        self.refresh_statement(self.cursor)

    def on_blur(self) -> None:
        self.refresh_statement(self.cursor)
