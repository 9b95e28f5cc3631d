"""BERT uncased tokenisation (basic split + WordPiece) in plain Python.

The static sentence model is a table of one vector per WordPiece token, so tokenising is all
the model needs; doing it here keeps the Rust ``tokenizers`` package out of the install. Words
repeat across a story, so each word's pieces are memoised.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


def _is_punct(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp: int) -> bool:
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
            or 0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF
            or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


_ASCII_WORDS = re.compile(r"[a-z0-9]+|[^\sa-z0-9]")


def basic_words(text: str) -> list[str]:
    """Lower-cased, accent-stripped words and single punctuation marks, as BERT splits them."""
    lowered = text.lower()
    if lowered.isascii() and lowered.isprintable():
        return _ASCII_WORDS.findall(lowered)
    out: list[str] = []
    for raw in lowered.split():
        word = unicodedata.normalize("NFD", raw)
        word = "".join(c for c in word if unicodedata.category(c) != "Mn")
        buf: list[str] = []
        for ch in word:
            cp = ord(ch)
            if cp == 0 or cp == 0xFFFD or unicodedata.category(ch) in ("Cc", "Cf"):
                continue
            if _is_punct(ch) or _is_cjk(cp):
                if buf:
                    out.append("".join(buf))
                    buf = []
                out.append(ch)
            else:
                buf.append(ch)
        if buf:
            out.append("".join(buf))
    return out


class WordPiece:
    """Greedy longest-match-first WordPiece over a fixed vocabulary."""

    def __init__(self, vocab: dict[str, int], unk: str = "[UNK]", max_chars: int = 100) -> None:
        self.vocab = vocab
        self.unk_id = vocab[unk]
        self.max_chars = max_chars
        self.pieces = lru_cache(maxsize=200_000)(self._pieces)

    def _pieces(self, word: str) -> tuple[int, ...]:
        if len(word) > self.max_chars:
            return (self.unk_id,)
        ids: list[int] = []
        start = 0
        n = len(word)
        while start < n:
            end = n
            found = -1
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                hit = self.vocab.get(piece)
                if hit is not None:
                    found = hit
                    break
                end -= 1
            if found < 0:
                return (self.unk_id,)
            ids.append(found)
            start = end
        return tuple(ids)

    def encode(self, text: str) -> list[int]:
        ids: list[int] = []
        for word in basic_words(text):
            ids.extend(self.pieces(word))
        return ids
