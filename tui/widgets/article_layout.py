"""An article laid out in lines: its blocks (statements, titles, bylines, blank lines between
paragraphs) wrapped once per width, and the maps between lines, blocks and statements that
drawing, the cursor and mouse selection read. No widgets; ``ArticleView`` draws it."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from tui.corpus.model import Document, SpanKind, Statement
from tui.widgets.text import display_text, wrap_offsets

GUTTER = 4
"""Cursor bar, note marker, status glyph, one space."""


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph-level unit of the view: a statement, a span (title, byline...) or a blank line."""

    kind: str
    """``"statement"``, ``"blank"`` or a ``SpanKind`` value."""
    text: str
    """Already sanitised, whitespace collapsed."""
    statement: Statement | None = None


def build_blocks(document: Document) -> list[Block]:
    """Statements and spans in reading order, a blank line between paragraphs and around spans."""
    entries: list[tuple[int, int, Block]] = []
    for span in document.spans:
        if span.kind is SpanKind.BOILERPLATE:
            continue
        entries.append((span.start, 0, Block(span.kind.value, display_text(span.text))))
    for statement in document.statements:
        entries.append((statement.start, 1, Block("statement", display_text(statement.text), statement)))
    entries.sort(key=lambda entry: (entry[0], entry[1]))
    blocks: list[Block] = []
    last_paragraph: int | None = None
    for _, _, block in entries:
        if block.statement is None:
            if blocks and blocks[-1].kind != "blank":
                blocks.append(Block("blank", ""))
            blocks.append(block)
            blocks.append(Block("blank", ""))
            last_paragraph = None
            continue
        paragraph = block.statement.paragraph
        if last_paragraph is not None and paragraph != last_paragraph and blocks[-1].kind != "blank":
            blocks.append(Block("blank", ""))
        blocks.append(block)
        last_paragraph = paragraph
    while blocks and blocks[-1].kind == "blank":
        blocks.pop()
    return blocks


class ArticleLayout:
    """``blocks`` wrapped to a text width (``wrap``); lines are numbered from the top."""

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        self.statement_block: list[int] = [n for n, block in enumerate(blocks) if block.statement is not None]
        """Statement position -> its block number."""
        self.width = -1
        """The text width the lines are wrapped to (``-1``: not yet)."""
        self.line_block: list[int] = []
        """Line -> the block drawn on it."""
        self.line_range: list[tuple[int, int]] = []
        """Line -> the slice of its block's text it shows."""
        self.block_first_line: list[int] = []

    @property
    def line_count(self) -> int:
        return len(self.line_block)

    def wrap(self, text_width: int) -> bool:
        """Wrap every block to ``text_width`` columns; ``False`` when already wrapped so."""
        if text_width == self.width:
            return False
        self.width = text_width
        line_block: list[int] = []
        line_range: list[tuple[int, int]] = []
        first_line: list[int] = []
        for number, block in enumerate(self.blocks):
            first_line.append(len(line_block))
            for start, end in wrap_offsets(block.text, text_width):
                line_block.append(number)
                line_range.append((start, end))
        self.line_block, self.line_range, self.block_first_line = line_block, line_range, first_line
        return True

    def statement_lines(self, statement_index: int) -> tuple[int, int]:
        """First line and one past the last line of a statement."""
        block = self.statement_block[statement_index]
        first = self.block_first_line[block]
        last = self.block_first_line[block + 1] if block + 1 < len(self.blocks) else self.line_count
        return first, last

    def statement_at_line(self, line: int) -> int | None:
        """The statement drawn on ``line``, or the nearest one after it (before it at the end)."""
        if not self.line_block or not self.statement_block:
            return None
        line = max(0, min(line, self.line_count - 1))
        block = self.line_block[line]
        position = bisect_right(self.statement_block, block) - 1
        if position >= 0 and self.statement_block[position] == block:
            return position
        return min(position + 1, len(self.statement_block) - 1)

    def on_statement(self, line: int, statement_index: int) -> bool:
        """Whether ``line`` shows the statement at ``statement_index``."""
        return 0 <= line < self.line_count and bool(self.statement_block) and (
            self.line_block[line] == self.statement_block[statement_index]
        )

    def selected_text(self, span_of: Callable[[int], tuple[int, int] | None]) -> str | None:
        """The article text under a selection (``span_of(line)``: its columns on that line, gutter
        included, ``-1`` to the end): wrapped lines of one statement joined as written,
        statements of a paragraph by a space, paragraphs by a blank line."""
        parts: list[str] = []
        previous: Block | None = None
        previous_number = -1
        for line, (block_number, (start, end)) in enumerate(zip(self.line_block, self.line_range)):
            span = span_of(line)
            if span is None:
                continue
            block = self.blocks[block_number]
            first, last = span
            first = max(0, first - GUTTER)
            last = end - start if last == -1 else max(0, last - GUTTER)
            if previous is not None and block_number != previous_number:
                same_paragraph = (
                    block.statement is not None
                    and previous.statement is not None
                    and block.statement.paragraph == previous.statement.paragraph
                )
                parts.append(" " if same_paragraph else "\n")
            if block.kind != "blank":
                parts.append(block.text[start:end][first:last])
            previous, previous_number = block, block_number
        if not parts:
            return None
        return "\n".join(line.rstrip() for line in "".join(parts).split("\n"))
