"""Opening an article's source outside the reader: the file in ``$VISUAL``/``$EDITOR`` at the
statement's line, else the page (or the file) in the browser."""

from __future__ import annotations

import os
import shlex
from collections.abc import Mapping
from pathlib import Path

from tui.corpus.model import Document, Statement

LINE_FLAG_EDITORS = frozenset({"vi", "vim", "nvim", "view", "nano", "emacs", "emacsclient", "micro", "kak", "joe", "mg"})
"""Editors that take ``+LINE`` before the file name."""
LINE_FORMATS = frozenset({"txt", "md"})
"""Formats whose text is the file as written, so a line counted in it is a line of the file."""


def editor_command(document: Document, statement: Statement | None,
                   environ: Mapping[str, str] = os.environ) -> list[str] | None:
    """The command that opens the article's file in the user's editor, or ``None`` when there is
    no editor set or no local file."""
    editor = environ.get("VISUAL") or environ.get("EDITOR")
    path = Path(document.path)
    if not editor or document.path.startswith(("http://", "https://")) or not path.is_file():
        return None
    try:
        command = shlex.split(editor)
    except ValueError:
        return None
    if not command:
        return None
    if statement is not None and document.format in LINE_FORMATS and Path(command[0]).name in LINE_FLAG_EDITORS:
        line = document.text.count("\n", 0, statement.start) + 1
        command.append(f"+{line}")
    return [*command, str(path)]


def browser_url(document: Document) -> str | None:
    """The page the article came from, else its file as a ``file://`` URI."""
    if document.url.startswith(("http://", "https://")):
        return document.url
    if document.path.startswith(("http://", "https://")):
        return document.path
    try:
        return Path(document.path).resolve().as_uri()
    except (OSError, ValueError):
        return None
