"""The combiner's wording features, checked against plain definitions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.claims.combine import _longest_run

words = st.lists(st.sampled_from("abcd"), max_size=15).map(tuple)


def _naive_longest_run(a: tuple[str, ...], b: tuple[str, ...], least: int = 3) -> int:
    best = 0
    for k in range(len(a)):
        for m in range(len(b)):
            run = 0
            while k + run < len(a) and m + run < len(b) and a[k + run] == b[m + run]:
                run += 1
            if run >= least:
                best = max(best, run)
    return best


@given(words, words)
def test_longest_shared_run_matches_the_plain_definition(a: tuple[str, ...],
                                                         b: tuple[str, ...]) -> None:
    # The fast version skips starts inside a longer run; it must still find the longest.
    assert _longest_run(a, b) == _naive_longest_run(a, b)


def test_a_quoted_phrase_is_one_run() -> None:
    a = tuple("the senator said we will not back down today".split())
    b = tuple("asked about it she said we will not back down at all".split())
    assert _longest_run(a, b) == 6  # "said we will not back down"
