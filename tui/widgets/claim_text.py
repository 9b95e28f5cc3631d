"""The claim panel's words: what the sources say about one statement, as ``Content`` built from
the claim index (no widget). ``ClaimPanel`` caches it and shows it."""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from textual.content import Content

from tui.claims.model import ClaimIndex, conflict_phrase
from tui.corpus.model import Document
from tui.labels import number, readable_reason
from tui.notes_display import PanelNote
from tui.widgets.article_pane import STATUS_STYLES
from tui.widgets.article_strips import GLYPHS
from tui.widgets.text import display_text, shorten_middle

_TOKEN = re.compile(r"\w+(?:[’'.,]\w+)*", re.UNICODE)
MAX_VERSIONS = 10
"""Versions listed at most (the cursor's own first, then in pane order); the rest are counted."""
DIFF_STYLE = "bold underline $text-warning"
"""Differing words: underlined as well as coloured so they survive NO_COLOR."""
VERSION_CHARS = 480
"""Characters of one version the panel shows; the rest is counted ("…(N more characters)").
A 200,000-character statement printed whole took the panel seconds per key and hid the rest."""
NOTE_LINES = 4
"""Lines of one note shown in the panel; the notes list (``o``) and the editor show all of it."""


RATING_STYLES = {"true": "bold $text-success", "false": "bold $text-error", "mixed": "bold $text-warning"}


def rating_content(rating: str, lean: str) -> Content:
    """``[rated: mostly false]``: words and brackets, so it reads without colour."""
    return Content.styled(f"[rated: {display_text(rating)}]", RATING_STYLES.get(lean, "bold $text"))


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


def capped(text: str, limit: int = VERSION_CHARS) -> tuple[str, int]:
    """``text`` cut to ``limit`` characters at a word end where one is near, and how many
    characters were left out."""
    if len(text) <= limit:
        return text, 0
    cut = text.rfind(" ", limit - 40, limit)
    cut = cut if cut > 0 else limit
    return text[:cut].rstrip(), len(text) - cut


def more_characters(count: int) -> Content:
    return Content.styled(f"…({count:,} more characters)", "$text-muted italic")


def highlight_differences(text: str, others: Sequence[str]) -> Content:
    parts: list[str | tuple[str, str]] = []
    position = 0
    for start, end in differing_words(text, others):
        parts.append(text[position:start])
        parts.append((text[start:end], DIFF_STYLE))
        position = end
    parts.append(text[position:])
    return Content.assemble(*parts)


NAME_WIDTH = 28
"""Widest article name the panel prints before cutting it with an ellipsis."""


def short_name(document: Document, width: int = NAME_WIDTH) -> str:
    """The article as the panel names it: its file name, cut to ``width`` cells."""
    return shorten_middle(display_text(document.source) or display_text(document.title), width)


def statement_label(index: ClaimIndex, statement_id: str, by_id: Mapping[str, Document] | None = None) -> str:
    """``state-visit.txt #2``: how a reader finds a statement (numbered from 1)."""
    statement = index.statements.get(statement_id)
    if statement is None:
        return "another statement"
    documents = by_id if by_id is not None else {d.id: d for d in index.documents}
    document = documents.get(statement.doc_id)
    name = short_name(document) if document is not None else statement.doc_id
    return f"{name} #{number(statement.index)}"


def reader_reason(index: ClaimIndex, statement_id: str) -> str:
    """The index's reason for the statement's status, statements named as the reader names them."""
    by_id = {d.id: d for d in index.documents}
    return readable_reason(index.verdicts[statement_id].reason, lambda sid: statement_label(index, sid, by_id))


@dataclass
class ClaimText:
    """The claim panel's text for ``statement_id``: verdict, conflicts, the versions in pane
    order with their differing words, why they are linked, and the notes on the claim."""

    index: ClaimIndex | None
    statement_id: str | None
    by_id: Mapping[str, Document]
    """The index's documents by id."""
    order_ids: Sequence[str]
    """Document ids in pane order."""
    shown: Collection[str] | None
    """Document ids on screen (``None``: do not say which are off screen)."""
    hidden_hint: str
    """The key that shows articles off screen."""
    notes: Sequence[PanelNote]
    width: int
    """Columns to wrap to (``0``: not laid out yet)."""
    targets: dict[int, str] = field(default_factory=dict)
    """Row -> statement id of the version drawn there, filled by ``describe``."""

    def _label(self, statement_id: str) -> str:
        """``state-visit.txt #2``: how a reader finds a statement."""
        assert self.index is not None
        return statement_label(self.index, statement_id, self.by_id)

    def describe(self) -> Content:
        """The panel's text; which rows show other versions lands in ``targets`` (for clicks)."""
        self.targets = {}
        return self._describe()

    def _describe(self) -> Content:
        index, sid = self.index, self.statement_id
        if index is None:
            return Content("\n").join([Content.styled("Indexing claims…", "$text-muted"), *self._note_lines()])
        if sid is None or sid not in index.verdicts:
            return Content.styled("No statement selected.", "$text-muted")
        verdict = index.verdicts[sid]
        statement = index.statements[sid]
        documents = self.by_id
        lines: list[Content] = []
        sources = "1 source" if verdict.sources == 1 else f"{verdict.sources} sources"
        if verdict.independent < verdict.sources:
            sources += f", {verdict.independent} independent (copies count once)"
        lines.append(
            Content.assemble(
                (f"{GLYPHS[verdict.status]} {verdict.status.value}", f"bold {STATUS_STYLES[verdict.status]}"),
                ("  ·  ", "$text-muted"),
                (sources, "bold"),
            )
        )
        for conflict in index.conflicts_of(sid):
            mine, theirs = (conflict.a_value, conflict.b_value)
            other = conflict.b
            if conflict.b == sid:
                mine, theirs, other = conflict.b_value, conflict.a_value, conflict.a
            said = conflict_phrase(display_text(conflict.kind), display_text(mine),
                                   display_text(theirs), conflict.possible)
            if conflict.possible:  # both values may be true: a lead, not a contradiction
                lines.append(Content.assemble((f"~ {said}", "bold $text-warning"), (
                    f"  ({self._label(other)}; both may be true)", "$text-muted")))
            else:
                lines.append(Content.assemble((said, "bold $text-error"),
                                              (f"  ({self._label(other)})", "$text-muted")))
        versions: list[tuple[str, str]] = [(statement.doc_id, sid)]
        counterparts = index.counterparts(sid)
        rank = {doc_id: n for n, doc_id in enumerate(self.order_ids)}
        ranked = sorted(counterparts, key=lambda d: rank.get(d, len(rank)))
        if self.shown is not None:
            off_screen = [d for d in ranked if d not in self.shown]
            if off_screen:
                names = ", ".join(short_name(documents[d]) for d in off_screen[:3])
                more = f" and {len(off_screen) - 3} more" if len(off_screen) > 3 else ""
                lines.append(
                    Content.assemble(
                        ("↪ ", "bold $text-accent"),
                        (f"Not on screen: {names}{more}", "$text-muted"),
                        ("  ·  ", "$text-muted"),
                        (self.hidden_hint, "bold"),
                        (" shows it" if len(off_screen) == 1 else " shows them", "$text-muted"),
                    )
                )
        for doc_id in ranked[: MAX_VERSIONS - 1]:
            versions.append((doc_id, counterparts[doc_id]))
        hidden = len(ranked) - (MAX_VERSIONS - 1)
        cut = [capped(display_text(index.statements[s].text)) for _, s in versions]
        texts = [text for text, _ in cut]
        available = self.width or 100
        labels = [self._label(s) for _, s in versions]
        name_width = max(len(label) for label in labels)
        stacked = available - name_width - 6 < 40
        """Narrow panels put the source name on its own line, the text under it."""
        indent = 4 if stacked else name_width + 6
        for rank, ((doc_id, version_id), text, name) in enumerate(zip(versions, texts, labels)):
            # each version against the cursor's statement; that one against its closest few
            others = texts[1:4] if rank == 0 else texts[:1]
            version_status = index.verdicts[version_id].status
            label = Content.assemble(
                ("▶ " if rank == 0 else "  ", "bold $accent"),
                (GLYPHS[version_status], f"bold {STATUS_STYLES[version_status]}"),
                " ",
                (name if stacked else name.ljust(name_width), "$text-muted"),
                "  ",
            )
            wrapped = highlight_differences(text, others).wrap(max(10, available - indent))
            left_out = cut[rank][1]
            if left_out:
                wrapped.append(more_characters(left_out))
            if rank:  # a click on another version's lines jumps there
                first = len(lines)
                for row in range(first, first + len(wrapped) + (1 if stacked else 0)):
                    self.targets[row] = version_id
            if stacked:
                lines.append(label)
                lines.extend(Content(" " * indent) + line for line in wrapped)
            else:
                lines.append(label + wrapped[0])
                lines.extend(Content(" " * indent) + line for line in wrapped[1:])
        if hidden > 0:
            lines.append(Content.styled(f"  … and {hidden} more sources", "$text-muted italic"))
        if len(versions) == 1:
            lines.append(Content.styled("  No matching statement found in the other articles.", "$text-muted italic"))
        lines.extend(self._link_lines(sid))
        lines.extend(self._note_lines())
        return Content("\n").join(lines)

    def _link_lines(self, sid: str) -> list[Content]:
        """Why the other versions are linked: the terms they share and compatibilities in words,
        one line per distinct explanation (a 50-source claim says it once, not 49 times)."""
        assert self.index is not None
        grouped: dict[tuple[str, tuple[str, ...]], list[str]] = {}
        for link in self.index.links_of(sid):
            other = link.b if link.a == sid else link.a
            shared = ", ".join(display_text(term) for term in link.shared[:8])
            notes = tuple(display_text(n) for n in link.notes)
            if link.cosine > 0.0:
                notes = (f"same meaning {link.cosine:.2f}",) + notes
            grouped.setdefault((shared, notes), []).append(other)
        lines: list[Content] = []
        for (shared, notes), others in grouped.items():
            names = ", ".join(self._label(o) for o in others[:2])
            if len(others) > 2:
                names += f" and {len(others) - 2} more"
            parts: list[str | tuple[str, str]] = [("≈ ", "bold $text-success"), (names, "$text-muted")]
            if shared:
                parts += [("  shared: ", "$text-muted"), shared]
            for note in notes:
                parts += [("  ·  ", "$text-muted"), note]
            lines.append(Content.assemble(*parts))
        return lines

    def _note_lines(self) -> list[Content]:
        if not self.notes:
            return []
        available = max(20, (self.width or 100) - 4)
        count = len(self.notes)
        lines = [Content.styled(f"Notes ({count})" if count > 1 else "Note", "bold $text-secondary")]
        for note in self.notes:
            label: list[str | tuple[str, str] | Content] = [
                ("▶ " if note.here else "• ", "bold $text-secondary"),
                (f"{display_text(note.source)} #{note.statement}", "$text-muted"),
            ]
            if note.rating:
                label.extend(["  ", rating_content(note.rating, note.lean)])
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
