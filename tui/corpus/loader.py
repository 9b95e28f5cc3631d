"""Paths the user gave into Documents, with one clear problem per file that could not load.

Nothing here raises for bad input: a missing file, a binary, an empty or huge file each becomes
a :class:`LoadProblem` and the rest of the corpus still loads.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator, Sequence

from .decode import BinaryContent, decode_bytes
from .document import document_from_text
from .model import Document, LoadProblem, LoadResult
from .source import SourceInfo, from_meta_json, from_sources_toml

SIDECAR_BYTES = 1024 * 1024

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
MAX_BYTES = 20 * 1024 * 1024
_SPECIAL = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)
_FORMATS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".txt": "txt"}


def format_for(path: str, text: str) -> str:
    fmt = _FORMATS.get(os.path.splitext(path)[1].lower())
    if fmt:
        return fmt
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    return "txt"


def _walk(folder: str, problems: list[LoadProblem]) -> list[str]:
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
            problems.append(LoadProblem(path, _os_message(exc)))
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
            elif entry.name.lower().endswith(ARTICLE_SUFFIXES):
                mode = entry.stat().st_mode
                if stat.S_ISREG(mode):
                    found.append(entry.path)
                else:
                    problems.append(LoadProblem(entry.path, _not_regular(mode)))
        except OSError as exc:
            if entry.is_symlink() and not os.path.exists(entry.path):
                problems.append(LoadProblem(entry.path, "broken link: no such file or directory"))
            else:
                problems.append(LoadProblem(entry.path, _os_message(exc)))
    return found


def _not_regular(mode: int) -> str:
    for test, kind in _SPECIAL:
        if test(mode):
            return f"is {kind}, not a regular file"
    return "not a regular file"


def _os_message(exc: OSError) -> str:
    if isinstance(exc, PermissionError) or exc.errno == errno.EACCES:
        return "permission denied"
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return (exc.strerror or type(exc).__name__).lower()


def _read_regular(path: str) -> bytes:
    """Up to ``MAX_BYTES + 1`` bytes; O_NONBLOCK so a file swapped for a FIFO cannot block open()."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        return fh.read(MAX_BYTES + 1)


def _read_sidecar(path: str) -> str | None:
    try:
        data = _read_regular(path)
    except OSError:
        return None
    if len(data) > SIDECAR_BYTES:
        return None
    return data.decode("utf-8-sig", errors="replace")


class _Sidecars:
    """``sources.toml`` over ``meta.json`` of each folder, read once per folder."""

    def __init__(self, problems: list[LoadProblem]) -> None:
        self.problems = problems
        self.by_folder: dict[str, dict[str, SourceInfo]] = {}

    def lookup(self, path: str) -> SourceInfo | None:
        folder, name = os.path.split(path)
        table = self.by_folder.get(folder)
        if table is None:
            table = self._load(folder)
            self.by_folder[folder] = table
        return table.get(name)

    def _load(self, folder: str) -> dict[str, SourceInfo]:
        import tomllib

        table: dict[str, SourceInfo] = {}
        meta = _read_sidecar(os.path.join(folder or ".", "meta.json"))
        if meta is not None:
            table.update(from_meta_json(meta))
        toml_path = os.path.join(folder or ".", "sources.toml")
        toml = _read_sidecar(toml_path)
        if toml is not None:
            try:
                for name, info in from_sources_toml(toml).items():
                    table[name] = info.over(table.get(name, SourceInfo()))
            except tomllib.TOMLDecodeError as exc:
                self.problems.append(LoadProblem(toml_path, f"not valid TOML ({exc}); ignored",
                                                 fatal=False))
        return table


def _read(path: str, doc_id: str,
          source: SourceInfo | None = None) -> tuple[Document | None, list[LoadProblem]]:
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            return None, [LoadProblem(path, _not_regular(info.st_mode))]
        size = info.st_size
        if size > MAX_BYTES:
            mb = size / (1024 * 1024)
            return None, [LoadProblem(
                path, f"too large to be an article ({mb:.0f} MB > {MAX_BYTES // (1024 * 1024)} MB)"
            )]
        data = _read_regular(path)
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
                             encoding=decoded.encoding, source=source)
    if not doc.statements:
        problems.append(LoadProblem(path, "no statements left after cleaning (nothing to compare)"))
        return None, problems
    return doc, problems


def load_corpus(paths: Sequence[str | os.PathLike[str]]) -> LoadResult:
    """Load files and folders in the order given; ids ``d1``, ``d2``... follow load order."""
    documents: list[Document] = []
    problems: list[LoadProblem] = []
    seen: set[str] = set()
    sidecars = _Sidecars(problems)

    def load_file(path: str) -> bool:
        real = os.path.realpath(path)
        if real in seen:
            problems.append(LoadProblem(path, "already loaded; skipped", fatal=False))
            return False
        doc, found = _read(path, f"d{len(documents) + 1}", sidecars.lookup(path))
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
            files = _walk(path, problems)
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
