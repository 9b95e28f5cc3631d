"""Messages the reader's thread workers post back: workers never touch widgets (harlequin's rule),
the screen applies their results on the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.message import Message

from tui.notes import AnchoredNote, Note


class NotesReanchored(Message):
    """The store's notes placed in the open documents again; ``then`` runs after they are shown."""

    def __init__(self, notes: list[AnchoredNote] | None, then: Callable[[], None] | None, error: str = "") -> None:
        super().__init__()
        self.notes = notes
        self.then = then
        self.error = error


class NoteDeleted(Message):
    def __init__(self, anchored: AnchoredNote, deleted: Note | None, error: str = "") -> None:
        super().__init__()
        self.anchored = anchored
        self.deleted = deleted
        self.error = error


class NoteRestored(Message):
    def __init__(self, anchored: AnchoredNote, restored: Note | None, error: str = "") -> None:
        super().__init__()
        self.anchored = anchored
        self.restored = restored
        self.error = error


class ExportWritten(Message):
    """The Markdown export's outcome: written (``count`` notes), or refused because the file exists
    (``exists``), or failed with ``error``."""

    def __init__(self, path: Path, title: str, count: int, error: str = "", exists: bool = False) -> None:
        super().__init__()
        self.path = path
        self.title = title
        self.count = count
        self.error = error
        self.exists = exists
