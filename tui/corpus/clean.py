"""Tell statements from the rest: title, bylines, share rows, "Read also:", headings.

Scraped articles carry page furniture that would otherwise become "claims" nobody else makes.
Each unit is classified by its content unless markup already said what it is; what is not a
statement becomes a :class:`Span` so the reader can still show it, dimmed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .model import Span, SpanKind
from .paragraphs import Unit

_CLOSERS = "\"'”’»)]"
_WORDS = re.compile(r"\S+")

_SHARE_WORDS = frozenset(
    "vk x ok whatsapp telegram facebook twitter email e-mail mail linkedin reddit pinterest viber "
    "messenger threads bluesky mastodon tumblr print copy link share tweet flipboard pocket "
    "odnoklassniki вконтакте одноклассники instagram youtube tiktok skype sms"
    .split()
)
_SHARE_SPLIT = re.compile(r"[\s|·•/,]+")

_BOILERPLATE = frozenset(
    (
        "read also", "also read", "read more", "see also", "related", "related articles",
        "related stories", "related news", "more on this topic", "more news", "write a comment",
        "leave a comment", "add a comment", "post a comment", "comments", "comment",
        "advertisement", "advertising", "sponsored", "subscribe", "subscribe to our newsletter",
        "share", "share this", "share this article", "share this story", "tags", "follow us",
        "print", "top stories", "latest news", "читайте также", "комментарии",
        "написать комментарий", "оставить комментарий", "поделиться",
    )
)
_COMMENT_COUNT = re.compile(r"(?i)(?:comments?\s*\(\d+\)|\d+\s+comments?)")

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_META = re.compile(
    r"(?ix)^(?:"
    r"\d+\s*(?:min|mins|minutes?)\s+read"
    r"|(?:an?|\d+)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago"
    r"|just\ now|today|yesterday"
    r"|(?:updated|published|posted|last\ updated)\b.{0,60}"
    r"|by\s+[A-ZА-ЯЁ][\w.'’-]*(?:\s+(?:[A-ZА-ЯЁ][\w.'’-]*|and|&|de|van|von))*\s*(?:[,|].{0,40})?"
    r"|(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:\d{1,2}\s+" + _MONTH + r"|"
    + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?),?\s+\d{4}(?:,?\s+\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?)?"
    r"|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?:,?\s+\d{1,2}:\d{2})?"
    r"|\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?"
    r")$"
)
# An author line: 2-5 capitalised words (Latin or Cyrillic), nothing else.
_NAME_LINE = re.compile(r"^[A-ZА-ЯЁ][\w'’.-]*(?:\s+[A-ZА-ЯЁ][\w'’.-]*){1,4}$")
_ROMAN = re.compile(r"^(?:[IVXLC]+|\d{1,2}|[A-Z])[.)]\s")
_TERMINAL = re.compile(r"[.!?:;,…][" + re.escape(_CLOSERS) + r"]*$")
_SENTENCE_END = re.compile(r"[.!?…][" + re.escape(_CLOSERS) + r"]*$")

MAX_TITLE = 80


@dataclass(slots=True)
class Cleaned:
    title: str
    spans: list[Span] = field(default_factory=list)
    statement_units: list[Unit] = field(default_factory=list)


def is_share_row(line: str) -> bool:
    if len(line) > 160:
        return False
    tokens = [t for t in _SHARE_SPLIT.split(line.lower()) if t]
    return len(tokens) >= 2 and all(t in _SHARE_WORDS for t in tokens)


def is_boilerplate(line: str) -> bool:
    if len(line) > 160:
        return False
    key = line.strip().rstrip(":.…").strip().lower()
    return key in _BOILERPLATE or bool(_COMMENT_COUNT.fullmatch(key)) or is_share_row(line)


def is_metadata(line: str) -> bool:
    return len(line) <= 80 and bool(_META.match(line.strip()))


def is_author_line(line: str) -> bool:
    return len(line) <= 60 and bool(_NAME_LINE.match(line))


def looks_like_headline(line: str) -> bool:
    if len(line) > 250:
        return False
    words = _WORDS.findall(line)
    if not words or len(words) > 20 or line.rstrip(_CLOSERS).endswith((",", ";", ":")):
        return False
    if not _SENTENCE_END.search(line):
        return True
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return line.endswith("?") or capitalised / len(words) >= 0.8


def looks_like_heading(line: str) -> bool:
    """A short line with no closing punctuation: a section heading, not a claim."""
    if len(line) > 110:
        return False
    words = _WORDS.findall(line)
    if not words or len(words) > 14:
        return False
    if _TERMINAL.search(line):
        return False
    first = line[0]
    return first.isupper() or first.isdigit() or bool(_ROMAN.match(line))


def shorten(text: str, limit: int = MAX_TITLE) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    if cut < limit // 2:
        cut = limit
    return text[:cut].rstrip(" ,;:—–-") + "…"


def classify(text: str, units: list[Unit], *, title_hint: str | None = None,
             plain: Callable[[str], str] | None = None) -> Cleaned:
    """Split units into statements and dimmed spans; find the title.

    ``plain`` strips markup (Markdown) before a unit's words are judged, so ``*By Jane Roe* |
    [Share](...)`` reads as the byline it is.
    """
    out = Cleaned(title=title_hint or "")
    title_found = bool(title_hint) and any(u.hint == "title" for u in units)
    header = False
    seen_content = False
    header_left = 0

    def span(kind: SpanKind, u: Unit) -> None:
        out.spans.append(Span(kind, u.start, u.end, text[u.start : u.end]))

    for u in units:
        line = text[u.start : u.end]
        if plain is not None:
            line = plain(line)
        if header_left <= 0:
            header = False
        header_left -= 1
        if u.hint == "title":
            span(SpanKind.TITLE, u)
            if not out.title:
                out.title = " ".join(line.split())
            title_found = header = True
            header_left = 6
            continue
        if u.hint == "boilerplate" or (u.hint != "item" and is_boilerplate(line)):
            span(SpanKind.BOILERPLATE, u)
            continue
        if u.hint == "heading":
            span(SpanKind.HEADING, u)
            header = False
            continue
        if u.hint == "item":
            out.statement_units.append(u)
            seen_content = True
            header = False
            continue
        if is_metadata(line):
            span(SpanKind.BYLINE, u)
            continue
        if not seen_content and not title_found and not u.bullet:
            if title_hint and " ".join(line.split()).lower() == " ".join(title_hint.split()).lower():
                span(SpanKind.TITLE, u)
                title_found = header = True
                header_left = 6
                continue
            if not title_hint and looks_like_headline(line):
                span(SpanKind.TITLE, u)
                out.title = " ".join(line.split())
                title_found = header = True
                header_left = 6
                continue
        if header and (
            (u.bullet and len(_WORDS.findall(line)) <= 6 and not _TERMINAL.search(line))
            or is_author_line(line)
        ):
            span(SpanKind.BYLINE, u)
            continue
        if not u.bullet and looks_like_heading(line):
            span(SpanKind.HEADING, u)
            header = False
            continue
        out.statement_units.append(u)
        seen_content = True
        header = False
    return out
