"""Where keys move the cursor, as plain functions over positions and the claim index: no
widgets, tested without Pilot. The reader screen only applies what these return."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from tui.claims.model import ClaimIndex, Conflict, Status
from tui.corpus.model import Document, Statement


@dataclass(frozen=True, slots=True)
class Found:
    position: int
    wrapped: bool
    """The search passed the end (or the start) and went on from the other side."""
    only: bool = False
    """The match is where the search started: there is no other."""


def find_next(count: int, here: int, direction: int, matches: Callable[[int], bool]) -> Found | None:
    """The next position after ``here`` in ``direction`` (1 or -1) that ``matches``, going round
    the ends once; ``None`` when nothing in ``range(count)`` matches."""
    for step in range(1, count + 1):
        raw = here + direction * step
        position = raw % count
        if matches(position):
            return Found(position, wrapped=not 0 <= raw < count, only=position == here)
    return None


def wrap_message(found: Found, label: str, direction: int) -> str | None:
    """What to tell the reader about a ``find_next`` result for statements called ``label``."""
    if found.only:
        return f"This is the only {label} statement in these articles"
    if not found.wrapped:
        return None
    if direction > 0:
        return f"No {label} statement after this one: back to the first"
    return f"No {label} statement before this one: on to the last"


# Filter movement -----------------------------------------------------------------------

FILTERS: tuple[str, ...] = ("all", "conflicting", "uncorroborated", "agreeing")
"""Filter cycle for ``f``; every value but ``all`` is a ``Status`` value."""


def keeps(filter_name: str, status: Status | None) -> bool:
    """Whether the filter ``filter_name`` shows a statement with ``status`` bright (``all`` keeps
    every statement, even one not indexed yet)."""
    return filter_name == "all" or (status is not None and status.value == filter_name)


def next_kept(count: int, start: int, direction: int, kept: Callable[[int], bool]) -> int | None:
    """The first position after ``start`` in ``direction`` inside ``range(count)`` that ``kept``
    accepts, without wrapping; ``None`` when there is none (j/k then say so)."""
    position = start + direction
    while 0 <= position < count:
        if kept(position):
            return position
        position += direction
    return None


# Following -----------------------------------------------------------------------------


def counterparts_of(index: ClaimIndex | None, statement_id: str | None) -> dict[str, str]:
    """Document id -> the statement there that best matches ``statement_id`` (none before the
    index exists or for an unknown statement)."""
    if index is None or statement_id is None or statement_id not in index.verdicts:
        return {}
    return index.counterparts(statement_id)


def follower_targets(
    index: ClaimIndex, counterparts: Mapping[str, str], doc_ids: Iterable[str]
) -> dict[str, int | None]:
    """Where each pane in ``doc_ids`` puts its cursor: the position of its counterpart of the
    cursor statement, or ``None`` when that article does not report it."""
    targets: dict[str, int | None] = {}
    for doc_id in doc_ids:
        other = counterparts.get(doc_id)
        targets[doc_id] = index.statements[other].index if other is not None else None
    return targets


def link_state(target: int | None, dimmed: bool) -> str:
    """A follower pane's header line: which statement matches, or that none does."""
    if target is None:
        return "no match found here"
    return f"↔ statement {target + 1}" + (" · dimmed by the filter" if dimmed else "")


# Statements, the other side of a conflict, and status search -----------------------------------------


def find_statement(index: ClaimIndex | None, by_id: Mapping[str, Document], statement_id: str) -> Statement | None:
    """The statement ``statement_id`` from the index, or from its document before the index exists."""
    if index is not None and statement_id in index.statements:
        return index.statements[statement_id]
    for document in by_id.values():
        for statement in document.statements:
            if statement.id == statement_id:
                return statement
    return None


def other_side(conflict: Conflict, statement_id: str) -> str:
    """The statement on the other side of ``conflict`` from ``statement_id``."""
    return conflict.b if conflict.a == statement_id else conflict.a


def partners(index: ClaimIndex | None, statement_id: str, order: Sequence[str]) -> list[str]:
    """Documents worth showing beside ``statement_id``: the other side of each conflict first,
    then the other versions in pane ``order``; only documents in ``order``, never its own."""
    if index is None or statement_id not in index.verdicts:
        return []
    own = index.statements[statement_id].doc_id
    found = [index.statements[other_side(c, statement_id)].doc_id for c in index.conflicts_of(statement_id)]
    rank = {d: n for n, d in enumerate(order)}
    found += sorted(index.counterparts(statement_id), key=lambda d: rank.get(d, len(rank)))
    return [d for d in dict.fromkeys(found) if d != own and d in rank]


def find_status(
    index: ClaimIndex, documents: Sequence[Document], here: tuple[str, int], status: str, direction: int
) -> tuple[Found, str] | None:
    """The next statement with ``status`` (a ``Status`` value) after ``here`` (document id,
    position) in reading order across ``documents`` (pane order), going round once: the
    ``Found`` and its statement id; ``None`` when no statement has that status."""
    sequence = [s for d in documents for s in d.statements]
    if not sequence:
        return None
    start = next((n for n, s in enumerate(sequence) if (s.doc_id, s.index) == here), 0)

    def matches(number: int) -> bool:
        verdict = index.verdicts.get(sequence[number].id)
        return verdict is not None and verdict.status.value == status

    found = find_next(len(sequence), start, direction, matches)
    return None if found is None else (found, sequence[found.position].id)
