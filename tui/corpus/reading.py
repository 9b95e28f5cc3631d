"""One article file into Documents (several for a web archive), or the problems that kept it
out: too large, empty, binary, data rather than prose, no text left. Never raises for bad input.

The format is chosen by content first (a PDF's magic, a web archive's records), then by name.
"""

from __future__ import annotations

import os
import stat
from dataclasses import replace

from .containers import (
    MHTML_SUFFIXES, PDF_MAGIC, ContainerError, is_warc, mhtml_page, pdf_text, wacz_warcs,
    warc_pages,
)
from .decode import BinaryContent, Decoded, decode_bytes
from .document import document_from_text
from .files import MAX_BYTES, not_regular, os_message, read_regular
from .formats import KINDS, WARC_NAMES, data_kind, format_for
from .model import Document, LoadProblem
from .source import SourceInfo, resolve

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


def read_file(path: str, first: int,
          source: SourceInfo | None = None) -> tuple[list[Document], list[LoadProblem]]:
    """The documents in one file (several for a web archive); ids from ``d<first>`` on."""
    archive = path.lower().endswith((".warc", ".wacz", *WARC_NAMES))
    limit = MAX_ARCHIVE_BYTES if archive else MAX_BYTES
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            return [], [LoadProblem(path, not_regular(info.st_mode))]
        size = info.st_size
        if size > limit:
            mb = size / (1024 * 1024)
            return [], [LoadProblem(
                path, f"too large to be an article ({mb:.0f} MB > {limit // (1024 * 1024)} MB)"
            )]
        data = read_regular(path, limit)
    except OSError as exc:
        return [], [LoadProblem(path, os_message(exc))]
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
        what = data_kind(decoded.text)
        if what is not None:
            return [], [LoadProblem(path, f"{what}, not an article; {KINDS}")]
    doc = document_from_text(decoded.text, doc_id=f"d{first}", path=path, fmt=fmt,
                             encoding=decoded.encoding, source=source)
    long = _too_long(doc)
    if long is not None:
        return [], [*problems, long]
    if not doc.statements:
        problems.append(LoadProblem(path, "no statements left after cleaning (nothing to compare)"))
        return [], problems
    return [doc], problems


def _too_long(doc: Document) -> LoadProblem | None:
    """One line for a document with more text than the claim index can hold in memory."""
    if len(doc.text) <= MAX_TEXT_CHARS:
        return None
    return LoadProblem(
        doc.path,
        f"too much text to compare ({len(doc.text) / 1e6:.1f} million characters > "
        f"{MAX_TEXT_CHARS / 1e6:g} million): split it into articles",
    )


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
