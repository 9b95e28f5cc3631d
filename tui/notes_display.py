"""Where the reader shows notes, as plain functions: the notes per statement, the gutter marks,
the notes of a claim for the claim panel and the status bar's summary. No widgets."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from tui.claims.model import ClaimIndex
from tui.corpus.model import Document
from tui.navigation import find_statement
from tui.notes import AnchoredNote, AnchorState, NoteStore
from tui.notes.ratings import RatingScale

Marks = dict[str, dict[str, tuple[str, str]]]
"""Document id -> statement id -> (mark, lean) of its latest rated note."""


@dataclass(frozen=True, slots=True)
class PanelNote:
    """A note on one statement of the current claim, as the claim panel lists it."""

    source: str
    """The article's file name."""
    statement: int
    """1-based statement number in that article."""
    body: str
    tags: tuple[str, ...] = ()
    here: bool = False
    """On the cursor's own statement (listed first, marked ▶)."""
    rating: str | None = None
    lean: str = "other"
    """``true``, ``false``, ``mixed`` or ``other``: how the rating is coloured."""


def notes_by_statement(notes: Sequence[AnchoredNote]) -> dict[str, list[AnchoredNote]]:
    """Placed notes by statement id, oldest first; orphans are left out."""
    by_statement: dict[str, list[AnchoredNote]] = {}
    for anchored in notes:
        if anchored.state is not AnchorState.ORPHANED and anchored.statement_id is not None:
            by_statement.setdefault(anchored.statement_id, []).append(anchored)
    for placed in by_statement.values():
        placed.sort(key=lambda a: a.note.created_at)
    return by_statement


def gutter_marks(notes_on: Mapping[str, Sequence[AnchoredNote]], ratings: RatingScale) -> tuple[dict[str, set[str]], Marks]:
    """Per document, the noted statement ids and the mark of each rated one (its latest rating's
    letter and lean)."""
    marked: dict[str, set[str]] = {}
    marks: Marks = {}
    for sid, notes in notes_on.items():
        doc_id = notes[0].doc_id
        if doc_id is None:
            continue
        marked.setdefault(doc_id, set()).add(sid)
        rated = [a.note for a in notes if a.note.rating]
        if rated:
            latest = max(rated, key=lambda note: note.updated_at)
            marks.setdefault(doc_id, {})[sid] = (ratings.mark(latest.rating), ratings.lean(latest.rating))
    return marked, marks


def claim_notes(
    sid: str | None,
    notes_on: Mapping[str, Sequence[AnchoredNote]],
    index: ClaimIndex | None,
    by_id: Mapping[str, Document],
    order: Sequence[str],
    ratings: RatingScale,
) -> list[PanelNote]:
    """Notes on every statement of the claim behind ``sid``: its own first, then in pane order."""
    if sid is None or not notes_on:
        return []
    members = [sid]
    if index is not None and sid in index.verdicts:
        members += [s for s in index.claim_of(sid).statements if s != sid]
    rank = {d: n for n, d in enumerate(order)}
    statements = {m: s for m in members if m in notes_on and (s := find_statement(index, by_id, m)) is not None}
    others = sorted((s for s in members[1:] if s in statements), key=lambda s: (rank.get(statements[s].doc_id, len(rank)), s))
    result: list[PanelNote] = []
    for member in [sid, *others]:
        statement = statements.get(member)
        if statement is None:
            continue
        for anchored in notes_on.get(member, []):
            result.append(
                PanelNote(
                    source=by_id[statement.doc_id].name,
                    statement=statement.index + 1,
                    body=anchored.note.body,
                    tags=anchored.note.tags,
                    here=member == sid,
                    rating=anchored.note.rating,
                    lean=ratings.lean(anchored.note.rating),
                )
            )
    return result


def notes_summary(
    store: NoteStore | None,
    notes: Sequence[AnchoredNote],
    notes_on: Mapping[str, Sequence[AnchoredNote]],
    retry_key: Callable[[], str],
) -> str:
    """The status bar's notes part: ``3 notes (1 orphaned), read-only``, ``notes off`` or empty."""
    if store is None:
        return ""
    if not store.readable:
        return "notes off"
    count = sum(len(placed) for placed in notes_on.values())
    orphans = sum(1 for a in notes if a.state is AnchorState.ORPHANED)
    if not count and not orphans and store.available:
        return ""
    text = "1 note" if count == 1 else f"{count} notes"
    if orphans:
        text += f" ({orphans} orphaned)"
    if not store.available:
        text += ", read-only"
    elif store.transient:
        text += f", last save failed ({retry_key()} retries)"
    return text
