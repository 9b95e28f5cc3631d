"""The real reader in tmux: add a note, quit, start again and find it (marker, claim panel, list)."""

from __future__ import annotations

from pathlib import Path

from tests.tmux_helpers import keys, wait_until_indexed, kill, needs_tmux, quit_and_check_exit, session_name, start, wait_for
from tui.notes import NoteStore

pytestmark = needs_tmux


def test_note_survives_quitting_and_reopening(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = session_name("seedreader-notes")
    second = session_name("seedreader-notes")
    try:
        start(first, data, tmp_path / "exit-1")
        wait_until_indexed(first)
        keys(first, "a")
        wait_for(first, "ctrl+s save")
        keys(first, "Check this with the desk #verify", literal=True)
        wait_for(first, "tags: #verify")
        keys(first, "C-s")
        screen = wait_for(first, "Note saved")
        assert "Check this with the desk" in screen, "the claim panel shows the new note"
        quit_and_check_exit(first, tmp_path / "exit-1")

        with NoteStore.default(data) as store:
            assert [n.body for n in store.all_notes()] == ["Check this with the desk #verify"]

        start(second, data, tmp_path / "exit-2")
        wait_for(second, "1 note")
        screen = wait_for(second, "Check this with the desk")  # claim panel on the restored statement
        assert any(line.startswith("▌•") for line in screen.splitlines()), "gutter marker beside the glyph"
        keys(second, "o")
        screen = wait_for(second, "1 of 1 notes")
        assert "#verify" in screen
        keys(second, "Escape")
        quit_and_check_exit(second, tmp_path / "exit-2")
    finally:
        for session in (first, second):
            kill(session)
