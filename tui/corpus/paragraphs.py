"""Plain text into paragraph units: one per line, or one per block when the text is hard-wrapped.

News exports put one paragraph per line; e-mail and Gutenberg-style files wrap at ~72 columns.
Each unit is a ``Unit`` with offsets into the text, already stripped of surrounding blanks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE = re.compile(r"^[^\S\n]*(\S(?:[^\n]*\S)?)", re.M)
_ENDS_SENTENCE = re.compile(r"[.!?:;…\"'”’»)]$")
_BULLET = re.compile(r"[•·▪◦‣●○■□–—*+-]\s+|\d{1,3}[.)]\s+(?=\S)")


@dataclass(slots=True)
class Unit:
    """A paragraph-level stretch of the text; ``hint`` fixes its kind when markup said so."""

    start: int
    end: int
    paragraph: int = 0
    hint: str | None = None
    """``"heading"``, ``"title"``, ``"boilerplate"``, ``"item"`` or ``None`` (decide by content)."""
    bullet: bool = False


def _blocks(text: str) -> list[list[tuple[int, int]]]:
    blocks: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    last_end = 0
    for m in _LINE.finditer(text):
        if current and text.count("\n", last_end, m.start()) > 1:
            blocks.append(current)
            current = []
        current.append((m.start(1), m.end(1)))
        last_end = m.end(1)
    if current:
        blocks.append(current)
    return blocks


def _hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    if len(lines) < 3:
        return False
    body = lines[:-1]
    if any(not 35 <= e - s <= 100 for s, e in body):
        return False
    open_ended = sum(1 for s, e in body if not _ENDS_SENTENCE.search(text, s, e))
    return open_ended * 2 >= len(body)


def text_units(text: str) -> list[Unit]:
    """Paragraph units of a plain-text article, numbered in reading order."""
    units: list[Unit] = []
    for lines in _blocks(text):
        if _hard_wrapped(text, lines):
            units.append(Unit(lines[0][0], lines[-1][1]))
            continue
        for s, e in lines:
            prev = units[-1] if units else None
            if (
                prev is not None
                and prev.start >= lines[0][0]
                and not _ENDS_SENTENCE.search(text, prev.start, prev.end)
                and text[s].islower()
            ):
                prev.end = e  # a wrapped line continues the previous one
                continue
            units.append(Unit(s, e))
    for i, u in enumerate(units):
        u.paragraph = i
        b = _BULLET.match(text, u.start, u.end)
        if b and b.end() < u.end:
            u.start = b.end()
            u.bullet = True
    return units
