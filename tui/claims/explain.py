"""Reasons in words, so that every status in the reader can say why."""

from __future__ import annotations

from collections.abc import Sequence

from tui.claims.model import Conflict, Link, conflict_phrase


def conflict_reason(conflict: Conflict, own: str) -> str:
    """ "date: November 25th ≠ November 26, 2025 (d3:4)", own value first."""
    if conflict.a == own:
        mine, theirs, other = conflict.a_value, conflict.b_value, conflict.b
    else:
        mine, theirs, other = conflict.b_value, conflict.a_value, conflict.a
    subject = f" ({conflict.subject})" if conflict.subject and conflict.kind == "number" else ""
    said = conflict_phrase(conflict.kind + subject, mine, theirs, conflict.possible)
    return f"{said} ({other}); both may be true" if conflict.possible else f"{said} ({other})"


def agree_reason(link: Link, own: str, extra: int) -> str:
    other = link.b if link.a == own else link.a
    evidence = []
    if link.cosine > 0.0:
        evidence.append(f"same meaning {link.cosine:.2f}")
    if link.shared:
        evidence.append(f"shared: {', '.join(link.shared)}")
    shared = f" ({'; '.join(evidence)})" if evidence else ""
    more = f" and {extra} more" if extra > 0 else ""
    note = f"; {link.notes[0]}" if link.notes else ""
    return f"agrees with {other}{more}{shared}{note}"


def uncorroborated_reason() -> str:
    """Says what was looked for, not that nobody reports it: on real coverage most statements
    another outlet reports are still not matched (README, "How well")."""
    return "no matching statement found in the other articles"


def combine(reasons: Sequence[str]) -> str:
    if len(reasons) <= 1:
        return reasons[0] if reasons else ""
    return f"{reasons[0]}; +{len(reasons) - 1} more conflict{'s' if len(reasons) > 2 else ''}"
