"""Do two linked statements give different values for the same thing?

Close paraphrases are aligned token by token; each changed span is classified (number, date,
name, negation, antonym) and everything else (synonyms, reordering) is no conflict. Facts the
alignment cannot pair are compared only when what they are about is clearly the same.
Precision matters more than recall: when in doubt, no conflict.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from tui.claims.facts import DateFact, Facts, NameFact, NumberFact
from tui.claims.terms import STOP_STEMS

EVENT_STEMS = frozenset({"visit", "leave", "meet", "vote", "open", "sign", "arrest", "dead",
                          "elect", "hold", "start", "end", "launch", "announc", "releas",
                          "ratify", "hearing", "trial", "strike", "flood", "storm"})


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
NEGATION_SPAN = 5
"""A negation conflict is a "not" inserted or removed with at most this many tokens changed."""
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
        _compare_polarity(fa, fb, plain_a, plain_b, ops, found)
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


_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "ø": "oe",
                           "å": "aa"})


def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _spelling_variant(a: str, b: str) -> bool:
    """Two spellings of one name: transliterations (Japarov/Zhaparov, Zelensky/Zelenskyy) or
    dropped diacritics (Álvarez/Alvarez, Müller/Mueller). Two names that both keep their native
    diacritics are written as their bearers write them, so Müller/Möller are two people."""
    if _fold(a) == _fold(b) or a.translate(_TRANSLIT) == b.translate(_TRANSLIT):
        return True
    if not a.isascii() and not b.isascii():
        return False
    return fuzz.ratio(a, b) >= 80


def _same_name(x: NameFact, y: NameFact) -> bool:
    if set(x.words) & set(y.words):
        return False
    return _spelling_variant(" ".join(x.words), " ".join(y.words))


_TITLES = {"sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
           "pres": "president", "lt": "lieutenant", "sgt": "sergeant", "col": "colonel",
           "atty": "attorney", "dept": "department", "st": "saint", "mr": "", "mrs": "",
           "ms": "", "dr": "doctor", "jr": "", "sr": "", "us": "united states",
           "u.s": "united states", "u.s.": "united states", "uk": "united kingdom",
           "u.k": "united kingdom", "america": "united states", "american": "united states"}


# AP-style state abbreviations, as US newsrooms write them after a place or a party: "(R-Fla.)".
_STATES = {
    "ala": "alabama", "ariz": "arizona", "ark": "arkansas", "calif": "california",
    "colo": "colorado", "conn": "connecticut", "del": "delaware", "fla": "florida",
    "ga": "georgia", "ill": "illinois", "ind": "indiana", "kan": "kansas", "ky": "kentucky",
    "la": "louisiana", "md": "maryland", "mass": "massachusetts", "mich": "michigan",
    "minn": "minnesota", "miss": "mississippi", "mo": "missouri", "mont": "montana",
    "neb": "nebraska", "nev": "nevada", "okla": "oklahoma", "ore": "oregon",
    "pa": "pennsylvania", "penn": "pennsylvania", "tenn": "tennessee", "tex": "texas",
    "vt": "vermont", "va": "virginia", "wash": "washington", "wis": "wisconsin",
    "wyo": "wyoming", "n.y": "new york", "n.j": "new jersey", "n.h": "new hampshire",
    "n.c": "north carolina", "s.c": "south carolina", "n.d": "north dakota",
    "s.d": "south dakota", "n.m": "new mexico", "r.i": "rhode island", "d.c": "washington",
}
_TITLES.update(_STATES)


def _canonical(words: list[str]) -> str:
    out = [_TITLES.get(w.rstrip("."), w.rstrip(".")) for w in words]
    return " ".join(w for w in out if w)


def _alias(a: list[str], b: list[str], prefixes: bool = True) -> bool:
    """Two ways of writing one name: a title or its abbreviation (Sen./Senator), an acronym
    and its words (CIA / Central Intelligence Agency, also partly: "CIA" / "Intelligence
    Agency"), an abbreviation with a prefix of the word (Fla./Florida, Calif./California)."""
    ca, cb = _canonical(a), _canonical(b)
    if ca == cb or ca.replace(".", "") == cb.replace(".", ""):
        return True  # also C.I.A. / CIA
    for short, long in ((ca, cb), (cb, ca)):
        letters = short.replace(".", "").replace(" ", "")
        initials = "".join(w[0] for w in long.split() if w)
        if 2 <= len(letters) <= 6 and len(short.split()) == 1 and len(initials) >= 2 and (
                initials in letters or letters in initials) and short.upper() != short.lower():
            return True
        if prefixes and len(short.split()) == 1 and len(long.split()) == 1 and len(short) >= 3 and (
                long.startswith(short.rstrip("."))):
            return True
    return False


def _has_acronym(pa: str, x: NameFact, pb: str, y: NameFact) -> bool:
    """One of the names is written with an acronym (CIA, F.B.I.)."""
    for plain, name in ((pa, x), (pb, y)):
        for word in plain[name.start:name.end].split():
            letters = word.replace(".", "")
            if 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper():
                return True
    return False


def _same_root(a: list[str], b: list[str]) -> bool:
    """A place and its people or adjective: Kyrgyz/Kyrgyzstan, Russia/Russian, Japan/Japanese.

    Rewording moves between them ("the Kyrgyz economy", "the economy of Kyrgyzstan"); only a
    whole-word prefix of four letters or more counts, so Iran/Iraq or Mali/Malawi are not merged.
    """
    if len(a) != 1 or len(b) != 1:
        return False
    short, long = sorted((a[0], b[0]), key=len)
    return len(short) >= 4 and long.startswith(short)


def _orphan(name: NameFact, own: Counter[str], other: Counter[str]) -> list[str]:
    """The distinctive words of ``name`` the other statement uses fewer times: "Russia's
    influence" -> "Novak's influence" still leaves "Russia-Kyrgyzstan" in both, and a name that
    merely moved ("Putin met Japarov" / "Japarov met Putin") has no orphan words."""
    if name.first == 0 and name.last == 1:
        return []  # a lone sentence-initial capital is as likely a common word
    return [w for w in name.distinctive if other[w] < own[w]]


_REPORTING = frozenset({"said", "say", "says", "wrote", "writes", "told", "tweeted", "added",
                        "according", "posted", "stated", "explained", "insisted"})


def _speaker(facts: Facts, name: NameFact) -> bool:
    """The name is the one a quote or claim is attributed to ("..., Mr. Comey wrote")."""
    norms = facts.tokens.norms
    around = norms[max(0, name.first - 2):name.first] + norms[name.last:name.last + 1]
    return any(w in _REPORTING for w in around)


def _quoted(plain: str, pos: int) -> bool:
    """``pos`` lies inside quotation marks."""
    before = plain[:pos]
    if before.count("\u201c") > before.count("\u201d"):
        return True
    return before.count('"') % 2 == 1


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
        pairs.append((xs[0], ys[0], _orphan(xs[0], words_a, words_b),
                      _orphan(ys[0], words_b, words_a)))
    if not pairs and close and reordered:
        # Reordered clauses: one orphan name on each side.
        xs2 = [(x, _orphan(x, words_a, words_b)) for x in fa.names]
        ys2 = [(y, _orphan(y, words_b, words_a)) for y in fb.names]
        xs2 = [(x, o) for x, o in xs2 if o]
        ys2 = [(y, o) for y, o in ys2 if o]
        if len(xs2) == 1 and len(ys2) == 1 and (
                _speaker(fa, xs2[0][0]) == _speaker(fb, ys2[0][0])):
            # Only names in the same role: "..., Mr. Comey wrote" is who reports the quote,
            # "(Russian President Vladimir) Putin" is in it.
            pairs.append((xs2[0][0], ys2[0][0], xs2[0][1], ys2[0][1]))
    for x, y, changed_a, changed_b in pairs:
        if not changed_a or not changed_b:
            continue
        if (_quoted(pa, x.start) and _quoted(pb, y.start)
                and changed_a[0][:1] == changed_b[0][:1]):
            continue  # two transcriptions of one quote ("Momma" / "Mama"), not two people
        if _spelling_variant(" ".join(changed_a), " ".join(changed_b)) or _same_name(x, y):
            continue
        rest_a = [w for w in x.words if w not in y.words]
        rest_b = [w for w in y.words if w not in x.words]
        if (_same_root(changed_a, changed_b) or _alias(changed_a, changed_b)
                or (rest_a and rest_b and _has_acronym(pa, x, pb, y)
                    and _alias(rest_a, rest_b, prefixes=False))):
            continue
        if any(len(w) <= 2 for w in changed_a + changed_b):
            continue
        found.append(Found("name", _text(pa, x.start, x.end), _text(pb, y.start, y.end)))
        return


def _window(plain: str, facts: Facts, i1: int, i2: int) -> str:
    toks = facts.tokens
    lo = max(0, i1 - 1)
    hi = min(len(toks), max(i2, i1) + 1)
    if hi <= lo:
        return ""
    return plain[toks.starts[lo]:toks.ends[hi - 1]]


def _unlimited(facts: Facts, word: str) -> bool:
    """``word`` (only/just/merely) occurs without a "not" before it."""
    norms = facts.tokens.norms
    return any(w == word and (k == 0 or norms[k - 1] != "not") for k, w in enumerate(norms))


def _negations(fa: Facts, fb: Facts) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Negation cues of both sides; "not merely" counts only where the other says "merely"."""
    out: list[tuple[int, ...]] = []
    for x, y in ((fa, fb), (fb, fa)):
        soft = [i for i in x.limiting if _unlimited(y, x.tokens.norms[i + 1])]
        out.append(tuple(sorted(x.negations + tuple(soft))))
    return out[0], out[1]


def _compare_polarity(fa: Facts, fb: Facts, pa: str, pb: str,
                      ops: list[tuple[str, int, int, int, int]], found: list[Found]) -> None:
    neg_a, neg_b = _negations(fa, fb)
    neg_flip = (len(neg_a) - len(neg_b)) % 2 == 1
    antonym: tuple[int, int, int, int] | None = None
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            continue
        sides_a = {(pid, side) for i, pid, side in fa.polar if i1 <= i < i2}
        sides_b = {(pid, side) for j, pid, side in fb.polar if j1 <= j < j2}
        all_a = {(pid, side) for _, pid, side in fa.polar}
        all_b = {(pid, side) for _, pid, side in fb.polar}
        for pid, side in sides_a:
            if (pid, 1 - side) in sides_b and (pid, 1 - side) not in all_a \
                    and (pid, side) not in all_b:
                antonym = (i1, i2, j1, j2)
                break
        if antonym:
            break
    if antonym is None:
        all_a = {(pid, side) for _, pid, side in fa.polar}
        all_b = {(pid, side) for _, pid, side in fb.polar}
        for i, pid, side in fa.polar:
            if (pid, 1 - side) in all_b and (pid, 1 - side) not in all_a \
                    and (pid, side) not in all_b:
                j = next(j for j, p2, s2 in fb.polar if p2 == pid and s2 == 1 - side)
                antonym = (i, i + 1, j, j + 1)
                break
    if antonym and neg_flip:
        return  # "did not win" vs "lost": the same fact.
    if antonym:
        i1, i2, j1, j2 = antonym
        a_word = next(pa[fa.tokens.starts[i]:fa.tokens.ends[i]] for i, _, _ in fa.polar
                      if i1 <= i < i2)
        b_word = next(pb[fb.tokens.starts[j]:fb.tokens.ends[j]] for j, _, _ in fb.polar
                      if j1 <= j < j2)
        found.append(Found("antonym", a_word, b_word))
        return
    if not neg_flip:
        return
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            continue
        in_a = [i for i in neg_a if i1 <= i < i2]
        in_b = [j for j in neg_b if j1 <= j < j2]
        if (len(in_a) - len(in_b)) % 2 == 1 and max(i2 - i1, j2 - j1) > NEGATION_SPAN:
            return  # a rewritten clause that happens to hold a "not"
        if (len(in_a) - len(in_b)) % 2 == 1 and _other_subjects(fa, fb, i1, j1):
            return  # "A and B pleaded guilty" / "C pleaded not guilty": different people
        if (len(in_a) - len(in_b)) % 2 == 1:
            if len(in_a) > len(in_b):
                scoped = _negates_shared(fa, fb, in_a[0], j2 - j1, i2 - i1)
            else:
                scoped = _negates_shared(fb, fa, in_b[0], i2 - i1, j2 - j1)
            if scoped:
                found.append(Found("negation", _window(pa, fa, i1, i2),
                                   _window(pb, fb, j1, j2)))
            return


def _other_subjects(fa: Facts, fb: Facts, i1: int, j1: int) -> bool:
    """Both statements name who acts before the changed words, and no name is shared."""
    before_a = {w for n in fa.names if n.first < i1 for w in n.distinctive}
    before_b = {w for n in fb.names if n.first < j1 for w in n.distinctive}
    return bool(before_a) and bool(before_b) and before_a.isdisjoint(before_b)


def _negates_shared(neg: Facts, other: Facts, cue: int, other_len: int, own_len: int) -> bool:
    """Does the negation deny something the other statement asserts? "has not confirmed" vs
    "has confirmed" (the negated word is in both) or "did not speak" vs "spoke" (a short
    rewrite of the same words); not "O'Neill, who did not address the court, must surrender"
    vs "O'Neill must report", where the negated clause has no counterpart at all."""
    stems = neg.tokens.stems
    for k in range(cue + 1, len(stems)):
        if neg.tokens.breaks[k] and k > cue + 1:
            break
        if stems[k] in STOP_STEMS or neg.tokens.norms[k] in ("not", "no", "never"):
            continue
        if stems[k] in other.tokens.stems:
            return True
        break
    return 0 < other_len <= 3 and own_len <= 4
