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


def help_lines(
    app_key_display: object, bindings: Mapping[str, ActiveBinding]
) -> list[tuple[str, str, str]]:
    """(keys, description, binding id) per action, keys of one action joined, in binding order.

    The id is what ``[keys]`` in config.toml remaps, so help is where a user finds it.
    """
    grouped: dict[str, tuple[list[str], str, str]] = {}
    for active in bindings.values():
        binding = active.binding
        if not binding.description or binding.system:
            continue
        display = app_key_display(binding)  # type: ignore[operator]
        keys, _, _ = grouped.setdefault(binding.action, ([], binding.description, binding.id or ""))
        if display not in keys:
            keys.append(str(display))
    return [(" ".join(keys), description, id_) for keys, description, id_ in grouped.values()]


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss(None)", "Close", id="help.close"),
    ]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 84;
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
        width = max((len(keys) for keys, _, _ in lines), default=0) + 2
        text_width = max((len(description) for _, description, _ in lines), default=0) + 2
        body = [Content.styled("Keys (escape closes)", "bold $accent"), Content("")]
        for keys, description, binding_id in lines:
            body.append(
                Content.assemble(
                    (keys.ljust(width), "bold $accent"),
                    description.ljust(text_width),
                    (binding_id, "$text-muted"),
                )
            )
        body.append(Content(""))
        body.append(
            Content.styled(
                "Remap keys in config.toml: [keys] \"reader.next\" = \"j,down\".", "$text-muted"
            )
        )
        body.append(
            Content.styled(
                "Gutter: ✓ agreeing  ✗ conflicting  ? uncorroborated  • note.\nctrl+p: command palette.",
                "$text-muted",
            )
        )
        with VerticalScroll():
            yield Static(Content("\n").join(body))
