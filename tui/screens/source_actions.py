"""``O`` and ``y``: open the cursor statement's article at its source, copy it with its source."""

from __future__ import annotations

import subprocess
from typing import Any

from textual.app import App, SuspendNotSupported

from tui.corpus.model import Document, Statement


def open_source(app: App[Any], document: Document, statement: Statement) -> None:
    """The article's file in ``$VISUAL``/``$EDITOR`` (at the statement's line), else its page
    or file in the browser."""
    from tui.opening import browser_url, editor_command

    command = editor_command(document, statement)
    if command is not None:
        try:
            with app.suspend():
                subprocess.run(command, check=False)
            return
        except SuspendNotSupported:
            pass
        except OSError as error:
            app.notify(f"Could not start {command[0]}: {error}", severity="error", timeout=8, markup=False)
            return
    url = browser_url(document)
    if url is None:
        app.notify("This article has no file or address to open", severity="warning", timeout=4)
        return
    app.open_url(url)
    app.notify(f"Opening {url}", timeout=4, markup=False)


def copy_statement(app: App[Any], document: Document, statement: Statement) -> None:
    """Put the statement on the clipboard with outlet, title and position."""
    from tui.labels import citation

    app.copy_to_clipboard(citation(document, statement))
    app.notify(f"Copied statement {statement.index + 1} of {document.source} with its source", timeout=3,
               markup=False)
