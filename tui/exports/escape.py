"""Escaping for the Markdown export: article and note text stay text, never Markdown or HTML.

Control and bidi characters are replaced so printing the export cannot drive a terminal.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from tui.corpus.decode import LINE_BREAKS
from tui.safe_text import UNSAFE

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


def utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def iso(moment: datetime) -> str:
    return utc(moment).isoformat(timespec="seconds").replace("+00:00", "Z")


def human_time(stamp: str) -> str:
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return md_inline(stamp)
    return utc(moment).strftime("%Y-%m-%d %H:%M UTC")
