"""Opening the notes store and using it: open on first use (creating if asked), fall back to
read-only, retry after a passing fault, move a bad file aside, and run the store's queries in
transactions whose SQLite errors become ``NoteError`` (via ``StoreStatus``).
"""

from __future__ import annotations

import shutil
import sqlite3
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Self

from tui.notes.aside import move_files_aside
from tui.notes.faults import os_reason
from tui.notes.model import NoteError, NoteStoreUnavailable
from tui.notes.schema import SCHEMA_VERSION, readable_notes
from tui.notes.sqlite_open import Newer, Passing, ReadOnly, Unusable, check_file, connect, open_read_only, prepare
from tui.notes.status import StoreStatus


class StoreConnection(StoreStatus):
    """One SQLite file, opened on first use; ``available`` says whether notes can be saved,
    ``readable`` whether existing ones can be listed, ``reason`` (one line naming the file)
    why not. ``_write`` and ``_read`` give the connection to the store's queries."""

    def open(self) -> Self:
        """Open now, creating the directory and database if needed."""
        with self._lock:
            self._connection(create=True)
        return self

    @property
    def schema_version(self) -> int:
        with self._lock:
            conn = self._connection(create=False)
            if conn is None:
                return 0
            return int(conn.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
            if self._snapshot is not None:
                shutil.rmtree(self._snapshot, ignore_errors=True)
                self._snapshot = None

    def retry(self) -> bool:
        """Try again after a passing fault (or a read-only place that may be writable again).

        True when notes can be saved now; otherwise ``reason`` says why.
        """
        with self._lock:
            if self._failed:
                return False
            if self._conn is not None and not self._writable and self._bad is None:
                self.close()  # read-only: look again, the directory may be writable now
                self._reason = None
            try:
                conn = self._connection(create=True)
                if conn is not None and self._writable:
                    conn.execute("BEGIN IMMEDIATE")
                    conn.execute("ROLLBACK")
            except sqlite3.DatabaseError as error:
                self._translate(error)
                return False
            except NoteError:
                return False
            if self.available and self._conn is not None:
                self._transient = None
            return self.available and not self.transient

    def move_aside(self, *, now: datetime | None = None) -> Path:
        """Rename a corrupt, foreign or newer-schema database (with its ``-wal`` and ``-shm``) to
        ``notes.sqlite3.corrupt-<date>`` (``newer-<date>`` for a newer schema) and start a fresh
        store; the new name. Refuses a healthy store: nothing is ever deleted."""
        with self._lock:
            label = self._bad
            if label is None:
                raise NoteError(f"{self.path}: the notes database is not damaged; nothing was moved")
            self.close()
            target = move_files_aside(self.path, "newer" if label == "newer" else "corrupt", now or self._clock())
            self._failed, self._reason, self._transient, self._bad = False, None, None, None
            self.open()
            return target

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- opening ------------------------------------------------------------------------

    def _connection(self, *, create: bool) -> sqlite3.Connection | None:
        """The open connection; ``None`` if the database does not exist and ``create`` is off."""
        if self._failed:
            raise NoteStoreUnavailable(self.path, self._problem())
        if self._conn is not None:
            return self._conn
        try:
            return self._open_file(create=create)
        except Unusable as bad:
            raise self._fail(bad.problem, bad=bad.bad) from None
        except Passing as fault:
            raise self._passing(fault.error, opening=True) from fault.error

    def _check_file(self) -> bool:
        return check_file(self.path)

    def _open_file(self, *, create: bool) -> sqlite3.Connection | None:
        path = self.path
        try:
            exists = path.exists()
        except OSError as error:  # an unsearchable data directory, a name too long
            raise Unusable(f"cannot reach the notes database ({os_reason(error)}); notes are disabled") from None
        if exists:
            if not self._check_file():
                return self._open_read_only()
        elif not create:
            return None
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise Unusable(
                    f"cannot create the notes directory ({error.strerror or error}); notes are disabled"
                ) from None
        try:
            conn: sqlite3.Connection | None = connect(path, "rwc" if create else "rw")
        except sqlite3.OperationalError:
            conn = None
        if conn is not None:
            try:
                prepare(conn)
                self._conn, self._writable = conn, True
                return conn
            except ReadOnly:
                conn.close()
            except Newer:
                conn.close()
                return self._open_read_only()
            except (Unusable, Passing):
                conn.close()
                raise
        if not path.exists():
            raise Unusable("cannot create the notes database (directory is not writable); notes are disabled")
        return self._open_read_only()

    def _open_read_only(self) -> sqlite3.Connection:
        """Read-only access (see ``open_read_only``); notes off when even that fails or when
        the schema is one this seedreader cannot read."""
        conn, version, missing = open_read_only(self.path, self._keep_snapshot)
        if version > SCHEMA_VERSION:
            understood = f"notes schema {version} is newer than this seedreader understands ({SCHEMA_VERSION})"
            if not readable_notes(conn):
                conn.close()
                raise Unusable(
                    f"{understood} and its notes cannot be read; left untouched, notes are disabled", bad="newer"
                )
            self._conn, self._writable = conn, False
            self._fail(f"{understood}; its notes are shown read-only{missing}", readable=True, bad="newer")
            return conn
        if version != SCHEMA_VERSION:
            conn.close()
            raise Unusable(f"notes schema {version} needs an upgrade but the file is read-only; notes are disabled")
        self._conn, self._writable = conn, False
        self._fail(f"is read-only; existing notes are shown but new ones cannot be saved{missing}", readable=True)
        return conn

    def _keep_snapshot(self, folder: Path) -> None:
        """Own a read-only copy's folder: removed on ``close`` or when the store is collected."""
        if self._snapshot is not None:
            shutil.rmtree(self._snapshot, ignore_errors=True)
        self._snapshot = folder
        weakref.finalize(self, shutil.rmtree, folder, True)  # also when never closed (at exit)

    # -- transactions -------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            conn = self._connection(create=True)
            if conn is None or not self._writable:
                raise NoteStoreUnavailable(self.path, self._problem())
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                raise self._translate(error) from error
            try:
                yield conn
                conn.execute("COMMIT")
                self._transient = None
            except BaseException as error:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(error, sqlite3.DatabaseError):
                    raise self._translate(error) from error
                raise

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection | None]:
        with self._lock:
            conn = self._connection(create=False)
            try:
                yield conn
            except sqlite3.DatabaseError as error:
                raise self._translate(error) from error
