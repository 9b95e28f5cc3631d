"""The notes database: SQLite in the user's data directory, safe with several readers open.

Nothing is created at import or construction; the file appears with the first note (or an
explicit ``open()``). WAL lets two readers work on one store; every write is its own
``BEGIN IMMEDIATE`` transaction committed with ``synchronous=FULL``, so a note is on disk
when ``add`` returns. A database that cannot be used is never recreated or truncated: the
store reports why (``reason``) and the reader carries on without notes.

This module is the notes API (add, edit, delete, undo, list, tags) and the row converters;
opening and error handling are ``tui.notes.connection`` and ``tui.notes.status``, the tables
and migrations ``tui.notes.schema``.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from tui.corpus.model import Document, Statement
from tui.notes.anchor import FUZZY_THRESHOLD, resolve_path, selector_for
from tui.notes.reattach import anchor_notes
from tui.notes.connection import StoreConnection
from tui.notes.faults import os_reason
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
from tui.notes.rows import PLACEHOLDERS, note_from_row, note_row
from tui.notes.schema import COLUMNS, MIGRATIONS, SCHEMA_V1, SCHEMA_VERSION, write_tags

__all__ = ["FILENAME", "KEEP", "MAX_RATING_CHARS", "MIGRATIONS", "SCHEMA_V1", "SCHEMA_VERSION", "NoteStore"]

FILENAME = "notes.sqlite3"


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _check_text(body: str) -> None:
    try:
        body.encode("utf-8")
    except UnicodeEncodeError as error:
        raise NoteError(f"note text is not valid Unicode at character {error.start}") from None


MAX_RATING_CHARS = 60


class _Keep:
    """``update`` without a ``rating``: the note keeps the one it has."""


KEEP = _Keep()


def _check_rating(rating: str | None) -> str | None:
    """A rating label as stored: spaces collapsed, ``None`` (or blank) for no rating."""
    if rating is None:
        return None
    label = " ".join(rating.split())
    if not label:
        return None
    if len(label) > MAX_RATING_CHARS or not label.isprintable():
        raise NoteError(f"a rating is a short printable label, not {label[:MAX_RATING_CHARS]!r}")
    _check_text(label)
    return label


class NoteStore(StoreConnection):
    """Notes on statements, kept in one SQLite file.

    ``available`` says whether notes can be saved, ``readable`` whether existing ones can be
    listed, ``reason`` (one line naming the file) why not; a passing fault fails one call with
    ``NoteStoreFault``, a bad file switches notes off (see ``tui.notes.status``).
    """

    @classmethod
    def default(cls, data_dir: Path | None = None) -> NoteStore:
        """The store in ``data_dir`` (default: ``tui.paths.data_dir()``); nothing is opened."""
        from tui.paths import data_dir as default_data_dir

        return cls((data_dir if data_dir is not None else default_data_dir()) / FILENAME)

    @classmethod
    def open_or_disabled(cls, path: Path | None = None, *, data_dir: Path | None = None) -> NoteStore:
        """Open (creating if needed) for the reader; on failure a store with notes disabled.

        Never raises ``NoteStoreUnavailable``: check ``available`` / ``reason`` instead.
        """
        store = cls(path) if path is not None else cls.default(data_dir)
        try:
            store.open()
        except NoteStoreFault:
            pass  # a passing fault: ``transient`` and ``reason`` say what, the next call retries
        except NoteStoreUnavailable as error:
            store._reason = store._reason or error.message
        except (OSError, sqlite3.Error) as error:  # anything unforeseen: notes off, the reader runs
            with store._lock:
                store._fail(f"cannot open the notes database ({os_reason(error)}); notes are disabled")
        return store

    # -- notes --------------------------------------------------------------------------

    def add(self, doc: Document, statement: Statement, body: str, *, rating: str | None = None) -> Note:
        """A new note on ``statement`` of ``doc``; on disk when this returns."""
        return self.add_range(doc, statement.start, statement.end, body, rating=rating)

    def add_range(self, doc: Document, start: int, end: int, body: str, *, rating: str | None = None) -> Note:
        """A new note on ``doc.text[start:end]`` (normally a whole statement)."""
        if not 0 <= start <= end <= len(doc.text):
            raise ValueError(f"range {start}:{end} is outside {doc.path}")
        _check_text(body)
        rating = _check_rating(rating)
        selector = selector_for(doc, start, end)
        now = _stamp(self._clock())
        note = Note(
            id=str(uuid.uuid4()),
            fingerprint=doc.fingerprint,
            doc_path=doc.path,
            doc_abspath=resolve_path(doc.path),
            quote=selector.quote,
            prefix=selector.prefix,
            suffix=selector.suffix,
            start=start,
            end=end,
            body=body,
            tags=parse_tags(body),
            created_at=now,
            updated_at=now,
            revision=1,
            rating=rating,
        )
        with self._write() as conn:
            self._insert(conn, note)
        return note

    def _insert(self, conn: sqlite3.Connection, note: Note) -> None:
        conn.execute(f"INSERT INTO notes ({COLUMNS}) VALUES ({PLACEHOLDERS})", note_row(note))
        write_tags(conn, note.id, note.tags)

    def get(self, note_id: str, *, include_deleted: bool = False) -> Note:
        with self._read() as conn:
            note = self._fetch(conn, note_id) if conn is not None else None
        if note is None or (note.deleted_at is not None and not include_deleted):
            raise NoteNotFound(note_id)
        return note

    def _fetch(self, conn: sqlite3.Connection, note_id: str) -> Note | None:
        row = conn.execute(f"SELECT {COLUMNS} FROM notes WHERE id = ?", (note_id,)).fetchone()
        if row is None:
            return None
        tags = tuple(
            tag
            for (tag,) in conn.execute(
                "SELECT tag FROM note_tags WHERE note_id = ? ORDER BY position", (note_id,)
            )
        )
        return note_from_row(row, tags)

    def update(
        self, note_id: str, body: str, expected_revision: int, *, rating: str | None | _Keep = KEEP
    ) -> Note:
        """Replace the body (and the rating, when given; ``None`` clears it).

        ``NoteConflictError`` if the note changed since ``expected_revision``.
        """
        _check_text(body)
        new_rating = rating if isinstance(rating, _Keep) else _check_rating(rating)
        with self._write() as conn:
            current = self._fetch(conn, note_id)
            if current is None:
                raise NoteNotFound(note_id)
            if current.deleted_at is not None:
                raise NoteConflictError(note_id, expected_revision, None)
            if current.revision != expected_revision:
                raise NoteConflictError(note_id, expected_revision, current.revision)
            now = _stamp(self._clock())
            tags = parse_tags(body)
            kept = current.rating if isinstance(new_rating, _Keep) else new_rating
            conn.execute(
                "UPDATE notes SET body = ?, rating = ?, updated_at = ?, revision = revision + 1 "
                "WHERE id = ? AND revision = ?",
                (body, kept, now, note_id, expected_revision),
            )
            write_tags(conn, note_id, tags)
            updated = self._fetch(conn, note_id)
        assert updated is not None
        return updated

    def delete(self, note_id: str, expected_revision: int | None = None) -> Note:
        """Soft-delete; returns the note so ``restore`` can undo it."""
        with self._write() as conn:
            current = self._fetch(conn, note_id)
            if current is None:
                raise NoteNotFound(note_id)
            if current.deleted_at is not None:
                if expected_revision is not None:
                    raise NoteConflictError(note_id, expected_revision, None)
                return current
            if expected_revision is not None and current.revision != expected_revision:
                raise NoteConflictError(note_id, expected_revision, current.revision)
            conn.execute(
                "UPDATE notes SET deleted_at = ?, revision = revision + 1 WHERE id = ?",
                (_stamp(self._clock()), note_id),
            )
            deleted = self._fetch(conn, note_id)
        assert deleted is not None
        return deleted

    def restore(self, note: Note) -> Note:
        """Undo a delete: the note comes back with its id, text and anchor."""
        _check_text(note.body)
        with self._write() as conn:
            current = self._fetch(conn, note.id)
            if current is None:
                self._insert(conn, replace(note, deleted_at=None, revision=note.revision + 1))
            elif current.deleted_at is not None:
                conn.execute(
                    "UPDATE notes SET deleted_at = NULL, body = ?, rating = ?, revision = revision + 1 WHERE id = ?",
                    (note.body, note.rating, note.id),
                )
                write_tags(conn, note.id, parse_tags(note.body))
            restored = self._fetch(conn, note.id)
        assert restored is not None
        return restored

    def all_notes(self, *, include_deleted: bool = False) -> list[Note]:
        """Every note in the store, oldest first."""
        with self._read() as conn:
            if conn is None:
                return []
            where = "" if include_deleted else "WHERE deleted_at IS NULL"
            rows = conn.execute(f"SELECT {COLUMNS} FROM notes {where} ORDER BY created_at, id").fetchall()
            tags: dict[str, list[str]] = {}
            for note_id, tag in conn.execute("SELECT note_id, tag FROM note_tags ORDER BY note_id, position"):
                tags.setdefault(note_id, []).append(tag)
        return [note_from_row(row, tuple(tags.get(row[0], ()))) for row in rows]

    def notes_for(self, documents: Sequence[Document], *, threshold: float = FUZZY_THRESHOLD) -> list[AnchoredNote]:
        """The notes of the opened documents, re-attached to their current text (orphans included)."""
        return anchor_notes(self.all_notes(), documents, threshold=threshold)

    def orphans(self, documents: Sequence[Document]) -> list[AnchoredNote]:
        """Notes of opened documents whose quote can no longer be found."""
        return [a for a in self.notes_for(documents) if a.state is AnchorState.ORPHANED]

    def tags(self) -> list[tuple[str, int]]:
        """Tags in use with their note counts, most used first."""
        with self._read() as conn:
            if conn is None:
                return []
            rows = conn.execute(
                "SELECT t.tag, count(*) FROM note_tags t JOIN notes n ON n.id = t.note_id "
                "WHERE n.deleted_at IS NULL GROUP BY t.tag ORDER BY count(*) DESC, t.tag"
            ).fetchall()
        return [(str(tag), int(count)) for tag, count in rows]
