"""Where keys move the cursor, as plain functions over positions: no widgets, testable alone."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


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
