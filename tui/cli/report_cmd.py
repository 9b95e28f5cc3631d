"""``seedreader report``: build the claim index and print it as text or JSON."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from tui.cli.loading import load
from tui.cli.output import Progress, err, terminal_width, wants_colour, write_stdout
from tui.cli.parser import report_parser
from tui.cli.status import EXIT_CONFLICT, EXIT_NOTHING_LOADED, EXIT_OK


def threshold_error(args: argparse.Namespace) -> str | None:
    """One line naming the first flag whose value is out of range (``--link-threshold 5``)."""
    from tui.config import tunable_fields
    from tui.thresholds import threshold_problem

    for name in sorted(tunable_fields()):
        value = getattr(args, name)
        problem = None if value is None else threshold_problem(name, value)
        if problem is not None:
            return f"--{name.replace('_', '-')} {problem}, not {value:g}"
    return None


def run_report(argv: Sequence[str]) -> int:
    from tui.claims import build_index
    from tui.link_cache import default_cache
    from tui.config import ConfigError, load_index_config, tunable_fields
    from tui.report import to_json, to_text

    args = report_parser().parse_args(argv)
    problem = threshold_error(args)
    if problem is not None:
        err(problem)
        return EXIT_NOTHING_LOADED
    try:
        config = load_index_config({name: getattr(args, name) for name in tunable_fields()})
    except (ConfigError, TypeError, ValueError) as exc:
        err(str(exc))
        return EXIT_NOTHING_LOADED
    progress = Progress()
    result = load(args.paths, progress if progress.enabled else None)
    if result is None:
        return EXIT_NOTHING_LOADED
    total = sum(len(d.statements) for d in result.documents)
    progress.say(f"building the claim index ({len(result.documents):,} articles, "
                 f"{total:,} statements)…")
    try:
        index = build_index(result.documents, config, memo=default_cache())
    finally:
        progress.clear()
    if index.notice:
        err(index.notice)
    if args.format == "json":
        output = to_json(index, result.problems)
    else:
        width = min(max(terminal_width(), 60), 120)
        output = to_text(index, width=width, colour=wants_colour(sys.stdout))
    if not write_stdout(output):
        return EXIT_NOTHING_LOADED
    # "Possible" conflicts (two values that may both be true) are leads, not disagreements.
    has_conflict = any(not c.possible for claim in index.claims for c in claim.conflicts)
    return EXIT_CONFLICT if args.fail_on_conflict and has_conflict else EXIT_OK
