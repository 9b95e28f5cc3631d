"""Do two linked statements give different values for the same thing?

Close paraphrases are aligned token by token; each changed span is classified (number, date,
name, negation, antonym) and everything else (synonyms, reordering) is no conflict. Facts the
alignment cannot pair are compared only when what they are about is clearly the same.
Precision matters more than recall: when in doubt, no conflict.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from tui.claims.aliases import (alias, has_acronym, orphan, quoted, same_name, same_root, speaker,
                                spelling_variant)
from tui.claims.dates import DateFact
from tui.claims.facts import Facts
from tui.claims.found import POSSIBLE, Comparison, Found
from tui.claims.names import NameFact
from tui.claims.numbers import NumberFact
from tui.claims.polarity import compare_polarity

EVENT_STEMS = frozenset({"visit", "leave", "meet", "vote", "open", "sign", "arrest", "dead",
                          "elect", "hold", "start", "end", "launch", "announc", "releas",
                          "ratify", "hearing", "trial", "strike", "flood", "storm"})


@dataclass(frozen=True, slots=True)
class Alignment:
    ops: list[tuple[str, int, int, int, int]]
    equal: int
    """Tokens the two statements share in order."""
    closeness: float
    """``equal`` over the shorter statement: is one contained in the other?"""
    coverage: float
    """``equal`` over the longer statement: are they one sentence, lightly edited?"""


def _alignment(fa: Facts, fb: Facts) -> Alignment:
    a, b = fa.tokens.stems, fb.tokens.stems
    ops = [(o.tag, o.src_start, o.src_end, o.dest_start, o.dest_end)
           for o in Indel.opcodes(list(a), list(b))]
    equal = sum(i2 - i1 for tag, i1, i2, _, _ in ops if tag == "equal")
    return Alignment(_merge_ops(ops), equal, equal / max(1, min(len(a), len(b))),
                     equal / max(1, len(a), len(b)))


NEAR_COPY = 0.5
"""Coverage from which two statements are one sentence edited: a changed value there is a
contradiction; below it, differently worded reports may give two true values ("possible")."""
LOOSE_WORDING = 0.3
"""Coverage below which two reports share little more than their topic: two weekdays there
were different events in every real case seen."""
SAME_FRAME = 4
"""Shared in-order tokens a name or polarity comparison needs: with fewer, "Because" against a
long quote or two different clauses get compared as if they were one."""


def _merge_ops(ops: list[tuple[str, int, int, int, int]]) -> list[tuple[str, int, int, int, int]]:
    """Indel gives delete+insert; join adjacent ones into replace spans."""
    out: list[tuple[str, int, int, int, int]] = []
    for op in ops:
        if out and op[0] != "equal" and out[-1][0] != "equal":
            _, i1, _, j1, _ = out[-1]
            out[-1] = ("replace", i1, op[2], j1, op[4])
        else:
            out.append(op)
    return out


def _image(ops: list[tuple[str, int, int, int, int]], first: int, last: int) -> tuple[int, int]:
    """Range of b tokens that the a tokens [first, last) align with (possibly empty)."""
    lo, hi = 10**9, -1
    for tag, i1, i2, j1, j2 in ops:
        if i2 <= first or i1 >= last:
            if not (i1 == i2 and first <= i1 <= last and tag != "equal"):
                continue
        if tag == "equal":
            s, e = max(i1, first), min(i2, last)
            if s < e:
                lo, hi = min(lo, j1 + s - i1), max(hi, j1 + e - i1)
        elif j2 > j1:
            lo, hi = min(lo, j1), max(hi, j2)
    if hi < 0:
        return 0, 0
    return lo, hi


def _overlaps(first: int, last: int, rng: tuple[int, int]) -> bool:
    return rng[0] < rng[1] and first < rng[1] and rng[0] < last


def _text(plain: str, start: int, end: int) -> str:
    return plain[start:end]


def _numbers_compatible(x: NumberFact, y: NumberFact) -> bool:
    return x.low <= y.high + 1e-9 and y.low <= x.high + 1e-9


def _same_bound_differs(x: NumberFact, y: NumberFact) -> bool:
    """ "more than 1,100" vs "more than 880", "up to six" vs "up to seven": one bound each, and
    the bounds are different figures, not roundings of one."""
    if x.qualifier != y.qualifier or x.qualifier not in ("ge", "le", "nearly"):
        return False
    half = max(0.05 * max(x.value, y.value), max(x.unit, y.unit) / 2.0)
    return abs(x.value - y.value) > half


def _dates_conflict(x: DateFact, y: DateFact) -> bool:
    fx, fy = x.fields(), y.fields()
    common = set(fx) & set(fy)
    return any(fx[k] != fy[k] for k in common)


def _context_same(fa: Facts, fb: Facts, x: NumberFact, y: NumberFact) -> bool:
    if x.noun and y.noun:
        if x.noun == y.noun:
            return True
        if x.noun in fb.tokens.stems and y.noun in fa.tokens.stems:
            return False
        return x.noun in fb.tokens.stems or y.noun in fa.tokens.stems
    ta, tb = fa.tokens.stems, fb.tokens.stems
    before_a = ta[x.qfirst - 1] if x.qfirst > 0 else ""
    before_b = tb[y.qfirst - 1] if y.qfirst > 0 else ""
    after_a = ta[x.last] if x.last < len(ta) else ""
    after_b = tb[y.last] if y.last < len(tb) else ""
    return (bool(before_a) and before_a == before_b) or (bool(after_a) and after_a == after_b)


def compare(fa: Facts, fb: Facts, plain_a: str, plain_b: str,
            context: frozenset[str] = frozenset()) -> Comparison:
    """Conflicts and compatibility notes between two linked statements.

    ``context`` holds terms a scene-setting statement borrows from the one it dates.
    """
    al = _alignment(fa, fb)
    ops, closeness = al.ops, al.closeness
    found: list[Found] = []
    notes: list[str] = []
    close = closeness >= 0.6
    _compare_numbers(fa, fb, plain_a, plain_b, ops, found, notes, close)
    _compare_dates(fa, fb, plain_a, plain_b, ops, found, close, context)
    # Names and polarity are compared only within one sentence frame: on real coverage,
    # differently worded reports name different people for different roles and negate
    # different clauses, and those were nearly all false alarms.
    framed = al.equal >= SAME_FRAME and al.coverage >= NEAR_COPY
    if closeness >= 0.5 and framed:
        _compare_names(fa, fb, plain_a, plain_b, ops, found, close, al.coverage >= 0.7)
        compare_polarity(fa, fb, plain_a, plain_b, ops, found)
    if al.coverage < NEAR_COPY:
        # Differently worded reports: two weekdays are most often two events each outlet
        # covered ("stood firm Friday" / "dug in Wednesday"); other values may both be true.
        found = [Found(f.kind, f.a_value, f.b_value, f.subject, POSSIBLE) for f in found
                 if not (al.coverage < LOOSE_WORDING and f.kind == "date"
                         and _weekday_only(f.a_value) and _weekday_only(f.b_value))]
    return Comparison(tuple(found), tuple(notes))


_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def _weekday_only(value: str) -> bool:
    words = [w.strip(".,").lower() for w in value.split()]
    return bool(words) and all(w in _WEEKDAYS or w in ("last", "next", "this", "on", "late",
                                                           "early") for w in words)


def _compare_numbers(fa: Facts, fb: Facts, pa: str, pb: str,
                     ops: list[tuple[str, int, int, int, int]], found: list[Found],
                     notes: list[str], close: bool) -> None:
    values_b = {y.value for y in fb.numbers if y.qualifier != "vague"}
    values_a = {x.value for x in fa.numbers if x.qualifier != "vague"}
    paired_b: set[int] = set()
    for x in fa.numbers:
        img = _image(ops, x.qfirst, x.last)
        partners = [k for k, y in enumerate(fb.numbers) if _overlaps(y.qfirst, y.last, img)]
        if not partners:
            # Reordered (active/passive): pair by what is counted.
            partners = [k for k, y in enumerate(fb.numbers)
                        if x.noun and y.noun == x.noun and (x.noun != "percent" or close)]
            if len(partners) != 1 or sum(1 for z in fa.numbers if z.noun == x.noun) != 1:
                continue
        for k in partners:
            y = fb.numbers[k]
            paired_b.add(k)
            if not _context_same(fa, fb, x, y):
                continue
            # A figure the other statement states exactly is accounted for: "$200 million from
            # one fund and $600 million from another" against "$600 million from the fund".
            if any(z.value == y.value for z in fa.numbers if z is not x) or any(
                    z.value == x.value for z in fb.numbers if z is not y):
                continue
            # Two lists of figures that share one exactly: the others are other items
            # ("$2.5 billion from counternarcotics" / "$200 million from Homeland Security").
            if not close and len(fa.numbers) > 1 and len(fb.numbers) > 1 and values_a & values_b:
                continue
            xa, yb = _text(pa, x.start, x.end), _text(pb, y.start, y.end)
            if _numbers_compatible(x, y) and not _same_bound_differs(x, y):
                if (x.low, x.high) != (y.low, y.high) or x.qualifier != y.qualifier:
                    if x.value != y.value:
                        notes.append(f"{xa} ≈ {yb} (compatible)")
                continue
            exact_x = x.qualifier not in ("vague",)
            exact_y = y.qualifier not in ("vague",)
            if exact_x and x.value in values_b and x.qualifier == "exact":
                continue
            if exact_y and y.value in values_a and y.qualifier == "exact":
                continue
            found.append(Found("number", xa, yb, x.noun or y.noun))


def _compare_dates(fa: Facts, fb: Facts, pa: str, pb: str,
                   ops: list[tuple[str, int, int, int, int]], found: list[Found],
                   close: bool, context: frozenset[str]) -> None:
    unpaired_a: list[DateFact] = []
    paired_b: set[int] = set()
    for x in fa.dates:
        img = _image(ops, x.first, x.last)
        partners = [k for k, y in enumerate(fb.dates) if _overlaps(y.first, y.last, img)]
        if not partners:
            unpaired_a.append(x)
            continue
        for k in partners:
            paired_b.add(k)
            y = fb.dates[k]
            if _dates_conflict(x, y) and not any(not _dates_conflict(x, z) for z in fb.dates
                                                 if z.fields().keys() == x.fields().keys()):
                found.append(Found("date", _text(pa, x.start, x.end), _text(pb, y.start, y.end)))
    unpaired_b = [y for k, y in enumerate(fb.dates) if k not in paired_b]
    # Dates the alignment could not pair: compare only a lone specific date on each side
    # when both statements are about the same kind of event.
    if len(unpaired_a) == 1 and len(unpaired_b) == 1:
        x, y = unpaired_a[0], unpaired_b[0]
        events = (EVENT_STEMS & (set(fa.tokens.stems) | context)) & (
            set(fb.tokens.stems) | context)
        if not close and (x.day is None or y.day is None or not events):
            return
        if any(not _dates_conflict(x, z) for z in fb.dates):
            return
        if _dates_conflict(x, y):
            found.append(Found("date", _text(pa, x.start, x.end), _text(pb, y.start, y.end),
                               sorted(events)[0] if events else ""))


def _compare_names(fa: Facts, fb: Facts, pa: str, pb: str,
                   ops: list[tuple[str, int, int, int, int]], found: list[Found],
                   close: bool, reordered: bool = True) -> None:
    """``reordered``: the statements are one sentence with clauses moved, so a lone changed
    name on each side may be compared even where the alignment does not pair them."""
    words_a = Counter(fa.tokens.norms)
    words_b = Counter(fb.tokens.norms)
    pairs: list[tuple[NameFact, NameFact, list[str], list[str]]] = []
    for tag, i1, i2, j1, j2 in ops:
        if tag != "replace":
            continue
        xs = [x for x in fa.names if x.first < i2 and i1 < x.last]
        ys = [y for y in fb.names if y.first < j2 and j1 < y.last]
        if len(xs) != 1 or len(ys) != 1:
            continue
        if (i2 - i1 > xs[0].last - xs[0].first + 2 or j2 - j1 > ys[0].last - ys[0].first + 2):
            continue  # a whole clause rewritten, not one name swapped for another
        pairs.append((xs[0], ys[0], orphan(xs[0], words_a, words_b),
                      orphan(ys[0], words_b, words_a)))
    if not pairs and close and reordered:
        # Reordered clauses: one orphan name on each side.
        xs2 = [(x, orphan(x, words_a, words_b)) for x in fa.names]
        ys2 = [(y, orphan(y, words_b, words_a)) for y in fb.names]
        xs2 = [(x, o) for x, o in xs2 if o]
        ys2 = [(y, o) for y, o in ys2 if o]
        if len(xs2) == 1 and len(ys2) == 1 and (
                speaker(fa, xs2[0][0]) == speaker(fb, ys2[0][0])):
            # Only names in the same role: "..., Mr. Comey wrote" is who reports the quote,
            # "(Russian President Vladimir) Putin" is in it.
            pairs.append((xs2[0][0], ys2[0][0], xs2[0][1], ys2[0][1]))
    for x, y, changed_a, changed_b in pairs:
        if not changed_a or not changed_b:
            continue
        if (quoted(pa, x.start) and quoted(pb, y.start)
                and changed_a[0][:1] == changed_b[0][:1]):
            continue  # two transcriptions of one quote ("Momma" / "Mama"), not two people
        if spelling_variant(" ".join(changed_a), " ".join(changed_b)) or same_name(x, y):
            continue
        rest_a = [w for w in x.words if w not in y.words]
        rest_b = [w for w in y.words if w not in x.words]
        if (same_root(changed_a, changed_b) or alias(changed_a, changed_b)
                or (rest_a and rest_b and has_acronym(pa, x, pb, y)
                    and alias(rest_a, rest_b, prefixes=False))):
            continue
        if any(len(w) <= 2 for w in changed_a + changed_b):
            continue
        found.append(Found("name", _text(pa, x.start, x.end), _text(pb, y.start, y.end)))
        return


