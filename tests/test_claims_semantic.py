"""The sentence model and the combined score: what linking by meaning must and must not do."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from test_claims_index import doc
from tui.claims import IndexConfig, Status, build_index
from tui.claims import embed
from tui.claims.combine import FEATURES, load_combiner
from tui.claims.embed import MODEL_DIR, load_model
from tui.claims.wordpiece import basic_words
from tui.corpus import load_corpus
from tui.paths import sample_corpus_dir


def test_basic_words_split_like_bert() -> None:
    assert basic_words("U.S. President Müller's plan, 3.5%!") == [
        "u", ".", "s", ".", "president", "muller", "'", "s", "plan", ",", "3", ".", "5", "%", "!"]


def test_model_loads_and_places_paraphrases_closer_than_other_news() -> None:
    model, why = load_model()
    assert model is not None, why
    v = model.embed([
        "The senator praised the agreement as a historic step.",
        "The senator hailed the deal as historic.",
        "Heavy rain flooded the subway overnight.",
    ])
    assert float(v[0] @ v[1]) > float(v[0] @ v[2]) + 0.3
    # Repeated texts are embedded once and come back in place.
    twice = model.embed(["Heavy rain flooded the subway overnight."] * 3)
    assert (twice[0] == twice[2]).all() and abs(float(twice[0] @ v[2]) - 1.0) < 1e-5


def test_altered_model_files_are_refused(tmp_path: Path) -> None:
    copy = tmp_path / "model"
    shutil.copytree(MODEL_DIR, copy)
    (copy / "vocab.txt").write_text("[PAD]\n[UNK]\n", encoding="utf-8")
    model, why = embed._load(copy)
    assert model is None and "sha256" in why


def test_an_altered_combiner_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "model"
    shutil.copytree(MODEL_DIR, copy)
    assert load_combiner(copy / "combiner.json") is not None
    data = json.loads((copy / "combiner.json").read_text(encoding="utf-8"))
    data["intercept"] += 1.0
    (copy / "combiner.json").write_text(json.dumps(data), encoding="utf-8")
    assert load_combiner(copy / "combiner.json") is None


def test_combiner_matches_the_engine_features_and_config() -> None:
    combiner = load_combiner(MODEL_DIR / "combiner.json")
    assert combiner is not None and len(combiner.coef) == len(FEATURES)
    # The shipped threshold is the one the fitting script chose; the default config uses it.
    assert IndexConfig().link_probability == pytest.approx(combiner.threshold)
    manifest = json.loads((MODEL_DIR / "MANIFEST.json").read_text(encoding="utf-8"))
    assert {"vectors.npy", "vocab.txt"} <= set(manifest["files"])
    assert "Apache-2.0" in manifest["licence"]


@pytest.mark.parametrize("a, b", [
    ("The senator praised the agreement as a historic step.",
     "The senator hailed the deal as historic."),
    ("Michael Flynn pleaded guilty on Friday to lying to the FBI about his contacts with the "
     "Russian ambassador.",
     "Flynn admitted on Friday that he made false statements to federal agents about his Russia "
     "contacts."),
])
def test_rewordings_by_different_newsrooms_link(a: str, b: str) -> None:
    index = build_index([doc("d1", a), doc("d2", b)], copies=False)
    verdict = index.verdicts["d1:0"]
    assert verdict.status is Status.AGREEING, verdict.reason
    assert "same meaning" in verdict.reason


REALNEWS = Path(__file__).resolve().parents[2] / "shared" / "realnews"


@pytest.mark.skipif(not REALNEWS.is_dir(), reason="the shared real-news set is not beside the repo")
def test_meaning_finds_more_same_fact_pairs_on_real_coverage_than_words_alone() -> None:
    """On hand-labelled real stories (dev split), the semantic index links more of the
    labelled same-fact pairs than the lexical one, at no worse than 0.8 precision."""
    from claims_helpers import benchmark

    rc = benchmark("real_coverage")
    names = sorted(p for p in rc.LABELS.glob("*.json")
                   if json.loads(p.read_text(encoding="utf-8")).get("split") == "dev")[:10]
    totals = {}
    for semantic in (True, False):
        score = rc.Score()
        for path in names:
            labels = rc.load_labels(path, REALNEWS)
            index = build_index(labels.story.documents, semantic=semantic)
            score.add(rc.score_story(labels, index))
        totals[semantic] = score
    sem, lex = totals[True], totals[False]
    recall = {k: v.link_tp / (v.link_tp + v.link_fn) for k, v in totals.items()}
    precision_sem = sem.link_tp / (sem.link_tp + sem.link_fp)
    assert recall[True] >= recall[False] + 0.03, recall
    assert precision_sem >= 0.8, precision_sem
    assert sem.shown_uncorroborated < lex.shown_uncorroborated


def test_shared_speaker_alone_does_not_link_by_meaning() -> None:
    index = build_index([
        doc("d1", "Senator Jane Roe said the budget vote would be delayed until March."),
        doc("d2", "Senator Jane Roe said her daughter had graduated from the police academy."),
    ], copies=False)
    assert index.verdicts["d1:0"].status is Status.UNCORROBORATED


def test_without_the_model_the_index_is_lexical_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(embed._loaded, MODEL_DIR, (None, "numpy is not installed"))
    index = build_index(load_corpus([str(sample_corpus_dir())]).documents)
    assert "numpy is not installed" in index.notice and "shared words only" in index.notice
    assert any(v.status is Status.AGREEING for v in index.verdicts.values())
    assert all(link.cosine == 0.0 for claim in index.claims for link in claim.links)


def test_one_sentence_reported_in_two_links_to_both() -> None:
    index = build_index([
        doc("d1", "Kim Jong Un said North Korea would stop nuclear tests and close its test site."),
        doc("d2", "North Korea will stop its nuclear tests, Kim Jong Un said.",
            "Kim Jong Un also said the country would close its nuclear test site."),
    ], copies=False)
    linked = {link.b if link.a == "d1:0" else link.a for link in index.links_of("d1:0")}
    assert linked == {"d2:0", "d2:1"}
    # A claim keeps one statement per article; the second link is a cross-claim link and
    # still makes its statement corroborated.
    assert len(index.cross_links) == 1
    assert index.verdicts["d2:0"].status is Status.AGREEING
    assert index.verdicts["d2:1"].status is Status.AGREEING


def test_link_evidence_is_words_of_the_two_statements() -> None:
    index = build_index(load_corpus([str(sample_corpus_dir())]).documents)
    links = [link for claim in index.claims for link in claim.links] + list(index.cross_links)
    assert links
    for link in links:
        text = (index.statements[link.a].plain + " " + index.statements[link.b].plain).lower()
        for word in link.shared:
            assert word.lower() in text, (word, link)


def test_build_index_reports_its_stages_in_order() -> None:
    seen: list[tuple[str, float]] = []
    build_index(load_corpus([str(sample_corpus_dir())]).documents,
                progress=lambda stage, fraction: seen.append((stage, fraction)))
    fractions = [f for _, f in seen]
    assert fractions == sorted(fractions) and fractions[0] == 0.0 and fractions[-1] == 1.0
    assert [stage for stage, _ in seen][-1] == "done" and len(seen) >= 4
