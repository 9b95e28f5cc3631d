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
