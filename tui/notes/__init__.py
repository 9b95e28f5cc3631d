"""Notes on statements: the SQLite store, re-anchoring after edits, and Markdown export."""

from tui.notes.anchor import anchor_notes, anchor_selector
from tui.notes.export import ExportError, export_markdown, write_atomically
from tui.notes.model import (
    AnchoredNote,
    AnchorState,
    Note,
    NoteConflictError,
    NoteError,
    NoteNotFound,
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
    "NoteStoreUnavailable",
    "anchor_notes",
    "anchor_selector",
    "export_markdown",
    "parse_tags",
    "write_atomically",
]
