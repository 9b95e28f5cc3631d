"""ArticleView's strip cache: a cursor move repaints only the two statements involved, scrolling
back reuses rendered lines, and whatever is served from the cache equals a fresh render."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager

from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.strip import Strip

from tests.ui_fixtures import make_document, make_index, sync
from tui.claims.model import ClaimIndex
from tui.corpus.model import Document
from tui.widgets.article_view import CURSOR_BAR, NOTE_MARK, ArticleView

SENTENCE = "Statement number {n} says something long enough to wrap over two or three lines here."


def long_document() -> Document:
    paragraphs = [" ".join(SENTENCE.format(n=4 * p + s) for s in range(4)) for p in range(15)]
    return make_document("d1", "long.txt", "# A long article\n\n" + "\n\n".join(paragraphs) + "\n")


class ViewApp(App[None]):
    def __init__(self, document: Document, index: ClaimIndex | None) -> None:
        super().__init__()
        self.document = document
        self.index = index

    def compose(self) -> ComposeResult:
        yield ArticleView(self.document, index=self.index)


@contextmanager
def counting_renders(view: ArticleView) -> Iterator[list[int]]:
    """Lines passed to ``_render_strip`` (a cache miss) while the block runs."""
    rendered: list[int] = []
    original = view._render_strip

    def render(line: int, width: int, state: str) -> Strip:
        rendered.append(line)
        return original(line, width, state)

    view._render_strip = render  # type: ignore[method-assign]
    try:
        yield rendered
    finally:
        del view._render_strip


def visible_lines(view: ArticleView, statement: int) -> set[int]:
    first, last = view.statement_lines(statement)
    top = round(view.scroll_y)
    return set(range(max(first, top), min(last, top + view.scrollable_content_region.height)))


def assert_cache_matches_fresh_render(view: ArticleView) -> None:
    width = view.scrollable_content_region.width
    for y in range(view.scrollable_content_region.height):
        line = round(view.scroll_y) + y
        cached = list(view.render_line(y))
        fresh = list(view._render_strip(line, width, view._cursor_state(line)))
        assert cached == fresh, f"line {line}"


@asynccontextmanager
async def running_view() -> AsyncIterator[tuple[Pilot[None], ArticleView, Document, ClaimIndex]]:
    """An ``ArticleView`` on ``long_document()`` alone in a 60x30 app, with its pilot."""
    document = long_document()
    index = make_index([document])
    app = ViewApp(document, index)
    async with app.run_test(size=(60, 30)) as pilot:
        yield pilot, app.query_one(ArticleView), document, index


@sync
async def test_cursor_move_repaints_only_the_statement_left_and_the_one_reached() -> None:
    async with running_view() as (pilot, view, document, index):
        view.focus()
        await pilot.pause()
        assert view.line_count > view.scrollable_content_region.height
        expected = visible_lines(view, 0) | visible_lines(view, 1)
        with counting_renders(view) as rendered:
            view.move_cursor(1)
            await pilot.pause()
        assert set(rendered) == expected
        assert len(rendered) == len(expected)
        first, _ = view.statement_lines(1)
        assert view.render_line(first - round(view.scroll_y)).text.startswith(CURSOR_BAR)
        first, _ = view.statement_lines(0)
        assert not view.render_line(first - round(view.scroll_y)).text.startswith(CURSOR_BAR)


@sync
async def test_setting_the_same_cursor_repaints_nothing() -> None:
    async with running_view() as (pilot, view, document, index):
        await pilot.pause()
        with counting_renders(view) as rendered:
            view.set_cursor(view.cursor, linked=view.linked)
            view.set_filter(view.filter)
            view.set_index(index)
            view.set_note_ids(set())
            await pilot.pause()
        assert rendered == []


@sync
async def test_scrolling_back_reuses_rendered_lines() -> None:
    async with running_view() as (pilot, view, document, index):
        await pilot.pause()
        view.scroll_to(y=20, animate=False, immediate=True)
        await pilot.pause()
        with counting_renders(view) as rendered:
            view.scroll_to(y=0, animate=False, immediate=True)
            await pilot.pause()
            view.scroll_to(y=20, animate=False, immediate=True)
            await pilot.pause()
        assert rendered == []


@sync
async def test_cached_lines_equal_a_fresh_render_after_moves_focus_filter_and_notes() -> None:
    async with running_view() as (pilot, view, document, index):
        view.focus()
        await pilot.pause()
        for target in (1, 2, 5, 3):
            view.move_cursor(target)
            await pilot.pause()
            assert_cache_matches_fresh_render(view)
        view.blur()
        await pilot.pause()
        assert_cache_matches_fresh_render(view)
        view.set_cursor(4, linked=False)
        await pilot.pause()
        assert_cache_matches_fresh_render(view)
        view.set_filter("conflicting")
        await pilot.pause()
        assert_cache_matches_fresh_render(view)
        view.set_filter("all")
        view.focus()
        await pilot.pause()
        assert_cache_matches_fresh_render(view)


@sync
async def test_note_marks_repaint_only_the_first_line_of_changed_statements() -> None:
    async with running_view() as (pilot, view, document, index):
        await pilot.pause()
        marked = document.statements[2].id
        first, _ = view.statement_lines(2)
        with counting_renders(view) as rendered:
            view.set_note_ids({marked})
            await pilot.pause()
        assert rendered == [first]
        assert view.render_line(first - round(view.scroll_y)).text[1] == NOTE_MARK
        view.set_note_ids(set())
        await pilot.pause()
        assert view.render_line(first - round(view.scroll_y)).text[1] != NOTE_MARK
        assert_cache_matches_fresh_render(view)
