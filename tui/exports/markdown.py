"""Notes and the claim index as Markdown for Obsidian (and any CommonMark reader).

YAML front matter names the articles and the date; each annotated statement gets a heading
with its article and number as the reader shows them, and a ``^a2-s5`` block id so other notes
can link to it; conflicts are callouts (``> [!warning] date: 25 ≠ 26 November``, possible ones
``> [!question]``), which CommonMark shows as quotes.
"""

from __future__ import annotations

import re
from datetime import datetime

from tui.exports.escape import human_time, iso, md_block, md_inline, utc, yaml_str
from tui.exports.model import CorpusConflict, Disagreement, ExportData, NoteItem, Source, StatementRef


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _callout(possible: bool, reason: str, lines: list[str]) -> list[str]:
    head = "> [!question] " if possible else "> [!warning] "
    return [head + md_inline(reason), *(f"> {line}" for line in lines), ""]


def _front_matter(data: ExportData) -> list[str]:
    tags = sorted({tag for n in data.notes for tag in n.tags})
    ratings = sorted({n.rating for n in data.notes if n.rating}, key=lambda r: (-(data.ratings.value(r) or 0), r))
    out = [
        "---",
        f"title: {yaml_str(data.title)}",
        f"date: {utc(data.exported_at).strftime('%Y-%m-%d')}",
        f"exported: {yaml_str(iso(data.exported_at))}",
        "generator: seedreader",
        "outlets: [" + ", ".join(yaml_str(s.outlet or s.title) for s in data.sources) + "]",
        "sources:" if data.sources else "sources: []",
    ]
    for s in data.sources:
        out.append(f"  - title: {yaml_str(s.title)}")
        out.append(f"    path: {yaml_str(s.path)}")
        if s.published:
            out.append(f"    published: {yaml_str(s.published)}")
        if s.fingerprint:
            out.append(f"    sha256: {yaml_str(s.fingerprint)}")
    orphans = sum(1 for n in data.notes if n.state == "orphaned")
    out += [
        f"notes: {len(data.notes)}",
        f"rated: {sum(1 for n in data.notes if n.rating)}",
        f"orphaned: {orphans}",
        "ratings: [" + ", ".join(yaml_str(r) for r in ratings) + "]",
        "tags: [" + ", ".join(yaml_str(t) for t in tags) + "]",
        "---",
        "",
    ]
    return out


def export_markdown(data: ExportData) -> str:
    """The whole export; deterministic for the same data."""
    out = _front_matter(data)
    out += [f"# {md_inline(data.title)}", ""]
    placed = [n for n in data.notes if n.state != "orphaned" and n.source is not None]
    orphans = [n for n in data.notes if n not in placed]
    annotated = sorted({n.source.number: n.source for n in placed if n.source is not None}.items())
    summary = (
        f"Exported {utc(data.exported_at).strftime('%Y-%m-%d %H:%M UTC')}: "
        f"{_plural(len(data.notes), 'note')} on {len(annotated)} of {_plural(len(data.sources), 'article')}"
    )
    rated = sum(1 for n in data.notes if n.rating)
    if rated:
        summary += f", {rated} rated"
    if orphans:
        summary += f", {len(orphans)} orphaned"
    out += [summary + ".", ""]
    for _, source in annotated:
        out += _article(source, [n for n in placed if n.source == source])
    if orphans:
        out += _orphans(orphans)
    out += _conflicts(data.conflicts)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


def _article(source: Source, notes: list[NoteItem]) -> list[str]:
    out = [f"## {md_inline(source.title)}", "", f"Source: {md_inline(source.path)}", ""]
    groups: dict[tuple[int, int], list[NoteItem]] = {}
    for n in notes:
        key = (n.statement.start, 0) if n.statement is not None else (n.start, 1)
        groups.setdefault(key, []).append(n)
    for key in sorted(groups):
        group = sorted(groups[key], key=lambda n: (n.created_at, n.id))
        st = group[0].statement
        if st is None:
            out += ["### Outside the statements", "", f"> {md_inline(group[0].exact)}", ""]
        else:
            out += [f"### {md_inline(st.label)}", "", f"> {md_inline(st.text)}", "", f"^{st.block}", ""]
            out += _finding(group[0])
        for n in group:
            out += _note(n)
    return out


def _finding(note: NoteItem) -> list[str]:
    finding = note.finding
    if finding is None:
        return ["**Status:** not in the claim index", ""]
    out = [f"**Status:** {md_inline(finding.status)} ({_plural(finding.sources, 'source')}): {md_inline(finding.reason)}", ""]
    for d in finding.disagreements:
        out += _callout(d.possible, d.reason, [_other(d)])
    if not finding.disagreements and finding.appearances:
        names = ", ".join(_ref(r) for r in finding.appearances)
        out += [f"Also reported by {names}.", ""]
    return out


def _ref(ref: StatementRef) -> str:
    return f"*{md_inline(ref.source.title)}*, statement {ref.number}"


def _other(d: Disagreement) -> str:
    return f"{_ref(d.other)}: {md_inline(d.other.text)}"


def _note(n: NoteItem) -> list[str]:
    head = ["**Note**"]
    if n.rating:
        head.append(f"**Rating: {md_inline(n.rating)}**")
    if n.tags:
        head.append(" ".join("#" + md_inline(tag) for tag in n.tags))
    head.append(human_time(n.updated_at))
    if n.state == "moved":
        head.append("re-attached after the article changed" + (f" ({n.score:.0f}% match)" if n.method == "fuzzy" else ""))
    return [" · ".join(head), "", md_block(n.body) or "*(no text)*", ""]


def _orphans(notes: list[NoteItem]) -> list[str]:
    out = [
        "## Orphaned notes",
        "",
        "These notes belong to the opened articles, but the statements they were written on "
        "are no longer in the current text. They are kept with the text they quoted.",
        "",
    ]
    for n in sorted(notes, key=lambda n: (n.doc_path, n.created_at, n.id)):
        name = n.source.title if n.source is not None else n.doc_path.replace("\\", "/").rsplit("/", 1)[-1]
        out += [f"### {md_inline(name)}", "", f"Source: {md_inline(n.doc_path)}", "", f"> {md_inline(n.exact)}", ""]
        out += _note(n)
    return out


def _conflicts(conflicts: tuple[CorpusConflict, ...]) -> list[str]:
    out = ["## Conflicts in the corpus", ""]
    if not conflicts:
        return out + ["No conflicts were found between the sources.", ""]
    sure = sum(1 for c in conflicts if not c.possible)
    line = f"{_plural(sure, 'conflict')}"
    if len(conflicts) > sure:
        line += f" and {len(conflicts) - sure} possible"
    out += [line + ".", ""]
    for c in conflicts:
        reason = c.reason + (f" ({c.subject})" if c.subject else "")
        out += _callout(c.possible, reason, [f"- {_ref(r)}: {md_inline(r.text)}" for r in (c.a, c.b)])
    return out


def default_export_name(title: str, when: datetime, suffix: str = "md") -> str:
    """A file name to suggest for ``ctrl+e``: ``notes-<slug>-YYYY-MM-DD.md``."""
    slug = re.sub(r"[^\w]+", "-", title.casefold()).strip("-")[:40].strip("-") or "corpus"
    return f"notes-{slug}-{utc(when).strftime('%Y-%m-%d')}.{suffix}"


def suggested_export_name(title: str, when: datetime) -> str:
    """The name ``ctrl+e`` offers for an export titled ``title`` (``Notes on 3 articles``): the
    slug leaves out the "Notes on" every title starts with."""
    return default_export_name(re.sub(r"^notes(?: on)?:?\s*", "", title, flags=re.IGNORECASE), when)
