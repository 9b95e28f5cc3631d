"""Markdown articles into paragraph units.

The file text stays the document text (offsets point into the raw file); markdown-it-py finds
its blocks, and inline syntax is stripped from ``Statement.plain`` by ``markdown_plain``.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from .paragraphs import Unit

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

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
