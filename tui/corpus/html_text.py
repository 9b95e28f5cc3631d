"""HTML articles into paragraph units.

A page is reduced to its visible main text first, because its raw source is not something a
reader wants to see; unit offsets then point into that text.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from html.parser import HTMLParser

from .paragraphs import Unit

_SKIP = frozenset(
    "script style nav header footer aside form noscript svg template iframe button select "
    "textarea figure pre code canvas object video audio map".split()
)
_BLOCK = frozenset(
    "p div section article main h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote table thead tbody "
    "tr td th br hr figcaption address details summary center body html".split()
)
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())


@dataclass(slots=True)
class _Block:
    text: str
    kind: str | None
    tag: str
    in_main: bool


class _Extractor(HTMLParser):
    """Collects visible text blocks, skipping page chrome and anything that is not prose."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[_Block] = []
        self.title = ""
        self.pieces: list[str] = []
        self.kind: str | None = None
        self.tag = "p"
        self.skip: list[str] = []
        self.main_depth = 0
        self.in_title = False
        self.title_parts: list[str] = []

    def flush(self) -> None:
        text = " ".join("".join(self.pieces).split())
        if text:
            self.blocks.append(_Block(text, self.kind, self.tag, self.main_depth > 0))
        self.pieces = []
        self.kind = None
        self.tag = "p"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title" and not self.skip:
            self.in_title = True
            return
        if self.skip:
            if tag in _SKIP and tag not in _VOID:
                self.skip.append(tag)
            return
        if tag in _SKIP:
            self.skip.append(tag)
            return
        if tag in ("article", "main"):
            self.main_depth += 1
        if tag in _BLOCK:
            self.flush()
            if tag in _HEADINGS:
                self.kind, self.tag = "heading", tag
            elif tag == "li":
                self.kind, self.tag = "bullet", tag

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.skip and tag in _BLOCK:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
            if not self.title:
                self.title = " ".join("".join(self.title_parts).split())
            return
        if self.skip:
            if tag == self.skip[-1]:
                self.skip.pop()
            elif tag in self.skip:
                while self.skip and self.skip.pop() != tag:
                    pass
            return
        if tag in _BLOCK:
            self.flush()
        if tag in ("article", "main") and self.main_depth:
            self.main_depth -= 1

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        elif not self.skip:
            self.pieces.append(data)


def _blocks_of(source: str) -> tuple[_Extractor, list[_Block]]:
    parser = _Extractor()
    try:
        parser.feed(source)
        parser.close()
    except (AssertionError, ValueError):
        pass  # malformed markup: keep what was read
    parser.flush()
    return parser, parser.blocks


def _inside_article(blocks: list[_Block]) -> list[_Block]:
    """Only the blocks inside ``<article>``/``<main>`` when those hold most of the text.

    A page's story is usually its one ``<article>``; but a teaser ``<article>`` in a sidebar
    or inside the story must not replace the whole story, hence "most of the text".
    """
    inside = sum(len(b.text) for b in blocks if b.in_main)
    if inside and inside * 5 >= sum(len(b.text) for b in blocks) * 3:
        return [b for b in blocks if b.in_main]
    return blocks


_QUIET = logging.NullHandler()


def _main_html(source: str) -> str | None:
    """The page's main content as an HTML fragment (readability-lxml), ``None`` when the
    package is missing or cannot read the page."""
    try:
        from readability import Document as Readable  # type: ignore[import-untyped]
    except ImportError:
        return None
    # It logs a traceback before re-raising; unhandled, that would print over the reader.
    logging.getLogger("readability").addHandler(_QUIET)
    try:
        fragment = Readable(source).summary(html_partial=True)
    except Exception:  # lxml and readability raise many kinds on odd pages
        return None
    return fragment if isinstance(fragment, str) else None


def html_units(source: str, *, extract: bool = True) -> tuple[str, list[Unit], str | None]:
    """Visible main text of an HTML page, its paragraph units and its title.

    The main content is found by readability-lxml when it is installed (``extract``), else by
    the page's ``<article>``/``<main>`` elements; either way the text is laid out here from
    blocks, so unit offsets point into the returned text.
    """
    parser, page_blocks = _blocks_of(source)
    first_h1 = next((b.text for b in page_blocks if b.tag == "h1"), None)
    blocks: list[_Block] = []
    fragment = _main_html(source) if extract else None
    if fragment is not None:
        blocks = _blocks_of(fragment)[1]
        headline = first_h1 and (not parser.title or first_h1 in parser.title)
        if blocks and first_h1 and headline and not any(b.text == first_h1 for b in blocks[:3]):
            blocks.insert(0, _Block(first_h1, "heading", "h1", True))  # the headline on top
    if not blocks:
        blocks = page_blocks
    blocks = _inside_article(blocks)

    title = parser.title or first_h1 or None
    if title and first_h1 and title != first_h1 and title.startswith(first_h1):
        title = first_h1  # "Headline | Outlet" in <title>: the h1 is the headline itself

    parts: list[str] = []
    units: list[Unit] = []
    pos = 0
    title_marked = False
    for n, b in enumerate(blocks):
        if parts:
            parts.append("\n\n")
            pos += 2
        start = pos
        parts.append(b.text)
        pos += len(b.text)
        hint = "heading" if b.kind == "heading" else None
        if not title_marked and b.tag == "h1" and title and b.text == title:
            hint, title_marked = "title", True
        units.append(Unit(start, pos, paragraph=n, hint=hint, bullet=b.kind == "bullet"))
    return "".join(parts), units, title
