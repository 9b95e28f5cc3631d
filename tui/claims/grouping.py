"""From scored pairs to claims: which links each statement keeps, and how claims grow.

Near-duplicate statements (syndicated copy, recombined corpora) are common, so every statement
keeps only its best links per other document and a few in total; a link is accepted only when
both ends keep it. Claims grow greedily from the strongest link and never hold two statements of
one document, so weak links cannot chain unrelated reports together.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.claims.lexical import Item, LinkConfig, ScoredPair
from tui.claims.linking import score_candidates
from tui.claims.term_weights import TermWeights, weigh_terms


def link_items(items: Sequence[Item], config: LinkConfig,
               tw: TermWeights | None = None) -> list[ScoredPair]:
    """Accepted links between items of different documents, best first per item."""
    tw = tw or weigh_terms(items, config)
    return select(score_candidates(items, config, tw, config.link_threshold), items, config)


def select(scored: dict[tuple[int, int], ScoredPair], items: Sequence[Item],
            config: LinkConfig) -> list[ScoredPair]:
    by_item: dict[int, list[ScoredPair]] = {}
    for p in scored.values():
        by_item.setdefault(p.a, []).append(p)
        by_item.setdefault(p.b, []).append(p)
    kept: dict[int, set[tuple[int, int]]] = {}
    for i, pairs in by_item.items():
        pairs.sort(key=lambda p: (-p.score, p.a, p.b))
        per_doc: dict[int, int] = {}
        keep: set[tuple[int, int]] = set()
        for p in pairs:
            other = p.b if p.a == i else p.a
            d = items[other].doc
            if per_doc.get(d, 0) >= config.max_links_per_document:
                continue
            per_doc[d] = per_doc.get(d, 0) + 1
            keep.add((p.a, p.b))
            if len(keep) >= config.max_links_per_statement:
                break
        kept[i] = keep
    accepted = [p for key, p in scored.items() if key in kept[p.a] and key in kept[p.b]]
    accepted.sort(key=lambda p: (p.a, p.b))
    return accepted


def group(items: Sequence[Item], pairs: Sequence[ScoredPair], max_links: int = 8) -> list[int]:
    """The root item of each item's claim, grown greedily from the strongest link.

    A merge that would put two statements of one document into one claim is refused: one
    article reports a fact once, so such a claim is a chain of topic matches. So is a merge
    that rests on one link when the groups are larger: half of the possible links between
    them (as far as ``max_links`` per statement allows) must exist.
    """
    n = len(items)
    parent = list(range(n))
    members: dict[int, list[int]] = {}
    docs: dict[int, set[int]] = {}
    adjacent: dict[int, list[int]] = {}
    for p in pairs:
        adjacent.setdefault(p.a, []).append(p.b)
        adjacent.setdefault(p.b, []).append(p.a)

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p in sorted(pairs, key=lambda p: (-p.score, p.a, p.b)):
        ra, rb = find(p.a), find(p.b)
        if ra == rb:
            continue
        ma = members.get(ra) or [ra]
        mb = members.get(rb) or [rb]
        da = docs.get(ra) or {items[ra].doc}
        db = docs.get(rb) or {items[rb].doc}
        if not da.isdisjoint(db):
            continue
        if len(ma) > 1 or len(mb) > 1:
            small, big_root = (ma, rb) if len(ma) <= len(mb) else (mb, ra)
            cross = sum(1 for i in small for j in adjacent.get(i, ()) if find(j) == big_root)
            possible = min(len(ma) * len(mb), max_links * len(small))
            if 2 * cross < possible:
                continue
        root, child = (ra, rb) if ra < rb else (rb, ra)
        parent[child] = root
        members.pop(child, None)
        docs.pop(child, None)
        members[root] = ma + mb
        docs[root] = da | db
    return [find(i) for i in range(n)]
