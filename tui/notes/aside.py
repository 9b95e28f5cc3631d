"""Moving a bad notes database aside, its ``-wal`` and ``-shm`` logs with it; nothing is deleted."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from tui.notes.faults import os_reason
from tui.notes.model import NoteError

LOG_SUFFIXES = ("-wal", "-shm")


def aside_name(path: Path, label: str, moment: datetime) -> Path:
    """``notes.sqlite3.corrupt-2025-11-26`` (``-2``, ``-3``... when taken), next to ``path``."""
    base = f"{path.name}.{label}-{moment.astimezone(UTC).date().isoformat()}"
    candidate, number = path.with_name(base), 1
    while any(os.path.lexists(f"{candidate}{suffix}") for suffix in ("", *LOG_SUFFIXES)):
        number += 1
        candidate = path.with_name(f"{base}-{number}")
    return candidate


def move_files_aside(path: Path, label: str, moment: datetime) -> Path:
    """Rename ``path`` and its logs to ``aside_name(...)``; the new name. When a log cannot
    follow, the database is put back (an old log must never meet a new database)."""
    target = aside_name(path, label, moment)
    try:
        os.rename(path, target)
    except OSError as error:
        raise NoteError(f"{path}: cannot move it aside ({os_reason(error)}); nothing was moved") from None
    for suffix in LOG_SUFFIXES:
        log = Path(f"{path}{suffix}")
        if not os.path.lexists(log):
            continue
        try:
            os.rename(log, f"{target}{suffix}")
        except OSError as error:
            os.rename(target, path)
            raise NoteError(
                f"{path}: cannot move its {suffix[1:]} file aside ({os_reason(error)}); nothing was moved"
            ) from None
    return target
