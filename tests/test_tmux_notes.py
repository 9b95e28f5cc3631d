"""The real reader in tmux: add a note, quit, start again and find it (marker, claim panel, list)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tui.notes import NoteStore

TMUX = shutil.which("tmux")
pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed")


def _capture(session: str) -> str:
    return subprocess.run(
        [TMUX, "capture-pane", "-p", "-t", session], capture_output=True, text=True, check=False  # type: ignore[list-item]
    ).stdout


def _wait_for(session: str, text: str, timeout: float = 15.0) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = _capture(session)
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} not on screen:\n{screen}")


def _keys(session: str, *keys: str, literal: bool = False) -> None:
    args = [TMUX, "send-keys", "-t", session, *(["-l"] if literal else []), *keys]
    subprocess.run(args, check=True)  # type: ignore[list-item]
    time.sleep(0.3)


def _start(session: str, data: Path, marker: Path) -> None:
    env = {"SEEDREADER_DATA_DIR": str(data), "TERM": "xterm-256color"}
    shell = f"{sys.executable} -m tui; echo $? > {marker}; sleep 5"
    args = [TMUX, "new-session", "-d", "-s", session, "-x", "160", "-y", "45", "-c", str(data.parent)]
    for key, value in env.items():
        args += ["-e", f"{key}={value}"]
    subprocess.run([*args, shell], check=True, env={**os.environ, **env})  # type: ignore[list-item]


def _quit(session: str, marker: Path) -> None:
    _keys(session, "q")
    deadline = time.monotonic() + 10
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert marker.read_text().strip() == "0"
    subprocess.run([TMUX, "kill-session", "-t", session], check=False, capture_output=True)  # type: ignore[list-item]


def test_note_survives_quitting_and_reopening(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = f"seedreader-notes-{uuid.uuid4().hex[:8]}"
    second = f"seedreader-notes-{uuid.uuid4().hex[:8]}"
    try:
        _start(first, data, tmp_path / "exit-1")
        _wait_for(first, "statement 1/")
        _keys(first, "a")
        _wait_for(first, "ctrl+s save")
        _keys(first, "Check this with the desk #verify", literal=True)
        _wait_for(first, "tags: #verify")
        _keys(first, "C-s")
        screen = _wait_for(first, "Note saved")
        assert "Check this with the desk" in screen, "the claim panel shows the new note"
        _quit(first, tmp_path / "exit-1")

        with NoteStore.default(data) as store:
            assert [n.body for n in store.all_notes()] == ["Check this with the desk #verify"]

        _start(second, data, tmp_path / "exit-2")
        screen = _wait_for(second, "1 note")
        assert "Check this with the desk" in screen, "claim panel on the restored statement"
        assert any(line.startswith("▌•") for line in screen.splitlines()), "gutter marker beside the glyph"
        _keys(second, "o")
        screen = _wait_for(second, "1 of 1 notes")
        assert "#verify" in screen
        _keys(second, "Escape")
        _quit(second, tmp_path / "exit-2")
    finally:
        for session in (first, second):
            subprocess.run([TMUX, "kill-session", "-t", session], check=False, capture_output=True)  # type: ignore[list-item]
