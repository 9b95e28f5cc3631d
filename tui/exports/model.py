"""What the exports render: plain, frozen data built once from the claim index and the notes.

Renderers (Markdown, ClaimReview, Web Annotation, CSV) read only these classes, so they can be
tested with hand-made data and never see internal statement ids such as ``d5:0``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tui.claims.model import conflict_phrase
from tui.notes.ratings import DEFAULT_RATINGS, RatingScale


@dataclass(frozen=True, slots=True)
class Source:
    """One article, named by its outlet where the input says it."""

    number: int
    """1-based, in the order the articles were opened."""
    title: str
    path: str
    uri: str
    """Where the article lives: its URL, or a ``file://`` URI of the resolved path."""
    fingerprint: str = ""
    text: str = ""
    published: str | None = None
    """ISO 8601 date the article was published, when known."""
    outlet: str = ""

    @property
    def name(self) -> str:
        """What a person calls the article: outlet first."""
        return f"{self.outlet}: {self.title}" if self.outlet else self.title


@dataclass(frozen=True, slots=True)
class StatementRef:
    """A statement as a reader finds it: article and number (1-based), never an internal id."""

    source: Source
    number: int
    text: str
    start: int
    end: int

    @property
    def block(self) -> str:
        """An Obsidian block id (letters, digits, dashes): ``a2-s5``."""
        return f"a{self.source.number}-s{self.number}"

    @property
    def label(self) -> str:
        return f"{self.source.name}, statement {self.number}"


@dataclass(frozen=True, slots=True)
class Disagreement:
    """The statement's value against another source's value for the same thing."""

    kind: str
    mine: str
    theirs: str
    other: StatementRef
    subject: str = ""
    possible: bool = False
    """Different values that may both be true (``[!question]``), not a contradiction."""

    @property
    def reason(self) -> str:
        return conflict_phrase(self.kind, self.mine, self.theirs, self.possible)


@dataclass(frozen=True, slots=True)
class Finding:
    """What the claim index says about a statement."""

    status: str
    """``agreeing``, ``conflicting`` or ``uncorroborated``."""
    reason: str
    sources: int
    appearances: tuple[StatementRef, ...] = ()
    """The statements of other articles that carry the same claim."""
    disagreements: tuple[Disagreement, ...] = ()


@dataclass(frozen=True, slots=True)
class NoteItem:
    id: str
    body: str
    tags: tuple[str, ...]
    rating: str | None
    created_at: str
    updated_at: str
    state: str
    """``ok``, ``moved`` or ``orphaned``."""
    doc_path: str
    exact: str
    """The text the note points at, with ``prefix``/``suffix`` context and ``start``/``end``
    offsets: in the current article text, or as stored when the note is orphaned."""
    prefix: str
    suffix: str
    start: int
    end: int
    source: Source | None = None
    statement: StatementRef | None = None
    finding: Finding | None = None
    score: float = 100.0
    method: str = "position"


@dataclass(frozen=True, slots=True)
class CorpusConflict:
    kind: str
    a: StatementRef
    b: StatementRef
    a_value: str
    b_value: str
    subject: str = ""
    possible: bool = False

    @property
    def reason(self) -> str:
        return conflict_phrase(self.kind, self.a_value, self.b_value, self.possible)


@dataclass(frozen=True, slots=True)
class Publisher:
    """Who publishes the verdicts (ClaimReview ``author``) and where."""

    author: str = ""
    author_url: str = ""
    author_type: str = "Organization"
    review_url: str = ""
    """The page that will carry the reviews; each review gets ``#<note id>`` appended."""
    date_published: str = ""
    """ISO date; empty: each note's last change."""


@dataclass(frozen=True)
class ExportData:
    title: str
    exported_at: datetime
    sources: tuple[Source, ...]
    notes: tuple[NoteItem, ...]
    conflicts: tuple[CorpusConflict, ...] = ()
    ratings: RatingScale = DEFAULT_RATINGS
