"""Settings reach the reader as they reach the report: ``[index]`` thresholds, the theme."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui_fixtures import ready, sample_documents, sync
from tui.claims import build_index
from tui.cli import reader_app
from tui.config import load_index_config

SAMPLE = sample_documents()


@sync
async def test_config_thresholds_reach_the_reader_as_they_reach_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config_dir = tmp_path / "config"
    config_dir.mkdir()
    (config_dir / "config.toml").write_text("[index]\nlink_threshold = 1.0\nlink_probability = 1.0\n")
    monkeypatch.setenv("SEEDREADER_CONFIG_DIR", str(config_dir))
    app = reader_app(["--data-dir", str(tmp_path / "data")])
    assert not isinstance(app, int)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        index = app.reader.index
        assert index is not None
        in_reader = {sid: v.status for sid, v in index.verdicts.items()}
    in_report = {sid: v.status for sid, v in build_index(SAMPLE, load_index_config()).verdicts.items()}
    by_default = {sid: v.status for sid, v in build_index(SAMPLE).verdicts.items()}
    assert in_reader == in_report
    assert in_reader != by_default, "the thresholds in config.toml must change the reader's verdicts"


@sync
async def test_theme_survives_a_restart(tmp_path: Path) -> None:
    from tests.ui_fixtures import small_app

    app = small_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert app.theme != "nord"
        app.theme = "nord"
        await pilot.pause()
    again = small_app(tmp_path)
    async with again.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert again.theme == "nord"


@sync
async def test_screenshot_falls_back_to_the_data_dir_without_downloads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.ui_fixtures import small_app

    monkeypatch.setattr("platformdirs.user_downloads_path", lambda: tmp_path / "no-such-Downloads")
    app = small_app(tmp_path / "data")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        app.action_screenshot()
        await pilot.pause()
        (saved,) = (tmp_path / "data" / "screenshots").glob("*.svg")
        assert saved.read_text().startswith("<svg")
        assert any(str(saved) in n.message for n in app._notifications)
