"""What a daily user of the reader relies on: a cursor tint that leaves glyphs readable, a claim
panel that names articles (not ids) and sizes to its text, and jumps that show both sides."""

from __future__ import annotations

from pathlib import Path

from textual.color import Color

from tests.ui_fixtures import make_document, make_index, ready, sync, view_text
from tui.app import SeedReaderApp
from tui.claims.model import ClaimIndex, Conflict
from tui.corpus.model import Document
from tui.screens.reader import ReaderScreen
from tui.widgets.article_view import CURSOR_BAR, ArticleView
from tui.widgets.claim_panel import ClaimPanel
from tui.widgets.text import shorten_middle


def five_articles() -> tuple[list[Document], ClaimIndex]:
    """Five articles; the second and the fifth disagree on a date, the first and second agree."""
    docs = [
        make_document(f"d{n}", f"a/article-{n}.txt", f"# Article {n}\n\nFirst line of {n}.\nSecond line of {n}.\n")
        for n in range(1, 6)
    ]
    index = make_index(
        docs,
        groups=[("d2:1", "d5:1"), ("d1:0", "d2:0")],
        conflicts=[Conflict("d2:1", "d5:1", "date", "May 1", "May 2", "arrival")],
    )
    return docs, index


def app_for(tmp_path: Path, docs: list[Document], index: ClaimIndex) -> SeedReaderApp:
    return SeedReaderApp(docs, corpus_key="polish", data_dir=tmp_path, index_builder=lambda _: index)


def reader(app: SeedReaderApp) -> ReaderScreen:
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    return screen


def cursor_segments(view: ArticleView) -> list[tuple[str, object]]:
    row = view.cursor_row()
    assert row is not None
    return [(segment.text, segment.style) for segment in view.render_line(row)]


@sync
async def test_cursor_tint_is_blended_so_glyphs_and_text_stay_readable(tmp_path: Path) -> None:
    docs, index = five_articles()
    for theme in ("textual-dark", "textual-light"):
        app = app_for(tmp_path / theme, docs, index)
        async with app.run_test(size=(160, 45)) as pilot:
            await ready(pilot)
            app.theme = theme
            await pilot.pause()
            screen = reader(app)
            view = screen.active_view
            assert view is not None
            await pilot.press("j")  # d1:1, uncorroborated: its ? is the warning colour, like the accent
            await pilot.pause()
            background = view.rich_style.bgcolor
            accent = Color.parse(app.current_theme.accent or "#ffa62b")
            segments = cursor_segments(view)
            assert segments[0][0] == CURSOR_BAR
            tint = segments[-1][1].bgcolor  # type: ignore[attr-defined]
            assert tint is not None and tint != background, "the cursor line is marked"
            assert Color.from_rich_color(tint) != accent, f"{theme}: a tint, not the solid accent"
            glyph = next(style for text, style in segments if text == "?")
            assert abs(
                Color.from_rich_color(glyph.color).brightness - Color.from_rich_color(tint).brightness  # type: ignore[attr-defined]
            ) > 0.2, f"{theme}: the ? glyph stands out from the cursor tint"


@sync
async def test_n_shows_the_conflicting_article_beside_the_target_when_a_page_can(tmp_path: Path) -> None:
    docs, index = five_articles()
    app = app_for(tmp_path, docs, index)
    async with app.run_test(size=(160, 45)) as pilot:  # 4 panes of 5
        await ready(pilot)
        screen = reader(app)
        assert [p.document.id for p in screen.panes] == ["d1", "d2", "d3", "d4"]
        await pilot.press("n")
        await pilot.pause()
        await pilot.pause()
        shown = [p.document.id for p in screen.panes]
        assert screen.active_id == "d2" and "d5" in shown, shown
        other = next(p for p in screen.panes if p.document.id == "d5")
        assert other.view.cursor == 1 and other.view.cursor_row() is not None


@sync
async def test_claim_panel_says_which_hidden_article_holds_the_other_version(tmp_path: Path) -> None:
    docs, index = five_articles()
    app = app_for(tmp_path, docs, index)
    async with app.run_test(size=(80, 40)) as pilot:  # 2 panes: d2 and d5 never fit together
        await ready(pilot)
        screen = reader(app)
        await pilot.press("c", "n")
        await pilot.pause()
        await pilot.pause()
        assert "d5" not in [p.document.id for p in screen.panes]
        text = screen.query_one(ClaimPanel).describe().plain
        lines = text.splitlines()
        assert lines[0].split() == ["✗", "conflicting", "·", "2", "sources"], "status and sources only"
        assert "date: May 1 ≠ May 2  (article-5.txt #2)" in lines
        assert "Not on screen: article-5.txt  ·  ] shows it" in text
        assert "d5:1" not in text and "d2:1" not in text


@sync
async def test_claim_panel_explains_links_by_article_and_number_and_fits_its_text(tmp_path: Path) -> None:
    docs, index = five_articles()
    app = app_for(tmp_path, docs, index)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        screen = reader(app)
        panel = screen.query_one(ClaimPanel)
        text = panel.describe().plain
        assert "≈ article-2.txt #1  shared: shared" in text
        assert "d2:0" not in text
        await pilot.pause()
        assert panel.outer_size.height < 12, "a short claim takes a short panel"
        calls: list[int] = []
        original = panel.describe

        def counting() -> object:
            calls.append(1)
            return original()

        panel.describe = counting  # type: ignore[method-assign]
        await pilot.press("l", "h")  # back to the same statement: the cached body is reused
        await pilot.pause()
        assert calls == [1], "d2:0 described once, d1:0 served from the cache"


def test_shorten_middle_keeps_both_ends_of_similar_names() -> None:
    a = shorten_middle("behind-the-scenes-bishkek-big-politics.txt", 24)
    b = shorten_middle("behind-the-scenes-bishkek-big-politics-copy.txt", 24)
    assert a != b and len(a) == len(b) == 24
    assert a.startswith("behind-the") and b.endswith("copy.txt")
    assert shorten_middle("short.txt", 24) == "short.txt"


@sync
async def test_long_claim_panel_stops_at_forty_percent_and_scrolls(tmp_path: Path) -> None:
    long = ", ".join(["a very long statement about the same event with many words"] * 30) + "."
    docs = [make_document(f"d{n}", f"a/long-{n}.txt", f"# Long {n}\n\n{long}\n") for n in range(1, 4)]
    index = make_index(docs, groups=[("d1:0", "d2:0", "d3:0")])
    app = app_for(tmp_path, docs, index)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        panel = reader(app).query_one(ClaimPanel)
        await pilot.pause()
        assert panel.outer_size.height <= 45 * 0.4 + 1
        assert panel.max_scroll_y > 0
        assert any(row.startswith(CURSOR_BAR) for row in view_text(reader(app).panes[0].view))
