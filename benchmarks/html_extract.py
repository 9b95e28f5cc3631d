"""HTML main text: seedreader's own extractor against trafilatura and readability-lxml.

    python benchmarks/html_extract.py [REALNEWS_DIR] [--pages N]

Pages are generated at run time around the article texts of ``../shared/realnews`` (the texts
stay there): each article's body is the known main text, wrapped in one of five page layouts
with the furniture real news pages carry: navigation, a "most read" list, ads and "story
continues below" slots between paragraphs, newsletter boxes, related-story teasers (as
``<article>`` elements and as link lists, their text taken from *other* articles, so a leak
is a false statement), reader comments, inline "Read more:" links and a footer. Layouts:

- ``semantic``: ``<main><article>`` for the story, teaser ``<article>`` elements in an aside;
- ``divsoup``: no ``<article>``/``<main>`` around the story, teaser ``<article>`` elements in
  the sidebar (a teaser can replace the whole story for an extractor that trusts the tag);
- ``comments-inside``: reader comments inside the story's ``<article>``;
- ``inline-related``: "Read more:" paragraphs and a related list inside the story body;
- ``table``: an old table layout, paragraphs separated by ``<br><br>``.

Scores are bag-of-words precision, recall and F1 of the extracted text against the article
body (the headline is left out of both, as extractors differ on whether they keep it), as
in the usual article-extraction benchmarks. Each extractor's text goes through the same path
the loader would take: trafilatura and readability return main-content HTML, which
seedreader's block reader turns into paragraphs.
"""

from __future__ import annotations

import argparse
import html
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._realnews import DEFAULT_ROOT  # noqa: E402
from tui.corpus import html_text  # noqa: E402

COMMENTS = [
    "This is exactly what I have been saying for years and nobody in Washington listens to us.",
    "Can anyone explain why the article does not mention the obvious conflict of interest here?",
    "I stopped reading this paper after the last election, but a friend sent me this one.",
    "Typical. They will vote on it late at night and hope that nobody notices what happened.",
    "My father worked in that industry for thirty years and he would have laughed at this plan.",
    "Great reporting as always, thank you for keeping us informed on what really matters.",
    "The comments section here is always better than the article itself, I have to say.",
    "Both parties are to blame and until we admit that nothing is going to change at all.",
    "Where is the evidence? Every claim in this story is sourced to an unnamed official.",
    "I live in the district and I can tell you that people here feel very differently.",
]
NAV = ["Home", "World", "U.S.", "Politics", "Business", "Opinion", "Tech", "Science", "Health",
       "Sports", "Arts", "Travel", "Video", "Podcasts"]
OUTLETS = ["The Daily Ledger", "Metro Courier", "National Review Post", "The Evening Star"]


def _articles(root: Path) -> list[tuple[str, list[str]]]:
    out: list[tuple[str, list[str]]] = []
    for story in sorted(p for p in root.iterdir() if p.is_dir()):
        for path in sorted(story.glob("*.txt")):
            lines = [" ".join(line.split()) for line in path.read_text("utf-8").splitlines()]
            lines = [line for line in lines if line]
            if len(lines) < 4:
                continue
            title, body = lines[0], lines[1:]
            if body and body[0] == title:
                body = body[1:]
            out.append((title, body))
    return out


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _inline(par: str, rnd: random.Random) -> str:
    """A paragraph with some markup inside: a link, emphasis."""
    words = par.split(" ")
    if len(words) > 12 and rnd.random() < 0.4:
        i = rnd.randrange(2, len(words) - 4)
        return (_e(" ".join(words[:i])) + ' <a href="/topic/x">' + _e(" ".join(words[i:i + 3]))
                + "</a> " + _e(" ".join(words[i + 3:])))
    if len(words) > 8 and rnd.random() < 0.2:
        return "<em>" + _e(" ".join(words[:3])) + "</em> " + _e(" ".join(words[3:]))
    return _e(par)


def _teasers(others: list[tuple[str, list[str]]], tag: str) -> str:
    parts = []
    for title, body in others:
        lede = body[0][:220]
        if tag == "article":
            parts.append(f'<article class="teaser"><h3><a href="/s">{_e(title)}</a></h3>'
                         f"<p>{_e(lede)}</p></article>")
        else:
            parts.append(f'<li><a href="/s">{_e(title)}</a></li>')
    return "\n".join(parts) if tag == "article" else "<ul>" + "".join(parts) + "</ul>"


def make_page(i: int, title: str, body: list[str],
              others: list[tuple[str, list[str]]], rnd: random.Random) -> tuple[str, str]:
    """(layout name, page HTML) for one article."""
    outlet = OUTLETS[i % len(OUTLETS)]
    nav = "<nav><ul>" + "".join(f'<li><a href="/{n}">{n}</a></li>' for n in NAV) + "</ul></nav>"
    header = (f'<header><div class="logo">{outlet}</div>{nav}'
              '<div class="promo">Subscribe for $1 a week. Cancel anytime.</div></header>')
    footer = (f"<footer><p>© 2025 {outlet}. All rights reserved.</p><p><a href='/privacy'>"
              "Privacy Policy</a> | <a href='/terms'>Terms of Service</a> | Contact us</p></footer>")
    comments = "".join(
        f'<div class="comment"><span class="user">reader{rnd.randrange(999)}</span>'
        f"<p>{_e(c)}</p><span>Reply · Like · 3 hours ago</span></div>"
        for c in rnd.sample(COMMENTS, 4))
    comments_block = (f'<section id="comments"><h2>Comments (4)</h2>{comments}'
                      "<p>Log in to join the conversation.</p></section>")
    most_read = ('<div class="most-read"><h2>Most Read</h2>' + _teasers(others[2:6], "ul")
                 + "</div>")
    newsletter = ('<div class="newsletter"><h3>Get the morning briefing</h3><p>Sign up for our '
                  "newsletter and get the day's most important stories in your inbox every "
                  "morning.</p><form><input type='email'><button>Sign up</button></form></div>")
    byline = (f'<p class="byline">By {rnd.choice(["Jane Roe", "John Smith", "Ana Lee"])}'
              f' | {outlet} | Updated 10:42 a.m. ET</p>')

    def paragraphs(ads: bool) -> str:
        out = []
        for n, par in enumerate(body):
            out.append(f"<p>{_inline(par, rnd)}</p>")
            if ads and n in (2, 6):
                out.append('<div class="ad"><span>Advertisement</span><p>Story continues '
                           "below advertisement</p></div>")
        return "\n".join(out)

    layout = ["semantic", "divsoup", "comments-inside", "inline-related", "table"][i % 5]
    head = (f"<!doctype html><html><head><meta charset='utf-8'><title>{_e(title)} | {outlet}"
            f"</title><meta property='og:site_name' content='{outlet}'></head><body>")
    if layout == "semantic":
        page = (f"{header}<main><article><h1>{_e(title)}</h1>{byline}{paragraphs(True)}"
                f"</article><aside><h2>Related</h2>{_teasers(others[:3], 'article')}</aside>"
                f"</main>{comments_block}{footer}")
    elif layout == "divsoup":
        page = (f'{header}<div class="wrap"><div class="col-main"><h1 class="headline">'
                f'{_e(title)}</h1>{byline}<div class="story-body">{paragraphs(True)}</div>'
                f'{newsletter}</div><div class="sidebar"><h2>More stories</h2>'
                f"{_teasers(others[:4], 'article')}{most_read}</div></div>"
                f"{comments_block}{footer}")
    elif layout == "comments-inside":
        page = (f"{header}<article><h1>{_e(title)}</h1>{byline}<div class='content'>"
                f"{paragraphs(False)}</div><div class='share'>Share: Facebook Twitter Email</div>"
                f"{comments_block}</article>{most_read}{footer}")
    elif layout == "inline-related":
        pars = [f"<p>{_inline(p, rnd)}</p>" for p in body]
        for k, (t, _) in enumerate(others[:2]):
            pars.insert(min(len(pars), 3 + 4 * k),
                        f'<p class="read-more"><strong>Read more:</strong> <a href="/s">'
                        f"{_e(t)}</a></p>")
        page = (f'{header}<div id="content"><h1>{_e(title)}</h1>{byline}{"".join(pars)}'
                f'<h3>Related coverage</h3>{_teasers(others[2:6], "ul")}</div>{newsletter}'
                f"{comments_block}{footer}")
    else:
        pars = "<br><br>\n".join(_inline(p, rnd) for p in body)
        links = "<br>".join(f'<a href="/{n}">{n}</a>' for n in NAV)
        page = (f'<table width="100%"><tr><td class="left">{links}</td><td class="story">'
                f'<font size="5"><b>{_e(title)}</b></font><br>{byline}<br>{pars}</td>'
                f'<td class="right">{_teasers(others[:5], "ul")}<div class="ad">Advertisement'
                f"</div></td></tr></table>{footer}")
    return layout, head + page + "</body></html>"


_WORD = re.compile(r"\w+")


def _bag(text: str) -> Counter[str]:
    return Counter(w.lower() for w in _WORD.findall(text))


def score(got: str, want: str, title: str) -> tuple[float, float, float]:
    g, w = _bag(got), _bag(want)
    g.subtract(_bag(title))  # the headline counts for nobody
    g = +g
    common = sum((g & w).values())
    p = common / sum(g.values()) if g else 0.0
    r = common / sum(w.values()) if w else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def ours(page: str) -> str:
    return html_text.html_units(page, extract=False)[0]


def _via_blocks(fragment: str) -> str:
    return html_text.html_units(fragment, extract=False)[0]


def extractors() -> dict[str, Callable[[str], str]]:
    found: dict[str, Callable[[str], str]] = {"seedreader (own)": ours}
    try:
        import trafilatura
    except ImportError:
        print("trafilatura not installed: skipped")
    else:
        def traf(page: str) -> str:
            return trafilatura.extract(page, output_format="txt", include_comments=False) or ""

        def traf_html(page: str) -> str:
            frag = trafilatura.extract(page, output_format="html", include_comments=False)
            return _via_blocks(frag or "")

        def traf_precision(page: str) -> str:
            frag = trafilatura.extract(page, output_format="html", include_comments=False,
                                         favor_precision=True)
            return _via_blocks(frag or "")

        found["trafilatura (txt)"] = traf
        found["trafilatura -> blocks"] = traf_html
        found["trafilatura precision -> blocks"] = traf_precision
    try:
        from readability import Document as Readable
    except ImportError:
        print("readability-lxml not installed: skipped")
    else:
        def readable(page: str) -> str:
            return _via_blocks(Readable(page).summary(html_partial=True))

        found["readability -> blocks"] = readable
        found["seedreader with readability"] = lambda page: html_text.html_units(page)[0]
    return found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("root", nargs="?", default=str(DEFAULT_ROOT))
    ap.add_argument("--pages", type=int, default=150)
    args = ap.parse_args(argv)
    arts = _articles(Path(args.root))
    rnd = random.Random(8)
    step = max(1, len(arts) // args.pages)
    chosen = arts[::step][: args.pages]
    pages = []
    for i, (title, body) in enumerate(chosen):
        others = [arts[(i * 7 + k * 13 + 5) % len(arts)] for k in range(6)]
        others = [o for o in others if o[0] != title]
        layout, page = make_page(i, title, body, others, rnd)
        pages.append((layout, title, "\n".join(body), page))
    print(f"{len(pages)} pages from {len(arts)} articles")
    print(f"{'extractor':<33} {'P':>5} {'R':>5} {'F1':>5}  {'P<0.6':>5}  {'ms/page':>7}  "
          "F1 by layout")
    for name, fn in extractors().items():
        fn(pages[0][3])  # warm up (imports, caches)
        per_layout: dict[str, list[float]] = {}
        ps, rs, fs = [], [], []
        low = 0
        t0 = time.perf_counter()
        outs = [fn(page) for _, _, _, page in pages]
        ms = (time.perf_counter() - t0) * 1000 / len(pages)
        for (layout, title, want, _), got in zip(pages, outs):
            p, r, f = score(got, want, title)
            ps.append(p)
            rs.append(r)
            fs.append(f)
            low += p < 0.6
            per_layout.setdefault(layout, []).append(f)
        by = " ".join(f"{k}={sum(v) / len(v):.2f}" for k, v in per_layout.items())
        n = len(pages)
        print(f"{name:<33} {sum(ps) / n:5.3f} {sum(rs) / n:5.3f} {sum(fs) / n:5.3f}  {low:>5}  "
              f"{ms:7.1f}  {by}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
