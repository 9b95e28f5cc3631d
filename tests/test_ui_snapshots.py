"""SVG snapshots of the main screens on the real sample corpus (update with --snapshot-update)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tests.ui_fixtures import ready, sample_documents, settled
from tui.app import SeedReaderApp

SAMPLE = sample_documents()


def app(tmp_path: Path) -> SeedReaderApp:
    return SeedReaderApp(SAMPLE, corpus_key="snapshot", data_dir=tmp_path)


def press_then_settle(*keys: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """A ``run_before`` that waits for the index, presses ``keys`` and lets the panels settle."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await ready(pilot)
        await pilot.press(*keys)
        await settled(pilot)

    return run_before


def test_main_screen_wide(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(app(tmp_path), terminal_size=(160, 45), run_before=press_then_settle("j", "j"))


def test_main_screen_80x24(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(app(tmp_path), terminal_size=(80, 24), run_before=press_then_settle("j"))


def test_claim_panel_on_a_conflict(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(app(tmp_path), terminal_size=(160, 45), run_before=press_then_settle("n"))


def test_help_screen(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(app(tmp_path), terminal_size=(120, 40), run_before=press_then_settle("question_mark"))
