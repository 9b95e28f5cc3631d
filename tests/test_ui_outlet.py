"""The reader names each article by its outlet first."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from tests.ui_fixtures import make_document, ready, small_app, sync
from tui.widgets.article_pane import ArticlePane, PaneHeader


@sync
async def test_pane_title_starts_with_the_outlet(tmp_path: Path) -> None:
    docs = [
        dataclasses.replace(make_document("d1", "a/01_x.txt", "# Budget passes\n\nIt passed.\n"),
                            outlet="Reuters"),
        make_document("d2", "a/plain.txt", "# Budget vote\n\nIt passed too.\n"),
    ]
    app = small_app(tmp_path, docs)
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        titles = [str(p.query_one(PaneHeader).render()).split("\n")[0]
                  for p in app.screen.query(ArticlePane)]
    assert titles[0].startswith("Reuters")
    assert "Budget passes" in titles[0]
    assert titles[1].startswith("Budget vote")
