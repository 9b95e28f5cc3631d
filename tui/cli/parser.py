"""The command line's surface: one argument parser per command, every help line a sentence.

Parsers are built on demand; the report's threshold flags come from ``IndexConfig``, so
importing this module stays cheap.
"""

from __future__ import annotations

import argparse
from typing import Any

from tui import __version__
from tui.paths import config_file


def add_paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="Article files or folders (.txt, .md, .html, .pdf, .warc). Without any, the bundled "
        "sample corpus is read.",
    )


def new_parser(**kwargs: Any) -> argparse.ArgumentParser:
    """An argument parser whose own help line is a sentence like every other."""
    parser = argparse.ArgumentParser(add_help=False, **kwargs)
    parser.add_argument("-h", "--help", action="help", help="Show this help and exit.")
    return parser


def add_data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="Where notes and reader state live. Default: $SEEDREADER_DATA_DIR, else the "
        "platform's user data directory.",
    )


def reader_parser() -> argparse.ArgumentParser:
    parser = new_parser(
        prog="seedreader",
        description="Read several articles about one story side by side and see, statement by "
        "statement, what the sources agree on, where they conflict and what only one reports.",
        epilog="subcommands:\n"
        "  seedreader report [PATH...]   print the claim index as text or JSON\n"
        "  seedreader export [PATH...]   write the notes (Markdown, ClaimReview, annotations, CSV)\n"
        "  seedreader notes              check the notes database; --move-aside replaces a damaged one\n"
        "run 'seedreader report --help' for details",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version", action="version", version=f"seedreader {__version__}", help="Show the version and exit."
    )
    add_paths(parser)
    add_data_dir(parser)
    return parser


def report_parser() -> argparse.ArgumentParser:
    from tui.claims import IndexConfig
    from tui.config import tunable_fields
    from tui.thresholds import THRESHOLDS

    parser = new_parser(
        prog="seedreader report",
        description="Print the claim index: per-document counts, every conflict with both "
        "versions and the reason, then the statements matched in no other article.",
        epilog=f"Thresholds may also be set in the [index] table of {config_file()}; "
        "flags win over the file.",
    )
    add_paths(parser)
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="Output format: text (the default) or json."
    )
    parser.add_argument(
        "--fail-on-conflict",
        action="store_true",
        help="Exit with status 1 when any conflict is found.",
    )
    group = parser.add_argument_group("index thresholds (defaults chosen by measurement)")
    defaults = IndexConfig()
    for name, kind in sorted(tunable_fields().items()):
        flag = "--" + name.replace("_", "-")
        meaning = THRESHOLDS[name].help if name in THRESHOLDS else f"The {name.replace('_', ' ')}."
        text = f"{meaning} Default: {getattr(defaults, name)}.".replace("%", "%%")
        if kind is bool:
            group.add_argument(
                flag, dest=name, action=argparse.BooleanOptionalAction, default=None, help=text
            )
        else:
            group.add_argument(flag, dest=name, type=kind, default=None, metavar="N", help=text)
    return parser


def export_parser() -> argparse.ArgumentParser:
    parser = new_parser(
        prog="seedreader export",
        description="Write the notes on these articles: as Markdown for Obsidian (each statement's "
        "status and the corpus's conflicts), as schema.org ClaimReview JSON-LD (every rated note), "
        "as a W3C Web Annotation collection, or as CSV.",
        epilog=f"--author, --author-url and --review-url may also be set in the [publish] table of "
        f"{config_file()}; ratings in its [ratings] table.",
    )
    add_paths(parser)
    parser.add_argument(
        "--format",
        choices=("markdown", "claimreview", "annotations", "csv"),
        default="markdown",
        help="Output format: markdown (the default), claimreview (JSON-LD, rated notes only), "
        "annotations (W3C Web Annotation JSON-LD) or csv.",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="Write to FILE instead of standard output.")
    parser.add_argument(
        "--force", action="store_true", help="Replace FILE if it exists."
    )
    review = parser.add_argument_group("ClaimReview")
    review.add_argument("--author", metavar="NAME", help="The organisation publishing the reviews.")
    review.add_argument("--author-url", metavar="URL", help="The home page of that organisation.")
    review.add_argument("--review-url", metavar="URL", help="The page carrying the reviews; each review gets #<note id> on it.")
    review.add_argument(
        "--date", metavar="YYYY-MM-DD", type=iso_date, help="The datePublished of every review. Default: each note's last change."
    )
    add_data_dir(parser)
    return parser


def notes_parser() -> argparse.ArgumentParser:
    parser = new_parser(
        prog="seedreader notes",
        description="Say whether the notes database can be used, and how many notes it holds.",
    )
    parser.add_argument(
        "--move-aside",
        action="store_true",
        help="When the database is corrupt, not a notes store or from a newer seedreader, rename it "
        "to notes.sqlite3.corrupt-<date> (or newer-<date>) and start a fresh one. Nothing is "
        "deleted.",
    )
    add_data_dir(parser)
    return parser


def iso_date(text: str) -> str:
    from datetime import date

    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None
