"""``o``: every note on the open articles, filtered by tag, rating and text; enter jumps to its statement."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from tui.corpus.model import Document, Statement
from tui.notes import AnchoredNote, AnchorState
from tui.notes.ratings import DEFAULT_RATINGS, RatingScale, rating_slug
from tui.widgets.claim_text import rating_content
from tui.widgets.text import display_text

FIRST_LINE_CHARS = 120
QUOTE_CHARS = 110

STATE_LABELS: dict[AnchorState, tuple[str, str]] = {
    AnchorState.OK: ("", ""),
    AnchorState.MOVED: ("moved", "$warning"),
    AnchorState.ORPHANED: ("orphaned", "bold $error"),
}


def first_line(body: str) -> str:
    for line in body.splitlines():
        if line.strip():
            text = display_text(line)
            return text if len(text) <= FIRST_LINE_CHARS else text[: FIRST_LINE_CHARS - 1] + "…"
    return "(empty)"


def _cut(text: str, limit: int) -> str:
    text = display_text(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


RATING_PREFIX = "rating:"


def parse_query(query: str) -> tuple[list[str], list[str]]:
    """``#tag`` words filter by tag (all must be present), the other words by text."""
    tags: list[str] = []
    words: list[str] = []
    for word in query.split():
        if word.startswith("#") and len(word) > 1:
            tags.append(word[1:].casefold())
        elif word != "#" and not word.casefold().startswith(RATING_PREFIX):
            words.append(word.casefold())
    return tags, words


def parse_ratings(query: str) -> list[str]:
    """``rating:mostly-false`` words (spaces written as ``-``); ``any`` and ``none`` also work.

    A note matches when its rating is any of the ones given.
    """
    return [
        word[len(RATING_PREFIX) :].casefold()
        for word in query.split()
        if word.casefold().startswith(RATING_PREFIX) and len(word) > len(RATING_PREFIX)
    ]


def rating_matches(rating: str | None, wanted: list[str]) -> bool:
    if not wanted:
        return True
    slug = rating_slug(rating) if rating else "none"
    return any(w == slug or (w == "any" and rating) for w in wanted)


class NotesListScreen(ModalScreen[str | None]):
    """Dismissed with the statement id to jump to, or ``None``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Close", id="notes_list.close"),
        Binding("down", "move(1)", "Next note", id="notes_list.next", show=False),
        Binding("up", "move(-1)", "Previous note", id="notes_list.previous", show=False),
        Binding("ctrl+t", "next_tag", "Next tag", id="notes_list.next_tag"),
        Binding("ctrl+r", "next_rating", "Next rating", id="notes_list.next_rating"),
    ]

    DEFAULT_CSS = """
    NotesListScreen { align: center top; }
    NotesListScreen > Vertical {
        width: 90%;
        max-width: 140;
        height: 85%;
        margin-top: 1;
        border: thick $secondary;
        border-title-style: bold;
        background: $surface;
    }
    NotesListScreen Input { margin: 0 0 0 0; }
    NotesListScreen #notes-tags { padding: 0 1; height: auto; max-height: 3; }
    NotesListScreen #notes-count { color: $text-muted; padding: 0 1; }
    NotesListScreen OptionList { height: 1fr; border: none; }
    NotesListScreen #notes-keys { color: $text-muted; padding: 0 1; height: 1; }
    """

    def __init__(
        self,
        notes: Sequence[AnchoredNote],
        documents: Sequence[Document],
        *,
        query: str = "",
        problem: str | None = None,
        ratings: RatingScale = DEFAULT_RATINGS,
    ) -> None:
        super().__init__()
        self.notes = list(notes)
        self.documents = {d.id: d for d in documents}
        self._statements: dict[str, Statement] = {s.id: s for d in documents for s in d.statements}
        self.query_text = query
        self.problem = problem
        self.ratings = ratings
        counts: Counter[str] = Counter(tag for a in self.notes for tag in a.note.tags)
        self.tags: list[tuple[str, int]] = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        self.shown: list[AnchoredNote] = []

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            orphans = sum(1 for a in self.notes if a.state is AnchorState.ORPHANED)
            title = f"Notes · {len(self.notes)}"
            if orphans:
                title += f" · {orphans} orphaned"
            box.border_title = title
            yield Input(self.query_text, placeholder="Filter: #tag, rating:false and/or words…", id="notes-filter")
            yield Static(self._tags_content(), id="notes-tags")
            yield Label("", id="notes-count")
            yield OptionList(id="notes-results")
            yield Static(
                Content.assemble(
                    ("enter", "bold $accent"), " jump   ", ("ctrl+t", "bold $accent"), " next tag   ",
                    ("ctrl+r", "bold $accent"), " next rating   ",
                    ("escape", "bold $accent"), " close",
                ),
                id="notes-keys",
            )

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._apply(self.query_text)

    def _tags_content(self) -> Content:
        if not self.tags:
            tags = Content.styled("No tags yet: a #word in a note is a tag.", "$text-muted")
        else:
            parts: list[str | tuple[str, str]] = [("tags: ", "$text-muted")]
            for tag, count in self.tags:
                parts.extend([(f"#{tag}", "bold $text-secondary"), (f" {count}  ", "$text-muted")])
            tags = Content.assemble(*parts)
        rated = self._rating_counts()
        if not rated:
            return tags
        line: list[str | tuple[str, str] | Content] = [("ratings: ", "$text-muted")]
        for rating, count in rated:
            line.extend([rating_content(rating, self.ratings.lean(rating)), (f" {count}  ", "$text-muted")])
        return Content("\n").join([tags, Content.assemble(*line)])

    def _rating_counts(self) -> list[tuple[str, int]]:
        """Ratings in use with their counts: configured ones in scale order, then any others."""
        counts: Counter[str] = Counter(a.note.rating for a in self.notes if a.note.rating)
        order = {rating_slug(label): n for n, label in enumerate(self.ratings.labels)}
        return sorted(counts.items(), key=lambda item: (order.get(rating_slug(item[0]), len(order)), item[0]))

    def matches(
        self, anchored: AnchoredNote, tags: list[str], words: list[str], ratings: list[str] | None = None
    ) -> bool:
        note = anchored.note
        if any(tag not in note.tags for tag in tags):
            return False
        if not rating_matches(note.rating, ratings or []):
            return False
        if not words:
            return True
        document = self.documents.get(anchored.doc_id or "")
        haystack = " ".join([note.body, note.quote, document.name if document else note.doc_name]).casefold()
        return all(word in haystack for word in words)

    def _prompt(self, anchored: AnchoredNote) -> Content:
        """Three lines: the note's first line; tags, article, statement and anchor state; the quote."""
        note = anchored.note
        document = self.documents.get(anchored.doc_id or "")
        name = display_text(document.name if document else note.doc_name)
        statement = self._statements.get(anchored.statement_id or "")
        where = f"{name} #{statement.index + 1}" if statement is not None else name
        label, style = STATE_LABELS[anchored.state]
        meta: list[str | tuple[str, str] | Content] = ["  "]
        if note.rating:
            meta.extend([rating_content(note.rating, self.ratings.lean(note.rating)), " "])
        for tag in note.tags:
            meta.extend([(f"#{tag}", "bold $text-secondary"), " "])
        meta.append((where, "$text-muted"))
        if label:
            meta.extend(["  ", (label, style)])
        orphaned = anchored.state is AnchorState.ORPHANED
        quote = note.quote if orphaned or statement is None else statement.text
        width = max(20, min(QUOTE_CHARS, self.app.size.width - 24))
        quote_style = "$text-error italic" if orphaned else "$text-muted italic"
        return Content("\n").join(
            [
                Content.assemble(("• ", "bold $text-secondary"), first_line(note.body)),
                Content.assemble(*meta),
                Content.assemble("  ", (f"“{_cut(quote, width)}”", quote_style)),
            ]
        )

    def _apply(self, query: str) -> None:
        tags, words = parse_query(query)
        ratings = parse_ratings(query)
        self.shown = [a for a in self.notes if self.matches(a, tags, words, ratings)]
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(self._prompt(a), id=a.note.id) for a in self.shown])
        if self.shown:
            options.highlighted = 0
        count = self.query_one("#notes-count", Label)
        if self.problem:
            count.update(Content.styled(self.problem, "$text-warning"))
        elif not self.notes:
            count.update("No notes on these articles yet: press a on a statement to write one.")
        else:
            count.update(f"{len(self.shown)} of {len(self.notes)} notes")

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self._apply(event.value)

    def action_move(self, direction: int) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            current = options.highlighted if options.highlighted is not None else -1
            options.highlighted = max(0, min(options.option_count - 1, current + direction))

    def action_next_tag(self) -> None:
        """Cycle the filter through the tags in use (then back to no tag)."""
        if not self.tags:
            self.notify("No tags yet", timeout=2)
            return
        field = self.query_one(Input)
        current, words = parse_query(field.value)
        names = [tag for tag, _ in self.tags]
        position = names.index(current[0]) + 1 if len(current) == 1 and current[0] in names else 0
        parts = ([f"#{names[position]}"] if position < len(names) else []) + words
        field.value = " ".join(parts)
        field.cursor_position = len(field.value)

    def action_next_rating(self) -> None:
        """Cycle the filter through the ratings in use, then unrated notes, then no rating filter."""
        names = [rating_slug(rating) for rating, _ in self._rating_counts()]
        if not names:
            self.notify("No rated notes yet (ctrl+r in the note editor sets a rating)", timeout=3)
            return
        names.append("none")
        field = self.query_one(Input)
        current = parse_ratings(field.value)
        position = names.index(current[0]) + 1 if len(current) == 1 and current[0] in names else 0
        rest = [w for w in field.value.split() if not w.casefold().startswith(RATING_PREFIX)]
        field.value = " ".join(([f"{RATING_PREFIX}{names[position]}"] if position < len(names) else []) + rest)
        field.cursor_position = len(field.value)

    def _choose(self, note_id: str | None) -> None:
        anchored = next((a for a in self.shown if a.note.id == note_id), None)
        if anchored is None:
            return
        if anchored.state is AnchorState.ORPHANED or anchored.statement_id is None:
            self.notify(
                "This note is orphaned: its statement is no longer in the article. The note is kept.",
                severity="warning",
            )
            return
        self.dismiss(anchored.statement_id)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None and options.option_count:
            self._choose(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option.id)
