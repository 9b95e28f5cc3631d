"""What the command writes: one-line errors on stderr, standard output that survives a full
disk or a closed pipe, a progress line for terminals, and the width and colour to print with."""

from __future__ import annotations

import os
import sys
from typing import TextIO

from tui.safe_text import safe_line


def err(message: str) -> None:
    """One line on stderr; paths in ``message`` are untrusted, so the line is sanitised."""
    print(f"seedreader: {safe_line(message)}", file=sys.stderr)


def write_stdout(text: str, stream: TextIO | None = None) -> bool:
    """Write and flush; on failure (``> /dev/full``, a closed pipe's cousins) one line, ``False``.

    ``BrokenPipeError`` passes through: ``main`` treats a reader that went away as success.
    """
    stream = stream or sys.stdout
    try:
        stream.write(text)
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        err(f"cannot write to standard output ({error.strerror or error})")
        drop_stdout()
        return False
    return True


def drop_stdout() -> None:
    """Point fd 1 at /dev/null so the interpreter's final flush of what is still buffered succeeds."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


class Progress:
    """"reading 120 of 317 files" on one stderr line, rewritten in place at most 10 times a
    second; only when stderr is a terminal (``enabled``), so logs and pipes get nothing."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        try:
            self.enabled = self.stream.isatty() and os.environ.get("TERM") != "dumb"
        except (AttributeError, ValueError):
            self.enabled = False
        self._last = 0.0
        self._shown = False

    def __call__(self, done: int, total: int, path: str = "") -> None:
        from time import monotonic

        now = monotonic()
        if done != total and now - self._last < 0.1:
            return
        self._last = now
        self.say(f"reading {done:,} of {total:,} files")

    def say(self, text: str) -> None:
        if not self.enabled:
            return
        try:
            self.stream.write(f"\r\x1b[Kseedreader: {text}")
            self.stream.flush()
            self._shown = True
        except (OSError, ValueError):
            self.enabled = False

    def clear(self) -> None:
        if self._shown:
            try:
                self.stream.write("\r\x1b[K")
                self.stream.flush()
            except (OSError, ValueError):
                pass
            self._shown = False


def wants_colour(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return stream.isatty() and os.environ.get("TERM") != "dumb"


def terminal_width() -> int:
    if not sys.stdout.isatty():
        return 100
    try:
        return os.get_terminal_size(sys.stdout.fileno()).columns
    except OSError:
        return 100
