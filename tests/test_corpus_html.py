"""HTML main text: readability-lxml finds the story, our block reader lays it out."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tui.corpus.loader import load_corpus
from tui.corpus.html_text import html_units

STORY = [
    "The city council approved the new flood wall on Tuesday after a long debate.",
    "The vote was seven to two, with both dissenting members citing the cost overruns.",
    "Work on the wall will start in the spring and is expected to take two full years.",
    "The river flooded the old town three times in the last decade, officials said.",
    "Residents of the lower streets welcomed the decision at a packed public meeting.",
]
TEASER = "A teaser lede about a school board vote in another town entirely this week."
COMMENT = "I have lived here forty years and this wall will never be built on time, mark my words."


def _page(story_in_article: bool) -> str:
    body = "".join(f"<p>{p}</p>" for p in STORY)
    story = f"<article>{body}</article>" if story_in_article else f'<div class="story">{body}</div>'
    return (
        "<html><head><title>Council approves flood wall | River Times</title></head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/world'>World</a></nav></header>"
        "<div class='wrap'><div class='main'><h1>Council approves flood wall</h1>"
        f"{story}</div><div class='sidebar'><h2>More stories</h2>"
        f"<article class='teaser'><h3><a href='/x'>School board vote</a></h3><p>{TEASER}</p>"
        "</article></div></div>"
        f"<section id='comments'><h2>Comments (1)</h2><div class='comment'><p>{COMMENT}</p>"
        "</div></section><footer>© 2025 River Times</footer></body></html>"
    )


@pytest.mark.parametrize("extract", [True, False], ids=["readability", "fallback"])
def test_a_teaser_article_does_not_replace_the_story(extract: bool) -> None:
    text, units, title = html_units(_page(story_in_article=False), extract=extract)
    assert title == "Council approves flood wall"
    for paragraph in STORY:
        assert paragraph in text
    for unit in units:
        assert text[unit.start:unit.end].strip() == text[unit.start:unit.end]


def test_readability_drops_sidebar_teasers_and_comments(tmp_path: Path) -> None:
    f = tmp_path / "story.html"
    f.write_text(_page(story_in_article=False), encoding="utf-8")
    (doc,) = load_corpus([f]).documents
    assert TEASER not in doc.text and COMMENT not in doc.text
    assert doc.text.startswith("Council approves flood wall")  # the headline stays on top
    assert [s.text for s in doc.statements][:2] == STORY[:2]
    for s in doc.statements:
        assert doc.text[s.start:s.end] == s.text


def test_without_readability_the_own_extractor_reads_the_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "readability", None)  # import fails as if not installed
    f = tmp_path / "story.html"
    f.write_text(_page(story_in_article=True), encoding="utf-8")
    (doc,) = load_corpus([f]).documents
    assert [s.text for s in doc.statements][:len(STORY)] == STORY
    assert COMMENT not in doc.text  # outside any <article>


def test_a_page_readability_cannot_parse_still_loads() -> None:
    text, units, _ = html_units("<?xml version='1.0' encoding='utf-8'?><html><body><p>"
                                + STORY[0] + "</p></body></html>")
    assert STORY[0] in text and units
