"""Copies are counted once: independent sources per claim, and verdicts that say so.

Split from ``copies``: turning detected copies into counts (:func:`independent_sources`) and
into an index's verdicts (:func:`mark_copies`) is one job; ``copies`` only finds them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from tui.claims.copies import Copies, UnionFind, detect_copies
from tui.claims.model import Claim, ClaimIndex, Status, Verdict


def independent_sources(statement_ids: Iterable[str], copies: Copies) -> int:
    """Documents among ``statement_ids``, counting documents that copy one another once."""
    ids = list(dict.fromkeys(statement_ids))
    joined = UnionFind()
    for sid in ids:
        joined.find(copies.original(copies.doc_of.get(sid, sid.rsplit(":", 1)[0])))
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            if frozenset((a, b)) in copies.passages:
                da = copies.original(copies.doc_of.get(a, a.rsplit(":", 1)[0]))
                db = copies.original(copies.doc_of.get(b, b.rsplit(":", 1)[0]))
                joined.union(da, db)
    return len({joined.find(x) for x in list(joined.parent)})


def _source_phrase(sources: int, independent: int) -> str:
    return f"{sources} sources, {independent} independent"


def mark_copies(index: ClaimIndex, copies: Copies | None = None) -> ClaimIndex:
    """The index with copies counted once: each verdict gains ``independent_sources``; a
    statement that only copies of its own text agree with becomes uncorroborated, and its
    reason says so."""
    copies = copies or detect_copies(index.documents)
    verdicts: dict[str, Verdict] = {}
    if not copies.copy_of and not copies.passages:
        verdicts = {sid: replace(v, independent_sources=v.sources)
                    for sid, v in index.verdicts.items()}
        return replace(index, verdicts=verdicts)
    per_claim: dict[str, int] = {}
    for sid, verdict in index.verdicts.items():
        counted = per_claim.get(verdict.claim)
        if counted is None:
            claim: Claim = index.claim_by_id[verdict.claim]
            counted = per_claim[verdict.claim] = independent_sources(claim.statements, copies)
        independent = min(verdict.sources, counted)
        linked = [link.b if link.a == sid else link.a for link in index.links_of(sid)]
        status, reason = verdict.status, verdict.reason
        phrase = _source_phrase(verdict.sources, independent)
        if status is Status.AGREEING and linked and all(copies.copied_pair(sid, p)
                                                        for p in linked):
            status = Status.UNCORROBORATED
            reason = f"only copies of this text agree ({phrase}): {reason}"
        elif independent < verdict.sources:
            reason = f"{phrase}: {reason}"
        verdicts[sid] = replace(verdict, status=status, reason=reason,
                                independent_sources=independent)
    return replace(index, verdicts=verdicts, copy_of=dict(copies.copy_of))


__all__ = ["independent_sources", "mark_copies"]
