"""Statements per status for every document, counted in one pass over the verdicts.

``ClaimIndex.status_counts(doc)`` scans every verdict (10.6 ms at 60k statements); pane headers
redraw on every move, so the reader counts once per index here and reads the table after.
"""

from __future__ import annotations

from collections import Counter

from tui.claims.model import ClaimIndex, Status


def counts_by_document(index: ClaimIndex) -> dict[str, Counter[Status]]:
    """Document id -> statements per status (every status present, zero or not)."""
    table: dict[str, Counter[Status]] = {
        doc.id: Counter({status: 0 for status in Status}) for doc in index.documents
    }
    for sid, verdict in index.verdicts.items():
        statement = index.statements.get(sid)
        if statement is not None:
            table.setdefault(statement.doc_id, Counter({status: 0 for status in Status}))[verdict.status] += 1
    return table
