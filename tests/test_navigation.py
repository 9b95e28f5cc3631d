"""Where n/N/u/U land and what they say, as plain functions and in the reader."""

from __future__ import annotations

from pathlib import Path

from tests.ui_fixtures import ready, small_app, sync
from tui.navigation import Found, find_next, wrap_message


def test_find_next_goes_round_once_and_says_when_it_wrapped() -> None:
    hits = {2, 5}
    assert find_next(8, 2, 1, hits.__contains__) == Found(5, wrapped=False)
    assert find_next(8, 5, 1, hits.__contains__) == Found(2, wrapped=True)
    assert find_next(8, 2, -1, hits.__contains__) == Found(5, wrapped=True)
    assert find_next(8, 0, 1, set().__contains__) is None


def test_the_only_match_is_not_called_a_wrap() -> None:
    found = find_next(8, 3, 1, {3}.__contains__)
    assert found == Found(3, wrapped=True, only=True)
    assert wrap_message(found, "conflicting", 1) == "This is the only conflicting statement in these articles"
    assert wrap_message(Found(1, wrapped=False), "conflicting", 1) is None
    assert "back to the first" in (wrap_message(Found(1, wrapped=True), "conflicting", 1) or "")


@sync
async def test_n_past_the_last_conflict_says_it_went_back_to_the_first(tmp_path: Path) -> None:
    app = small_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        screen = app.reader
        await pilot.press("n")  # d1:0 is the cursor's own statement: the next is d2:0
        await ready(pilot)
        assert screen._current_statement_id() == "d2:0"
        assert not [n for n in app._notifications if "wrap" in n.message.lower()]
        await pilot.press("n")
        await ready(pilot)
        assert screen._current_statement_id() == "d1:0"
        messages = [n.message for n in app._notifications]
        assert "No conflicting statement after this one: back to the first" in messages
        assert not [m for m in messages if "Search wrapped" in m]
