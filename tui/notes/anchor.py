"""Re-attaching notes to documents that may have been edited since the note was written.

Pure functions, no I/O. The order follows the W3C Web Annotation practice (and
Hypothesis's anchoring): position first, then the exact quote disambiguated by context,
then a fuzzy quote; the range found is then snapped to the statement it overlaps most.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process

from tui.corpus.model import Document, Statement
from tui.notes.model import CONTEXT_CHARS, AnchoredNote, AnchorState, Note, TextSelector

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


def _context_score(selector: TextSelector, text: str, start: int, end: int) -> int:
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


def _occurrences(text: str, quote: str) -> list[int]:
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
    hits = _occurrences(text, quote)
    if hits:
        # The position wins unless the context says another occurrence is the one.
        def rank(pos: int) -> tuple[int, int]:
            return (_context_score(selector, text, pos, pos + length), -abs(pos - selector.start))

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


class _Corpus:
    """Lookup tables over the opened documents, built once per anchoring pass."""

    def __init__(self, documents: Sequence[Document]) -> None:
        self.documents = documents
        self.by_fingerprint: dict[str, list[Document]] = {}
        self.by_path: dict[str, Document] = {}
        self.resolved: dict[str, str] = {}
        for doc in documents:
            if doc.fingerprint:
                self.by_fingerprint.setdefault(doc.fingerprint, []).append(doc)
            resolved = resolve_path(doc.path)
            self.resolved[doc.id] = resolved
            self.by_path.setdefault(resolved, doc)
        self._statements: list[Statement] = [st for doc in documents for st in doc.statements]
        self._statement_texts = [st.text for st in self._statements]
        self._doc_by_id = {doc.id: doc for doc in documents}

    def owner(self, note: Note, threshold: float) -> Document | None:
        """The opened document the note belongs to: same content, same file, or same quote."""
        same = self.by_fingerprint.get(note.fingerprint) if note.fingerprint else None
        if same:
            for candidate in same:
                if self.resolved[candidate.id] == note.doc_abspath:
                    return candidate
            return same[0]
        by_path = self.by_path.get(note.doc_abspath)
        if by_path is not None:
            return by_path
        return self._by_quote(note, threshold)

    def _by_quote(self, note: Note, threshold: float) -> Document | None:
        if not note.quote:
            return None
        selector = note.selector
        exact: list[tuple[int, Document]] = []
        for doc in self.documents:
            hits = _occurrences(doc.text, note.quote)
            if hits:
                best = max(_context_score(selector, doc.text, h, h + len(note.quote)) for h in hits)
                exact.append((best, doc))
        if exact:
            return max(exact, key=lambda item: item[0])[1]
        if not self._statements:
            return None
        found = process.extractOne(
            note.quote, self._statement_texts, scorer=fuzz.ratio, score_cutoff=max(threshold, 90.0)
        )
        if found is None:
            return None
        return self._doc_by_id.get(self._statements[found[2]].doc_id)

    def by_context(self, note: Note) -> Document | None:
        """The document where the text around the note's quote is still found, the context before
        it followed closely by the context after it: the statement was cut from this article."""
        before, after = note.prefix.strip(), note.suffix.strip()
        if len(before) + len(after) < MIN_CONTEXT:
            return None
        for doc in self.documents:
            text = doc.text
            if not before:
                if text.find(after) != -1 and len(after) >= MIN_CONTEXT:
                    return doc
                continue
            at = text.find(before)
            while at != -1:
                end = at + len(before)
                if not after:
                    return doc
                found = text.find(after, end, end + MAX_CONTEXT_GAP + len(after))
                if found != -1:
                    return doc
                at = text.find(before, at + 1)
        return None


def anchor_notes(
    notes: Iterable[Note],
    documents: Sequence[Document],
    *,
    threshold: float = FUZZY_THRESHOLD,
) -> list[AnchoredNote]:
    """Place every note that belongs to one of ``documents``; others are left out.

    A note belongs to a document with the same fingerprint, else the same resolved path,
    else one whose text carries its quote (exactly, or at least 90% similar for a whole
    statement). Notes of a document that is open but whose quote is gone come back
    ``orphaned``. Result order: document order, then position, orphans last per document.
    """
    corpus = _Corpus(documents)
    order = {doc.id: i for i, doc in enumerate(documents)}
    placed: list[AnchoredNote] = []
    unowned: list[Note] = []
    for note in notes:
        doc = corpus.owner(note, threshold)
        if doc is None:
            unowned.append(note)
            continue
        placed.append(_place(note, doc, threshold))
    # A renamed and edited article whose statement was cut: neither the file, the content nor the
    # quote leads to it, but the notes written beside it do, or the text around the cut does.
    # Such a note is kept as an orphan there, never dropped.
    if unowned and placed:
        sibling: dict[str, str] = {}
        for anchored in placed:
            if anchored.doc_id is not None:
                sibling.setdefault(f"f:{anchored.note.fingerprint}", anchored.doc_id)
                sibling.setdefault(f"p:{anchored.note.doc_abspath}", anchored.doc_id)
        by_id = {doc.id: doc for doc in documents}
        rest = []
        for note in unowned:
            doc_id = sibling.get(f"f:{note.fingerprint}") or sibling.get(f"p:{note.doc_abspath}")
            if doc_id is not None:
                placed.append(_place(note, by_id[doc_id], threshold))
            else:
                rest.append(note)
        unowned = rest
    for note in unowned:
        doc = corpus.by_context(note)
        if doc is not None:
            placed.append(_place(note, doc, threshold))
    placed.sort(
        key=lambda a: (
            order[a.doc_id or ""],
            a.state is AnchorState.ORPHANED,
            a.start if a.start is not None else a.note.start,
            a.note.created_at,
        )
    )
    return placed


def _place(note: Note, doc: Document, threshold: float) -> AnchoredNote:
    where = anchor_selector(note.selector, doc, threshold=threshold)
    return AnchoredNote(
        note=note,
        state=where.state,
        doc_id=doc.id,
        statement_id=where.statement_id,
        start=where.start,
        end=where.end,
        score=where.score,
        method=where.method,
    )
