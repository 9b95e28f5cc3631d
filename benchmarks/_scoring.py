"""Scoring shared by the claim-index benchmarks: precision/recall and the per-kind tally."""

from __future__ import annotations

import dataclasses
from collections import Counter


def prf(tp: int, fp: int, fn: int) -> tuple[float, float]:
    """(precision, recall); an empty denominator scores 1.0 (nothing to get wrong)."""
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r


@dataclasses.dataclass
class Tally:
    """Conflicts found (tp), missed (fn) and raised wrongly (fp) per kind, plus rewordings."""

    tp: Counter[str] = dataclasses.field(default_factory=Counter)
    fn: Counter[str] = dataclasses.field(default_factory=Counter)
    fp: Counter[str] = dataclasses.field(default_factory=Counter)
    reworded: int = 0
    reworded_linked: int = 0
    reworded_conflicts: int = 0
    errors: list[str] = dataclasses.field(default_factory=list)

    def counts(self, kind: str | None = None) -> tuple[int, int, int]:
        """(tp, fp, fn) for one kind, or summed over all kinds."""
        if kind is None:
            return sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())
        return self.tp[kind], self.fp[kind], self.fn[kind]

    def precision(self, kind: str | None = None) -> float:
        return prf(*self.counts(kind))[0]

    def recall(self, kind: str | None = None) -> float:
        return prf(*self.counts(kind))[1]

    @property
    def linked_rate(self) -> float:
        return self.reworded_linked / self.reworded if self.reworded else 1.0
