"""What a SQLite or OS error means for the notes store: a passing fault (the next try can
work), a read-only place, or a bad file. Pure classification; the store decides what to do."""

from __future__ import annotations

import sqlite3

# SQLite's primary result codes (the low byte of ``sqlite3.Error.sqlite_errorcode``).
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_NOMEM, _SQLITE_IOERR, _SQLITE_FULL, _SQLITE_PROTOCOL = 5, 6, 7, 10, 13, 15


def os_reason(error: BaseException) -> str:
    """The OS's words for ``error`` (``No space left on device``), else its text."""
    return str(getattr(error, "strerror", None) or error)


def is_busy(error: sqlite3.Error) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text


def is_read_only(error: sqlite3.Error) -> bool:
    text = str(error).lower()
    return "readonly" in text or "read-only" in text or "unable to open database file" in text


def passing_fault(error: sqlite3.Error) -> str | None:
    """What went wrong when it may pass (the next try can work), ``None`` for a bad file.

    A full disk, a lock held past the busy timeout, an I/O error or a lack of memory say
    nothing about the file; corruption, "not a database" or a foreign schema do.
    """
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(error).lower()
    if primary == _SQLITE_FULL or "disk is full" in text:
        return "the disk is full"
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED) or is_busy(error):
        return "the notes database is busy (another reader holds it)"
    if primary == _SQLITE_IOERR or "i/o error" in text:
        return "disk I/O error"
    if primary == _SQLITE_NOMEM or "out of memory" in text:
        return "out of memory"
    if primary == _SQLITE_PROTOCOL:
        return "locking protocol error"
    return None
