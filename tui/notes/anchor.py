"""Where a note sits in one document, and finding it again after the document was edited.

Pure functions, no I/O (``tui.notes.reattach`` decides which opened document a note belongs to). The order follows the W3C Web Annotation practice (and
Hypothesis's anchoring): position first, then the exact quote disambiguated by context,
then a fuzzy quote; the range found is then snapped to the statement it overlaps most.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process

from tui.corpus.model import Document, Statement
from tui.notes.model import CONTEXT_CHARS, AnchorState, TextSelector

FUZZY_THRESHOLD = 85.0
"""Minimum rapidfuzz similarity (0..100) for a changed quote to still count as found."""
MIN_PARTIAL_QUOTE = 20
"""Shorter quotes are not searched with partial matching: too many false hits."""
MIN_CONTEXT = 24
"""Characters of remembered context (before + after the quote, spaces trimmed) that must still
be found, side by side, to tell that a statement was cut from a renamed article."""
MAX_CONTEXT_GAP = 400
"""How far apart the context before and after may be found (the cut statement's room)."""


@dataclass(frozen=True, slots=True)
class Anchor:
    state: AnchorState
    start: int | None
    end: int | None
    statement_id: str | None
    score: float
    method: str


ORPHAN = Anchor(AnchorState.ORPHANED, None, None, None, 0.0, "none")


def selector_for(doc: Document, start: int, end: int, context: int = CONTEXT_CHARS) -> TextSelector:
    """The selector a new note on ``doc.text[start:end]`` stores."""
    text = doc.text
    return TextSelector(
        quote=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
        start=start,
        end=end,
    )


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b)):
        if x != y:
            break
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def context_score(selector: TextSelector, text: str, start: int, end: int) -> int:
    """How many characters of the remembered context still surround ``text[start:end]``."""
    before = text[max(0, start - len(selector.prefix)) : start]
    after = text[end : end + len(selector.suffix)]
    return _common_suffix(selector.prefix, before) + _common_prefix(selector.suffix, after)


def _fuzzy_context(selector: TextSelector, text: str, start: int, end: int) -> float:
    before = text[max(0, start - len(selector.prefix)) : start]
    after = text[end : end + len(selector.suffix)]
    return fuzz.ratio(selector.prefix, before) + fuzz.ratio(selector.suffix, after)


def snap_to_statement(doc: Document, start: int, end: int) -> Statement | None:
    """The statement overlapping ``[start, end)`` the most (ties: the earlier one)."""
    best: Statement | None = None
    best_overlap = 0
    for st in doc.statements:
        if st.end <= start:
            continue
        if st.start >= end:
            break
        overlap = min(end, st.end) - max(start, st.start)
        if overlap > best_overlap:
            best, best_overlap = st, overlap
    if best is None and start == end:
        for st in doc.statements:
            if st.start <= start < st.end:
                return st
    return best


def occurrences(text: str, quote: str) -> list[int]:
    found: list[int] = []
    if not quote:
        return found
    i = text.find(quote)
    while i != -1:
        found.append(i)
        i = text.find(quote, i + 1)
    return found


def _attach(doc: Document, state: AnchorState, start: int, end: int, score: float, method: str) -> Anchor:
    st = snap_to_statement(doc, start, end)
    return Anchor(state, start, end, st.id if st else None, score, method)


def anchor_selector(selector: TextSelector, doc: Document, *, threshold: float = FUZZY_THRESHOLD) -> Anchor:
    """Find ``selector`` in ``doc``: position, exact quote with context, fuzzy quote."""
    text, quote = doc.text, selector.quote
    if not quote:
        return ORPHAN
    length = len(quote)
    hits = occurrences(text, quote)
    if hits:
        # The position wins unless the context says another occurrence is the one.
        def rank(pos: int) -> tuple[int, int]:
            return (context_score(selector, text, pos, pos + length), -abs(pos - selector.start))

        best = max(hits, key=rank)
        if selector.start in hits and rank(selector.start)[0] >= rank(best)[0]:
            return _attach(doc, AnchorState.OK, selector.start, selector.end, 100.0, "position")
        return _attach(doc, AnchorState.MOVED, best, best + length, 100.0, "quote")
    return _fuzzy(selector, doc, threshold)


def _fuzzy(selector: TextSelector, doc: Document, threshold: float) -> Anchor:
    text, quote = doc.text, selector.quote
    # A statement edited in place: compare whole statements.
    if doc.statements:
        scored = process.extract(
            quote,
            [st.text for st in doc.statements],
            scorer=fuzz.ratio,
            score_cutoff=threshold,
            limit=None,
        )
        if scored:
            top = max(score for _, score, _ in scored)
            near = [doc.statements[i] for _, score, i in scored if score >= top - 2.0]

            def rank(st: Statement) -> tuple[float, float, int]:
                return (
                    fuzz.ratio(quote, st.text),
                    _fuzzy_context(selector, text, st.start, st.end),
                    -abs(st.start - selector.start),
                )

            st = max(near, key=rank)
            return Anchor(AnchorState.MOVED, st.start, st.end, st.id, fuzz.ratio(quote, st.text), "fuzzy")
    # Statements merged, split or re-wrapped: align the quote against the running text.
    if len(quote) >= MIN_PARTIAL_QUOTE and len(quote) <= len(text):
        found = fuzz.partial_ratio_alignment(quote, text, score_cutoff=threshold)
        if found is not None:
            return _attach(doc, AnchorState.MOVED, found.dest_start, found.dest_end, found.score, "fuzzy")
    return ORPHAN


def resolve_path(path: str) -> str:
    """The absolute form of a document path, as stored with a note."""
    if not path or path.startswith("<"):
        return path
    try:
        return str(Path(path).expanduser().resolve())
    except (OSError, RuntimeError, ValueError):
        return os.path.abspath(path)
