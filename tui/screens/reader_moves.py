"""The reader's movement keys and pane paging: each action asks ``tui.navigation`` or
``tui.paging`` where to go and applies the answer to the panes. ``ReaderScreen`` adds the
messages, notes and export on top."""

from __future__ import annotations

from textual import on

from tui.navigation import find_statement, find_status, keeps, next_kept, partners, wrap_message
from tui.paging import page_for, page_target, panes_that_fit
from tui.screens.reader_panes import ReaderPanes
from tui.widgets.article_view import FILTERS, ArticleView
from tui.widgets.claim_panel import ClaimPanel


class ReaderMoves(ReaderPanes):
    """Cursor, pane and page movement over ``order``."""

    # Statements -----------------------------------------------------------------------

    def _step_from(self, view: ArticleView, direction: int, start: int) -> int | None:
        """The next statement the filter keeps after ``start``; says so when there is none."""
        statements = view.document.statements
        target = next_kept(len(statements), start, direction,
                           lambda n: keeps(self.filter, view.status_of(statements[n])))
        if target is None and self.filter != "all":
            where = "below" if direction > 0 else "above"
            self.notify(f"No {self.filter} statement {where} in this article; "
                        f"{self.key_for('cycle_filter')} changes the filter", timeout=3)
        return target

    def _move(self, view: ArticleView, target: int | None) -> None:
        if target is not None:
            view.move_cursor(target, notify=False)
            self.follow(view)

    def _step(self, direction: int) -> None:
        view = self.active_view
        if view is not None and not view.scroll_within(direction):
            self._move(view, self._step_from(view, direction, view.cursor))

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_first(self) -> None:
        view = self.active_view
        if view is not None:
            self._move(view, self._step_from(view, 1, -1))

    def action_last(self) -> None:
        """Last statement; pressed again there, the end of the article (a long last statement)."""
        view = self.active_view
        if view is None:
            return
        statements = view.document.statements
        target = next_kept(len(statements), len(statements), -1,
                           lambda n: keeps(self.filter, view.status_of(statements[n])))
        if target == view.cursor or target is None:
            view.scroll_end(animate=False, immediate=True)
        else:
            self._move(view, target)

    def _page(self, direction: int) -> None:
        view = self.active_view
        if view is None or not view.document.statements or view.scroll_within(direction):
            return
        statements = view.document.statements
        first, _ = view.statement_lines(view.cursor)
        target = page_target(
            view.cursor, first, view.scrollable_content_region.height, direction, view.statement_at_line,
            lambda d: next_kept(len(statements), view.cursor, d, lambda n: keeps(self.filter, view.status_of(statements[n]))),
        )
        if target is not None:
            row = view.cursor_row()
            view.move_cursor(target, notify=False)
            if row is not None:
                view.scroll_statement_to(target, row)
            self.follow(view)

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    async def action_next_pane(self) -> None:
        await self._focus_pane(self.order.index(self.active_id) + 1)

    async def action_previous_pane(self) -> None:
        await self._focus_pane(self.order.index(self.active_id) - 1)

    async def jump(self, statement_id: str) -> None:
        """Show the article holding ``statement_id`` (adding it back if hidden) and put the cursor
        there, on a page that also shows the other side of its conflict when one fits."""
        statement = find_statement(self.index, self.by_id, statement_id)
        if statement is None:
            return
        document = self.by_id[statement.doc_id]
        if document.id not in self.order:
            self.order.append(document.id)
            self.notify(f"Showing {document.name} again", markup=False)
        self.cursors[document.id] = statement.index
        self.active_id = document.id
        start = page_for(self.order, self.page_start, self.pane_count, document.id,
                         partners(self.index, statement_id, self.order))
        if start != self.page_start or document.id not in [p.document.id for p in self.panes]:
            await self._show_page(start)
        pane = self.active_pane
        if pane is not None and pane.document.id == document.id:
            pane.view.set_cursor(statement.index)
            self.call_after_refresh(self._sync)

    @on(ClaimPanel.VersionClicked)
    async def _version_clicked(self, message: ClaimPanel.VersionClicked) -> None:
        await self.jump(message.statement_id)

    async def action_next_status(self, status: str, direction: int) -> None:
        """Jump to the next statement with ``status`` in reading order across all shown articles."""
        if self.index is None:
            self.notify("Still indexing claims…", severity="warning")
            return
        view = self.active_view
        if view is None:
            return
        documents = [self.by_id[d] for d in self.order]
        result = find_status(self.index, documents, (self.active_id, view.cursor), status, direction)
        if result is None:
            if any(d.statements for d in documents):
                self.notify(f"No {status} statements in the articles shown")
            return
        found, statement_id = result
        message = wrap_message(found, status, direction)
        if message is not None:
            self.notify(message, timeout=3)
        if not found.only:
            await self.jump(statement_id)

    # Views ----------------------------------------------------------------------------

    def action_cycle_filter(self) -> None:
        from tui.messages import ReaderStateChanged

        self.filter = FILTERS[(FILTERS.index(self.filter) + 1) % len(FILTERS)]
        for pane in self.panes:
            pane.view.set_filter(self.filter)
        self._label_filter()
        view = self.active_view
        if view is not None:
            self.follow(view)
        self._update_status()
        self.post_message(ReaderStateChanged())

    def action_toggle_lock(self) -> None:
        self.scroll_lock = not self.scroll_lock
        self.notify(f"Scroll lock {'on' if self.scroll_lock else 'off'}", timeout=2)
        view = self.active_view
        if view is not None:
            self.follow(view)

    def action_toggle_claim(self) -> None:
        panel = self.query_one(ClaimPanel)
        panel.display = not panel.display
        self._claim_open = bool(panel.display)
        self._update_claim(self._current_statement_id())
        self.call_after_refresh(self._sync)

    async def action_page(self, direction: int) -> None:
        if len(self.order) <= self.pane_count:
            self.notify("All articles are shown", timeout=2)
            return
        await self._show_page(self.page_start + direction * max(1, self.pane_count))
        self._update_status()

    # Other screens and the outside world ------------------------------------------------

    def action_open_source(self) -> None:
        from tui.screens.source_actions import open_source

        current = self.current_statement()
        if current is not None:
            open_source(self.app, *current)

    def action_copy_statement(self) -> None:
        from tui.screens.source_actions import copy_statement

        current = self.current_statement()
        if current is not None:
            copy_statement(self.app, *current)

    def _jump_to_chosen(self, statement_id: str | None) -> None:
        if statement_id:
            self.run_worker(self.jump(statement_id), group="jump")

    def action_search(self) -> None:
        from tui.screens.search import SearchScreen

        self.app.push_screen(SearchScreen(self.documents, self.index), self._jump_to_chosen)

    def action_documents(self) -> None:
        from tui.screens.documents import DocumentsScreen

        async def chosen(order: list[str] | None) -> None:
            if not order:
                return
            self.order = order
            if self.active_id not in order:
                self.active_id = order[0]
            self.pane_count = panes_that_fit(self.size.width, len(self.order))
            await self._show_page(0)
            await self._focus_pane(self.order.index(self.active_id))

        self.app.push_screen(DocumentsScreen(self.documents, self.order), chosen)

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.active_bindings))

    async def action_quit(self) -> None:
        """``q``: the app's quit, which saves the position and closes the notes store."""
        await self.app.action_quit()

