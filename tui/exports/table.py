"""Notes as CSV for spreadsheets: one row per note, article and statement named as in the reader."""

from __future__ import annotations

import csv
import io

from tui.exports.model import ExportData, NoteItem
from tui.safe_text import UNSAFE

COLUMNS = (
    "article", "path", "statement", "statement_text", "status", "conflicts", "other_sources",
    "rating", "rating_value", "tags", "note", "anchor", "created", "updated", "note_id",
)  # fmt: skip

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    """Control characters replaced, and text a spreadsheet would run as a formula kept as text."""
    text = UNSAFE.sub("\ufffd", text.replace("\r\n", "\n"))
    return "'" + text if text.startswith(_FORMULA_START) else text


def _row(data: ExportData, note: NoteItem) -> list[str]:
    finding = note.finding
    value = data.ratings.value(note.rating) if note.rating else None
    return [
        note.source.title if note.source is not None else note.doc_path,
        note.doc_path,
        str(note.statement.number) if note.statement is not None else "",
        note.statement.text if note.statement is not None else note.exact,
        finding.status if finding is not None else "",
        "; ".join(d.reason for d in finding.disagreements) if finding is not None else "",
        "; ".join(r.label for r in finding.appearances) if finding is not None else "",
        note.rating or "",
        "" if value is None else str(value),
        " ".join(f"#{t}" for t in note.tags),
        note.body,
        note.state,
        note.created_at,
        note.updated_at,
        note.id,
    ]


def notes_csv(data: ExportData) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for note in data.notes:
        writer.writerow([_cell(cell) for cell in _row(data, note)])
    return out.getvalue()
