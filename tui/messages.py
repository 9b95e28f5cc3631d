"""Messages the reader's thread workers post back: workers never touch widgets (harlequin's rule),
the screen applies their results on the UI thread."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from textual.message import Message

from tui.notes import AnchoredNote, Note, NoteStore


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
    (``exists``; ``notes`` are those to write if the user says to replace it), or failed with ``error``."""

    def __init__(
        self,
        path: Path,
        title: str,
        count: int,
        error: str = "",
        exists: bool = False,
        notes: Sequence[AnchoredNote] = (),
    ) -> None:
        super().__init__()
        self.notes = tuple(notes)
        self.path = path
        self.title = title
        self.count = count
        self.error = error
        self.exists = exists


class NotesOpened(Message):
    """The app's notes worker opened the store (``None`` when it could not) and placed its notes
    in the open documents; the reader shows them."""

    def __init__(self, store: NoteStore | None, notes: list[AnchoredNote], error: str = "") -> None:
        super().__init__()
        self.store = store
        self.notes = notes
        self.error = error


class IndexProgress(Message):
    """The claim index worker started ``stage`` (``fraction`` of the work done) for ``statements``
    statements. Only the newest waits in the queue: a stage that is already over is not drawn."""

    def __init__(self, stage: str, fraction: float, statements: int) -> None:
        super().__init__()
        self.stage = stage
        self.fraction = fraction
        self.statements = statements

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, IndexProgress)


class ReaderStateChanged(Message):
    """The reader moved, filtered or paged: the app saves its state once the keys rest. Held
    keys post many; only the newest waits in the queue."""

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, ReaderStateChanged)
