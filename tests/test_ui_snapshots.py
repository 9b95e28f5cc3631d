"""SVG snapshots of the main screens on the real sample corpus (update with --snapshot-update)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tests.ui_fixtures import ready, sample_documents, settled
from tui.app import SeedReaderApp

SAMPLE = sample_documents()


def app(tmp_path: Path) -> SeedReaderApp:
    return SeedReaderApp(SAMPLE, corpus_key="snapshot", data_dir=tmp_path)


def test_main_screen_wide(snap_compare: Any, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await ready(pilot)
        await pilot.press("j", "j")
        await settled(pilot)

    assert snap_compare(app(tmp_path), terminal_size=(160, 45), run_before=run_before)


def test_main_screen_80x24(snap_compare: Any, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await ready(pilot)
        await pilot.press("j")
        await settled(pilot)

    assert snap_compare(app(tmp_path), terminal_size=(80, 24), run_before=run_before)


def test_claim_panel_on_a_conflict(snap_compare: Any, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await ready(pilot)
        await pilot.press("n")
        await settled(pilot)

    assert snap_compare(app(tmp_path), terminal_size=(160, 45), run_before=run_before)


def test_help_screen(snap_compare: Any, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await ready(pilot)
        await pilot.press("question_mark")
        await settled(pilot)

    assert snap_compare(app(tmp_path), terminal_size=(120, 40), run_before=run_before)
