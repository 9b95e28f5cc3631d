"""What the sources say about the current statement: versions, differing words, conflicts, notes."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tui.claims.model import ClaimIndex, Status
from tui.corpus.model import Document
from tui.widgets.article_pane import STATUS_STYLES
from tui.widgets.article_view import GLYPHS
from tui.widgets.text import display_text

_TOKEN = re.compile(r"\w+(?:[’'.,]\w+)*", re.UNICODE)
MAX_VERSIONS = 10
"""Versions listed at most (the cursor's own first, then in pane order); the rest are counted."""
DIFF_STYLE = "bold underline $text-warning"
"""Differing words: underlined as well as coloured so they survive NO_COLOR."""
NOTE_LINES = 4
"""Lines of one note shown in the panel; the notes list (``o``) and the editor show all of it."""


@dataclass(frozen=True, slots=True)
class PanelNote:
    """A note on one statement of the current claim, as the panel lists it."""

    source: str
    """The article's file name."""
    statement: int
    """1-based statement number in that article."""
    body: str
    tags: tuple[str, ...] = ()
    here: bool = False
    """On the cursor's own statement (listed first, marked ▶)."""


@lru_cache(maxsize=2048)
def _tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    return tuple((m.start(), m.end(), m.group().casefold()) for m in _TOKEN.finditer(text))


def differing_words(text: str, others: Sequence[str]) -> list[tuple[int, int]]:
    """Offsets of the words of ``text`` that no other version shares (in order, via difflib)."""
    mine = _tokens(text)
    if not others:
        return []
    shared = [False] * len(mine)
    words = [token for _, _, token in mine]
    for other in others:
        matcher = difflib.SequenceMatcher(None, words, [t for _, _, t in _tokens(other)], autojunk=False)
        for block in matcher.get_matching_blocks():
            for position in range(block.a, block.a + block.size):
                shared[position] = True
    return [(start, end) for (start, end, _), same in zip(mine, shared) if not same]


def highlight_differences(text: str, others: Sequence[str]) -> Content:
    parts: list[str | tuple[str, str]] = []
    position = 0
    for start, end in differing_words(text, others):
        parts.append(text[position:start])
        parts.append((text[start:end], DIFF_STYLE))
        position = end
    parts.append(text[position:])
    return Content.assemble(*parts)


class ClaimPanel(VerticalScroll, can_focus=False):
    """The claim behind the cursor, in words.

    ``notes`` are the notes on every statement of the claim (the reader sets them before
    ``show``), listed under the versions with the article each belongs to.
    """

    DEFAULT_CSS = """
    ClaimPanel {
        height: 14;
        border-top: solid $primary;
        background: $surface-darken-1;
        padding: 0 1;
        scrollbar-size-vertical: 1;
    }
    ClaimPanel > Static { width: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.notes: list[PanelNote] = []
        """Notes on the statements of the current claim (set by the reader)."""
        self._index: ClaimIndex | None = None
        self._statement_id: str | None = None
        self._order: tuple[Document, ...] = ()
        self._lines = -1

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(Content.styled("Indexing claims…", "$text-muted"), id="claim-body")

    def show(self, index: ClaimIndex | None, statement_id: str | None, order: Sequence[Document]) -> None:
        """Describe ``statement_id``; ``order`` is the documents in the order panes show them."""
        self._index = index
        self._statement_id = statement_id
        self._order = tuple(order)
        self.refresh_claim()

    def on_resize(self) -> None:
        self._update_body()

    def _update_body(self) -> None:
        """Relayout only when the number of lines changes: layout is the costly part of a move."""
        content = self.describe()
        lines = content.plain.count("\n") + 1
        room = self.scrollable_content_region.height
        if lines < room:
            content = content + Content("\n" * (room - lines))
            lines = room
        self.query_one("#claim-body", Static).update(content, layout=lines != self._lines)
        self._lines = lines

    def refresh_claim(self) -> None:
        self._update_body()
        self.scroll_home(animate=False)

    def describe(self) -> Content:
        index, sid = self._index, self._statement_id
        if index is None:
            return Content("\n").join([Content.styled("Indexing claims…", "$text-muted"), *self._note_lines()])
        if sid is None or sid not in index.verdicts:
            return Content.styled("No statement selected.", "$text-muted")
        verdict = index.verdicts[sid]
        statement = index.statements[sid]
        documents = {d.id: d for d in index.documents}
        lines: list[Content] = []
        sources = "1 source" if verdict.sources == 1 else f"{verdict.sources} sources"
        lines.append(
            Content.assemble(
                (f"{GLYPHS[verdict.status]} {verdict.status.value}", f"bold {STATUS_STYLES[verdict.status]}"),
                ("  ·  ", "$text-muted"),
                (sources, "bold"),
                ("  ·  ", "$text-muted"),
                (display_text(verdict.reason), "$text-muted"),
            )
        )
        for conflict in index.conflicts_of(sid):
            lines.append(Content.styled(display_text(conflict.reason), "bold $text-error"))
        versions: list[tuple[str, str]] = [(statement.doc_id, sid)]
        counterparts = index.counterparts(sid)
        rank = {d.id: n for n, d in enumerate(self._order)}
        ranked = sorted(counterparts, key=lambda d: rank.get(d, len(rank)))
        for doc_id in ranked[: MAX_VERSIONS - 1]:
            versions.append((doc_id, counterparts[doc_id]))
        hidden = len(ranked) - (MAX_VERSIONS - 1)
        texts = [display_text(index.statements[s].text) for _, s in versions]
        available = self.scrollable_content_region.width or 100
        name_width = min(28, max(len(display_text(documents[d].name)) for d, _ in versions))
        stacked = available - name_width - 6 < 40
        """Narrow panels put the source name on its own line, the text under it."""
        indent = 4 if stacked else name_width + 6
        for number, ((doc_id, version_id), text) in enumerate(zip(versions, texts)):
            # each version against the cursor's statement; that one against its closest few
            others = texts[1:4] if number == 0 else texts[:1]
            name = display_text(documents[doc_id].name)
            if len(name) > name_width and not stacked:
                name = name[: name_width - 1] + "…"
            version_status = index.verdicts[version_id].status
            label = Content.assemble(
                ("▶ " if number == 0 else "  ", "bold $accent"),
                (GLYPHS[version_status], f"bold {STATUS_STYLES[version_status]}"),
                " ",
                (name if stacked else name.ljust(name_width), "$text-muted"),
                "  ",
            )
            wrapped = highlight_differences(text, others).wrap(max(10, available - indent))
            if stacked:
                lines.append(label)
                lines.extend(Content(" " * indent) + line for line in wrapped)
            else:
                lines.append(label + wrapped[0])
                lines.extend(Content(" " * indent) + line for line in wrapped[1:])
        if hidden > 0:
            lines.append(Content.styled(f"  … and {hidden} more sources", "$text-muted italic"))
        if len(versions) == 1:
            lines.append(Content.styled("  No other source reports this.", "$text-muted italic"))
        claim = index.claim_of(sid)
        link_notes: list[str] = []
        for link in claim.links:
            if sid in (link.a, link.b):
                for note in link.notes:
                    if note not in link_notes:
                        link_notes.append(note)
        for note in link_notes:
            lines.append(Content.assemble(("≈ ", "bold $success"), (display_text(note), "$text-muted")))
        lines.extend(self._note_lines())
        return Content("\n").join(lines)

    def _note_lines(self) -> list[Content]:
        if not self.notes:
            return []
        available = max(20, (self.scrollable_content_region.width or 100) - 4)
        count = len(self.notes)
        lines = [Content.styled(f"Notes ({count})" if count > 1 else "Note", "bold $text-secondary")]
        for note in self.notes:
            label: list[str | tuple[str, str]] = [
                ("▶ " if note.here else "• ", "bold $text-secondary"),
                (f"{display_text(note.source)} #{note.statement}", "$text-muted"),
            ]
            for tag in note.tags:
                label.extend(["  ", (f"#{tag}", "$text-secondary")])
            lines.append(Content.assemble(*label))
            body: list[Content] = []
            for raw in note.body.splitlines():
                if raw.strip():
                    body.extend(Content(display_text(raw)).wrap(available))
            if len(body) > NOTE_LINES:
                body = body[: NOTE_LINES - 1] + [Content.styled("…", "$text-muted")]
            lines.extend(Content("    ") + line for line in body)
        return lines
