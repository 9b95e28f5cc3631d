"""The real ``seedreader`` in a real terminal (tmux): keys in, screen text out via capture-pane."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")
pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed")


def _command() -> str:
    script = Path(sys.executable).with_name("seedreader")
    return str(script) if script.exists() else f"{sys.executable} -m tui"


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


def test_seedreader_in_tmux(tmp_path: Path) -> None:
    session = f"seedreader-test-{uuid.uuid4().hex[:8]}"
    marker = tmp_path / "exit-code"
    env = {"SEEDREADER_DATA_DIR": str(tmp_path / "data"), "TERM": "xterm-256color"}
    shell = f"{_command()}; echo $? > {marker}; sleep 5"
    args = [TMUX, "new-session", "-d", "-s", session, "-x", "160", "-y", "45"]
    for key, value in env.items():
        args += ["-e", f"{key}={value}"]
    subprocess.run([*args, shell], check=True, env={**os.environ, **env})  # type: ignore[list-item]
    try:
        screen = _wait_for(session, "statement 1/")
        assert "✓" in screen and "?" in screen
        assert "filter: all" in screen
        subprocess.run([TMUX, "send-keys", "-t", session, "j", "j"], check=True)  # type: ignore[list-item]
        _wait_for(session, "statement 3/")
        subprocess.run([TMUX, "send-keys", "-t", session, "f"], check=True)  # type: ignore[list-item]
        _wait_for(session, "filter: conflicting")
        subprocess.run([TMUX, "send-keys", "-t", session, "?"], check=True)  # type: ignore[list-item]
        screen = _wait_for(session, "Keys (escape closes)")
        assert "Next conflict" in screen
        subprocess.run([TMUX, "send-keys", "-t", session, "Escape"], check=True)  # type: ignore[list-item]
        time.sleep(0.5)
        subprocess.run([TMUX, "send-keys", "-t", session, "q"], check=True)  # type: ignore[list-item]
        deadline = time.monotonic() + 10
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert marker.read_text().strip() == "0"
        assert (tmp_path / "data" / "reader-state.json").is_file()
    finally:
        subprocess.run([TMUX, "kill-session", "-t", session], check=False, capture_output=True)  # type: ignore[list-item]
