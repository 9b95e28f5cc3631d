"""Linking internals: which words count as one word, and the evidence a link needs."""

from __future__ import annotations

from tui.claims.grouping import group
from tui.claims.lexical import Item, ScoredPair, _close, score_pair


def test_close_merges_spellings_not_related_words() -> None:
    assert not _close("coincid", "coincidenc", 85.0)
    assert _close("kyrgyz", "kyrgyzstan", 85.0, names=True)
    assert not _close("kyrgyz", "kyrgyzstan", 85.0, names=False)
    assert _close("russia", "russian", 85.0)
    assert _close("organisation", "organization", 85.0)
    assert not _close("educational", "educat", 85.0)


def test_close_matches_roundings_of_one_count_but_not_years() -> None:
    assert _close("1100", "1140", 85.0)
    assert _close("1700", "1736", 85.0)
    assert not _close("12", "14", 85.0)
    assert not _close("2022", "2023", 85.0)
    assert not _close("1100", "2300", 85.0)


def _item(doc: int, *terms: str) -> Item:
    return Item(doc, frozenset(terms), {}, {t: t for t in terms}, frozenset(),
                {t: k for k, t in enumerate(terms)})


def test_one_piece_of_evidence_is_not_a_link() -> None:
    weights = {"alliance": 3.0, "strong": 1.0, "visit": 1.0, "demonstrat": 1.0}
    x = _item(0, "alliance")
    y = _item(1, "visit", "demonstrat", "strong", "alliance")
    assert score_pair(x, y, weights, 85.0, None, (0.5, 2))[0] == 0.0
    assert score_pair(x, y, weights, 85.0, None, (0.0, 0))[0] > 0.0


def test_score_covers_both_sides() -> None:
    weights = {t: 1.0 for t in "abcdefghij"}
    short = _item(0, "a", "c")
    long = _item(1, *"abcdefghij")
    same = _item(1, "a", "c")
    s_long, _ = score_pair(short, long, weights, 85.0)
    s_same, _ = score_pair(short, same, weights, 85.0)
    assert s_same == 1.0
    assert s_long < 0.4


def test_adjacent_shared_terms_are_one_piece_of_evidence() -> None:
    weights = {"sadyr": 3.0, "japarov": 3.0, "talk": 1.0}
    x = _item(0, "sadyr", "japarov")
    y = _item(1, "sadyr", "japarov", "talk")
    assert score_pair(x, y, weights, 85.0, None, (0.5, 2))[0] == 0.0


def test_group_refuses_two_statements_of_one_document() -> None:
    items = [_item(0, "x"), _item(0, "y"), _item(1, "z")]
    roots = group(items, [ScoredPair(0, 2, 0.9, ()), ScoredPair(1, 2, 0.8, ())])
    assert roots[0] == roots[2]
    assert roots[1] != roots[2]
