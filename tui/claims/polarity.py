"""Negation and opposite verbs: does one statement deny what the other asserts?

Compared only within one sentence frame (``conflicts.compare`` decides that): "denied taking"
agrees with "did not take", a "not" in a rewritten clause is not a denial, and polarity is
compared only between statements about the same subject.
"""

from __future__ import annotations

from tui.claims.facts import Facts
from tui.claims.found import Found
from tui.claims.terms import STOP_STEMS

NEGATION_SPAN = 5
"""A negation conflict is a "not" inserted or removed with at most this many tokens changed."""


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


def compare_polarity(fa: Facts, fb: Facts, pa: str, pb: str,
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
