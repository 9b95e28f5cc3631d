"""Statements as people name them: article and number counted from 1, never ids like ``d2:5``.

The claim index keeps ids in its reasons (``agrees with d2:2``) because JSON readers want them;
everything a person reads passes its reasons through :func:`readable_reason`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tui.claims.model import ClaimIndex
from tui.corpus.model import Document, Statement
from tui.safe_text import safe_line

STATEMENT_ID = re.compile(r"\b(d\d+:\d+)\b")
"""A statement id as the claim index writes it in reasons."""


def number(statement_index: int) -> int:
    """The statement's number as a person counts (the first is 1)."""
    return statement_index + 1


def short_label(index: ClaimIndex, statement_id: str) -> str:
    """``d2 #6``: the article's key in the report's document list and the statement's number."""
    statement = index.statements.get(statement_id)
    if statement is None:
        return statement_id
    return f"{statement.doc_id} #{number(statement.index)}"


def readable_reason(reason: str, name: Callable[[str], str | None]) -> str:
    """``reason`` with every statement id replaced by ``name(id)`` ("another statement" when
    ``name`` does not know it)."""

    def replace(match: re.Match[str]) -> str:
        return name(match.group(1)) or "another statement"

    return STATEMENT_ID.sub(replace, reason)


def citation(document: Document, statement: Statement) -> str:
    """The statement in quotes and where it comes from (outlet, title, date, position, address),
    ready to paste into a draft. Control characters are made visible, never pasted."""
    quote = safe_line(" ".join(statement.text.split()))
    position = f"statement {number(statement.index)} of {len(document.statements)}"
    title = safe_line(document.title)
    parts = [
        safe_line(document.outlet),
        f"“{title}”" if title else "",
        safe_line(document.author),
        safe_line(document.published),
        position,
    ]
    where = safe_line(document.url or document.path)
    return f"“{quote}”\n— {', '.join(p for p in parts if p)}\n{where}\n"
