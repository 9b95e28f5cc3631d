"""Copies are not corroboration: find documents and passages that reprint one another.

A wire story run by three outlets is one source, not three. Two texts are copies when most of
the shorter one's word 5-grams (shingles) occur in the other; shingles inside quotation marks
are left out first (quotes are judged per paragraph, since they run across sentences), because independent reports of one speech share its quotes verbatim (on the
development stories every pair above 20% containment was shared quotes, none a copy).
A document that copies only some paragraphs is caught passage by passage: statements whose
unquoted shingles are mostly found in one statement of another document, in runs of two or
more neighbouring statements (one sentence alone is too often a stock phrase).

Pure: documents in, :class:`Copies` out; :func:`mark_copies` rewrites an index's verdicts.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from tui.claims.model import Claim, ClaimIndex, Status, Verdict
from tui.corpus.model import Document, Statement


@dataclass(frozen=True, slots=True)
class CopyConfig:
    shingle: int = 5
    """Words per shingle: long enough that shared 5-grams are rarely chance."""
    document_containment: float = 0.5
    """Share of the smaller document's unquoted shingles found in the other: a copy."""
    min_shared: int = 15
    """Shingles two documents must share at least, so two tiny notes are not "copies"."""
    passage_containment: float = 0.6
    """Share of a statement's unquoted shingles found in one statement of another document."""
    min_passage_shingles: int = 3
    """Statements with fewer unquoted shingles cannot be judged one by one."""
    min_run: int = 2
    """Neighbouring copied statements needed for a passage copy between non-copy documents."""


@dataclass(frozen=True)
class Copies:
    copy_of: dict[str, str] = field(default_factory=dict)
    """Document id -> id of the document it copies (earliest published when all are dated,
    else the fullest)."""
    containment: dict[tuple[str, str], float] = field(default_factory=dict)
    """(a, b) -> share of ``a``'s unquoted shingles found in ``b``, for pairs sharing any."""
    passages: frozenset[frozenset[str]] = frozenset()
    """Pairs of statement ids, in different documents, that copy one another."""
    doc_of: dict[str, str] = field(default_factory=dict)
    """Statement id -> document id."""

    def original(self, doc_id: str) -> str:
        return self.copy_of.get(doc_id, doc_id)

    def copied_pair(self, a: str, b: str) -> bool:
        """Statements ``a`` and ``b`` are not independent: their documents or passages copy."""
        da, db = self.doc_of.get(a, a), self.doc_of.get(b, b)
        return self.original(da) == self.original(db) or frozenset((a, b)) in self.passages


# ---------------------------------------------------------------- shingles

_WORD = re.compile(r"\w+")
_OPEN = "“«„"
_CLOSE = "”»"


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


_MARK = re.compile("[\"\u201c\u00ab\u201e\u201d\u00bb]")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Quoted stretches ``[start, end)`` of one paragraph, in order, not overlapping.

    Quotes run across sentences, so this is decided per paragraph: a straight ``"`` toggles,
    curly and guillemet marks open and close; a close with nothing open quotes from the start
    (the quote began in an earlier paragraph) and an open never closed quotes to the end (news
    style leaves the closing mark off a quote that continues in the next paragraph).
    """
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for m in _MARK.finditer(text):
        i = m.start()
        ch = text[i]
        if ch == '"':
            if open_at is None:
                open_at = i
            else:
                spans.append((open_at, i + 1))
                open_at = None
        elif ch in _OPEN:
            if open_at is None:
                open_at = i
        else:
            spans.append((0 if open_at is None else open_at, i + 1))
            open_at = None
    if open_at is not None:
        spans.append((open_at, len(text)))
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def quoted_mask(text: str) -> list[bool]:
    """Per character of one paragraph: inside a quotation? (:func:`quoted_spans`)"""
    mask = [False] * len(text)
    for a, b in quoted_spans(text):
        mask[a:b] = [True] * (b - a)
    return mask


def _unquoted_parts(text: str, spans: Sequence[tuple[int, int]], lo: int = 0,
                    hi: int | None = None) -> list[str]:
    """The pieces of ``text[lo:hi]`` outside ``spans`` (positions in ``text``)."""
    hi = len(text) if hi is None else hi
    parts: list[str] = []
    at = lo
    for a, b in spans:
        if b <= at:
            continue
        if a >= hi:
            break
        if a > at:
            parts.append(text[at:a])
        at = max(at, b)
    if at < hi:
        parts.append(text[at:hi])
    return parts


def _grams(parts: Iterable[str], n: int) -> set[tuple[str, ...]]:
    out: set[tuple[str, ...]] = set()
    for part in parts:
        words = _words(part)
        out.update(tuple(words[i:i + n]) for i in range(len(words) - n + 1))
    return out


def shingles(text: str, n: int = 5) -> set[tuple[str, ...]]:
    """Word ``n``-grams of one paragraph's text outside quotations."""
    return _grams(_unquoted_parts(text, quoted_spans(text)), n)


Grams = frozenset[tuple[str, ...]]


StatementKey = tuple[str, tuple[tuple[int, int], ...]]


def statement_shingles(doc: Document, n: int = 5,
                       memo: dict[StatementKey, Grams] | None = None) -> dict[str, Grams]:
    """Unquoted shingles of each statement, quotes judged over its whole paragraph.

    Syndicated and recombined corpora repeat statements: with a shared ``memo`` each distinct
    statement (its text and where quotes fall in it) is read once.
    """
    memo = {} if memo is None else memo
    by_para: dict[int, list[Statement]] = {}
    for s in doc.statements:
        by_para.setdefault(s.paragraph, []).append(s)
    out: dict[str, Grams] = {}
    for members in by_para.values():
        start, end = members[0].start, members[-1].end
        spans = quoted_spans(doc.text[start:end])
        for s in members:
            lo, hi = s.start - start, s.end - start
            piece = doc.text[s.start:s.end]
            inside = tuple((max(a, lo) - lo, min(b, hi) - lo) for a, b in spans
                           if a < hi and b > lo)
            key = (piece, inside)
            grams = memo.get(key)
            if grams is None:
                grams = memo[key] = frozenset(_grams(_unquoted_parts(piece, inside), n))
            out[s.id] = grams
    return out


# ---------------------------------------------------------------- detection


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _document_shingles(doc: Document, n: int, memo: dict[str, Grams]) -> set[tuple[str, ...]]:
    """Unquoted shingles of each paragraph, so they cross sentence ends as in the source."""
    by_para: dict[int, tuple[int, int]] = {}
    for s in doc.statements:
        start, _ = by_para.get(s.paragraph, (s.start, s.end))
        by_para[s.paragraph] = (start, s.end)
    found: set[tuple[str, ...]] = set()
    for start, end in by_para.values():
        paragraph = doc.text[start:end]
        grams = memo.get(paragraph)
        if grams is None:
            grams = memo[paragraph] = frozenset(shingles(paragraph, n))
        found |= grams
    return found


def _link_copies(documents: Sequence[Document], shared: Counter[tuple[str, str]],
                 containment: dict[tuple[str, str], float], cfg: CopyConfig) -> _Union:
    """Group copies, strongest pairs first, merging two groups only when every pair across
    them is a copy: a trimmed copy and a piece that reuses a quarter of the original must not
    chain the original to an unrelated article."""

    def strength(a: str, b: str) -> float:
        return max(containment.get((a, b), 0.0), containment.get((b, a), 0.0))

    joined = _Union()
    members: dict[str, list[str]] = {d.id: [d.id] for d in documents}
    candidates = sorted(((strength(a, b), a, b) for (a, b), count in shared.items()
                         if count >= cfg.min_shared and strength(a, b) >= cfg.document_containment),
                        reverse=True)
    for _, a, b in candidates:
        ra, rb = joined.find(a), joined.find(b)
        if ra == rb:
            continue
        if all(strength(x, y) >= cfg.document_containment
               for x in members[ra] for y in members[rb]):
            joined.union(ra, rb)
            root = joined.find(ra)
            members[root] = members[ra] + members[rb]
    return joined


def _pick_original(group: Iterable[Document], sizes: dict[str, int]) -> Document:
    """The earliest published when every copy is dated; otherwise the fullest (a dated,
    trimmed re-post must not pass for the undated wire text); then load order."""
    docs = list(group)
    if all(d.published for d in docs):
        return min(docs, key=lambda d: (d.published[:10], -sizes[d.id], docs.index(d)))
    return min(docs, key=lambda d: (-sizes[d.id], docs.index(d)))


def detect_copies(documents: Sequence[Document], config: CopyConfig | None = None) -> Copies:
    """Which documents copy which, and which statement pairs are copied passages."""
    cfg = config or CopyConfig()
    n = cfg.shingle
    memo: dict[str, Grams] = {}
    doc_sh = {d.id: _document_shingles(d, n, memo) for d in documents}
    posting: dict[tuple[str, ...], list[str]] = {}
    for d in documents:
        for sh in doc_sh[d.id]:
            posting.setdefault(sh, []).append(d.id)
    shared: Counter[tuple[str, str]] = Counter()
    for ids in posting.values():
        if 1 < len(ids) <= 50:  # a shingle in 50+ documents is boilerplate, not copying
            for i, a in enumerate(ids):
                for b in ids[i + 1:]:
                    shared[(a, b)] += 1
    containment: dict[tuple[str, str], float] = {}
    for (a, b), count in shared.items():
        containment[(a, b)] = round(count / max(1, len(doc_sh[a])), 3)
        containment[(b, a)] = round(count / max(1, len(doc_sh[b])), 3)
    joined = _link_copies(documents, shared, containment, cfg)

    groups: dict[str, list[Document]] = {}
    for d in documents:
        groups.setdefault(joined.find(d.id), []).append(d)
    sizes = {d.id: len(doc_sh[d.id]) for d in documents}
    copy_of: dict[str, str] = {}
    for members in groups.values():
        if len(members) > 1:
            original = _pick_original(members, sizes)
            copy_of.update({d.id: original.id for d in members if d is not original})

    passages = _copied_passages(documents, copy_of, {pair for pair in shared}, cfg)
    doc_of = {s.id: s.doc_id for d in documents for s in d.statements}
    return Copies(copy_of, containment, frozenset(passages), doc_of)


def _copied_passages(documents: Sequence[Document], copy_of: dict[str, str],
                     candidate_docs: set[tuple[str, str]], cfg: CopyConfig) -> set[frozenset[str]]:
    """Statement pairs whose unquoted words one copies from the other.

    One posting list of shingles over every statement (not one per document pair: a corpus of
    near-duplicates pairs every document with every other); a shingle found in more than
    ``MAX_SHINGLE_STATEMENTS`` statements is too common to say who copied whom.
    """
    st_sh: dict[str, Grams] = {}
    memo: dict[StatementKey, Grams] = {}
    for d in documents:
        st_sh.update(statement_shingles(d, cfg.shingle, memo))
    posting: dict[tuple[str, ...], list[Statement]] = {}
    for d in documents:
        for t in d.statements:
            for sh in st_sh[t.id]:
                posting.setdefault(sh, []).append(t)
    # (a, b) -> statement index in a -> its best match in b
    matches: dict[tuple[str, str], dict[int, str]] = {}
    for d in documents:
        for s in d.statements:
            own = st_sh[s.id]
            if len(own) < cfg.min_passage_shingles:
                continue
            hits: Counter[str] = Counter()
            doc_of_hit: dict[str, str] = {}
            for sh in own:
                found = posting.get(sh, ())
                if len(found) > MAX_SHINGLE_STATEMENTS:
                    continue
                for t in found:
                    if t.doc_id != d.id and (d.id, t.doc_id) in candidate_docs:
                        hits[t.id] += 1
                        doc_of_hit[t.id] = t.doc_id
            best_per_doc: dict[str, tuple[int, str]] = {}
            for tid, count in hits.items():
                other_doc = doc_of_hit[tid]
                if count > best_per_doc.get(other_doc, (0, ""))[0]:
                    best_per_doc[other_doc] = (count, tid)
            for other_doc, (count, best) in best_per_doc.items():
                other = len(st_sh[best])
                if count / len(own) >= cfg.passage_containment or (
                        other >= cfg.min_passage_shingles
                        and count / other >= cfg.passage_containment):
                    matches.setdefault((d.id, other_doc), {})[s.index] = best
    by_id = {d.id: d for d in documents}
    out: set[frozenset[str]] = set()
    for (a, b), found_in_b in sorted(matches.items()):
        same_text = copy_of.get(a, a) == copy_of.get(b, b)
        # Statements too short (or too quoted) to judge neither make nor break a run.
        mute = {s.index for s in by_id[a].statements
                if len(st_sh[s.id]) < cfg.min_passage_shingles}
        for index, best in found_in_b.items():
            run = 1
            for step in (-1, 1):
                k = index + step
                while k in found_in_b or k in mute:
                    run += k in found_in_b
                    k += step
            if same_text or run >= cfg.min_run:
                out.add(frozenset((f"{a}:{index}", best)))
    return out


MAX_SHINGLE_STATEMENTS = 50


# ---------------------------------------------------------------- counting sources


def independent_sources(statement_ids: Iterable[str], copies: Copies) -> int:
    """Documents among ``statement_ids``, counting documents that copy one another once."""
    ids = list(dict.fromkeys(statement_ids))
    joined = _Union()
    for sid in ids:
        joined.find(copies.original(copies.doc_of.get(sid, sid.rsplit(":", 1)[0])))
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            if frozenset((a, b)) in copies.passages:
                da = copies.original(copies.doc_of.get(a, a.rsplit(":", 1)[0]))
                db = copies.original(copies.doc_of.get(b, b.rsplit(":", 1)[0]))
                joined.union(da, db)
    return len({joined.find(x) for x in list(joined.parent)})


def _source_phrase(sources: int, independent: int) -> str:
    return f"{sources} sources, {independent} independent"


def mark_copies(index: ClaimIndex, copies: Copies | None = None) -> ClaimIndex:
    """The index with copies counted once: each verdict gains ``independent_sources``; a
    statement that only copies of its own text agree with becomes uncorroborated, and its
    reason says so."""
    copies = copies or detect_copies(index.documents)
    verdicts: dict[str, Verdict] = {}
    if not copies.copy_of and not copies.passages:
        verdicts = {sid: replace(v, independent_sources=v.sources)
                    for sid, v in index.verdicts.items()}
        return replace(index, verdicts=verdicts)
    per_claim: dict[str, int] = {}
    for sid, verdict in index.verdicts.items():
        counted = per_claim.get(verdict.claim)
        if counted is None:
            claim: Claim = index.claim_by_id[verdict.claim]
            counted = per_claim[verdict.claim] = independent_sources(claim.statements, copies)
        independent = min(verdict.sources, counted)
        linked = [link.b if link.a == sid else link.a for link in index.links_of(sid)]
        status, reason = verdict.status, verdict.reason
        phrase = _source_phrase(verdict.sources, independent)
        if status is Status.AGREEING and linked and all(copies.copied_pair(sid, p)
                                                        for p in linked):
            status = Status.UNCORROBORATED
            reason = f"only copies of this text agree ({phrase}): {reason}"
        elif independent < verdict.sources:
            reason = f"{phrase}: {reason}"
        verdicts[sid] = replace(verdict, status=status, reason=reason,
                                independent_sources=independent)
    return replace(index, verdicts=verdicts, copy_of=dict(copies.copy_of))


__all__ = ["CopyConfig", "Copies", "detect_copies", "independent_sources", "mark_copies",
           "shingles"]
