"""Which articles the reader shows side by side, as plain functions over the pane order: how
many fit, which page shows an article (and the other side of its conflict), where a page key
moves the cursor. No widgets; the reader screen mounts what these choose."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

MIN_PANE_WIDTH = 40
"""Below this a pane is too narrow to read; show fewer panes and page with [ and ]."""

Reveal = Literal["documents", "next", "previous", "both"]
"""The key that brings hidden articles into view: the article list, or a page key (or both)."""


def panes_that_fit(width: int, articles: int, min_width: int = MIN_PANE_WIDTH) -> int:
    """How many panes ``width`` columns show, at most one per article (and at least one)."""
    return max(1, min(max(1, width // min_width), articles))


def clamp_start(start: int, articles: int, panes: int) -> int:
    """The first article of a page that starts at ``start``, kept so the page is full."""
    return max(0, min(start, articles - max(1, panes)))


def start_showing(position: int, page_start: int, panes: int) -> int:
    """The page start that brings the article at ``position`` on screen with the least move:
    the page begins with it when it is before the page, ends with it when after."""
    if page_start <= position < page_start + panes:
        return page_start
    return position if position < page_start else position - panes + 1


def page_for(order: Sequence[str], page_start: int, panes: int, doc_id: str, partners: Sequence[str]) -> int:
    """The page start that shows ``doc_id`` and, when a page is wide enough, its first partner
    that fits; the current page when it already does, otherwise the smallest move."""
    count = max(1, panes)
    position = order.index(doc_id)
    lowest = max(0, position - count + 1)
    highest = min(position, max(0, len(order) - count))
    for partner in partners:
        other = order.index(partner)
        if abs(other - position) < count:
            lowest = max(lowest, other - count + 1)
            highest = min(highest, other)
            break
    return max(lowest, min(page_start, highest))


def reveal(order: Sequence[str], page_start: int, hidden: Sequence[str]) -> Reveal | None:
    """How to show the articles ``hidden`` (off screen): ``None`` when there are none."""
    if not hidden:
        return None
    positions = [order.index(d) for d in hidden if d in order]
    if len(positions) < len(hidden):
        return "documents"
    if all(p >= page_start for p in positions):
        return "next"
    if all(p < page_start for p in positions):
        return "previous"
    return "both"


def page_label(page_start: int, shown: int, articles: int) -> str:
    """``articles 3–4 of 9`` for the status bar; empty when every article is shown."""
    if shown >= articles:
        return ""
    return f"articles {page_start + 1}–{page_start + shown} of {articles}"


def page_target(
    cursor: int,
    first_line: int,
    height: int,
    direction: int,
    statement_at_line: Callable[[int], int | None],
    step: Callable[[int], int | None],
) -> int | None:
    """Where page down/up (``direction`` 1/-1) puts the cursor: the statement a view ``height``
    lines tall shows that far from the cursor's ``first_line`` (two lines kept for context), or
    the next kept statement when that is the cursor's own."""
    target = statement_at_line(first_line + direction * max(1, height - 2))
    if target is not None and target == cursor:
        target = step(direction)
    return target
