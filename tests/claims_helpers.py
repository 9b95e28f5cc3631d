"""Helpers shared by the claim tests: pairwise conflicts and loading the benchmark scripts."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from tui.claims.conflicts import compare
from tui.claims.facts import extract_facts

ROOT = Path(__file__).resolve().parent.parent


def conflicts(a: str, b: str) -> list[tuple[str, str, str]]:
    """(kind, a_value, b_value) for each conflict between two sentences."""
    result = compare(extract_facts(a), extract_facts(b), a, b)
    return [(c.kind, c.a_value, c.b_value) for c in result.conflicts]


def benchmark(name: str) -> ModuleType:
    """Import benchmarks/<name>.py (a script, not a package module) so tests can call it."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the script runs
    spec.loader.exec_module(module)
    return module
