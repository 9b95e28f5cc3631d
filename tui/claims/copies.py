"""Copies are not corroboration: find documents and passages that reprint one another.

A wire story run by three outlets is one source, not three. Two texts are copies when most of
the shorter one's word 5-grams (shingles) occur in the other; shingles inside quotation marks
are left out first (quotes are judged per paragraph, since they run across sentences), because independent reports of one speech share its quotes verbatim (on the
development stories every pair above 20% containment was shared quotes, none a copy).
A document that copies only some paragraphs is caught passage by passage: statements whose
unquoted shingles are mostly found in one statement of another document, in runs of two or
more neighbouring statements (one sentence alone is too often a stock phrase).

Pure: documents in, :class:`Copies` out. Shingles come from ``shingles``; ``sources`` counts
independent sources with them and rewrites an index's verdicts (``mark_copies``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from tui.claims.shingles import Grams, StatementKey, shingles, statement_shingles
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


class UnionFind:
    """Groups of ids joined pairwise (documents that copy one another)."""

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
                 containment: dict[tuple[str, str], float], cfg: CopyConfig) -> UnionFind:
    """Group copies, strongest pairs first, merging two groups only when every pair across
    them is a copy: a trimmed copy and a piece that reuses a quarter of the original must not
    chain the original to an unrelated article."""

    def strength(a: str, b: str) -> float:
        return max(containment.get((a, b), 0.0), containment.get((b, a), 0.0))

    joined = UnionFind()
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
    # A sentence found in several documents gives each of its shingles the same posting list:
    # count each distinct list once, with how many shingles have it.
    lists = Counter(tuple(ids) for ids in posting.values()
                    if 1 < len(ids) <= 50)  # a shingle in 50+ documents is boilerplate
    shared: Counter[tuple[str, str]] = Counter()
    for ids, times in lists.items():
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                shared[(a, b)] += times
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
    # Statements of one text share one shingle set: find who shares it once per set, then
    # leave out each statement's own document.
    everyone: dict[int, dict[str, tuple[int, str]]] = {}
    for d in documents:
        for s in d.statements:
            own = st_sh[s.id]
            if len(own) < cfg.min_passage_shingles:
                continue
            found_all = everyone.get(id(own))
            if found_all is None:
                found_all = everyone[id(own)] = _sharing(own, posting)
            best_per_doc: dict[str, tuple[int, str]] = {}
            for tid, (count, other_doc) in found_all.items():
                if other_doc == d.id or (d.id, other_doc) not in candidate_docs:
                    continue
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


def _sharing(own: Grams, posting: dict[tuple[str, ...], list[Statement]],
             ) -> dict[str, tuple[int, str]]:
    """Statement id -> (shingles of ``own`` it has, its document), in order of first hit."""
    hits: dict[str, tuple[int, str]] = {}
    for sh in own:
        found = posting.get(sh, ())
        if len(found) > MAX_SHINGLE_STATEMENTS:
            continue
        for t in found:
            count, _ = hits.get(t.id, (0, ""))
            hits[t.id] = (count + 1, t.doc_id)
    return hits


__all__ = ["CopyConfig", "Copies", "UnionFind", "detect_copies"]
