"""Real sentences with one fact changed or lightly reworded: the way issue 2 §7 judges the index.

Each test is a class of failure found by benchmarks/perturbation.py; the last runs a slice of it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.claims_helpers import benchmark, conflicts
from tui.claims import build_index
from tui.corpus import document_from_text

ROOT = Path(__file__).resolve().parent.parent


def _article(name: str) -> str:
    return (ROOT / "sample_corpus" / name).read_text(encoding="utf-8")


def test_edited_copy_of_a_topic_sentence_links_andconflicts() -> None:
    """Every word of this sentence is a topic word of its article; indexed against its own
    edited copy it must still link (and the inserted "not" is a conflict)."""
    text = _article("times-tengri-russia-remains-ally.txt")
    sentence = "Russia has consistently strived to maintain its traditional influence."
    assert sentence in text
    changed = text.replace("has consistently", "has not consistently", 1)
    o = document_from_text(text, doc_id="o", path="o.txt")
    v = document_from_text(changed, doc_id="v", path="v.txt")
    index = build_index([o, v])
    sid = next(s.id for s in o.statements if sentence in s.text)
    assert [c.kind for c in index.conflicts_of(sid)] == ["negation"]


def test_short_statement_copied_word_for_word_links() -> None:
    """Two content words only ("stop", "disease"), both topic words of the article: a copy
    that merely contracts "does not" is still the same statement."""
    text = (ROOT / "tests" / "fixtures" / "claims" / "real" / "lomeranab-approval"
            / "general-news.txt").read_text(encoding="utf-8")
    assert "It does not stop the disease." in text
    o = document_from_text(text, doc_id="o", path="o.txt")
    v = document_from_text(text.replace("It does not stop", "It doesn’t stop", 1),
                           doc_id="v", path="v.txt")
    index = build_index([o, v])
    so = next(s.id for s in o.statements if "does not stop the disease" in s.text)
    sv = next(s.id for s in v.statements if "doesn’t stop the disease" in s.text)
    assert index.verdicts[so].claim == index.verdicts[sv].claim
    assert index.conflicts_of(so) == []


@pytest.mark.parametrize(
    ("a", "b", "want"),
    [
        ("It employs about 230 people at the Brackton site.",
         "It employs about 264 people at the Brackton site.", ("about 230", "about 264")),
        ("An estimated 6.9 million Americans are living with Alzheimer's disease.",
         "An estimated 7.2 million Americans are living with Alzheimer's disease.",
         ("estimated 6.9 million", "estimated 7.2 million")),
        ("Skyline Air cancelled more than 1,100 flights on Friday.",
         "Skyline Air cancelled more than 880 flights on Friday.",
         ("more than 1,100", "more than 880")),
        ("OSHA typically takes up to six months to complete an investigation of this kind.",
         "OSHA typically takes up to seven months to complete an investigation of this kind.",
         ("up to six", "up to seven")),
    ],
)
def test_approximate_and_bounded_figures_that_roundings_cannot_explain(
        a: str, b: str, want: tuple[str, str]) -> None:
    assert conflicts(a, b) == [("number", *want)]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("About 3,000 residents were moved.", "3,200 residents were moved."),
        ("About 1,700 patients took part.", "1,736 patients took part."),
        ("Skyline cancelled more than 1,100 flights.", "Skyline cancelled more than 1,140 flights."),
    ],
)
def test_roundings_stay_compatible(a: str, b: str) -> None:
    assert conflicts(a, b) == []


def test_not_merely_negates_only_against_merely() -> None:
    a = ("The airbase, Japarov emphasized, is not merely a military asset but a strategic "
         "linchpin for the CSTO’s forces.")
    b = ("The airbase, Japarov emphasized, is merely a military asset but a strategic linchpin "
         "for the CSTO’s forces.")
    assert [k for k, _, _ in conflicts(a, b)] == ["negation"]
    assert conflicts(a, a.replace("emphasized", "stressed")) == []
    c = "The promotion of Russian language education is not only about the language itself."
    d = "The promotion of Russian language education is about the language itself and more."
    assert conflicts(c, d) == []


def test_name_changed_where_it_also_occurs_elsewhere() -> None:
    a = ("The robust Russia-Kyrgyzstan relationship is a microcosm of the alliances within the "
         "post-Soviet space, reflecting Russia's continued influence within it.")
    b = a.replace("Russia's", "Novak's")
    assert conflicts(a, b) == [("name", "Russia", "Novak")]
    c = "BRACKTON, Ohio (Wire) — An explosion at a chemical plant in Brackton, Ohio, killed two."
    assert [k for k, _, _ in conflicts(c, c.replace("in Brackton", "in Almaty"))] == ["name"]
    # A name that moves is no conflict.
    assert conflicts("Putin met Japarov in Bishkek on Tuesday.",
                     "Japarov met Putin in Bishkek on Tuesday.") == []


def test_ordinal_words_and_codes() -> None:
    a = ("The FDA approved lomeranab, making it the third drug of its kind on the U.S. market.")
    assert conflicts(a, a.replace("third", "fourth")) == [("number", "third", "fourth")]
    assert conflicts(a, a.replace("third", "3rd")) == []
    g = "Swelling is more common in people with two copies of the APOE4 gene."
    assert conflicts(g, g.replace("two", "four")) == [("number", "two", "four")]
    assert conflicts("Wait a second, he said.", "Wait a minute, he said.") == []


def test_perturbation_slice() -> None:
    """~40 variants of the real articles per seed, three seeds: the §7 targets."""
    p = benchmark("perturbation")
    tp = fp = fn = 0
    for seed in (1, 4, 7):
        tally = p.run(seed=seed, per_kind=1, reworded_docs=1, groups=False, limit=40)["pairs"]
        precision, recall = p.figures(tally)["all"][:2]
        assert precision >= 0.9 and recall >= 0.9, (seed, precision, recall, tally.errors)
        for kind in ("number", "date", "name", "negation"):
            assert tally.tp[kind] + tally.fn[kind] > 0, (seed, kind)
        assert tally.reworded >= 30
        assert tally.reworded_linked >= 0.9 * tally.reworded, (seed, tally.errors)
        assert tally.reworded_conflicts == 0, (seed, tally.errors)
        tp += sum(tally.tp.values())
        fp += sum(tally.fp.values())
        fn += sum(tally.fn.values())
    # Pooled, the §7 aim itself (the engine before these fixes had recall 0.944 here).
    assert tp / (tp + fp) >= 0.95 and tp / (tp + fn) >= 0.95, (tp, fp, fn)
