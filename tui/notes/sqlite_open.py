"""The steps of opening the notes file, without state: check the header, connect, validate,
switch to WAL and migrate, or copy a read-only database with its log aside to read it.

Each step says what it found by raising: ``Unusable`` (a bad or unreachable file: notes off),
``Passing`` (a passing fault: try again later), ``ReadOnly`` (fall back to reading) or
``Newer`` (a schema from a later seedreader: read it, never migrate it). The store's
connection (``tui.notes.connection``) turns these into its state.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote as urlquote

from tui.notes.faults import is_busy, is_read_only, passing_fault
from tui.notes.schema import SCHEMA_VERSION, migrate

BUSY_TIMEOUT_MS = 5000
SQLITE_HEADER = b"SQLite format 3\x00"


class Unusable(Exception):
    """The file cannot be used; ``problem`` says why, ``bad`` names a bad file (``corrupt``,
    ``foreign``, ``newer``) that moving aside would cure."""

    def __init__(self, problem: str, *, bad: str | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.bad = bad


class Passing(Exception):
    """A passing fault while opening (busy past the timeout, disk full, I/O)."""

    def __init__(self, error: sqlite3.Error) -> None:
        super().__init__(str(error))
        self.error = error


class ReadOnly(Exception):
    """The database opened but cannot be written: fall back to read-only."""


class Newer(Exception):
    """The schema is newer than this seedreader: read it read-only, never migrate it."""

    def __init__(self, version: int) -> None:
        super().__init__(version)
        self.version = version


def check_file(path: Path) -> bool:
    """Refuse anything that is not a SQLite file before SQLite touches it; True if writable."""
    if path.is_dir():
        raise Unusable("is a directory, not a notes database; notes are disabled")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise Unusable(f"cannot read the notes database ({error.strerror or error}); notes are disabled") from None
    if header and header != SQLITE_HEADER:
        raise Unusable("is not a SQLite database (corrupt?); left untouched, notes are disabled", bad="corrupt")
    try:
        os.close(os.open(path, os.O_RDWR))
    except OSError:
        return False
    return True


def connect(path: Path, mode: str) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit) with the busy timeout."""
    uri = f"file:{urlquote(str(path.absolute()))}?mode={mode}"
    conn = sqlite3.connect(
        uri,
        uri=True,
        timeout=BUSY_TIMEOUT_MS / 1000,
        isolation_level=None,
        check_same_thread=False,
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def validate(conn: sqlite3.Connection, *, newer: bool = False) -> int:
    """Integrity and version checks that only read, before anything may write; the version.

    ``sqlite3.OperationalError`` (cannot open, locked) passes through: that is not
    corruption, and the caller may still fall back to read-only. A newer schema raises
    ``Newer`` (the caller reads it read-only) unless ``newer`` accepts it.
    """
    try:
        check = conn.execute("PRAGMA quick_check(1)").fetchone()
        # One statement, one snapshot: read apart, a store another process creates in
        # between looks like tables without a version, i.e. someone else's database.
        version, tables = conn.execute(
            "SELECT user_version, (SELECT count(*) FROM sqlite_master) FROM pragma_user_version"
        ).fetchone()
        version, has_tables = int(version), bool(tables)
    except sqlite3.OperationalError:
        raise
    except sqlite3.DatabaseError as error:
        raise Unusable(
            f"database is unreadable or corrupt ({error}); left untouched, notes are disabled", bad="corrupt"
        ) from None
    if check is None or check[0] != "ok":
        raise Unusable("database is corrupt (integrity check failed); left untouched, notes are disabled", bad="corrupt")
    if version > SCHEMA_VERSION and not newer:
        raise Newer(version)
    if version == 0 and has_tables:
        raise Unusable("is a SQLite database but not a seedreader notes store; left untouched", bad="foreign")
    return version


def enable_wal(conn: sqlite3.Connection) -> str:
    """Switch to WAL, retrying: the switch takes an exclusive lock and SQLite does not run the
    busy handler for it, so two readers creating the store at once would otherwise fail."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    delay = 0.005
    while True:
        try:
            current = str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower()
            if current == "wal":
                return current
            return str(conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]).lower()
        except sqlite3.OperationalError as error:
            if not is_busy(error) or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.1)


def prepare(conn: sqlite3.Connection) -> None:
    """Validate, switch to WAL, migrate, and prove a write lock can be taken.

    Every step is safe to repeat, so "busy" is retried until the busy timeout: while
    another reader is creating the store, even reading its schema can be refused without
    SQLite's busy handler running.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            validate(conn)
            conn.execute("PRAGMA foreign_keys = ON")
            mode = enable_wal(conn)
            conn.execute("PRAGMA synchronous = FULL")
            migrate(conn)
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
            break
        except sqlite3.OperationalError as error:
            if is_read_only(error):
                raise ReadOnly() from error
            if not is_busy(error):
                if passing_fault(error) is not None:
                    raise Passing(error) from error
                raise Unusable(f"cannot open the notes database ({error}); notes are disabled") from None
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if time.monotonic() > deadline:
                raise Passing(error) from error
            time.sleep(0.05)
    if str(mode).lower() != "wal":
        raise ReadOnly()


def has_log(path: Path) -> bool:
    """Whether ``path`` has a non-empty ``-wal`` log (notes not yet in the main file)."""
    try:
        return os.path.getsize(f"{path}-wal") > 0
    except OSError:
        return False


def read_snapshot(path: Path) -> tuple[sqlite3.Connection, Path] | None:
    """The database and its log copied to a temporary folder and opened there (the copy's
    log is replayed into the copy, never into the original), with that folder (the caller
    removes it); ``None`` without a log."""
    if not has_log(path):
        return None
    folder = Path(tempfile.mkdtemp(prefix="seedreader-notes-"))
    try:
        copy = folder / path.name
        shutil.copyfile(path, copy)
        shutil.copyfile(f"{path}-wal", f"{copy}-wal")
        uri = f"file:{urlquote(str(copy))}?mode=rw"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA query_only = ON")
    except (OSError, sqlite3.Error):
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return conn, folder


def open_read_only(path: Path, keep_snapshot: Callable[[Path], None]) -> tuple[sqlite3.Connection, int, str]:
    """Read-only access, notes still in the ``-wal`` log included: the connection, the
    schema version, and a note (`` (notes still in its -wal log cannot be read)``) or ``""``.

    ``mode=ro`` reads the log when SQLite may use its ``-shm`` index. When it may not (a
    read-only directory after a crash left the log behind), the database and its log are
    copied to a temporary folder (handed to ``keep_snapshot``) and read there;
    ``immutable=1``, which ignores the log, is the last resort and says notes may be missing.
    """
    version, missing = -1, ""
    conn: sqlite3.Connection | None = None
    for mode in ("ro", "snapshot", "ro&immutable=1"):
        try:
            if mode == "snapshot":
                opened = read_snapshot(path)
                if opened is None:
                    continue
                conn, folder = opened
                keep_snapshot(folder)
            else:
                conn = connect(path, mode)
            version = validate(conn, newer=True)
            if mode.endswith("immutable=1") and has_log(path):
                missing = " (notes still in its -wal log cannot be read)"
            break
        except (sqlite3.OperationalError, OSError):
            if conn is not None:
                conn.close()
            conn = None
        except Unusable:
            if conn is not None:
                conn.close()
            raise
    if conn is None:
        raise Unusable("cannot open the notes database, not even read-only; notes are disabled")
    return conn, version, missing
