"""What the reader's helpers (notes controller, export flow) need from the reader screen.

A protocol rather than the screen class: the helpers stay testable with a stand-in, and they
cannot reach into the screen beyond this.
"""

from __future__ import annotations

from typing import Any, Protocol

from textual.app import App
from textual.message import Message
from textual.notifications import SeverityLevel

from tui.claims.model import ClaimIndex
from tui.corpus.model import Document
from tui.notes.ratings import RatingScale


class ReaderHost(Protocol):
    documents: tuple[Document, ...]
    index: ClaimIndex | None
    ratings: RatingScale

    @property
    def app(self) -> App[Any]: ...

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None: ...

    def post_message(self, message: Message) -> bool: ...
