"""Walking a folder the user named for article files: sorted, depth first, hidden files and
browser "page assets" skipped, symlink loops ended."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator

from .files import not_regular, os_message
from .formats import ARTICLE_SUFFIXES
from .model import LoadProblem


def walk_folder(folder: str, problems: list[LoadProblem]) -> list[str]:
    """Article files under ``folder`` in sorted depth-first order, hidden files and folders skipped.

    Iterative (a thousand nested folders do not exhaust the stack) and each folder is read once,
    known by device and inode, so symlinks to ``.`` or ``..`` end. Special files with an article
    suffix are named in ``problems`` and never opened.
    """
    found: list[str] = []
    seen: set[tuple[int, int]] = set()
    stack: list[Iterator[os.DirEntry[str]]] = []

    def enter(path: str) -> None:
        try:
            info = os.stat(path)
            if (info.st_dev, info.st_ino) in seen:
                problems.append(LoadProblem(path, "folder already read (a symlink loop?); skipped",
                                            fatal=False))
                return
            seen.add((info.st_dev, info.st_ino))
            with os.scandir(path) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            problems.append(LoadProblem(path, os_message(exc)))
            return
        stack.append(iter(entries))

    enter(folder)
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir():
                enter(entry.path)
            elif entry.name.lower().endswith(ARTICLE_SUFFIXES) and not is_page_asset(entry.path):
                mode = entry.stat().st_mode
                if stat.S_ISREG(mode):
                    found.append(entry.path)
                else:
                    problems.append(LoadProblem(entry.path, not_regular(mode)))
        except OSError as exc:
            if entry.is_symlink() and not os.path.exists(entry.path):
                problems.append(LoadProblem(entry.path, "broken link: no such file or directory"))
            else:
                problems.append(LoadProblem(entry.path, os_message(exc)))
    return found


def is_page_asset(path: str) -> bool:
    """Inside a browser's "Save Page As, Complete" ``<name>_files/`` folder: ad frames, not
    articles."""
    parent = os.path.basename(os.path.dirname(path))
    return parent.endswith("_files")
