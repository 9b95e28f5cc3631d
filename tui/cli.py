"""The ``seedreader`` command (placeholder until the subcommands land)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    print("seedreader: not implemented yet", file=sys.stderr)
    return 2
