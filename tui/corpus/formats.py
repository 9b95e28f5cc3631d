"""Which files are articles, and in which format: suffixes read, suffixes named as not
articles (a feed, a Word document...), and content that is data rather than prose."""

from __future__ import annotations

import os

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".mhtml", ".mht", ".pdf",
                    ".warc", ".warc.gz", ".wacz")
WARC_NAMES = (".warc.gz", ".arc.gz")
KINDS = "seedreader reads .txt, .md, .html, .mhtml, .pdf, .warc(.gz) and .wacz"
"""The end of every "not an article" problem line."""

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

_FORMATS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".txt": "txt"}


def format_for(path: str, text: str) -> str:
    fmt = _FORMATS.get(os.path.splitext(path)[1].lower())
    if fmt:
        return fmt
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    return "txt"


def unsupported_format(path: str) -> str | None:
    """What a file named with a suffix we do not read is, in words; ``None`` otherwise."""
    lower = path.lower()
    for suffix, what in UNSUPPORTED.items():
        if lower.endswith(suffix) and not lower.endswith(WARC_NAMES):
            return what
    return None


def data_kind(text: str) -> str | None:
    """``XML data``, ``an RSS feed``, ``JSON data``... for text that is data, not prose."""
    head = text.lstrip()[:200].lower()
    what = next((w for prefix, w in _DATA_HEAD if head.startswith(prefix)), None)
    if what is None and head[:1] in "{[" and _is_json(text):
        what = "JSON data"
    return what


def _is_json(text: str) -> bool:
    import json

    try:
        json.loads(text)
    except ValueError:
        return False
    return True
