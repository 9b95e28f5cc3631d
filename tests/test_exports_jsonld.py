"""ClaimReview, Web Annotation and CSV exports, end to end on the sample corpus: a note rated
"false" on a conflicting statement, exported through ``seedreader export --format ...``."""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from tui.claims import build_index
from tui.cli import main
from tui.corpus import load_corpus
from tui.exports.annotations import annotations_jsonld
from tui.exports.claimreview import claimreview_jsonld
from tui.exports.model import ExportData, Finding, NoteItem, Publisher, Source, StatementRef
from tui.notes import NoteStore
from tui.notes.ratings import DEFAULT_RATINGS
from tui.notes.store import FILENAME
from tui.paths import sample_corpus_dir

# schema.org properties (https://schema.org/ClaimReview, /Claim, /Rating, /CreativeWork): the
# export may only use these, so a consumer's vocabulary check accepts every key.
SCHEMA_ORG = {
    "ClaimReview": {"@id", "@type", "claimReviewed", "itemReviewed", "reviewRating", "author", "datePublished",
                    "dateModified", "url", "reviewBody", "keywords"},
    "Claim": {"@type", "appearance", "firstAppearance", "datePublished", "author"},
    "Rating": {"@type", "ratingValue", "bestRating", "worstRating", "alternateName"},
    "CreativeWork": {"@type", "url", "headline", "datePublished", "name"},
    "Organization": {"@type", "name", "url"},
}  # fmt: skip


@pytest.fixture
def rated_false(tmp_path: Path) -> tuple[Path, Path, Any]:
    """The sample corpus in a folder, and a store holding one note rated false on a conflict."""
    folder = tmp_path / "articles"
    shutil.copytree(sample_corpus_dir(), folder)
    docs = load_corpus([folder]).documents
    index = build_index(docs)
    conflict = next(c for claim in index.claims for c in claim.conflicts)  # 25 vs 26 November
    statement = index.statements[conflict.a]
    doc = next(d for d in docs if d.id == statement.doc_id)
    with NoteStore(tmp_path / "data" / FILENAME) as store:
        store.add(doc, statement, "Other outlets date the arrival differently. #date", rating="false")
        store.add(doc, doc.statements[0], "Unrated, stays out of ClaimReview")
    return folder, tmp_path / "data", (index, conflict, statement, doc)


def _export(capsys: pytest.CaptureFixture[str], folder: Path, data: Path, *args: str) -> str:
    code = main(["export", str(folder), "--data-dir", str(data), *args])
    out = capsys.readouterr().out
    assert code == 0
    return out


def _check_vocabulary(node: Any) -> None:
    if isinstance(node, dict):
        kind = node.get("@type")
        if kind in SCHEMA_ORG:
            assert set(node) <= SCHEMA_ORG[kind], set(node) - SCHEMA_ORG[kind]
        for value in node.values():
            _check_vocabulary(value)
    elif isinstance(node, list):
        for value in node:
            _check_vocabulary(value)


def test_claimreview_of_a_false_rating_on_a_conflict(
    rated_false: tuple[Path, Path, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, data, (index, conflict, statement, doc) = rated_false
    text = _export(
        capsys, folder, data, "--format", "claimreview", "--author", "Factcheck Desk",
        "--author-url", "https://desk.example", "--review-url", "https://desk.example/putin", "--date", "2025-11-28",
    )  # fmt: skip
    document = json.loads(text)
    assert document["@context"] == "https://schema.org"
    [review] = document["@graph"]
    _check_vocabulary(document)
    # required and recommended by schema.org / Google's fact-check markup
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == statement.text
    assert review["reviewRating"] == {
        "@type": "Rating", "alternateName": "false", "ratingValue": 1, "bestRating": 5, "worstRating": 1,
    }  # fmt: skip
    assert review["author"] == {"@type": "Organization", "name": "Factcheck Desk", "url": "https://desk.example"}
    assert review["datePublished"] == "2025-11-28"
    assert review["url"].startswith("https://desk.example/putin#")
    claim = review["itemReviewed"]
    assert claim["@type"] == "Claim"
    headlines = [a["headline"] for a in claim["appearance"]]
    other_doc = index.statements[conflict.b].doc_id
    titles = {d.id: d.title or d.name for d in index.documents}
    assert headlines[0] == titles[doc.id], "the rated statement's own article first"
    assert titles[other_doc] in headlines, "and every article carrying the claim, the conflicting one too"
    assert all(a["@type"] == "CreativeWork" and a["url"].startswith("file://") for a in claim["appearance"])
    assert Path(claim["appearance"][0]["url"].removeprefix("file://")).name == doc.name
    assert "firstAppearance" not in claim, "no article has a known publication date"


def _data_with_dates() -> ExportData:
    early = Source(1, "Outlet A", "a.txt", "https://a.example/story", published="2025-11-25")
    late = Source(2, "Outlet B", "b.txt", "https://b.example/story", published="2025-11-26")
    mine = StatementRef(late, 3, "Putin arrived on 26 November.", 0, 29)
    theirs = StatementRef(early, 1, "Putin arrived on 25 November.", 0, 29)
    note = NoteItem(
        "n1", "", (), "unproven", "2025-11-27T10:00:00.000Z", "2025-11-27T10:00:00.000Z", "ok", "b.txt",
        mine.text, "", "", 0, 29, late, mine, Finding("conflicting", "date", 2, (theirs,)),
    )  # fmt: skip
    return ExportData("t", datetime(2025, 11, 27), (early, late), (note,), (), DEFAULT_RATINGS)


def test_first_appearance_is_the_earliest_dated_article_and_off_scale_ratings_have_no_number() -> None:
    [review] = json.loads(claimreview_jsonld(_data_with_dates(), Publisher()))["@graph"]
    claim = review["itemReviewed"]
    assert claim["firstAppearance"] == {
        "@type": "CreativeWork", "url": "https://a.example/story", "headline": "Outlet A", "datePublished": "2025-11-25",
    }  # fmt: skip
    assert [a["url"] for a in claim["appearance"]] == ["https://b.example/story", "https://a.example/story"]
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "unproven"}
    assert review["datePublished"] == "2025-11-27" and "author" not in review


def reanchor(selectors: list[dict[str, Any]], text: str) -> tuple[int, int] | None:
    """What another annotation tool does: the quote with its context first, the position as a tie-break."""
    quote = next(s for s in selectors if s["type"] == "TextQuoteSelector")
    position = next(s for s in selectors if s["type"] == "TextPositionSelector")
    exact, prefix, suffix = quote["exact"], quote["prefix"], quote["suffix"]
    hits = [i for i in range(len(text)) if text.startswith(exact, i)]
    fitting = [i for i in hits if text[:i].endswith(prefix) and text[i + len(exact) :].startswith(suffix)]
    if not fitting:
        return None
    start = min(fitting, key=lambda i: abs(i - position["start"]))
    return start, start + len(exact)


def test_annotations_reanchor_by_selector_alone_even_after_an_edit(
    rated_false: tuple[Path, Path, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, data, (_, _, statement, doc) = rated_false
    collection = json.loads(_export(capsys, folder, data, "--format", "annotations"))
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert collection["type"] == "AnnotationCollection" and collection["total"] == 2
    items = collection["first"]["items"]
    texts = {Path(d.path).resolve().as_uri(): d.text for d in load_corpus([folder]).documents}
    for item in items:
        target = item["target"]
        quote = next(s for s in target["selector"] if s["type"] == "TextQuoteSelector")
        position = next(s for s in target["selector"] if s["type"] == "TextPositionSelector")
        assert reanchor(target["selector"], texts[target["source"]]) == (position["start"], position["end"])
        assert texts[target["source"]][position["start"] : position["end"]] == quote["exact"]
    rated = next(i for i in items if i["motivation"] == "assessing")
    assert {"type": "TextualBody", "value": "false", "purpose": "assessing"} in rated["body"]
    assert {"type": "TextualBody", "value": "date", "purpose": "tagging"} in rated["body"]
    # the article gains a paragraph at the top: positions are stale, the quote selector still finds it
    edited = "Editor's note: updated.\n\n" + doc.text
    found = reanchor(rated["target"]["selector"], edited)
    assert found is not None and edited[found[0] : found[1]] == statement.text
    assert found[0] == statement.start + len("Editor's note: updated.\n\n")


def test_csv_has_a_row_per_note_and_neutralises_formulas(
    rated_false: tuple[Path, Path, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, data, (_, conflict, statement, doc) = rated_false
    with NoteStore(data / FILENAME) as store:
        store.add(doc, doc.statements[1], "=HYPERLINK(\"http://evil\")")
    rows = list(csv.DictReader(io.StringIO(_export(capsys, folder, data, "--format", "csv"))))
    assert len(rows) == 3
    rated = next(r for r in rows if r["rating"])
    assert (rated["rating"], rated["rating_value"], rated["status"]) == ("false", "1", "conflicting")
    assert rated["statement"] == str(statement.index + 1) and rated["statement_text"] == statement.text
    assert rated["article"] == (doc.title or doc.name) and conflict.kind in rated["conflicts"]
    assert next(r for r in rows if "HYPERLINK" in r["note"])["note"].startswith("'=")


def test_claimreview_without_ratings_or_author_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["export", str(sample_corpus_dir()), "--data-dir", str(tmp_path), "--format", "claimreview"])
    captured = capsys.readouterr()
    assert code == 0 and json.loads(captured.out)["@graph"] == []
    assert "no rated note to review" in captured.err and "without author" in captured.err


def test_annotations_of_plain_data_keep_orphans_with_their_stored_quote() -> None:
    source = Source(1, "A", "a.txt", "file:///a.txt")
    orphan = NoteItem("o", "gone", (), None, "t", "t", "orphaned", "a.txt", "old text", "pre ", " post", 4, 12, source)
    [item] = json.loads(annotations_jsonld(ExportData("t", datetime(2025, 1, 1), (source,), (orphan,))))["first"]["items"]
    assert item["target"]["selector"][0] == {"type": "TextQuoteSelector", "exact": "old text", "prefix": "pre ", "suffix": " post"}
    assert item["motivation"] == "commenting" and "label" not in item
