"""Loading articles: files and folders to Documents of statements. No UI imports here.

``load_corpus`` reads paths and reports bad input as problems instead of raising;
``document_from_text`` builds a Document from a string (tests, other front ends).
"""

from __future__ import annotations

from .document import document_from_text
from .loader import load_corpus
from .model import Document, LoadProblem, LoadResult, Span, SpanKind, Statement

__all__ = [
    "Document",
    "LoadProblem",
    "LoadResult",
    "Span",
    "SpanKind",
    "Statement",
    "document_from_text",
    "load_corpus",
]
