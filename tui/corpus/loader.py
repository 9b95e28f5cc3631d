"""Paths the user gave into Documents, with one clear problem per file that could not load.

Nothing here raises for bad input: a missing file, a binary, an empty or huge file each becomes
a :class:`LoadProblem` and the rest of the corpus still loads. This module plans and orders the
work; ``walk`` finds a folder's articles, ``reading`` reads one file, ``sidecars`` its source
details, ``formats`` says what a file is.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from . import reading
from .files import MAX_BYTES
from .formats import ARTICLE_SUFFIXES, KINDS, unsupported_format
from .model import Document, LoadProblem, LoadResult
from .reading import MAX_TEXT_CHARS
from .sidecars import Sidecars
from .walk import walk_folder


Progress = Callable[[int, int, str], None]
"""Called after each file with (files done, files in all, the file's path)."""


def load_corpus(paths: Sequence[str | os.PathLike[str]], *,
                progress: Progress | None = None) -> LoadResult:
    """Load files and folders in the order given; ids ``d1``, ``d2``... follow load order.

    Folders are walked first, so ``progress`` (if given) knows how many files there are; it is
    called from the loading thread after each file.
    """
    documents: list[Document] = []
    problems: list[LoadProblem] = []
    seen: set[str] = set()
    sidecars = Sidecars(problems)

    # Pass 1: what each given path stands for (a folder's files, one file, or a problem).
    plan: list[tuple[str, list[str] | None, bool, list[LoadProblem]]] = []
    for given in paths:
        path = os.fspath(given)
        found: list[LoadProblem] = []
        files: list[str] | None = None
        if not path:
            found.append(LoadProblem("''", "empty path"))
        elif os.path.isdir(path):
            if not os.access(path, os.R_OK | os.X_OK):
                found.append(LoadProblem(path, "permission denied"))
            else:
                files = walk_folder(path, found)
        elif os.path.lexists(path) or os.path.exists(path):
            if not os.path.exists(path):
                found.append(LoadProblem(path, "broken link: no such file or directory"))
            else:
                kind = unsupported_format(path)
                if kind is not None:
                    found.append(LoadProblem(path, f"{kind}, not an article; {KINDS}"))
                else:
                    files = [path]
        else:
            parent = os.path.dirname(path) or "."
            if os.path.isdir(parent) and not os.access(parent, os.X_OK):
                found.append(LoadProblem(path, "permission denied"))
            else:
                found.append(LoadProblem(path, "no such file or directory"))
        plan.append((path, files, os.path.isdir(path), found))
    total = sum(len(files) for _, files, _, _ in plan if files)
    done = 0

    def load_file(path: str) -> bool:
        nonlocal done
        real = os.path.realpath(path)
        if real in seen:
            problems.append(LoadProblem(path, "already loaded; skipped", fatal=False))
            loaded = False
        else:
            docs, found = reading.read_file(path, len(documents) + 1, sidecars.lookup(path))
            problems.extend(found)
            if docs:
                seen.add(real)
                documents.extend(docs)
            loaded = bool(docs)
        done += 1
        if progress is not None:
            progress(done, total, path)
        return loaded

    # Pass 2: read, in the order given.
    for path, files, folder, found in plan:
        problems.extend(found)
        if files is None:
            continue
        if not folder:
            load_file(path)
            continue
        loaded = [load_file(f) for f in files]
        if not any(loaded):
            what = "no readable articles" if files else "no articles"
            kinds = ", ".join(ARTICLE_SUFFIXES)
            problems.append(LoadProblem(path, f"folder has {what} ({kinds})"))
    return LoadResult(tuple(documents), tuple(problems))


__all__ = ["ARTICLE_SUFFIXES", "MAX_BYTES", "MAX_TEXT_CHARS", "Progress", "load_corpus", "unsupported_format"]
