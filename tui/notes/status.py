"""What the notes store can do now and why: the state behind ``available``, ``readable``,
``reason``, ``transient`` and ``bad_file``, and the translation of SQLite errors into it.

Two kinds of trouble are kept apart. A passing fault (disk full, a lock held past the busy
timeout, an I/O error) fails that one call with ``NoteStoreFault`` and sets ``transient``;
notes stay on and the next call (or ``retry``) tries again. A bad file (corrupt, not a notes
store, a newer schema) switches notes off, or to read-only when a newer schema's notes can
still be read; ``bad_file`` says which, and ``move_aside`` starts afresh.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from tui.notes.faults import is_read_only, passing_fault
from tui.notes.model import NoteError, NoteStoreFault, NoteStoreUnavailable


def utc_now() -> datetime:
    return datetime.now(UTC)


class StoreStatus:
    """The store's connection slot and what it allows; ``reason`` is one line naming the file."""

    def __init__(self, path: Path, *, clock: Callable[[], datetime] = utc_now) -> None:
        self.path = Path(path)
        self._clock = clock
        self._conn: sqlite3.Connection | None = None
        self._writable = False
        self._reason: str | None = None
        self._failed = False
        self._transient: str | None = None
        self._bad: str | None = None
        self._snapshot: Path | None = None
        """A temporary copy of a read-only database and its log, read instead of the original."""
        self._lock = threading.RLock()

    @property
    def available(self) -> bool:
        """Notes can be saved, or will be tried again after a passing fault."""
        if self._failed:
            return False
        if self._conn is not None:
            return self._writable
        return self._transient is not None

    @property
    def readable(self) -> bool:
        if self._failed:
            return False
        return self._conn is not None or self._transient is not None

    @property
    def reason(self) -> str | None:
        return self._reason or self._transient

    @property
    def transient(self) -> bool:
        """The last call met a passing fault (disk full, busy, I/O); the next one tries again."""
        return not self._failed and self._transient is not None

    @property
    def bad_file(self) -> str | None:
        """``corrupt``, ``foreign`` (another program's SQLite file) or ``newer`` (a schema from a
        later seedreader): the file itself is the problem, and ``move_aside`` can start afresh."""
        return self._bad

    def _fail(self, problem: str, *, readable: bool = False, bad: str | None = None) -> NoteStoreUnavailable:
        error = NoteStoreUnavailable(self.path, problem)
        self._reason = error.message
        self._transient = None
        if bad is not None:
            self._bad = bad
        if not readable:
            self._failed = True
            if self._conn is not None:
                self._conn.close()
                self._conn = None
        return error

    def _problem(self) -> str:
        prefix = f"{self.path}: "
        reason = self._reason or "notes are disabled"
        return reason[len(prefix) :] if reason.startswith(prefix) else reason

    def _translate(self, error: sqlite3.DatabaseError) -> NoteError:
        text = str(error)
        if passing_fault(error) is not None:
            return self._passing(error)
        if is_read_only(error):
            self._writable = False
            return self._fail("became read-only; existing notes are shown but new ones cannot be saved", readable=True)
        bad = "corrupt" if "malformed" in text.lower() or "not a database" in text.lower() else None
        return self._fail(f"database error ({text}); left untouched, notes are disabled", bad=bad)

    def _passing(self, error: sqlite3.Error, *, opening: bool = False) -> NoteStoreFault:
        """A passing fault: nothing is switched off, the next call tries again. After an I/O
        error or a lack of memory the connection is closed, so the next call reopens."""
        what = passing_fault(error) or "database error"
        detail = str(error)
        outcome = "notes stay on and it is tried again on the next save" if opening else "nothing was saved, try again"
        fault = NoteStoreFault(
            self.path, f"{what}{f' ({detail})' if detail.lower() not in what.lower() else ''}; {outcome}"
        )
        self._transient = fault.message
        if what in ("disk I/O error", "out of memory") and self._conn is not None:
            try:
                self._conn.close()
            except sqlite3.Error:
                pass
            self._conn = None
        return fault
