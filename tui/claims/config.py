"""Thresholds of the claim index. Field names are what config.toml and CLI flags use."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class IndexConfig:
    link_threshold: float = 0.3
    """Minimum lexical link score (0..1) for two statements to count as the same report, when
    linking by shared words only (no sentence model)."""
    link_probability: float = 0.8
    """Minimum probability (0..1) that two statements report the same fact, with the sentence
    model (pairs that pass link_threshold on shared rare words link too). 0.8 is where
    benchmarks/fit_combiner.py measured pair precision 0.86 on held-out dev stories."""
    max_links_per_statement: int = 8
    """A statement keeps at most this many links in total (near-duplicates explode otherwise)."""
    max_links_per_document: int = 2
    """...and at most this many into any one other document."""
    max_term_df_ratio: float = 0.03
    """Terms in more than this share of statements are too common to find candidates with..."""
    min_term_df_cap: int = 40
    """...unless the corpus is so small that this many is still a few."""
    probe_terms: int = 6
    """How many of a statement's rarest terms look up candidates."""
    posting_window: int = 40
    """Neighbours examined in each term's posting list (bounds work on huge corpora)."""
    candidates_per_statement: int = 12
    """Candidates fully scored per statement."""
    fuzzy_term_ratio: float = 85.0
    """rapidfuzz ratio above which two leftover terms count as spellings of one word."""
    topic_damping: float = 0.8
    """How much a term loses for recurring through most documents (the story's topic words)."""
    min_evidence_weight: float = 0.3
    """A shared term is evidence when it weighs this share of a term found only twice..."""
    min_evidence_terms: int = 2
    """...and a link needs this many distinct pieces of evidence (a two-word name is one)."""
