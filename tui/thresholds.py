"""What each claim-index threshold means to a person and which values it accepts.

``report --help`` prints these sentences; flags and the ``[index]`` table of ``config.toml`` are
checked against the ranges, so ``--link-threshold 5`` is refused with one line instead of
silently linking nothing.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Threshold:
    help: str
    """One or two full sentences for ``--help``."""
    low: float
    high: float | None = None
    """Inclusive bounds; ``None``: no upper bound."""

    def problem(self, value: float) -> str | None:
        """Why ``value`` is refused, as the end of a sentence ("must be between 0 and 1"), or ``None``."""
        if self.high is None:
            return None if value >= self.low else f"must be at least {_number(self.low)}"
        if self.low <= value <= self.high:
            return None
        return f"must be between {_number(self.low)} and {_number(self.high)}"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


THRESHOLDS: dict[str, Threshold] = {
    "link_threshold": Threshold(
        "The lowest lexical score (0 to 1) at which two statements count as the same report when "
        "they are linked by shared words alone, without the sentence model.", 0.0, 1.0),
    "link_probability": Threshold(
        "The lowest probability (0 to 1) that two statements report the same fact for the sentence "
        "model to link them; pairs that pass --link-threshold on shared rare words link too. At "
        "0.75 links were 85% precise on held-out real stories.", 0.0, 1.0),
    "max_links_per_statement": Threshold(
        "The most links one statement keeps in all; without a cap near-duplicates link to "
        "everything.", 1),
    "max_links_per_document": Threshold(
        "The most links one statement keeps into any one other article.", 1),
    "max_term_df_ratio": Threshold(
        "Words found in more than this share (0 to 1) of the statements are too common to look "
        "up candidates with.", 0.0, 1.0),
    "min_term_df_cap": Threshold(
        "In a small corpus a word found in up to this many statements still looks up candidates, "
        "whatever --max-term-df-ratio says.", 1),
    "probe_terms": Threshold(
        "How many of a statement's rarest words are used to look up candidates.", 1),
    "posting_window": Threshold(
        "How many neighbours are examined in each word's list of statements; this bounds the work "
        "on huge corpora.", 1),
    "candidates_per_statement": Threshold(
        "How many candidates are fully scored for each statement.", 1),
    "fuzzy_term_ratio": Threshold(
        "How alike (0 to 100) two leftover words must be to count as spellings of one word.", 0.0, 100.0),
    "topic_damping": Threshold(
        "How much weight (0 to 1) a word loses for recurring through most articles, as the "
        "story's topic words do.", 0.0, 1.0),
    "min_evidence_weight": Threshold(
        "A shared word is evidence when it weighs at least this share (0 to 1) of a word found "
        "only twice.", 0.0, 1.0),
    "min_evidence_terms": Threshold(
        "How many distinct pieces of shared evidence a link needs; a two-word name counts as "
        "one.", 1),
}


def threshold_problem(name: str, value: float | bool) -> str | None:
    """Why ``value`` is no good for the threshold ``name``, or ``None`` (also for unknown names)."""
    threshold = THRESHOLDS.get(name)
    if threshold is None or isinstance(value, bool):
        return None
    return threshold.problem(value)
