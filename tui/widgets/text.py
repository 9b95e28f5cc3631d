"""Making untrusted article text safe to draw, and wrapping it fast.

Article text never goes through Rich markup: widgets build ``Text``/``Segment`` objects from the
strings returned here, which carry no control characters a terminal would act on.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rich.cells import cell_len, get_character_cell_size

from tui.safe_text import safe_line

_WORD = re.compile(r"\S+\s*|\s+")

sanitize = safe_line
"""``text`` as one line with every control and bidi character replaced by a visible placeholder.

The same function as the report and the CLI use (:func:`tui.safe_text.safe_line`).
"""


def display_text(text: str) -> str:
    """One statement as the reader shows it: whitespace runs collapsed, controls made visible."""
    return sanitize(" ".join(text.split()))


def _hard_split(text: str, start: int, end: int, width: int) -> tuple[list[tuple[int, int]], int, int]:
    """Cut ``text[start:end]`` (one word wider than a line) into pieces of at most ``width`` cells.

    Returns the full lines, the start of the last partial piece and its cell count.
    """
    lines: list[tuple[int, int]] = []
    if text.isascii():
        pos = start
        while end - pos > width:
            lines.append((pos, pos + width))
            pos += width
        return lines, pos, end - pos
    line_start = start
    used = 0
    for index in range(start, end):
        size = get_character_cell_size(text[index])
        if used + size > width and used:
            lines.append((line_start, index))
            line_start = index
            used = 0
        used += size
    return lines, line_start, used


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap: ``(start, end)`` offsets of each line of ``text`` in at most ``width`` cells.

    Trailing spaces stay on the line they follow (callers strip them when drawing); a word longer
    than the line is cut. Linear in the length of ``text``, so a 200,000-character line is fine.
    """
    width = max(1, width)
    measure = len if text.isascii() else cell_len
    if measure(text) <= width:
        return [(0, len(text))]
    lines: list[tuple[int, int]] = []
    line_start = 0
    col = 0
    for match in _WORD.finditer(text):
        word_start, token_end = match.span()
        word = match.group().rstrip()
        word_end = word_start + len(word)
        word_cells = measure(word)
        if col and word and col + word_cells > width:
            lines.append((line_start, word_start))
            line_start = word_start
            col = 0
        if word_cells > width:
            full, line_start, col = _hard_split(text, word_start, word_end, width)
            lines.extend(full)
        else:
            col += word_cells
        col += token_end - word_end
    lines.append((line_start, len(text)))
    return lines


@lru_cache(maxsize=4096)
def cells(text: str) -> int:
    return len(text) if text.isascii() else cell_len(text)


def shorten_middle(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells by an ellipsis in the middle, keeping both ends.

    File names of related articles often share a long start and differ at the end
    (``...-politics.txt`` / ``...-politics-copy.txt``): cutting the end would make them identical.
    """
    if cells(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    tail = (width - 1) // 2
    head = width - 1 - tail
    start = ""
    for char in text:
        if cells(start + char) > head:
            break
        start += char
    end = ""
    for char in reversed(text):
        if cells(char + end) > tail:
            break
        end = char + end
    return f"{start}…{end}"
