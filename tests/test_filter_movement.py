"""With a filter on, the footer says that j/k skip the dimmed statements, and reaching one says why."""

from __future__ import annotations

from pathlib import Path

from tests.ui_fixtures import ready, small_app, sync
from tui.state import ReaderState, StateStore
from tui.widgets.article_pane import PaneHeader


def footer_labels(app: object) -> set[str]:
    screen = app.reader  # type: ignore[attr-defined]
    labels = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        labels.add(binding.description)
        if binding.group is not None:
            labels.add(binding.group.description)
    return labels


def header(app: object, doc_id: str) -> str:
    pane = app.reader.query_one(f"#pane-{doc_id}")  # type: ignore[attr-defined]
    return str(pane.query_one(PaneHeader).render())


def messages(app: object) -> list[str]:
    return [n.message for n in app._notifications]  # type: ignore[attr-defined]


@sync
async def test_filter_tells_the_footer_and_the_reader_what_j_and_k_do(tmp_path: Path) -> None:
    app = small_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        screen = app.reader
        assert {"Filter", "Move"} <= footer_labels(app)
        await pilot.press("f")  # conflicting only
        await ready(pilot)
        assert {"Filter: conflicting", "Move (conflicting only)"} <= footer_labels(app)
        assert screen._current_statement_id() == "d1:0"
        await pilot.press("j")  # d1:0 is the only conflicting statement of d1
        await ready(pilot)
        assert screen._current_statement_id() == "d1:0"
        assert any("No conflicting statement below in this article" in m for m in messages(app))

        await pilot.press("f")  # uncorroborated only: the cursor's own statement is now dim
        await ready(pilot)
        assert "dimmed: the filter shows uncorroborated statements" in header(app, "d1")
        assert "dimmed by the filter" in header(app, "d2")  # its counterpart, also conflicting
        await pilot.press("j")
        await ready(pilot)
        assert screen._current_statement_id() == "d1:3"
        assert "dimmed" not in header(app, "d1")


@sync
async def test_a_filter_restored_from_last_time_is_announced(tmp_path: Path) -> None:
    StateStore(tmp_path).save("small", ReaderState(filter="conflicting"))
    app = small_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        assert any(m.startswith("Filter from last time: only conflicting") for m in messages(app))
        assert "Filter: conflicting" in footer_labels(app)
