"""Pilot tests of verdicts: rate in the editor, see the rating in the gutter, the claim panel and
the notes list, and filter the list by rating."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from tests.test_ui_notes import current_id, panel_text, reader, store_at, type_text
from tests.ui_fixtures import ready, seed_notes, small_app, sync, view_text
from tui.notes.ratings import RatingScale
from tui.screens.note_editor import NoteEditorScreen
from tui.screens.notes_list import NotesListScreen
from tui.screens.reader import ReaderScreen


def gutter(app: object, doc_id: str) -> list[str]:
    """The note column of each first line that has a mark (``•`` or a rating letter)."""
    for pane in reader(app).panes:  # type: ignore[arg-type]
        if pane.document.id == doc_id:
            return [row[1] for row in view_text(pane.view) if row[1:2].strip()]
    raise AssertionError(doc_id)


@sync
async def test_ctrl_r_rates_a_note_shown_in_gutter_panel_and_store(tmp_path: Path) -> None:
    app = small_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("a")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditorScreen)
        assert "rating: none" in str(editor.query_one("#note-rating", Static).render())
        await type_text(pilot, "Other outlets say 26")
        await pilot.press(*["ctrl+r"] * 5)  # true, mostly true, mixed, mostly false, false
        await pilot.pause()
        assert editor.rating == "false"
        assert "[rated: false]" in str(editor.query_one("#note-rating", Static).render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        [stored] = store_at(tmp_path).all_notes()
        assert (stored.body, stored.rating) == ("Other outlets say 26", "false")
        assert current_id(app) == "d1:0"
        assert gutter(app, "d1") == ["F"], "the gutter shows the verdict, not just a dot"
        assert "[rated: false]" in panel_text(app)
        # editing: the rating can change without touching the text, and is cleared past the end
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditorScreen) and app.screen.rating == "false"
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert app.screen.rating == "unproven"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store_at(tmp_path).all_notes()[0].rating == "unproven"
        assert gutter(app, "d1") == ["u"]
        await pilot.press("e", "ctrl+r", "ctrl+s")
        await pilot.pause()
        assert store_at(tmp_path).all_notes()[0].rating is None
        assert gutter(app, "d1") == ["•"]


@sync
async def test_notes_list_shows_and_filters_ratings(tmp_path: Path) -> None:
    rated_false, rated_true, plain = seed_notes(
        tmp_path, (0, 0, "Date is wrong"), (1, 1, "Matches the record"), (1, 2, "Ask the ministry")
    )
    with store_at(tmp_path) as store:
        store.update(rated_false.id, rated_false.body, rated_false.revision, rating="false")
        store.update(rated_true.id, rated_true.body, rated_true.revision, rating="mostly true")
    app = small_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("o")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NotesListScreen)
        header = str(screen.query_one("#notes-tags", Static).render())
        assert "[rated: mostly true] 1" in header and "[rated: false] 1" in header
        field = screen.query_one(Input)

        def shown() -> list[str]:
            return [a.note.body for a in screen.shown]

        field.value = "rating:false"
        await pilot.pause()
        assert shown() == ["Date is wrong"]
        field.value = "rating:mostly-true matches"
        await pilot.pause()
        assert shown() == ["Matches the record"]
        field.value = "rating:none"
        await pilot.pause()
        assert shown() == ["Ask the ministry"]
        field.value = "rating:any"
        await pilot.pause()
        assert sorted(shown()) == ["Date is wrong", "Matches the record"]
        # ctrl+r cycles the ratings in use, best first, then unrated, then no filter
        field.value = ""
        await pilot.pause()
        seen = []
        for _ in range(4):
            await pilot.press("ctrl+r")
            await pilot.pause()
            seen.append((field.value, len(screen.shown)))
        assert seen == [("rating:mostly-true", 1), ("rating:false", 1), ("rating:none", 1), ("", 3)]
        assert plain.rating is None


@sync
async def test_configured_ratings_are_offered_in_order(tmp_path: Path) -> None:
    app = small_app(tmp_path, ratings=RatingScale(("correct", "pants on fire"), ()))
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("a")
        await type_text(pilot, "x")
        await pilot.press("ctrl+r", "ctrl+r", "ctrl+s")
        await pilot.pause()
        assert store_at(tmp_path).all_notes()[0].rating == "pants on fire"
        assert gutter(app, "d1") == ["F"]
