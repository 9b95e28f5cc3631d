"""Articles inside other formats: PDF text (pypdf), the HTML pages of web archives (warcio) and
the HTML part of an MHTML page ("Save page as, single file": e-mail style MIME, stdlib).

Pure functions from bytes; the loader decides what becomes a document. Both libraries are
imported on first use, so loading plain text never pays for them.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

PDF_MAGIC = b"%PDF-"
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
MAX_PAGE_BYTES = 5 * 1024 * 1024

_HYPHEN_BREAK = re.compile(r"(\w)-\n(\w)")


class ContainerError(ValueError):
    """The container could not be read (damaged, encrypted, not what its name says)."""


def pdf_text(data: bytes) -> str:
    """The text of every page, pages separated by a blank line, words split at a line end
    re-joined; raises :class:`ContainerError` when pypdf cannot read the file."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ContainerError("encrypted PDF; cannot read its text")
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ContainerError(f"unreadable PDF ({type(exc).__name__})") from exc
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    return _HYPHEN_BREAK.sub(r"\1\2", text)


@dataclass(frozen=True, slots=True)
class CapturedPage:
    url: str
    date: str
    """The capture's WARC-Date (ISO 8601)."""
    body: bytes
    """The HTML as served (content-encoding undone by warcio)."""


def wacz_warcs(data: bytes) -> bytes:
    """The WARC records of a WACZ package (Webrecorder, ArchiveWeb.page: a zip whose
    ``archive/`` folder holds the captures), as one gzipped WARC stream."""
    import gzip
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = [n for n in package.namelist()
                     if n.startswith("archive/") and n.lower().endswith((".warc", ".warc.gz"))]
            if not names:
                raise ContainerError("WACZ package holds no WARC files under archive/")
            parts = []
            for name in sorted(names):
                blob = package.read(name)
                parts.append(blob if blob[:2] == b"\x1f\x8b" else gzip.compress(blob))
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise ContainerError(f"not a readable WACZ package ({exc.__class__.__name__})") from exc
    return b"".join(parts)


def is_warc(path: str, data: bytes) -> bool:
    if path.lower().endswith(WARC_SUFFIXES):
        return True
    return data.startswith(b"WARC/")


def warc_pages(data: bytes) -> list[CapturedPage]:
    """Every HTML page captured with status 200, each URL once, in capture order."""
    from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]
    from warcio.exceptions import ArchiveLoadFailed  # type: ignore[import-untyped]

    pages: list[CapturedPage] = []
    seen: set[str] = set()
    try:
        for record in ArchiveIterator(io.BytesIO(data), arc2warc=True):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            status = record.http_headers.get_statuscode()
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            if status != "200" or "html" not in ctype or url in seen:
                continue
            body = record.content_stream().read(MAX_PAGE_BYTES + 1)
            if len(body) > MAX_PAGE_BYTES or not body.strip():
                continue
            seen.add(url)
            pages.append(CapturedPage(url, record.rec_headers.get_header("WARC-Date") or "",
                                      body))
    except (ArchiveLoadFailed, ValueError, OSError, EOFError) as exc:
        if not pages:
            raise ContainerError(f"unreadable web archive ({type(exc).__name__})") from exc
    return pages


MHTML_SUFFIXES = (".mhtml", ".mht")


@dataclass(frozen=True, slots=True)
class MhtmlPage:
    url: str
    """The saved page's address (``Snapshot-Content-Location`` or the part's location)."""
    body: bytes
    """The HTML part with its transfer encoding (quoted-printable, base64) undone."""
    charset: str | None
    """The part's declared charset, if any."""


def mhtml_page(data: bytes) -> MhtmlPage:
    """The main HTML part of an MHTML file (the first ``text/html`` part, which browsers write
    first; its images and frames follow); raises :class:`ContainerError` when there is none."""
    import email
    import email.policy

    try:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
    except (ValueError, TypeError, IndexError) as exc:  # pragma: no cover - the parser is lax
        raise ContainerError(f"unreadable MHTML ({type(exc).__name__})") from exc
    url = str(message.get("Snapshot-Content-Location", "") or "")
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        try:
            body = part.get_payload(decode=True)
        except (ValueError, TypeError):
            continue
        if not isinstance(body, bytes) or not body.strip():
            continue
        location = str(part.get("Content-Location", "") or "")
        return MhtmlPage(url or location, body, part.get_content_charset())
    raise ContainerError("MHTML without an HTML part; nothing to read")


__all__ = ["CapturedPage", "ContainerError", "MHTML_SUFFIXES", "MhtmlPage", "PDF_MAGIC",
           "WARC_SUFFIXES", "is_warc", "mhtml_page", "pdf_text", "wacz_warcs", "warc_pages"]
