"""``a`` / ``e``: write or edit the note on one statement, with its tags parsed as you type."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from tui.claims.model import ClaimIndex
from tui.corpus.model import Document, Statement
from tui.notes import Note, NoteError, NoteStoreUnavailable
from tui.notes.ratings import DEFAULT_RATINGS, RatingScale
from tui.screens.confirm import ConfirmScreen
from tui.screens.note_editor_lines import rating_line, statement_status, tags_content
from tui.widgets.text import display_text

__all__ = ["NoteEditorScreen", "NoteTextArea", "rating_line", "statement_status", "tags_content"]

QUOTE_CHARS = 400
"""The statement is shown in full up to this length; a longer one is cut with an ellipsis."""


class NoteTextArea(TextArea):
    """A ``TextArea`` that runs the screen's save key in typing order.

    A binding runs after the key has bubbled up through the widget tree, by which time keys
    typed right after ``ctrl+s`` may already be in the text; a priority binding runs before keys
    typed just before it are. Handling the key here, in this widget's queue, saves exactly what
    was typed before it.
    """

    async def _on_key(self, event: events.Key) -> None:
        active = self.screen.active_bindings.get(event.key)
        if active is not None and active.binding.action == "save" and isinstance(self.screen, NoteEditorScreen):
            event.stop()
            event.prevent_default()
            self.screen.action_save()
            return
        await super()._on_key(event)


class NoteEditorScreen(ModalScreen[Note | None]):
    """Dismissed with the saved note, or ``None`` when cancelled.

    ``save`` writes the text (add or update) and returns the stored note; when it raises a
    ``NoteError`` (another reader changed the note, the store went read-only) the message is
    shown and the editor stays open with the text intact. After a passing fault (disk full,
    database busy) the text is also written to a recovery file (``tui.notes.recovery``) until
    a later ``ctrl+s`` saves it.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save note", id="note_editor.save"),
        Binding("escape", "cancel", "Cancel", id="note_editor.cancel"),
        Binding("ctrl+r", "next_rating", "Rating", id="note_editor.rating"),
    ]

    DEFAULT_CSS = """
    NoteEditorScreen { align: center middle; }
    NoteEditorScreen > Vertical {
        width: 90%;
        max-width: 110;
        height: auto;
        max-height: 95%;
        border: thick $secondary;
        border-title-style: bold;
        background: $surface;
        padding: 0 1;
    }
    NoteEditorScreen #note-statement {
        color: $text;
        max-height: 6;
        padding: 0 0 0 1;
        border-left: outer $secondary;
        margin: 1 0 0 0;
    }
    NoteEditorScreen #note-status { margin: 0 0 1 0; }
    NoteEditorScreen TextArea { height: 10; min-height: 3; }
    NoteEditorScreen #note-tags { height: 1; text-wrap: nowrap; text-overflow: ellipsis; }
    NoteEditorScreen #note-rating { height: 1; text-wrap: nowrap; text-overflow: ellipsis; }
    NoteEditorScreen #note-keys { height: 1; color: $text-muted; }
    """

    def __init__(
        self,
        document: Document,
        statement: Statement,
        index: ClaimIndex | None,
        save: Callable[[str, str | None], Note],
        *,
        initial: str = "",
        editing: bool = False,
        ratings: RatingScale = DEFAULT_RATINGS,
        rating: str | None = None,
        recovery_dir: Path | None = None,
    ) -> None:
        """``recovery_dir``: the data directory, where a failed save keeps the text (a temporary
        folder when ``None``)."""
        super().__init__()
        self.recovery_dir = recovery_dir
        self.document = document
        self.statement = statement
        self.index = index
        self._save = save
        self.initial = initial
        self.editing = editing
        self._saved = False
        self._early: list[events.Key] | None = []
        """Keys typed before the text area could take them (``None`` once it can)."""
        self.recovery: Path | None = None
        """The recovery file holding the text after a failed save (removed once it saves)."""
        self._writing = False
        """A save is on its way to the store (a second ctrl+s waits for it)."""
        self.ratings = ratings
        self.initial_rating = rating
        self.rating = rating
        """The verdict the note will be saved with (``ctrl+r`` cycles it)."""

    def compose(self) -> ComposeResult:
        verb = "Edit note" if self.editing else "New note"
        text = display_text(self.statement.text)
        if len(text) > QUOTE_CHARS:
            text = text[: QUOTE_CHARS - 1] + "…"
        with Vertical() as box:
            box.border_title = f"{verb} · {display_text(self.document.name)} · statement {self.statement.index + 1}"
            yield Static(Content(text), id="note-statement")
            yield Static(statement_status(self.index, self.statement), id="note-status")
            yield NoteTextArea(self.initial, id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Static(tags_content(self.initial), id="note-tags")
            yield Static(rating_line(self.ratings, self.rating, "ctrl+r"), id="note-rating")
            yield Static(
                Content.assemble(
                    ("ctrl+s", "bold $accent"), " save   ", ("escape", "bold $accent"), " cancel   ",
                    ("ctrl+r", "bold $accent"), " rating   ",
                    ("#word", "bold $text-secondary"), " makes a tag",
                ),
                id="note-keys",
            )

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)
        early, self._early = self._early or [], None
        for key in early:
            area.post_message(key)

    def type_ahead(self, event: events.Key) -> None:
        """A key typed right after ``a`` or ``e``, before this editor had focus: it belongs in
        the note, in the order typed (the reader hands such keys over; see ``on_key``)."""
        copy = events.Key(event.key, event.character)
        if self._early is not None:
            self._early.append(copy)
        else:
            self.query_one(NoteTextArea).post_message(copy)

    def on_key(self, event: events.Key) -> None:
        # The text area takes every character typed into it; one that reaches the screen was
        # sent here before the text area had focus.
        if event.is_printable or event.key == "enter":
            event.stop()
            event.prevent_default()
            self.type_ahead(event)

    @property
    def text(self) -> str:
        return self.query_one(TextArea).text

    @on(TextArea.Changed)
    def _changed(self) -> None:
        self.query_one("#note-tags", Static).update(tags_content(self.text))

    def action_next_rating(self) -> None:
        self.rating = self.ratings.following(self.rating)
        self.query_one("#note-rating", Static).update(rating_line(self.ratings, self.rating, "ctrl+r"))

    @property
    def changed(self) -> bool:
        return self.text != self.initial or self.rating != self.initial_rating

    def action_save(self) -> None:
        if self._saved:
            return
        body = self.text
        if not body.strip():
            self.notify("The note is empty: write something, or press escape to cancel", severity="warning")
            return
        if self.editing and not self.changed:
            self.dismiss(None)
            return
        if self._writing:
            return
        self._writing = True
        self._write(body, self.rating)

    class Written(Message):
        """The save worker's answer: the stored note, or why it was not stored."""

        def __init__(self, note: Note | None, error: str = "") -> None:
            super().__init__()
            self.note = note
            self.error = error

    @work(thread=True, exclusive=True, group="note-save")
    def _write(self, body: str, rating: str | None) -> None:
        """The write is fsync'd SQLite: off the UI thread, so typing never waits for the disk."""
        try:
            note = self._save(body, rating)
        except NoteError as error:
            message = error.message
            if isinstance(error, NoteStoreUnavailable) and error.transient:
                # Never lose what was typed: keep it in a recovery file (still off the UI thread).
                message += "\n" + self._keep(body)
            self.post_message(self.Written(None, message))
            return
        self.post_message(self.Written(note))

    @on(Written)
    def _written(self, message: Written) -> None:
        self._writing = False
        if message.note is None:
            self.notify(message.error, title="Note not saved", severity="error", timeout=10, markup=False)
            return
        self._saved = True
        from tui.notes.recovery import drop_draft

        drop_draft(self.recovery)
        self.recovery = None
        self.dismiss(message.note)

    def _keep(self, body: str) -> str:
        """Write the text to a recovery file; what to tell the user."""
        from tui.notes.recovery import draft_text, keep_draft

        text = draft_text(
            document=self.document.path,
            statement=self.statement.index + 1,
            quote=self.statement.text,
            body=body,
            rating=self.rating,
        )
        kept = keep_draft(self.recovery_dir, text, self.recovery)
        if kept is None:
            return "Your text is kept in this editor only (no recovery file could be written): ctrl+s tries again."
        self.recovery = kept
        return f"Your text is kept here and in {kept}: ctrl+s tries again."

    def action_cancel(self) -> None:
        body = self.text
        if not self.changed or not body.strip() and not self.initial and self.rating is None:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        question = "Discard your changes to this note?" if self.editing else "Discard this note?"
        self.app.push_screen(ConfirmScreen(question, yes="discard", no="keep editing"), answered)
