"""The reader's keys: every binding with an id (remappable through ``config.toml``) and a
description (the footer, ``?`` and the command palette read them), and the footer labels that
say what the filter does to movement."""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding, BindingType, BindingsMap

MOVE = Binding.Group("Move", compact=True)
_CONFLICT = Binding.Group("Conflict", compact=True)
_UNCORROBORATED = Binding.Group("Uncorroborated", compact=True)

READER_BINDINGS: list[BindingType] = [
    # The footer shows the keys a reader needs every minute, most used first, paired keys as one
    # entry, so that 80 columns still show help and quit; `?` lists every key.
    Binding("j,down", "cursor_down", "Next statement", id="reader.next", group=MOVE),
    Binding("k,up", "cursor_up", "Previous statement", id="reader.previous", group=MOVE),
    Binding("n", "next_status('conflicting', 1)", "Next conflict", id="reader.next_conflict", group=_CONFLICT),
    Binding(
        "N",
        "next_status('conflicting', -1)",
        "Previous conflict",
        id="reader.previous_conflict",
        group=_CONFLICT,
    ),
    Binding(
        "u",
        "next_status('uncorroborated', 1)",
        "Next uncorroborated",
        id="reader.next_uncorroborated",
        group=_UNCORROBORATED,
    ),
    Binding(
        "U",
        "next_status('uncorroborated', -1)",
        "Previous uncorroborated",
        id="reader.previous_uncorroborated",
        group=_UNCORROBORATED,
    ),
    Binding("f", "cycle_filter", "Filter", id="reader.filter"),
    Binding("slash", "search", "Search", id="reader.search"),
    Binding("question_mark", "help", "Help", id="reader.help"),
    Binding("q", "quit", "Quit", id="reader.quit"),
    Binding("a", "add_note", "Note", id="reader.add_note"),
    Binding("o", "notes_list", "Notes", id="reader.notes_list"),
    Binding("g,home", "first", "First statement", id="reader.first", show=False),
    Binding("G,end", "last", "Last statement", id="reader.last", show=False),
    Binding("pagedown", "page_down", "Page down", id="reader.page_down", show=False),
    Binding("pageup", "page_up", "Page up", id="reader.page_up", show=False),
    Binding("tab,l", "next_pane", "Next pane", id="reader.next_pane", show=False),
    Binding("h,shift+tab", "previous_pane", "Previous pane", id="reader.previous_pane", show=False),
    Binding("right_square_bracket", "page(1)", "More articles", id="reader.page_next", show=False),
    Binding("left_square_bracket", "page(-1)", "Earlier articles", id="reader.page_previous", show=False),
    Binding("d", "documents", "Choose articles", id="reader.documents", show=False),
    Binding("O", "open_source", "Open the article's source", id="reader.open_source", show=False),
    Binding("y", "copy_statement", "Copy statement with its source", id="reader.copy", show=False),
    Binding("c", "toggle_claim", "Claim panel", id="reader.claim_panel", show=False),
    Binding("s", "toggle_lock", "Scroll lock", id="reader.scroll_lock", show=False),
    Binding("e", "edit_note", "Edit note", id="reader.edit_note", show=False),
    Binding("x", "delete_note", "Delete note", id="reader.delete_note", show=False),
    Binding("ctrl+z", "undo_delete", "Undo delete", id="reader.undo_delete", show=False),
    Binding("ctrl+e", "export", "Export notes", id="reader.export", show=False),
    Binding("R", "retry_notes", "Retry notes", id="reader.retry_notes", show=False),
]


def label_filter(bindings: BindingsMap, filter_name: str) -> None:
    """Make the footer say what the filter does to movement: ``Filter: conflicting`` and
    ``Move (conflicting only)``, since j/k skip the dimmed statements."""
    move = MOVE if filter_name == "all" else Binding.Group(f"Move ({filter_name} only)", compact=True)
    label = "Filter" if filter_name == "all" else f"Filter: {filter_name}"
    table = bindings.key_to_bindings
    for key, keyed in table.items():
        table[key] = [
            replace(b, description=label) if b.id == "reader.filter"
            else replace(b, group=move) if b.id in ("reader.next", "reader.previous")
            else b
            for b in keyed
        ]
