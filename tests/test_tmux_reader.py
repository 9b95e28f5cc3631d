"""The real ``seedreader`` in a real terminal (tmux): keys in, screen text out via capture-pane."""

from __future__ import annotations

from pathlib import Path

from tests.tmux_helpers import keys, wait_until_indexed, kill, needs_tmux, quit_and_check_exit, session_name, start, wait_for

pytestmark = needs_tmux


def test_seedreader_in_tmux(tmp_path: Path) -> None:
    session = session_name()
    marker = tmp_path / "exit-code"
    start(session, tmp_path / "data", marker)
    try:
        screen = wait_until_indexed(session)
        assert "✓" in screen and "?" in screen
        assert "filter: all" in screen
        assert "? Help" in wait_for(session, "q Quit"), "the footer teaches the keys"
        keys(session, "j", "j")
        wait_for(session, "statement 3/")
        keys(session, "f")
        wait_for(session, "filter: conflicting")
        keys(session, "?")
        screen = wait_for(session, "Keys (escape closes)")
        assert "Next conflict" in screen
        keys(session, "Escape")
        quit_and_check_exit(session, marker)
        assert (tmp_path / "data" / "reader-state.json").is_file()
    finally:
        kill(session)


def test_80_columns_keep_help_quit_and_the_conflict_reason_in_view(tmp_path: Path) -> None:
    session = session_name()
    marker = tmp_path / "exit-code"
    start(session, tmp_path / "data", marker, size=(80, 24))
    try:
        wait_until_indexed(session)
        screen = wait_for(session, "q Quit")
        assert "? Help" in screen
        keys(session, "c", "n")
        # the sample's date conflict may be two days of one visit: worded as the report words it
        screen = wait_for(session, "possibly different")
        assert all(len(line) <= 80 for line in screen.splitlines())
        rows = screen.splitlines()
        at = next(n for n, line in enumerate(rows) if "possibly different" in line)
        reason = " ".join(rows[at : at + 2])  # the longer wording may wrap at 80 columns
        assert "#" in reason and ":" not in reason.split("(")[-1], "names the other article, not an id"
        quit_and_check_exit(session, marker)
    finally:
        kill(session)
