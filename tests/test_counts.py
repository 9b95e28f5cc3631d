"""Status counts are taken once per index, not on every move."""

from __future__ import annotations

from pathlib import Path

from tests.ui_fixtures import ready, small_app, small_corpus, sync
from tui.claims.model import ClaimIndex
from tui.counts import counts_by_document


def test_counts_by_document_match_the_index() -> None:
    docs, index = small_corpus()
    table = counts_by_document(index)
    for doc in docs:
        assert table[doc.id] == index.status_counts(doc.id)


@sync
async def test_moving_never_recounts_statuses(tmp_path: Path, monkeypatch: object) -> None:
    calls: list[str | None] = []
    original = ClaimIndex.status_counts

    def counting(self: ClaimIndex, doc_id: str | None = None):  # type: ignore[no-untyped-def]
        calls.append(doc_id)
        return original(self, doc_id)

    monkeypatch.setattr(ClaimIndex, "status_counts", counting)  # type: ignore[attr-defined]
    app = small_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        calls.clear()
        for key in "jjjkkn":
            await pilot.press(key)
        await ready(pilot)
    assert calls == []
