"""Pilot tests of notes in the reader: add, edit, delete and undo, cancel, list, jump, orphans,
export and a store that cannot be used. Each test has its own data directory (``tmp_path``)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static, TextArea

from tests.ui_fixtures import make_document, ready, seed_notes, small_app, small_corpus, sync, view_text
from tui.app import SeedReaderApp
from tui.notes import AnchorState, NoteStore
from tui.screens.confirm import ConfirmScreen
from tui.screens.export_dialog import ExportScreen
from tui.screens.note_editor import NoteEditorScreen
from tui.screens.notes_list import NotesListScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.article_view import NOTE_MARK
from tui.widgets.claim_panel import ClaimPanel


def store_at(data_dir: Path) -> NoteStore:
    return NoteStore.default(data_dir)


def reader(app: SeedReaderApp) -> ReaderScreen:
    screen = app.get_screen("reader")
    assert isinstance(screen, ReaderScreen)
    return screen


def current_id(app: SeedReaderApp) -> str:
    view = reader(app).active_view
    assert view is not None
    return view.document.statements[view.cursor].id


def messages(app: SeedReaderApp) -> list[str]:
    return [n.message for n in app._notifications]


def panel_text(app: SeedReaderApp) -> str:
    return reader(app).query_one(ClaimPanel).describe().plain


def gutter_marks(app: SeedReaderApp, doc_id: str) -> list[str]:
    """Rows of the pane for ``doc_id`` that carry the note marker in the gutter."""
    for pane in reader(app).panes:
        if pane.document.id == doc_id:
            return [row for row in view_text(pane.view) if row[1:2] == NOTE_MARK]
    raise AssertionError(f"no pane for {doc_id}")


async def type_text(pilot: object, text: str) -> None:
    keys = ["space" if ch == " " else ("number_sign" if ch == "#" else ch) for ch in text]
    await pilot.press(*keys)  # type: ignore[attr-defined]


@sync
async def test_a_adds_a_note_saved_in_the_store_marked_and_shown_in_the_claim_panel(tmp_path: Path) -> None:
    app = small_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("a")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditorScreen)
        assert editor.statement.id == "d1:0"
        shown = " ".join(str(w.render()) for w in editor.query(Static))
        assert "November 25th" in shown, "the statement being annotated is shown"
        assert "conflicting" in shown and "November 26, 2025" in shown, "with its status and reason"
        await type_text(pilot, "Check the date #verify")
        await pilot.pause()
        assert "#verify" in str(editor.query_one("#note-tags", Static).render()), "tags are parsed live"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        stored = store_at(tmp_path).all_notes()
        assert [(n.body, n.tags) for n in stored] == [("Check the date #verify", ("verify",))]
        assert len(gutter_marks(app, "d1")) == 1
        assert gutter_marks(app, "d2") == []
        assert "Check the date #verify" in panel_text(app)
        # the claim panel on the linked statement in another article shows the note and its article
        await pilot.press("l")
        await pilot.pause()
        assert current_id(app) == "d2:0"
        text = panel_text(app)
        assert "Check the date" in text and "leader-arrives.txt #1" in text
        assert "1 note" in str(reader(app).query_one("#status-text", Static).render())


@sync
async def test_notes_from_an_earlier_session_are_marked_when_the_reader_opens(tmp_path: Path) -> None:
    seed_notes(tmp_path, (1, 2, "From yesterday #confirmed"))
    app = small_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        assert [a.statement_id for a in reader(app).notes] == ["d2:2"]
        assert len(gutter_marks(app, "d2")) == 1
        assert gutter_marks(app, "d1") == []
        await pilot.press("j", "j")  # d1:2 is linked to d2:2
        await pilot.pause()
        assert "From yesterday" in panel_text(app)


@sync
async def test_e_edits_the_note_on_the_current_statement(tmp_path: Path) -> None:
    [note] = seed_notes(tmp_path, (0, 0, "First thought"))
    app = small_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("e")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditorScreen) and editor.editing
        area = editor.query_one(TextArea)
        assert area.text == "First thought"
        await type_text(pilot, " #false")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        with store_at(tmp_path) as store:
            edited = store.get(note.id)
        assert edited.body == "First thought #false"
        assert edited.tags == ("false",)
        assert edited.revision == note.revision + 1
        assert "First thought #false" in panel_text(app)
        # e again edits the saved revision, not the stale one
        await pilot.press("e")
        await pilot.pause()
        await type_text(pilot, "!")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        with store_at(tmp_path) as store:
            assert store.get(note.id).body == "First thought #false!"


@sync
async def test_edit_conflict_keeps_the_text_and_says_why(tmp_path: Path) -> None:
    [note] = seed_notes(tmp_path, (0, 0, "Mine"))
    app = small_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("e")
        await pilot.pause()
        with store_at(tmp_path) as other:  # another reader saves first
            other.update(note.id, "Theirs", note.revision)
        await type_text(pilot, " too")
        await pilot.press("ctrl+s")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditorScreen), "the editor stays open"
        assert editor.query_one(TextArea).text == "Mine too"
        assert any("changed by another reader" in m for m in messages(app))
        with store_at(tmp_path) as store:
            assert store.get(note.id).body == "Theirs"


@sync
async def test_x_deletes_and_ctrl_z_brings_the_note_back(tmp_path: Path) -> None:
    [note] = seed_notes(tmp_path, (0, 0, "Delete me #verify"))
    app = small_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        assert len(gutter_marks(app, "d1")) == 1
        await pilot.press("x")
        await pilot.pause()
        assert "Note deleted — ctrl+z to undo" in messages(app)
        assert store_at(tmp_path).all_notes() == []
        assert gutter_marks(app, "d1") == []
        assert "Delete me" not in panel_text(app)
        await pilot.press("j")  # undo works after moving away, and brings the cursor back
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        await pilot.pause()
        restored = store_at(tmp_path).all_notes()
        assert [(n.id, n.body) for n in restored] == [(note.id, "Delete me #verify")]
        assert len(gutter_marks(app, "d1")) == 1
        assert current_id(app) == "d1:0"
        assert "Delete me" in panel_text(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "Nothing to undo" in messages(app)


@sync
async def test_escape_asks_before_throwing_text_away(tmp_path: Path) -> None:
    app = small_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("escape")  # nothing typed: closes at once
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "Half a thought")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep editing
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditorScreen)
        assert editor.query_one(TextArea).text == "Half a thought"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert store_at(tmp_path).all_notes() == []
        assert gutter_marks(app, "d1") == []


@sync
async def test_empty_note_is_not_saved(tmp_path: Path) -> None:
    app = small_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("space", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditorScreen)
        assert any("empty" in m for m in messages(app))
        assert store_at(tmp_path).all_notes() == []


@sync
async def test_notes_list_filters_by_tag_and_text_and_enter_jumps(tmp_path: Path) -> None:
    seed_notes(
        tmp_path,
        (0, 1, "Crowd size? #verify"),
        (1, 3, "Six agreements #verify #trade"),
        (2, 1, "Closed doors #confirmed"),
    )
    app = small_app(tmp_path)
    async with app.run_test(size=(80, 30)) as pilot:  # two panes: crowds.txt is a page away
        await ready(pilot)
        assert [p.document.id for p in reader(app).panes] == ["d1", "d2"]
        await pilot.press("o")
        await pilot.pause()
        listing = app.screen
        assert isinstance(listing, NotesListScreen)
        options = listing.query_one(OptionList)
        assert options.option_count == 3
        first = str(options.get_option_at_index(0).prompt)
        assert "Crowd size?" in first and "#verify" in first and "leader-arrives.txt #2" in first
        assert "#verify 2" in str(listing.query_one("#notes-tags", Static).render())
        await type_text(pilot, "#verify")
        await pilot.pause()
        assert options.option_count == 2
        await pilot.press("space", "s", "i", "x")
        await pilot.pause()
        assert options.option_count == 1
        await pilot.press("ctrl+u")  # clear; ctrl+t cycles the tags in use
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert listing.query_one(Input).value == "#verify"
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert listing.query_one(Input).value == "#confirmed"
        assert options.option_count == 1
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert current_id(app) == "d3:1"
        assert reader(app).active_id == "d3"
        assert "d3" in [p.document.id for p in reader(app).panes]


@sync
async def test_orphaned_note_is_listed_with_its_quote_and_not_jumpable(tmp_path: Path) -> None:
    seed_notes(tmp_path, (2, 1, "Who was in the room?"))
    docs, _ = small_corpus()
    rewritten = make_document(
        "d3", "a/crowds.txt", "# Visit draws crowds\n\nCrowds of about 3,000 greeted the president.\n"
    )
    app = small_app(tmp_path, [docs[0], docs[1], rewritten])
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        assert [a.state for a in reader(app).notes] == [AnchorState.ORPHANED]
        assert gutter_marks(app, "d3") == []
        assert "orphaned" in str(reader(app).query_one("#status-text", Static).render())
        await pilot.press("o")
        await pilot.pause()
        listing = app.screen
        assert isinstance(listing, NotesListScreen)
        prompt = str(listing.query_one(OptionList).get_option_at_index(0).prompt)
        assert "orphaned" in prompt
        assert "The talks were held behind closed doors." in prompt
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is listing, "an orphan cannot be jumped to"
        assert any("orphaned" in m for m in messages(app))


async def settle_workers(pilot: object) -> None:
    """Notes are re-anchored and exports written in thread workers: wait for them."""
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.app.workers.wait_for_complete()  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


@sync
async def test_ctrl_e_exports_markdown_and_asks_before_overwriting(tmp_path: Path) -> None:
    seed_notes(tmp_path, (0, 0, "Which date is right? #verify"))
    target = tmp_path / "out" / "notes.md"
    target.parent.mkdir()
    app = small_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+e")
        await settle_workers(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        field = dialog.query_one(Input)
        assert field.value.startswith("notes-") and field.value.endswith(".md")
        assert dialog.folder == Path.cwd()
        field.value = str(target)
        await pilot.press("enter")
        await settle_workers(pilot)
        assert isinstance(app.screen, ReaderScreen)
        text = target.read_text(encoding="utf-8")
        assert text.startswith("---\n")
        assert "Which date is right?" in text and "November 26, 2025" in text
        assert any(str(target) in m for m in messages(app))
        # again: the file exists, so it asks; "n" leaves it alone, "y" replaces it
        target.write_text("keep me", encoding="utf-8")
        await pilot.press("ctrl+e")
        await settle_workers(pilot)
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await settle_workers(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == "keep me"
        await pilot.press("ctrl+e")
        await settle_workers(pilot)
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await settle_workers(pilot)
        await pilot.press("y")
        await settle_workers(pilot)
        assert "Which date is right?" in target.read_text(encoding="utf-8")
        # a folder that does not exist: one-line error, nothing written
        await pilot.press("ctrl+e")
        await settle_workers(pilot)
        app.screen.query_one(Input).value = str(tmp_path / "missing" / "x.md")
        await pilot.press("enter")
        await settle_workers(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert any("does not exist" in m and "\n" not in m for m in messages(app))


@sync
async def test_corrupt_store_disables_notes_but_the_reader_works(tmp_path: Path) -> None:
    database = tmp_path / "notes.sqlite3"
    database.write_bytes(b"this is not sqlite at all" * 10)
    before = database.read_bytes()
    app = small_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        warnings = [n for n in app._notifications if n.severity == "warning"]
        assert len(warnings) == 1 and str(database) in warnings[0].message
        await pilot.press("j")
        await pilot.pause()
        assert current_id(app) == "d1:1", "the reader still moves"
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen), "no editor when notes cannot be saved"
        assert any(m.startswith("Notes cannot be saved") and str(database) in m for m in messages(app))
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert "notes off" in str(reader(app).query_one("#status-text", Static).render())
    assert database.read_bytes() == before, "the file is left untouched"


@sync
async def test_read_only_store_lists_notes_but_explains_why_it_cannot_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_notes(tmp_path, (0, 0, "Saved before"))
    database = tmp_path / "notes.sqlite3"
    if os.geteuid() == 0:  # root ignores permissions: make the store find the file not writable
        original = NoteStore._check_file

        def not_writable(self: NoteStore) -> bool:
            original(self)
            return False

        monkeypatch.setattr(NoteStore, "_check_file", not_writable)
    os.chmod(database, 0o444)
    os.chmod(tmp_path, 0o555)
    try:
        app = small_app(tmp_path)
        async with app.run_test(size=(160, 45)) as pilot:
            await ready(pilot)
            assert len(gutter_marks(app, "d1")) == 1, "existing notes still show"
            warnings = [n.message for n in app._notifications if n.severity == "warning"]
            assert len(warnings) == 1 and str(database) in warnings[0] and "read-only" in warnings[0]
            assert "1 note, read-only" in str(reader(app).query_one("#status-text", Static).render())
            await pilot.press("a")
            await pilot.pause()
            assert isinstance(app.screen, ReaderScreen)
            assert any(m.startswith("Notes cannot be saved") and "read-only" in m for m in messages(app))
            await pilot.press("o")
            await pilot.pause()
            listing = app.screen
            assert isinstance(listing, NotesListScreen)
            assert listing.query_one(OptionList).option_count == 1
            assert "read-only" in str(listing.query_one("#notes-count").render())
    finally:
        os.chmod(tmp_path, 0o755)
        os.chmod(database, 0o644)


@sync
async def test_note_keys_are_bindings_in_help_and_remappable(tmp_path: Path) -> None:
    app = small_app(tmp_path, keymap={"reader.add_note": "A", "reader.notes_list": "O"})
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        descriptions = {a.binding.description for a in reader(app).active_bindings.values()}
        assert {"Note", "Edit note", "Delete note", "Undo delete", "Notes", "Export notes"} <= descriptions
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditorScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        help_text = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "Export notes" in help_text and "Undo delete" in help_text


def test_note_editor_status_names_values_not_statement_ids() -> None:
    from tui.claims import build_index
    from tui.screens.note_editor import statement_status
    from tests.ui_fixtures import sample_documents

    index = build_index(sample_documents())
    conflict = next(c for claim in index.claims for c in claim.conflicts if c.kind == "date")
    text = statement_status(index, index.statements[conflict.a]).plain
    assert f"{conflict.a_value} / {conflict.b_value}" in text  # a possible conflict says so
    other = index.statements[conflict.b]
    assert f"{other.doc_id}:" not in text
    assert f".txt #{other.index + 1}" in text, "the other side named by article and number from 1"
