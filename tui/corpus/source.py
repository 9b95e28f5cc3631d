"""Who published an article: outlet, URL, date and author, from wherever the input says them.

Pure parsers; the loader reads the files. In order of trust (a field set by an earlier source
wins): a ``sources.toml`` the user wrote beside the articles, the ``meta.json`` sidecar of a
story folder, the article's own metadata (HTML ``<meta>``/``<link>``, JSON-LD, Markdown/YAML or
TOML front matter), and last the file name (``03_reuters.txt`` names Reuters) or the URL's host.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, fields, replace
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

from .dates import parse_date


@dataclass(frozen=True, slots=True)
class SourceInfo:
    outlet: str = ""
    url: str = ""
    published: str = ""
    """ISO 8601 (``2025-11-26`` or a full timestamp); empty when unknown."""
    author: str = ""

    def over(self, fallback: SourceInfo) -> SourceInfo:
        """Fields of ``self``, and ``fallback``'s where ``self`` has none."""
        return SourceInfo(**{f.name: getattr(self, f.name) or getattr(fallback, f.name)
                             for f in fields(self)})


def _clean(value: object) -> str:
    if isinstance(value, list | tuple):
        value = ", ".join(_clean(v) for v in value if _clean(v))
    elif isinstance(value, dict):
        value = value.get("name", "")
    return " ".join(str(value).split())[:200] if value is not None else ""


def source_info(outlet: object = "", url: object = "", published: object = "",
                author: object = "") -> SourceInfo:
    """A SourceInfo from loosely typed values; dates normalised, unreadable dates dropped."""
    date_text = _clean(published)
    return SourceInfo(_clean(outlet), _clean(url), parse_date(date_text) or "" if date_text else "",
                      _clean(author))


# ---------------------------------------------------------------- sidecars


def from_meta_json(text: str) -> dict[str, SourceInfo]:
    """File name -> source, from a story folder's ``meta.json`` (``articles[].file`` etc.)."""
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    articles = data.get("articles") if isinstance(data, dict) else None
    if not isinstance(articles, list):
        return {}
    out: dict[str, SourceInfo] = {}
    for art in articles:
        if isinstance(art, dict) and isinstance(art.get("file"), str):
            out[art["file"]] = source_info(
                art.get("outlet", ""), art.get("url", ""),
                art.get("date") or art.get("published") or "",
                art.get("author") or art.get("authors") or "")
    return out


def from_sources_toml(text: str) -> dict[str, SourceInfo]:
    """File name -> source, from a user's ``sources.toml``: one table per file::

        ["01_reuters.html"]
        outlet = "Reuters"
        url = "https://www.reuters.com/..."
        published = "26.11.2025"
        author = "Jane Roe"

    Raises ``tomllib.TOMLDecodeError`` so the loader can name the broken file.
    """
    data = tomllib.loads(text)
    out: dict[str, SourceInfo] = {}
    for name, table in data.items():
        if isinstance(table, dict):
            out[name] = source_info(table.get("outlet", ""), table.get("url", ""),
                                    table.get("published") or table.get("date") or "",
                                    table.get("author", ""))
    return out


# ---------------------------------------------------------------- in the article

_YAML_LINE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")
_YAML_ITEM = re.compile(r"^[ \t]+-[ \t]+(.+?)[ \t]*$")
_OUTLET_KEYS = ("outlet", "source", "publisher", "site_name", "site", "publication")
_DATE_KEYS = ("published", "date", "pubdate", "published_at", "publish_date", "created")
_AUTHOR_KEYS = ("author", "authors", "byline", "creator")
_URL_KEYS = ("url", "canonical", "canonical_url", "link", "source_url", "permalink")


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return value.strip()


def front_matter(text: str) -> dict[str, Any]:
    """Keys of a leading ``---`` YAML (flat keys, lists of scalars) or ``+++`` TOML block."""
    if text.startswith("+++\n"):
        end = text.find("\n+++", 4)
        if end < 0:
            return {}
        try:
            return tomllib.loads(text[4:end])
        except tomllib.TOMLDecodeError:
            return {}
    if not text.startswith("---\n"):
        return {}
    out: dict[str, Any] = {}
    key = ""
    for line in text[4:].split("\n"):
        if line.rstrip() in ("---", "..."):
            return out
        item = _YAML_ITEM.match(line)
        if item and key:
            prev = out.get(key)
            out[key] = [*prev, _unquote(item.group(1))] if isinstance(prev, list) else \
                [_unquote(item.group(1))]
            continue
        m = _YAML_LINE.match(line)
        if m:
            key = m.group(1).lower()
            value = m.group(2)
            if value.startswith("[") and value.endswith("]"):
                out[key] = [_unquote(v) for v in value[1:-1].split(",") if v.strip()]
            else:
                out[key] = _unquote(value) if value else []
    return {}  # never closed: not front matter


def _first(data: dict[str, Any], keys: tuple[str, ...]) -> object:
    lowered = {k.lower(): v for k, v in data.items()}
    for key in keys:
        value = lowered.get(key)
        if value:
            return value
    return ""


def from_front_matter(text: str) -> SourceInfo:
    data = front_matter(text)
    if not data:
        return SourceInfo()
    return source_info(_first(data, _OUTLET_KEYS), _first(data, _URL_KEYS),
                       _first(data, _DATE_KEYS), _first(data, _AUTHOR_KEYS))


_META_OUTLET = ("og:site_name", "application-name", "publisher", "article:publisher",
                "twitter:site", "dc.publisher")
_META_DATE = ("article:published_time", "og:published_time", "datepublished",
              "publish-date", "pubdate", "date", "dc.date", "dc.date.issued",
              "sailthru.date", "parsely-pub-date", "article.published", "og:updated_time")
_META_AUTHOR = ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author",
                "byl")
_META_URL = ("og:url", "twitter:url")
_JSONLD = re.compile(r'"(datePublished|publisher|author)"\s*:\s*'
                     r'(?:"([^"]{1,200})"|\{[^{}]*?"name"\s*:\s*"([^"]{1,200})")')


class _MetaParser(HTMLParser):
    """Collects ``<meta>``, ``<link rel=canonical>`` and JSON-LD text; stops at ``<body>``'s end."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.canonical = ""
        self.jsonld: list[str] = []
        self._in_jsonld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content") and key not in self.meta:
                self.meta[key] = a["content"]
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.canonical = self.canonical or a.get("href", "")
        elif tag == "script" and a.get("type", "").lower() == "application/ld+json":
            self._in_jsonld = True
        elif tag == "time" and "datetime" in a and "time" not in self.meta:
            self.meta["time"] = a["datetime"]

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_jsonld = False

    def handle_data(self, data: str) -> None:
        if self._in_jsonld:
            self.jsonld.append(data)


def from_html(source: str) -> SourceInfo:
    """Outlet, canonical URL, publication time and author from a page's metadata."""
    parser = _MetaParser()
    try:
        parser.feed(source[:2_000_000])
        parser.close()
    except (AssertionError, ValueError):
        pass
    meta = parser.meta
    found: dict[str, str] = {}
    for m in _JSONLD.finditer(" ".join(parser.jsonld)):
        found.setdefault(m.group(1), m.group(2) or m.group(3) or "")

    def pick(keys: tuple[str, ...]) -> str:
        return next((meta[k] for k in keys if meta.get(k)), "")

    outlet = pick(_META_OUTLET) or found.get("publisher", "")
    if outlet.startswith("@"):
        outlet = outlet[1:]
    if outlet.startswith(("http://", "https://")):
        outlet = ""  # article:publisher is often a Facebook page URL
    published = pick(_META_DATE) or found.get("datePublished", "") or meta.get("time", "")
    author = pick(_META_AUTHOR) or found.get("author", "")
    if author.startswith(("http://", "https://")):
        author = ""
    return source_info(outlet, parser.canonical or pick(_META_URL), published, author)


# ---------------------------------------------------------------- last resorts

_NUMBERED = re.compile(r"^\d{1,3}[_ -]+([A-Za-z][\w.-]{1,40})$")


def from_file_name(name: str) -> SourceInfo:
    """``03_reuters.txt`` -> outlet ``reuters`` (the story-folder convention ``NN_outlet``)."""
    stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    m = _NUMBERED.match(stem)
    return SourceInfo(outlet=m.group(1)) if m else SourceInfo()


def outlet_from_url(url: str) -> str:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|[-_]|$)")


def date_from_url(url: str) -> str:
    """``/2018/04/17/`` in a news URL is its publication date."""
    m = _URL_DATE.search(url)
    return parse_date(f"{m.group(1)}-{m.group(2)}-{m.group(3)}") or "" if m else ""


def resolve(*layers: SourceInfo, file_name: str = "") -> SourceInfo:
    """The layers merged in order of trust, then the file name and URL host as fallbacks."""
    info = SourceInfo()
    for layer in layers:
        info = info.over(layer)
    info = info.over(from_file_name(file_name))
    if not info.outlet and info.url:
        info = replace(info, outlet=outlet_from_url(info.url))
    if not info.published and info.url:
        info = replace(info, published=date_from_url(info.url))
    return info


__all__ = ["SourceInfo", "date_from_url", "from_file_name", "from_front_matter", "from_html", "from_meta_json",
           "from_sources_toml", "front_matter", "outlet_from_url", "resolve", "source_info"]
