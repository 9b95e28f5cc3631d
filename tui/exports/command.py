"""``seedreader export``: the loaded corpus plus its notes as Markdown, ClaimReview, Web Annotation or CSV."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from tui.corpus.model import Document, LoadResult
from tui.exports.model import ExportData, Publisher
from tui.notes.model import AnchorState, NoteError, NoteStoreUnavailable
from tui.notes.ratings import DEFAULT_RATINGS, RatingScale
from tui.notes.store import NoteStore
from tui.notes.write import ExportError, write_atomically
from tui.safe_text import safe_line

EXIT_OK = 0
EXIT_FAILED = 2

FORMATS = ("markdown", "claimreview", "annotations", "csv")


def export_title(documents: Sequence[Document]) -> str:
    """A short title; the sources are listed in the front matter anyway."""
    if not documents:
        return "Notes"
    if len(documents) == 1:
        return f"Notes: {documents[0].title or documents[0].name}"
    return f"Notes on {len(documents)} articles"


def render(data: ExportData, fmt: str, publisher: Publisher) -> str:
    """The export text in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "claimreview":
        from tui.exports.claimreview import claimreview_jsonld

        return claimreview_jsonld(data, publisher)
    if fmt == "annotations":
        from tui.exports.annotations import annotations_jsonld

        return annotations_jsonld(data)
    if fmt == "csv":
        from tui.exports.table import notes_csv

        return notes_csv(data)
    if fmt == "markdown":
        from tui.exports.markdown import export_markdown

        return export_markdown(data)
    raise ValueError(f"unknown export format {fmt!r}")


@dataclass(frozen=True, slots=True)
class Settings:
    ratings: RatingScale = DEFAULT_RATINGS
    publisher: Publisher = Publisher()


def _settings(flags: Publisher, report_error: Callable[[str], None]) -> tuple[object, Settings]:
    """The index config, ratings and publisher: defaults, then config.toml, then flags."""
    from tui.config import ConfigError, load_index_config, read_publisher, read_ratings
    from tui.paths import config_file

    config: object = None
    ratings, publisher = DEFAULT_RATINGS, Publisher()
    try:  # a broken config file must not block exporting notes
        config = load_index_config()
        ratings = read_ratings(config_file())
        publisher = read_publisher(config_file())
    except ConfigError as error:
        report_error(f"{error} (using default settings)")
    merged = Publisher(
        author=flags.author or publisher.author,
        author_url=flags.author_url or publisher.author_url,
        author_type=publisher.author_type,
        review_url=flags.review_url or publisher.review_url,
        date_published=flags.date_published or publisher.date_published,
    )
    return config, Settings(ratings, merged)


def export_command(
    result: LoadResult,
    *,
    output: Path | None,
    force: bool,
    data_dir: Path | None,
    report_error: Callable[[str], None],
    fmt: str = "markdown",
    publisher: Publisher | None = None,
    now: datetime | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    write_stdout: Callable[[str], bool] | None = None,
) -> int:
    """Build the index, read the notes (never creating a store), write the export; an exit code.

    Errors (store unusable, file exists without ``force``, missing directory) go to
    ``report_error`` as one line and return ``EXIT_FAILED``. ``write_stdout`` (the CLI's) writes
    to standard output and reports its own failure, returning ``False``.
    """
    from tui.claims import IndexConfig, build_index
    from tui.link_cache import default_cache
    from tui.exports.collect import collect

    config, settings = _settings(publisher or Publisher(), report_error)
    index = build_index(result.documents, config if isinstance(config, IndexConfig) else None,
                        memo=default_cache())

    store = NoteStore.default(data_dir)
    try:
        notes = store.notes_for(result.documents)
        if store.bad_file is not None and store.reason:  # a newer schema, listed read-only
            report_error(f"warning: {store.reason}")
    except NoteStoreUnavailable as error:
        if error.transient:  # busy, disk full: try again rather than export without the notes
            report_error(error.message)
            return EXIT_FAILED
        # A corrupt or unreachable store must not hold the corpus's conflicts hostage.
        report_error(
            f"warning: {error.message}; exporting the conflicts without notes"
            + (" ('seedreader notes --move-aside' starts a fresh store)" if store.bad_file else "")
        )
        notes = []
    except NoteError as error:
        report_error(error.message)
        return EXIT_FAILED
    finally:
        store.close()

    data = collect(
        index,
        notes,
        title=export_title(result.documents),
        exported_at=now if now is not None else datetime.now(UTC),
        ratings=settings.ratings,
    )
    text = render(data, fmt, settings.publisher)
    err = stderr or sys.stderr
    rated = sum(1 for n in data.notes if n.rating)
    if fmt == "claimreview":
        from tui.exports.claimreview import missing_fields

        if not rated:
            report_error("no rated note to review (ctrl+r in the note editor sets a rating)")
        for field in missing_fields(settings.publisher):
            print(f"seedreader: warning: ClaimReview without {field}", file=err)
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
    count = rated if fmt == "claimreview" else len(data.notes)
    orphaned = sum(1 for a in notes if a.state is AnchorState.ORPHANED)
    what = "review" if fmt == "claimreview" else "note"
    summary = f"wrote {count} {what}{'s' if count != 1 else ''}"
    if orphaned and fmt != "claimreview":
        summary += f" ({orphaned} orphaned)"
    print(f"seedreader: {safe_line(f'{summary} to {output}')}", file=err)
    return EXIT_OK
