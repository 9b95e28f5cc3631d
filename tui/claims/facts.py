"""Facts a statement asserts: counted numbers, dates, names, negation and polar verbs.

Each fact keeps its token range (for alignment) and its character span in ``plain`` (for
quoting the value exactly as written). This module holds the :class:`Facts` record and the one
pass that fills it (:func:`extract_facts`), reading negation and polar-verb cues itself;
numbers, dates and names are found in ``numbers``, ``dates`` and ``names``.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.claims.dates import DateFact, find_dates
from tui.claims.names import NameFact, find_names
from tui.claims.numbers import NumberFact, find_numbers
from tui.claims.text import Tokens, tokenize

LIMITERS = frozenset({"only", "just", "merely", "simply", "solely"})
NEGATION_CUES = frozenset({"not", "never", "no", "without", "neither", "nor", "none", "nobody",
                           "nothing", "nowhere",
                           # Verbs that negate the verb they govern: "denied taking the money"
                           # says what "did not take the money" says.
                           "deny", "denies", "denied", "denying", "refuse", "refuses",
                           "refused", "refusing"})

_ANTONYM_PAIRS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("ratify", "ratified", "ratifies", "ratifying", "ratification"),
     ("reject", "rejected", "rejects", "rejecting", "rejection")),
    (("approve", "approved", "approves", "approving", "approval"),
     ("reject", "rejected", "rejects", "rejecting", "veto", "vetoed", "rejection")),
    (("accept", "accepted", "accepts", "accepting"),
     ("refuse", "refused", "refuses", "refusing", "reject", "rejected", "decline", "declined")),
    (("confirm", "confirmed", "confirms", "confirming"), ("deny", "denied", "denies", "denying")),
    (("admit", "admitted", "admits", "admitting"), ("deny", "denied", "denies", "denying")),
    (("visit", "visited", "visits", "visiting"),
     ("cancel", "cancelled", "canceled", "cancels", "cancelling", "cancellation")),
    (("increase", "increased", "rose", "rise", "risen", "rising", "grew", "grow", "growth",
      "climbed", "jumped", "gained"),
     ("decrease", "decreased", "fell", "fall", "fallen", "falling", "shrank", "declined",
      "dropped", "decline", "drop", "lost")),
    (("win", "won", "wins", "winning", "victory"), ("lose", "lost", "loses", "losing", "defeat")),
    (("open", "opened", "opens", "opening", "reopened"), ("close", "closed", "closes", "closing",
                                                          "shut")),
    (("allow", "allowed", "allows", "permit", "permitted", "legalised", "legalized"),
     ("ban", "banned", "bans", "forbid", "forbade", "forbidden", "prohibit", "prohibited",
      "outlawed")),
    (("acquit", "acquitted", "acquittal", "innocent"),
     ("convict", "convicted", "conviction", "guilty")),
    (("support", "supported", "supports", "backed", "favour", "favor"),
     ("oppose", "opposed", "opposes", "against")),
    (("pass", "passed", "adopted"), ("reject", "rejected", "defeated")),
    (("agree", "agreed", "agrees"), ("disagree", "disagreed", "refuse", "refused")),
    (("include", "included", "includes"), ("exclude", "excluded", "excludes")),
    (("arrest", "arrested"), ("release", "released", "freed")),
    (("succeed", "succeeded", "success"), ("fail", "failed", "failure")),
    (("profit",), ("loss",)),
    (("surplus",), ("deficit",)),
    (("higher", "more", "above"), ("lower", "fewer", "below")),
    (("up",), ("down",)),
    (("strengthen", "strengthened"), ("weaken", "weakened")),
    (("improve", "improved", "improves"), ("worsen", "worsened", "worsens")),
    (("majority",), ("minority",)),
    (("present", "attended"), ("absent", "skipped")),
    (("alive", "survived"), ("dead", "died", "killed")),
)


def _antonym_table() -> dict[str, tuple[tuple[int, int], ...]]:
    table: dict[str, list[tuple[int, int]]] = {}
    for pid, sides in enumerate(_ANTONYM_PAIRS):
        for side, words in enumerate(sides):
            for w in words:
                entry = (pid, side)
                bucket = table.setdefault(w, [])
                if entry not in bucket:
                    bucket.append(entry)
    return {k: tuple(v) for k, v in table.items()}


ANTONYMS = _antonym_table()


@dataclass(frozen=True, slots=True)
class Facts:
    tokens: Tokens
    numbers: tuple[NumberFact, ...]
    dates: tuple[DateFact, ...]
    names: tuple[NameFact, ...]
    negations: tuple[int, ...]
    """Token indices of negation cues."""
    polar: tuple[tuple[int, int, int], ...]
    """(token index, antonym pair id, side) for verbs with a listed opposite."""
    limiting: tuple[int, ...] = ()
    """Token indices of "not" before only/just/merely: a negation only against a statement
    that keeps the limiter without it ("is not merely a hub" vs "is merely a hub")."""


def extract_facts(plain: str) -> Facts:
    """All facts of one statement's ``plain`` text."""
    tokens = tokenize(plain)
    dates, used = find_dates(tokens, plain)
    numbers = find_numbers(tokens, plain, used)
    names = find_names(tokens, used)
    negations: list[int] = []
    limiting: list[int] = []
    polar: list[tuple[int, int, int]] = []
    norms = tokens.norms
    n = len(norms)
    for i, norm in enumerate(norms):
        if norm in NEGATION_CUES:
            nxt = norms[i + 1] if i + 1 < n else ""
            if norm == "no" and i + 1 < n and tokens.numeric[i + 1]:
                continue
            if norm == "not" and nxt in LIMITERS:
                limiting.append(i)
                continue
            if norm == "no" and nxt in ("doubt",):
                continue
            negations.append(i)
        entries = ANTONYMS.get(norm)
        if entries:
            for pid, side in entries:
                polar.append((i, pid, side))
    return Facts(tokens, tuple(numbers), tuple(dates), tuple(names), tuple(negations),
                 tuple(polar), tuple(limiting))
