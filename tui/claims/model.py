"""The claim index: links between statements, conflicts and per-statement status."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum

from tui.corpus.model import Document, Statement


class Status(str, Enum):
    AGREEING = "agreeing"
    CONFLICTING = "conflicting"
    UNCORROBORATED = "uncorroborated"

    @property
    def glyph(self) -> str:
        """The mark every view uses, so status reads without colour (NO_COLOR, monochrome)."""
        return _GLYPHS[self]


_GLYPHS = {Status.AGREEING: "✓", Status.CONFLICTING: "✗", Status.UNCORROBORATED: "?"}


@dataclass(frozen=True, slots=True)
class Link:
    """Two statements from different documents that report the same thing."""

    a: str
    b: str
    score: float
    """0..1; higher is more certainly the same report."""
    shared: tuple[str, ...]
    """The evidence: content terms, names, numbers and dates both carry."""
    notes: tuple[str, ...] = ()
    """Compatibilities worth telling the reader, e.g. "about 3,000 ≈ 3,200 (rounding)"."""
    cosine: float = 0.0
    """Similarity in meaning of the two statements (sentence vectors); 0.0 without the model."""


def conflict_phrase(kind: str, mine: str, theirs: str, possible: bool) -> str:
    """How every view words a conflict: "date: 25th ≠ 26th", or for two values that may both
    be true "possibly different date: 25th / 26th"."""
    if possible:
        return f"possibly different {kind}: {mine} / {theirs}"
    return f"{kind}: {mine} ≠ {theirs}"


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two linked statements that give different values for the same thing."""

    a: str
    b: str
    kind: str
    """``date``, ``number``, ``name``, ``negation``, ``antonym``..."""
    a_value: str
    b_value: str
    """Both values exactly as written in their statements."""
    subject: str = ""
    """What the values are about ("dead", "schools", "arrival") when known."""
    confidence: str = "contradiction"
    """``contradiction`` (the same report with a changed value) or ``possible`` (different
    values that may both be true: two days of one visit, counts at different times)."""

    @property
    def possible(self) -> bool:
        return self.confidence == "possible"

    @property
    def reason(self) -> str:
        return conflict_phrase(self.kind, self.a_value, self.b_value, self.possible)


@dataclass(frozen=True, slots=True)
class Claim:
    """A group of linked statements; every statement belongs to exactly one claim."""

    id: str
    statements: tuple[str, ...]
    links: tuple[Link, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    sources: int = 1
    """How many documents carry the claim."""


@dataclass(frozen=True, slots=True)
class Verdict:
    """Status of one statement plus the reason in words."""

    status: Status
    claim: str
    sources: int
    reason: str
    independent_sources: int | None = None
    """Sources left when documents copying one another count once; ``None``: not counted."""

    @property
    def independent(self) -> int:
        return self.sources if self.independent_sources is None else self.independent_sources


def links_by_statement(claims: Sequence[Claim], cross: Sequence[Link] = ()
                       ) -> dict[str, list[Link]]:
    """Statement id -> every link touching it (in its claim or across claims), best first."""
    table: dict[str, list[Link]] = {}
    for link in [link for claim in claims for link in claim.links] + list(cross):
        table.setdefault(link.a, []).append(link)
        table.setdefault(link.b, []).append(link)
    for links in table.values():
        links.sort(key=lambda link: (-link.score, link.a, link.b))
    return table


@dataclass(frozen=True)
class ClaimIndex:
    documents: tuple[Document, ...]
    claims: tuple[Claim, ...]
    verdicts: dict[str, Verdict]
    """Statement id -> verdict."""
    statements: dict[str, Statement] = field(default_factory=dict)
    """Statement id -> statement, in corpus order."""
    claim_by_id: dict[str, Claim] = field(default_factory=dict)
    notice: str = ""
    """Something the user should know about how the index was built (e.g. no sentence model)."""
    cross_links: tuple[Link, ...] = ()
    """Links between statements of different claims. A claim holds one statement per article,
    so when one sentence reports what another article says in two, the second link lands here:
    it counts for both statements' verdicts and for following, not for claim membership."""
    _links_by_statement: dict[str, list[Link]] = field(default_factory=dict, repr=False)
    copy_of: dict[str, str] = field(default_factory=dict)
    """Document id -> the document it copies (wire copy, re-post); see ``tui.claims.copies``."""

    def links_of(self, statement_id: str) -> list[Link]:
        """Every link touching the statement, inside its claim or across claims, best first."""
        if not self._links_by_statement and (self.claims or self.cross_links):
            self._links_by_statement.update(links_by_statement(self.claims, self.cross_links))
        return self._links_by_statement.get(statement_id, [])

    def claim_of(self, statement_id: str) -> Claim:
        return self.claim_by_id[self.verdicts[statement_id].claim]

    def counterparts(self, statement_id: str) -> dict[str, str]:
        """For each other document, the statement that best matches ``statement_id``.

        The reader scrolls each pane to this statement when the cursor moves.
        """
        claim = self.claim_of(statement_id)
        doc = self.statements[statement_id].doc_id
        best: dict[str, tuple[float, str]] = {}
        for link in self.links_of(statement_id):
            other = link.b if link.a == statement_id else link.a
            other_doc = self.statements[other].doc_id
            if other_doc == doc:
                continue
            if other_doc not in best or link.score > best[other_doc][0]:
                best[other_doc] = (link.score, other)
        for sid in claim.statements:
            other_doc = self.statements[sid].doc_id
            if other_doc != doc and other_doc not in best:
                best[other_doc] = (0.0, sid)
        return {d: sid for d, (_, sid) in best.items()}

    def status_counts(self, doc_id: str | None = None) -> Counter[Status]:
        """Statements per status, in one document or (``None``) the whole corpus; every status
        is present, zero or not."""
        counts: Counter[Status] = Counter({status: 0 for status in Status})
        for sid, verdict in self.verdicts.items():
            if doc_id is None or self.statements[sid].doc_id == doc_id:
                counts[verdict.status] += 1
        return counts

    def possible_only(self, statement_id: str) -> bool:
        """Conflicting, but every conflict is graded ``possible`` (both values may be true):
        views show it apart from a contradiction."""
        mine = self.conflicts_of(statement_id)
        return bool(mine) and all(c.possible for c in mine)

    def conflicts_of(self, statement_id: str) -> list[Conflict]:
        return [c for c in self.claim_of(statement_id).conflicts if statement_id in (c.a, c.b)]
