"""What comparing two statements finds: the result types shared by the comparison modules."""

from __future__ import annotations

from dataclasses import dataclass

CONTRADICTION = "contradiction"
POSSIBLE = "possible"


@dataclass(frozen=True, slots=True)
class Found:
    kind: str
    a_value: str
    b_value: str
    subject: str = ""
    confidence: str = CONTRADICTION
    """``contradiction``: the same sentence with a changed value; ``possible``: different values
    in differently worded reports, which may both be true (two days of one visit)."""


@dataclass(frozen=True, slots=True)
class Comparison:
    conflicts: tuple[Found, ...]
    notes: tuple[str, ...]
