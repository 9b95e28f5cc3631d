"""``seedreader notes``: say whether the notes database can be used; ``--move-aside`` replaces
a damaged one (renamed, never deleted)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from tui.cli.output import err
from tui.cli.parser import notes_parser
from tui.cli.status import EXIT_NOTHING_LOADED, EXIT_OK
from tui.safe_text import safe_line


def run_notes(argv: Sequence[str]) -> int:
    from tui.notes import NoteError, NoteStore

    args = notes_parser().parse_args(argv)
    data_dir = Path(args.data_dir).expanduser() if args.data_dir else None
    store = NoteStore.default(data_dir)
    try:
        if not store.path.exists() and not store.path.is_symlink():
            print(f"{safe_line(str(store.path))}: no notes yet")
            return EXIT_OK
        try:
            count = len(store.all_notes())
        except NoteError:
            count = None
        if args.move_aside:
            if store.bad_file is None:
                err(store.reason or f"{store.path}: the notes database is fine; nothing was moved")
                return EXIT_NOTHING_LOADED
            try:
                moved = store.move_aside()
            except NoteError as error:
                err(error.message)
                return EXIT_NOTHING_LOADED
            print(f"seedreader: moved the old notes database to {safe_line(str(moved))}; "
                  f"{safe_line(str(store.path))} is a fresh one")
            return EXIT_OK
        if store.reason:
            err(store.reason)
            if store.bad_file is not None:
                err("'seedreader notes --move-aside' renames it and starts a fresh notes database")
        if count is not None:
            print(f"{safe_line(str(store.path))}: {count} note{'s' if count != 1 else ''}")
        return EXIT_OK if store.available else EXIT_NOTHING_LOADED
    finally:
        store.close()
