"""Re-anchoring notes after the article changed: above, inside and below the statement."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fixtures.notes.helpers import ARTICLE, make_doc, statement
from tui.corpus import document_from_text, load_corpus
from tui.corpus.model import Document
from tui.notes import AnchorState, Note, NoteStore, anchor_notes, anchor_selector
from tui.notes.anchor import resolve_path, selector_for, snap_to_statement
from tui.notes.model import TextSelector
from tui.notes.store import FILENAME
from tui.paths import sample_corpus_dir

AIRPORT = "He was met at Manas airport by President Japarov."


def note_on(doc: Document, needle: str, body: str = "", path: str | None = None) -> Note:
    """A note as the store would build it, without a database."""
    target = statement(doc, needle)
    sel = selector_for(doc, target.start, target.end)
    doc_path = path or doc.path
    return Note(
        id=f"n-{target.id}",
        fingerprint=doc.fingerprint,
        doc_path=doc_path,
        doc_abspath=resolve_path(doc_path),
        quote=sel.quote,
        prefix=sel.prefix,
        suffix=sel.suffix,
        start=sel.start,
        end=sel.end,
        body=body,
        tags=(),
        created_at="2025-11-26T09:00:00.000Z",
        updated_at="2025-11-26T09:00:00.000Z",
        revision=1,
    )


def edited(text: str, doc_id: str = "d1", path: str = "article.txt") -> Document:
    return make_doc(text, doc_id, path)


def test_unchanged_document_anchors_by_position() -> None:
    doc = make_doc(ARTICLE)
    (placed,) = anchor_notes([note_on(doc, "Manas")], [doc])
    assert (placed.state, placed.method, placed.statement_id, placed.doc_id) == (AnchorState.OK, "position", "d1:1", "d1")
    assert doc.text[placed.start or 0 : placed.end or 0] == AIRPORT


def test_edit_above_moves_the_note_with_its_statement() -> None:
    doc = make_doc(ARTICLE)
    note = note_on(doc, "Manas")
    added = "Update: this story was corrected on 27 November.\n\n"
    (placed,) = anchor_notes([note], [edited(added + ARTICLE)])
    assert (placed.state, placed.method, placed.statement_id) == (AnchorState.MOVED, "quote", "d1:2")
    assert placed.start == note.start + len(added)


def test_edit_below_keeps_the_note_in_place() -> None:
    doc = make_doc(ARTICLE)
    note = note_on(doc, "Manas")
    changed = ARTICLE.replace("three hours", "four hours") + "\nA new closing paragraph.\n"
    (placed,) = anchor_notes([note], [edited(changed)])
    assert (placed.state, placed.method, placed.statement_id) == (AnchorState.OK, "position", "d1:1")


@pytest.mark.parametrize(
    "new_sentence",
    [
        "He was met at Manas airport by President Sadyr Japarov.",
        "He was greeted at Manas airport by President Japarov.",
        "He was met at Manas  airport by\nPresident Japarov.",
    ],
)
def test_edit_inside_the_statement_finds_it_fuzzily(new_sentence: str) -> None:
    doc = make_doc(ARTICLE)
    note = note_on(doc, "Manas")
    (placed,) = anchor_notes([note], [edited("Breaking.\n\n" + ARTICLE.replace(AIRPORT, new_sentence))])
    assert (placed.state, placed.method) == (AnchorState.MOVED, "fuzzy")
    assert placed.statement_id == "d1:2"
    assert 85 <= placed.score < 100


def test_rewritten_or_removed_statement_orphans_the_note_but_keeps_it(tmp_path: Path) -> None:
    doc = make_doc(ARTICLE, path=str(tmp_path / "story.txt"))
    store = NoteStore(tmp_path / FILENAME)
    kept = store.add(doc, statement(doc, "twelve"), "kept #verify")
    lost = store.add(doc, statement(doc, "Manas"), "orphan #verify")
    rewritten = replace(
        make_doc(ARTICLE.replace(AIRPORT, "Japarov welcomed him in person."), path=doc.path),
        fingerprint="changed",
    )
    placed = {a.note.id: a for a in store.notes_for([rewritten])}
    assert (placed[kept.id].state, placed[kept.id].method, placed[kept.id].statement_id) == (
        AnchorState.MOVED,
        "quote",
        "d1:2",
    )
    assert (placed[lost.id].state, placed[lost.id].doc_id, placed[lost.id].statement_id) == (
        AnchorState.ORPHANED,
        "d1",
        None,
    )
    assert [a.note.id for a in store.orphans([rewritten])] == [lost.id]
    assert {n.id for n in store.all_notes()} == {kept.id, lost.id}
    # Orphans come last for their document.
    assert [a.note.id for a in store.notes_for([rewritten])] == [kept.id, lost.id]
    # The original text back: the orphan re-attaches.
    assert store.orphans([doc]) == []


def test_context_picks_the_right_duplicate_even_when_the_position_holds() -> None:
    repeated = "No comment was given."
    first = f"Officials met at noon. {repeated} Talks went on.\n\n"
    second = f"Later the ministers spoke. {repeated} The day ended.\n"
    doc = make_doc(first + second)
    hits = [s for s in doc.statements if s.text == repeated]
    note = note_on(doc, "Later")  # pick the second occurrence explicitly below
    target = hits[1]
    sel = selector_for(doc, target.start, target.end)
    note = replace(note, quote=sel.quote, prefix=sel.prefix, suffix=sel.suffix, start=sel.start, end=sel.end)
    # Pad the top so the *first* occurrence lands exactly on the note's old offset.
    pad = " " * (target.start - hits[0].start)
    moved = edited(pad + first + second)
    (placed,) = anchor_notes([note], [moved])
    assert moved.text[note.start : note.end] == repeated
    assert (placed.state, placed.method) == (AnchorState.MOVED, "quote")
    assert placed.start == target.start + len(pad)
    assert "Later the ministers spoke." in moved.text[: placed.start]


def test_merged_statements_are_found_by_partial_alignment() -> None:
    doc = make_doc(ARTICLE)
    note = note_on(doc, "Manas")
    merged_text = ARTICLE.replace(AIRPORT + "\n\nThe leaders", AIRPORT[:-1] + ", and the leaders")
    merged = edited(merged_text)
    (placed,) = anchor_notes([note], [merged])
    assert (placed.state, placed.method) == (AnchorState.MOVED, "fuzzy")
    assert placed.statement_id is not None
    assert merged.statements[int(placed.statement_id.split(":")[1])].text.startswith("He was met at Manas airport")


def test_short_quotes_are_not_matched_loosely() -> None:
    doc = make_doc("Yes. The talks were long. No.")
    sel = selector_for(doc, 0, 4)
    other = make_doc("Yet the talks were long.")
    assert anchor_selector(sel, other).state is AnchorState.ORPHANED
    assert anchor_selector(TextSelector("", "", "", 0, 0), doc).state is AnchorState.ORPHANED


def test_snap_prefers_the_statement_with_most_overlap() -> None:
    doc = make_doc(ARTICLE)
    a, b = doc.statements[0], doc.statements[1]
    snapped = snap_to_statement(doc, a.end - 3, b.start + 10)
    assert snapped is not None and snapped.id == b.id
    assert snap_to_statement(doc, a.start, a.start) == a
    assert snap_to_statement(doc, len(doc.text), len(doc.text)) is None


# -- which document a note belongs to ----------------------------------------------------------


def test_same_content_under_another_path_matches_by_fingerprint() -> None:
    doc = make_doc(ARTICLE, path="old/place.txt")
    note = note_on(doc, "Manas")
    copy = make_doc(ARTICLE, "d3", "elsewhere/copy.txt")
    decoy = make_doc(ARTICLE.replace("twelve", "ten"), "d2", "old/place.txt")
    (placed,) = anchor_notes([note], [decoy, copy])
    assert (placed.doc_id, placed.state) == ("d3", AnchorState.OK)


def test_edited_file_at_the_same_path_matches_by_path() -> None:
    doc = make_doc(ARTICLE, path="story.txt")
    note = note_on(doc, "Manas")
    other = make_doc("Unrelated. " + AIRPORT, "d1", "other.txt")
    changed = make_doc("New lead.\n\n" + ARTICLE.replace("twelve", "ten"), "d2", "story.txt")
    (placed,) = anchor_notes([note], [other, changed])
    assert (placed.doc_id, placed.statement_id, placed.state) == ("d2", "d2:2", AnchorState.MOVED)


def test_edited_and_moved_file_matches_by_quote() -> None:
    doc = make_doc(ARTICLE, path="story.txt")
    exact = note_on(doc, "Manas")
    fuzzy = note_on(doc, "twelve")
    moved = make_doc(
        "New lead.\n\n" + ARTICLE.replace("twelve agreements", "twelve new agreements"), "d2", "renamed.txt"
    )
    unrelated = make_doc("Nothing about airports here. Or agreements.", "d1", "x.txt")
    placed = {a.note.id: a for a in anchor_notes([exact, fuzzy], [unrelated, moved])}
    assert (placed[exact.id].doc_id, placed[exact.id].statement_id) == ("d2", "d2:2")
    assert (placed[fuzzy.id].doc_id, placed[fuzzy.id].statement_id, placed[fuzzy.id].method) == ("d2", "d2:3", "fuzzy")


def test_notes_of_documents_not_opened_are_left_out() -> None:
    doc = make_doc(ARTICLE, path="story.txt")
    assert anchor_notes([note_on(doc, "Manas")], [make_doc("Something else entirely.", "d1", "x.txt")]) == []
    assert anchor_notes([note_on(doc, "Manas")], []) == []


# -- properties and the real splitter ----------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(
    target=st.integers(0, 4),
    where=st.integers(0, 10_000),
    inserted=st.text(alphabet="abc xyz.\n", min_size=1, max_size=80),
)
def test_insertions_outside_the_statement_never_lose_it(target: int, where: int, inserted: str) -> None:
    doc = make_doc(ARTICLE)
    st_ = doc.statements[target]
    outside = [i for i in range(len(doc.text) + 1) if not st_.start < i < st_.end]
    pos = outside[where % len(outside)]
    text = doc.text[:pos] + inserted + doc.text[pos:]
    note = note_on(doc, st_.text)
    (placed,) = anchor_notes([note], [edited(text)])
    assert placed.state in (AnchorState.OK, AnchorState.MOVED)
    assert text[placed.start or 0 : placed.end or 0] == st_.text
    if pos > st_.start:
        assert placed.state is AnchorState.OK


def test_sample_article_edited_and_resplit_keeps_its_notes(tmp_path: Path) -> None:
    loaded = load_corpus([sample_corpus_dir()])
    doc = loaded.documents[0]
    targets = [doc.statements[i] for i in (1, len(doc.statements) // 2, len(doc.statements) - 2)]
    store = NoteStore(tmp_path / FILENAME)
    notes = [store.add(doc, t, f"note {i}") for i, t in enumerate(targets)]

    middle = targets[1]
    words = middle.text.split(" ")
    words[len(words) // 2] = words[len(words) // 2].upper()
    text = doc.text[: middle.start] + " ".join(words) + doc.text[middle.end :]
    text = "Correction appended to the top of the article.\n\n" + text
    changed = document_from_text(text, doc_id=doc.id, path=doc.path, fmt=doc.format)
    assert hashlib.sha256(changed.text.encode()).hexdigest() != doc.fingerprint

    placed = {a.note.id: a for a in store.notes_for([changed])}
    assert [placed[n.id].state for n in notes] == [AnchorState.MOVED] * 3
    texts = {s.id: s.text for s in changed.statements}
    assert texts[placed[notes[0].id].statement_id or ""] == targets[0].text
    assert texts[placed[notes[2].id].statement_id or ""] == targets[2].text
    assert texts[placed[notes[1].id].statement_id or ""].casefold() == middle.text.casefold()


# -- renamed and edited: the note is kept as an orphan, never dropped -----------------------------


def _without(doc: Document, needle: str) -> str:
    cut = statement(doc, needle)
    return doc.text[: cut.start] + doc.text[cut.end :].lstrip("\n")


def test_renamed_article_whose_statement_was_deleted_keeps_the_note_as_an_orphan() -> None:
    doc = make_doc(ARTICLE, path="story.txt")
    note = note_on(doc, "Manas")
    renamed = make_doc(_without(doc, "Manas"), "d2", "renamed.txt")
    unrelated = make_doc("Nothing about airports here. Or agreements.", "d1", "x.txt")
    (placed,) = anchor_notes([note], [unrelated, renamed])
    assert (placed.doc_id, placed.state, placed.statement_id) == ("d2", AnchorState.ORPHANED, None)


def test_an_orphan_follows_its_sibling_notes_to_the_renamed_article() -> None:
    doc = make_doc(ARTICLE, path="story.txt")
    kept, gone = note_on(doc, "twelve"), note_on(doc, "three hours")
    text = _without(doc, "three hours").replace("The visit ended", "Later, the visit ended")
    renamed = make_doc(text.replace(statement(doc, "Putin").text, "A new lead."), "d2", "renamed.txt")
    placed = {a.note.id: a for a in anchor_notes([kept, gone], [renamed])}
    assert placed[kept.id].state is AnchorState.OK or placed[kept.id].state is AnchorState.MOVED
    assert (placed[gone.id].doc_id, placed[gone.id].state) == ("d2", AnchorState.ORPHANED)


def test_a_note_of_another_story_is_still_left_out() -> None:
    doc = make_doc(ARTICLE, path="story.txt")
    other = make_doc("Elections were held in the north.\n\nTurnout was low.\n\nThe visit ended early.\n", "d1", "x.txt")
    assert anchor_notes([note_on(doc, "Manas"), note_on(doc, "concert")], [other]) == []
