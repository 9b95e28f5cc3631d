"""Paths the user gave into Documents, with one clear problem per file that could not load.

Nothing here raises for bad input: a missing file, a binary, an empty or huge file each becomes
a :class:`LoadProblem` and the rest of the corpus still loads.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator, Sequence

from .decode import BinaryContent, decode_bytes
from .document import document_from_text
from .model import Document, LoadProblem, LoadResult

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
MAX_BYTES = 20 * 1024 * 1024
_FORMATS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".txt": "txt"}


def format_for(path: str, text: str) -> str:
    fmt = _FORMATS.get(os.path.splitext(path)[1].lower())
    if fmt:
        return fmt
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    return "txt"


def _walk(folder: str) -> Iterator[str]:
    """Article files under ``folder``, sorted, hidden files and folders skipped."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        joined = os.path.join(folder, entry.name)
        try:
            if entry.is_dir():
                yield from _walk(joined)
            elif entry.is_file() and entry.name.lower().endswith(ARTICLE_SUFFIXES):
                yield joined
        except OSError:
            continue


def _os_message(exc: OSError) -> str:
    if isinstance(exc, PermissionError) or exc.errno == errno.EACCES:
        return "permission denied"
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return (exc.strerror or type(exc).__name__).lower()


def _read(path: str, doc_id: str) -> tuple[Document | None, list[LoadProblem]]:
    try:
        size = os.stat(path).st_size
        if size > MAX_BYTES:
            mb = size / (1024 * 1024)
            return None, [LoadProblem(
                path, f"too large to be an article ({mb:.0f} MB > {MAX_BYTES // (1024 * 1024)} MB)"
            )]
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        return None, [LoadProblem(path, _os_message(exc))]
    if len(data) > MAX_BYTES:
        return None, [LoadProblem(path, "too large to be an article (> 20 MB)")]
    if not data:
        return None, [LoadProblem(path, "empty file")]
    try:
        decoded = decode_bytes(data)
    except BinaryContent as exc:
        return None, [LoadProblem(path, str(exc))]
    problems: list[LoadProblem] = []
    if decoded.warning:
        problems.append(LoadProblem(path, decoded.warning, fatal=False))
    if not decoded.text.strip():
        return None, [LoadProblem(path, "empty file (only whitespace)")]
    fmt = format_for(path, decoded.text)
    doc = document_from_text(decoded.text, doc_id=doc_id, path=path, fmt=fmt,
                             encoding=decoded.encoding)
    if not doc.statements:
        problems.append(LoadProblem(path, "no statements left after cleaning (nothing to compare)"))
        return None, problems
    return doc, problems


def load_corpus(paths: Sequence[str | os.PathLike[str]]) -> LoadResult:
    """Load files and folders in the order given; ids ``d1``, ``d2``... follow load order."""
    documents: list[Document] = []
    problems: list[LoadProblem] = []
    seen: set[str] = set()

    def load_file(path: str) -> bool:
        real = os.path.realpath(path)
        if real in seen:
            problems.append(LoadProblem(path, "already loaded; skipped", fatal=False))
            return False
        doc, found = _read(path, f"d{len(documents) + 1}")
        problems.extend(found)
        if doc is None:
            return False
        seen.add(real)
        documents.append(doc)
        return True

    for given in paths:
        path = os.fspath(given)
        if not path:
            problems.append(LoadProblem("''", "empty path"))
            continue
        if os.path.isdir(path):
            if not os.access(path, os.R_OK | os.X_OK):
                problems.append(LoadProblem(path, "permission denied"))
                continue
            files = list(_walk(path))
            loaded = [load_file(f) for f in files]
            if not any(loaded):
                what = "no readable articles" if files else "no articles"
                kinds = ", ".join(ARTICLE_SUFFIXES)
                problems.append(LoadProblem(path, f"folder has {what} ({kinds})"))
        elif os.path.lexists(path) or os.path.exists(path):
            if not os.path.exists(path):
                problems.append(LoadProblem(path, "broken link: no such file or directory"))
                continue
            load_file(path)
        else:
            parent = os.path.dirname(path) or "."
            if os.path.isdir(parent) and not os.access(parent, os.X_OK):
                problems.append(LoadProblem(path, "permission denied"))
            else:
                problems.append(LoadProblem(path, "no such file or directory"))
    return LoadResult(tuple(documents), tuple(problems))


__all__ = ["ARTICLE_SUFFIXES", "MAX_BYTES", "load_corpus"]
