"""``ctrl+e``: ask where to write the Markdown export (a name is suggested in the current folder)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static
from textual.widgets.input import Selection


class ExportScreen(ModalScreen[Path | None]):
    """Dismissed with the path typed (``~`` expanded, relative to the current folder) or ``None``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="export.cancel"),
    ]

    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > Vertical {
        width: 90%;
        max-width: 100;
        height: auto;
        border: thick $primary;
        border-title-style: bold;
        background: $surface;
        padding: 0 1;
    }
    ExportScreen #export-summary { color: $text-muted; margin: 1 0 0 0; }
    ExportScreen #export-keys { color: $text-muted; }
    """

    def __init__(self, suggestion: str, summary: str, folder: Path | None = None) -> None:
        super().__init__()
        self.suggestion = suggestion
        self.summary = summary
        self.folder = folder or Path.cwd()

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Export notes to Markdown"
            yield Static(Content(self.summary), id="export-summary")
            yield Static(Content.styled(f"in {self.folder}", "$text-muted"), id="export-folder")
            yield Input(self.suggestion, placeholder="file name or path", id="export-path", select_on_focus=False)
            yield Static(
                Content.assemble(("enter", "bold $accent"), " write   ", ("escape", "bold $accent"), " cancel"),
                id="export-keys",
            )

    def on_mount(self) -> None:
        """Select the name without its extension, so typing replaces the name and keeps ``.md``."""
        field = self.query_one(Input)
        field.focus()
        stem = self.suggestion.rsplit(".", 1)[0] if "." in self.suggestion else self.suggestion
        field.selection = Selection(0, len(stem))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            self.notify("Type a file name", severity="warning")
            return
        path = Path(text).expanduser()
        if not path.is_absolute():
            path = self.folder / path
        self.dismiss(path)
