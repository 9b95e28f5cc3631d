"""The Line API half of the article view: the article's lines drawn on demand, rendered strips
kept in an LRU cache keyed by (line, width, cursor state), and repaints limited to the lines that
changed. Moving the cursor repaints only the lines of the statement it leaves and the one it lands
on; the cache is dropped only when the filter, index, theme or width changes, so a follower pane
that scrolls redraws from cached strips. ``ArticleView`` adds the cursor, scrolling and mouse.
"""

from __future__ import annotations

from rich.style import Style
from textual.cache import LRUCache
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from tui.claims.model import ClaimIndex, Status
from tui.corpus.model import Document, Statement
from tui.navigation import keeps
from tui.widgets.article_layout import GUTTER, ArticleLayout, Block, build_blocks
from tui.widgets.article_strips import draw_line

class ArticleLines(ScrollView, inherit_bindings=False):
    """One document's lines, cached and drawn; ``cursor`` and ``linked`` say how the cursor
    statement looks (the subclass moves it)."""

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
        self.text_layout = ArticleLayout(build_blocks(document))
        """The blocks wrapped to the width, and the maps between lines and statements."""
        self.cursor = min(max(0, cursor), max(0, len(document.statements) - 1))
        self.linked = True
        """Whether the cursor statement is shown highlighted when this view is not focused."""
        self.filter = "all"
        self.note_ids: set[str] = set()
        """Statement ids with a note: the notes store sets this through ``set_note_ids``."""
        self.note_marks: dict[str, tuple[str, str]] = {}
        """Statement id -> (mark, lean) of its rated note; lean is ``true``/``false``/``mixed``/``other``."""
        self._strips: LRUCache[tuple[int, int, str], Strip] = LRUCache(128)
        """Rendered lines by (line, width, cursor state of the line's statement); a few screens'
        worth (``ArticleView`` sizes it on resize)."""
        self._styles: dict[tuple[str, ...], Style] = {}
        """The widget's style plus component styles, by component names, until the CSS or theme changes."""

    @property
    def blocks(self) -> list[Block]:
        return self.text_layout.blocks

    @property
    def line_count(self) -> int:
        return self.text_layout.line_count

    def _layout(self, width: int) -> None:
        """Wrap every block to ``width`` columns of text (the gutter comes on top)."""
        if self.text_layout.wrap(max(8, width - GUTTER)):
            self._strips.clear()
            self.virtual_size = Size(width, self.text_layout.line_count)

    def _content_width(self) -> int:
        return self.scrollable_content_region.width

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._strips.clear()

    def statement_lines(self, statement_index: int) -> tuple[int, int]:
        """First line and one past the last line of a statement."""
        return self.text_layout.statement_lines(statement_index)

    def statement_at_line(self, line: int) -> int | None:
        """The statement drawn on ``line``, or the nearest one after it (before it at the end)."""
        return self.text_layout.statement_at_line(line)

    def invalidate(self) -> None:
        """Forget every rendered line and repaint (filter, index or notes changed)."""
        self._strips.clear()
        self.refresh()

    def refresh_statement(self, statement_index: int) -> None:
        """Repaint just the lines of one statement, if any of them is on screen."""
        if not self.text_layout.line_count or not 0 <= statement_index < len(self.document.statements):
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
        if not changed or not self.text_layout.line_count:
            return
        for statement in self.document.statements:
            if statement.id in changed:
                first, _ = self.statement_lines(statement.index)
                for key in [key for key in self._strips.keys() if key[0] == first]:
                    self._strips.discard(key)
                self.refresh_lines(first)

    def status_of(self, statement: Statement) -> Status | None:
        if self.index is None:
            return None
        verdict = self.index.verdicts.get(statement.id)
        return verdict.status if verdict else None

    def possible(self, statement: Statement) -> bool:
        """Conflicting only with values that may both be true (drawn ``~``, not ✗)."""
        return self.index is not None and self.index.possible_only(statement.id)

    def matches_filter(self, statement: Statement) -> bool:
        return keeps(self.filter, self.status_of(statement))

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
        """The article text under a mouse selection (see ``ArticleLayout.selected_text``)."""
        text = self.text_layout.selected_text(selection.get_span)
        return None if text is None else (text, "\n")

    def selection_updated(self, selection: Selection | None) -> None:
        self.refresh()

    def _cursor_state(self, line: int) -> str:
        """How the cursor marks ``line``: ``""`` (not the cursor), focused, linked or inactive."""
        if not self.document.statements or not self.text_layout.on_statement(line, self.cursor):
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
        return draw_line(self.text_layout, line, width, state, self._combined, self)
