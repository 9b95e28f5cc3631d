"""Names a statement mentions: runs of capitalised words, minus sentence-initial capitals.

Split from ``facts``: finding a name's extent is one job; ``aliases`` decides which names
are one entity.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.claims.terms import COMMON_STEMS, STOP_STEMS, stem
from tui.claims.text import Tokens


@dataclass(frozen=True, slots=True)
class NameFact:
    words: tuple[str, ...]
    """Lower-cased tokens of the name."""
    first: int
    last: int
    start: int
    end: int

    @property
    def distinctive(self) -> tuple[str, ...]:
        return tuple(w for w in self.words if stem(w) not in COMMON_STEMS
                     and stem(w) not in STOP_STEMS)


def find_names(tokens: Tokens, dated: set[int]) -> list[NameFact]:
    """Names in ``tokens``, skipping the token indices ``dated`` (a month is not a name)."""
    out: list[NameFact] = []
    n = len(tokens)
    i = 0
    while i < n:
        if not tokens.caps[i] or tokens.numeric[i] or i in dated:
            i += 1
            continue
        j = i + 1
        while (j < n and tokens.caps[j] and not tokens.numeric[j] and not tokens.breaks[j]
               and j not in dated):
            j += 1
        first = i
        # A sentence-initial or post-punctuation capital is not a name by itself.
        while first < j and (first == 0 or tokens.breaks[first]) and (
            tokens.stems[first] in STOP_STEMS or tokens.stems[first] in COMMON_STEMS
        ):
            first += 1
        while first < j and tokens.stems[first] in STOP_STEMS:
            first += 1
        if first < j:
            words = tuple(tokens.norms[first:j])
            out.append(NameFact(words, first, j, tokens.starts[first], tokens.ends[j - 1]))
        i = j
    return out
