"""Notes to and from rows of the ``notes`` table, in the column order of ``schema.COLUMNS``."""

from __future__ import annotations

from tui.notes.model import Note
from tui.notes.schema import COLUMNS

PLACEHOLDERS = ", ".join("?" * len(COLUMNS.split(",")))
"""One ``?`` per column, for ``INSERT INTO notes (COLUMNS) VALUES (PLACEHOLDERS)``."""


def note_row(note: Note) -> tuple[object, ...]:
    """The values of ``note`` in the order of ``COLUMNS`` (its tags live in ``note_tags``)."""
    return (
        note.id,
        note.fingerprint,
        note.doc_path,
        note.doc_abspath,
        note.quote,
        note.prefix,
        note.suffix,
        note.start,
        note.end,
        note.body,
        note.created_at,
        note.updated_at,
        note.revision,
        note.deleted_at,
        note.rating,
    )


def note_from_row(row: tuple[object, ...], tags: tuple[str, ...]) -> Note:
    (note_id, fingerprint, doc_path, doc_abspath, quote, prefix, suffix, start, end, body,
     created_at, updated_at, revision, deleted_at, rating) = row  # fmt: skip
    return Note(
        id=str(note_id),
        fingerprint=str(fingerprint),
        doc_path=str(doc_path),
        doc_abspath=str(doc_abspath),
        quote=str(quote),
        prefix=str(prefix),
        suffix=str(suffix),
        start=int(str(start)),
        end=int(str(end)),
        body=str(body),
        tags=tags,
        created_at=str(created_at),
        updated_at=str(updated_at),
        revision=int(str(revision)),
        deleted_at=None if deleted_at is None else str(deleted_at),
        rating=None if rating is None else str(rating),
    )
