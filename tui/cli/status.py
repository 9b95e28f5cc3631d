"""Exit statuses of the ``seedreader`` command."""

EXIT_OK = 0
EXIT_CONFLICT = 1
"""``report --fail-on-conflict`` found a conflict."""
EXIT_NOTHING_LOADED = 2
"""Nothing to read, a bad flag or setting, or output that could not be written."""
