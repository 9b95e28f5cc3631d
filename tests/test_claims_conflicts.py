"""Conflicts between linked statements: each kind, and the cases that must not conflict."""

from __future__ import annotations

import pytest

from tests.claims_helpers import conflicts
from tui.claims.conflicts import compare
from tui.claims.facts import extract_facts


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Putin's arrival in Kyrgyzstan on November 25th was met with a spectacle.",
         "Putin's arrival in Kyrgyzstan on November 26, 2025 was met with a spectacle.",
         ("date", "November 25th", "November 26, 2025")),
        ("The flood left 12 dead in the valley.", "The flood left at least 14 dead in the valley.",
         ("number", "12", "at least 14")),
        ("The witness, Jane Holloway, told the court she saw the car.",
         "The witness, Joan Holloway, told the court she saw the car.",
         ("name", "Jane Holloway", "Joan Holloway")),
        ("The account was not flagged by the bank.", "The account was flagged by the bank.",
         ("negation", "was not flagged", "was flagged")),
        ("The parliament ratified the agreement on Wednesday.",
         "The parliament rejected the agreement on Wednesday.",
         ("antonym", "ratified", "rejected")),
        ("Shares rose 5 percent in Frankfurt after the announcement.",
         "After the announcement shares fell 5 percent in Frankfurt.",
         ("antonym", "rose", "fell")),
        ("Troops arrived from Russia on Monday.", "Troops arrived from Belarus on Monday.",
         ("name", "Russia", "Belarus")),
        ("Revenue rose 11 percent to 31 billion euros, helped by vans.",
         "Helped by vans, revenue rose 8 percent to 31 billion euros.",
         ("number", "11", "8")),
    ],
)
def test_conflict_kinds(a: str, b: str, expected: tuple[str, str, str]) -> None:
    assert conflicts(a, b) == [expected]
    for kind, va, vb in conflicts(a, b):
        assert va in a and vb in b


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The summit took place in November 2025 in Bishkek.",
         "The summit took place on November 26, 2025 in Bishkek."),
        ("16,000 Kyrgyz citizens are studying in Russia.",
         "hundreds of thousands of Kyrgyz workers are working in Russia."),
        ("About 3,000 residents were moved to shelters.", "3,200 residents were moved to shelters."),
        ("Twelve people died in the fire.", "12 people died in the fire."),
        ("The talks began on Nov. 25 in the capital.",
         "The talks began on November 25th in the capital."),
        ("Troops from the U.S. arrived on Monday.", "Troops from the United States arrived on Monday."),
        ("The council approved the budget on Monday.",
         "The budget was approved by the council on Monday."),
        ("Police arrested 12 men in Leeds.", "12 men were arrested in Leeds by police."),
        ("Insurers estimate the damage at nearly 80 million dollars.",
         "Insurance companies put the damage at almost 80 million dollars."),
        ("More than 40 former clients attended the hearing.",
         "Over 40 former clients attended the hearing."),
        ("Reyes did not win the vote.", "Reyes lost the vote."),
        ("Labor migration and remittances are a vital pillar of the Kyrgyz economy.",
         "Remittances and labor migration are a crucial pillar of the economy of Kyrgyzstan."),
        ("Japanese exporters welcomed the deal.", "Exporters from Japan welcomed the deal."),
    ],
)
def test_no_conflict(a: str, b: str) -> None:
    assert conflicts(a, b) == []


def test_rounding_is_compatible_and_noted() -> None:
    a = "About 3,000 residents were moved to shelters."
    b = "3,200 residents were moved to shelters."
    result = compare(extract_facts(a), extract_facts(b), a, b)
    assert result.conflicts == ()
    assert result.notes and "About 3,000" in result.notes[0] and "3,200" in result.notes[0]


def test_exact_round_numbers_still_conflict() -> None:
    assert conflicts("3,000 residents were moved.", "3,200 residents were moved.") == [
        ("number", "3,000", "3,200")]
