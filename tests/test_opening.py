"""``O`` opens the article's source: the editor at the statement's line, else the browser."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tests.ui_fixtures import make_document, ready, small_app, sync
from tui.opening import browser_url, editor_command


def document(tmp_path: Path) -> object:
    path = tmp_path / "story.txt"
    text = "# Title\n\nFirst sentence here.\nSecond one on line four.\n"
    path.write_text(text)
    return make_document("d1", str(path), text)


def test_editor_opens_the_file_at_the_statement_line(tmp_path: Path) -> None:
    doc = document(tmp_path)
    command = editor_command(doc, doc.statements[1], {"EDITOR": "vim -p"})  # type: ignore[attr-defined]
    assert command == ["vim", "-p", "+4", str(tmp_path / "story.txt")]
    assert editor_command(doc, doc.statements[1], {"EDITOR": "code --wait"}) == [  # type: ignore[attr-defined]
        "code", "--wait", str(tmp_path / "story.txt")]
    assert editor_command(doc, None, {}) is None  # type: ignore[arg-type]


def test_browser_gets_the_page_else_the_file(tmp_path: Path) -> None:
    doc = document(tmp_path)
    assert browser_url(doc) == (tmp_path / "story.txt").as_uri()  # type: ignore[arg-type]
    assert browser_url(replace(doc, url="https://example.com/a")) == "https://example.com/a"  # type: ignore[type-var]


@sync
async def test_O_without_an_editor_opens_the_file_in_the_browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    app = small_app(tmp_path)
    opened: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("O")
        await pilot.pause()
    assert opened and opened[0].startswith("file://") and opened[0].endswith("a/leader-arrives.txt")
