"""``build_index``: documents in, claim index out. Pure; no I/O."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from tui.claims import explain
from tui.claims.config import IndexConfig
from tui.claims.conflicts import EVENT_STEMS, compare
from tui.claims.found import Comparison
from tui.claims.facts import Facts, extract_facts
from tui.claims.grouping import group, link_items, select
from tui.claims.lexical import Item, LinkConfig, ScoredPair
from tui.claims.memo import LinkMemo, link_key
from tui.claims.model import (Claim, ClaimIndex, Conflict, Link, Status, Verdict,
                              links_by_statement)
from tui.claims.term_weights import weigh_terms
from tui.claims.terms import content_terms, stem
from tui.claims.text import MONTHS
from tui.corpus.model import Document, Statement

Embedder = Callable[[list[str]], Any]
"""Texts -> unit vectors (one row each); lets the caller add a cache."""


def _link_config(config: IndexConfig) -> LinkConfig:
    return LinkConfig(
        link_threshold=config.link_threshold,
        max_links_per_statement=config.max_links_per_statement,
        max_links_per_document=config.max_links_per_document,
        max_term_df_ratio=config.max_term_df_ratio,
        min_term_df_cap=config.min_term_df_cap,
        probe_terms=config.probe_terms,
        posting_window=config.posting_window,
        candidates_per_statement=config.candidates_per_statement,
        fuzzy_term_ratio=config.fuzzy_term_ratio,
        topic_damping=config.topic_damping,
        min_evidence_weight=config.min_evidence_weight,
        min_evidence_terms=config.min_evidence_terms,
    )


def _sets_the_scene(facts: Facts) -> bool:
    """Opens with a date adverbial ("On November 26, 2025, ...") that dates what follows."""
    return bool(facts.dates) and facts.dates[0].first <= 1 and facts.dates[0].day is not None


def _item(doc: int, facts: Facts, plain: str, context: frozenset[str] = frozenset()) -> Item:
    toks = facts.tokens
    terms = content_terms(toks.stems) | context
    surface: dict[str, str] = {}
    # A day-dated event ("arrival ... on November 25th") is evidence in itself: two reports
    # of the same kind of event in the same month are likely the same report.
    events = EVENT_STEMS & terms
    for d in facts.dates:
        if d.day is not None and d.month is not None:
            for e in events:
                key = f"@{d.month}:{e}"
                surface[key] = f"{MONTHS[d.month - 1].title()} {e}"
            terms |= {f"@{d.month}:{e}" for e in events}
    for k, s in enumerate(toks.stems):
        if s in terms and s not in surface:
            surface[s] = plain[toks.starts[k]:toks.ends[k]]
    compounds: dict[str, tuple[str, str]] = {}
    for k in range(len(toks) - 1):
        a, b = toks.stems[k], toks.stems[k + 1]
        if a in terms and b in terms and not toks.breaks[k + 1] and not toks.numeric[k]:
            compounds[stem(toks.norms[k] + toks.norms[k + 1])] = (a, b)
    caps = frozenset(s for k, s in enumerate(toks.stems) if toks.caps[k] and s in terms)
    positions: dict[str, int] = {}
    for k, s in enumerate(toks.stems):
        if s in terms and s not in positions:
            positions[s] = k
    return Item(doc, frozenset(terms), compounds, surface, caps, positions, toks.stems)


@dataclass
class Prepared:
    """Per-statement inputs of linking and comparison, computed once per corpus."""

    statements: list[Statement]
    facts: list[Facts]
    items: list[Item]
    contexts: dict[int, frozenset[str]]
    """Statement position -> terms of the sentence it dates ("On May 2, ... . He said ...")."""


def prepare(documents: Sequence[Document]) -> Prepared:
    statements: list[Statement] = [s for d in documents for s in d.statements]
    doc_pos = {d.id: k for k, d in enumerate(documents)}
    facts_cache: dict[str, Facts] = {}
    items: list[Item] = []
    item_cache: dict[tuple[int, str], Item] = {}
    shape_cache: dict[str, Item] = {}
    facts: list[Facts] = []
    for s in statements:
        f = facts_cache.get(s.plain)
        if f is None:
            f = extract_facts(s.plain)
            facts_cache[s.plain] = f
        facts.append(f)
    contexts: dict[int, frozenset[str]] = {}
    for k, s in enumerate(statements):
        nxt = k + 1
        if (_sets_the_scene(facts[k]) and nxt < len(statements)
                and statements[nxt].doc_id == s.doc_id
                and statements[nxt].paragraph == s.paragraph):
            contexts[k] = frozenset(content_terms(facts[nxt].tokens.stems))
    for k, s in enumerate(statements):
        context = contexts.get(k, frozenset())
        key = (doc_pos[s.doc_id], s.plain)
        it = item_cache.get(key) if not context else None
        if it is None:
            shape = shape_cache.get(s.plain) if not context else None
            if shape is not None:
                # Same text in another document: share the term set so scores are memoised.
                it = Item(key[0], shape.terms, shape.compounds, shape.surface, shape.caps,
                          shape.positions, shape.seq)
            else:
                it = _item(key[0], facts[k], s.plain, context)
                if not context:
                    shape_cache[s.plain] = it
            if not context:
                item_cache[key] = it
        items.append(it)
    return Prepared(statements, facts, items, contexts)


def _semantic_pairs(prep: Prepared, link_config: LinkConfig, config: IndexConfig,
                    embedder: Embedder | None, memo: LinkMemo | None,
                    ) -> tuple[list[ScoredPair] | None, str]:
    """Links scored with the sentence model (or remembered by ``memo``), or (None, why not)."""
    from tui.claims.combine import load_combiner
    from tui.claims.embed import MODEL_DIR, load_model
    from tui.claims.semantic_link import semantic_pairs

    model, why = load_model()
    if model is None:
        return None, why
    combiner = load_combiner(MODEL_DIR / "combiner.json")
    if combiner is None:
        return None, "link model (combiner.json) unreadable"
    key = ""
    if embedder is not None:
        memo = None  # the key names the shipped model only: another embedder must not share it
    if memo is not None:
        doc_pos: dict[str, int] = {}
        for s in prep.statements:
            doc_pos.setdefault(s.doc_id, len(doc_pos))
        key = link_key(prep.statements, doc_pos, link_config, config.link_probability,
                       f"{model.digest}:{combiner.digest}")
        known = memo.get(key)
        if known is not None and all(0 <= p.a < p.b < len(prep.items) for p in known):
            return known, ""
    texts = [s.plain for s in prep.statements]
    vectors = (embedder or model.embed)(texts)
    tw = weigh_terms(prep.items, link_config)
    indices = [s.index for s in prep.statements]
    scored = semantic_pairs(prep.items, prep.facts, indices, vectors, tw, link_config, combiner,
                            config.link_probability, texts, model.embed)
    chosen = select(scored, prep.items, link_config)
    if memo is not None:
        memo.put(key, chosen)
    return chosen, ""


def build_index(documents: Sequence[Document], config: IndexConfig | None = None, *,
                semantic: bool = True, embedder: Embedder | None = None,
                copies: bool = True,
                progress: Callable[[str, float], None] | None = None,
                memo: LinkMemo | None = None) -> ClaimIndex:
    """Link statements across documents, group them into claims and classify each one.

    With ``semantic`` (and the shipped model loadable) links come from sentence vectors and
    shared terms combined; otherwise from shared terms alone, and ``ClaimIndex.notice`` says so.
    With ``copies``, documents copied from one another count as one source (``mark_copies``);
    benchmarks whose "outlets" are edits of one text by construction turn it off.
    ``progress(stage, fraction)`` is called as the stages start (from the calling thread).
    ``memo`` remembers the links of a corpus, so opening it again skips scoring (``memo.py``).
    """
    tell = progress or (lambda stage, fraction: None)
    tell("reading statements", 0.0)
    config = config or IndexConfig()
    prep = prepare(documents)
    statements, facts, items, contexts = prep.statements, prep.facts, prep.items, prep.contexts
    link_config = _link_config(config)
    tell("matching statements", 0.25)
    scored: list[ScoredPair] | None = None
    notice = ""
    if semantic and len({s.doc_id for s in statements}) > 1:
        scored, why = _semantic_pairs(prep, link_config, config, embedder, memo)
        if scored is None:
            notice = f"sentence model not loaded ({why}): linking by shared words only"
    if scored is None:
        scored = link_items(items, link_config)
    tell("forming claims", 0.8)
    roots = group(items, scored, config.max_links_per_statement)
    pairs = [p for p in scored if roots[p.a] == roots[p.b]]
    cross = tuple(
        Link(statements[p.a].id, statements[p.b].id, round(p.score, 3), p.shared, (),
             round(p.cosine, 3))
        for p in scored if roots[p.a] != roots[p.b] and p.cosine > 0.0)

    comparisons: dict[tuple[str, str], Comparison] = {}
    links_of_root: dict[int, list[Link]] = {}
    conflicts_of_root: dict[int, list[Conflict]] = {}
    for p in pairs:
        sa, sb = statements[p.a], statements[p.b]
        pair_key = (sa.plain, sb.plain)
        cmp = comparisons.get(pair_key)
        if cmp is None:
            cmp = compare(facts[p.a], facts[p.b], sa.plain, sb.plain,
                          contexts.get(p.a, frozenset()) | contexts.get(p.b, frozenset()))
            if p.a not in contexts and p.b not in contexts:
                comparisons[pair_key] = cmp
        root = roots[p.a]
        links_of_root.setdefault(root, []).append(
            Link(sa.id, sb.id, round(p.score, 3), p.shared, cmp.notes, round(p.cosine, 3)))
        for c in cmp.conflicts:
            conflicts_of_root.setdefault(root, []).append(
                Conflict(sa.id, sb.id, c.kind, c.a_value, c.b_value, c.subject, c.confidence))

    members: dict[int, list[int]] = {}
    for i, r in enumerate(roots):
        members.setdefault(r, []).append(i)
    claims: list[Claim] = []
    claim_of_item: dict[int, str] = {}
    for number, (root, idx) in enumerate(sorted(members.items(), key=lambda kv: kv[1][0]), 1):
        cid = f"c{number}"
        for i in idx:
            claim_of_item[i] = cid
        claims.append(Claim(
            id=cid,
            statements=tuple(statements[i].id for i in idx),
            links=tuple(links_of_root.get(root, ())),
            conflicts=tuple(conflicts_of_root.get(root, ())),
            sources=len({statements[i].doc_id for i in idx}),
        ))
    claim_by_id = {c.id: c for c in claims}
    verdicts = _verdicts(statements, claims, claim_of_item, cross)
    from tui.claims.sources import mark_copies

    index = ClaimIndex(
        documents=tuple(documents),
        claims=tuple(claims),
        verdicts=verdicts,
        statements={s.id: s for s in statements},
        claim_by_id=claim_by_id,
        notice=notice,
        cross_links=cross,
    )
    tell("looking for copies", 0.9)
    index = mark_copies(index) if copies else index
    tell("done", 1.0)
    return index


def _verdicts(statements: Sequence[Statement], claims: Sequence[Claim],
              claim_of_item: dict[int, str], cross: Sequence[Link] = ()) -> dict[str, Verdict]:
    by_id = {c.id: c for c in claims}
    conflicts_of: dict[str, list[Conflict]] = {}
    for c in claims:
        for x in c.conflicts:
            conflicts_of.setdefault(x.a, []).append(x)
            conflicts_of.setdefault(x.b, []).append(x)
    links_of = links_by_statement(claims, cross)
    verdicts: dict[str, Verdict] = {}
    for i, s in enumerate(statements):
        claim = by_id[claim_of_item[i]]
        mine = conflicts_of.get(s.id, [])
        if mine:
            status = Status.CONFLICTING
            reason = explain.combine([explain.conflict_reason(c, s.id) for c in mine])
        else:
            links = links_of.get(s.id, [])
            if links:
                status = Status.AGREEING
                reason = explain.agree_reason(links[0], s.id, len(links) - 1)
            else:
                status = Status.UNCORROBORATED
                reason = explain.uncorroborated_reason()
        verdicts[s.id] = Verdict(status, claim.id, claim.sources, reason)
    return verdicts
