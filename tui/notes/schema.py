"""The notes database's tables, one migration per schema version, and the columns the store reads.

``PRAGMA user_version`` holds the schema version; ``MIGRATIONS[n]`` takes a database from
version n to n + 1, so a new version is one new function appended to the tuple.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from tui.notes.model import parse_tags

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

SCHEMA_V3: tuple[str, ...] = ("ALTER TABLE notes ADD COLUMN rating TEXT",)

COLUMNS = (
    "id, fingerprint, doc_path, doc_abspath, quote, prefix, suffix, start_offset, end_offset, "
    "body, created_at, updated_at, revision, deleted_at, rating"
)
"""The ``notes`` columns the store reads and writes, in the order of its row tuples."""


def write_tags(conn: sqlite3.Connection, note_id: str, tags: Sequence[str]) -> None:
    """Replace the tags of ``note_id`` (in the caller's transaction)."""
    conn.execute("DELETE FROM note_tags WHERE note_id = ?", (note_id,))
    conn.executemany(
        "INSERT INTO note_tags (note_id, position, tag) VALUES (?, ?, ?)",
        [(note_id, i, tag) for i, tag in enumerate(tags)],
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
        write_tags(conn, note_id, parse_tags(body))


def _to_v3(conn: sqlite3.Connection) -> None:
    """A verdict on the note (``false``, ``mostly true``...); NULL for notes without one."""
    for sql in SCHEMA_V3:
        conn.execute(sql)


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_to_v1, _to_v2, _to_v3)
"""``MIGRATIONS[n]`` upgrades a database from ``user_version`` n to n + 1."""
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> None:
    """Bring the database to ``SCHEMA_VERSION`` in one write transaction (nothing when it is)."""
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


def readable_notes(conn: sqlite3.Connection) -> bool:
    """Whether the columns and tables this seedreader reads are there (a newer schema may add
    to them; one that renamed or dropped them cannot be listed)."""
    try:
        conn.execute(f"SELECT {COLUMNS} FROM notes LIMIT 1").fetchall()
        conn.execute("SELECT note_id, position, tag FROM note_tags LIMIT 1").fetchall()
    except sqlite3.Error:
        return False
    return True
