"""Facts a statement asserts: counted numbers, dates, names, negation and polar verbs.

Each fact keeps its token range (for alignment) and its character span in ``plain`` (for
quoting the value exactly as written).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from tui.claims.terms import COMMON_STEMS, STOP_STEMS, stem
from tui.claims.text import MONTHS, SCALES, WEEKDAYS, Tokens, tokenize

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
LIMITERS = frozenset({"only", "just", "merely", "simply", "solely"})
NEGATION_CUES = frozenset({"not", "never", "no", "without", "neither", "nor", "none", "nobody",
                           "nothing", "nowhere",
                           # Verbs that negate the verb they govern: "denied taking the money"
                           # says what "did not take the money" says.
                           "deny", "denies", "denied", "denying", "refuse", "refuses",
                           "refused", "refusing"})

_ANTONYM_PAIRS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("ratify", "ratified", "ratifies", "ratifying", "ratification"),
     ("reject", "rejected", "rejects", "rejecting", "rejection")),
    (("approve", "approved", "approves", "approving", "approval"),
     ("reject", "rejected", "rejects", "rejecting", "veto", "vetoed", "rejection")),
    (("accept", "accepted", "accepts", "accepting"),
     ("refuse", "refused", "refuses", "refusing", "reject", "rejected", "decline", "declined")),
    (("confirm", "confirmed", "confirms", "confirming"), ("deny", "denied", "denies", "denying")),
    (("admit", "admitted", "admits", "admitting"), ("deny", "denied", "denies", "denying")),
    (("visit", "visited", "visits", "visiting"),
     ("cancel", "cancelled", "canceled", "cancels", "cancelling", "cancellation")),
    (("increase", "increased", "rose", "rise", "risen", "rising", "grew", "grow", "growth",
      "climbed", "jumped", "gained"),
     ("decrease", "decreased", "fell", "fall", "fallen", "falling", "shrank", "declined",
      "dropped", "decline", "drop", "lost")),
    (("win", "won", "wins", "winning", "victory"), ("lose", "lost", "loses", "losing", "defeat")),
    (("open", "opened", "opens", "opening", "reopened"), ("close", "closed", "closes", "closing",
                                                          "shut")),
    (("allow", "allowed", "allows", "permit", "permitted", "legalised", "legalized"),
     ("ban", "banned", "bans", "forbid", "forbade", "forbidden", "prohibit", "prohibited",
      "outlawed")),
    (("acquit", "acquitted", "acquittal", "innocent"),
     ("convict", "convicted", "conviction", "guilty")),
    (("support", "supported", "supports", "backed", "favour", "favor"),
     ("oppose", "opposed", "opposes", "against")),
    (("pass", "passed", "adopted"), ("reject", "rejected", "defeated")),
    (("agree", "agreed", "agrees"), ("disagree", "disagreed", "refuse", "refused")),
    (("include", "included", "includes"), ("exclude", "excluded", "excludes")),
    (("arrest", "arrested"), ("release", "released", "freed")),
    (("succeed", "succeeded", "success"), ("fail", "failed", "failure")),
    (("profit",), ("loss",)),
    (("surplus",), ("deficit",)),
    (("higher", "more", "above"), ("lower", "fewer", "below")),
    (("up",), ("down",)),
    (("strengthen", "strengthened"), ("weaken", "weakened")),
    (("improve", "improved", "improves"), ("worsen", "worsened", "worsens")),
    (("majority",), ("minority",)),
    (("present", "attended"), ("absent", "skipped")),
    (("alive", "survived"), ("dead", "died", "killed")),
)


def _antonym_table() -> dict[str, tuple[tuple[int, int], ...]]:
    table: dict[str, list[tuple[int, int]]] = {}
    for pid, sides in enumerate(_ANTONYM_PAIRS):
        for side, words in enumerate(sides):
            for w in words:
                entry = (pid, side)
                bucket = table.setdefault(w, [])
                if entry not in bucket:
                    bucket.append(entry)
    return {k: tuple(v) for k, v in table.items()}


ANTONYMS = _antonym_table()


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


@dataclass(frozen=True, slots=True)
class Facts:
    tokens: Tokens
    numbers: tuple[NumberFact, ...]
    dates: tuple[DateFact, ...]
    names: tuple[NameFact, ...]
    negations: tuple[int, ...]
    """Token indices of negation cues."""
    polar: tuple[tuple[int, int, int], ...]
    """(token index, antonym pair id, side) for verbs with a listed opposite."""
    limiting: tuple[int, ...] = ()
    """Token indices of "not" before only/just/merely: a negation only against a statement
    that keeps the limiter without it ("is not merely a hub" vs "is merely a hub")."""


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


def _dates(tokens: Tokens, plain: str) -> tuple[list[DateFact], set[int]]:
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


def _numbers(tokens: Tokens, plain: str, used: set[int]) -> list[NumberFact]:
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


def _names(tokens: Tokens, dated: set[int]) -> list[NameFact]:
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


def extract_facts(plain: str) -> Facts:
    """All facts of one statement's ``plain`` text."""
    tokens = tokenize(plain)
    dates, used = _dates(tokens, plain)
    numbers = _numbers(tokens, plain, used)
    names = _names(tokens, used)
    negations: list[int] = []
    limiting: list[int] = []
    polar: list[tuple[int, int, int]] = []
    norms = tokens.norms
    n = len(norms)
    for i, norm in enumerate(norms):
        if norm in NEGATION_CUES:
            nxt = norms[i + 1] if i + 1 < n else ""
            if norm == "no" and i + 1 < n and tokens.numeric[i + 1]:
                continue
            if norm == "not" and nxt in LIMITERS:
                limiting.append(i)
                continue
            if norm == "no" and nxt in ("doubt",):
                continue
            negations.append(i)
        entries = ANTONYMS.get(norm)
        if entries:
            for pid, side in entries:
                polar.append((i, pid, side))
    return Facts(tokens, tuple(numbers), tuple(dates), tuple(names), tuple(negations),
                 tuple(polar), tuple(limiting))
