"""Pilot tests: a passing fault keeps the typed note and notes on; a bad file can be moved aside."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from textual.widgets import Static, TextArea

from tests.ui_fixtures import ready, seed_notes, small_app, sync
from tui.app import SeedReaderApp
from tui.notes import NoteStore
from tui.notes import sqlite_open
from tui.notes.recovery import FOLDER
from tui.notes.store import FILENAME
from tui.screens.confirm import ConfirmScreen
from tui.screens.note_editor import NoteEditorScreen
from tui.screens.reader import ReaderScreen


def reader(app: SeedReaderApp) -> ReaderScreen:
    screen = app.get_screen("reader")
    assert isinstance(screen, ReaderScreen)
    return screen


def messages(app: SeedReaderApp) -> list[str]:
    return [n.message for n in app._notifications]


def status(app: SeedReaderApp) -> str:
    return str(reader(app).query_one("#status-text", Static).render())


@sync
async def test_full_disk_keeps_the_typed_note_and_the_next_save_works(tmp_path: Path) -> None:
    app = small_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        store = reader(app).note_store
        assert store is not None and store._conn is not None
        pages = int(store._conn.execute("PRAGMA page_count").fetchone()[0])
        store._conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full
        await pilot.press("a")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditorScreen)
        body = "A long thought " + "x" * 20_000 + " #verify"
        editor.query_one(TextArea).load_text(body)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is editor, "the editor stays open"
        assert editor.text == body, "with every character typed"
        [failure] = [m for m in messages(app) if "full" in m]
        assert "corrupt" not in failure and "disabled" not in failure
        recovery = editor.recovery
        assert recovery is not None and recovery.parent == tmp_path / FOLDER
        assert body in recovery.read_text(encoding="utf-8") and str(recovery) in failure
        assert "notes off" not in status(app) and store.available
        # the disk has room again: ctrl+s saves, the recovery file goes
        store._conn.execute("PRAGMA max_page_count = 1073741823")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert [n.body for n in NoteStore.default(tmp_path).all_notes()] == [body]
        assert not recovery.exists()
        assert "Note saved" in messages(app)


@sync
async def test_lock_held_while_opening_then_R_retries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sqlite_open, "BUSY_TIMEOUT_MS", 300)
    seed_notes(tmp_path, (0, 0, "From yesterday"))
    holder = sqlite3.connect(tmp_path / FILENAME, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        app = small_app(tmp_path)
        async with app.run_test(size=(160, 45)) as pilot:
            await ready(pilot)
            [warning] = [m for m in messages(app) if "busy" in m]
            assert "R tries again" in warning and "disabled" not in warning
            assert "notes off" not in status(app)
            holder.execute("ROLLBACK")
            await pilot.press("R")
            await pilot.pause()
            assert "Notes can be saved again" in messages(app)
            assert [a.note.body for a in reader(app).notes] == ["From yesterday"]
            await pilot.press("a")
            await pilot.pause()
            assert isinstance(app.screen, NoteEditorScreen)
    finally:
        holder.close()


@sync
async def test_retry_is_in_the_command_palette(tmp_path: Path) -> None:
    app = small_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        from tui.commands import ReaderCommands

        provider = ReaderCommands(app.screen)
        assert ("Retry notes", "retry_notes", "R") in provider._commands()


@sync
async def test_a_corrupt_store_is_moved_aside_from_the_reader(tmp_path: Path) -> None:
    database = tmp_path / FILENAME
    database.write_bytes(b"my diary, not a database\n" * 200)
    app = small_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        assert any("not a SQLite database" in m and "R moves it aside" in m for m in messages(app))
        assert "notes off" in status(app)
        await pilot.press("R")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        [moved] = [p for p in tmp_path.iterdir() if p.name.startswith(f"{FILENAME}.corrupt-")]
        assert moved.read_bytes() == b"my diary, not a database\n" * 200
        assert any(str(moved) in m and "notes are on again" in m for m in messages(app))
        assert "notes off" not in status(app)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditorScreen)
        await pilot.press("o", "k", "ctrl+s")
        await pilot.pause()
        assert [n.body for n in NoteStore.default(tmp_path).all_notes()] == ["ok"]
