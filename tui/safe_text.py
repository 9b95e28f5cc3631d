"""The one sanitiser for everything shown to a person: paths, titles, messages, article text.

File names and article text are untrusted. Printed raw, ``ESC ] 52 ; c ; … BEL`` writes the
clipboard, ``ESC ] 0 ; … BEL`` sets the terminal title and C1 bytes (U+0080-U+009F, e.g. CSI
U+009B) act like ESC sequences on some terminals; bidi embeddings, overrides and isolates
(U+202A-U+202E, U+2066-U+2069) and direction marks reorder what the reader sees
(``txt.exe`` shown as ``exe.txt``). Each such character is replaced by a visible placeholder,
one for one: ESC as ``␛``, DEL as ``␡``, other C0 controls as their control pictures
(``␇``), C1 and bidi controls as ``U+FFFD``. So do lone surrogates, which is how Python
carries the undecodable bytes of a file name: written back out they would be raw bytes again,
``0x9B`` being an 8-bit CSI.

Used by the stderr lines and text report of the CLI, the reader's widgets and notifications.
No Textual import: the core and the CLI use it too.
"""

from __future__ import annotations

import re

UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 except tab and LF, DEL, C1
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidi marks, embeddings, overrides, isolates
    "\ufeff\ufff9-\ufffb"  # zero-width no-break space / BOM, interlinear annotation controls
    "\ud800-\udfff]"  # lone surrogates: undecodable bytes of a file name (b"\x9b" is 8-bit CSI)
)
"""Characters a terminal acts on, or that reorder the text around them, instead of showing."""

_LINE_BREAKS = re.compile("\r\n|[\r\n\t\x0b\x0c\x85\u2028\u2029]")
_PICTURES = {0x1B: "\u241b", 0x7F: "\u2421"}


def _placeholder(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code in _PICTURES:
        return _PICTURES[code]
    if code < 0x20:
        return chr(0x2400 + code)
    return "\ufffd"


def safe(text: str) -> str:
    """``text`` with unsafe characters (all but tab and newline) replaced by visible symbols."""
    return UNSAFE.sub(_placeholder, text)


def safe_line(text: str) -> str:
    """``text`` as one safe line: line breaks and tabs become spaces, the rest as :func:`safe`.

    The sanitiser for every path, title and message shown anywhere.
    """
    if text.isascii() and text.isprintable():
        return text
    return safe(_LINE_BREAKS.sub(" ", text))


def safe_json(text: str) -> str:
    r"""JSON text with unsafe characters inside strings written as ``\uXXXX`` escapes.

    ``json.dumps(..., ensure_ascii=False)`` escapes C0 but writes C1 and bidi controls raw; the
    escaped form decodes to the same data and cannot drive a terminal.
    """
    return UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
