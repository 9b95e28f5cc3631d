"""Pilot tests of the reader on the real sample corpus (and a hand-made index where a case needs it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from tests.ui_fixtures import ready, sample_documents, settled, small_app, sync, view_text
from tui.app import SeedReaderApp
from tui.claims import build_index
from tui.claims.model import Status
from tui.screens.reader import ReaderScreen
from tui.widgets.article_pane import ArticlePane, PaneHeader
from tui.widgets.article_view import CURSOR_BAR, ArticleView
from tui.widgets.claim_panel import ClaimPanel
from tui.widgets.status_bar import StatusBar

SAMPLE = sample_documents()
SAMPLE_INDEX = build_index(SAMPLE)


def sample_app(tmp_path: Path, **kwargs: object) -> SeedReaderApp:
    return SeedReaderApp(SAMPLE, corpus_key="sample", data_dir=tmp_path, **kwargs)  # type: ignore[arg-type]


def reader(app: SeedReaderApp) -> ReaderScreen:
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    return screen


def status_text(app: SeedReaderApp) -> str:
    return str(app.screen.query_one("#status-text", Static).render())


def header_text(pane: ArticlePane) -> str:
    return str(pane.query_one(PaneHeader).render())


def current(app: SeedReaderApp) -> str:
    view = reader(app).active_view
    assert view is not None
    return view.document.statements[view.cursor].id


@sync
async def test_first_paint_shows_one_pane_per_article_that_fits(tmp_path: Path) -> None:
    app = sample_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        screen = reader(app)
        panes = screen.panes
        assert len(panes) == 4  # 160 columns / 40 per pane; the fifth is one page away
        assert [p.document.id for p in panes] == [d.id for d in SAMPLE[:4]]
        first = header_text(panes[0])
        assert SAMPLE[0].name[:10] in first and SAMPLE[0].name[-5:] in first  # cut in the middle
        assert "✓" in first and "✗" in first and "?" in first
        assert isinstance(app.focused, ArticleView)
        assert "statement 1/" in status_text(app)
        assert "filter: all" in status_text(app)
        assert screen.query_one(ClaimPanel).display  # wide terminal: claim panel open
        rows = view_text(panes[0].view)
        assert any(row.startswith(CURSOR_BAR) for row in rows)
        glyph_rows = [row for row in rows if row[2:3] in {"✓", "✗", "?"}]
        assert glyph_rows, "status glyphs in the gutter"


@sync
async def test_moving_brings_counterparts_into_view_and_highlights_them(tmp_path: Path) -> None:
    app = sample_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        screen = reader(app)
        source = screen.panes[0]
        shown = {p.document.id: p for p in screen.panes}
        checked = 0
        for _ in range(len(source.document.statements) - 1):
            await pilot.press("j")
            await pilot.pause()
            sid = current(app)
            counterparts = SAMPLE_INDEX.counterparts(sid)
            for doc_id, pane in shown.items():
                if pane is source:
                    continue
                if doc_id in counterparts:
                    target = SAMPLE_INDEX.statements[counterparts[doc_id]].index
                    assert pane.view.cursor == target
                    assert pane.view.linked
                    row = pane.view.cursor_row()
                    assert row is not None, "counterpart scrolled into view"
                    assert view_text(pane.view)[row].startswith(CURSOR_BAR), "counterpart highlighted"
                    assert pane.link_state.startswith("↔")
                    source_row = source.view.cursor_row()
                    assert source_row is not None
                    first, last = pane.view.statement_lines(target)
                    height = pane.view.scrollable_content_region.height
                    assert (
                        row == source_row
                        or (row < source_row and pane.view.scroll_y == 0)  # top of the article
                        or (row < source_row and row + last - first >= height)  # keep it whole
                        or (row > source_row and pane.view.scroll_y >= pane.view.max_scroll_y)
                    )
                    checked += 1
                else:
                    assert pane.link_state == "no match found here"
                    assert "no match found here" in header_text(pane)
        assert checked >= 1, "the walk met at least one linked statement"


@sync
async def test_counterpart_sits_at_the_same_height(tmp_path: Path) -> None:
    app = small_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        screen = reader(app)
        await pilot.press("j")  # d1:1, the crowd figure, reported by all three
        await pilot.pause()
        assert current(app) == "d1:1"
        rows = [p.view.cursor_row() for p in screen.panes]
        assert rows[0] is not None
        for pane, row in zip(screen.panes[1:], rows[1:]):
            # same height where possible: only the top of the article can stop it
            assert row == rows[0] or (row is not None and row < rows[0] and pane.view.scroll_y == 0)
        panel = str(screen.query_one("#claim-body", Static).render())
        assert "3 sources" in panel
        assert "leader-arrives.txt" in panel and "state-visit.txt" in panel and "crowds.txt" in panel
        assert "about 3,000 ≈ 3,200 (rounding)" in panel


@sync
async def test_keys_move_cursor_first_last_and_by_page(tmp_path: Path) -> None:
    app = sample_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        view = reader(app).active_view
        assert view is not None
        total = len(view.document.statements)
        await pilot.press("j", "j", "down")
        assert view.cursor == 3
        await pilot.press("k", "up")
        assert view.cursor == 1
        await pilot.press("G")
        await pilot.pause()
        assert view.cursor == total - 1
        assert view.cursor_row() is not None
        assert f"statement {total}/{total}" in status_text(app)
        await pilot.press("g")
        assert view.cursor == 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert view.cursor > 1
        assert view.cursor_row() is not None
        await pilot.press("pageup")
        await pilot.pause()
        assert view.cursor == 0


@sync
async def test_panes_switch_with_h_l_and_tab(tmp_path: Path) -> None:
    app = sample_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        screen = reader(app)
        assert screen.active_id == SAMPLE[0].id
        await pilot.press("l")
        await pilot.pause()
        assert screen.active_id == SAMPLE[1].id
        assert app.focused is screen.panes[1].view
        await pilot.press("tab", "tab")
        await pilot.pause()
        assert screen.active_id == SAMPLE[3].id
        await pilot.press("l")  # past the last shown pane: pages to the fifth article
        await pilot.pause()
        assert screen.active_id == SAMPLE[4].id
        assert SAMPLE[4].id in [p.document.id for p in screen.panes]
        await pilot.press("h", "shift+tab")
        await pilot.pause()
        assert screen.active_id == SAMPLE[2].id


@sync
async def test_n_and_shift_n_walk_conflicts_across_panes(tmp_path: Path) -> None:
    app = small_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        screen = reader(app)
        assert screen.index is not None
        await pilot.press("j", "j")
        await pilot.press("n")  # wraps to d1:0, then d2:0 is the next conflict
        await pilot.pause()
        first = current(app)
        await pilot.press("n")
        await pilot.pause()
        second = current(app)
        assert {first, second} == {"d1:0", "d2:0"}
        assert screen.active_id == second.split(":")[0]
        for sid in (first, second):
            assert screen.index.verdicts[sid].status is Status.CONFLICTING
        await pilot.press("N")
        await pilot.pause()
        assert current(app) == first
        panel = str(screen.query_one("#claim-body", Static).render())
        # the reason reads from the cursor's side and names the other version by article and number
        if first == "d1:0":
            assert "date: November 25th ≠ November 26, 2025  (state-visit.txt #1)" in panel
        else:
            assert "date: November 26, 2025 ≠ November 25th  (leader-arrives.txt #1)" in panel
        assert "d1:0" not in panel and "d2:0" not in panel, "no internal statement ids"


@sync
async def test_u_walks_uncorroborated_statements_in_reading_order(tmp_path: Path) -> None:
    app = sample_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        screen = reader(app)
        order = [
            s.id
            for d in SAMPLE
            for s in d.statements
            if SAMPLE_INDEX.verdicts[s.id].status is Status.UNCORROBORATED
        ]
        start = current(app)
        expected = [sid for sid in order if (sid.split(":")[0], int(sid.split(":")[1])) > (start.split(":")[0], int(start.split(":")[1]))]
        seen = []
        for _ in range(6):
            await pilot.press("u")
            await pilot.pause()
            seen.append(current(app))
        assert seen == expected[:6]
        await pilot.press("U")
        await pilot.pause()
        assert current(app) == seen[-2]
        # many presses cross into other articles, paging panes as needed
        docs_seen = set()
        for _ in range(60):
            await pilot.press("u")
            docs_seen.add(screen.active_id)
        await pilot.pause()
        assert len(docs_seen) >= 3
        assert SAMPLE_INDEX.verdicts[current(app)].status is Status.UNCORROBORATED
        assert screen.active_id in [p.document.id for p in screen.panes]


@sync
async def test_filter_cycles_dims_the_rest_and_limits_j(tmp_path: Path) -> None:
    app = sample_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        screen = reader(app)
        await pilot.press("f")
        assert screen.filter == "conflicting"
        assert "filter: conflicting" in status_text(app)
        await pilot.press("f")
        assert screen.filter == "uncorroborated"
        await pilot.press("f")
        assert screen.filter == "agreeing"
        view = screen.active_view
        assert view is not None
        for _ in range(5):
            await pilot.press("j")
            assert SAMPLE_INDEX.verdicts[view.document.statements[view.cursor].id].status is Status.AGREEING
        dimmed = view.get_visual_style("article-view--dimmed").rich_style  # blended over the view
        other = next(s for s in view.document.statements if SAMPLE_INDEX.verdicts[s.id].status is not Status.AGREEING)
        first, _ = view.statement_lines(other.index)
        view.scroll_to(y=first, animate=False, immediate=True)
        await pilot.pause()
        strip = view.render_line(0)
        text_segments = [seg for seg in strip if seg.text.strip() and seg.text not in {"?", "✓", "✗", CURSOR_BAR}]
        assert text_segments and all(seg.style.color == dimmed.color for seg in text_segments if seg.style)
        await pilot.press("f")
        assert screen.filter == "all"


@sync
async def test_search_lists_results_with_article_and_enter_jumps(tmp_path: Path) -> None:
    from tui.screens.search import SearchScreen

    app = sample_app(tmp_path)
    target = SAMPLE[2].statements[5]
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        query = " ".join(target.text.split()[:8])
        await pilot.press(*list(query))
        await app.workers.wait_for_complete()  # results arrive from a worker
        await pilot.pause()
        search = app.screen
        assert isinstance(search, SearchScreen)
        assert search.results and search.results[0] == target.id
        listing = str(search.query_one("OptionList").get_option_at_index(0).prompt)
        assert SAMPLE[2].name in listing
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        screen = reader(app)
        assert screen.active_id == SAMPLE[2].id
        assert current(app) == target.id
        assert screen.active_view is not None and screen.active_view.cursor_row() is not None


@sync
async def test_small_terminal_pages_through_articles_and_resize_reflows(tmp_path: Path) -> None:
    app = sample_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        screen = reader(app)
        assert len(screen.panes) == 2
        assert not screen.query_one(ClaimPanel).display  # closed by default when small
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert [p.document.id for p in screen.panes] == [SAMPLE[2].id, SAMPLE[3].id]
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert [p.document.id for p in screen.panes] == [SAMPLE[3].id, SAMPLE[4].id]
        await pilot.press("left_square_bracket", "left_square_bracket")
        await pilot.pause()
        assert [p.document.id for p in screen.panes] == [SAMPLE[0].id, SAMPLE[1].id]
        await pilot.press("c")
        await pilot.pause()
        panel = screen.query_one(ClaimPanel)
        assert panel.display and panel.region.y > screen.panes[0].region.y  # below the panes
        view = screen.active_view
        assert view is not None
        view.set_cursor(0)
        for _ in range(8):
            await pilot.press("j")
        assert view.cursor == 8
        narrow_lines = view.line_count
        await pilot.resize_terminal(110, 40)
        await pilot.pause()
        await pilot.pause()
        assert len(screen.panes) == 2
        assert view.line_count < narrow_lines  # rewrapped to the wider pane
        assert view.cursor == 8 and view.cursor_row() is not None
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        await pilot.pause()
        assert len(screen.panes) == 5
        wide_view = screen.active_view
        assert wide_view is not None and wide_view.document.id == view.document.id
        assert wide_view.cursor == 8 and wide_view.cursor_row() is not None


@sync
async def test_mouse_click_and_wheel_move_the_cursor(tmp_path: Path) -> None:
    from textual import events

    app = sample_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        screen = reader(app)
        pane = screen.panes[1]
        view = pane.view
        first, _ = view.statement_lines(3)
        await pilot.click(view, offset=(10, first - round(view.scroll_y)))
        await pilot.pause()
        assert screen.active_id == pane.document.id
        assert view.cursor == 3
        assert app.focused is view
        for _ in range(15):
            view.post_message(events.MouseScrollDown(view, 5, 5, 0, 1, 0, False, False, False))
            await pilot.pause()
        await pilot.pause()
        assert view.scroll_y > 0
        assert view.cursor_row() is not None, "wheel drags the cursor along"
        assert view.cursor > 3


@sync
async def test_hostile_text_is_shown_literally(tmp_path: Path) -> None:
    from tests.ui_fixtures import hostile_document, make_index

    doc = hostile_document()
    index = make_index([doc])
    app = SeedReaderApp([doc], corpus_key="evil", data_dir=tmp_path, index_builder=lambda _: index)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        screen = reader(app)
        view = screen.panes[0].view
        text = "\n".join(view_text(view))
        assert "[bold red]x[/]" in text
        assert "[link=http://e]y[/link]" in text
        assert "␛[31mred␛[0m" in text and "␇" in text
        assert "\x1b" not in text and "\x07" not in text
        assert "Hostile [bold red]title[/]" in header_text(screen.panes[0])
        for strip_row in range(view.scrollable_content_region.height):
            for segment in view.render_line(strip_row):
                assert segment.style is None or not segment.style.link
        # the 200,000-character line wraps into thousands of rows and scrolls to its end
        assert view.line_count > 1000
        await pilot.press("G")
        await settled(pilot)  # the claim panel resizes to the new claim once keys rest
        long_first, long_last = view.statement_lines(view.cursor)
        assert long_last - long_first > 1000
        for _ in range(40):  # j pages through a statement taller than the pane
            await pilot.press("j")
        await pilot.pause()
        assert view.scroll_y >= long_first + 40 * (view.scrollable_content_region.height - 2) - 2
        await pilot.press("end")
        await pilot.pause()
        assert view.scroll_y == view.max_scroll_y
        rows = view_text(view)
        assert any("z" * 50 in row for row in rows)
        assert any(row.rstrip().endswith("z.") for row in rows)
        screenshot = app.export_screenshot()
        assert "\x1b" not in screenshot


@sync
async def test_problems_are_reported_in_a_warning_notification(tmp_path: Path) -> None:
    from tui.corpus.model import LoadProblem

    problems = [LoadProblem("broken.html", "not valid UTF-8 [bold]x[/]"), LoadProblem("empty.txt", "no text")]
    app = small_app(tmp_path, problems=problems)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        notes = list(app._notifications)
        assert len(notes) == 1
        assert notes[0].severity == "warning"
        assert "broken.html: not valid UTF-8 [bold]x[/]" in notes[0].message
        assert "empty.txt" in notes[0].message
        assert "Skipped 2 files" in notes[0].message


@sync
async def test_q_quits_with_exit_code_zero(tmp_path: Path) -> None:
    app = small_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


@sync
async def test_position_and_filter_are_restored_for_the_same_corpus(tmp_path: Path) -> None:
    app = sample_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("l", "j", "j", "j", "f", "f")
        await pilot.pause()
        view = reader(app).active_view
        assert view is not None
        saved_cursor = view.cursor
        await pilot.press("q")
        await pilot.pause()
    assert (tmp_path / "reader-state.json").is_file()
    again = sample_app(tmp_path)
    async with again.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        screen = reader(again)
        assert screen.filter == "uncorroborated"
        assert screen.active_id == SAMPLE[1].id
        assert screen.active_view is not None and screen.active_view.cursor == saved_cursor
        assert again.focused is screen.active_view
    other = SeedReaderApp(SAMPLE, corpus_key="another", data_dir=tmp_path)
    async with other.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        assert reader(other).filter == "all"
        assert reader(other).active_id == SAMPLE[0].id


@sync
async def test_keys_are_remappable_and_help_follows_the_keymap(tmp_path: Path) -> None:
    from tui.screens.help import HelpScreen

    app = sample_app(tmp_path, keymap={"reader.next": "x", "reader.help": "f1"})
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        view = reader(app).active_view
        assert view is not None
        await pilot.press("x", "x")
        assert view.cursor == 2
        await pilot.press("j")
        assert view.cursor == 2  # j no longer bound
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one(Static).render())
        assert any(line.split() == ["x", "Next", "statement", "reader.next"] for line in text.splitlines())
        assert "Next conflict" in text and "Filter" in text and "Quit" in text
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


@sync
async def test_command_palette_runs_reader_actions(tmp_path: Path) -> None:
    app = sample_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*list("filter"))
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert reader(app).filter == "conflicting"


@sync
async def test_document_list_hides_and_reorders_articles(tmp_path: Path) -> None:
    from tui.screens.documents import DocumentsScreen

    app = sample_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DocumentsScreen)
        await pilot.press("space")  # hide the first article
        await pilot.press("down", "shift+down")  # move the second below the third
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        screen = reader(app)
        expected = [SAMPLE[2].id, SAMPLE[1].id, SAMPLE[3].id, SAMPLE[4].id]
        assert screen.order == expected
        assert [p.document.id for p in screen.panes] == expected


@sync
async def test_scroll_lock_off_leaves_other_panes_where_they_are(tmp_path: Path) -> None:
    app = small_app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        screen = reader(app)
        await pilot.press("s")
        assert not screen.scroll_lock
        other = screen.panes[1].view
        before = other.scroll_y
        await pilot.press("j")
        await pilot.pause()
        assert other.scroll_y == before
        assert "lock: off" in status_text(app)


@sync
async def test_claim_panel_describes_the_first_statement_once_the_index_arrives(tmp_path: Path) -> None:
    """The cursor does not move when the index lands; the panel must still stop saying 'Indexing'."""
    import threading

    gate = threading.Event()

    def slow_builder(documents):  # type: ignore[no-untyped-def]
        gate.wait(10)
        return build_index(documents)

    app = sample_app(tmp_path, index_builder=slow_builder)
    async with app.run_test(size=(160, 45)) as pilot:
        for _ in range(5):
            await pilot.pause()
        gate.set()
        await ready(pilot)
        body = str(reader(app).query_one(ClaimPanel).query_one("#claim-body", Static).render())
        assert "Indexing" not in body
        sid = current(app)
        assert SAMPLE_INDEX.verdicts[sid].status.value in body


@sync
async def test_hostile_file_names_are_sanitised_in_titles_and_notifications(tmp_path: Path) -> None:
    from dataclasses import replace

    from tests.ui_fixtures import make_document
    from tui.corpus.model import LoadProblem

    hostile = "\x1b]0;PWNED\x07\u202eevil\x9b.txt"
    doc = replace(make_document("d1", hostile, "One sentence here. Another sentence there.\n"), title="")
    problems = [LoadProblem(f"/tmp/{hostile}", "empty file")]
    app = small_app(tmp_path, documents=[doc, make_document("d2", "b.txt", "Other text here.\n")],
                    problems=problems)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        app.screen.notify(f"Showing {hostile} again", title=hostile)
        await pilot.pause()
        shown = [n.message + n.title for n in app._notifications]
        headers = [header_text(pane) for pane in app.screen.query(ArticlePane)]
        for text in [*shown, *headers]:
            assert not any(c in text for c in "\x1b\x07\u202e\x9b"), repr(text)
        assert any("PWNED" in text for text in headers)
        assert sum("PWNED" in text for text in shown) == 2
