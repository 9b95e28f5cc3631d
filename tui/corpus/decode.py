"""Bytes to text: pick the encoding, refuse binary files, normalise newlines.

Articles arrive from scrapers, mail clients and old CMS exports, so besides UTF-8 (with or
without BOM) and BOM-marked UTF-16/32 we meet legacy encodings: cp1251 for Russian-language
outlets, cp1253/ISO-8859-7 Greek, Shift_JIS, GBK... Order: a BOM, UTF-16 without one, strict
UTF-8, the page's own ``<meta charset>`` (or XML declaration), nearly-UTF-8, then
charset-normalizer's guess. Anything but a BOM or valid UTF-8 decodes with a warning.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# A charset named by the page itself: <meta charset="...">, the http-equiv Content-Type form,
# or an XML declaration. Read from the first bytes only, as browsers do.
_DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})""",
    re.IGNORECASE,
)
# What browsers actually use for labels that name a subset (WHATWG Encoding Standard).
_SUPERSETS = {"iso8859-1": "cp1252", "ascii": "cp1252", "iso8859-9": "cp1254",
              "tis-620": "cp874", "gb2312": "gb18030", "gbk": "gb18030", "euc_kr": "cp949",
              "shift_jis": "cp932", "big5": "big5hkscs"}


class BinaryContent(ValueError):
    """The bytes are not text (NULs or many control bytes outside UTF-16/32)."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    warning: str | None = None
    """Set when the encoding was guessed or bytes were replaced."""


# UTF-32 LE first: its BOM starts with the UTF-16 LE one. The named codecs consume the BOM.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control bytes that never occur in text files (everything below 0x20 except tab, LF, VT, FF, CR,
# and ESC which some legacy files carry).
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
# Runs of cp1251 letters (А-я is 0xC0-0xFF, Ё/ё are 0xA8/0xB8): Cyrillic words, not the isolated
# accented letters of Western European text.
_CP1251_RUN = re.compile(rb"[\xa8\xb8\xc0-\xff]{3,}")
_HIGH = re.compile(rb"[\x80-\xff]")
_UTF8_SEQ = re.compile(rb"[\xc2-\xf4][\x80-\xbf]{1,3}")

LINE_BREAKS = re.compile(r"\r\n?|[\x85\u2028\u2029]")
# C0/C1 controls other than tab and LF: untrusted text must not reach the terminal with them.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def normalise(text: str) -> str:
    """CRLF and CR to LF; stray control characters to spaces (one for one, so offsets hold)."""
    text = LINE_BREAKS.sub("\n", text)
    if CONTROL_CHARS.search(text):
        text = CONTROL_CHARS.sub(" ", text)
    return text


def looks_cyrillic_cp1251(data: bytes) -> bool:
    high = len(_HIGH.findall(data))
    if high == 0:
        return False
    in_runs = sum(len(m) for m in _CP1251_RUN.findall(data))
    return in_runs / high >= 0.6


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few bad bytes (a truncated download, one pasted latin-1 byte).

    Legacy single-byte text almost never forms valid multi-byte UTF-8 sequences, so when the
    valid ones outnumber the bad bytes two to one the file is UTF-8; decoding it as latin-1
    would turn every accented letter into mojibake ("CafÃ©").
    """
    high = len(_HIGH.findall(data))
    utf8_bytes = sum(len(m) for m in _UTF8_SEQ.findall(data))
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    good = sum(1 for ch in text if ord(ch) > 0x7F) - bad - data.count("\ufffd".encode())
    if not high or not (utf8_bytes / high >= 0.9 or (good >= 2 and good >= 2 * bad)):
        return None
    return Decoded(normalise(text), "utf-8",
                   f"not valid UTF-8: {bad} bad byte sequence{'s' if bad != 1 else ''} replaced with \ufffd")


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 without a byte order mark, when the bytes make that plain.

    Text in UTF-16 has the zero high byte of spaces, digits and Latin letters on one side of
    every pair (odd offsets for little-endian) and almost never on the other; a binary file's
    NULs fall anywhere. The whole file must then decode and read as printable text.
    """
    if len(data) < 8 or len(data) % 2 or b"\x00" not in data:
        return None
    sample = data[:65536]
    pairs = len(sample) // 2
    even_zero = sample[0::2].count(0) / pairs
    odd_zero = sample[1::2].count(0) / pairs
    if max(even_zero, odd_zero) < 0.1 or min(even_zero, odd_zero) > 0.01:
        return None
    codec = "utf-16-le" if odd_zero > even_zero else "utf-16-be"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    printable = sum(1 for ch in text if ch.isprintable() or ch in "\n\r\t")
    if printable < 0.98 * len(text):
        return None
    return Decoded(normalise(text), codec, f"no byte order mark; decoded as {codec.upper()}")


def declared_charset(data: bytes) -> str | None:
    """The Python codec a page's ``<meta charset>`` or XML declaration names, if it knows it."""
    m = _DECLARED.search(data[:4096])
    if not m:
        return None
    label = (m.group(1) or m.group(2)).decode("ascii", "replace").strip().lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return _SUPERSETS.get(name, name)


# Code pages for Latin-script languages outside Western Europe: charset-normalizer scores
# cp1250 and cp1252 alike on Polish text, but only one of them spells it right.
_LANGUAGE_CODEPAGES = {
    "Polish": ("cp1250", "iso8859_2"), "Czech": ("cp1250", "iso8859_2"),
    "Slovak": ("cp1250", "iso8859_2"), "Hungarian": ("cp1250", "iso8859_2"),
    "Croatian": ("cp1250", "iso8859_2"), "Slovene": ("cp1250", "iso8859_2"),
    "Romanian": ("cp1250", "iso8859_16"), "Turkish": ("cp1254", "iso8859_9"),
    "Lithuanian": ("cp1257", "iso8859_13"), "Latvian": ("cp1257", "iso8859_13"),
    "Estonian": ("cp1257", "iso8859_13"), "Vietnamese": ("cp1258",),
}


def _guessed(data: bytes) -> Decoded | None:
    """charset-normalizer's best reading of legacy bytes (Greek, Hebrew, Arabic, CJK...)."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency; degrade, do not fail
        return None
    matches = list(from_bytes(data[:262144]))
    best = matches[0] if matches else None
    if best is not None:
        # Single-byte code pages often tie (Polish reads as well in cp1252 as in cp1250 by
        # the measure of chaos); prefer one made for the language the text reads as.
        tied = {m.encoding: m for m in matches if m.chaos <= best.chaos + 1e-9}
        language = next((m.languages[0] for m in tied.values() if m.languages
                         and m.languages[0] in _LANGUAGE_CODEPAGES), None)
        if language is not None:
            best = next((tied[c] for c in _LANGUAGE_CODEPAGES[language] if c in tied), best)
    if best is None or best.encoding in ("utf_8", "ascii"):
        return None
    name = codecs.lookup(best.encoding).name
    name = _SUPERSETS.get(name, name)
    try:
        text = data.decode(name)
    except (UnicodeDecodeError, LookupError):
        return None
    try:
        if name != "cp1252" and data.decode("cp1252") == text:
            name = "cp1252"  # same text either way: name the commonest Western encoding
    except UnicodeDecodeError:
        pass
    label = name.replace("_", "-")
    languages = [lang for lang in best.languages if lang != "Unknown"][:1]
    what = f" ({languages[0]})" if languages else ""
    return Decoded(normalise(text), label, f"not UTF-8; decoded as {label}{what} (guessed)")


def decode_bytes(data: bytes, *, guess: bool = True) -> Decoded:
    """Decode an article's bytes; raises :class:`BinaryContent` for non-text data."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(normalise(data.decode(name)), name)
            except UnicodeDecodeError:
                text = data.decode(name, errors="replace")
                return Decoded(normalise(text), name, f"invalid {name} bytes replaced with \ufffd")

    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    sample = data[:65536]
    if b"\x00" in data:
        raise BinaryContent("binary file, not an article")
    controls = len(_CONTROL_BYTES.findall(sample))
    if controls > max(2, len(sample) // 200):
        raise BinaryContent("binary file, not an article")

    try:
        return Decoded(normalise(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass

    declared = declared_charset(data)
    if declared and declared not in ("utf-8", "utf-16", "utf-32"):
        try:
            return Decoded(normalise(data.decode(declared)), declared,
                           f"not UTF-8; decoded as {declared} (declared by the page)")
        except UnicodeDecodeError:
            pass

    replaced = _mostly_utf8(data)
    if replaced is not None:
        return replaced

    if guess:
        guessed = _guessed(data)
        if guessed is not None:
            return guessed
    if looks_cyrillic_cp1251(data):
        return Decoded(normalise(data.decode("cp1251", errors="replace")), "cp1251",
                       "not UTF-8; decoded as cp1251 (Cyrillic)")
    try:
        return Decoded(normalise(data.decode("cp1252")), "cp1252", "not UTF-8; decoded as cp1252")
    except UnicodeDecodeError:
        return Decoded(normalise(data.decode("latin-1")), "latin-1", "not UTF-8; decoded as latin-1")
