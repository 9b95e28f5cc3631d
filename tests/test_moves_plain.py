"""Where the reader's keys go, as plain functions: following, conflict search, filter movement,
paging and note placement, tested without Pilot on the hand-made three-article corpus."""

from __future__ import annotations

from pathlib import Path

from tests.ui_fixtures import seed_notes, small_corpus
from tui.claims.model import Status
from tui.navigation import (
    FILTERS,
    counterparts_of,
    find_statement,
    find_status,
    follower_targets,
    keeps,
    link_state,
    next_kept,
    partners,
)
from tui.notes import NoteStore
from tui.notes.ratings import DEFAULT_RATINGS
from tui.notes_display import claim_notes, gutter_marks, notes_by_statement, notes_summary
from tui.paging import clamp_start, page_for, page_label, page_target, panes_that_fit, reveal, start_showing


def test_the_filter_keeps_its_status_and_all_keeps_everything() -> None:
    assert FILTERS[0] == "all"
    assert keeps("all", None) and keeps("all", Status.AGREEING)
    assert keeps("conflicting", Status.CONFLICTING)
    assert not keeps("conflicting", Status.AGREEING)
    assert not keeps("conflicting", None), "a statement not indexed yet is dimmed by a filter"


def test_filter_movement_skips_what_the_filter_dims_and_never_wraps() -> None:
    kept = {1, 4}.__contains__
    assert next_kept(6, 1, 1, kept) == 4
    assert next_kept(6, 4, 1, kept) is None
    assert next_kept(6, 4, -1, kept) == 1
    assert next_kept(6, -1, 1, kept) == 1, "g starts before the first statement"
    assert next_kept(6, 6, -1, kept) == 4, "G starts after the last"
    assert next_kept(0, 0, 1, kept) is None


def test_followers_go_to_their_counterpart_or_say_it_is_not_reported() -> None:
    docs, index = small_corpus()
    counterparts = counterparts_of(index, "d1:1")
    assert follower_targets(index, counterparts, ["d1", "d2", "d3"]) == {"d1": None, "d2": 1, "d3": 0}
    alone = counterparts_of(index, "d1:3")
    assert follower_targets(index, alone, ["d2", "d3"]) == {"d2": None, "d3": None}
    assert counterparts_of(None, "d1:1") == {} and counterparts_of(index, None) == {}
    assert link_state(None, False) == "no match found here"
    assert link_state(1, False) == "↔ statement 2"
    assert link_state(0, True) == "↔ statement 1 · dimmed by the filter"


def test_partners_put_the_other_side_of_a_conflict_first() -> None:
    docs, index = small_corpus()
    assert partners(index, "d1:0", ["d1", "d2", "d3"]) == ["d2"]
    assert partners(index, "d2:0", ["d2", "d1", "d3"]) == ["d1"]
    assert partners(index, "d1:1", ["d3", "d1", "d2"]) == ["d3", "d2"], "then the other versions in pane order"
    assert partners(index, "d1:1", ["d1", "d2"]) == ["d2"], "hidden articles are not partners"
    assert partners(None, "d1:1", ["d1"]) == []


def test_status_search_goes_in_reading_order_and_round_once() -> None:
    docs, index = small_corpus()
    found = find_status(index, docs, ("d1", 0), "conflicting", 1)
    assert found is not None and found[1] == "d2:0" and not found[0].wrapped
    found = find_status(index, docs, ("d2", 0), "conflicting", 1)
    assert found is not None and found[1] == "d1:0" and found[0].wrapped
    found = find_status(index, [docs[2], docs[0]], ("d3", 0), "conflicting", -1)
    assert found is not None and found[1] == "d1:0" and found[0].wrapped
    assert find_status(index, [docs[2]], ("d3", 0), "conflicting", 1) is None
    assert find_status(index, [], ("d1", 0), "conflicting", 1) is None


def test_a_statement_is_found_with_or_without_the_index() -> None:
    docs, index = small_corpus()
    by_id = {d.id: d for d in docs}
    assert find_statement(index, by_id, "d2:3") is docs[1].statements[3]
    assert find_statement(None, by_id, "d2:3") is docs[1].statements[3]
    assert find_statement(None, by_id, "d7:0") is None


def test_panes_that_fit_and_pages_that_stay_full() -> None:
    assert panes_that_fit(80, 3) == 2
    assert panes_that_fit(200, 3) == 3, "never more panes than articles"
    assert panes_that_fit(20, 3) == 1, "at least one"
    assert clamp_start(5, 6, 2) == 4
    assert clamp_start(-3, 6, 2) == 0
    assert page_label(0, 3, 3) == ""
    assert page_label(2, 2, 6) == "articles 3–4 of 6"


def test_focusing_an_article_off_screen_moves_the_page_least() -> None:
    assert start_showing(3, 2, 2) == 2, "already shown"
    assert start_showing(4, 2, 2) == 3, "after the page: it becomes the last pane"
    assert start_showing(0, 2, 2) == 0, "before the page: it becomes the first"


def test_a_jump_shows_the_other_side_of_the_conflict_when_it_fits() -> None:
    order = ["a", "b", "c", "d", "e"]
    assert page_for(order, 0, 2, "d", []) == 2, "smallest move that shows d"
    assert page_for(order, 0, 2, "d", ["e"]) == 3, "d and its partner e"
    assert page_for(order, 0, 2, "d", ["a", "c"]) == 2, "the first partner that fits"
    assert page_for(order, 2, 3, "c", []) == 2, "the current page when it already shows it"


def test_reveal_names_the_key_for_hidden_counterparts() -> None:
    order = ["a", "b", "c", "d"]
    assert reveal(order, 2, []) is None
    assert reveal(order, 0, ["c", "d"]) == "next"
    assert reveal(order, 2, ["a"]) == "previous"
    assert reveal(order, 1, ["a", "d"]) == "both"
    assert reveal(order, 0, ["z"]) == "documents", "an article taken off the list"


def test_page_keys_land_a_view_height_away_or_on_the_next_kept_statement() -> None:
    lines = {0: 0, 10: 3, 20: 5}.get
    assert page_target(0, 0, 12, 1, lambda line: lines(line), lambda d: 9) == 3
    assert page_target(3, 10, 2, 1, lambda line: 3, lambda d: 4) == 4, "the same statement: step on"
    assert page_target(3, 10, 12, -1, lambda line: None, lambda d: 2) is None


def test_notes_are_placed_marked_and_listed_for_the_claim(tmp_path: Path) -> None:
    docs, index = small_corpus()
    seed_notes(tmp_path, (0, 1, "Crowd size? #verify"), (2, 0, "Which crowd?"))
    with NoteStore.default(tmp_path) as store:
        notes = store.notes_for(docs)
        placed = notes_by_statement(notes)
        assert sorted(placed) == ["d1:1", "d3:0"]
        marked, marks = gutter_marks(placed, DEFAULT_RATINGS)
        assert marked == {"d1": {"d1:1"}, "d3": {"d3:0"}} and marks == {}
        by_id = {d.id: d for d in docs}
        listed = claim_notes("d3:0", placed, index, by_id, ["d1", "d2", "d3"], DEFAULT_RATINGS)
        assert [(n.source, n.statement, n.here) for n in listed] == [
            ("crowds.txt", 1, True), ("leader-arrives.txt", 2, False)]
        assert claim_notes("d2:3", placed, index, by_id, ["d1"], DEFAULT_RATINGS) == []
        assert notes_summary(store, notes, placed, lambda: "R") == "2 notes"
    assert notes_summary(None, [], {}, lambda: "R") == ""
