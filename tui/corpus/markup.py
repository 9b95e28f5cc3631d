"""Markdown and HTML articles into paragraph units.

Markdown keeps the file text as the document text (offsets point into the raw file) and strips
syntax only from ``Statement.plain``. HTML is reduced to its visible main text first, because its
raw source is not something a reader wants to see; offsets then point into that text.
"""

from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from .paragraphs import Unit

# ---------------------------------------------------------------- Markdown

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^\s{0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$|^\s{0,3}(#{1,6})[ \t]*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_ITEM = re.compile(r"(\s*)(?:[-*+•]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?(?=\S)")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_HTML_ONLY = re.compile(r"^\s*(?:<!--.*?-->|</?[A-Za-z][^>]*>)\s*$")
_IMAGE_ONLY = re.compile(r"^\s*!\[[^\]]*\]\([^)]*\)\s*$")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S")
_FRONT_TITLE = re.compile(r"(?m)^title:[ \t]*(.+?)[ \t]*$")


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


def markdown_units(text: str) -> tuple[list[Unit], str | None]:
    """Paragraph units of a Markdown article and the title (front matter or first ``#``)."""
    units: list[Unit] = []
    title: str | None = None
    fm_end = _front_matter_end(text)
    if fm_end:
        m = _FRONT_TITLE.search(text, 0, fm_end)
        if m:
            title = _unquote(m.group(1)) or None

    lines: list[tuple[int, int]] = []
    pos = fm_end
    while pos <= len(text):
        nl = text.find("\n", pos)
        if nl < 0:
            nl = len(text)
        lines.append((pos, nl))
        pos = nl + 1
    fence: str | None = None
    current: Unit | None = None  # the paragraph or list item being extended
    title_taken = title is not None

    def strip_range(s: int, e: int) -> tuple[int, int]:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        return s, e

    i = 0
    while i < len(lines):
        s, e = lines[i]
        line = text[s:e]
        i += 1
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            continue
        f = _FENCE.match(line)
        if f:
            fence = f.group(1)[0] * 3
            current = None
            continue
        if not line.strip():
            current = None
            continue
        if _HTML_ONLY.match(line) or _IMAGE_ONLY.match(line) or _REF_DEF.match(line):
            current = None
            continue
        if _TABLE_RULE.match(line) or line.lstrip().startswith("|"):
            current = None
            continue
        if current is None and line.startswith(("    ", "\t")) and not _ITEM.match(line):
            continue  # indented code block
        h = _ATX.match(line)
        if h:
            current = None
            content = h.group(2) or ""
            if not content:
                continue
            cs = s + h.start(2)
            ce = cs + len(content)
            hint = "heading"
            if not title_taken and h.group(1) == "#":
                title, hint, title_taken = content, "title", True
            elif title is not None and content.strip() == title and not units:
                hint = "title"
            units.append(Unit(cs, ce, hint=hint))
            continue
        if _RULE.match(line):
            current = None
            continue
        if i < len(lines) and current is None and not _ITEM.match(line):
            ns, ne = lines[i]
            if _SETEXT.match(text[ns:ne]) and text[ns:ne].strip():
                cs, ce = strip_range(s, e)
                hint = "heading"
                if not title_taken and text[ns:ne].strip().startswith("="):
                    title, hint, title_taken = text[cs:ce], "title", True
                units.append(Unit(cs, ce, hint=hint))
                i += 1
                continue
        q = _QUOTE.match(line)
        body_start = s + (q.end() if q else 0)
        item = _ITEM.match(text, body_start, e)
        if item:
            cs, ce = strip_range(item.end(), e)
            current = Unit(cs, ce, bullet=True)
            units.append(current)
            continue
        cs, ce = strip_range(body_start, e)
        if cs >= ce:
            current = None
            continue
        if current is not None:
            current.end = ce  # soft line break: the paragraph (or item) continues
            continue
        current = Unit(cs, ce)
        units.append(current)

    for n, u in enumerate(units):
        u.paragraph = n
    return units, (markdown_plain(title) if title else None)


_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")
_MD_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_MD_CODE = re.compile(r"(`+)(.+?)\1")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EM_STAR = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])")
_MD_EM_UNDER = re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])")
_MD_STRIKE = re.compile(r"~~(.+?)~~")
_MD_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_MD_LINE_MARK = re.compile(r"(?m)^[ \t]*(?:>[ \t]?)+")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")
_SPACES = re.compile(r"\s+")


def markdown_plain(text: str) -> str:
    """Markdown inline syntax removed and whitespace collapsed: what the words say."""
    text = _MD_LINE_MARK.sub("", text)
    text = _MD_IMAGE.sub(r"\1", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_AUTOLINK.sub(r"\1", text)
    text = _MD_CODE.sub(r"\2", text)
    text = _MD_STRONG.sub(r"\2", text)
    text = _MD_EM_STAR.sub(r"\1", text)
    text = _MD_EM_UNDER.sub(r"\1", text)
    text = _MD_STRIKE.sub(r"\1", text)
    text = _MD_TAG.sub("", text)
    text = _MD_ESCAPE.sub(r"\1", text)
    if "&" in text:
        text = html.unescape(text)
    return _SPACES.sub(" ", text).strip()


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
