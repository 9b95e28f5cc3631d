"""Links remembered per corpus: a reopened corpus skips scoring and gets the same verdicts."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

import tui.claims.semantic_link as semantic_link
from tui.claims import IndexConfig, build_index
from tui.corpus import load_corpus
from tui.corpus.model import Document
from tui.link_cache import KEEP, LinkCache
from tui.paths import sample_corpus_dir


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    return list(load_corpus([sample_corpus_dir()]).documents)


def _files(cache: LinkCache) -> list[Path]:
    return sorted(cache.folder.glob("*.json"))


def test_a_reopened_corpus_reuses_its_links_and_gets_the_same_verdicts(
        documents: list[Document], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = LinkCache(tmp_path)
    first = build_index(documents, memo=cache)
    assert len(_files(cache)) == 1

    def no_scoring(*args: object, **kwargs: object) -> object:
        raise AssertionError("links were scored again")

    monkeypatch.setattr(semantic_link, "semantic_pairs", no_scoring)
    again = build_index(documents, memo=cache)
    assert again.verdicts == first.verdicts
    assert again.claims == first.claims
    assert again.cross_links == first.cross_links


def test_an_edited_statement_or_other_settings_miss_the_cache(
        documents: list[Document], tmp_path: Path) -> None:
    cache = LinkCache(tmp_path)
    build_index(documents, memo=cache)
    doc = documents[0]
    s = doc.statements[0]
    edited = replace(doc, statements=(replace(s, plain=s.plain + " Officials disagreed."),
                                      *doc.statements[1:]))
    build_index([edited, *documents[1:]], memo=cache)
    build_index(documents, IndexConfig(link_probability=0.9), memo=cache)
    assert len(_files(cache)) == 3


def test_a_damaged_cache_file_is_recomputed_quietly(documents: list[Document],
                                                    tmp_path: Path) -> None:
    cache = LinkCache(tmp_path)
    expected = build_index(documents, memo=cache)
    (path,) = _files(cache)
    for junk in ("{not json", json.dumps({"key": "other", "pairs": []}),
                 json.dumps({"key": json.loads(path.read_text())["key"], "pairs": [[1]]})):
        path.write_text(junk, encoding="utf-8")
        assert build_index(documents, memo=cache).verdicts == expected.verdicts
    assert json.loads(path.read_text())["pairs"], "rewritten with the real links"


def test_links_pointing_past_the_statements_are_not_trusted(documents: list[Document],
                                                            tmp_path: Path) -> None:
    cache = LinkCache(tmp_path)
    expected = build_index(documents, memo=cache)
    (path,) = _files(cache)
    data = json.loads(path.read_text())
    data["pairs"] = [[0, 10**6, 1.0, [], 0.9]]
    path.write_text(json.dumps(data), encoding="utf-8")
    assert build_index(documents, memo=cache).verdicts == expected.verdicts


def test_an_unwritable_cache_is_skipped(documents: list[Document], tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    index = build_index(documents, memo=LinkCache(blocker))
    assert index.verdicts == build_index(documents).verdicts


def test_only_the_newest_corpora_are_kept(tmp_path: Path) -> None:
    cache = LinkCache(tmp_path)
    for n in range(KEEP + 5):
        cache.put(f"{n:040d}", [])
    assert len(_files(cache)) == KEEP


def test_a_caller_supplied_embedder_neither_reads_nor_writes_the_cache(
        documents: list[Document], tmp_path: Path) -> None:
    from tui.claims.embed import load_model

    model, _ = load_model()
    assert model is not None
    cache = LinkCache(tmp_path)
    build_index(documents, memo=cache, embedder=model.embed)
    assert _files(cache) == []


def test_another_seedreader_version_starts_afresh(documents: list[Document],
                                                  tmp_path: Path) -> None:
    old = LinkCache(tmp_path)
    old.version = "0.0.1"
    build_index(documents, memo=old)
    new = LinkCache(tmp_path)
    key = json.loads(_files(old)[0].read_text())["key"]
    assert new.version != "0.0.1"
    build_index(documents, memo=new)
    assert len(_files(new)) == 2
    assert key in {json.loads(p.read_text())["key"] for p in _files(new)}
