"""schema.org ``ClaimReview`` JSON-LD: one review per rated note, ready for a CMS or a fact-check feed.

Follows the properties schema.org and Google's fact-check markup ask for: ``claimReviewed``,
``reviewRating`` (``ratingValue`` on a ``worstRating``..``bestRating`` scale plus the verdict in
words as ``alternateName``), ``itemReviewed`` as a ``Claim`` with its ``appearance`` in every
article that carries it, ``author``, ``datePublished`` and ``url``.
"""

from __future__ import annotations

import json
from typing import Any

from tui.exports.model import ExportData, NoteItem, Publisher, Source, StatementRef

CONTEXT = "https://schema.org"


def _work(source: Source) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "url": source.uri, "headline": source.title}
    if source.published:
        work["datePublished"] = source.published
    return work


def _appearances(note: NoteItem) -> list[StatementRef]:
    """The note's own statement first, then the other articles carrying the claim."""
    refs: list[StatementRef] = [note.statement] if note.statement is not None else []
    if note.finding is not None:
        refs += [r for r in note.finding.appearances if r.source.number not in {x.source.number for x in refs}]
    return refs


def _rating(data: ExportData, label: str) -> dict[str, Any]:
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": label}
    value = data.ratings.value(label)
    if value is not None:
        rating.update(ratingValue=value, bestRating=data.ratings.best, worstRating=data.ratings.worst)
    return rating


def review(data: ExportData, note: NoteItem, publisher: Publisher) -> dict[str, Any]:
    """The ``ClaimReview`` of one rated note."""
    assert note.rating is not None
    claim: dict[str, Any] = {"@type": "Claim"}
    refs = _appearances(note)
    if refs:
        claim["appearance"] = [_work(r.source) for r in refs]
    dated = sorted((r.source for r in refs if r.source.published), key=lambda s: s.published or "")
    if dated:
        claim["firstAppearance"] = _work(dated[0])
        claim["datePublished"] = dated[0].published
    out: dict[str, Any] = {
        "@type": "ClaimReview",
        "@id": f"urn:uuid:{note.id}",
        "claimReviewed": note.statement.text if note.statement is not None else note.exact,
        "itemReviewed": claim,
        "reviewRating": _rating(data, note.rating),
        "datePublished": publisher.date_published or note.updated_at[:10],
        "dateModified": note.updated_at,
    }
    if publisher.review_url:
        out["url"] = f"{publisher.review_url}#{note.id}"
    if publisher.author:
        author: dict[str, Any] = {"@type": publisher.author_type, "name": publisher.author}
        if publisher.author_url:
            author["url"] = publisher.author_url
        out["author"] = author
    if note.body.strip():
        out["reviewBody"] = note.body
    if note.tags:
        out["keywords"] = ", ".join(note.tags)
    return out


def claimreview_jsonld(data: ExportData, publisher: Publisher) -> str:
    """Every rated note as a ``ClaimReview``, in one JSON-LD document with a shared ``@context``."""
    reviews = [review(data, note, publisher) for note in data.notes if note.rating]
    return json.dumps({"@context": CONTEXT, "@graph": reviews}, ensure_ascii=False, indent=2) + "\n"


def missing_fields(publisher: Publisher) -> list[str]:
    """Recommended properties the output will lack, so the command can say how to add them."""
    missing = []
    if not publisher.author:
        missing.append("author (--author or [publish] author)")
    if not publisher.review_url:
        missing.append("url (--review-url or [publish] review_url)")
    return missing
