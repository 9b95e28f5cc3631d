"""Copies are not corroboration: wire copies, re-posts and copied passages count once."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from tests.ui_fixtures import make_index
from tui.claims.copies import detect_copies
from tui.claims.model import Status
from tui.claims.shingles import quoted_spans
from tui.claims.sources import independent_sources, mark_copies
from tui.corpus.document import document_from_text
from tui.corpus.model import Document

WIRE = """Flood waters cut the main road

Flood waters cut the main road between the two river towns on Sunday, leaving hundreds of families without a way out.

Rescue crews in boats reached the last stranded houses late in the evening, the regional emergency office said in a statement.

The river rose more than two metres in six hours after a week of heavy rain in the hills to the north.

Officials expect the water to fall slowly over the coming days, but warned that more rain is forecast for Thursday.

Schools in both towns will stay closed until the road is repaired and inspected by engineers.
"""

OTHER = """Towns cut off as river bursts its banks

Hundreds of households were stranded when the swollen river swamped the only road linking the towns.

Volunteers with fishing boats joined the rescue, according to residents we spoke to at the shelter.

The mayor blamed years of delay in building a flood wall, which was first proposed in 2015.

Forecasters have warned of further storms later in the week.
"""


def doc(doc_id: str, text: str, name: str, published: str = "") -> Document:
    d = document_from_text(text, doc_id=doc_id, path=f"story/{name}")
    return dataclasses.replace(d, published=published)


def wire_copies() -> list[Document]:
    paras = WIRE.split("\n\n")
    repost = "\n\n".join(["Road cut by floods", "Originally published by the wire.", *paras[1:]])
    trimmed = "\n\n".join(paras[:4])
    return [doc("d1", repost, "01_poster.txt", "2024-05-06"),
            doc("d2", WIRE, "02_wire.txt", "2024-05-05"),
            doc("d3", trimmed, "03_daily.txt", "2024-05-07"),
            doc("d4", OTHER, "04_gazette.txt", "2024-05-05")]


def test_reposts_and_trimmed_copies_name_the_earliest_as_original() -> None:
    copies = detect_copies(wire_copies())
    assert copies.copy_of == {"d1": "d2", "d3": "d2"}


def test_without_dates_the_fullest_text_is_the_original() -> None:
    # The re-post carries one line more than the wire text, the trimmed copy far less.
    docs = [dataclasses.replace(d, published="") for d in wire_copies()]
    assert detect_copies(docs).copy_of == {"d2": "d1", "d3": "d1"}


def test_one_undated_copy_means_the_fullest_is_the_original() -> None:
    docs = wire_copies()
    docs[1] = dataclasses.replace(docs[1], published="")
    assert detect_copies(docs).copy_of == {"d2": "d1", "d3": "d1"}


def test_shared_quotations_are_not_copying() -> None:
    speech = ("\"We will rebuild every bridge and every road that this flood has taken from us, "
              "and we will do it before the winter comes,\" the governor told the crowd.")
    a = doc("d1", f"Governor visits\n\nThe governor spoke in the town square on Monday.\n\n{speech}\n",
            "a.txt")
    b = doc("d2", f"Pledge to rebuild\n\nIn a speech to flood victims, she made a promise.\n\n{speech}\n",
            "b.txt")
    copies = detect_copies([a, b])
    assert not copies.copy_of and not copies.passages


def test_a_quote_running_over_several_sentences_is_one_span() -> None:
    text = "He said: “We will rebuild. Every road. Every bridge.” Then he left."
    assert quoted_spans(text) == [(text.index("“"), text.index("”") + 1)]


def test_quote_marks_left_open_or_closed_alone_reach_the_paragraph_ends() -> None:
    # A close with nothing open quotes from the start (the quote began in an earlier
    # paragraph); an open never closed quotes to the end (it goes on in the next one).
    assert quoted_spans("every bridge.” Then he left.") == [(0, 14)]
    text = "Then he said: “We will rebuild."
    assert quoted_spans(text) == [(text.index("“"), len(text))]


def test_copied_paragraphs_inside_an_independent_story_are_passages() -> None:
    wire_paras = WIRE.split("\n\n")
    mixed = "\n\n".join([*OTHER.strip().split("\n\n")[:3], wire_paras[2], wire_paras[3],
                         OTHER.strip().split("\n\n")[3]])
    docs = [doc("d1", WIRE, "wire.txt"), doc("d2", mixed, "mixed.txt")]
    copies = detect_copies(docs)
    assert not copies.copy_of
    copied = {tuple(sorted(p)) for p in copies.passages}
    texts = {docs[0].statements[int(a.split(":")[1])].text[:20] for a, _ in copied}
    assert texts == {"Rescue crews in boat", "The river rose more "}


def test_one_shared_sentence_alone_is_not_a_copied_passage() -> None:
    line = WIRE.split("\n\n")[3]
    mixed = OTHER.replace("Forecasters have warned of further storms later in the week.", line)
    copies = detect_copies([doc("d1", WIRE, "wire.txt"), doc("d2", mixed, "other.txt")])
    assert not copies.passages


def test_independent_sources_count_copies_once() -> None:
    docs = wire_copies()
    copies = detect_copies(docs)
    assert independent_sources(["d1:0", "d2:0", "d3:0"], copies) == 1
    assert independent_sources(["d1:0", "d2:0", "d4:0"], copies) == 2


def test_statements_only_copies_agree_with_are_not_agreeing() -> None:
    docs = wire_copies()
    first = [d.statements[0].id for d in docs[:3]]
    index = mark_copies(make_index(docs, groups=[first, ["d2:1", "d4:0"]]))
    copied = index.verdicts["d2:0"]
    assert copied.status is Status.UNCORROBORATED
    assert (copied.sources, copied.independent_sources) == (3, 1)
    assert copied.reason.startswith("only copies of this text agree (3 sources, 1 independent)")
    confirmed = index.verdicts["d2:1"]
    assert confirmed.status is Status.AGREEING and confirmed.independent_sources == 2
    assert index.copy_of == {"d1": "d2", "d3": "d2"}


def test_report_json_marks_copies_and_independent_sources(tmp_path: Path) -> None:
    from tui.cli import main

    paras = WIRE.split("\n\n")
    (tmp_path / "01_wire.txt").write_text(WIRE)
    (tmp_path / "02_poster.txt").write_text("\n\n".join(["Road cut", *paras[1:], "© Poster"]))
    (tmp_path / "03_daily.txt").write_text("\n\n".join(paras[:4]))
    (tmp_path / "04_gazette.txt").write_text(OTHER)
    out = tmp_path / "out.json"
    import contextlib
    import io

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        assert main(["report", "--format", "json", str(tmp_path)]) == 0
    out.write_text(buf.getvalue())
    data = json.loads(out.read_text())
    docs = {d["outlet"]: d for d in data["documents"]}
    assert docs["poster"]["copy_of"] == docs["daily"]["copy_of"] == docs["wire"]["id"]
    assert docs["wire"]["copy_of"] is None and docs["gazette"]["copy_of"] is None
    wire_ids = {docs["wire"]["id"], docs["poster"]["id"], docs["daily"]["id"]}
    copied = [s for s in data["statements"] if s["doc"] in wire_ids and s["sources"] > 1
              and s["independent_sources"] == 1]
    assert copied and all(s["status"] != "agreeing" for s in copied)
