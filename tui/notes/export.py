"""Notes and the claim index as Markdown an editor can read (writing the file: ``write.py``).

The output is CommonMark with YAML front matter (Obsidian reads both). Article and note
text are untrusted: every piece is escaped so it stays text, never Markdown structure or
HTML, and control characters are replaced so printing the export cannot drive a terminal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from tui.claims.model import ClaimIndex, Conflict, Status
from tui.corpus.decode import LINE_BREAKS
from tui.corpus.model import Document, Statement
from tui.notes.model import AnchoredNote, AnchorState
from tui.notes.write import ExportError, write_atomically
from tui.safe_text import UNSAFE


# -- escaping -------------------------------------------------------------------------------

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~$])")
_ENTITY_START = re.compile(r"&(?=[#A-Za-z0-9])")
_ORDERED_MARKER = re.compile(r"^(\d{1,9})([.)])")


def _safe_text(text: str) -> str:
    """Line breaks as LF, other control and bidi characters (except tab) as U+FFFD."""
    return UNSAFE.sub("\ufffd", LINE_BREAKS.sub("\n", text))


def md_inline(text: str) -> str:
    """``text`` on one line, escaped so CommonMark (and Obsidian) show it verbatim."""
    line = " ".join(_safe_text(text).split())
    return _escape_line(line)


def _escape_line(line: str) -> str:
    line = _INLINE_SPECIAL.sub(r"\\\1", line)
    line = _ENTITY_START.sub(r"\\&", line)
    line = line.replace("%%", "%\\%").replace("==", "=\\=")
    if line[:1] in ("-", "+", "="):
        line = "\\" + line
    return _ORDERED_MARKER.sub(r"\1\\\2", line)


def md_block(text: str) -> str:
    """Multi-line text as escaped paragraphs: line breaks kept, blank lines separate paragraphs."""
    paragraphs: list[list[str]] = [[]]
    for raw in _safe_text(text).split("\n"):
        line = " ".join(raw.split())
        if line:
            paragraphs[-1].append(_escape_line(line))
        elif paragraphs[-1]:
            paragraphs.append([])
    return "\n\n".join("\\\n".join(lines) for lines in paragraphs if lines)


_YAML_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t"}


def yaml_str(text: str) -> str:
    """A YAML double-quoted scalar; anything not printable is written as ``\\uXXXX``."""
    out = []
    for ch in text:
        if ch in _YAML_ESCAPES:
            out.append(_YAML_ESCAPES[ch])
        elif not ch.isprintable() and ch != " ":
            code = ord(ch)
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _iso(moment: datetime) -> str:
    return _utc(moment).isoformat(timespec="seconds").replace("+00:00", "Z")


def _human_time(stamp: str) -> str:
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return md_inline(stamp)
    return _utc(moment).strftime("%Y-%m-%d %H:%M UTC")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


# -- the document ---------------------------------------------------------------------------


def export_markdown(
    index: ClaimIndex,
    notes: Sequence[AnchoredNote],
    *,
    title: str,
    exported_at: datetime,
) -> str:
    """The corpus' notes as Markdown: front matter, annotated statements per article, orphans,
    then every conflict in the corpus. Deterministic for the same inputs."""
    docs = {doc.id: doc for doc in index.documents}
    placed = [a for a in notes if a.state is not AnchorState.ORPHANED and a.doc_id in docs]
    orphans = [a for a in notes if a not in placed]
    tags = sorted({tag for a in notes for tag in a.note.tags})

    out: list[str] = ["---", f"title: {yaml_str(title)}", f"exported: {yaml_str(_iso(exported_at))}"]
    out.append("generator: seedreader")
    out.append("sources:" if index.documents else "sources: []")
    for doc in index.documents:
        if doc.outlet:
            out.append(f"  - outlet: {yaml_str(doc.outlet)}")
            out.append(f"    title: {yaml_str(doc.title or doc.name)}")
        else:
            out.append(f"  - title: {yaml_str(doc.title or doc.name)}")
        out.append(f"    path: {yaml_str(doc.path)}")
        if doc.fingerprint:
            out.append(f"    sha256: {yaml_str(doc.fingerprint)}")
    out.append(f"notes: {len(notes)}")
    out.append(f"orphaned: {len(orphans)}")
    out.append("tags: [" + ", ".join(yaml_str(t) for t in tags) + "]")
    out += ["---", "", f"# {md_inline(title)}", ""]

    annotated = sorted({a.doc_id for a in placed if a.doc_id}, key=[d.id for d in index.documents].index)
    summary = (
        f"Exported {_utc(exported_at).strftime('%Y-%m-%d %H:%M UTC')}: "
        f"{_plural(len(notes), 'note')} on {len(annotated)} of {_plural(len(index.documents), 'article')}"
    )
    if orphans:
        summary += f", {len(orphans)} orphaned"
    out += [summary + ".", ""]

    for doc_id in annotated:
        out += _article_section(index, docs[doc_id], [a for a in placed if a.doc_id == doc_id])
    if orphans:
        out += _orphan_section(docs, orphans)
    out += _conflict_section(index)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


def _doc_heading(doc: Document) -> str:
    heading = md_inline(doc.title or doc.name)
    return f"{md_inline(doc.outlet)}: {heading}" if doc.outlet else heading


def _article_section(index: ClaimIndex, doc: Document, notes: list[AnchoredNote]) -> list[str]:
    out = [f"## {_doc_heading(doc)}", "", f"Source: {md_inline(doc.path)}", ""]
    groups: dict[str | None, list[AnchoredNote]] = {}
    for a in notes:
        groups.setdefault(a.statement_id, []).append(a)

    def position(key: str | None) -> tuple[int, int]:
        st = index.statements.get(key) if key else None
        if st is not None:
            return (st.start, 0)
        return (min(a.start or 0 for a in groups[key]), 1)

    for key in sorted(groups, key=position):
        group = sorted(groups[key], key=lambda a: (a.note.created_at, a.note.id))
        st = index.statements.get(key) if key else None
        if st is None:
            found = group[0]
            quote = doc.text[found.start or 0 : found.end or 0] or found.note.quote
            out += ["### Outside the statements", "", f"> {md_inline(quote)}", ""]
        else:
            out += [f"### Statement {st.index + 1}", "", f"> {md_inline(st.text)}", ""]
            out += _status_lines(index, st)
        for a in group:
            out += _note_lines(a)
    return out


def _status_lines(index: ClaimIndex, st: Statement) -> list[str]:
    verdict = index.verdicts.get(st.id)
    if verdict is None:
        return ["**Status:** not in the claim index", ""]
    status = verdict.status.value if isinstance(verdict.status, Status) else str(verdict.status)
    sources = _plural(verdict.sources, "source")
    out = [f"**Status:** {md_inline(status)} ({sources}): {md_inline(verdict.reason)}", ""]
    conflicts = _conflicts_of(index, st.id)
    if conflicts:
        out += ["Other versions:", ""]
        for conflict in conflicts:
            other_id = conflict.b if conflict.a == st.id else conflict.a
            other = index.statements.get(other_id)
            if other is None:
                continue
            out.append(
                f"- *{_source_name(index, other)}*, statement {other.index + 1} "
                f"({md_inline(_reason_from(conflict, st.id))}): {md_inline(other.text)}"
            )
        out.append("")
    elif verdict.status is Status.AGREEING:
        others = [index.statements[sid] for sid in _counterparts(index, st.id) if sid in index.statements]
        if others:
            names = ", ".join(f"*{_source_name(index, o)}* (statement {o.index + 1})" for o in others)
            out += [f"Also reported by {names}.", ""]
    return out


def _conflicts_of(index: ClaimIndex, sid: str) -> list[Conflict]:
    try:
        return index.conflicts_of(sid)
    except KeyError:
        return []


def _counterparts(index: ClaimIndex, sid: str) -> list[str]:
    try:
        return list(index.counterparts(sid).values())
    except KeyError:
        return []


def _reason_from(conflict: Conflict, sid: str) -> str:
    """The conflict told from ``sid``'s side: its value first."""
    if conflict.a == sid:
        return conflict.reason
    return f"{conflict.kind}: {conflict.b_value} ≠ {conflict.a_value}"


def _source_name(index: ClaimIndex, st: Statement) -> str:
    for doc in index.documents:
        if doc.id == st.doc_id:
            return _doc_heading(doc)
    return md_inline(st.doc_id)


def _note_lines(a: AnchoredNote) -> list[str]:
    note = a.note
    head = ["**Note**"]
    if note.tags:
        head.append(" ".join("#" + md_inline(tag) for tag in note.tags))
    head.append(_human_time(note.updated_at))
    if a.state is AnchorState.MOVED:
        head.append(
            "re-attached after the article changed"
            + (f" ({a.score:.0f}% match)" if a.method == "fuzzy" else "")
        )
    body = md_block(note.body) or "*(no text)*"
    return [" · ".join(head), "", body, ""]


def _orphan_section(docs: dict[str, Document], orphans: Iterable[AnchoredNote]) -> list[str]:
    out = [
        "## Orphaned notes",
        "",
        "These notes belong to the opened articles, but the statements they were written on "
        "are no longer in the current text. They are kept with the text they quoted.",
        "",
    ]
    for a in sorted(orphans, key=lambda a: (a.note.doc_path, a.note.created_at, a.note.id)):
        doc = docs.get(a.doc_id or "")
        name = _doc_heading(doc) if doc is not None else md_inline(a.note.doc_name)
        out += [f"### {name}", "", f"Source: {md_inline(a.note.doc_path)}", ""]
        out += [f"> {md_inline(a.note.quote)}", ""]
        out += _note_lines(a)
    return out


def _conflict_section(index: ClaimIndex) -> list[str]:
    conflicts = [(claim, c) for claim in index.claims for c in claim.conflicts]
    out = ["## Conflicts in the corpus", ""]
    if not conflicts:
        return out + ["No conflicts were found between the sources.", ""]
    claims = len({claim.id for claim, _ in conflicts})
    out += [f"{_plural(len(conflicts), 'conflict')} in {_plural(claims, 'claim')}.", ""]
    for _, conflict in conflicts:
        subject = f" ({md_inline(conflict.subject)})" if conflict.subject else ""
        out.append(f"- **{md_inline(conflict.reason)}**{subject}")
        for sid in (conflict.a, conflict.b):
            st = index.statements.get(sid)
            if st is not None:
                out.append(f"  - *{_source_name(index, st)}*, statement {st.index + 1}: {md_inline(st.text)}")
    out.append("")
    return out


# -- writing --------------------------------------------------------------------------------


def default_export_name(title: str, when: datetime) -> str:
    """A file name to suggest for ``ctrl+e``: ``notes-<slug>-YYYY-MM-DD.md``."""
    slug = re.sub(r"[^\w]+", "-", title.casefold()).strip("-")[:40].strip("-") or "corpus"
    return f"notes-{slug}-{_utc(when).strftime('%Y-%m-%d')}.md"


__all__ = [
    "ExportError",
    "default_export_name",
    "export_markdown",
    "md_block",
    "md_inline",
    "write_atomically",
    "yaml_str",
]
