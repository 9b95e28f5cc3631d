"""Conflicts a fact-checker can trust: the false alarms real coverage produced, one test each."""

from __future__ import annotations

import pytest

from test_claims_index import doc
from tui.claims import build_index
from tui.claims.conflicts import compare
from tui.claims.facts import extract_facts


def graded(a: str, b: str) -> list[tuple[str, str, str, str]]:
    result = compare(extract_facts(a), extract_facts(b), a, b)
    return [(c.kind, c.a_value, c.b_value, c.confidence) for c in result.conflicts]


@pytest.mark.parametrize("a, b", [
    # Aliases, titles and abbreviations are one name.
    ("CIA Director Mike Pompeo met Kim Jong Un over Easter weekend.",
     "Central Intelligence Agency Director Mike Pompeo met Kim Jong Un over Easter weekend."),
    ("The F.B.I. Director Jane Roe resigned on Tuesday.",
     "The FBI Director Jane Roe resigned on Tuesday."),
    ("Sen. Jane Roe voted against the bill on Tuesday.",
     "Senator Jane Roe voted against the bill on Tuesday."),
    ("The storm hit Fla. on Monday, officials said.",
     "The storm hit Florida on Monday, officials said."),
    # deny / refuse negate the verb they govern.
    ("He denied taking the money from the fund.", "He did not take the money from the fund."),
    ("She refused to sign the letter on Friday.", "She did not sign the letter on Friday."),
    # Polarity is compared only for the same subject.
    ("Smith and Jones pleaded guilty to fraud charges in federal court.",
     "Brown pleaded not guilty to fraud charges in federal court."),
    # Each side's other figure is accounted for by the other statement.
    ("The administration plans to move about $200 million from Homeland Security and another "
     "$600 million from the Treasury Department's asset forfeiture account.",
     "That money includes about $600 million from the Treasury Department's forfeiture fund."),
    ("Trump will tap $2.5 billion from counternarcotics programs and $600 million from a "
     "Treasury Department asset forfeiture fund.",
     "The administration plans to move about $200 million from Homeland Security and another "
     "$600 million from the Treasury Department's asset forfeiture account."),
    # A one-word fragment is not a sentence frame to compare a long quote against.
    ("Because", "And I said, 'Baby, they don't, because they love you.'"),
    # A shared quote framed differently: a place and a spouse are not one name swapped.
    ("Posting on Facebook on Friday evening, Mary Roe wrote: \"For the record, I love my sister, "
     "but she is dead wrong on the issue of marriage.\"",
     "Mary Roe, married to Heather Poe since 2012, posted to her personal page: \"For the record, "
     "I love my sister, but she is dead wrong on the issue of marriage.\""),
])
def test_no_false_conflict(a: str, b: str) -> None:
    assert graded(a, b) == []


@pytest.mark.parametrize("a, b, kind", [
    ("The storm hit Georgia on Monday, officials said.",
     "The storm hit Florida on Monday, officials said.", "name"),
    ("He denied taking the money from the fund.", "He took the money from the fund.", "negation"),
    ("Smith pleaded guilty to fraud charges in federal court.",
     "Smith pleaded not guilty to fraud charges in federal court.", "negation"),
    ("Twelve people died in the fire, police said.",
     "Fourteen people died in the fire, police said.", "number"),
])
def test_one_sentence_with_a_changed_value_is_a_contradiction(a: str, b: str, kind: str) -> None:
    found = graded(a, b)
    assert [(k, conf) for k, _, _, conf in found] == [(kind, "contradiction")]


def test_differently_worded_reports_with_two_dates_are_a_possible_conflict() -> None:
    index = build_index([
        doc("d1", "Putin's arrival in Kyrgyzstan on November 25th was met with a military parade."),
        doc("d2", "On November 26, 2025, Putin's visit made Bishkek, the capital of Kyrgyzstan, "
                  "the focus of regional diplomacy."),
    ], copies=False)
    conflicts = [c for claim in index.claims for c in claim.conflicts]
    assert [c.kind for c in conflicts] == ["date"]
    assert conflicts[0].possible
    assert conflicts[0].reason == "possibly different date: November 25th / November 26, 2025"
    assert index.possible_only("d1:0")
    assert "both may be true" in index.verdicts["d1:0"].reason
