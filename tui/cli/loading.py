"""Reading the articles named on the command line (the sample corpus when none are), with
every problem said on stderr, and the key that names a set of articles."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tui.cli.output import Progress, err
from tui.paths import sample_corpus_dir

if TYPE_CHECKING:
    from tui.corpus.model import LoadResult


def targets(paths: Sequence[str]) -> list[str]:
    return list(paths) or [str(sample_corpus_dir())]


def report_load(result: LoadResult, paths: Sequence[str]) -> bool:
    """Every problem on stderr; ``False`` (and one more line) when nothing loaded."""
    for problem in result.problems:
        err(f"{problem} (skipped)" if problem.fatal else f"warning: {problem}")
    if not result.documents:
        err("no articles loaded" + (f" from {', '.join(targets(paths))}" if paths else ""))
        return False
    return True



def load(paths: Sequence[str], progress: Progress | None = None) -> LoadResult | None:
    """Load the corpus, reporting every problem on stderr; ``None`` when nothing loaded."""
    from tui.corpus import load_corpus

    result = load_corpus(targets(paths), progress=progress)
    if progress is not None:
        progress.clear()
    return result if report_load(result, paths) else None
