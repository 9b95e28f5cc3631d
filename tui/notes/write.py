"""Writing the export file: all at once, through symlinks, never over special files.

A reader or a crash never sees half a file: the text goes to a temporary file in the same
folder, is synced, then renamed over the target. ``--force`` replaces a regular file only:
a symlink is followed and its target replaced (the link stays), while a FIFO, socket or
device is refused (replacing ``/dev/full`` as root would swap the device for a file; opening
a FIFO would block). A temporary file is removed when the write fails or is interrupted,
and ones left by a killed export are removed by the next export to the same name.
"""

from __future__ import annotations

import os
import re
import secrets
import stat
import time
from pathlib import Path

STALE_TEMP_SECONDS = 600.0
"""A temporary file this old belongs to a killed export, not to one still writing."""

_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


class ExportError(Exception):
    """The export could not be written; ``message`` is one line naming the file."""

    def __init__(self, path: Path, problem: str, *, exists: bool = False) -> None:
        self.message = f"{path}: {problem}"
        super().__init__(self.message)
        self.path = path
        self.exists = exists
        """True when the only problem is an existing file (ask, then retry with ``force``)."""


def _kind(mode: int) -> str:
    for test, name in _KINDS:
        if test(mode):
            return name
    return "not a regular file"


def _existing(path: Path, target: Path) -> os.stat_result | None:
    try:
        return os.lstat(target)
    except FileNotFoundError:
        return None
    except OSError as error:  # a symlink loop, a folder we may not search
        raise ExportError(path, f"cannot write ({error.strerror or error})") from None


def write_atomically(path: Path, text: str, *, force: bool) -> None:
    """Write ``text`` (UTF-8) to ``path`` all at once: a reader or a crash never sees half a file.

    Refuses to replace an existing file (or symlink) unless ``force``, and refuses anything but
    a regular file even then; the directory must exist.
    """
    path = Path(path)
    is_link = path.is_symlink()
    target = Path(os.path.realpath(path)) if is_link else path
    directory = target.parent
    if not directory.is_dir():
        raise ExportError(path, f"directory {directory} does not exist")
    existing = _existing(path, target)
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise ExportError(path, "is a directory")
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        raise ExportError(path, f"is {_kind(existing.st_mode)}, not a regular file; not replaced")
    if (existing is not None or is_link) and not force:
        raise ExportError(path, "already exists; use --force to overwrite it", exists=True)
    _remove_stale_temps(directory, target.name)
    data = text.encode("utf-8")
    tmp = directory / f".{target.name}.{secrets.token_hex(6)}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as error:
        raise ExportError(path, f"cannot write in {directory} ({error.strerror or error})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            if existing is not None:
                os.fchmod(handle.fileno(), stat.S_IMODE(existing.st_mode))
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            os.replace(tmp, target)
        else:
            _link_no_overwrite(tmp, target)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise ExportError(path, f"cannot write ({error.strerror or error})") from None
    except BaseException:  # ExportError, KeyboardInterrupt...: never leave the temporary file
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(directory)


def _remove_stale_temps(directory: Path, name: str) -> None:
    """Remove ``.<name>.<12 hex>.tmp`` files older than :data:`STALE_TEMP_SECONDS`."""
    pattern = re.compile(rf"\.{re.escape(name)}\.[0-9a-f]{{12}}\.tmp")
    cutoff = time.time() - STALE_TEMP_SECONDS
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and info.st_mtime < cutoff:
                os.unlink(entry.path)
        except OSError:
            continue


def _link_no_overwrite(tmp: Path, path: Path) -> None:
    """Rename without replacing: a hard link fails if ``path`` appeared meanwhile."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise ExportError(path, "already exists; use --force to overwrite it", exists=True) from None
    except OSError:
        if os.path.lexists(path):
            raise ExportError(path, "already exists; use --force to overwrite it", exists=True) from None
        os.replace(tmp, path)
        return
    tmp.unlink()


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


__all__ = ["ExportError", "write_atomically"]
