"""``/``: fuzzy search over every statement of the corpus; enter jumps to the one picked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rapidfuzz import fuzz, process, utils
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tui.claims.model import ClaimIndex
from tui.corpus.model import Document, Statement
from tui.widgets.article_pane import STATUS_STYLES
from tui.widgets.article_strips import GLYPHS
from tui.widgets.text import display_text

MAX_RESULTS = 50


class SearchScreen(ModalScreen[str | None]):
    """Type to search; up/down pick a result; enter jumps there; escape closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Close", id="search.close"),
        Binding("down", "move(1)", "Next result", id="search.next", show=False),
        Binding("up", "move(-1)", "Previous result", id="search.previous", show=False),
    ]

    DEFAULT_CSS = """
    SearchScreen { align: center top; }
    SearchScreen > Vertical {
        width: 90%;
        max-width: 140;
        height: 80%;
        margin-top: 2;
        border: thick $primary;
        background: $surface;
    }
    SearchScreen Input { margin: 0 0 1 0; }
    SearchScreen OptionList { height: 1fr; border: none; }
    SearchScreen #search-count { color: $text-muted; padding: 0 1; }
    """

    def __init__(self, documents: Sequence[Document], index: ClaimIndex | None) -> None:
        super().__init__()
        self.documents = tuple(documents)
        self.index = index
        self._statements: list[Statement] = [s for d in self.documents for s in d.statements]
        self._texts = [s.plain or s.text for s in self._statements]
        self._names = {d.id: display_text(d.name) for d in self.documents}
        self.results: list[str] = []
        self._query = ""
        """What the input holds now."""
        self._shown = ""
        """The query whose results are listed."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Input(placeholder="Search all statements (fuzzy)…", id="search-input")
            yield Label("", id="search-count")
            yield OptionList(id="search-results")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def search(self, query: str) -> list[tuple[Statement, float]]:
        if not query.strip():
            return []
        found = process.extract(
            query,
            self._texts,
            scorer=fuzz.partial_ratio,
            processor=utils.default_process,
            limit=MAX_RESULTS,
            score_cutoff=70,
        )
        return [(self._statements[position], score) for _, score, position in found]

    def _prompt(self, statement: Statement) -> Content:
        status_part: tuple[str, str] = ("·", "$text-muted")
        if self.index is not None and statement.id in self.index.verdicts:
            status = self.index.verdicts[statement.id].status
            status_part = (GLYPHS[status], f"bold {STATUS_STYLES[status]}")
        return Content.assemble(
            status_part,
            " ",
            (f"{self._names[statement.doc_id]} #{statement.index + 1}", "$text-muted"),
            "  ",
            display_text(statement.text),
        )

    class Found(Message):
        """Results of one query, posted by the search worker."""

        def __init__(self, query: str, hits: list[tuple[Statement, float]]) -> None:
            super().__init__()
            self.query = query
            self.hits = hits

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        """Search in a thread as you type (~110 ms a query at 55k statements): each key cancels
        the search before it, and results arrive when they are ready."""
        self._query = event.value
        if not event.value.strip():
            self.workers.cancel_group(self, "search")
            self._show(event.value, [])
            return
        self.query_one("#search-count", Label).update("searching…")
        self._search(event.value)

    @work(thread=True, exclusive=True, group="search")
    def _search(self, query: str) -> None:
        hits = self.search(query)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Found(query, hits))

    @on(Found)
    def _found(self, message: Found) -> None:
        if message.query == self._query:
            self._show(message.query, message.hits)

    def _show(self, query: str, hits: list[tuple[Statement, float]]) -> None:
        self._shown = query
        options = self.query_one(OptionList)
        options.clear_options()
        self.results = [statement.id for statement, _ in hits]
        options.add_options([Option(self._prompt(statement), id=statement.id) for statement, _ in hits])
        if hits:
            options.highlighted = 0
        label = "" if not query.strip() else f"{len(hits)} result{'s' if len(hits) != 1 else ''}"
        self.query_one("#search-count", Label).update(label)

    def action_move(self, direction: int) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            current = options.highlighted if options.highlighted is not None else -1
            options.highlighted = max(0, min(options.option_count - 1, current + direction))

    @on(Input.Submitted)
    def _submitted(self) -> None:
        if self._shown != self._query:  # enter before the results came: search now, then jump
            self.workers.cancel_group(self, "search")
            self._show(self._query, self.search(self._query))
        options = self.query_one(OptionList)
        if options.highlighted is not None and options.option_count:
            self.dismiss(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
