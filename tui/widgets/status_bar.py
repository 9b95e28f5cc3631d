"""One line under the panes: corpus totals, filter, scroll lock, position and notes."""

from __future__ import annotations

from collections import Counter

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import ProgressBar, Static

from tui.claims.model import Status
from tui.widgets.article_pane import counts_content


class StatusBar(Horizontal):
    DEFAULT_CSS = """
    StatusBar {
        height: 1;
        background: $panel;
    }
    StatusBar > #status-text { width: 1fr; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis; }
    StatusBar > #indexing-stage { width: auto; max-width: 60; padding: 0 1; color: $text-muted; text-wrap: nowrap; }
    StatusBar > ProgressBar { width: 34; }
    StatusBar > ProgressBar Bar { width: 20; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="status-text")
        yield Static(id="indexing-stage")
        yield ProgressBar(total=None, show_eta=False, show_percentage=False, id="indexing")

    def set_indexing(self, running: bool) -> None:
        self.query_one(ProgressBar).display = running
        self.query_one("#indexing-stage", Static).display = running
        if running:
            self.query_one("#indexing-stage", Static).update("indexing claims…")

    def show_index_progress(self, stage: str, fraction: float, statements: int) -> None:
        """``indexing 1,234 statements: matching statements`` beside a bar at ``fraction``; ignored
        once indexing is over (a late stage must not bring the bar back)."""
        bar = self.query_one(ProgressBar)
        if not bar.display:
            return
        self.query_one("#indexing-stage", Static).update(f"indexing {statements:,} statements: {stage}")
        bar.update(total=100, progress=round(100 * max(0.0, min(1.0, fraction))))

    def show(
        self,
        *,
        articles: int,
        statements: int,
        counts: Counter[Status] | None,
        filter_name: str,
        scroll_lock: bool,
        position: str,
        page: str,
        notes: str = "",
    ) -> None:
        """``position`` is "12/60" in the focused article; ``page`` is empty when every article is shown;
        ``notes``: e.g. "3 notes" or "notes off", empty leaves it out.

        The most useful facts come first so that an 80-column terminal cuts only the corpus totals.
        """
        sep = (" │ ", "$text-muted")
        parts: list[str | tuple[str, str] | Content] = [("statement ", "$text-muted"), (position, "bold"), sep]
        parts += [("filter: ", "$text-muted"), (filter_name, "bold $text-accent" if filter_name != "all" else "")]
        if not scroll_lock:
            parts += [sep, ("lock: off", "bold $text-warning")]
        if notes:
            parts += [sep, (notes, "$text-warning" if notes == "notes off" else "$text-secondary")]
        if page:
            parts += [sep, page]
        parts += [sep, counts_content(counts), (f"  in {statements} statements, {articles} articles", "$text-muted")]
        content = Content.assemble(*parts)
        self.query_one("#status-text", Static).update(content, layout=False)
