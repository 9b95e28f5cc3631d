"""Markdown and HTML articles into paragraph units.

Markdown keeps the file text as the document text (offsets point into the raw file); markdown-it-py
finds its blocks and strips inline syntax from ``Statement.plain``. HTML is reduced to its visible main text first, because its
raw source is not something a reader wants to see; offsets then point into that text.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from .paragraphs import Unit

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

# ---------------------------------------------------------------- Markdown

_FRONT_TITLE = re.compile(r"(?m)^title:[ \t]*(.+?)[ \t]*$")
_TASK = re.compile(r"\[[ xX]\][ \t]+(?=\S)")


def _front_matter_end(text: str) -> int:
    if not text.startswith(("---\n", "+++\n")):
        return 0
    marker = text[:3]
    close = re.compile(r"^" + re.escape(marker) + r"[ \t]*$|^\.\.\.[ \t]*$", re.M)
    m = close.search(text, 4)
    return m.end() if m else 0


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return value.strip()


@cache
def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    md.disable("text_join")  # keep escaped characters apart from text, see markdown_plain
    return md


def _content_range(text: str, starts: list[int], first: int, content: str) -> tuple[int, int]:
    """Where an inline token's ``content`` (its lines, container markers removed) lies in the
    raw text, from the token's first source line."""
    lines = content.split("\n")

    def line(n: int) -> tuple[int, int]:
        s = starts[n]
        e = starts[n + 1] - 1 if n + 1 < len(starts) else len(text)
        return s, e

    s0, e0 = line(first)
    at = text.find(lines[0], s0, e0) if lines[0] else -1
    start = at if at >= 0 else s0
    last = min(first + len(lines) - 1, len(starts) - 1)
    sl, el = line(last)
    at = text.rfind(lines[-1], sl, el) if lines[-1] else -1
    end = at + len(lines[-1]) if at >= 0 else el
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _only_images(token: Token) -> bool:
    return all(c.type in ("image", "softbreak", "hardbreak")
               or (c.type == "text" and not c.content.strip()) for c in token.children or ())


def markdown_units(text: str) -> tuple[list[Unit], str | None]:
    """Paragraph units of a Markdown article and the title (front matter or first ``#``).

    Blocks come from markdown-it-py; each unit spans the block's inline source in ``text``
    (list and quote markers outside it), so offsets point into the raw file.
    """
    units: list[Unit] = []
    title: str | None = None
    fm_end = _front_matter_end(text)
    if fm_end:
        m = _FRONT_TITLE.search(text, 0, fm_end)
        if m:
            title = _unquote(m.group(1)) or None
    title_taken = title is not None
    # Front matter blanked line for line, so markdown-it's line numbers stay the file's.
    source = re.sub(r"[^\n]", " ", text[:fm_end]) + text[fm_end:]
    starts = [0] + [m.end() for m in re.finditer("\n", text)]

    heading: str | None = None
    list_depth = table_depth = 0
    for token in _markdown().parse(source):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif kind == "table_open":
            table_depth += 1
        elif kind == "table_close":
            table_depth -= 1
        elif kind == "heading_open":
            heading = token.tag
        elif kind == "heading_close":
            heading = None
        if kind != "inline" or table_depth or token.map is None or _only_images(token):
            continue
        start, end = _content_range(text, starts, token.map[0], token.content)
        if list_depth:
            task = _TASK.match(text, start, end)
            if task:
                start = task.end()
        if start >= end:
            continue
        if heading is not None:
            hint = "heading"
            content = text[start:end]
            if not title_taken and heading == "h1":
                title, hint, title_taken = content, "title", True
            elif title is not None and markdown_plain(content) == title and not units:
                hint = "title"
            units.append(Unit(start, end, hint=hint))
        else:
            units.append(Unit(start, end, bullet=list_depth > 0))

    for n, u in enumerate(units):
        u.paragraph = n
    return units, (markdown_plain(title) if title else None)


_MD_LINE_MARK = re.compile(r"(?m)^[ \t]*(?:>[ \t]?)+")
# Emphasis markers left over when a sentence ends inside **bold** or _italic_ text.
_STRAY_MARKS = re.compile(r"\*{1,3}(?=\S)|(?<=\S)\*{1,3}|(?<!\w)_{1,3}(?=\S)|(?<=\S)_{1,3}(?!\w)|~~")
_SPACES = re.compile(r"\s+")
# A statement is parsed without the file's reference definitions: [text][ref] stays text.
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")


def _inline_text(tokens: list[Token], out: list[str]) -> None:
    for t in tokens:
        if t.type == "text":
            out.append(_STRAY_MARKS.sub("", _REF_LINK.sub(r"\1", t.content)))
        elif t.type in ("text_special", "code_inline"):
            out.append(t.content)
        elif t.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif t.type == "image":
            _inline_text(t.children or [], out)


def markdown_plain(text: str) -> str:
    """Markdown inline syntax removed and whitespace collapsed: what the words say."""
    tokens = _markdown().parseInline(_MD_LINE_MARK.sub("", text))
    out: list[str] = []
    for token in tokens:
        _inline_text(token.children or [], out)
    return _SPACES.sub(" ", "".join(out)).strip()


# ---------------------------------------------------------------- HTML

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
