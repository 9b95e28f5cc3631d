"""``a`` and ``e``: open the note editor on the cursor's statement and put the saved note in the
reader. The editor saves in its own thread worker through the ``save`` given here."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from tui.notes import AnchoredNote, AnchorState, Note, NoteError

if TYPE_CHECKING:
    from tui.screens.notes_controller import NotesController


def open_editor(notes: NotesController, *, editing: bool) -> None:
    """A new note (``editing=False``) or the latest note on the statement, if the store allows."""
    from tui.screens.note_editor import NoteEditorScreen

    host = notes.host
    store = notes.writable()
    if store is None:
        return
    anchored = notes.latest_here("edit") if editing else None
    current = host.current_statement()
    if current is None or (editing and anchored is None):
        return
    document, statement = current

    def save(body: str, rating: str | None) -> Note:  # runs in the editor's save worker
        if anchored is None:
            return store.add(document, statement, body, rating=rating)
        try:
            return store.update(anchored.note.id, body, anchored.note.revision, rating=rating)
        except NoteError:
            host.app.call_from_thread(notes.reload)
            raise

    def saved(note: Note | None) -> None:
        if note is None:
            return
        if anchored is None:
            placed = AnchoredNote(
                note, AnchorState.OK, document.id, statement.id, statement.start, statement.end, 100.0, "position"
            )
            notes.set_notes([*notes.notes, placed])
        else:
            notes.set_notes([replace(a, note=note) if a.note.id == note.id else a for a in notes.notes])
        host.notify("Note saved", timeout=2)

    editor = NoteEditorScreen(
        document,
        statement,
        host.index,
        save,
        initial=anchored.note.body if anchored is not None else "",
        editing=editing,
        ratings=host.ratings,
        rating=anchored.note.rating if anchored is not None else None,
        recovery_dir=notes.recovery_dir,
    )
    host.app.push_screen(editor, saved)
