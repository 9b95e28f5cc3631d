"""``seedreader [PATH...]``: start the reader. Textual is imported only here, and only once the
arguments, settings and terminal have been checked, so the other commands never load it."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tui.cli.loading import load, report_load, targets
from tui.cli.output import err
from tui.cli.parser import reader_parser
from tui.cli.status import EXIT_NOTHING_LOADED, EXIT_OK
from tui.paths import config_file

if TYPE_CHECKING:
    from tui.app import SeedReaderApp

NOT_A_TERMINAL = (
    "the reader needs a terminal, and standard {stream} is not one; "
    "'seedreader report' prints the claim index as text (--format json for scripts)"
)


def reader_app(argv: Sequence[str], *, needs_terminal: bool = False) -> SeedReaderApp | int:
    """The reader for ``argv`` with the user's keys, ratings and ``[index]`` thresholds (the same
    thresholds ``report`` uses, so both agree on what conflicts); an exit code when it cannot start.

    ``needs_terminal``: refuse with one line when stdin or stdout is not a terminal
    (``seedreader > file`` would otherwise fill the file with escape codes and wait for keys)."""
    from tui.config import ConfigError, load_index_config, read_keymap, read_ratings

    args = reader_parser().parse_args(argv)
    try:
        keymap = read_keymap(config_file())
        ratings = read_ratings(config_file())
        index_config = load_index_config()
    except ConfigError as exc:
        err(str(exc))
        return EXIT_NOTHING_LOADED
    wanted = targets(args.paths)
    if not any(os.path.exists(p) for p in wanted):
        # Nothing to read: say so for each path before anything else (terminal or not).
        load(args.paths)
        return EXIT_NOTHING_LOADED
    if needs_terminal:
        for name, stream in (("output", sys.stdout), ("input", sys.stdin)):
            if stream is None or not stream.isatty():
                err(NOT_A_TERMINAL.format(stream=name))
                return EXIT_NOTHING_LOADED
    from tui.app import SeedReaderApp

    # The app reads the files itself, behind a progress bar; what went wrong is said on
    # stderr once the screen is back, as before the reader started.
    return SeedReaderApp(
        (),
        corpus_key="",
        data_dir=Path(args.data_dir).expanduser() if args.data_dir else None,
        keymap=keymap,
        ratings=ratings,
        index_config=index_config,
        paths=wanted,
    )


def run_reader(argv: Sequence[str]) -> int:
    app = reader_app(argv, needs_terminal=True)
    if isinstance(app, int):
        return app
    code = app.run()
    if app.load_result is not None:
        report_load(app.load_result, reader_parser().parse_args(argv).paths)
    return code if isinstance(code, int) else (app.return_code or EXIT_OK)
