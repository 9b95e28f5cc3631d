"""``ctrl+e`` for the reader: ask where to write the Markdown export, write it in a thread
worker, and say how it went (asking before replacing a file). The export itself lives in
``tui.exports``; this is only its glue to the screen."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from textual.worker import Worker

from tui.messages import ExportWritten
from tui.notes import AnchoredNote, NoteStore
from tui.screens.host import ReaderHost


class ExportHost(ReaderHost, Protocol):
    """What the export needs from the reader screen."""

    def run_worker(self, work: Callable[[], None], *, thread: bool, group: str, exclusive: bool) -> Worker[None]: ...


def export_summary(notes: int, articles: int, store: NoteStore | None) -> str:
    """What the export dialog says will be written."""
    summary = f"{notes} note{'s' if notes != 1 else ''} on {articles} articles, and every conflict."
    if store is not None and not store.readable:
        summary += " Notes are disabled, so only the conflicts are exported."
    return summary


class ExportFlow:
    """The export dialog, the write worker and its outcome, for one reader."""

    def __init__(self, host: ExportHost) -> None:
        self.host = host

    def ask(self, notes: Sequence[AnchoredNote], store: NoteStore | None) -> None:
        """Offer a file name; write ``notes`` and every conflict there once one is chosen."""
        from tui.exports.command import export_title
        from tui.exports.markdown import suggested_export_name
        from tui.screens.export_dialog import ExportScreen

        title = export_title(self.host.documents)
        summary = export_summary(len(notes), len(self.host.documents), store)

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.write(path, title, notes)

        suggestion = suggested_export_name(title, datetime.now(UTC))
        self.host.app.push_screen(ExportScreen(suggestion, summary), chosen)

    def write(self, path: Path, title: str, notes: Sequence[AnchoredNote], *, force: bool = False) -> None:
        """Write the Markdown export in a thread; asks before replacing a file."""
        index = self.host.index
        if index is None:
            return
        kept = list(notes)
        ratings = self.host.ratings

        def work() -> None:
            from tui.exports.collect import collect
            from tui.exports.markdown import export_markdown
            from tui.notes import ExportError, write_atomically

            data = collect(index, kept, title=title, exported_at=datetime.now(UTC), ratings=ratings)
            try:
                write_atomically(path, export_markdown(data), force=force)
            except ExportError as error:
                exists = error.exists and not force
                self.host.post_message(ExportWritten(path, title, 0, error.message, exists=exists, notes=kept))
                return
            self.host.post_message(ExportWritten(path, title, len(kept)))

        self.host.run_worker(work, thread=True, exclusive=True, group="export")

    def written(self, message: ExportWritten) -> None:
        from tui.screens.confirm import ConfirmScreen

        path, title = message.path, message.title
        if message.exists:

            def answered(overwrite: bool | None) -> None:
                if overwrite:
                    self.write(path, title, message.notes, force=True)

            question = f"{path} already exists. Replace it?"
            self.host.app.push_screen(ConfirmScreen(question, yes="replace", no="cancel"), answered)
        elif message.error:
            self.host.notify(message.error, title="Export failed", severity="error", timeout=10, markup=False)
        else:
            count = message.count
            self.host.notify(f"Exported {count} note{'s' if count != 1 else ''} to {path}", timeout=8, markup=False)
