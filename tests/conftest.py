"""Every test gets its own cache directory: no test reads links another test (or the user)
left behind, and none writes into the real user cache."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _own_cache_dir(tmp_path_factory: pytest.TempPathFactory,
                   monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("SEEDREADER_CACHE_DIR", str(folder))
    return folder
