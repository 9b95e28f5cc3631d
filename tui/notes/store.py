"""The notes database: SQLite in the user's data directory, safe with several readers open.

Nothing is created at import or construction; the file appears with the first note (or an
explicit ``open()``). WAL lets two readers work on one store; every write is its own
``BEGIN IMMEDIATE`` transaction committed with ``synchronous=FULL``, so a note is on disk
when ``add`` returns. A database that cannot be used is never recreated or truncated: the
store reports why (``reason``) and the reader carries on without notes.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import threading
import time
import uuid
import weakref
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from urllib.parse import quote as urlquote

from tui.corpus.model import Document, Statement
from tui.notes.anchor import FUZZY_THRESHOLD, anchor_notes, resolve_path, selector_for
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

FILENAME = "notes.sqlite3"
BUSY_TIMEOUT_MS = 5000
SQLITE_HEADER = b"SQLite format 3\x00"

SCHEMA_V1: tuple[str, ...] = (
    """
    CREATE TABLE notes (
        id TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        doc_path TEXT NOT NULL,
        doc_abspath TEXT NOT NULL,
        quote TEXT NOT NULL,
        prefix TEXT NOT NULL,
        suffix TEXT NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        body TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        deleted_at TEXT
    )
    """,
    "CREATE INDEX notes_fingerprint ON notes(fingerprint)",
    "CREATE INDEX notes_abspath ON notes(doc_abspath)",
)
"""The first schema, kept verbatim so the migration test can build a v1 database."""

# A rowid table on purpose: SQLite 3.40's integrity check reports false NOT NULL errors on
# WITHOUT ROWID tables, which would make a healthy store look corrupt.
SCHEMA_V2: tuple[str, ...] = (
    """
    CREATE TABLE note_tags (
        note_id TEXT NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        tag TEXT NOT NULL,
        PRIMARY KEY (note_id, tag)
    )
    """,
    "CREATE INDEX note_tags_tag ON note_tags(tag)",
)


def _to_v1(conn: sqlite3.Connection) -> None:
    for sql in SCHEMA_V1:
        conn.execute(sql)


def _to_v2(conn: sqlite3.Connection) -> None:
    """Tags get their own table so the notes list can filter by tag in SQL; backfilled."""
    for sql in SCHEMA_V2:
        conn.execute(sql)
    rows = conn.execute("SELECT id, body FROM notes").fetchall()
    for note_id, body in rows:
        _write_tags(conn, note_id, parse_tags(body))


SCHEMA_V3: tuple[str, ...] = ("ALTER TABLE notes ADD COLUMN rating TEXT",)


def _to_v3(conn: sqlite3.Connection) -> None:
    """A verdict on the note (``false``, ``mostly true``...); NULL for notes without one."""
    for sql in SCHEMA_V3:
        conn.execute(sql)


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_to_v1, _to_v2, _to_v3)
"""``MIGRATIONS[n]`` upgrades a database from ``user_version`` n to n + 1."""
SCHEMA_VERSION = len(MIGRATIONS)


def _write_tags(conn: sqlite3.Connection, note_id: str, tags: Sequence[str]) -> None:
    conn.execute("DELETE FROM note_tags WHERE note_id = ?", (note_id,))
    conn.executemany(
        "INSERT INTO note_tags (note_id, position, tag) VALUES (?, ?, ?)",
        [(note_id, i, tag) for i, tag in enumerate(tags)],
    )


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _check_text(body: str) -> None:
    try:
        body.encode("utf-8")
    except UnicodeEncodeError as error:
        raise NoteError(f"note text is not valid Unicode at character {error.start}") from None


_COLUMNS = (
    "id, fingerprint, doc_path, doc_abspath, quote, prefix, suffix, start_offset, end_offset, "
    "body, created_at, updated_at, revision, deleted_at, rating"
)

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


def _os_reason(error: BaseException) -> str:
    return str(getattr(error, "strerror", None) or error)


# SQLite's primary result codes (the low byte of ``sqlite3.Error.sqlite_errorcode``).
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_NOMEM, _SQLITE_IOERR, _SQLITE_FULL, _SQLITE_PROTOCOL = 5, 6, 7, 10, 13, 15


def _passing_fault(error: sqlite3.Error) -> str | None:
    """What went wrong when it may pass (the next try can work), ``None`` for a bad file.

    A full disk, a lock held past the busy timeout, an I/O error or a lack of memory say
    nothing about the file; corruption, "not a database" or a foreign schema do.
    """
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(error).lower()
    if primary == _SQLITE_FULL or "disk is full" in text:
        return "the disk is full"
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED) or _is_busy(error):
        return "the notes database is busy (another reader holds it)"
    if primary == _SQLITE_IOERR or "i/o error" in text:
        return "disk I/O error"
    if primary == _SQLITE_NOMEM or "out of memory" in text:
        return "out of memory"
    if primary == _SQLITE_PROTOCOL:
        return "locking protocol error"
    return None


def _aside_name(path: Path, label: str, moment: datetime) -> Path:
    """``notes.sqlite3.corrupt-2025-11-26`` (``-2``, ``-3``... when taken), next to ``path``."""
    base = f"{path.name}.{label}-{moment.astimezone(UTC).date().isoformat()}"
    candidate, number = path.with_name(base), 1
    while any(os.path.lexists(f"{candidate}{suffix}") for suffix in ("", "-wal", "-shm")):
        number += 1
        candidate = path.with_name(f"{base}-{number}")
    return candidate


class NoteStore:
    """Notes on statements, kept in one SQLite file.

    ``available`` says whether notes can be saved, ``readable`` whether existing ones can be
    listed, ``reason`` (one line naming the file) why not.

    Two kinds of trouble are kept apart. A passing fault (disk full, a lock held past the busy
    timeout, an I/O error) fails that one call with ``NoteStoreFault`` and sets ``transient``;
    notes stay on and the next call (or ``retry``) tries again. A bad file (corrupt, not a
    notes store, a newer schema) switches notes off, or to read-only when a newer schema's
    notes can still be read; ``bad_file`` says which, and ``move_aside`` starts afresh.
    """

    def __init__(self, path: Path, *, clock: Callable[[], datetime] = _utc_now) -> None:
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

    # -- construction -------------------------------------------------------------------

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
                store._fail(f"cannot open the notes database ({_os_reason(error)}); notes are disabled")
        return store

    def open(self) -> NoteStore:
        """Open now, creating the directory and database if needed."""
        with self._lock:
            self._connection(create=True)
        return self

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
            target = _aside_name(self.path, "newer" if label == "newer" else "corrupt", now or self._clock())
            try:
                os.rename(self.path, target)
            except OSError as error:
                raise NoteError(f"{self.path}: cannot move it aside ({_os_reason(error)}); nothing was moved") from None
            for suffix in ("-wal", "-shm"):
                log = Path(f"{self.path}{suffix}")
                if not os.path.lexists(log):
                    continue
                try:
                    os.rename(log, f"{target}{suffix}")
                except OSError as error:
                    # The old log must never meet a new database: put everything back.
                    os.rename(target, self.path)
                    raise NoteError(
                        f"{self.path}: cannot move its {suffix[1:]} file aside ({_os_reason(error)}); nothing was moved"
                    ) from None
            self._failed, self._reason, self._transient, self._bad = False, None, None, None
            self.open()
            return target

    def __enter__(self) -> NoteStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- opening ------------------------------------------------------------------------

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

    def _connection(self, *, create: bool) -> sqlite3.Connection | None:
        """The open connection; ``None`` if the database does not exist and ``create`` is off."""
        if self._failed:
            raise NoteStoreUnavailable(self.path, self._problem())
        if self._conn is not None:
            return self._conn
        path = self.path
        try:
            exists = path.exists()
        except OSError as error:  # an unsearchable data directory, a name too long
            raise self._fail(f"cannot reach the notes database ({_os_reason(error)}); notes are disabled")
        if exists:
            if not self._check_file():
                return self._open_read_only()
        elif not create:
            return None
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise self._fail(f"cannot create the notes directory ({error.strerror or error}); notes are disabled")
        try:
            conn = self._connect("rwc" if create else "rw")
        except sqlite3.OperationalError:
            conn = None
        if conn is not None:
            try:
                self._prepare(conn)
                self._conn, self._writable = conn, True
                return conn
            except _ReadOnly:
                conn.close()
            except _Newer:
                conn.close()
                return self._open_read_only()
            except NoteStoreUnavailable:
                conn.close()
                raise
        if not path.exists():
            raise self._fail("cannot create the notes database (directory is not writable); notes are disabled")
        return self._open_read_only()

    def _problem(self) -> str:
        prefix = f"{self.path}: "
        reason = self._reason or "notes are disabled"
        return reason[len(prefix) :] if reason.startswith(prefix) else reason

    def _check_file(self) -> bool:
        """Refuse anything that is not a SQLite file before SQLite touches it; True if writable."""
        path = self.path
        if path.is_dir():
            raise self._fail("is a directory, not a notes database; notes are disabled")
        try:
            with path.open("rb") as handle:
                header = handle.read(len(SQLITE_HEADER))
        except OSError as error:
            raise self._fail(f"cannot read the notes database ({error.strerror or error}); notes are disabled")
        if header and header != SQLITE_HEADER:
            raise self._fail(
                "is not a SQLite database (corrupt?); left untouched, notes are disabled", bad="corrupt"
            )
        try:
            os.close(os.open(path, os.O_RDWR))
        except OSError:
            return False
        return True

    def _connect(self, mode: str) -> sqlite3.Connection:
        uri = f"file:{urlquote(str(self.path.absolute()))}?mode={mode}"
        conn = sqlite3.connect(
            uri,
            uri=True,
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
            check_same_thread=False,
        )
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        return conn

    def _validate(self, conn: sqlite3.Connection, *, newer: bool = False) -> int:
        """Integrity and version checks that only read, before anything may write.

        ``sqlite3.OperationalError`` (cannot open, locked) passes through: that is not
        corruption, and the caller may still fall back to read-only. A newer schema raises
        ``_Newer`` (the caller reads it read-only) unless ``newer`` accepts it.
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
            raise self._fail(
                f"database is unreadable or corrupt ({error}); left untouched, notes are disabled", bad="corrupt"
            )
        if check is None or check[0] != "ok":
            raise self._fail(
                "database is corrupt (integrity check failed); left untouched, notes are disabled", bad="corrupt"
            )
        if version > SCHEMA_VERSION and not newer:
            raise _Newer(version)
        if version == 0 and has_tables:
            raise self._fail("is a SQLite database but not a seedreader notes store; left untouched", bad="foreign")
        return version

    def _prepare(self, conn: sqlite3.Connection) -> None:
        """Validate, switch to WAL, migrate, and prove a write lock can be taken.

        Every step is safe to repeat, so "busy" is retried until the busy timeout: while
        another reader is creating the store, even reading its schema can be refused without
        SQLite's busy handler running.
        """
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                self._validate(conn)
                conn.execute("PRAGMA foreign_keys = ON")
                mode = _enable_wal(conn)
                conn.execute("PRAGMA synchronous = FULL")
                self._migrate(conn)
                conn.execute("BEGIN IMMEDIATE")
                conn.execute("ROLLBACK")
                break
            except sqlite3.OperationalError as error:
                if _is_read_only(error):
                    raise _ReadOnly() from error
                if not _is_busy(error):
                    if _passing_fault(error) is not None:
                        raise self._passing(error, opening=True) from error
                    raise self._fail(f"cannot open the notes database ({error}); notes are disabled")
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if time.monotonic() > deadline:
                    raise self._passing(error, opening=True) from error
                time.sleep(0.05)
        if str(mode).lower() != "wal":
            raise _ReadOnly()

    def _migrate(self, conn: sqlite3.Connection) -> None:
        if int(conn.execute("PRAGMA user_version").fetchone()[0]) == SCHEMA_VERSION:
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Re-read inside the lock: another reader may have migrated meanwhile.
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            for migration in MIGRATIONS[version:]:
                migration(conn)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def _open_read_only(self) -> sqlite3.Connection:
        """Read-only access, notes still in the ``-wal`` log included.

        ``mode=ro`` reads the log when SQLite may use its ``-shm`` index. When it may not (a
        read-only directory after a crash left the log behind), the database and its log are
        copied to a temporary folder and read there; ``immutable=1``, which ignores the log, is
        the last resort and says notes may be missing.
        """
        version = -1
        conn: sqlite3.Connection | None = None
        missing = ""
        for mode in ("ro", "snapshot", "ro&immutable=1"):
            try:
                if mode == "snapshot":
                    conn = self._read_snapshot()
                    if conn is None:
                        continue
                else:
                    conn = self._connect(mode)
                version = self._validate(conn, newer=True)
                if mode.endswith("immutable=1") and _has_log(self.path):
                    missing = " (notes still in its -wal log cannot be read)"
                break
            except (sqlite3.OperationalError, OSError):
                if conn is not None:
                    conn.close()
                conn = None
            except NoteStoreUnavailable:
                if conn is not None:
                    conn.close()
                raise
        if conn is None:
            raise self._fail("cannot open the notes database, not even read-only; notes are disabled")
        if version > SCHEMA_VERSION:
            if not _readable_notes(conn):
                conn.close()
                raise self._fail(
                    f"notes schema {version} is newer than this seedreader understands ({SCHEMA_VERSION}) "
                    "and its notes cannot be read; left untouched, notes are disabled",
                    bad="newer",
                )
            self._conn, self._writable = conn, False
            self._fail(
                f"notes schema {version} is newer than this seedreader understands ({SCHEMA_VERSION}); "
                f"its notes are shown read-only{missing}",
                readable=True,
                bad="newer",
            )
            return conn
        if version != SCHEMA_VERSION:
            conn.close()
            raise self._fail(f"notes schema {version} needs an upgrade but the file is read-only; notes are disabled")
        self._conn, self._writable = conn, False
        self._fail(f"is read-only; existing notes are shown but new ones cannot be saved{missing}", readable=True)
        return conn

    def _read_snapshot(self) -> sqlite3.Connection | None:
        """The database and its log copied to a temporary folder and opened there (the copy's
        log is replayed into the copy, never into the original); ``None`` without a log."""
        if not _has_log(self.path):
            return None
        folder = Path(tempfile.mkdtemp(prefix="seedreader-notes-"))
        try:
            copy = folder / self.path.name
            shutil.copyfile(self.path, copy)
            shutil.copyfile(f"{self.path}-wal", f"{copy}-wal")
            uri = f"file:{urlquote(str(copy))}?mode=rw"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA query_only = ON")
        except (OSError, sqlite3.Error):
            shutil.rmtree(folder, ignore_errors=True)
            raise
        if self._snapshot is not None:
            shutil.rmtree(self._snapshot, ignore_errors=True)
        self._snapshot = folder
        weakref.finalize(self, shutil.rmtree, folder, True)  # also when never closed (at exit)
        return conn

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

    def _translate(self, error: sqlite3.DatabaseError) -> NoteError:
        text = str(error)
        if _passing_fault(error) is not None:
            return self._passing(error)
        if _is_read_only(error):
            self._writable = False
            return self._fail("became read-only; existing notes are shown but new ones cannot be saved", readable=True)
        bad = "corrupt" if "malformed" in text.lower() or "not a database" in text.lower() else None
        return self._fail(f"database error ({text}); left untouched, notes are disabled", bad=bad)

    def _passing(self, error: sqlite3.Error, *, opening: bool = False) -> NoteStoreFault:
        """A passing fault: nothing is switched off, the next call tries again. After an I/O
        error or a lack of memory the connection is closed, so the next call reopens."""
        what = _passing_fault(error) or "database error"
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
        conn.execute(
            f"INSERT INTO notes ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
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
            ),
        )
        _write_tags(conn, note.id, note.tags)

    def get(self, note_id: str, *, include_deleted: bool = False) -> Note:
        with self._read() as conn:
            note = self._fetch(conn, note_id) if conn is not None else None
        if note is None or (note.deleted_at is not None and not include_deleted):
            raise NoteNotFound(note_id)
        return note

    def _fetch(self, conn: sqlite3.Connection, note_id: str) -> Note | None:
        row = conn.execute(f"SELECT {_COLUMNS} FROM notes WHERE id = ?", (note_id,)).fetchone()
        if row is None:
            return None
        tags = tuple(
            tag
            for (tag,) in conn.execute(
                "SELECT tag FROM note_tags WHERE note_id = ? ORDER BY position", (note_id,)
            )
        )
        return _note_from_row(row, tags)

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
            _write_tags(conn, note_id, tags)
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
                _write_tags(conn, note.id, parse_tags(note.body))
            restored = self._fetch(conn, note.id)
        assert restored is not None
        return restored

    def all_notes(self, *, include_deleted: bool = False) -> list[Note]:
        """Every note in the store, oldest first."""
        with self._read() as conn:
            if conn is None:
                return []
            where = "" if include_deleted else "WHERE deleted_at IS NULL"
            rows = conn.execute(f"SELECT {_COLUMNS} FROM notes {where} ORDER BY created_at, id").fetchall()
            tags: dict[str, list[str]] = {}
            for note_id, tag in conn.execute("SELECT note_id, tag FROM note_tags ORDER BY note_id, position"):
                tags.setdefault(note_id, []).append(tag)
        return [_note_from_row(row, tuple(tags.get(row[0], ()))) for row in rows]

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


class _ReadOnly(Exception):
    """The database opened but cannot be written: fall back to read-only."""


class _Newer(Exception):
    """The schema is newer than this seedreader: read it read-only, never migrate it."""

    def __init__(self, version: int) -> None:
        super().__init__(version)
        self.version = version


def _has_log(path: Path) -> bool:
    try:
        return os.path.getsize(f"{path}-wal") > 0
    except OSError:
        return False


def _readable_notes(conn: sqlite3.Connection) -> bool:
    """Whether the columns and tables this seedreader reads are there (a newer schema may add
    to them; one that renamed or dropped them cannot be listed)."""
    try:
        conn.execute(f"SELECT {_COLUMNS} FROM notes LIMIT 1").fetchall()
        conn.execute("SELECT note_id, position, tag FROM note_tags LIMIT 1").fetchall()
    except sqlite3.Error:
        return False
    return True


def _enable_wal(conn: sqlite3.Connection) -> str:
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
            if not _is_busy(error) or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.1)


def _is_busy(error: sqlite3.Error) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text


def _is_read_only(error: sqlite3.Error) -> bool:
    text = str(error).lower()
    return "readonly" in text or "read-only" in text or "unable to open database file" in text


def _note_from_row(row: tuple[object, ...], tags: tuple[str, ...]) -> Note:
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
