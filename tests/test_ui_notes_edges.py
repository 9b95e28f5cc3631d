"""Pilot tests: keys typed right after ``a`` reach the editor; a note on a statement cut from a
renamed article is listed (and exported) as orphaned."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

from textual import events
from textual.widgets import OptionList

from tests.ui_fixtures import ARTICLE_C, make_document, ready, seed_notes, small_app, small_corpus, sync
from tui.app import SeedReaderApp
from tui.corpus.model import LoadResult
from tui.exports.command import EXIT_OK, export_command
from tui.notes import AnchorState, NoteStore
from tui.screens.note_editor import NoteEditorScreen
from tui.screens.notes_list import NotesListScreen
from tui.screens.reader import ReaderScreen


def reader(app: SeedReaderApp) -> ReaderScreen:
    screen = app.get_screen("reader")
    assert isinstance(screen, ReaderScreen)
    return screen


def typed(app: SeedReaderApp, keys: str) -> None:
    """Keys as a terminal delivers a fast typist's burst: all queued before any is handled."""
    for key in keys:
        name = {" ": "space", "#": "number_sign"}.get(key, key)
        app.post_message(events.Key(name, key))


@sync
async def test_keys_typed_right_after_a_go_into_the_note(tmp_path: Path) -> None:
    app = small_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        typed(app, "ajk x#verify")
        await pilot.pause()
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditorScreen)
        assert editor.text == "jk x#verify", "every key after a is in the note, in order"
        view = reader(app).active_view
        assert view is not None and view.cursor == 0, "none of them moved the reader"
        assert NoteStore.default(tmp_path).all_notes() == [], "x did not delete anything"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [n.body for n in NoteStore.default(tmp_path).all_notes()] == ["jk x#verify"]


@sync
async def test_keys_typed_right_after_e_go_into_the_edited_note(tmp_path: Path) -> None:
    seed_notes(tmp_path, (0, 0, "First"))
    app = small_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        typed(app, "e and more")
        await pilot.pause()
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditorScreen) and editor.text == "First and more"


def _renamed_corpus() -> list:  # type: ignore[type-arg]
    docs, _ = small_corpus()
    cut = "The talks were held behind closed doors.\n"
    assert cut in ARTICLE_C
    renamed = make_document("d3", "b/crowds-renamed.txt", ARTICLE_C.replace(cut, "A new closing line.\n"))
    return [docs[0], docs[1], renamed]


@sync
async def test_note_on_a_statement_cut_from_a_renamed_article_is_listed_as_orphaned(tmp_path: Path) -> None:
    seed_notes(tmp_path, (2, 1, "Who was in the room?"))
    app = small_app(tmp_path, _renamed_corpus())
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        assert [(a.state, a.doc_id) for a in reader(app).notes] == [(AnchorState.ORPHANED, "d3")]
        await pilot.press("o")
        await pilot.pause()
        listing = app.screen
        assert isinstance(listing, NotesListScreen)
        prompt = str(listing.query_one(OptionList).get_option_at_index(0).prompt)
        assert "orphaned" in prompt and "Who was in the room?" in prompt


def test_note_on_a_statement_cut_from_a_renamed_article_is_exported_as_orphaned(tmp_path: Path) -> None:
    seed_notes(tmp_path, (2, 1, "Who was in the room?"))
    out, err = tmp_path / "notes.md", io.StringIO()
    code = export_command(
        LoadResult(documents=tuple(_renamed_corpus()), problems=()), output=out, force=False, data_dir=tmp_path,
        report_error=print, now=datetime(2025, 11, 27, tzinfo=UTC), stderr=err,
    )  # fmt: skip
    assert code == EXIT_OK and "(1 orphaned)" in err.getvalue()
    orphans = out.read_text(encoding="utf-8").split("## Orphaned notes", 1)[1]
    assert "Who was in the room?" in orphans
