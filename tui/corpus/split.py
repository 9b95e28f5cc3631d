"""Split a paragraph into statements: sentences, and clauses where a sentence joins two claims.

Works on offsets into the document text so every statement is a slice of it. Rules lean towards
not splitting: a wrongly merged sentence costs a weaker link, a wrongly cut one invents claims.
"""

from __future__ import annotations

import re

# A sentence terminator, optional closing quotes/brackets, then whitespace.
_TERMINATOR = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
_NEXT = re.compile(r"\s+(\S)")
_WORD_BEFORE = re.compile(r"[\"'“‘«(\[]*([^\s\"'“‘«(\[]+)$")
_WORD = re.compile(r"[\w'’-]+")

# Never end a sentence: honorifics and titles come before a name.
_TITLES = frozenset(
    "mr mrs ms dr prof st sen rep gov gen col lt sgt capt cmdr adm maj rev hon fr sr jr mt ft "
    "messrs mme mlle pres supt insp det cpl pvt amb".split()
)
# End a sentence only before a digit-free, clearly sentence-opening word.
_MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_ALWAYS_JOIN = frozenset("vs approx ca cf op".split())
_BEFORE_NUMBER = frozenset("fig figs vol vols no nos pp art sec ch".split())
_SOFT = frozenset("etc inc ltd co corp bros assn dept univ est ed eds al".split())
_MULTI_DOT = re.compile(r"^(?:[A-Za-z]\.){2,}$")
_DOTTED = re.compile(r"(?:[A-Za-z]{1,3}\.)+[A-Za-z]{1,3}")
_INITIAL = re.compile(r"^[^\W\d_]\.$")

_SENTENCE_OPENERS = frozenset(
    "the a an he she it they we i you his her its their our this that these those there "
    "but and so yet however meanwhile in on at as after before when while if since during "
    "according officials president his mr ms dr".split()
)

# Words that open sentences but far more often follow "U.S." or "U.N." inside one.
_AFTER_ABBREVIATION = frozenset("president officials mr ms dr".split())

_LOWER_START = re.compile(r"[^\W\d_]")


def _next_char(text: str, pos: int, end: int) -> tuple[str, int]:
    m = _NEXT.match(text, pos, end)
    if not m:
        return "", end
    return m.group(1), m.start(1)


def _next_word(text: str, pos: int, end: int) -> str:
    m = _WORD.match(text, pos, end)
    return m.group(0) if m else ""


def _is_boundary(text: str, m: re.Match[str], para_start: int, end: int) -> bool:
    term = m.group(0)
    nxt, nxt_pos = _next_char(text, m.end(), end)
    if not nxt:
        return False
    if nxt.islower():
        return False
    stops = term.rstrip("\"'”’»)]")
    if stops != ".":
        # '?', '!', ellipses: a boundary before anything that is not lower case.
        if "…" in stops or ".." in stops:
            return nxt.isupper() or nxt in "\"'“‘«"
        return True
    if term != ".":
        return True  # a closing quote after the period: ’…deterrence.’ According
    ws = max(text.rfind(" ", para_start, m.start()), text.rfind("\n", para_start, m.start()),
             text.rfind("\t", para_start, m.start()))
    token_m = _WORD_BEFORE.search(text[ws + 1 : m.start()])
    token = token_m.group(1) if token_m else ""
    if not token:
        return True
    low = token.lower()
    if low in _TITLES or low in _ALWAYS_JOIN:
        return False
    if low in _BEFORE_NUMBER and nxt.isdigit():
        return False
    with_dot = token + "."
    if _INITIAL.match(with_dot):
        return False
    if low in _MONTHS:
        if nxt.isdigit():
            return False
        return _next_word(text, nxt_pos, end).lower() in _SENTENCE_OPENERS
    if low in _SOFT or _MULTI_DOT.match(with_dot) or _DOTTED.fullmatch(token):
        # etc., U.S., e.g., a.m., Ph.D.: the end of a sentence only before a clear opener;
        # "U.S. President Trump", "U.S. officials said" continue the sentence.
        word = _next_word(text, nxt_pos, end).lower()
        if low not in _SOFT and word in _AFTER_ABBREVIATION:
            return False
        return word in _SENTENCE_OPENERS
    return True


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence ranges inside ``text[start:end]``, stripped, in order, non-overlapping."""
    out: list[tuple[int, int]] = []
    cur = start
    for m in _TERMINATOR.finditer(text, start, end):
        if m.end() <= cur:
            continue
        if _is_boundary(text, m, start, end):
            s, e = _strip(text, cur, m.end())
            if s < e:
                out.append((s, e))
            cur = m.end()
    s, e = _strip(text, cur, end)
    if s < e:
        out.append((s, e))
    return out


_AUX = (
    r"(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|shall|should|does|do|"
    r"did|remains|remain|became|become|becomes)"
)
_CLAUSE_JOIN = re.compile(r",\s+and\s+(?=[A-Z0-9])")
_RIGHT_CLAUSE = re.compile(
    r"(?:\d[\d,.]*|[A-Z][\w'’-]*)(?:\s+[\w'’\"-]+){0,4}?\s+" + _AUX + r"\b"
)
_LEFT_VERB = re.compile(r"\b(?:" + _AUX + r"|[a-z]{3,}ed)\b")


def _inside_quote(segment: str) -> bool:
    # ’ doubles as an apostrophe, so single curly quotes count only by their opening mark.
    return (
        segment.count('"') % 2 == 1
        or segment.count("“") > segment.count("”")
        or segment.count("«") > segment.count("»")
        or (segment.count("‘") > 0 and segment.rfind("‘") > segment.rfind("’ "))
    )


def split_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a sentence at ", and <Subject> <verb>" when both halves are full clauses."""
    out: list[tuple[int, int]] = []
    cur = start
    for m in _CLAUSE_JOIN.finditer(text, start, end):
        left = text[cur : m.start()]
        if len(left.split()) < 4 or not _LEFT_VERB.search(left):
            continue
        if _inside_quote(text[start : m.start()]):
            continue
        right = _RIGHT_CLAUSE.match(text, m.end(), end)
        if not right:
            continue
        if len(text[m.end() : end].split()) < 4:
            continue
        out.append(_strip(text, cur, m.start()))
        cur = m.end()
    out.append(_strip(text, cur, end))
    return [r for r in out if r[0] < r[1]]


def statement_ranges(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences, each cut into independent clauses where safe."""
    out: list[tuple[int, int]] = []
    for s, e in split_sentences(text, start, end):
        if ", and " in text[s:e] or ",\nand " in text[s:e]:
            out.extend(split_clauses(text, s, e))
        else:
            out.append((s, e))
    return out
