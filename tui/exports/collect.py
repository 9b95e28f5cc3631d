"""Turn the claim index and the anchored notes into the plain data every export renders."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from tui.claims.model import ClaimIndex, Conflict
from tui.corpus.model import Document, Statement
from tui.exports.model import CorpusConflict, Disagreement, ExportData, Finding, NoteItem, Source, StatementRef
from tui.labels import readable_reason
from tui.notes.anchor import resolve_path
from tui.notes.model import CONTEXT_CHARS, AnchoredNote, AnchorState
from tui.notes.ratings import DEFAULT_RATINGS, RatingScale


def source_uri(path: str) -> str:
    """The article's URL when it was given as one, else a ``file://`` URI of the resolved path."""
    if path.startswith(("http://", "https://")):
        return path
    resolved = resolve_path(path)
    try:
        return Path(resolved).as_uri()
    except ValueError:
        return resolved


class _Refs:
    def __init__(self, index: ClaimIndex) -> None:
        self.index = index
        self.sources = {
            doc.id: Source(
                number=n,
                title=doc.title or doc.name,
                path=doc.path,
                uri=doc.url or source_uri(doc.path),
                fingerprint=doc.fingerprint,
                text=doc.text,
                published=doc.published or None,
                outlet=doc.outlet or "",
            )
            for n, doc in enumerate(index.documents, start=1)
        }

    def readable(self, text: str) -> str:
        """The claim index's reasons name statements by id (``agrees with d2:2``): name them as the
        reader does, by article and number."""

        def name(sid: str) -> str | None:
            ref = self.ref_of(sid)
            return ref.label if ref is not None else None

        return readable_reason(text, name)

    def ref(self, st: Statement) -> StatementRef:
        return StatementRef(self.sources[st.doc_id], st.index + 1, st.text, st.start, st.end)

    def ref_of(self, sid: str) -> StatementRef | None:
        st = self.index.statements.get(sid)
        return self.ref(st) if st is not None and st.doc_id in self.sources else None

    def finding(self, sid: str) -> Finding | None:
        verdict = self.index.verdicts.get(sid)
        if verdict is None:
            return None
        try:
            others = list(self.index.counterparts(sid).values())
            conflicts = self.index.conflicts_of(sid)
        except KeyError:
            others, conflicts = [], []
        appearances = tuple(r for r in (self.ref_of(o) for o in others) if r is not None)
        return Finding(
            status=verdict.status.value,
            reason=self.readable(verdict.reason),
            sources=verdict.sources,
            appearances=tuple(sorted(appearances, key=lambda r: (r.source.number, r.number))),
            disagreements=tuple(d for d in (self._disagreement(c, sid) for c in conflicts) if d is not None),
        )

    def _disagreement(self, conflict: Conflict, sid: str) -> Disagreement | None:
        mine_first = conflict.a == sid
        other = self.ref_of(conflict.b if mine_first else conflict.a)
        if other is None:
            return None
        mine, theirs = (conflict.a_value, conflict.b_value) if mine_first else (conflict.b_value, conflict.a_value)
        return Disagreement(conflict.kind, mine, theirs, other, conflict.subject, conflict.possible)


def _note_item(refs: _Refs, docs: dict[str, Document], anchored: AnchoredNote, ratings: RatingScale) -> NoteItem:
    note = anchored.note
    doc = docs.get(anchored.doc_id or "")
    placed = anchored.state is not AnchorState.ORPHANED and doc is not None and anchored.start is not None
    if placed and doc is not None and anchored.start is not None and anchored.end is not None:
        start, end, text = anchored.start, anchored.end, doc.text
        exact, prefix, suffix = text[start:end], text[max(0, start - CONTEXT_CHARS) : start], text[end : end + CONTEXT_CHARS]
    else:
        start, end, exact, prefix, suffix = note.start, note.end, note.quote, note.prefix, note.suffix
    sid = anchored.statement_id if placed else None
    return NoteItem(
        id=note.id,
        body=note.body,
        tags=note.tags,
        rating=ratings.known(note.rating) or note.rating,
        created_at=note.created_at,
        updated_at=note.updated_at,
        state=anchored.state.value,
        doc_path=note.doc_path,
        exact=exact,
        prefix=prefix,
        suffix=suffix,
        start=start,
        end=end,
        source=refs.sources.get(anchored.doc_id or ""),
        statement=refs.ref_of(sid) if sid else None,
        finding=refs.finding(sid) if sid else None,
        score=anchored.score,
        method=anchored.method,
    )


def collect(
    index: ClaimIndex,
    notes: Sequence[AnchoredNote],
    *,
    title: str,
    exported_at: datetime,
    ratings: RatingScale = DEFAULT_RATINGS,
) -> ExportData:
    """Everything the exports need, in reading order: articles, then position, orphans last."""
    refs = _Refs(index)
    docs = {doc.id: doc for doc in index.documents}
    items = [_note_item(refs, docs, a, ratings) for a in notes if a.doc_id in docs]
    order = {doc_id: n for n, doc_id in enumerate(docs)}

    def position(item: NoteItem, anchored: AnchoredNote) -> tuple[int, bool, int, str, str]:
        return (order[anchored.doc_id or ""], item.state == "orphaned", item.start, item.created_at, item.id)

    placed = sorted(zip(items, [a for a in notes if a.doc_id in docs]), key=lambda pair: position(*pair))
    conflicts: list[CorpusConflict] = []
    for claim in index.claims:
        for c in claim.conflicts:
            a, b = refs.ref_of(c.a), refs.ref_of(c.b)
            if a is not None and b is not None:
                conflicts.append(CorpusConflict(c.kind, a, b, c.a_value, c.b_value, c.subject, c.possible))
    return ExportData(
        title=title,
        exported_at=exported_at,
        sources=tuple(refs.sources.values()),
        notes=tuple(item for item, _ in placed),
        conflicts=tuple(conflicts),
        ratings=ratings,
    )
