"""The note editor's status lines: the statement's verdict in words, the tags found in the text
so far, and the rating with the key that changes it."""

from __future__ import annotations

from textual.content import Content

from tui.claims.model import ClaimIndex
from tui.corpus.model import Statement
from tui.notes import parse_tags
from tui.notes.ratings import RatingScale
from tui.widgets.article_pane import STATUS_STYLES
from tui.widgets.article_strips import GLYPHS
from tui.widgets.claim_text import rating_content, reader_reason
from tui.widgets.text import display_text


def statement_status(index: ClaimIndex | None, statement: Statement) -> Content:
    """``✗ conflicting · date: X ≠ Y`` for the statement, or a note that indexing is not done."""
    if index is None or statement.id not in index.verdicts:
        return Content.styled("status not known yet (indexing claims…)", "$text-muted")
    verdict = index.verdicts[statement.id]
    return Content.assemble(
        (f"{GLYPHS[verdict.status]} {verdict.status.value}", f"bold {STATUS_STYLES[verdict.status]}"),
        ("  ·  ", "$text-muted"),
        (display_text(_reason(index, statement.id)), "$text-muted"),
    )


def _reason(index: ClaimIndex, statement_id: str) -> str:
    """The status reason in words a reader uses: statements named by article and number, never by id."""
    return reader_reason(index, statement_id)


def tags_content(body: str) -> Content:
    tags = parse_tags(body)
    if not tags:
        return Content.styled("tags: none yet — write #verify, #false, #confirmed… anywhere", "$text-muted")
    parts: list[str | tuple[str, str]] = [("tags: ", "$text-muted")]
    for tag in tags:
        parts.extend([(f"#{tag}", "bold $text-secondary"), " "])
    return Content.assemble(*parts)


def rating_line(ratings: RatingScale, rating: str | None, key: str) -> Content:
    """``rating: [rated: false]  (ctrl+r: true → mostly true → …)`` or how to set one."""
    choices = " → ".join([*ratings.labels, "none"])
    if rating is None:
        return Content.assemble(
            ("rating: none", "$text-muted"), "  ", (key, "bold $accent"), (f" sets one: {choices}", "$text-muted")
        )
    return Content.assemble(
        ("rating: ", "$text-muted"),
        rating_content(rating, ratings.lean(rating)),
        "  ",
        (key, "bold $accent"),
        (f" next: {ratings.following(rating) or 'none'}", "$text-muted"),
    )
