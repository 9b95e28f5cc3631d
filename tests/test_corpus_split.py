"""Sentence and clause splitting: the table of hard cases, plus the offset invariant."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.corpus import document_from_text
from tui.corpus.split import statement_ranges


def pieces(text: str) -> list[str]:
    return [text[s:e] for s, e in statement_ranges(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. Embassy issued a statement. It was brief.",
         ["The U.S. Embassy issued a statement.", "It was brief."]),
        ("Mr. Japarov met Dr. Smith in Bishkek. They talked.",
         ["Mr. Japarov met Dr. Smith in Bishkek.", "They talked."]),
        ("The vote is set for Nov. 5 in Bishkek. Turnout is expected to be low.",
         ["The vote is set for Nov. 5 in Bishkek.", "Turnout is expected to be low."]),
        ("Talks began in Jan. 2024 and ended quickly.",
         ["Talks began in Jan. 2024 and ended quickly."]),
        ("Growth reached 3.5 percent last year. Inflation fell.",
         ["Growth reached 3.5 percent last year.", "Inflation fell."]),
        ("The book by J. R. R. Tolkien sold well. Critics agreed.",
         ["The book by J. R. R. Tolkien sold well.", "Critics agreed."]),
        ("Exports include metals, e.g. gold and copper. Imports grew.",
         ["Exports include metals, e.g. gold and copper.", "Imports grew."]),
        ("They visited St. Petersburg on Monday.", ["They visited St. Petersburg on Monday."]),
        ("The deal was signed in the U.S. The ministry confirmed it.",
         ["The deal was signed in the U.S.", "The ministry confirmed it."]),
        ("‘This is a test of CSTO unity,’ said a NATO analyst. ‘The base matters.’",
         ["‘This is a test of CSTO unity,’ said a NATO analyst.", "‘The base matters.’"]),
        ("He said, “We are allies.” Then he left.",
         ["He said, “We are allies.”", "Then he left."]),
        ("Is the base closing? Officials denied it! The talks continued.",
         ["Is the base closing?", "Officials denied it!", "The talks continued."]),
        ("“Why now?” he asked the reporters.", ["“Why now?” he asked the reporters."]),
        ("The answer was unclear… Officials said nothing.",
         ["The answer was unclear…", "Officials said nothing."]),
        ("The answer was... unclear to everyone.", ["The answer was... unclear to everyone."]),
        ("Nine schools are being built in Kyrgyzstan, the first of which will open in 2027, "
         "and 157 Russian teachers are working in the republic.",
         ["Nine schools are being built in Kyrgyzstan, the first of which will open in 2027",
          "157 Russian teachers are working in the republic."]),
        # Not two claims: the second half has no verb of its own.
        ("Russia has defence agreements with Kazakhstan, Belarus, and Tajikistan.",
         ["Russia has defence agreements with Kazakhstan, Belarus, and Tajikistan."]),
        # A lower-case subject is not split (precision over recall).
        ("Kyrgyzstan needs new capacities, and the Russian side is ready to help.",
         ["Kyrgyzstan needs new capacities, and the Russian side is ready to help."]),
        # A quotation is never cut at its ", and".
        ("He said, “The base was built in 2003, and Russia will keep it for decades.”",
         ["He said, “The base was built in 2003, and Russia will keep it for decades.”"]),
        ("The meeting ended at 5 p.m. on Tuesday.", ["The meeting ended at 5 p.m. on Tuesday."]),
        ("Asked about the base, he said no. The ministry agreed.",
         ["Asked about the base, he said no.", "The ministry agreed."]),
        ("The law passed as No. 12 on Monday.", ["The law passed as No. 12 on Monday."]),
        ("Prices rose (see Fig. 2 below). Wages fell.",
         ["Prices rose (see Fig. 2 below).", "Wages fell."]),
    ],
)
def test_split_table(text: str, expected: list[str]) -> None:
    assert pieces(text) == expected


def test_offsets_survive_leading_and_trailing_space() -> None:
    text = "   First claim here.   Second claim here.  "
    ranges = statement_ranges(text, 0, len(text))
    assert [text[s:e] for s, e in ranges] == ["First claim here.", "Second claim here."]
    assert ranges[0][0] == 3


_ALPHABET = st.sampled_from(
    list("abcXYZ .,!?…:;\"'“”‘’()[]*_#->`\n\n  \t•1234567890")
    + ["Mr. ", "U.S. ", "e.g. ", "Nov. 5", "# ", "- ", "**", "[a](b)", "```\n", "---\n",
       "Пу́тин ", "Кыргызстан. ", "\r\n", "\u2028", "\x00", "é", "日本. "]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join), st.sampled_from(["txt", "md", "html"]))
def test_statements_are_exact_ordered_slices(text: str, fmt: str) -> None:
    doc = document_from_text(text, doc_id="d1", path="x", fmt=fmt)
    last_end = 0
    for i, s in enumerate(doc.statements):
        assert doc.text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert s.start >= last_end
        assert s.index == i and s.id == f"d1:{i}"
        last_end = s.end
    for span in doc.spans:
        assert doc.text[span.start : span.end] == span.text
