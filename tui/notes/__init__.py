"""Notes on statements: the SQLite store, ratings, re-anchoring after edits (exports: ``tui.exports``).

The store is ``store`` (the notes API) on ``connection`` and ``status`` (opening, read-only
fallback, errors) and ``schema`` (tables, migrations); re-anchoring is ``anchor`` (one note in one
document) and ``reattach`` (every note to the opened documents)."""

from tui.notes.anchor import anchor_selector
from tui.notes.reattach import anchor_notes
from tui.notes.write import ExportError, write_atomically
from tui.notes.model import (
    AnchoredNote,
    AnchorState,
    Note,
    NoteConflictError,
    NoteError,
    NoteNotFound,
    NoteStoreFault,
    NoteStoreUnavailable,
    parse_tags,
)
from tui.notes.store import NoteStore

__all__ = [
    "AnchorState",
    "AnchoredNote",
    "ExportError",
    "Note",
    "NoteConflictError",
    "NoteError",
    "NoteNotFound",
    "NoteStore",
    "NoteStoreFault",
    "NoteStoreUnavailable",
    "anchor_notes",
    "anchor_selector",
    "parse_tags",
    "write_atomically",
]
