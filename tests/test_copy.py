"""Getting text out: mouse selection in an article and ``y``, the statement with its source."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.geometry import Offset
from textual.selection import Selection

from tests.ui_fixtures import make_document, ready, small_app, small_corpus, sync
from tui.labels import citation
from tui.widgets.article_view import GUTTER


def test_citation_carries_outlet_title_position_and_address() -> None:
    docs, _ = small_corpus()
    doc = replace(docs[1], outlet="Reuters", url="https://example.com/visit", published="2025-11-26")
    text = citation(doc, doc.statements[0])
    assert text.startswith("“The president landed in the capital on November 26, 2025.”\n")
    assert "Reuters, “State visit begins”, 2025-11-26, statement 1 of 4" in text
    assert "https://example.com/visit" in text


def test_citation_never_pastes_control_characters() -> None:
    doc = make_document("d1", "evil.txt", "Escape \x1b[31mred\x1b[0m here.\n")
    assert "\x1b" not in citation(doc, doc.statements[0])


@sync
async def test_y_copies_the_statement_with_its_source(tmp_path: Path) -> None:
    app = small_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("j")
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard.startswith("“About 3,000 people lined the streets to greet him.”")
        assert "“Leader arrives in capital”, statement 2 of 4" in app.clipboard
        assert "a/leader-arrives.txt" in app.clipboard


@sync
async def test_mouse_selection_in_an_article_copies_its_text(tmp_path: Path) -> None:
    app = small_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        view = app.reader.panes[0].view
        rows = [view.render_line(y) for y in range(view.scrollable_content_region.height)]
        assert any(s.style and s.style.meta.get("offset") for s in rows[0]), "strips carry offsets"
        first, last = view.statement_lines(0)
        second_first, second_last = view.statement_lines(1)
        app.reader.selections = {view: Selection(Offset(GUTTER, first), Offset(GUTTER + 5, second_last - 1))}
        await pilot.pause()
        text = app.reader.get_selected_text()
        assert text is not None
        assert text.startswith("The president arrived in the capital on November 25th for a state visit. About")
        assert "\x1b" not in text and "▌" not in text


@sync
async def test_clicking_a_version_in_the_claim_panel_jumps_there(tmp_path: Path) -> None:
    from textual.widgets import Static

    from tui.widgets.claim_panel import ClaimPanel

    app = small_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("j")  # d1:1, reported by d2:1 and d3:0 too
        await ready(pilot)
        panel = app.reader.query_one(ClaimPanel)
        body = panel.query_one("#claim-body", Static)
        lines = panel.describe().plain.split("\n")
        row = next(n for n, line in enumerate(lines) if "crowds.txt #1" in line and "Crowds of about" in line)
        await pilot.click(body, offset=(10, row))
        await ready(pilot)
        assert app.reader._current_statement_id() == "d3:0"
