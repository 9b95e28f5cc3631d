"""``?``: the keys, generated from the bindings active on the reader (so remapped keys show)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static


def help_lines(app_key_display: object, bindings: Mapping[str, ActiveBinding]) -> list[tuple[str, str]]:
    """(keys, description) per action, keys of one action joined, in binding order."""
    grouped: dict[str, tuple[list[str], str]] = {}
    for active in bindings.values():
        binding = active.binding
        if not binding.description or binding.system:
            continue
        display = app_key_display(binding)  # type: ignore[operator]
        keys, _ = grouped.setdefault(binding.action, ([], binding.description))
        if display not in keys:
            keys.append(str(display))
    return [(" ".join(keys), description) for keys, description in grouped.values()]


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss(None)", "Close", id="help.close"),
    ]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 64;
        max-width: 95%;
        height: auto;
        max-height: 90%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    """

    def __init__(self, bindings: Mapping[str, ActiveBinding]) -> None:
        super().__init__()
        self._reader_bindings = dict(bindings)

    def compose(self) -> ComposeResult:
        lines = help_lines(self.app.get_key_display, self._reader_bindings)
        width = max((len(keys) for keys, _ in lines), default=0) + 2
        body = [Content.styled("Keys (escape closes)", "bold $accent"), Content("")]
        for keys, description in lines:
            body.append(Content.assemble((keys.ljust(width), "bold $accent"), description))
        body.append(Content(""))
        body.append(
            Content.styled(
                "Gutter: ✓ agreeing  ✗ conflicting  ? uncorroborated  • note.  ctrl+p: command palette.",
                "$text-muted",
            )
        )
        with VerticalScroll():
            yield Static(Content("\n").join(body))
