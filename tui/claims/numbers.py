"""Counted numbers a statement asserts: "at least 1,100 people", "about 3,000", "dozens".

Split from ``facts``: reading a count (its qualifier, scale words, precision as written and
the noun it counts) is one job, and the largest part of fact extraction.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from tui.claims.terms import STOP_STEMS
from tui.claims.text import SCALES, Tokens

INF = math.inf

_QUALIFIERS_2 = {
    ("at", "least"): "ge", ("more", "than"): "ge", ("at", "most"): "le", ("up", "to"): "le",
    ("less", "than"): "le", ("fewer", "than"): "le", ("just", "over"): "ge",
    ("just", "under"): "le", ("as", "many"): "le", ("no", "fewer"): "ge",
}
_QUALIFIERS_1 = {
    "over": "ge", "above": "ge", "exceeding": "ge", "under": "le", "below": "le",
    "about": "approx", "around": "approx", "approximately": "approx", "roughly": "approx",
    "some": "approx", "circa": "approx", "estimated": "approx", "nearly": "nearly",
    "almost": "nearly", "only": "exact", "exactly": "exact",
}
_VAGUE = {"hundreds": (100.0, 999.0), "thousands": (1_000.0, 9_999.0),
          "millions": (1e6, 999e6), "billions": (1e9, 999e9), "dozens": (24.0, 99.0),
          "scores": (40.0, 99.0)}
_VAGUE_OF = {("tens", "thousands"): (10_000.0, 99_999.0),
             ("hundreds", "thousands"): (100_000.0, 999_999.0),
             ("tens", "millions"): (10e6, 99e6), ("hundreds", "millions"): (100e6, 999e6)}


@dataclass(frozen=True, slots=True)
class NumberFact:
    low: float
    high: float
    value: float
    qualifier: str
    """``exact``, ``ge``, ``le``, ``approx``, ``nearly`` or ``vague``."""
    noun: str
    """Stem of what is counted, "" when unknown."""
    first: int
    last: int
    """Token range of the number itself (``last`` exclusive), qualifier excluded."""
    qfirst: int
    """First token including the qualifier."""
    start: int
    end: int
    """Character span in ``plain`` including the qualifier."""
    unit: float = 1.0
    """Precision as written: 3,000 -> 1000, 6.9 million -> 100,000; a rounding is within half."""


def find_numbers(tokens: Tokens, plain: str, used: set[int]) -> list[NumberFact]:
    """Counts in ``tokens``, skipping the token indices ``used`` by dates."""
    n = len(tokens)
    norms = tokens.norms
    out: list[NumberFact] = []
    i = 0
    while i < n:
        if i in used:
            i += 1
            continue
        norm = norms[i]
        low: float
        high: float
        unit = 1.0
        qualifier = "exact"
        first = i
        last = i + 1
        vague = None
        if i + 2 < n and (norm, norms[i + 2]) in _VAGUE_OF and norms[i + 1] == "of":
            vague = _VAGUE_OF[(norm, norms[i + 2])]
            last = i + 3
        elif norm in _VAGUE:
            vague = _VAGUE[norm]
        if vague is not None:
            low, high = vague
            value = low
            qualifier = "vague"
        elif tokens.numeric[i]:
            try:
                value = float(norm)
            except ValueError:
                i += 1
                continue
            unit = _precision(norm)
            while last < n and norms[last] in SCALES and not tokens.breaks[last]:
                value *= SCALES[norms[last]]
                unit *= SCALES[norms[last]]
                last += 1
            low = high = value
        else:
            i += 1
            continue
        qfirst = first
        if first > 0 and norms[first - 1] in ("$", "€", "£"):
            qfirst = first - 1
        if qualifier != "vague":
            q2 = (norms[qfirst - 2], norms[qfirst - 1]) if qfirst >= 2 else ("", "")
            q1 = norms[qfirst - 1] if qfirst >= 1 else ""
            if q2 in _QUALIFIERS_2:
                qualifier = _QUALIFIERS_2[q2]
                qfirst -= 2
            elif q1 in _QUALIFIERS_1:
                qualifier = _QUALIFIERS_1[q1]
                qfirst -= 1
            if qualifier == "ge":
                high = INF
            elif qualifier == "le":
                low = 0.0
            elif qualifier == "approx":
                # "about 3,000" covers the roundings of 3,000 (2,500-3,499), "about 1,700"
                # those of 1,700 (1,736), with 2% slack for precise figures: "about 230" is
                # not 264, an estimated 6.9 million is not 7.2 million.
                half = max(value * 0.02, unit / 2.0)
                low, high = value - half, value + half
            elif qualifier == "nearly":
                low, high = value * 0.85, value
        noun = _counted_noun(tokens, last, plain)
        out.append(NumberFact(low, high, value, qualifier, noun, first, last, qfirst,
                              tokens.starts[qfirst], tokens.ends[last - 1], unit))
        i = last
    return out


def _precision(norm: str) -> float:
    """The place of the last significant digit: "3000" -> 1000, "6.9" -> 0.1, "12" -> 1."""
    if "." in norm:
        return 10.0 ** -len(norm.split(".", 1)[1])
    if norm.isdigit() and int(norm) > 0:
        zeros = len(norm) - len(norm.rstrip("0"))
        return 10.0 ** zeros
    return 1.0


def _counted_noun(tokens: Tokens, j: int, plain: str = "") -> str:
    n = len(tokens)
    if j < n and tokens.norms[j] in ("percent", "per"):
        return "percent"
    if (0 < j < n and plain[tokens.ends[j - 1]:tokens.starts[j]] == "-"
            and tokens.stems[j] not in STOP_STEMS and not tokens.numeric[j]):
        # "a 48-hour strike" counts hours, not strikes: it is "two days", not "two strikes".
        return tokens.stems[j]
    if j < n and tokens.norms[j] == "of" and j + 1 < n:
        j += 1
    noun = ""
    for k in range(j, min(j + 3, n)):
        if tokens.breaks[k] or tokens.numeric[k]:
            break
        s = tokens.stems[k]
        if s in STOP_STEMS:
            break
        norm = tokens.norms[k]
        if noun and norm.endswith(("ing", "ed")):
            break
        noun = s
    return noun
