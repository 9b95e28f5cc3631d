"""Tokenising and normalising statement text so that paraphrases compare equal.

Every token keeps its character span in the statement's ``plain`` text, so facts and
conflicts can quote the words exactly as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.claims.terms import stem

_TOKEN_RE = re.compile(
    r"\d{4}-\d{2}-\d{2}"
    r"|\d+(?:[.,]\d+)*(?:st|nd|rd|th)?"
    r"|(?:[A-Za-z]\.){2,}"
    r"|[A-Za-z]+\d[A-Za-z\d]*"
    r"|[^\W\d_]+(?:['’][^\W\d_]+)*['’]?"
    r"|[$€£%]"
)
_BREAK_RE = re.compile(r"[,;:.!?()\[\]\"“”—–]|\s['‘’]|['‘’]\s")

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}
_ORDINAL_AFTER = frozenset({"the", "a", "its", "his", "her", "their", "our", "this"})
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000}
MONTH_ALIASES = {
    "jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june",
    "jul": "july", "aug": "august", "sep": "september", "sept": "september", "oct": "october",
    "nov": "november", "dec": "december",
}
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ALIASES: dict[str, tuple[str, ...]] = {
    "u.s.": ("united", "states"), "u.s.a.": ("united", "states"), "usa": ("united", "states"),
    "u.k.": ("united", "kingdom"), "uk": ("united", "kingdom"), "u.n.": ("united", "nations"),
    "e.u.": ("european", "union"), "cannot": ("can", "not"), "%": ("percent",),
    "per": ("per",), "dozen": ("12",),
}
_CONTRACTIONS = {"won": "will", "ca": "can", "sha": "shall"}
_SCALE_SUFFIXES = {"bn": "billion", "mn": "million", "tn": "trillion", "m": "million",
                   "k": "thousand"}
"""Letters written onto a figure: "£40m", "$2.3bn". "m" and "k" only after a currency sign,
since "a 40m wall" is metres."""
_CURRENCY = frozenset({"$", "€", "£"})


@dataclass(frozen=True, slots=True)
class Tokens:
    """Parallel arrays describing one statement's tokens."""

    norms: tuple[str, ...]
    """Lower-cased, number words as digits, month abbreviations spelled out."""
    stems: tuple[str, ...]
    """Light stems with synonyms folded; what alignment and matching compare."""
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    caps: tuple[bool, ...]
    """Written with a capital letter."""
    breaks: tuple[bool, ...]
    """Punctuation sits between this token and the previous one."""
    numeric: tuple[bool, ...]

    def __len__(self) -> int:
        return len(self.norms)


def _number_norm(raw: str) -> str:
    digits = raw.rstrip("stndrh") if raw[-1:].isalpha() else raw
    if "," in digits:
        parts = digits.split(",")
        if all(len(p) == 3 for p in parts[1:]):
            digits = "".join(parts)
    try:
        value = float(digits)
    except ValueError:
        return digits
    return str(int(value)) if value == int(value) else str(value)


def tokenize(plain: str) -> Tokens:
    """Split ``plain`` into normalised tokens; pure and deterministic."""
    norms: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    caps: list[bool] = []
    breaks: list[bool] = []
    numeric: list[bool] = []
    prev_end = 0
    after_abbreviation = False

    def add(norm: str, start: int, end: int, cap: bool, brk: bool, num: bool) -> None:
        norms.append(norm)
        starts.append(start)
        ends.append(end)
        caps.append(cap)
        breaks.append(brk)
        numeric.append(num)

    for m in _TOKEN_RE.finditer(plain):
        raw = m.group()
        start, end = m.span()
        brk = bool(_BREAK_RE.search(plain, prev_end, start)) if prev_end < start else False
        if not norms:
            brk = True
        elif after_abbreviation and plain[prev_end:start].strip() == ".":
            brk = False
        after_abbreviation = False
        prev_end = end
        first = raw[0]
        if first.isdigit():
            if len(raw) == 10 and raw[4] == "-":
                add(raw, start, end, False, brk, True)
            else:
                add(_number_norm(raw), start, end, False, brk, True)
            continue
        low = raw.lower().replace("’", "'")
        cap = first.isupper()
        if (low in _SCALE_SUFFIXES and numeric and numeric[-1] and ends[-1] == start
                and (len(low) == 2 or (len(norms) > 1 and norms[-2] in _CURRENCY))):
            add(_SCALE_SUFFIXES[low], start, end, False, False, False)
            continue
        if low.endswith("n't") and len(low) > 3:
            base = low[:-3]
            add(_CONTRACTIONS.get(base, base), start, end - 3, cap, brk, False)
            add("not", end - 3, end, False, False, False)
            continue
        if low.endswith("'s"):
            low = low[:-2]
            end -= 2
        elif low.endswith("'"):
            low = low[:-1]
            end -= 1
        alias = _ALIASES.get(low)
        if alias is not None:
            for i, part in enumerate(alias):
                add(part, start, end, cap, brk and i == 0, part.isdigit())
            continue
        if low in MONTH_ALIASES:
            low = MONTH_ALIASES[low]
            after_abbreviation = True
        if low in UNITS:
            add(str(UNITS[low]), start, end, cap, brk, True)
        elif low in ORDINAL_WORDS and norms and norms[-1] in _ORDINAL_AFTER and not cap:
            # "the third drug" = "the 3rd drug"; "a second" (of time) has no article before.
            add(str(ORDINAL_WORDS[low]), start, end, cap, brk, True)
        elif low in TENS:
            add(str(TENS[low]), start, end, cap, brk, True)
        else:
            add(low, start, end, cap, brk, False)
    _merge_compound_numbers(norms, starts, ends, caps, breaks, numeric)
    return Tokens(
        norms=tuple(norms),
        stems=tuple(stem(n) for n in norms),
        starts=tuple(starts),
        ends=tuple(ends),
        caps=tuple(caps),
        breaks=tuple(breaks),
        numeric=tuple(numeric),
    )


def _merge_compound_numbers(
    norms: list[str], starts: list[int], ends: list[int], caps: list[bool],
    breaks: list[bool], numeric: list[bool],
) -> None:
    """"twenty-five" -> 25 so that it equals "25" in alignment."""
    i = 0
    while i + 1 < len(norms):
        a, b = norms[i], norms[i + 1]
        if (numeric[i] and numeric[i + 1] and a.isdigit() and b.isdigit()
                and int(a) in TENS.values() and 0 < int(b) < 10 and not breaks[i + 1]):
            norms[i] = str(int(a) + int(b))
            ends[i] = ends[i + 1]
            del norms[i + 1], starts[i + 1], ends[i + 1]
            del caps[i + 1], breaks[i + 1], numeric[i + 1]
        i += 1
