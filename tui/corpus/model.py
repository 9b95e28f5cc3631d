"""Documents and statements: the data every later stage reads.

Offsets always point into ``Document.text`` (decoded, newlines normalised to LF), so
``doc.text[s.start:s.end] == s.text`` for every statement ``s``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class SpanKind(str, Enum):
    """What a non-statement line is, so the reader can show it differently."""

    TITLE = "title"
    BYLINE = "byline"
    HEADING = "heading"
    BOILERPLATE = "boilerplate"


@dataclass(frozen=True, slots=True)
class Statement:
    """One sentence or clause of an article; the unit the claim index links."""

    id: str
    """Stable within one load: ``"<doc id>:<index>"``, e.g. ``"d1:4"``."""
    doc_id: str
    index: int
    start: int
    end: int
    text: str
    """Exactly ``document.text[start:end]``."""
    plain: str
    """``text`` with markup (Markdown, HTML entities) removed, for matching only."""
    paragraph: int
    """Index of the paragraph the statement sits in, for layout."""


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the document that is not a statement (title, byline, share row...)."""

    kind: SpanKind
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    """Short id, ``"d1"``, ``"d2"``... in load order."""
    path: str
    """The path as the user gave it (or as found under a folder they gave)."""
    title: str
    text: str
    statements: tuple[Statement, ...]
    spans: tuple[Span, ...] = ()
    fingerprint: str = ""
    """sha256 hex of ``text``: identifies the content for notes and saved state."""
    encoding: str = "utf-8"
    format: str = "txt"
    outlet: str = ""
    """Who published it ("Reuters", "foxnews"); empty when no input names it."""
    url: str = ""
    published: str = ""
    """ISO 8601 date or timestamp; empty when unknown."""
    author: str = ""

    @property
    def name(self) -> str:
        return self.path.replace("\\", "/").rsplit("/", 1)[-1]

    @property
    def source(self) -> str:
        """What views name first: the outlet, else the file name."""
        return self.outlet or self.name


@dataclass(frozen=True, slots=True)
class LoadProblem:
    """A file that could not be loaded, or loaded with a caveat."""

    path: str
    message: str
    fatal: bool = True
    """``False`` for warnings (the document still loaded)."""

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True, slots=True)
class LoadResult:
    documents: tuple[Document, ...]
    problems: tuple[LoadProblem, ...] = field(default=())
