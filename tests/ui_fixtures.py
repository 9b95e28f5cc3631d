"""Small hand-made documents and claim indexes for UI tests that must not depend on the engine."""

from __future__ import annotations

import asyncio
import functools
import hashlib
import re
from collections.abc import Callable, Coroutine, Sequence
from typing import Any

from tui.claims.model import Claim, ClaimIndex, Conflict, Link, Status, Verdict
from tui.corpus.model import Document, Span, SpanKind, Statement

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def make_document(doc_id: str, path: str, text: str, title: str | None = None) -> Document:
    """Split ``text`` into one statement per sentence; a first line starting with ``# `` is the title."""
    statements: list[Statement] = []
    spans: list[Span] = []
    paragraph = 0
    offset = 0
    for line in text.split("\n"):
        if not line.strip():
            paragraph += 1
        elif line.startswith("# "):
            spans.append(Span(SpanKind.TITLE, offset, offset + len(line), line))
        elif line.startswith("By "):
            spans.append(Span(SpanKind.BYLINE, offset, offset + len(line), line))
        else:
            for match in _SENTENCE.finditer(line):
                chunk = match.group()
                if not chunk.strip():
                    continue
                lead = len(chunk) - len(chunk.lstrip())
                start = offset + match.start() + lead
                body = chunk.strip()
                statements.append(
                    Statement(
                        id=f"{doc_id}:{len(statements)}",
                        doc_id=doc_id,
                        index=len(statements),
                        start=start,
                        end=start + len(body),
                        text=body,
                        plain=body,
                        paragraph=paragraph,
                    )
                )
        offset += len(line) + 1
    return Document(
        id=doc_id,
        path=path,
        title=title or (spans[0].text[2:] if spans else path),
        text=text,
        statements=tuple(statements),
        spans=tuple(spans),
        fingerprint=hashlib.sha256(text.encode()).hexdigest(),
    )


def make_index(
    documents: Sequence[Document],
    groups: Sequence[Sequence[str]] = (),
    conflicts: Sequence[Conflict] = (),
) -> ClaimIndex:
    """A claim index from explicit groups of statement ids; every other statement stands alone."""
    statements = {s.id: s for d in documents for s in d.statements}
    claims: list[Claim] = []
    verdicts: dict[str, Verdict] = {}
    grouped: set[str] = set()
    for number, group in enumerate(groups):
        links = tuple(
            Link(a, b, 0.9, ("shared",), ("about 3,000 ≈ 3,200 (rounding)",) if number == 0 else ())
            for i, a in enumerate(group)
            for b in group[i + 1 :]
        )
        group_conflicts = tuple(c for c in conflicts if c.a in group)
        sources = len({statements[s].doc_id for s in group})
        claim = Claim(f"c{number}", tuple(group), links, group_conflicts, sources)
        claims.append(claim)
        for sid in group:
            grouped.add(sid)
            in_conflict = any(sid in (c.a, c.b) for c in group_conflicts)
            status = Status.CONFLICTING if in_conflict else Status.AGREEING
            reason = "; ".join(c.reason for c in group_conflicts) if in_conflict else f"{sources} sources agree"
            verdicts[sid] = Verdict(status, claim.id, sources, reason)
    for sid in statements:
        if sid in grouped:
            continue
        claim = Claim(f"c{len(claims)}", (sid,), (), (), 1)
        claims.append(claim)
        verdicts[sid] = Verdict(Status.UNCORROBORATED, claim.id, 1, "only this source reports it")
    return ClaimIndex(
        documents=tuple(documents),
        claims=tuple(claims),
        verdicts=verdicts,
        statements=statements,
        claim_by_id={c.id: c for c in claims},
    )


ARTICLE_A = """# Leader arrives in capital

By Staff Reporter

The president arrived in the capital on November 25th for a state visit.
About 3,000 people lined the streets to greet him.

Talks focused on the airbase and energy cooperation.
The visit ends on Friday.
"""

ARTICLE_B = """# State visit begins

The president landed in the capital on November 26, 2025.
Some 3,200 people lined the streets.

The two leaders discussed the airbase.
Officials signed six agreements on trade.
"""

ARTICLE_C = """# Visit draws crowds

Crowds of about 3,000 greeted the president.
The talks were held behind closed doors.
"""


def small_corpus() -> tuple[list[Document], ClaimIndex]:
    """Three articles: one date conflict, one agreeing pair of crowd figures, the rest alone."""
    docs = [
        make_document("d1", "a/leader-arrives.txt", ARTICLE_A),
        make_document("d2", "a/state-visit.txt", ARTICLE_B),
        make_document("d3", "a/crowds.txt", ARTICLE_C),
    ]
    index = make_index(
        docs,
        groups=[("d1:1", "d2:1", "d3:0"), ("d1:0", "d2:0"), ("d1:2", "d2:2")],
        conflicts=[Conflict("d1:0", "d2:0", "date", "November 25th", "November 26, 2025", "arrival")],
    )
    return docs, index


def hostile_document(doc_id: str = "d9") -> Document:
    text = (
        "# Hostile [bold red]title[/]\n\n"
        "Markup [bold red]x[/] stays literal.\n"
        "A link [link=http://e]y[/link] is not followed.\n"
        "Escape \x1b[31mred\x1b[0m and bell \x07 are shown.\n"
        + "z" * 200_000
        + ".\n"
    )
    return make_document(doc_id, "evil.txt", text)


def sample_documents() -> tuple[Document, ...]:
    from tui.corpus import load_corpus
    from tui.paths import sample_corpus_dir

    return load_corpus([sample_corpus_dir()]).documents


async def ready(pilot: object) -> None:
    """Wait until the claim index worker is done and the panes have synced to it."""
    app = pilot.app  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    await settled(pilot)


async def settled(pilot: object) -> None:
    """Wait out the claim panel's delayed shrink, so screenshots do not depend on timing."""
    from tui.widgets.claim_panel import ClaimPanel

    app = pilot.app  # type: ignore[attr-defined]
    for _ in range(40):
        try:
            screen = app.get_screen("reader")
        except KeyError:
            screen = app.screen
        panels = list(screen.query(ClaimPanel))
        if not any(panel._shrink_timer is not None for panel in panels):
            break
        await pilot.pause(0.05)  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


def view_text(view: object) -> list[str]:
    """The plain text of every visible row of an ``ArticleView``, as rendered strips."""
    height = view.scrollable_content_region.height  # type: ignore[attr-defined]
    return [view.render_line(y).text for y in range(height)]  # type: ignore[attr-defined]


def sync(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async Pilot test with ``asyncio.run`` (no async pytest plugin is installed)."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


def small_app(data_dir: Any, documents: Sequence[Document] | None = None, **kwargs: Any) -> Any:
    """The reader app on ``small_corpus()`` (or ``documents`` with no links), with a fixed index."""
    from tui.app import SeedReaderApp

    docs, index = small_corpus()
    if documents is not None:
        docs = list(documents)
        index = make_index(docs)
    return SeedReaderApp(docs, corpus_key="small", data_dir=data_dir, index_builder=lambda _: index, **kwargs)


def seed_notes(data_dir: Any, *notes: tuple[int, int, str]) -> list[Any]:
    """Save notes as ``(document number, statement number, body)`` on ``small_corpus()`` in ``data_dir``."""
    from tui.notes import NoteStore

    docs, _ = small_corpus()
    with NoteStore.default(data_dir) as store:
        return [store.add(docs[d], docs[d].statements[s], body) for d, s, body in notes]
