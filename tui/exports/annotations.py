"""W3C Web Annotation (JSON-LD): every note as an annotation other tools can re-anchor.

Each target carries both a ``TextQuoteSelector`` (the exact text with context before and after)
and a ``TextPositionSelector`` (character offsets), as the Web Annotation Data Model describes;
tags become ``tagging`` bodies and a rating an ``assessing`` body.
"""

from __future__ import annotations

import json
from typing import Any

from tui.exports.model import ExportData, NoteItem

CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def _target(note: NoteItem) -> dict[str, Any]:
    source = note.source.uri if note.source is not None else note.doc_path
    return {
        "source": source,
        "selector": [
            {"type": "TextQuoteSelector", "exact": note.exact, "prefix": note.prefix, "suffix": note.suffix},
            {"type": "TextPositionSelector", "start": note.start, "end": note.end},
        ],
    }


def annotation(note: NoteItem) -> dict[str, Any]:
    bodies: list[dict[str, Any]] = []
    if note.body.strip():
        bodies.append({"type": "TextualBody", "value": note.body, "format": "text/plain", "purpose": "commenting"})
    if note.rating:
        bodies.append({"type": "TextualBody", "value": note.rating, "purpose": "assessing"})
    bodies += [{"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in note.tags]
    out: dict[str, Any] = {
        "id": f"urn:uuid:{note.id}",
        "type": "Annotation",
        "motivation": "assessing" if note.rating else "commenting",
        "created": note.created_at,
        "modified": note.updated_at,
        "target": _target(note),
    }
    if bodies:
        out["body"] = bodies
    if note.statement is not None:
        out["label"] = note.statement.label
    return out


def annotations_jsonld(data: ExportData) -> str:
    """An ``AnnotationCollection`` whose first page holds every note, orphans included."""
    items = [annotation(note) for note in data.notes]
    collection = {
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": data.title,
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }
    return json.dumps(collection, ensure_ascii=False, indent=2) + "\n"
