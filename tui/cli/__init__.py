"""The ``seedreader`` command: the reader by default, ``report``, ``export`` and ``notes`` for
scripts (one module per command; ``parser`` holds every command's arguments).

Files are loaded before anything else, so that a corpus with nothing readable ends with a
clear message and exit code 2 instead of an empty screen. Only the reader imports Textual.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from tui.cli.export_cmd import run_export
from tui.cli.loading import load
from tui.state import corpus_key
from tui.cli.notes_cmd import run_notes
from tui.cli.output import Progress, drop_stdout, write_stdout
from tui.cli.parser import export_parser, notes_parser, reader_parser, report_parser
from tui.cli.reader_cmd import NOT_A_TERMINAL, reader_app, run_reader
from tui.cli.report_cmd import run_report
from tui.cli.status import EXIT_CONFLICT, EXIT_NOTHING_LOADED, EXIT_OK

__all__ = [
    "EXIT_CONFLICT",
    "EXIT_NOTHING_LOADED",
    "EXIT_OK",
    "NOT_A_TERMINAL",
    "SUBCOMMANDS",
    "Progress",
    "corpus_key",
    "export_parser",
    "load",
    "main",
    "notes_parser",
    "reader_app",
    "reader_parser",
    "report_parser",
    "run_export",
    "run_notes",
    "run_reader",
    "run_report",
    "write_stdout",
]

SUBCOMMANDS = ("report", "export", "notes")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] == "report":
            return run_report(args[1:])
        if args and args[0] == "export":
            return run_export(args[1:])
        if args and args[0] == "notes":
            return run_notes(args[1:])
        return run_reader(args)
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`); that is not an error.
        drop_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
