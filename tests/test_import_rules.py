"""Import rules that keep the core usable without the UI, checked two ways.

At run time, in fresh interpreters: the core packages (and the plain-data modules beside them)
import with Textual absent, ``tui.notes`` pulls in neither the claim index, the settings nor the
CLI, and the CLI's script commands (``report``, ``notes``, ``export``) run without Textual.

In the source, every ``import`` statement including those inside functions (which the run-time
check cannot see until the function runs): the core never names Textual or the UI modules,
``tui.notes`` never names ``tui.claims``, ``tui.config`` or ``tui.cli``, and the CLI names the
UI only inside functions (the reader is started lazily, so ``seedreader report`` stays fast).
"""

from __future__ import annotations

import ast
import os
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
    "tui.thresholds", "tui.widgets.article_layout", "tui.link_cache",
)
"""Modules the reader's screens lean on for decisions (where keys go, which page, which notes
show): plain Python, so they are tested without Pilot."""
MODULE_LINES = 300
"""No module under ``tui/`` grows past this: each keeps one job."""
UI_MODULES = ("textual", "rich", "tui.app", "tui.commands", "tui.messages", "tui.screens", "tui.widgets")
NOTES_BANNED = ("tui.claims", "tui.config", "tui.cli")


def run(code: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, env={**os.environ, **(env or {})})


def walk(package: str) -> str:
    return f"""
    import importlib, pkgutil
    top = importlib.import_module({package!r})
    for info in pkgutil.walk_packages(top.__path__, {package!r} + "."):
        importlib.import_module(info.name)
    """


BLOCK_TEXTUAL = "import sys\nsys.modules['textual'] = None  # any import of it fails\n"


@pytest.mark.parametrize("package", [*CORE_PACKAGES, "tui.cli"])
def test_package_imports_without_textual(package: str) -> None:
    proc = run(BLOCK_TEXTUAL + textwrap.dedent(walk(package)))
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_plain_modules_import_without_textual() -> None:
    imports = "\n".join(f"import {name}" for name in PLAIN_MODULES)
    proc = run(f"{BLOCK_TEXTUAL}{imports}\n")
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_notes_import_neither_claims_config_nor_cli() -> None:
    proc = run(textwrap.dedent(walk("tui.notes")) + """
    import sys
    banned = sorted(m for m in sys.modules if m.split(".")[:2] in (["tui", "claims"], ["tui", "config"], ["tui", "cli"]))
    assert not banned, banned
    """)
    assert proc.returncode == 0, proc.stderr[-2000:]


@pytest.mark.parametrize(
    "argv",
    [["report", "--format", "json"], ["report"], ["notes"], ["export", "--format", "csv"]],
    ids=" ".join,
)
def test_script_commands_run_without_textual(argv: list[str], tmp_path: Path) -> None:
    """``seedreader report`` (and ``notes``, ``export``) never load Textual: it is slow to import."""
    env = {"SEEDREADER_DATA_DIR": str(tmp_path / "data"), "SEEDREADER_CONFIG_DIR": str(tmp_path / "config")}
    proc = run(BLOCK_TEXTUAL + f"from tui.cli import main\nraise SystemExit(main({argv!r}))\n", env=env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout


# -- the rules in the source ------------------------------------------------------------


def imports_in(source: str) -> list[tuple[str, bool]]:
    """Every module an ``import`` statement in ``source`` names, and whether the statement runs
    at import time (module level, including ``if``/``try`` there) rather than inside a function.
    ``if TYPE_CHECKING:`` blocks are skipped: they never run."""
    found: list[tuple[str, bool]] = []

    def visit(node: ast.AST, top: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                for orelse in child.orelse:
                    visit(orelse, top)
                continue
            if isinstance(child, ast.Import):
                found.extend((alias.name, top) for alias in child.names)
            elif isinstance(child, ast.ImportFrom) and child.level == 0 and child.module:
                found.append((child.module, top))
                found.extend((f"{child.module}.{alias.name}", top) for alias in child.names)
            inner = top and not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            visit(child, inner)

    visit(ast.parse(source), True)
    return found


def breaches(source: str, banned: tuple[str, ...], *, lazy_allowed: bool = False) -> list[str]:
    return sorted({
        name for name, top in imports_in(source)
        if (top or not lazy_allowed) and any(name == b or name.startswith(b + ".") for b in banned)
    })


def sources(package: str) -> list[Path]:
    return sorted((ROOT / package.replace(".", "/")).rglob("*.py"))


@pytest.mark.parametrize("package", CORE_PACKAGES)
def test_core_sources_never_name_the_ui(package: str) -> None:
    found = {str(p.relative_to(ROOT)): breaches(p.read_text(), UI_MODULES) for p in sources(package)}
    assert not {path: names for path, names in found.items() if names}


def test_notes_sources_never_name_claims_config_or_cli() -> None:
    found = {str(p.relative_to(ROOT)): breaches(p.read_text(), NOTES_BANNED) for p in sources("tui.notes")}
    assert not {path: names for path, names in found.items() if names}


def test_cli_sources_name_the_ui_only_inside_functions() -> None:
    found = {
        str(p.relative_to(ROOT)): breaches(p.read_text(), UI_MODULES, lazy_allowed=True) for p in sources("tui.cli")
    }
    assert not {path: names for path, names in found.items() if names}
    assert (ROOT / "tui/cli/__init__.py").exists(), "the CLI is a package"


# -- the checks themselves catch breaches ------------------------------------------------


def test_the_run_time_check_catches_a_breach() -> None:
    """A module that imports Textual fails the run-time check."""
    proc = run(BLOCK_TEXTUAL + "import tui.widgets.text\nimport tui.app\n")
    assert proc.returncode != 0


BREACHING = '''
from __future__ import annotations
import os
from typing import TYPE_CHECKING
from tui.config import load_index_config
if TYPE_CHECKING:
    from textual.app import App
try:
    import rich.text
except ImportError:
    pass

def later() -> None:
    from tui.app import SeedReaderApp
    import tui.claims.index
'''


def test_the_source_check_catches_breaches_at_import_time_and_inside_functions() -> None:
    assert breaches(BREACHING, UI_MODULES) == ["rich.text", "tui.app", "tui.app.SeedReaderApp"]
    assert breaches(BREACHING, UI_MODULES, lazy_allowed=True) == ["rich.text"]
    assert breaches(BREACHING, NOTES_BANNED) == [
        "tui.claims.index", "tui.config", "tui.config.load_index_config",
    ]
    assert breaches("from tui import cli\n", NOTES_BANNED) == ["tui.cli"]
    assert breaches("import os, tui.configuration\n", NOTES_BANNED) == []


def test_every_module_keeps_to_one_job_in_at_most_300_lines() -> None:
    modules = sorted((ROOT / "tui").rglob("*.py"))
    assert ROOT / "tui" / "app.py" in modules and ROOT / "tui" / "claims" / "facts.py" in modules
    too_long = {str(p.relative_to(ROOT)): n for p in modules
                if (n := len(p.read_text(encoding="utf-8").splitlines())) > MODULE_LINES}
    assert not too_long, too_long
