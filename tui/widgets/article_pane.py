"""One article: a header (title, file, status counts, link state) over its ``ArticleView``."""

from __future__ import annotations

from collections import Counter

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from tui.claims.model import ClaimIndex, Status
from tui.corpus.model import Document
from tui.widgets.article_view import ArticleView
from tui.widgets.text import display_text, shorten_middle

STATUS_STYLES: dict[Status, str] = {
    Status.AGREEING: "$text-success",
    Status.CONFLICTING: "$text-error",
    Status.UNCORROBORATED: "$text-warning",
}


def counts_content(counts: Counter[Status] | None) -> Content:
    """``✓ 12  ✗ 3  ? 8`` with theme colours; the glyphs say it all without colour."""
    if counts is None:
        return Content.styled("indexing…", "$text-muted")
    parts: list[str | tuple[str, str]] = []
    for status in Status:
        if parts:
            parts.append("  ")
        parts.append((f"{status.glyph} {counts[status]}", STATUS_STYLES[status]))
    return Content.assemble(*parts)


class PaneHeader(Static):
    """Three fixed lines, so the body never jumps: title, file and counts, link state."""

    DEFAULT_CSS = """
    PaneHeader {
        height: 3;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        background: $panel;
        color: $text;
    }
    """


class ArticlePane(Vertical):
    """The header and body of one article; the screen tells it what to show."""

    DEFAULT_CSS = """
    ArticlePane {
        width: 1fr;
        height: 1fr;
        min-width: 20;
        border-right: vkey $panel-lighten-2;
    }
    ArticlePane:focus-within PaneHeader {
        background: $primary 40%;
    }
    """

    def __init__(
        self,
        document: Document,
        index: ClaimIndex | None,
        cursor: int = 0,
        filter: str = "all",
        counts: Counter[Status] | None = None,
    ) -> None:
        """``counts``: the document's statements per status, counted once per index by the
        reader (``tui.counts``); ``None`` counts them here."""
        super().__init__(id=f"pane-{document.id}")
        self.document = document
        self.index = index
        self.counts = counts if counts is not None or index is None else index.status_counts(document.id)
        self.view = ArticleView(document, index=index, cursor=cursor)
        self.view.filter = filter
        self.link_state: str = ""
        """Third header line: empty, or "no match found here" when no statement of this
        article is linked to the current one."""

    def compose(self) -> ComposeResult:
        yield PaneHeader(self._header_content())
        yield self.view

    def _header_content(self) -> Content:
        document = self.document
        counts = self.counts if self.index is not None else None
        headline = display_text(document.title or document.name)
        if document.outlet:
            title = Content.assemble((display_text(document.outlet), "bold $accent"), "  ",
                                     (headline, "bold"))
        else:
            title = Content.styled(headline, "bold")
        counts_part = counts_content(counts)
        room = self.size.width - 5 - counts_part.cell_length if self.size.width else 200
        name = shorten_middle(display_text(document.name), max(8, room))
        meta = Content.assemble(counts_part, "  ", (name, "$text-muted"))
        state = Content.styled(self.link_state, "$text-muted italic") if self.link_state else Content("")
        return Content("\n").join([title, meta, state])

    def on_resize(self) -> None:
        self.refresh_header()

    def refresh_header(self) -> None:
        self.query_one(PaneHeader).update(self._header_content(), layout=False)

    def set_index(self, index: ClaimIndex | None, counts: Counter[Status] | None = None) -> None:
        self.index = index
        self.counts = counts if counts is not None or index is None else index.status_counts(self.document.id)
        self.view.set_index(index)
        self.refresh_header()

    def set_link_state(self, text: str) -> None:
        if text != self.link_state:
            self.link_state = text
            self.refresh_header()
