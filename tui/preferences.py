"""Settings the user changes from inside the reader (the theme) and expects to find next time.

One small JSON file in the data directory, written atomically on change, ignored when unreadable.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

PREFERENCES_FILE = "preferences.json"


@dataclass(frozen=True)
class Preferences:
    theme: str = ""
    """Name of the Textual theme; empty: the default."""


def load_preferences(directory: Path) -> Preferences:
    try:
        data = json.loads((directory / PREFERENCES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Preferences()
    theme = data.get("theme") if isinstance(data, dict) else None
    return Preferences(theme=theme if isinstance(theme, str) else "")


def save_preferences(directory: Path, preferences: Preferences) -> None:
    """Write atomically: a crash mid-save leaves the previous file intact."""
    directory.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=".preferences-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(asdict(preferences), stream)
        os.replace(temp_name, directory / PREFERENCES_FILE)
    except BaseException:
        try:
            os.unlink(temp_name)
        except OSError:
            pass
        raise
