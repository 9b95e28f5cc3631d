"""Safe access to the files the user named: regular files only, never blocking on a FIFO,
and OS errors in the few words a problem line needs."""

from __future__ import annotations

import errno
import os
import stat

MAX_BYTES = 20 * 1024 * 1024

_SPECIAL = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)

def not_regular(mode: int) -> str:
    for test, kind in _SPECIAL:
        if test(mode):
            return f"is {kind}, not a regular file"
    return "not a regular file"


def os_message(exc: OSError) -> str:
    if isinstance(exc, PermissionError) or exc.errno == errno.EACCES:
        return "permission denied"
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return (exc.strerror or type(exc).__name__).lower()


def read_regular(path: str, limit: int = MAX_BYTES) -> bytes:
    """Up to ``limit + 1`` bytes; O_NONBLOCK so a file swapped for a FIFO cannot block open()."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        return fh.read(limit + 1)
