"""Word 5-grams (shingles) of text outside quotations: what copy detection compares.

Split from ``copies``: where quotes fall in a paragraph, and the shingles left outside them
(per paragraph, or per statement with quotes judged over its whole paragraph), is one job;
``copies`` decides from them which documents and passages copy which.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from tui.corpus.model import Document, Statement

_WORD = re.compile(r"\w+")
_OPEN = "“«„"
_CLOSE = "”»"


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


_MARK = re.compile("[\"\u201c\u00ab\u201e\u201d\u00bb]")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Quoted stretches ``[start, end)`` of one paragraph, in order, not overlapping.

    Quotes run across sentences, so this is decided per paragraph: a straight ``"`` toggles,
    curly and guillemet marks open and close; a close with nothing open quotes from the start
    (the quote began in an earlier paragraph) and an open never closed quotes to the end (news
    style leaves the closing mark off a quote that continues in the next paragraph).
    """
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for m in _MARK.finditer(text):
        i = m.start()
        ch = text[i]
        if ch == '"':
            if open_at is None:
                open_at = i
            else:
                spans.append((open_at, i + 1))
                open_at = None
        elif ch in _OPEN:
            if open_at is None:
                open_at = i
        else:
            spans.append((0 if open_at is None else open_at, i + 1))
            open_at = None
    if open_at is not None:
        spans.append((open_at, len(text)))
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _unquoted_parts(text: str, spans: Sequence[tuple[int, int]], lo: int = 0,
                    hi: int | None = None) -> list[str]:
    """The pieces of ``text[lo:hi]`` outside ``spans`` (positions in ``text``)."""
    hi = len(text) if hi is None else hi
    parts: list[str] = []
    at = lo
    for a, b in spans:
        if b <= at:
            continue
        if a >= hi:
            break
        if a > at:
            parts.append(text[at:a])
        at = max(at, b)
    if at < hi:
        parts.append(text[at:hi])
    return parts


def _grams(parts: Iterable[str], n: int) -> set[tuple[str, ...]]:
    out: set[tuple[str, ...]] = set()
    for part in parts:
        words = _words(part)
        out.update(tuple(words[i:i + n]) for i in range(len(words) - n + 1))
    return out


def shingles(text: str, n: int = 5) -> set[tuple[str, ...]]:
    """Word ``n``-grams of one paragraph's text outside quotations."""
    return _grams(_unquoted_parts(text, quoted_spans(text)), n)


Grams = frozenset[tuple[str, ...]]


StatementKey = tuple[str, tuple[tuple[int, int], ...]]


def statement_shingles(doc: Document, n: int = 5,
                       memo: dict[StatementKey, Grams] | None = None) -> dict[str, Grams]:
    """Unquoted shingles of each statement, quotes judged over its whole paragraph.

    Syndicated and recombined corpora repeat statements: with a shared ``memo`` each distinct
    statement (its text and where quotes fall in it) is read once.
    """
    memo = {} if memo is None else memo
    by_para: dict[int, list[Statement]] = {}
    for s in doc.statements:
        by_para.setdefault(s.paragraph, []).append(s)
    out: dict[str, Grams] = {}
    for members in by_para.values():
        start, end = members[0].start, members[-1].end
        spans = quoted_spans(doc.text[start:end])
        for s in members:
            lo, hi = s.start - start, s.end - start
            piece = doc.text[s.start:s.end]
            inside = tuple((max(a, lo) - lo, min(b, hi) - lo) for a, b in spans
                           if a < hi and b > lo)
            key = (piece, inside)
            grams = memo.get(key)
            if grams is None:
                grams = memo[key] = frozenset(_grams(_unquoted_parts(piece, inside), n))
            out[s.id] = grams
    return out


__all__ = ["Grams", "StatementKey", "quoted_spans", "shingles",
           "statement_shingles"]
