"""``seedreader export``: write the notes on the given articles in one of the export formats."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from tui.cli.loading import load
from tui.cli.output import err, write_stdout
from tui.cli.parser import export_parser
from tui.cli.status import EXIT_NOTHING_LOADED


def run_export(argv: Sequence[str]) -> int:
    from tui.exports.command import export_command
    from tui.exports.model import Publisher

    args = export_parser().parse_args(argv)
    result = load(args.paths)
    if result is None:
        return EXIT_NOTHING_LOADED
    return export_command(
        result,
        output=Path(args.output) if args.output else None,
        force=args.force,
        data_dir=Path(args.data_dir) if args.data_dir else None,
        report_error=err,
        write_stdout=write_stdout,
        fmt=args.format,
        publisher=Publisher(
            author=args.author or "",
            author_url=args.author_url or "",
            review_url=args.review_url or "",
            date_published=args.date or "",
        ),
    )
