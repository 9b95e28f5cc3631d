"""Render a claim index as text for people or JSON for scripts (``seedreader report``).

Pure functions from an index to a string: the CLI decides where it goes and whether it is
coloured. Article text passes through :func:`tui.safe_text.safe_line` so nothing in an
article can drive the terminal.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from typing import Any

from tui.claims.model import ClaimIndex, Status
from tui.corpus.model import LoadProblem
from tui.labels import number, short_label
from tui.safe_text import safe_json, safe_line

SCHEMA = "seedreader.report/1"
def to_json_data(index: ClaimIndex, problems: Sequence[LoadProblem] = ()) -> dict[str, Any]:
    """The ``seedreader.report/1`` contract; fields may be added, never removed."""
    documents = [
        {
            "id": doc.id,
            "outlet": doc.outlet,
            "url": doc.url,
            "published": doc.published,
            "author": doc.author,
            "path": doc.path,
            "title": doc.title,
            "statements": len(doc.statements),
            "fingerprint": doc.fingerprint,
            "encoding": doc.encoding,
            "copy_of": index.copy_of.get(doc.id),
            "counts": {s.value: n for s, n in index.status_counts(doc.id).items()},
        }
        for doc in index.documents
    ]
    statements = []
    for sid, st in index.statements.items():
        verdict = index.verdicts[sid]
        statements.append(
            {
                "id": sid,
                "doc": st.doc_id,
                "number": number(st.index),
                "start": st.start,
                "end": st.end,
                "text": st.text,
                "status": verdict.status.value,
                "claim": verdict.claim,
                "sources": verdict.sources,
                "independent_sources": verdict.independent,
                "reason": verdict.reason,
            }
        )
    claims = [
        {
            "id": claim.id,
            "statements": list(claim.statements),
            "sources": claim.sources,
            "links": [
                {
                    "a": link.a,
                    "b": link.b,
                    "score": round(link.score, 3),
                    "shared": list(link.shared),
                    "similarity": link.cosine,
                    **({"notes": list(link.notes)} if link.notes else {}),
                }
                for link in claim.links
            ],
            "conflicts": [
                {
                    "a": c.a,
                    "b": c.b,
                    "kind": c.kind,
                    "a_value": c.a_value,
                    "b_value": c.b_value,
                    "confidence": c.confidence,
                    "reason": c.reason,
                }
                for c in claim.conflicts
            ],
        }
        for claim in index.claims
    ]
    data: dict[str, Any] = {
        "schema": SCHEMA,
        "documents": documents,
        "statements": statements,
        "claims": claims,
        "cross_links": [
            {"a": link.a, "b": link.b, "score": round(link.score, 3),
             "shared": list(link.shared), "similarity": link.cosine}
            for link in index.cross_links
        ],
    }
    if index.notice:
        data["notice"] = index.notice
    if problems:
        data["problems"] = [
            {"path": p.path, "message": p.message, "fatal": p.fatal} for p in problems
        ]
    return data


def to_json(index: ClaimIndex, problems: Sequence[LoadProblem] = ()) -> str:
    return safe_json(json.dumps(to_json_data(index, problems), ensure_ascii=False, indent=2)) + "\n"


class _Style:
    def __init__(self, colour: bool) -> None:
        self.colour = colour

    def __call__(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.colour else text


_STATUS_CODE = {Status.AGREEING: "32", Status.CONFLICTING: "31;1", Status.UNCORROBORATED: "33"}


def to_text(index: ClaimIndex, *, width: int = 100, colour: bool = False) -> str:
    """A report a person reads top to bottom: counts, then conflicts, then lone claims.

    Statements are named ``d2 #6``: the article's key in the document list and the statement's
    number counted from 1, as the reader and the exports count."""
    style = _Style(colour)
    out: list[str] = []
    total = index.status_counts()
    n_statements = len(index.statements)
    out.append(
        style("seedreader report", "1")
        + f": {len(index.documents)} documents, {n_statements} statements, "
        f"{len(index.claims)} claims"
    )
    out.append(
        "  "
        + "  ".join(
            style(f"{s.glyph} {s.value} {total[s]}", _STATUS_CODE[s]) for s in Status
        )
    )
    out.append("")
    out.append(style("Documents", "1"))
    for doc in index.documents:
        counts = index.status_counts(doc.id)
        figures = "  ".join(f"{s.glyph} {counts[s]:>3}" for s in Status)
        tail = f"  {len(doc.statements):>4} statements  {figures}"
        label = f"{doc.outlet} · {doc.name}" if doc.outlet else doc.name
        name = _clip(safe_line(label), width - 6 - len(tail))
        out.append(f"  {doc.id:<4}{name:<{width - 6 - len(tail)}}{tail}")
        out.append("      " + _clip(safe_line(doc.title), width - 6))
        if doc.id in index.copy_of:
            original = index.copy_of[doc.id]
            out.append(f"      copy of {original}: counted with it as one source")
    out.append("")

    conflicts = [(claim, c) for claim in index.claims for c in claim.conflicts]
    out.append(style(f"Conflicts ({len(conflicts)})", "1"))
    if not conflicts:
        out.append("  none found")
    for claim, conflict in conflicts:
        out.append("")
        out.append(
            f"  {claim.id}  " + style(safe_line(conflict.reason), _STATUS_CODE[Status.CONFLICTING])
        )
        for sid in (conflict.a, conflict.b):
            out.extend(_statement_block(index, sid, width))
    out.append("")

    lone = [sid for sid, v in index.verdicts.items() if v.status is Status.UNCORROBORATED]
    out.append(style(f"Uncorroborated ({len(lone)})", "1"))
    if not lone:
        out.append("  none")
    for sid in lone:
        out.extend(_statement_block(index, sid, width))
    return "\n".join(out) + "\n"


def _statement_block(index: ClaimIndex, sid: str, width: int) -> list[str]:
    label = f"    {short_label(index, sid):<8} "
    body = safe_line(index.statements[sid].text)
    lines = textwrap.wrap(body, width=max(20, width - len(label))) or [""]
    return [label + lines[0], *(" " * len(label) + line for line in lines[1:])]


def _clip(text: str, room: int) -> str:
    room = max(room, 8)
    return text if len(text) <= room else text[: room - 1] + "…"
