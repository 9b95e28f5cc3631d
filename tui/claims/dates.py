"""Dates a statement asserts: "November 26, 2025", "2025-11-26", "Wednesday", "in 2019".

Split from ``facts``: telling a year from a count and a month from "may" is one job; the
tokens a date uses are then neither counted numbers nor names.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.claims.terms import STOP_STEMS
from tui.claims.text import MONTHS, SCALES, WEEKDAYS, Tokens


@dataclass(frozen=True, slots=True)
class DateFact:
    year: int | None
    month: int | None
    day: int | None
    weekday: int | None
    first: int
    last: int
    start: int
    end: int

    def fields(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for name in ("year", "month", "day", "weekday"):
            v = getattr(self, name)
            if v is not None:
                out[name] = v
        return out


def _is_year(tokens: Tokens, i: int, plain: str) -> bool:
    norm = tokens.norms[i]
    if not (len(norm) == 4 and norm.isdigit() and 1800 <= int(norm) <= 2100):
        return False
    if "," in plain[tokens.starts[i]:tokens.ends[i]]:
        return False
    if i > 0 and tokens.norms[i - 1] in ("$", "€", "£"):
        return False
    nxt = i + 1
    if nxt < len(tokens) and not tokens.breaks[nxt] and not tokens.numeric[nxt]:
        s = tokens.stems[nxt]
        if s not in STOP_STEMS and not tokens.caps[nxt] and s not in ("percent",):
            return False
    return True


def _day(tokens: Tokens, i: int) -> int | None:
    if 0 <= i < len(tokens) and tokens.numeric[i] and tokens.norms[i].isdigit():
        v = int(tokens.norms[i])
        if 1 <= v <= 31 and len(tokens.norms[i]) <= 2:
            return v
    return None


def find_dates(tokens: Tokens, plain: str) -> tuple[list[DateFact], set[int]]:
    """Dates in ``tokens``, in order, and the token indices they use."""
    n = len(tokens)
    used: set[int] = set()
    out: list[DateFact] = []
    norms = tokens.norms
    for i in range(n):
        if i in used:
            continue
        norm = norms[i]
        if len(norm) == 10 and norm[4] == "-" and norm[:4].isdigit():
            y, m, d = norm.split("-")
            if 1 <= int(m) <= 12 and 1 <= int(d) <= 31:
                out.append(DateFact(int(y), int(m), int(d), None, i, i + 1, tokens.starts[i],
                                    tokens.ends[i]))
                used.add(i)
            continue
        if norm in MONTHS:
            if norm in ("may", "march") and not (
                tokens.caps[i] and (_day(tokens, i + 1) is not None or _day(tokens, i - 1)
                                    is not None or (i + 1 < n and _is_year(tokens, i + 1, plain)))
            ):
                continue
            first, last = i, i + 1
            month = MONTHS.index(norm) + 1
            day: int | None = None
            year: int | None = None
            weekday: int | None = None
            d_after = _day(tokens, i + 1)
            if d_after is not None and (i + 2 >= n or not _is_year_like(norms[i + 1])):
                day, last = d_after, i + 2
            else:
                d_before = _day(tokens, i - 1)
                if d_before is not None and i - 1 not in used:
                    day, first = d_before, i - 1
                elif i >= 2 and norms[i - 1] == "of" and _day(tokens, i - 2) is not None:
                    day, first = _day(tokens, i - 2), i - 2
            if last < n and _is_year(tokens, last, plain) and (not tokens.breaks[last] or day):
                year, last = int(norms[last]), last + 1
            # "Wednesday, November 26"
            if first > 0 and norms[first - 1] in WEEKDAYS:
                weekday, first = WEEKDAYS.index(norms[first - 1]), first - 1
            out.append(DateFact(year, month, day, weekday, first, last, tokens.starts[first],
                                tokens.ends[last - 1]))
            used.update(range(first, last))
    for i in range(n):
        if i in used:
            continue
        norm = norms[i]
        if norm in WEEKDAYS and tokens.caps[i]:
            out.append(DateFact(None, None, None, WEEKDAYS.index(norm), i, i + 1,
                                tokens.starts[i], tokens.ends[i]))
            used.add(i)
        elif tokens.numeric[i] and _is_year(tokens, i, plain):
            prev = norms[i - 1] if i > 0 else ""
            if prev in SCALES or (i > 0 and tokens.numeric[i - 1]):
                continue
            out.append(DateFact(int(norm), None, None, None, i, i + 1, tokens.starts[i],
                                tokens.ends[i]))
            used.add(i)
    out.sort(key=lambda d: d.first)
    return out, used


def _is_year_like(norm: str) -> bool:
    return len(norm) == 4 and norm.isdigit()
