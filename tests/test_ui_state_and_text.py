"""Saved reader state (atomic, lazy, per corpus) and the text helpers that keep articles inert."""

from __future__ import annotations

import json
from pathlib import Path

from rich.cells import cell_len

from tui.state import STATE_FILE, ReaderState, StateStore
from tui.widgets.text import display_text, sanitize, wrap_offsets


def test_state_file_is_created_lazily_and_round_trips(tmp_path: Path) -> None:
    directory = tmp_path / "nested" / "data"
    store = StateStore(directory)
    assert store.load("k") is None
    assert not directory.exists()
    state = ReaderState(order=["f2", "f1"], active="f1", cursors={"f1": 7}, filter="conflicting", page=1)
    store.save("k", state)
    assert store.load("k") == state
    assert store.load("other") is None
    assert [p.name for p in directory.iterdir()] == [STATE_FILE]  # no temp files left behind


def test_corrupt_state_file_is_ignored_and_replaced(tmp_path: Path) -> None:
    (tmp_path / STATE_FILE).write_text("{not json")
    store = StateStore(tmp_path)
    assert store.load("k") is None
    store.save("k", ReaderState(filter="agreeing"))
    assert json.loads((tmp_path / STATE_FILE).read_text())["corpora"]["k"]["state"]["filter"] == "agreeing"


def test_wrong_types_in_state_are_rejected(tmp_path: Path) -> None:
    (tmp_path / STATE_FILE).write_text(json.dumps({"version": 1, "corpora": {"k": {"state": {"cursors": {"a": "x"}}}}}))
    assert StateStore(tmp_path).load("k") is None


def test_sanitize_replaces_every_control_character() -> None:
    hostile = "a\x1b[31mb\x07c\x00d\x7fe\x9bf\u202eg"
    shown = sanitize(hostile)
    assert shown == "a␛[31mb␇c␀d␡e\ufffdf\ufffdg"
    assert all(ch.isprintable() for ch in shown)
    assert display_text("one\ntwo\t three\r\n") == "one two three"
    assert sanitize("[bold red]x[/]") == "[bold red]x[/]"


def test_wrap_keeps_every_character_and_fits_the_width() -> None:
    text = "word " * 30 + "x" * 95 + " 日本語の文章です日本語 end"
    for width in (7, 10, 33):
        lines = wrap_offsets(text, width)
        assert "".join(text[a:b] for a, b in lines) == text
        assert all(cell_len(text[a:b].rstrip(" ")) <= width for a, b in lines)


def test_wrap_handles_a_200k_character_line() -> None:
    lines = wrap_offsets("q" * 200_000, 40)
    assert len(lines) == 5000
    assert lines[-1] == (199_960, 200_000)
