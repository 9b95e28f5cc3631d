"""build_index: linking, claims, verdicts, the sample corpus and the labelled fixtures."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.claims_helpers import benchmark
from tui.claims import IndexConfig, Status, build_index
from tui.corpus.model import Document, Statement

ROOT = Path(__file__).resolve().parent.parent


def doc(doc_id: str, *sentences: str) -> Document:
    statements = []
    text = ""
    for k, s in enumerate(sentences):
        text += " " if text else ""
        start = len(text)
        text += s
        statements.append(Statement(f"{doc_id}:{k}", doc_id, k, start, len(text), s, s, 0))
    return Document(doc_id, f"{doc_id}.txt", doc_id, text, tuple(statements))


SCHOOLS_A = ("Putin revealed that nine Russian language schools are currently under construction "
             "in Kyrgyzstan, with the first three scheduled to open on September 1, 2027.")
SCHOOLS_B = ("Nine schools are being built in Kyrgyzstan, the first of which will open in 2027, "
             "and 157 Russian teachers are working in the republic.")
KANT_A = ("Kyrgyz President Sadyr Japarov has underscored the critical role of the Russian "
          "airbase in Kant, Central Asia, as a cornerstone of regional stability and security.")
KANT_B = "The Russian airbase in Kant plays a key role in ensuring regional security."
UNRELATED_A = "The national flags of Russia and Kyrgyzstan were raised in unison."
UNRELATED_B = "Energy and food security are the cornerstones of modern national security."


def _index() -> tuple[dict[str, str], dict[str, Status]]:
    index = build_index([
        doc("d1", SCHOOLS_A, KANT_A, UNRELATED_A),
        doc("d2", UNRELATED_B, KANT_B, SCHOOLS_B),
    ])
    return ({s: v.claim for s, v in index.verdicts.items()},
            {s: v.status for s, v in index.verdicts.items()})


def test_true_pairs_link_and_unrelated_do_not() -> None:
    claim, status = _index()
    assert claim["d1:0"] == claim["d2:2"]
    assert claim["d1:1"] == claim["d2:1"]
    assert claim["d1:2"] != claim["d2:0"]
    assert claim["d1:0"] != claim["d1:1"]
    assert status["d1:2"] is Status.UNCORROBORATED


def test_link_carries_score_and_shared_evidence() -> None:
    index = build_index([doc("d1", SCHOOLS_A), doc("d2", SCHOOLS_B)])
    (claim,) = index.claims
    (link,) = claim.links
    assert 0.0 < link.score <= 1.0
    assert {"schools", "Kyrgyzstan", "2027"} <= set(link.shared)
    assert index.verdicts["d1:0"].reason.startswith("agrees with d2:0")
    assert claim.sources == 2


def test_same_document_never_links() -> None:
    index = build_index([doc("d1", KANT_A, KANT_A)])
    assert len(index.claims) == 2
    assert all(v.status is Status.UNCORROBORATED for v in index.verdicts.values())


def test_threshold_is_honoured() -> None:
    docs = [doc("d1", SCHOOLS_A), doc("d2", SCHOOLS_B)]
    assert len(build_index(docs).claims) == 1
    # Lexical only: link_threshold decides.
    assert len(build_index(docs, IndexConfig(link_threshold=0.99), semantic=False).claims) == 2
    # With the sentence model a pair links on probability, or on the lexical rule alone.
    strict = IndexConfig(link_threshold=0.99, link_probability=0.999)
    assert len(build_index(docs, strict).claims) == 2


def test_conflict_status_and_reason() -> None:
    index = build_index([
        doc("d1", "The storm killed 12 people in Marlow on Tuesday."),
        doc("d2", "The storm killed at least 14 people in Marlow on Tuesday."),
        doc("d3", "Local bakeries reopened after the storm passed."),
    ])
    v1, v2 = index.verdicts["d1:0"], index.verdicts["d2:0"]
    assert v1.status is v2.status is Status.CONFLICTING
    assert "12" in v1.reason and "at least 14" in v1.reason and "d2:0" in v1.reason
    assert index.verdicts["d3:0"].status is Status.UNCORROBORATED
    assert index.verdicts["d3:0"].reason == "no matching statement found in the other articles"
    (c,) = index.conflicts_of("d1:0")
    assert (c.kind, c.a_value, c.b_value) == ("number", "12", "at least 14")


def test_claim_ids_follow_corpus_order() -> None:
    index = build_index([doc("d1", UNRELATED_A, KANT_A), doc("d2", KANT_B)])
    assert [c.id for c in index.claims] == ["c1", "c2"]
    assert index.claims[0].statements == ("d1:0",)
    assert index.claim_of("d2:0").id == "c2"
    assert index.counterparts("d1:1") == {"d2": "d2:0"}


def test_fixtures_meet_accuracy_targets() -> None:
    result, figures = benchmark("accuracy").run()
    for kind in ("number", "date", "name", "negation", "antonym", "all"):
        precision, recall = figures[f"conflict:{kind}"]
        assert precision >= 0.9 and recall >= 0.9, (kind, precision, recall)
    assert figures["links"][0] >= 0.9 and figures["links"][1] >= 0.9
    assert result["linked_reworded"] >= 0.9
    assert result["false_conflicts_on_reworded"] == 0
    for status in ("agreeing", "conflicting", "uncorroborated"):
        assert min(figures[f"status:{status}"]) >= 0.85, status


def test_fixtures_have_enough_labelled_pairs() -> None:
    fx = benchmark("accuracy").load_fixture()
    kinds = Counter(k for k in fx.kind.values() if k)
    assert sum(kinds.values()) >= 30 and len(kinds) == 5
    assert len(fx.key) >= 130


@pytest.fixture(scope="module")
def sample_index():  # type: ignore[no-untyped-def]
    corpus = pytest.importorskip("tui.corpus")
    from tui.paths import sample_corpus_dir

    result = corpus.load_corpus([sample_corpus_dir()])
    return build_index(result.documents)


def test_sample_corpus_date_conflict(sample_index) -> None:  # type: ignore[no-untyped-def]
    found = [(c.a_value, c.b_value) for claim in sample_index.claims for c in claim.conflicts
             if c.kind == "date"]
    assert ("November 25th", "November 26, 2025") in found or (
        "November 26, 2025", "November 25th") in found
    for claim in sample_index.claims:
        for c in claim.conflicts:
            assert c.a_value in sample_index.statements[c.a].text
            assert c.b_value in sample_index.statements[c.b].text


def test_sample_corpus_every_statement_in_one_claim(sample_index) -> None:  # type: ignore[no-untyped-def]
    seen = Counter(s for claim in sample_index.claims for s in claim.statements)
    assert set(seen) == set(sample_index.statements)
    assert set(seen.values()) == {1}
    for sid, verdict in sample_index.verdicts.items():
        assert sid in sample_index.claim_by_id[verdict.claim].statements


def test_sample_corpus_true_pairs(sample_index) -> None:  # type: ignore[no-untyped-def]
    def sid(fragment: str) -> str:
        return next(s.id for s in sample_index.statements.values() if fragment in s.text)

    claim = {s: v.claim for s, v in sample_index.verdicts.items()}
    assert claim[sid("Nine schools are being built")] == claim[sid("nine Russian language schools")]
    assert claim[sid("Kant plays a key role")] == claim[sid("critical role of the Russian airbase")]


def test_imports_and_builds_without_textual() -> None:
    code = (
        "import sys\n"
        "from tui.claims import build_index\n"
        "from tui.corpus.model import Document, Statement\n"
        "s = Statement('d1:0', 'd1', 0, 0, 5, 'Hello', 'Hello', 0)\n"
        "idx = build_index([Document('d1', 'a.txt', 'a', 'Hello', (s,))])\n"
        "assert idx.verdicts['d1:0'].status.value == 'uncorroborated'\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_sample_corpus_first_sentences_of_d2_and_d3_link(sample_index) -> None:  # type: ignore[no-untyped-def]
    def sid(fragment: str) -> str:
        return next(s.id for s in sample_index.statements.values() if fragment in s.text)

    a = sid("underscored the critical role of the Russian airbase in Kant")
    b = sid("underscored the strategic significance of the Russian airbase in Kant")
    assert sample_index.claim_of(a).id == sample_index.claim_of(b).id


TEMPTING = [
    # Topic words plus a stem that is not the same word (coincided / coincidence).
    ("Putin's visit coincided with the 25th anniversary", "The timing of Putin’s visit is no"),
    # One shared term; a six-word fragment against a long sentence.
    ("This is an alliance that:", "fully demonstrates the strong alliance"),
    # A name and a reporting verb are not a report.
    ("The President of Kyrgyzstan, Sadyr Japarov, emphasized that:",
     "has underscored the critical role of the Russian airbase in Kant"),
    ("The President of Kyrgyzstan, Sadyr Japarov, emphasized that:",
     "has underscored the strategic significance of the Russian airbase"),
    ("The President of Kyrgyzstan, Sadyr Japarov, emphasized that:",
     "still slated to engage in discussions"),
    ("The President of Kyrgyzstan, Sadyr Japarov, emphasized that:",
     "paid a state visit to Kyrgyzstan and held in-depth talks"),
    ("The role of the Russian-Kyrgyz Development Fund", "Japarov highly praised the key role"),
    ("16,000 Kyrgyz citizens are studying", "The promotion of Russian language education"),
    ("The Russian airbase in Kant plays a key role", "The airbase in Kant is a symbol of Russia"),
]


@pytest.mark.parametrize(("left", "right"), TEMPTING)
def test_sample_corpus_tempting_pairs_do_not_link(sample_index, left: str, right: str) -> None:  # type: ignore[no-untyped-def]
    def sid(fragment: str) -> str:
        (found,) = [s.id for s in sample_index.statements.values() if fragment in s.text]
        return found

    a, b = sid(left), sid(right)
    assert sample_index.claim_of(a).id != sample_index.claim_of(b).id
    assert b not in sample_index.counterparts(a).values()


def _one_document_per_claim(index) -> None:  # type: ignore[no-untyped-def]
    for claim in index.claims:
        docs = [index.statements[s].doc_id for s in claim.statements]
        assert len(docs) == len(set(docs)), claim
        assert claim.sources == len(docs)
        members = set(claim.statements)
        for link in claim.links:
            assert {link.a, link.b} <= members
        for conflict in claim.conflicts:
            assert {conflict.a, conflict.b} <= members


def test_sample_corpus_no_claim_holds_two_statements_of_one_document(sample_index) -> None:  # type: ignore[no-untyped-def]
    _one_document_per_claim(sample_index)
    assert max(len(c.statements) for c in sample_index.claims) <= len(sample_index.documents)


def test_real_sets_no_claim_holds_two_statements_of_one_document() -> None:
    for linkset in benchmark("accuracy").load_linksets():
        _one_document_per_claim(build_index(linkset.documents))


def test_chain_through_one_vague_statement_is_refused() -> None:
    # d2's statement matches both of d1's; only the better one may join its claim.
    index = build_index([
        doc("d1", "The Harlan plant in Brackton exploded on Tuesday, killing two workers.",
            "Harlan workers in Brackton held a vigil on Tuesday evening for the two dead."),
        doc("d2", "Two workers died when the Harlan plant in Brackton exploded on Tuesday."),
    ])
    assert index.claim_of("d1:0").id == index.claim_of("d2:0").id
    assert index.claim_of("d1:1").id != index.claim_of("d2:0").id


def test_a_name_alone_does_not_link() -> None:
    index = build_index([
        doc("d1", "Finance Minister Ingrid Halvorsen spoke first."),
        doc("d2", "Finance Minister Ingrid Halvorsen resigned on Friday after the budget vote."),
    ])
    assert index.verdicts["d1:0"].status is Status.UNCORROBORATED


def test_topic_words_of_the_corpus_weigh_little() -> None:
    story = ("Harlan", "Brackton")
    # Each outlet's own news under the same names (one-word edits of one sentence would be
    # copies, which do link: see test_claims_perturbation).
    tails = (("budget vote", "school audit", "road repairs"),
             ("water prices", "bridge closure", "library hours"),
             ("tax rebate", "park lighting", "bus routes"))
    docs = [doc(f"d{k}", *(f"{story[0]} said {story[1]} {w} {tails[k - 1][j]}."
                           for j, w in enumerate(("alpha", "beta", "gamma"))),
                "Crews from four departments needed three hours to contain the fire.")
            for k in range(1, 4)]
    index = build_index(docs)
    # The fact everyone reports links; statements sharing only the story's names do not.
    assert len({index.claim_of(f"d{k}:3").id for k in range(1, 4)}) == 1
    assert index.verdicts["d1:0"].status is Status.UNCORROBORATED


def test_real_text_link_precision_floor() -> None:
    real = benchmark("accuracy").run_real()
    precision, recall = benchmark("accuracy").link_prf(real["all"])
    assert precision >= 0.7 and recall >= 0.45, (precision, recall)
    assert real["all"]["tempting"] <= 6
