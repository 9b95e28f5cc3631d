"""Text to :class:`Document`: lay out units, clean, split, number the statements."""

from __future__ import annotations

import hashlib

from .clean import classify, shorten
from .decode import normalise
from .model import Document, Statement
from .paragraphs import Unit, text_units
from .source import SourceInfo, from_front_matter, from_html, resolve
from .split import statement_ranges


def _plain_text(text: str) -> str:
    if "\n" in text or "  " in text or "\t" in text or "\xa0" in text:
        return " ".join(text.split())
    return text


def document_from_text(
    text: str, *, doc_id: str, path: str, fmt: str = "txt", encoding: str = "utf-8",
    source: SourceInfo | None = None,
) -> Document:
    """Build a Document from decoded text (raw HTML source when ``fmt="html"``).

    ``source`` (from sidecar files) wins over what the article itself says about its outlet,
    URL, date and author. Never raises for odd content: an article with nothing left after
    cleaning comes back with no statements, and the loader reports it.
    """
    plain = _plain_text
    title_hint: str | None = None
    units: list[Unit]
    own = SourceInfo()
    if fmt == "html":
        from .html_text import html_units

        own = from_html(text)
        text, units, title_hint = html_units(normalise(text))
    elif fmt == "md":
        from .markdown_text import markdown_plain, markdown_units

        text = normalise(text)
        own = from_front_matter(text)
        units, title_hint = markdown_units(text)
        plain = markdown_plain
    else:
        fmt = "txt"
        text = normalise(text)
        units = text_units(text)

    cleaned = classify(text, units, title_hint=title_hint,
                       plain=plain if fmt == "md" else None)
    statements: list[Statement] = []
    for unit in cleaned.statement_units:
        for start, end in statement_ranges(text, unit.start, unit.end):
            piece = text[start:end]
            index = len(statements)
            statements.append(
                Statement(
                    id=f"{doc_id}:{index}",
                    doc_id=doc_id,
                    index=index,
                    start=start,
                    end=end,
                    text=piece,
                    plain=plain(piece),
                    paragraph=unit.paragraph,
                )
            )
    title = cleaned.title
    if fmt == "md" and title:
        title = plain(title)
    if not title and statements:
        title = shorten(statements[0].plain)
    info = resolve(source or SourceInfo(), own, file_name=path.replace("\\", "/"))
    return Document(
        id=doc_id,
        path=path,
        title=title,
        text=text,
        statements=tuple(statements),
        spans=tuple(cleaned.spans),
        fingerprint=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        encoding=encoding,
        format=fmt,
        outlet=info.outlet,
        url=info.url,
        published=info.published,
        author=info.author,
    )
