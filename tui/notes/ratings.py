"""The verdicts a note can carry: an ordered true-to-false scale plus verdicts off the scale.

Plain data, no I/O: ``tui.config`` reads the ``[ratings]`` table into a :class:`RatingScale`,
the reader cycles through it, and the exports turn a label into a number on the scale.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_SCALE = ("true", "mostly true", "mixed", "mostly false", "false")
DEFAULT_OTHER = ("unproven",)


@dataclass(frozen=True, slots=True)
class RatingScale:
    scale: tuple[str, ...] = DEFAULT_SCALE
    """Best (most true) first; ClaimReview numbers them ``len(scale)`` down to 1."""
    other: tuple[str, ...] = DEFAULT_OTHER
    """Verdicts that say neither true nor false (``unproven``): no number on the scale."""

    @property
    def labels(self) -> tuple[str, ...]:
        return self.scale + self.other

    @property
    def best(self) -> int:
        return len(self.scale)

    @property
    def worst(self) -> int:
        return 1

    def value(self, label: str | None) -> int | None:
        """The label's number on the scale (best = ``best``, worst = 1); ``None`` off the scale."""
        key = _key(label)
        for position, name in enumerate(self.scale):
            if _key(name) == key:
                return len(self.scale) - position
        return None

    def known(self, label: str | None) -> str | None:
        """The configured spelling of ``label`` (any case or spacing), ``None`` if not configured."""
        key = _key(label)
        return next((name for name in self.labels if _key(name) == key), None)

    def following(self, label: str | None) -> str | None:
        """The rating after ``label`` when cycling: none, the scale best first, the others, none."""
        current = self.known(label)
        if current is None:
            return self.labels[0] if label is None and self.labels else None
        position = self.labels.index(current) + 1
        return self.labels[position] if position < len(self.labels) else None

    def lean(self, label: str | None) -> str:
        """``true``, ``false``, ``mixed`` (middle of the scale) or ``other``, for colours."""
        value = self.value(label)
        if value is None or self.best < 2:
            return "other"
        if value * 2 > self.best + 1:
            return "true"
        if value * 2 < self.best + 1:
            return "false"
        return "mixed"

    def mark(self, label: str | None) -> str:
        """One character for the gutter: the initial of the label's last word, upper case at the
        ends of the scale (``T`` true, ``t`` mostly true, ``m`` mixed, ``f``, ``F``, ``u``)."""
        words = (label or "").split()
        initial = next((ch for ch in (words[-1] if words else "") if ch.isalnum()), "•")
        value = self.value(label)
        at_end = value is not None and value in (self.best, self.worst) and self.best > 1
        return initial.upper() if at_end else initial.lower()


def _key(label: str | None) -> str:
    return " ".join((label or "").split()).casefold()


def rating_slug(label: str) -> str:
    """``mostly false`` as one word for filters and ids: ``mostly-false``."""
    return "-".join(label.casefold().split())


DEFAULT_RATINGS = RatingScale()
