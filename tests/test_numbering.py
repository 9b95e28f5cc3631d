"""Statements are numbered from 1 wherever a person reads them; ids stay in JSON only."""

from __future__ import annotations

import re

from tests.ui_fixtures import small_corpus
from tui.labels import readable_reason, short_label
from tui.report import to_json_data, to_text

ID = re.compile(r"\bd\d+:\d+\b")


def test_report_text_names_statements_by_article_key_and_number_from_one() -> None:
    _, index = small_corpus()
    text = to_text(index)
    assert not ID.findall(text), "no internal ids in the text report"
    # the date conflict is between the first statements of d1 and d2
    assert "d1 #1 " in text and "d2 #1 " in text
    assert short_label(index, "d2:3") == "d2 #4"


def test_json_keeps_ids_and_adds_the_number_a_person_reads() -> None:
    _, index = small_corpus()
    statements = {s["id"]: s for s in to_json_data(index)["statements"]}
    assert statements["d2:0"]["number"] == 1


def test_reasons_name_statements_instead_of_ids() -> None:
    names = {"d2:2": "state-visit.txt #3"}
    assert readable_reason("agrees with d2:2 and 1 more", names.get) == "agrees with state-visit.txt #3 and 1 more"
    assert readable_reason("date: a ≠ b (d9:1)", names.get) == "date: a ≠ b (another statement)"


def test_claim_panel_words_a_possible_conflict_as_the_report_does() -> None:
    from dataclasses import replace

    from tui.claims.model import Claim
    from tui.widgets.claim_panel import ClaimPanel

    _, index = small_corpus()
    claims = tuple(
        replace(c, conflicts=tuple(replace(x, confidence="possible") for x in c.conflicts)) for c in index.claims
    )
    index = replace(index, claims=claims, claim_by_id={c.id: c for c in claims})
    panel = ClaimPanel()
    panel._index, panel._statement_id, panel._by_id = index, "d1:0", {d.id: d for d in index.documents}
    text = panel.describe().plain
    assert "possibly different date: November 25th / November 26, 2025" in text
    assert "≠" not in text
    assert isinstance(claims[0], Claim)
