"""A note the store could not save is written to a recovery file, so no typed text is lost.

The editor keeps the text and tries again on the next save; the file is for the worst case
(the reader is closed or killed before the disk has room again). It goes to
``<data dir>/unsaved-notes/`` and, when that cannot be written (the same full disk), to the
system's temporary folder. It is removed once the note is saved.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from datetime import UTC, datetime
from pathlib import Path

FOLDER = "unsaved-notes"


def _places(data_dir: Path | None) -> list[Path]:
    places = [data_dir / FOLDER] if data_dir is not None else []
    return [*places, Path(tempfile.gettempdir()) / f"seedreader-{FOLDER}"]


def draft_text(*, document: str, statement: int, quote: str, body: str, rating: str | None) -> str:
    lines = [
        "# Unsaved seedreader note",
        "",
        f"- article: {document}",
        f"- statement: {statement}",
        f"- rating: {rating or 'none'}",
        f"- written: {datetime.now(UTC).isoformat(timespec='seconds')}",
        "",
        "> " + " ".join(quote.split()),
        "",
        body,
        "",
    ]
    return "\n".join(lines)


def keep_draft(data_dir: Path | None, text: str, previous: Path | None = None) -> Path | None:
    """Write ``text`` to a recovery file (replacing ``previous``, the file of an earlier failed
    save of the same note); its path, or ``None`` when no place could be written."""
    targets = ([previous] if previous is not None else []) + [
        place / f"note-{datetime.now(UTC):%Y%m%d-%H%M%S}-{secrets.token_hex(3)}.md" for place in _places(data_dir)
    ]
    for target in targets:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError:
            try:
                if target != previous:
                    target.unlink(missing_ok=True)  # a half-written file on a full disk
            except OSError:
                pass
            continue
        if previous is not None and target != previous:
            drop_draft(previous)
        return target
    return None


def drop_draft(path: Path | None) -> None:
    """Remove a recovery file once its note is saved."""
    if path is None:
        return
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


__all__ = ["FOLDER", "draft_text", "drop_draft", "keep_draft"]
