"""Paths the user gave into Documents, with one clear problem per file that could not load.

Nothing here raises for bad input: a missing file, a binary, an empty or huge file each becomes
a :class:`LoadProblem` and the rest of the corpus still loads.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import replace
from collections.abc import Callable, Iterator, Sequence

from .containers import (
    MHTML_SUFFIXES, PDF_MAGIC, ContainerError, is_warc, mhtml_page, pdf_text, wacz_warcs,
    warc_pages,
)
from .decode import BinaryContent, Decoded, decode_bytes
from .document import document_from_text
from .model import Document, LoadProblem, LoadResult
from .source import SourceInfo, from_meta_json, from_sources_toml, resolve

SIDECAR_BYTES = 1024 * 1024

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".mhtml", ".mht", ".pdf",
                    ".warc", ".warc.gz", ".wacz")
MAX_BYTES = 20 * 1024 * 1024
MAX_ARCHIVE_BYTES = 500 * 1024 * 1024
"""Web archives hold many pages (and their images); each page is still held to MAX_BYTES."""
MAX_TEXT_CHARS = 2_000_000
"""The most article text (after markup is removed) one document may carry.

Indexing claims keeps every statement's words, facts and term sets: about 105 MB (report) to
130 MB (reader) of memory per million characters on top of ~140 MB (``benchmarks/memory_edge.py``);
19 million characters took 1.7-2.6 GB and 35-85 s. Two million keep ``report`` (~350 MB) and
the reader (~410 MB) under 500 MB, and are still some 40 times a long feature article. A news
page's markup may be far larger than its text, so files stay limited by MAX_BYTES and only their
text by this."""
# Formats people do have in a story folder but that are not articles we read (yet): named
# explicitly they get one line saying so, instead of a prose reading of their bytes or markup.
UNSUPPORTED = {
    ".json": "JSON data", ".xml": "XML data", ".rss": "an RSS feed", ".atom": "an Atom feed",
    ".docx": "a Word document", ".doc": "a Word document", ".odt": "an OpenDocument text",
    ".rtf": "an RTF document",
".epub": "an EPUB book",
    ".csv": "a table", ".tsv": "a table", ".zip": "a zip archive", ".gz": "a gzip file",
    ".png": "an image", ".jpg": "an image", ".jpeg": "an image", ".gif": "an image",
    ".webp": "an image", ".svg": "an image", ".mp3": "audio", ".mp4": "video",
}
_DATA_HEAD = (("<?xml", "XML data"), ("<rss", "an RSS feed"), ("<feed", "an Atom feed"))
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
            elif entry.name.lower().endswith(ARTICLE_SUFFIXES) and not _is_page_asset(entry.path):
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


def _is_page_asset(path: str) -> bool:
    """Inside a browser's "Save Page As, Complete" ``<name>_files/`` folder: ad frames, not
    articles."""
    parent = os.path.basename(os.path.dirname(path))
    return parent.endswith("_files")


def unsupported_format(path: str) -> str | None:
    """What a file named with a suffix we do not read is, in words; ``None`` otherwise."""
    lower = path.lower()
    for suffix, what in UNSUPPORTED.items():
        if lower.endswith(suffix) and not lower.endswith(WARC_NAMES):
            return what
    return None


WARC_NAMES = (".warc.gz", ".arc.gz")


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


def _read_regular(path: str, limit: int = MAX_BYTES) -> bytes:
    """Up to ``limit + 1`` bytes; O_NONBLOCK so a file swapped for a FIFO cannot block open()."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        return fh.read(limit + 1)


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


def _read(path: str, first: int,
          source: SourceInfo | None = None) -> tuple[list[Document], list[LoadProblem]]:
    """The documents in one file (several for a web archive); ids from ``d<first>`` on."""
    archive = path.lower().endswith((".warc", ".wacz", *WARC_NAMES))
    limit = MAX_ARCHIVE_BYTES if archive else MAX_BYTES
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            return [], [LoadProblem(path, _not_regular(info.st_mode))]
        size = info.st_size
        if size > limit:
            mb = size / (1024 * 1024)
            return [], [LoadProblem(
                path, f"too large to be an article ({mb:.0f} MB > {limit // (1024 * 1024)} MB)"
            )]
        data = _read_regular(path, limit)
    except OSError as exc:
        return [], [LoadProblem(path, _os_message(exc))]
    if len(data) > limit:
        return [], [LoadProblem(path, f"too large to be an article (> {limit // (1024 * 1024)} MB)")]
    if not data:
        return [], [LoadProblem(path, "empty file")]
    if data.startswith(PDF_MAGIC) or path.lower().endswith(".pdf"):
        try:
            text = pdf_text(data)
        except ContainerError as exc:
            return [], [LoadProblem(path, str(exc))]
        if not text.strip():
            return [], [LoadProblem(path, "PDF has no text layer (a scan?); nothing to compare")]
        doc = document_from_text(text, doc_id=f"d{first}", path=path, fmt="txt",
                                 encoding="pdf", source=source)
        doc = _with_format(doc, "pdf")
        long = _too_long(doc)
        if long is not None:
            return [], [long]
        if not doc.statements:
            return [], [LoadProblem(path, "no statements left after cleaning (nothing to compare)")]
        return [doc], []
    if path.lower().endswith(".wacz"):
        try:
            data = wacz_warcs(data)
        except ContainerError as exc:
            return [], [LoadProblem(path, str(exc))]
        return _read_warc(path, data, first, source)
    if is_warc(path, data):
        return _read_warc(path, data, first, source)
    if path.lower().endswith(MHTML_SUFFIXES):
        return _read_mhtml(path, data, first, source)
    try:
        decoded = decode_bytes(data)
    except BinaryContent as exc:
        return [], [LoadProblem(path, str(exc))]
    problems: list[LoadProblem] = []
    if decoded.warning:
        problems.append(LoadProblem(path, decoded.warning, fatal=False))
    if not decoded.text.strip():
        return [], [LoadProblem(path, "empty file (only whitespace)")]
    fmt = format_for(path, decoded.text)
    if fmt == "txt":
        head = decoded.text.lstrip()[:200].lower()
        what = next((w for prefix, w in _DATA_HEAD if head.startswith(prefix)), None)
        if what is None and head[:1] in "{[" and _is_json(decoded.text):
            what = "JSON data"
        if what is not None:
            return [], [LoadProblem(path, f"{what}, not an article; {_KINDS}")]
    doc = document_from_text(decoded.text, doc_id=f"d{first}", path=path, fmt=fmt,
                             encoding=decoded.encoding, source=source)
    long = _too_long(doc)
    if long is not None:
        return [], [*problems, long]
    if not doc.statements:
        problems.append(LoadProblem(path, "no statements left after cleaning (nothing to compare)"))
        return [], problems
    return [doc], problems


_KINDS = "seedreader reads .txt, .md, .html, .mhtml, .pdf, .warc(.gz) and .wacz"


def _too_long(doc: Document) -> LoadProblem | None:
    """One line for a document with more text than the claim index can hold in memory."""
    if len(doc.text) <= MAX_TEXT_CHARS:
        return None
    return LoadProblem(
        doc.path,
        f"too much text to compare ({len(doc.text) / 1e6:.1f} million characters > "
        f"{MAX_TEXT_CHARS / 1e6:g} million): split it into articles",
    )


def _is_json(text: str) -> bool:
    import json

    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _with_format(doc: Document, fmt: str) -> Document:
    return replace(doc, format=fmt)


def _read_mhtml(path: str, data: bytes, first: int,
                source: SourceInfo | None) -> tuple[list[Document], list[LoadProblem]]:
    """A page saved as one file: its HTML part, read like an .html file."""
    try:
        page = mhtml_page(data)
    except ContainerError as exc:
        return [], [LoadProblem(path, str(exc))]
    decoded = None
    if page.charset:
        try:
            decoded = Decoded(page.body.decode(page.charset), page.charset.lower())
        except (LookupError, UnicodeDecodeError):
            decoded = None
    if decoded is None:
        try:
            decoded = decode_bytes(page.body)
        except BinaryContent as exc:
            return [], [LoadProblem(path, str(exc))]
    doc = document_from_text(decoded.text, doc_id=f"d{first}", path=path, fmt="html",
                             encoding=decoded.encoding, source=source)
    if not doc.url and page.url:  # no canonical link: the saved page's address
        fallback = resolve(SourceInfo(url=page.url))
        doc = replace(doc, url=fallback.url, outlet=doc.outlet or fallback.outlet,
                      published=doc.published or fallback.published)
    if not doc.statements:
        return [], [LoadProblem(path, "no statements left after cleaning (nothing to compare)")]
    return [_with_format(doc, "mhtml")], []


def _read_warc(path: str, data: bytes, first: int,
               source: SourceInfo | None) -> tuple[list[Document], list[LoadProblem]]:
    """One document per captured HTML page that reads as an article."""
    try:
        pages = warc_pages(data)
    except ContainerError as exc:
        return [], [LoadProblem(path, str(exc))]
    docs: list[Document] = []
    problems: list[LoadProblem] = []
    for page in pages:
        try:
            decoded = decode_bytes(page.body)
        except BinaryContent:
            continue
        doc = document_from_text(decoded.text, doc_id=f"d{first + len(docs)}",
                                 path=f"{path}#{len(docs) + 1}", fmt="html",
                                 encoding=decoded.encoding, source=source)
        if not doc.url:  # no canonical link: the captured address, and its host as outlet
            fallback = resolve(SourceInfo(url=page.url))
            doc = replace(doc, url=fallback.url, outlet=doc.outlet or fallback.outlet,
                          published=doc.published or fallback.published)
        long = _too_long(doc)
        if long is not None:
            problems.append(long)
        elif len(doc.statements) >= 3:  # ad frames and link lists are not articles
            docs.append(_with_format(doc, "warc"))
    if not docs:
        problems.append(LoadProblem(path, f"web archive with {len(pages)} HTML page"
                                    f"{'s' if len(pages) != 1 else ''}, none an article"))
    return docs, problems


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
    sidecars = _Sidecars(problems)

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
                files = _walk(path, found)
        elif os.path.lexists(path) or os.path.exists(path):
            if not os.path.exists(path):
                found.append(LoadProblem(path, "broken link: no such file or directory"))
            else:
                kind = unsupported_format(path)
                if kind is not None:
                    found.append(LoadProblem(path, f"{kind}, not an article; {_KINDS}"))
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
            docs, found = _read(path, len(documents) + 1, sidecars.lookup(path))
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


__all__ = ["ARTICLE_SUFFIXES", "MAX_BYTES", "MAX_TEXT_CHARS", "Progress", "load_corpus"]
