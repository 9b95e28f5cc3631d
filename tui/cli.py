"""The ``seedreader`` command: the reader by default, ``report`` and ``export`` for scripts.

Files are loaded here, before anything else, so that a corpus with nothing readable ends
with a clear message and exit code 2 instead of an empty screen.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from tui import __version__
from tui.paths import config_file, sample_corpus_dir
from tui.safe_text import safe_line

if TYPE_CHECKING:
    from tui.app import SeedReaderApp
    from tui.corpus.model import LoadResult

EXIT_OK = 0
EXIT_CONFLICT = 1
EXIT_NOTHING_LOADED = 2

SUBCOMMANDS = ("report", "export", "notes")


def _add_paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="Article files or folders (.txt, .md, .html, .pdf, .warc). Without any, the bundled "
        "sample corpus is read.",
    )


def _parser(**kwargs: Any) -> argparse.ArgumentParser:
    """An argument parser whose own help line is a sentence like every other."""
    parser = argparse.ArgumentParser(add_help=False, **kwargs)
    parser.add_argument("-h", "--help", action="help", help="Show this help and exit.")
    return parser


def _add_data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="Where notes and reader state live. Default: $SEEDREADER_DATA_DIR, else the "
        "platform's user data directory.",
    )


def reader_parser() -> argparse.ArgumentParser:
    parser = _parser(
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
    _add_paths(parser)
    _add_data_dir(parser)
    return parser


def report_parser() -> argparse.ArgumentParser:
    from tui.claims import IndexConfig
    from tui.config import tunable_fields
    from tui.thresholds import THRESHOLDS

    parser = _parser(
        prog="seedreader report",
        description="Print the claim index: per-document counts, every conflict with both "
        "versions and the reason, then the statements no other source reports.",
        epilog=f"Thresholds may also be set in the [index] table of {config_file()}; "
        "flags win over the file.",
    )
    _add_paths(parser)
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


def _threshold_error(args: argparse.Namespace) -> str | None:
    """One line naming the first flag whose value is out of range (``--link-threshold 5``)."""
    from tui.config import tunable_fields
    from tui.thresholds import threshold_problem

    for name in sorted(tunable_fields()):
        value = getattr(args, name)
        problem = None if value is None else threshold_problem(name, value)
        if problem is not None:
            return f"--{name.replace('_', '-')} {problem}, not {value:g}"
    return None


def export_parser() -> argparse.ArgumentParser:
    parser = _parser(
        prog="seedreader export",
        description="Write the notes on these articles: as Markdown for Obsidian (each statement's "
        "status and the corpus's conflicts), as schema.org ClaimReview JSON-LD (every rated note), "
        "as a W3C Web Annotation collection, or as CSV.",
        epilog=f"--author, --author-url and --review-url may also be set in the [publish] table of "
        f"{config_file()}; ratings in its [ratings] table.",
    )
    _add_paths(parser)
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
        "--date", metavar="YYYY-MM-DD", type=_iso_date, help="The datePublished of every review. Default: each note's last change."
    )
    _add_data_dir(parser)
    return parser


def notes_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="seedreader notes",
        description="Say whether the notes database can be used, and how many notes it holds.",
    )
    parser.add_argument(
        "--move-aside",
        action="store_true",
        help="when the database is corrupt, not a notes store or from a newer seedreader: rename it "
        "to notes.sqlite3.corrupt-<date> (newer-<date>) and start a fresh one; nothing is deleted",
    )
    _add_data_dir(parser)
    return parser


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
                _err(store.reason or f"{store.path}: the notes database is fine; nothing was moved")
                return EXIT_NOTHING_LOADED
            try:
                moved = store.move_aside()
            except NoteError as error:
                _err(error.message)
                return EXIT_NOTHING_LOADED
            print(f"seedreader: moved the old notes database to {safe_line(str(moved))}; "
                  f"{safe_line(str(store.path))} is a fresh one")
            return EXIT_OK
        if store.reason:
            _err(store.reason)
            if store.bad_file is not None:
                _err("'seedreader notes --move-aside' renames it and starts a fresh notes database")
        if count is not None:
            print(f"{safe_line(str(store.path))}: {count} note{'s' if count != 1 else ''}")
        return EXIT_OK if store.available else EXIT_NOTHING_LOADED
    finally:
        store.close()


def _iso_date(text: str) -> str:
    from datetime import date

    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _err(message: str) -> None:
    """One line on stderr; paths in ``message`` are untrusted, so the line is sanitised."""
    print(f"seedreader: {safe_line(message)}", file=sys.stderr)


def write_stdout(text: str, stream: TextIO | None = None) -> bool:
    """Write and flush; on failure (``> /dev/full``, a closed pipe's cousins) one line, ``False``.

    ``BrokenPipeError`` passes through: ``main`` treats a reader that went away as success.
    """
    stream = stream or sys.stdout
    try:
        stream.write(text)
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        _err(f"cannot write to standard output ({error.strerror or error})")
        _drop_stdout()
        return False
    return True


def _drop_stdout() -> None:
    """Point fd 1 at /dev/null so the interpreter's final flush of what is still buffered succeeds."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def _targets(paths: Sequence[str]) -> list[str]:
    return list(paths) or [str(sample_corpus_dir())]


def _report_load(result: LoadResult, paths: Sequence[str]) -> bool:
    """Every problem on stderr; ``False`` (and one more line) when nothing loaded."""
    for problem in result.problems:
        _err(f"{problem} (skipped)" if problem.fatal else f"warning: {problem}")
    if not result.documents:
        _err("no articles loaded" + (f" from {', '.join(_targets(paths))}" if paths else ""))
        return False
    return True


def load(paths: Sequence[str], progress: Progress | None = None) -> LoadResult | None:
    """Load the corpus, reporting every problem on stderr; ``None`` when nothing loaded."""
    from tui.corpus import load_corpus

    result = load_corpus(_targets(paths), progress=progress)
    if progress is not None:
        progress.clear()
    return result if _report_load(result, paths) else None


class Progress:
    """"reading 120 of 317 files" on one stderr line, rewritten in place at most 10 times a
    second; only when stderr is a terminal (``enabled``), so logs and pipes get nothing."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        try:
            self.enabled = self.stream.isatty() and os.environ.get("TERM") != "dumb"
        except (AttributeError, ValueError):
            self.enabled = False
        self._last = 0.0
        self._shown = False

    def __call__(self, done: int, total: int, path: str = "") -> None:
        from time import monotonic

        now = monotonic()
        if done != total and now - self._last < 0.1:
            return
        self._last = now
        self.say(f"reading {done:,} of {total:,} files")

    def say(self, text: str) -> None:
        if not self.enabled:
            return
        try:
            self.stream.write(f"\r\x1b[Kseedreader: {text}")
            self.stream.flush()
            self._shown = True
        except (OSError, ValueError):
            self.enabled = False

    def clear(self) -> None:
        if self._shown:
            try:
                self.stream.write("\r\x1b[K")
                self.stream.flush()
            except (OSError, ValueError):
                pass
            self._shown = False


def corpus_key(result: LoadResult) -> str:
    """Identifies a set of articles by content, whatever order or paths they were opened with."""
    digest = hashlib.sha256()
    for fingerprint in sorted(doc.fingerprint for doc in result.documents):
        digest.update(fingerprint.encode())
    return digest.hexdigest()[:16]


def _wants_colour(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return stream.isatty() and os.environ.get("TERM") != "dumb"


def run_report(argv: Sequence[str]) -> int:
    from tui.claims import build_index
    from tui.config import ConfigError, load_index_config, tunable_fields
    from tui.report import to_json, to_text

    args = report_parser().parse_args(argv)
    problem = _threshold_error(args)
    if problem is not None:
        _err(problem)
        return EXIT_NOTHING_LOADED
    try:
        config = load_index_config({name: getattr(args, name) for name in tunable_fields()})
    except (ConfigError, TypeError, ValueError) as exc:
        _err(str(exc))
        return EXIT_NOTHING_LOADED
    progress = Progress()
    result = load(args.paths, progress if progress.enabled else None)
    if result is None:
        return EXIT_NOTHING_LOADED
    total = sum(len(d.statements) for d in result.documents)
    progress.say(f"building the claim index ({len(result.documents):,} articles, "
                 f"{total:,} statements)…")
    try:
        index = build_index(result.documents, config)
    finally:
        progress.clear()
    if index.notice:
        _err(index.notice)
    if args.format == "json":
        output = to_json(index, result.problems)
    else:
        width = min(max(_terminal_width(), 60), 120)
        output = to_text(index, width=width, colour=_wants_colour(sys.stdout))
    if not write_stdout(output):
        return EXIT_NOTHING_LOADED
    # "Possible" conflicts (two values that may both be true) are leads, not disagreements.
    has_conflict = any(not c.possible for claim in index.claims for c in claim.conflicts)
    return EXIT_CONFLICT if args.fail_on_conflict and has_conflict else EXIT_OK


def _terminal_width() -> int:
    if not sys.stdout.isatty():
        return 100
    try:
        return os.get_terminal_size(sys.stdout.fileno()).columns
    except OSError:
        return 100


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
        report_error=_err,
        write_stdout=write_stdout,
        fmt=args.format,
        publisher=Publisher(
            author=args.author or "",
            author_url=args.author_url or "",
            review_url=args.review_url or "",
            date_published=args.date or "",
        ),
    )


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
        _err(str(exc))
        return EXIT_NOTHING_LOADED
    targets = _targets(args.paths)
    if not any(os.path.exists(p) for p in targets):
        # Nothing to read: say so for each path before anything else (terminal or not).
        load(args.paths)
        return EXIT_NOTHING_LOADED
    if needs_terminal:
        for name, stream in (("output", sys.stdout), ("input", sys.stdin)):
            if stream is None or not stream.isatty():
                _err(NOT_A_TERMINAL.format(stream=name))
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
        paths=_targets(args.paths),
    )


def run_reader(argv: Sequence[str]) -> int:
    app = reader_app(argv, needs_terminal=True)
    if isinstance(app, int):
        return app
    code = app.run()
    if app.load_result is not None:
        _report_load(app.load_result, reader_parser().parse_args(argv).paths)
    return code if isinstance(code, int) else (app.return_code or EXIT_OK)


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
        _drop_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
