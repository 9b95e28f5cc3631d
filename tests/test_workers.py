"""Search runs off the UI thread; a key cancels the search before it; enter never waits in vain."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tests.ui_fixtures import ready, small_app, sync
from tui.screens.search import SearchScreen


@sync
async def test_search_runs_in_a_worker_and_shows_the_last_query(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    threads: list[str] = []
    original = SearchScreen.search

    def search(self: SearchScreen, query: str):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        return original(self, query)

    monkeypatch.setattr(SearchScreen, "search", search)
    app = small_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*"crowds of about")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        assert screen.results and screen.results[0] == "d3:0"
        assert "result" in str(screen.query_one("#search-count").render())
        assert threads and threading.main_thread().name not in threads


@sync
async def test_enter_before_results_arrive_still_jumps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = small_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("slash")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        monkeypatch.setattr(SearchScreen, "_search", lambda self, query: None)  # results never come
        await pilot.press(*"crowds of about", "enter")
        await ready(pilot)
        assert app.reader._current_statement_id() == "d3:0"


@sync
async def test_note_is_written_off_the_ui_thread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.notes import NoteStore

    threads: list[str] = []
    original = NoteStore.add

    def add(self: NoteStore, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(NoteStore, "add", add)
    app = small_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"check this", "ctrl+s")
        await ready(pilot)
        assert [n.note.body for n in app.reader.notes] == ["check this"]
    assert threads and threading.main_thread().name not in threads


@sync
async def test_delete_undo_reanchoring_and_export_run_off_the_ui_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.notes as notes_package
    from tests.ui_fixtures import seed_notes
    from tui.notes import NoteStore

    seed_notes(tmp_path, (0, 0, "Which date? #verify"))
    threads: dict[str, list[str]] = {}

    def spy(owner: object, name: str) -> None:
        original = getattr(owner, name)

        def wrapped(*args: object, **kwargs: object) -> object:
            threads.setdefault(name, []).append(threading.current_thread().name)
            return original(*args, **kwargs)

        monkeypatch.setattr(owner, name, wrapped)

    for name in ("delete", "restore", "notes_for"):
        spy(NoteStore, name)
    spy(notes_package, "write_atomically")
    app = small_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("x")
        await ready(pilot)
        assert app.reader.notes == []
        await pilot.press("ctrl+z")
        await ready(pilot)
        assert [a.note.body for a in app.reader.notes] == ["Which date? #verify"]
        app.reader.export_to(tmp_path / "out.md", "Notes")
        await ready(pilot)
        assert "Which date?" in (tmp_path / "out.md").read_text(encoding="utf-8")
    assert set(threads) == {"delete", "restore", "notes_for", "write_atomically"}
    main = threading.main_thread().name
    assert all(main not in names for names in threads.values()), threads
