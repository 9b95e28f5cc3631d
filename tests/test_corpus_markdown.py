"""Markdown through markdown-it-py: blocks found by a real parser, offsets into the raw file,
inline syntax gone from ``plain``, bylines and share rows not statements."""

from __future__ import annotations

import pytest

from tui.corpus.document import document_from_text
from tui.corpus.markdown_text import markdown_plain
from tui.corpus.model import SpanKind


@pytest.mark.parametrize(("source", "plain"), [
    ("Putin arrived in **Bishkek** on *November 25th*.", "Putin arrived in Bishkek on November 25th."),
    ("Some **bold _nested_ text** here.", "Some bold nested text here."),
    ('He met [Sadyr Japarov](https://example.com/j "the president").', "He met Sadyr Japarov."),
    ("See [the report][1] for details.", "See the report for details."),
    ("Mail <mailto:desk@example.com> today.", "Mail mailto:desk@example.com today."),
    ("The `energy_policy *draft*` leaked.", "The energy_policy *draft* leaked."),
    ("Costs rose 5\\* in 2024 \\_really\\_.", "Costs rose 5* in 2024 _really_."),
    ("AT&amp;T and &quot;partners&quot; agreed.", 'AT&T and "partners" agreed.'),
    ("The snake_case_name stays.", "The snake_case_name stays."),
    ("An ![aerial photo](pic.png) of the dam.", "An aerial photo of the dam."),
    ("It was ~~approved~~ rejected.", "It was approved rejected."),
    ("Officials <b>said</b> no.", "Officials said no."),
    ("First line  \nsecond line.", "First line second line."),
    ("He said **the deal.", "He said the deal."),  # a sentence that ends inside **bold**
    ("A 2 * 3 grid.", "A 2 * 3 grid."),
])
def test_inline_markdown_is_removed_from_plain(source: str, plain: str) -> None:
    assert markdown_plain(source) == plain


ARTICLE = """---
title: "Flood Wall Approved"
outlet: River Times
---

# Flood Wall Approved

*By Jane Roe* | [Share](https://example.com/share) | [Tweet](https://example.com/t)

The city council **approved** the flood wall on Tuesday. The vote was seven to two.

> Residents have waited *ten years* for this,
> the mayor said.

- [x] Work starts in the spring.
- The wall will take two years.

| Cost | Year |
|------|------|
| 12 million | 2026 |

[Share](https://example.com/share) · [Email](mailto:x@example.com)

[1]: https://example.com/ref
"""


def test_bylines_and_share_rows_are_not_statements() -> None:
    doc = document_from_text(ARTICLE, doc_id="d1", path="flood.md", fmt="md")
    assert doc.text == ARTICLE
    assert doc.title == "Flood Wall Approved"
    assert doc.outlet == "River Times"
    plains = [s.plain for s in doc.statements]
    assert plains == [
        "The city council approved the flood wall on Tuesday.",
        "The vote was seven to two.",
        "Residents have waited ten years for this, the mayor said.",
        "Work starts in the spring.",
        "The wall will take two years.",
    ]
    assert any(sp.kind is SpanKind.BYLINE and sp.text.startswith("*By Jane Roe*")
               for sp in doc.spans)
    for s in doc.statements:
        assert ARTICLE[s.start:s.end] == s.text
    quote = doc.statements[2]
    assert quote.text == "Residents have waited *ten years* for this,\n> the mayor said."


def test_code_blocks_html_and_image_paragraphs_are_skipped() -> None:
    text = ("Intro sentence about the vote.\n\n    indented code line.\n\n```\nprint('no')\n```\n\n"
            "<div class=\"ad\">Buy now.</div>\n\n![photo](p.png)\n\nSetext Heading\n---\n\n"
            "Final sentence about the wall.\n")
    doc = document_from_text(text, doc_id="d1", path="x.md", fmt="md")
    assert [s.plain for s in doc.statements] == ["Intro sentence about the vote.",
                                                "Final sentence about the wall."]
    assert any(sp.kind is SpanKind.HEADING and sp.text == "Setext Heading" for sp in doc.spans)
