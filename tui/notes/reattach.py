"""Re-attaching notes to the opened documents, which may have been renamed or edited since
the notes were written: which document each note belongs to (content, file, quote, the notes
beside it, or the text around a cut statement), then where in it (``anchor_selector``).

Pure functions, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz, process

from tui.corpus.model import Document, Statement
from tui.notes.anchor import (
    FUZZY_THRESHOLD,
    MAX_CONTEXT_GAP,
    MIN_CONTEXT,
    anchor_selector,
    context_score,
    occurrences,
    resolve_path,
)
from tui.notes.model import AnchoredNote, AnchorState, Note


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
            hits = occurrences(doc.text, note.quote)
            if hits:
                best = max(context_score(selector, doc.text, h, h + len(note.quote)) for h in hits)
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
