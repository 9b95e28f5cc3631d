"""``seedreader export``: the loaded corpus plus its notes, as Markdown on stdout or in a file."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from tui.corpus.model import Document, LoadResult
from tui.notes.export import ExportError, export_markdown, write_atomically
from tui.notes.model import AnchorState, NoteStoreUnavailable
from tui.notes.store import NoteStore
from tui.safe_text import safe_line

EXIT_OK = 0
EXIT_FAILED = 2


def export_title(documents: Sequence[Document]) -> str:
    """A short title; the sources are listed in the front matter anyway."""
    if not documents:
        return "Notes"
    if len(documents) == 1:
        return f"Notes: {documents[0].title or documents[0].name}"
    return f"Notes on {len(documents)} articles"


def export_command(
    result: LoadResult,
    *,
    output: Path | None,
    force: bool,
    data_dir: Path | None,
    report_error: Callable[[str], None],
    now: datetime | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    write_stdout: Callable[[str], bool] | None = None,
) -> int:
    """Build the index, read the notes (never creating a store), write Markdown; an exit code.

    Errors (store unusable, file exists without ``force``, missing directory) go to
    ``report_error`` as one line and return ``EXIT_FAILED``. ``write_stdout`` (the CLI's) writes
    to standard output and reports its own failure, returning ``False``.
    """
    from tui.claims import build_index
    from tui.claims.copies import mark_copies

    from tui.config import ConfigError, load_index_config

    config = None
    try:
        config = load_index_config()
    except ConfigError as error:  # a broken config file must not block exporting notes
        report_error(f"{error} (using default settings)")
    index = mark_copies(build_index(result.documents, config))

    store = NoteStore.default(data_dir)
    try:
        notes = store.notes_for(result.documents)
    except NoteStoreUnavailable as error:
        report_error(error.message)
        return EXIT_FAILED
    finally:
        store.close()

    text = export_markdown(
        index,
        notes,
        title=export_title(result.documents),
        exported_at=now if now is not None else datetime.now(UTC),
    )
    if output is None:
        if write_stdout is not None:
            return EXIT_OK if write_stdout(text) else EXIT_FAILED
        (stdout or sys.stdout).write(text)
        (stdout or sys.stdout).flush()
        return EXIT_OK
    try:
        write_atomically(output, text, force=force)
    except ExportError as error:
        report_error(error.message)
        return EXIT_FAILED
    orphaned = sum(1 for a in notes if a.state is AnchorState.ORPHANED)
    summary = f"wrote {len(notes)} note{'s' if len(notes) != 1 else ''}"
    if orphaned:
        summary += f" ({orphaned} orphaned)"
    print(f"seedreader: {safe_line(f'{summary} to {output}')}", file=stderr or sys.stderr)
    return EXIT_OK
