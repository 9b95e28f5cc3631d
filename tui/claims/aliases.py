"""When two written names are one name: spellings, titles, acronyms, abbreviations, and which
names in a statement are its speaker or sit inside a quotation.

Name conflicts on real coverage were mostly one entity written two ways (C.I.A. / CIA /
Central Intelligence Agency, Sen. / Senator, Fla. / Florida) or a speaker set against a name
inside the quote; these helpers let ``conflicts`` tell those apart from a real swap.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from rapidfuzz import fuzz

from tui.claims.facts import Facts
from tui.claims.names import NameFact

_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "ø": "oe",
                           "å": "aa"})


def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def spelling_variant(a: str, b: str) -> bool:
    """Two spellings of one name: transliterations (Japarov/Zhaparov, Zelensky/Zelenskyy) or
    dropped diacritics (Álvarez/Alvarez, Müller/Mueller). Two names that both keep their native
    diacritics are written as their bearers write them, so Müller/Möller are two people."""
    if _fold(a) == _fold(b) or a.translate(_TRANSLIT) == b.translate(_TRANSLIT):
        return True
    if not a.isascii() and not b.isascii():
        return False
    return fuzz.ratio(a, b) >= 80


def same_name(x: NameFact, y: NameFact) -> bool:
    if set(x.words) & set(y.words):
        return False
    return spelling_variant(" ".join(x.words), " ".join(y.words))


_TITLES = {"sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
           "pres": "president", "lt": "lieutenant", "sgt": "sergeant", "col": "colonel",
           "atty": "attorney", "dept": "department", "st": "saint", "mr": "", "mrs": "",
           "ms": "", "dr": "doctor", "jr": "", "sr": "", "us": "united states",
           "u.s": "united states", "u.s.": "united states", "uk": "united kingdom",
           "u.k": "united kingdom", "america": "united states", "american": "united states"}


# AP-style state abbreviations, as US newsrooms write them after a place or a party: "(R-Fla.)".
_STATES = {
    "ala": "alabama", "ariz": "arizona", "ark": "arkansas", "calif": "california",
    "colo": "colorado", "conn": "connecticut", "del": "delaware", "fla": "florida",
    "ga": "georgia", "ill": "illinois", "ind": "indiana", "kan": "kansas", "ky": "kentucky",
    "la": "louisiana", "md": "maryland", "mass": "massachusetts", "mich": "michigan",
    "minn": "minnesota", "miss": "mississippi", "mo": "missouri", "mont": "montana",
    "neb": "nebraska", "nev": "nevada", "okla": "oklahoma", "ore": "oregon",
    "pa": "pennsylvania", "penn": "pennsylvania", "tenn": "tennessee", "tex": "texas",
    "vt": "vermont", "va": "virginia", "wash": "washington", "wis": "wisconsin",
    "wyo": "wyoming", "n.y": "new york", "n.j": "new jersey", "n.h": "new hampshire",
    "n.c": "north carolina", "s.c": "south carolina", "n.d": "north dakota",
    "s.d": "south dakota", "n.m": "new mexico", "r.i": "rhode island", "d.c": "washington",
}
_TITLES.update(_STATES)


def _canonical(words: list[str]) -> str:
    out = [_TITLES.get(w.rstrip("."), w.rstrip(".")) for w in words]
    return " ".join(w for w in out if w)


def alias(a: list[str], b: list[str], prefixes: bool = True) -> bool:
    """Two ways of writing one name: a title or its abbreviation (Sen./Senator), an acronym
    and its words (CIA / Central Intelligence Agency, also partly: "CIA" / "Intelligence
    Agency"), an abbreviation with a prefix of the word (Fla./Florida, Calif./California)."""
    ca, cb = _canonical(a), _canonical(b)
    if ca == cb or ca.replace(".", "") == cb.replace(".", ""):
        return True  # also C.I.A. / CIA
    for short, long in ((ca, cb), (cb, ca)):
        letters = short.replace(".", "").replace(" ", "")
        initials = "".join(w[0] for w in long.split() if w)
        if 2 <= len(letters) <= 6 and len(short.split()) == 1 and len(initials) >= 2 and (
                initials in letters or letters in initials) and short.upper() != short.lower():
            return True
        if prefixes and len(short.split()) == 1 and len(long.split()) == 1 and len(short) >= 3 and (
                long.startswith(short.rstrip("."))):
            return True
    return False


def has_acronym(pa: str, x: NameFact, pb: str, y: NameFact) -> bool:
    """One of the names is written with an acronym (CIA, F.B.I.)."""
    for plain, name in ((pa, x), (pb, y)):
        for word in plain[name.start:name.end].split():
            letters = word.replace(".", "")
            if 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper():
                return True
    return False


def same_root(a: list[str], b: list[str]) -> bool:
    """A place and its people or adjective: Kyrgyz/Kyrgyzstan, Russia/Russian, Japan/Japanese.

    Rewording moves between them ("the Kyrgyz economy", "the economy of Kyrgyzstan"); only a
    whole-word prefix of four letters or more counts, so Iran/Iraq or Mali/Malawi are not merged.
    """
    if len(a) != 1 or len(b) != 1:
        return False
    short, long = sorted((a[0], b[0]), key=len)
    return len(short) >= 4 and long.startswith(short)


def orphan(name: NameFact, own: Counter[str], other: Counter[str]) -> list[str]:
    """The distinctive words of ``name`` the other statement uses fewer times: "Russia's
    influence" -> "Novak's influence" still leaves "Russia-Kyrgyzstan" in both, and a name that
    merely moved ("Putin met Japarov" / "Japarov met Putin") has no orphan words."""
    if name.first == 0 and name.last == 1:
        return []  # a lone sentence-initial capital is as likely a common word
    return [w for w in name.distinctive if other[w] < own[w]]


_REPORTING = frozenset({"said", "say", "says", "wrote", "writes", "told", "tweeted", "added",
                        "according", "posted", "stated", "explained", "insisted"})


def speaker(facts: Facts, name: NameFact) -> bool:
    """The name is the one a quote or claim is attributed to ("..., Mr. Comey wrote")."""
    norms = facts.tokens.norms
    around = norms[max(0, name.first - 2):name.first] + norms[name.last:name.last + 1]
    return any(w in _REPORTING for w in around)


def quoted(plain: str, pos: int) -> bool:
    """``pos`` lies inside quotation marks."""
    before = plain[:pos]
    if before.count("\u201c") > before.count("\u201d"):
        return True
    return before.count('"') % 2 == 1
