"""Notes, their anchor states and the errors the store raises.

A note points at a stretch of a document the way a W3C Web Annotation does: a
TextQuoteSelector (quote with some context before and after) plus a TextPositionSelector
(start/end offsets), so it can find its statement again after the article was edited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

CONTEXT_CHARS = 32
"""How much text before and after the quote a note remembers to tell duplicates apart."""

_TAG_RE = re.compile(r"(?<![\w/#&])#((?:\w|-)*[^\W\d_](?:\w|-)*)")


def parse_tags(body: str) -> tuple[str, ...]:
    """The ``#words`` in a note body, case-folded, in order of first appearance.

    Letters of any script count (``#проверить``); a tag needs at least one letter, so
    ``#1`` is not a tag, and URL fragments (``/#top``) and entities (``&#39;``) are skipped.
    """
    seen: dict[str, None] = {}
    for match in _TAG_RE.finditer(body):
        tag = match.group(1).strip("-").casefold()
        if tag:
            seen.setdefault(tag, None)
    return tuple(seen)


class AnchorState(str, Enum):
    OK = "ok"
    """The quote is still where the note left it."""
    MOVED = "moved"
    """Found elsewhere, or found with small edits."""
    ORPHANED = "orphaned"
    """The document is open but the quote is gone; the note is kept and listed."""


@dataclass(frozen=True, slots=True)
class TextSelector:
    """TextQuoteSelector + TextPositionSelector: what the note points at."""

    quote: str
    prefix: str
    suffix: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Note:
    id: str
    fingerprint: str
    """sha256 of the document text the note was written on."""
    doc_path: str
    """The document path as the user gave it."""
    doc_abspath: str
    """The same path resolved, so the note finds its file from any working directory."""
    quote: str
    prefix: str
    suffix: str
    start: int
    end: int
    body: str
    tags: tuple[str, ...]
    created_at: str
    """UTC, ISO 8601."""
    updated_at: str
    revision: int
    """Bumped on every change; ``update`` refuses to write over a revision it has not seen."""
    deleted_at: str | None = None
    rating: str | None = None
    """The verdict (a label from the configured ratings, e.g. ``mostly false``); ``None``: none."""

    @property
    def selector(self) -> TextSelector:
        return TextSelector(self.quote, self.prefix, self.suffix, self.start, self.end)

    @property
    def doc_name(self) -> str:
        return self.doc_path.replace("\\", "/").rsplit("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class AnchoredNote:
    """A note placed in the currently opened documents."""

    note: Note
    state: AnchorState
    doc_id: str | None
    statement_id: str | None
    start: int | None = None
    end: int | None = None
    """Where the quote was found in the current text (``None`` when orphaned)."""
    score: float = 0.0
    """100 for an exact quote, the fuzzy similarity otherwise, 0 when orphaned."""
    method: str = "none"
    """``position``, ``quote``, ``fuzzy`` or ``none``: how the note was re-attached."""


class NoteError(Exception):
    """Base class for errors from the notes store."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NoteStoreUnavailable(NoteError):
    """The database cannot be used; ``message`` is one line naming the file."""

    transient = False
    """True for a passing fault (disk full, busy, I/O): the next save tries again."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class NoteStoreFault(NoteStoreUnavailable):
    """A passing fault (disk full, database busy, I/O error): nothing was written, the store is
    not switched off, and the next save (or ``NoteStore.retry``) tries again."""

    transient = True


class NoteConflictError(NoteError):
    """Another reader changed or deleted the note since this one loaded it."""

    def __init__(self, note_id: str, expected: int, actual: int | None) -> None:
        if actual is None:
            what = "was deleted by another reader"
        else:
            what = f"was changed by another reader (revision {actual}, you edited revision {expected})"
        super().__init__(f"note {note_id} {what}; reload it before saving")
        self.note_id = note_id
        self.expected = expected
        self.actual = actual


class NoteNotFound(NoteError):
    def __init__(self, note_id: str) -> None:
        super().__init__(f"no note with id {note_id}")
        self.note_id = note_id
