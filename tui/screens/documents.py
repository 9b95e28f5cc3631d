"""``d``: choose which articles get panes and in what order."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, SelectionList
from textual.widgets.selection_list import Selection

from tui.corpus.model import Document
from tui.widgets.text import display_text


class DocumentsScreen(ModalScreen[list[str] | None]):
    """Space shows/hides an article, shift+up/down (or K/J) moves it, enter applies."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "apply", "Apply", id="documents.apply", priority=True),
        Binding("escape", "dismiss(None)", "Cancel", id="documents.cancel"),
        Binding("shift+up,K", "shift(-1)", "Move up", id="documents.up"),
        Binding("shift+down,J", "shift(1)", "Move down", id="documents.down"),
    ]

    DEFAULT_CSS = """
    DocumentsScreen { align: center middle; }
    DocumentsScreen > Vertical {
        width: 90;
        max-width: 95%;
        height: auto;
        max-height: 90%;
        border: thick $primary;
        background: $surface;
    }
    DocumentsScreen Label { padding: 0 1; color: $text-muted; }
    DocumentsScreen SelectionList { height: auto; max-height: 30; border: none; }
    """

    def __init__(self, documents: Sequence[Document], order: Sequence[str]) -> None:
        super().__init__()
        self.documents = {d.id: d for d in documents}
        shown = [d for d in order if d in self.documents]
        self.items: list[str] = shown + [d.id for d in documents if d.id not in shown]
        self.selected: set[str] = set(shown)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("space show/hide · shift+↑/↓ or K/J move · enter apply · escape cancel")
            yield SelectionList[str](*self._selections())

    def _selections(self) -> list[Selection[str]]:
        result = []
        for doc_id in self.items:
            document = self.documents[doc_id]
            prompt = Content.assemble(
                (display_text(document.title)[:60], "bold"), "  ", (display_text(document.name), "$text-muted")
            )
            result.append(Selection(prompt, doc_id, doc_id in self.selected))
        return result

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    def action_shift(self, direction: int) -> None:
        listing = self.query_one(SelectionList)
        position = listing.highlighted
        if position is None:
            return
        target = position + direction
        if not 0 <= target < len(self.items):
            return
        self.selected = set(listing.selected)
        self.items[position], self.items[target] = self.items[target], self.items[position]
        listing.clear_options()
        listing.add_options(self._selections())
        listing.highlighted = target

    def action_apply(self) -> None:
        selected = set(self.query_one(SelectionList).selected)
        order = [d for d in self.items if d in selected]
        if not order:
            self.notify("Pick at least one article", severity="warning")
            return
        self.dismiss(order)
