"""Faults of the notes store: passing ones (full disk, a lock held too long, I/O errors) never
switch notes off; a bad file (corrupt, newer schema) can be moved aside for a fresh start."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from fixtures.notes.helpers import ARTICLE, make_doc
from tui.notes import NoteError, NoteStore, NoteStoreFault, NoteStoreUnavailable
from tui.notes import sqlite_open
from tui.notes.store import FILENAME, SCHEMA_VERSION


@pytest.fixture
def doc():  # type: ignore[no-untyped-def]
    return make_doc(ARTICLE, path="story.txt")


@pytest.fixture
def short_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sqlite_open, "BUSY_TIMEOUT_MS", 300)


def _page_limit(store: NoteStore, pages: int | None) -> None:
    """Make the disk look full: no page may be added beyond ``pages`` (``None``: lift the limit)."""
    conn = store._conn
    assert conn is not None
    if pages is None:
        conn.execute("PRAGMA max_page_count = 1073741823")
    else:
        conn.execute(f"PRAGMA max_page_count = {pages}")


# -- a full disk --------------------------------------------------------------------------------


def test_full_disk_is_a_passing_fault_and_the_next_save_works(tmp_path: Path, doc) -> None:  # type: ignore[no-untyped-def]
    store = NoteStore.open_or_disabled(data_dir=tmp_path)
    store.add(doc, doc.statements[0], "saved before the disk filled up")
    pages = int(store._conn.execute("PRAGMA page_count").fetchone()[0])  # type: ignore[union-attr]
    _page_limit(store, pages)
    with pytest.raises(NoteStoreFault) as caught:
        store.add(doc, doc.statements[1], "long note " + "x" * 20_000)
    message = caught.value.message
    assert message.startswith(f"{store.path}: ") and "full" in message
    assert "corrupt" not in message and "left untouched" not in message and "disabled" not in message
    assert caught.value.transient
    # notes stay on: listing works, saving is still offered, the reason says what happened
    assert store.available and store.readable and store.transient
    assert store.reason is not None and "full" in store.reason
    assert [n.body for n in store.all_notes()] == ["saved before the disk filled up"]
    # space comes back: the next save goes through and the problem is forgotten
    _page_limit(store, None)
    store.add(doc, doc.statements[1], "long note " + "x" * 20_000)
    assert len(store.all_notes()) == 2
    assert not store.transient and store.reason is None


def test_full_disk_on_update_keeps_the_old_text_and_retries(tmp_path: Path, doc) -> None:  # type: ignore[no-untyped-def]
    store = NoteStore.open_or_disabled(data_dir=tmp_path)
    note = store.add(doc, doc.statements[0], "first version")
    _page_limit(store, int(store._conn.execute("PRAGMA page_count").fetchone()[0]))  # type: ignore[union-attr]
    with pytest.raises(NoteStoreFault):
        store.update(note.id, "second version " + "y" * 20_000, note.revision)
    assert store.get(note.id).body == "first version"
    _page_limit(store, None)
    assert store.update(note.id, "second version", note.revision).revision == note.revision + 1


# -- a lock held longer than the busy timeout -----------------------------------------------------


@pytest.mark.usefixtures("short_timeout")
def test_lock_held_past_the_timeout_while_saving_keeps_notes_on(tmp_path: Path, doc) -> None:  # type: ignore[no-untyped-def]
    store = NoteStore.open_or_disabled(data_dir=tmp_path)
    store.add(doc, doc.statements[0], "before the lock")
    holder = sqlite3.connect(store.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(NoteStoreFault) as caught:
            store.add(doc, doc.statements[1], "during the lock")
        assert "busy" in caught.value.message
        assert store.available and store.readable
        assert [n.body for n in store.all_notes()] == ["before the lock"]
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    store.add(doc, doc.statements[1], "during the lock")
    assert [n.body for n in store.all_notes()] == ["before the lock", "during the lock"]
    assert store.reason is None


@pytest.mark.usefixtures("short_timeout")
def test_lock_held_while_the_reader_opens_does_not_switch_notes_off(tmp_path: Path, doc) -> None:  # type: ignore[no-untyped-def]
    first = NoteStore.open_or_disabled(data_dir=tmp_path)
    first.add(doc, doc.statements[0], "from another session")
    first.close()
    holder = sqlite3.connect(tmp_path / FILENAME, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        store = NoteStore.open_or_disabled(data_dir=tmp_path)
        assert store.available and store.readable and store.transient
        assert store.reason is not None and "busy" in store.reason and "disabled" not in store.reason
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert [n.body for n in store.all_notes()] == ["from another session"]
    store.add(doc, doc.statements[1], "after the lock")
    assert len(store.all_notes()) == 2 and store.reason is None


@pytest.mark.usefixtures("short_timeout")
def test_retry_says_whether_notes_can_be_saved_again(tmp_path: Path, doc) -> None:  # type: ignore[no-untyped-def]
    NoteStore.open_or_disabled(data_dir=tmp_path).close()
    holder = sqlite3.connect(tmp_path / FILENAME, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    store = NoteStore.open_or_disabled(data_dir=tmp_path)
    assert store.retry() is False and store.transient
    holder.execute("ROLLBACK")
    holder.close()
    assert store.retry() is True
    assert store.available and not store.transient and store.reason is None


# -- I/O errors ---------------------------------------------------------------------------------


class _FailingConnection:
    """A connection whose next INSERT fails with a disk I/O error, as a failing disk would."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self.failures = 1

    def execute(self, sql: str, *args: Any) -> Any:
        if sql.lstrip().upper().startswith("INSERT") and self.failures:
            self.failures -= 1
            error = sqlite3.OperationalError("disk I/O error")
            error.sqlite_errorcode = 10  # type: ignore[attr-defined]
            raise error
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def test_io_error_reopens_on_the_next_save(tmp_path: Path, doc) -> None:  # type: ignore[no-untyped-def]
    store = NoteStore.open_or_disabled(data_dir=tmp_path)
    store.add(doc, doc.statements[0], "before")
    store._conn = _FailingConnection(store._conn)  # type: ignore[arg-type, assignment]
    with pytest.raises(NoteStoreFault) as caught:
        store.add(doc, doc.statements[1], "lost to the disk?")
    assert "I/O" in caught.value.message and "disabled" not in caught.value.message
    assert store.available and store.readable
    store.add(doc, doc.statements[1], "not lost")
    assert [n.body for n in store.all_notes()] == ["before", "not lost"]


def test_corruption_found_while_writing_still_switches_notes_off(tmp_path: Path, doc) -> None:  # type: ignore[no-untyped-def]
    store = NoteStore.open_or_disabled(data_dir=tmp_path)
    store.add(doc, doc.statements[0], "before")
    real = store._conn
    assert real is not None

    class Corrupt(_FailingConnection):
        def execute(self, sql: str, *args: Any) -> Any:
            if sql.lstrip().upper().startswith("INSERT"):
                error = sqlite3.DatabaseError("database disk image is malformed")
                error.sqlite_errorcode = 11  # type: ignore[attr-defined]
                raise error
            return self._conn.execute(sql, *args)

    store._conn = Corrupt(real)  # type: ignore[assignment]
    with pytest.raises(NoteStoreUnavailable) as caught:
        store.add(doc, doc.statements[1], "x")
    assert not caught.value.transient and "corrupt" in caught.value.message
    assert not store.available and not store.transient and store.bad_file == "corrupt"


# -- a bad file: move it aside, start fresh -----------------------------------------------------


def _corrupt_store(path: Path, doc) -> bytes:  # type: ignore[no-untyped-def]
    store = NoteStore(path)
    for i in range(200):
        store.add(doc, doc.statements[i % 5], f"note {i} " + "x" * 200)
    store.close()
    data = bytearray(path.read_bytes())
    data[4096 * 2 : 4096 * 6] = b"\xde\xad\xbe\xef" * 4096
    path.write_bytes(bytes(data))
    return bytes(data)


def test_a_corrupt_store_can_be_moved_aside_for_a_fresh_one(tmp_path: Path, doc) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / FILENAME
    damaged = _corrupt_store(path, doc)
    store = NoteStore.open_or_disabled(path)
    assert not store.available and store.bad_file == "corrupt"
    moved = store.move_aside(now=datetime(2025, 11, 26, 9, 30, tzinfo=UTC))
    assert moved == tmp_path / f"{FILENAME}.corrupt-2025-11-26"
    assert moved.read_bytes() == damaged, "the damaged file is kept, byte for byte"
    assert store.available and store.readable and store.reason is None and store.bad_file is None
    store.add(doc, doc.statements[0], "a fresh start")
    assert [n.body for n in NoteStore(path).all_notes()] == ["a fresh start"]
    # a second one the same day does not overwrite the first
    store.close()
    path.write_bytes(b"garbage, not sqlite" * 100)
    again = NoteStore.open_or_disabled(path)
    assert again.bad_file == "corrupt"
    second = again.move_aside(now=datetime(2025, 11, 26, 18, 0, tzinfo=UTC))
    assert second == tmp_path / f"{FILENAME}.corrupt-2025-11-26-2"
    assert moved.read_bytes() == damaged


def test_a_healthy_store_is_never_moved_aside(tmp_path: Path, doc) -> None:  # type: ignore[no-untyped-def]
    store = NoteStore.open_or_disabled(data_dir=tmp_path)
    store.add(doc, doc.statements[0], "keep me")
    with pytest.raises(NoteError, match="nothing was moved"):
        store.move_aside()
    assert [n.body for n in store.all_notes()] == ["keep me"]


def _future_store(path: Path, doc, version: int = SCHEMA_VERSION + 1) -> None:  # type: ignore[no-untyped-def]
    store = NoteStore(path)
    store.add(doc, doc.statements[0], "written by a newer seedreader #later")
    store.add(doc, doc.statements[1], "and another")
    store.close()
    raw = sqlite3.connect(path)
    raw.execute("ALTER TABLE notes ADD COLUMN colour TEXT")  # what a later schema might add
    raw.execute(f"PRAGMA user_version = {version}")
    raw.commit()
    raw.close()


def test_a_newer_schema_is_listed_read_only_and_never_written(tmp_path: Path, doc) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / FILENAME
    _future_store(path, doc)
    before = path.read_bytes()
    store = NoteStore.open_or_disabled(path)
    assert store.readable and not store.available and store.bad_file == "newer"
    assert store.reason is not None and "newer" in store.reason and "read-only" in store.reason
    assert [n.body for n in store.all_notes()] == ["written by a newer seedreader #later", "and another"]
    assert [a.statement_id for a in store.notes_for([doc])] == ["d1:0", "d1:1"]
    with pytest.raises(NoteStoreUnavailable):
        store.add(doc, doc.statements[2], "refused")
    store.close()
    assert path.read_bytes() == before
    assert NoteStore(path).schema_version == SCHEMA_VERSION + 1


def test_a_newer_schema_can_be_moved_aside(tmp_path: Path, doc) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / FILENAME
    _future_store(path, doc)
    store = NoteStore.open_or_disabled(path)
    moved = store.move_aside(now=datetime(2025, 11, 26, tzinfo=UTC))
    assert moved.name == f"{FILENAME}.newer-2025-11-26"
    assert store.available and store.all_notes() == []
    assert len(NoteStore(moved).all_notes()) == 2


# -- the command line ---------------------------------------------------------------------------


def test_seedreader_notes_moves_a_damaged_store_aside(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tui.cli import main

    data = tmp_path / "data"
    data.mkdir()
    (data / FILENAME).write_bytes(b"not a database" * 100)
    assert main(["notes", "--data-dir", str(data)]) == 2
    err = capsys.readouterr().err
    assert "not a SQLite database" in err and "--move-aside" in err
    assert main(["notes", "--data-dir", str(data), "--move-aside"]) == 0
    out = capsys.readouterr().out
    [moved] = [p for p in data.iterdir() if p.name.startswith(f"{FILENAME}.corrupt-")]
    assert str(moved) in out and moved.read_bytes() == b"not a database" * 100
    assert main(["notes", "--data-dir", str(data)]) == 0
    assert capsys.readouterr().out.strip() == f"{data / FILENAME}: 0 notes"
    assert main(["notes", "--data-dir", str(data), "--move-aside"]) == 2, "a healthy store stays"
    assert "nothing was moved" in capsys.readouterr().err
