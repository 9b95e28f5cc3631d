"""Add, edit, delete and undo notes for the reader: the store writes run in thread workers that
post ``tui.messages`` back; the reader routes those messages here and repaints when told.

A plain class, not a widget: it holds the notes of the open documents and talks to the screen
through :class:`NotesHost`, so the screen keeps only keys and routing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Protocol

from textual.message import Message
from textual.worker import Worker

from tui.corpus.model import Document, Statement
from tui.messages import NoteDeleted, NoteRestored, NotesOpened, NotesReanchored
from tui.notes import AnchoredNote, Note, NoteError, NoteStore
from tui.notes_display import notes_by_statement
from tui.safe_text import safe_line
from tui.screens.host import ReaderHost
from tui.screens.note_edit_flow import open_editor


class NotesHost(ReaderHost, Protocol):
    """What the controller needs from the screen it serves."""

    def run_worker(self, work: Callable[[], None], *, thread: bool, group: str) -> Worker[None]: ...

    def key_for(self, action: str) -> str:
        """The key bound to ``action`` as a user types it."""
        ...

    def current_statement(self) -> tuple[Document, Statement] | None: ...

    def notes_changed(self) -> None:
        """Repaint what shows notes: gutter marks, claim panel, status."""
        ...

    def go_to(self, statement_id: str) -> None:
        """Show ``statement_id`` under the cursor (in a worker: it may mount panes)."""
        ...


class NotesController:
    """The notes of the open documents and every action on them."""

    def __init__(self, host: NotesHost, *, expected: bool, recovery_dir: Path | None) -> None:
        """``expected``: the app is opening a store (until it arrives, writes say "still loading")."""
        self.host = host
        self.expected = expected
        self.recovery_dir = recovery_dir
        self.store: NoteStore | None = None
        """Set once the app's worker has opened it; ``available`` / ``readable`` say what it allows."""
        self.notes: list[AnchoredNote] = []
        """The notes of the open documents, anchored to their current text (orphans included)."""
        self.on_statement: dict[str, list[AnchoredNote]] = {}
        self.deleted: AnchoredNote | None = None
        """The last note deleted, for ``ctrl+z``."""

    # Showing --------------------------------------------------------------------------

    def opened(self, message: NotesOpened) -> None:
        if message.store is None:
            self.host.notify(f"Notes are disabled: {message.error}", severity="warning", timeout=10, markup=False)
            return
        self.store = message.store
        self.set_notes(message.notes)
        if message.store.reason:
            self.host.notify(message.store.reason + self.hint(message.store), title="Notes", severity="warning",
                             timeout=12, markup=False)

    def set_notes(self, notes: Sequence[AnchoredNote]) -> None:
        self.notes = list(notes)
        self.on_statement = notes_by_statement(self.notes)
        self.host.notes_changed()

    def notes_on(self, statement_id: str) -> list[AnchoredNote]:
        """The notes on one statement, oldest first."""
        return list(self.on_statement.get(statement_id, ()))

    def reload(self, then: Callable[[], None] | None = None) -> None:
        """Read the store again (picks up notes another reader saved meanwhile) and re-anchor them
        in a thread; ``then`` runs once they are shown."""
        store = self.store
        if store is None or not store.readable:
            if then is not None:
                then()
            return
        documents = self.host.documents

        def reanchor() -> None:
            try:
                notes = store.notes_for(documents)
            except NoteError as error:
                self.host.post_message(NotesReanchored(None, then, error.message))
                return
            self.host.post_message(NotesReanchored(notes, then))

        self.host.run_worker(reanchor, thread=True, group="reanchor")

    def reanchored(self, message: NotesReanchored) -> None:
        if message.notes is None:
            self.host.notify(message.error, title="Notes", severity="warning", markup=False)
        else:
            self.set_notes(message.notes)
        if message.then is not None:
            message.then()

    # Store state ------------------------------------------------------------------------

    def writable(self) -> NoteStore | None:
        """The store if notes can be saved; otherwise say why (once per key press) and ``None``."""
        store = self.store
        if store is None:
            message = "Notes are still loading…" if self.expected else "Notes are off in this reader"
            self.host.notify(message, severity="warning", timeout=3)
            return None
        if not store.available:
            reason = store.reason or f"{store.path}: notes are disabled"
            self.host.notify(f"Notes cannot be saved: {reason}{self.hint(store)}", severity="warning", timeout=8,
                             markup=False)
            return None
        return store

    def readable(self, verb: str) -> NoteStore | None:
        """The store if notes can be read (to ``verb`` them); otherwise say why and ``None``."""
        store = self.store
        if store is None:
            self.writable()
            return None
        if not store.readable:
            reason = store.reason or f"{store.path}: notes are disabled"
            self.host.notify(f"Notes cannot be {verb}: {reason}", severity="warning", timeout=8, markup=False)
            return None
        return store

    def hint(self, store: NoteStore) -> str:
        """What the retry key does for this store's problem, as a sentence to append."""
        key = self.host.key_for("retry_notes")
        if store.bad_file is not None:
            return f" — {key} moves it aside and starts a fresh notes database"
        if store.transient:
            return f" — {key} tries again"
        return ""

    def retry(self) -> None:
        """After a passing fault, try the store again; for a bad file, offer to move it aside."""
        from tui.screens.confirm import ConfirmScreen

        store = self.store
        if store is None:
            self.writable()
            return
        if store.bad_file is not None:

            def answered(move: bool | None) -> None:
                if move:
                    self._move_aside(store)

            question = (
                f"{safe_line(store.reason or str(store.path))}\n\n"
                "Move this file aside (renamed, nothing is deleted) and start a fresh notes database?"
            )
            self.host.app.push_screen(ConfirmScreen(question, yes="move aside", no="cancel"), answered)
            return
        if store.retry():
            self.host.notify("Notes can be saved again", title="Notes", timeout=4)
            self.reload()
        else:
            reason = store.reason or f"{store.path}: notes are disabled"
            self.host.notify(f"Notes still cannot be saved: {reason}", severity="warning", timeout=8, markup=False)
        self.host.notes_changed()

    def _move_aside(self, store: NoteStore) -> None:
        try:
            moved = store.move_aside()
        except NoteError as error:
            self.host.notify(error.message, title="Notes", severity="error", timeout=10, markup=False)
            return
        self.host.notify(f"The old notes database is now {moved}; notes are on again", title="Notes", timeout=10,
                         markup=False)
        self.reload()
        self.host.notes_changed()

    # Writing ----------------------------------------------------------------------------

    def latest_here(self, verb: str) -> AnchoredNote | None:
        current = self.host.current_statement()
        if current is None:
            return None
        notes = self.notes_on(current[1].id)
        if not notes:
            self.host.notify(f"No note on this statement to {verb} ({self.host.key_for('add_note')} writes one)",
                             timeout=3)
            return None
        if len(notes) > 1:
            key = self.host.key_for("notes_list")
            self.host.notify(f"{len(notes)} notes here: {verb} the latest ({key} lists them all)", timeout=4)
        return notes[-1]

    def add(self) -> None:
        open_editor(self, editing=False)

    def edit(self) -> None:
        open_editor(self, editing=True)

    def delete(self) -> None:
        store = self.writable()
        anchored = self.latest_here("delete") if store is not None else None
        if store is None or anchored is None:
            return

        self._write(anchored, lambda: store.delete(anchored.note.id, anchored.note.revision),
                    NoteDeleted)

    def was_deleted(self, message: NoteDeleted) -> None:
        anchored = message.anchored
        if message.deleted is None:
            self.host.notify(message.error, title="Note not deleted", severity="error", timeout=8, markup=False)
            self.reload()
            return
        self.deleted = replace(anchored, note=message.deleted)
        self.set_notes([a for a in self.notes if a.note.id != anchored.note.id])
        self.host.notify(f"Note deleted — {self.host.key_for('undo_delete')} to undo", timeout=8)

    def undo_delete(self) -> None:
        deleted = self.deleted
        if deleted is None:
            self.host.notify("Nothing to undo", timeout=2)
            return
        store = self.writable()
        if store is None:
            return
        self.deleted = None

        self._write(deleted, lambda: store.restore(deleted.note), NoteRestored)

    def _write(self, anchored: AnchoredNote, call: Callable[[], Note],
               done: Callable[[AnchoredNote, Note | None, str], Message]) -> None:
        """Run one store write in a thread worker; ``done`` reports the note it wrote, or the
        error, back to the screen as a message."""

        def write() -> None:
            try:
                note = call()
            except NoteError as error:
                self.host.post_message(done(anchored, None, error.message))
                return
            self.host.post_message(done(anchored, note, ""))

        self.host.run_worker(write, thread=True, group="note-write")

    def was_restored(self, message: NoteRestored) -> None:
        deleted = message.anchored
        if message.restored is None:
            self.deleted = deleted
            self.host.notify(message.error, title="Note not restored", severity="error", timeout=8, markup=False)
            return
        self.set_notes([*self.notes, replace(deleted, note=message.restored)])
        self.host.notify("Note restored", timeout=2)
        current = self.host.current_statement()
        if deleted.statement_id is not None and (current is None or deleted.statement_id != current[1].id):
            self.host.go_to(deleted.statement_id)

    def list_notes(self, chosen: Callable[[str | None], None]) -> None:
        """The notes list (after a re-read, so notes saved elsewhere show); ``chosen`` gets the pick."""
        from tui.screens.notes_list import NotesListScreen

        store = self.readable("listed")
        if store is None:
            return

        def show() -> None:
            problem = None if store.available else store.reason
            listing = NotesListScreen(self.notes, self.host.documents, problem=problem, ratings=self.host.ratings)
            self.host.app.push_screen(listing, chosen)

        self.reload(then=show)
