"""SVG snapshots of the note editor and the notes list, on the hand-made corpus so engine changes
do not move them (update with --snapshot-update)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tests.ui_fixtures import make_document, ready, small_corpus
from tui.app import SeedReaderApp
from tui.notes import NoteStore


def small_app(data_dir: Path, rewrite_crowds: bool = False) -> SeedReaderApp:
    docs, index = small_corpus()
    if rewrite_crowds:
        from tests.ui_fixtures import make_index

        docs = [docs[0], docs[1], make_document("d3", "a/crowds.txt", "# Visit draws crowds\n\nCrowds greeted him.\n")]
        index = make_index(docs, groups=[("d1:0", "d2:0")])
    return SeedReaderApp(docs, corpus_key="snapshot", data_dir=data_dir, index_builder=lambda _: index)


def test_note_editor(snap_compare: Any, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await ready(pilot)
        await pilot.press("a")
        await pilot.pause()
        for key in "Which date is right?":
            await pilot.press("space" if key == " " else ("question_mark" if key == "?" else key))
        await pilot.press("enter", "number_sign", "v", "e", "r", "i", "f", "y")
        await pilot.pause()

    assert snap_compare(small_app(tmp_path), terminal_size=(120, 36), run_before=run_before)


def test_notes_list_with_an_orphan(snap_compare: Any, tmp_path: Path) -> None:
    docs, _ = small_corpus()
    with NoteStore.default(tmp_path) as store:
        store.add(docs[0], docs[0].statements[0], "Which date is right? #verify\nAsk the desk.")
        store.add(docs[1], docs[1].statements[3], "Six agreements: get the list #verify #trade")
        store.add(docs[2], docs[2].statements[1], "Who was in the room? #sources")

    async def run_before(pilot: Pilot[Any]) -> None:
        await ready(pilot)
        await pilot.press("o")
        await pilot.pause()

    assert snap_compare(small_app(tmp_path, rewrite_crowds=True), terminal_size=(120, 36), run_before=run_before)
