"""Make untrusted article text safe to show in a terminal.

Article text may carry ANSI escapes or other control characters; printed raw they could
move the cursor, recolour the screen or set the window title. Tabs and newlines survive;
every other C0/C1 control and DEL becomes a visible placeholder.
"""

from __future__ import annotations

import re

from tui.corpus.decode import CONTROL_CHARS
_PICTURES = {0x1B: "␛", 0x7F: "␡"}


def _placeholder(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code in _PICTURES:
        return _PICTURES[code]
    if code < 0x20:
        return chr(0x2400 + code)
    return "\ufffd"


def safe(text: str) -> str:
    """``text`` with control characters (except tab and newline) replaced by visible symbols."""
    return CONTROL_CHARS.sub(_placeholder, text)


def safe_line(text: str) -> str:
    """Like :func:`safe` but for one line: newlines and tabs become spaces too."""
    return safe(text.replace("\r", " ").replace("\n", " ").replace("\t", " "))
