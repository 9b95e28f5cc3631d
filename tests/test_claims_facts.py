"""Fact extraction: numbers with what they count, qualifiers, dates, names, negation, antonyms."""

from __future__ import annotations

import pytest

from tui.claims.facts import extract_facts


def _numbers(text: str) -> list[tuple[str, str, str]]:
    f = extract_facts(text)
    return [(text[n.start:n.end], n.qualifier, n.noun) for n in f.numbers]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A parcel spanning 12 acres within the base.", [("12", "exact", "acr")]),
        ("There are over 1,800 Russian companies in the republic.",
         [("over 1,800", "ge", "company")]),
        ("Nine schools are being built.", [("Nine", "exact", "school")]),
        ("Twelve people died.", [("Twelve", "exact", "people")]),
        ("At least 14 people were killed.", [("At least 14", "ge", "people")]),
        ("about 3,000 residents were moved", [("about 3,000", "approx", "resident")]),
        ("nearly 2 billion dollars of investment", [("nearly 2 billion", "nearly", "dollar")]),
        ("hundreds of thousands of Kyrgyz citizens working in Russia",
         [("hundreds of thousands", "vague", "citizen")]),
        ("up to 40 trains", [("up to 40", "le", "train")]),
        ("twenty-five percent", [("twenty-five", "exact", "percent")]),
    ],
)
def test_numbers_with_counted_nouns_and_qualifiers(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert _numbers(text) == expected


def test_number_values() -> None:
    f = extract_facts("nearly 2 billion dollars and twenty-five people and 1,800 firms")
    assert [n.value for n in f.numbers] == [2e9, 25, 1800]
    (vague,) = extract_facts("hundreds of thousands of workers").numbers
    assert vague.low == 100_000 and vague.high < 1_000_000


@pytest.mark.parametrize(
    ("text", "value", "fields"),
    [
        ("arrived on November 25th", "November 25th", {"month": 11, "day": 25}),
        ("On November 26, 2025, Bishkek", "November 26, 2025", {"year": 2025, "month": 11, "day": 26}),
        ("on Nov. 26 the talks", "Nov. 26", {"month": 11, "day": 26}),
        ("on 26 November the talks", "26 November", {"month": 11, "day": 26}),
        ("to open on September 1, 2027.", "September 1, 2027", {"year": 2027, "month": 9, "day": 1}),
        ("the first will open in 2027, and", "2027", {"year": 2027}),
        ("the summit in November 2025 will", "November 2025", {"year": 2025, "month": 11}),
        ("announced on Wednesday that", "Wednesday", {"weekday": 2}),
        ("filed 2025-11-26 in court", "2025-11-26", {"year": 2025, "month": 11, "day": 26}),
    ],
)
def test_dates(text: str, value: str, fields: dict[str, int]) -> None:
    (d,) = extract_facts(text).dates
    assert text[d.start:d.end] == value
    assert d.fields() == fields


def test_may_the_verb_is_not_a_month() -> None:
    assert extract_facts("Officials may visit the site.").dates == ()


def test_names_skip_sentence_initial_common_words() -> None:
    text = "The jury heard that Jane Holloway met Sadyr Japarov in Bishkek."
    names = [text[n.start:n.end] for n in extract_facts(text).names]
    assert names == ["Jane Holloway", "Sadyr Japarov", "Bishkek"]


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("The bridge was not damaged.", ["not"]),
        ("He wasn't flagged.", ["not"]),
        ("He never testified, and no child died.", ["never", "no"]),
        ("He left without paying.", ["without"]),
        ("It is not only a base but a hub.", []),
        ("Room no 5 was open.", []),
    ],
)
def test_negation_cues(text: str, cues: list[str]) -> None:
    f = extract_facts(text)
    assert [f.tokens.norms[i] for i in f.negations] == cues


@pytest.mark.parametrize(
    ("a", "b"),
    [("ratified", "rejected"), ("confirmed", "denied"), ("visited", "cancelled"),
     ("approved", "rejected"), ("accepted", "refused"), ("rose", "fell"),
     ("increased", "decreased"), ("won", "lost"), ("opened", "closed"),
     ("allowed", "banned"), ("admitted", "denied")],
)
def test_antonym_pairs(a: str, b: str) -> None:
    pa = {(pid, side) for _, pid, side in extract_facts(f"They {a} it.").polar}
    pb = {(pid, side) for _, pid, side in extract_facts(f"They {b} it.").polar}
    assert any((pid, 1 - side) in pb for pid, side in pa)
