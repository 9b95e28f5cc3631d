"""Driving the real ``seedreader`` in tmux: start it detached, send keys, read the screen."""

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
needs_tmux = pytest.mark.skipif(TMUX is None, reason="tmux is not installed")


def _tmux(session: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Each session runs on its own tmux server (socket named after it).

    With one shared server, killing the last session shuts the server down, and a session
    started in that moment dies with it ("server exited unexpectedly"), leaving a blank screen.
    """
    assert TMUX is not None
    return subprocess.run([TMUX, "-L", session, *args], capture_output=True, text=True, check=check)


def command() -> str:
    """The installed ``seedreader`` script, or the package run with this interpreter."""
    script = Path(sys.executable).with_name("seedreader")
    return str(script) if script.exists() else f"{sys.executable} -m tui"


def session_name(prefix: str = "seedreader-test") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def start(session: str, data: Path, marker: Path, *, size: tuple[int, int] = (160, 45)) -> None:
    """Run the reader on the sample corpus with its data in ``data``; its exit code goes to ``marker``."""
    env = {"SEEDREADER_DATA_DIR": str(data), "SEEDREADER_CACHE_DIR": str(data / "cache"),
           "TERM": "xterm-256color"}
    shell = f"{command()}; echo $? > {marker}; sleep 5"
    args = ["new-session", "-d", "-s", session, "-x", str(size[0]), "-y", str(size[1]), "-c", str(data.parent)]
    for key, value in env.items():
        args += ["-e", f"{key}={value}"]
    assert TMUX is not None
    subprocess.run([TMUX, "-L", session, *args, shell], check=True, env={**os.environ, **env})


def capture(session: str) -> str:
    return _tmux(session, "capture-pane", "-p", "-t", session, check=False).stdout


def wait_for(session: str, text: str, timeout: float = 15.0) -> str:
    """The screen once ``text`` is on it; fails with the last screen after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = capture(session)
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} not on screen:\n{screen}")


def wait_until_indexed(session: str, timeout: float = 30.0) -> str:
    """The first screen after the claim index arrived (the UI paints before it, saying
    "indexing…" in the pane headers and the claim panel)."""
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = capture(session)
        if "statement 1/" in screen and "ndexing" not in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"the claim index never arrived:\n{screen}")


def keys(session: str, *names: str, literal: bool = False) -> None:
    """Send tmux key names (or, with ``literal``, text) and give the reader a moment."""
    _tmux(session, "send-keys", "-t", session, *(["-l"] if literal else []), *names)
    time.sleep(0.3)


def quit_and_check_exit(session: str, marker: Path) -> None:
    """Press ``q`` and assert the reader exited with code 0."""
    keys(session, "q")
    deadline = time.monotonic() + 10
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert marker.read_text().strip() == "0"
    kill(session)


def kill(session: str) -> None:
    _tmux(session, "kill-server", check=False)
