"""Import rules that keep the core usable without the UI, checked in fresh interpreters:
the core packages (and the plain-data modules beside them) import with Textual absent, and
``tui.notes`` imports neither the claim index, the settings nor the CLI."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

CORE_PACKAGES = ("tui.corpus", "tui.claims", "tui.notes", "tui.exports")
PLAIN_MODULES = (
    "tui.config", "tui.counts", "tui.labels", "tui.navigation", "tui.notes_display", "tui.opening",
    "tui.paging", "tui.paths", "tui.preferences", "tui.report", "tui.safe_text", "tui.state",
    "tui.thresholds", "tui.widgets.article_layout",
)
"""Modules the reader's screens lean on for decisions (where keys go, which page, which notes
show): plain Python, so they are tested without Pilot."""
UI_MODULE_LINES = 300
"""No screen or widget module, nor ``app.py``, grows past this: each keeps one job."""


def run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def walk(package: str) -> str:
    return f"""
    import importlib, pkgutil
    top = importlib.import_module({package!r})
    for info in pkgutil.walk_packages(top.__path__, {package!r} + "."):
        importlib.import_module(info.name)
    """


@pytest.mark.parametrize("package", CORE_PACKAGES)
def test_core_package_imports_without_textual(package: str) -> None:
    proc = run("import sys\nsys.modules['textual'] = None  # any import of it fails\n"
               + textwrap.dedent(walk(package)))
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_plain_modules_import_without_textual() -> None:
    imports = "\n".join(f"import {name}" for name in PLAIN_MODULES)
    proc = run(f"import sys\nsys.modules['textual'] = None\n{imports}\n")
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_notes_import_neither_claims_config_nor_cli() -> None:
    proc = run(textwrap.dedent(walk("tui.notes")) + """
    import sys
    banned = sorted(m for m in sys.modules if m.split(".")[:2] in (["tui", "claims"], ["tui", "config"], ["tui", "cli"]))
    assert not banned, banned
    """)
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_the_rules_catch_a_breach() -> None:
    """The check itself works: a module that imports Textual fails it."""
    proc = run("import sys\nsys.modules['textual'] = None\nimport tui.widgets.text\nimport tui.app\n")
    assert proc.returncode != 0


def test_ui_modules_keep_to_one_job_in_at_most_300_lines() -> None:
    ui = [*sorted((ROOT / "tui" / "screens").glob("*.py")), *sorted((ROOT / "tui" / "widgets").glob("*.py")),
          ROOT / "tui" / "app.py"]
    too_long = {str(p.relative_to(ROOT)): n for p in ui if (n := len(p.read_text(encoding="utf-8").splitlines()))
                > UI_MODULE_LINES}
    assert not too_long, too_long
