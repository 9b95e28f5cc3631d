"""Content terms and their weights: which words are evidence that two statements match.

Weights combine rarity over the corpus (IDF) with a general-English prior, so that a word
that is rare in a small corpus but common in English ("said", "year") still counts for little.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

STOP_WORDS = frozenset("""
a about above across after again against all almost along also although always am among an
and another any anyone anything are around as at be became because become becomes been before
being below between both but by can could did do does doing done down during each either else
even ever every few for from further had has have having he her here hers herself him himself
his how however i if in into is it its itself just least less let like many may me might more
most much must my myself neither no nor not now of off often on once one only or other others
our ours ourselves out over own per perhaps rather same shall she should since so some such
than that the their theirs them themselves then there these they this those though through thus
to too under until up upon us very was we were what whatever when where whether which while who
whom whose why will with within without would yet you your yours yourself yourselves via amid
onto toward towards among whilst s t merely just really simply
""".split())

# Verbs that attribute a statement rather than state anything: "X emphasized that ..." says
# who spoke, so two statements sharing only the verb and the speaker are not one report.
REPORTING_WORDS = frozenset("""
say said says tell told emphasize emphasized emphasise underscore underscored stress stressed
highlight highlighted underline note noted add added state stated declare declared explain
explained point pointed insist insisted argue argued claim claimed remark remarked comment
commented mention mentioned
""".split())

COMMON_WORDS = frozenset("""
able accept according account act action activity actually add address administration admit
adult affect afraid again age agency agent ago agree agreement ahead air allow alone already
american among amount analysis animal answer anyone appear apply approach area argue arm army
art article artist ask assume attack attention attorney audience author authority available
avoid away baby back bad bag ball bank bar base beat beautiful bed begin behavior behind
believe benefit best better beyond big bill billion bit black blood blue board body book born
box boy break bring brother budget build building business buy call camera campaign cancer
candidate capital car card care career carry case catch cause cell center central century
certain certainly chair challenge chance change character charge check child choice choose
church citizen city civil claim class clear clearly close coach cold collection college color
come commercial common community company compare computer concern condition conference
congress consider consumer contain continue control cost country couple course court cover
create crime cultural culture cup current customer cut dark data daughter day dead deal death
debate decade decide decision deep defense degree democrat democratic describe design despite
detail determine develop development die difference different difficult dinner direction
director discover discuss discussion disease doctor dog door draw dream drive drop drug due
early east easy eat economic economy edge education effect effort eight election employee end
energy enjoy enough enter entire environment environmental especially establish evening event
eventually everybody everyone everything evidence exactly example executive exist expect
experience expert explain eye face fact factor fail fall family far fast father fear federal
feel feeling field fight figure fill film final finally financial find fine finger finish fire
firm first fish five floor fly focus follow food foot force foreign forget form former forward
four free friend front full fund future game garden gas general generation get girl give glass
go goal good government great green ground group grow growth guess gun guy hair half hand hang
happen happy hard head health hear heart heat heavy help high himself history hit hold home
hope hospital hot hotel hour house huge human hundred husband idea identify image imagine
impact important improve include including increase indeed indicate individual industry
information inside instead institution interest interesting international interview investment
involve issue item job join keep key kid kill kind kitchen know knowledge land language large
last late later laugh law lawyer lay lead leader learn leave left leg legal level lie life
light likely line list listen little live local long look lose loss lot love low machine
magazine main maintain major majority make man manage management manager market marriage
material matter maybe mean measure media medical meet meeting member memory mention message
method middle military million mind minute miss mission model modern moment money month
morning mother mouth move movement movie mr mrs music myself name nation national natural
nature near nearly necessary need network never new news newspaper next nice night none north
note nothing notice number occur offer office officer official oil ok old open operation
opportunity option order organization outside owner page pain painting paper parent part
participant particular particularly partner party pass past patient pattern pay peace people
percent perform performance period person personal phone physical pick picture piece place plan
plant play player point police policy political politics poor popular population position
positive possible power practice prepare present president pressure pretty prevent price
private probably problem process produce product production professional professor program
project property protect prove provide public pull purpose push put quality question quickly
quite race radio raise range rate reach read ready real reality realize really reason receive
recent recently recognize record red reduce reflect region relate relationship religious remain
remember remove report represent republican require research resource respond response rest
result return reveal rich right rise risk road rock role room rule run safe save say scene
school science scientist score sea season seat second section security see seek seem sell send
senior sense series serious serve service set seven several sex sexual shake share shoot short
shot show side sign significant similar simple simply sing single sister sit site situation six
size skill skin small smile social society soldier somebody someone something sometimes son
song soon sort sound source south southern space speak special specific speech spend sport
spring staff stage stand standard star start state statement station stay step still stock
stop store story strategy street strong structure student study stuff style subject success
successful suddenly suffer suggest summer support sure surface system table take talk task tax
teach teacher team technology television tell ten tend term test thank theory thing think third
thought thousand threat three throughout throw time today together tonight top total tough town
trade traditional training travel treat treatment tree trial trip trouble true truth try turn
tv two type understand unit united until upon use usually value various victim view violence
visit voice vote wait walk wall want war watch water way weapon wear week weight well west
western white whole wide wife win wind window wish woman wonder word work worker world worry
write writer wrong yard yeah year yes young youth also announced said says told added noted
stated according reported including officials government week year month day today yesterday
time people percent total new first last next several many number part group country
""".split())

# Stems folded together so that light rewording still shares terms.
_SYNONYM_GROUPS = (
    ("build", "built", "construct", "construction", "erect"),
    ("say", "said", "tell", "told", "declare", "declared"),
    ("dead", "die", "died", "kill", "killed", "death", "fatal", "fatality", "fatalities"),
    ("injure", "injured", "wound", "wounded", "hurt", "injury", "injuries"),
    ("buy", "bought", "purchase", "acquire", "acquisition"),
    ("start", "begin", "began", "begun", "launch", "commence"),
    ("end", "finish", "conclude", "ended"),
    ("big", "large", "major", "huge"),
    ("increase", "rise", "rose", "risen", "grow", "grew", "grown", "climb", "jump", "surge"),
    ("decrease", "fall", "fell", "fallen", "drop", "decline", "shrink", "shrank"),
    ("visit", "trip", "arrival", "arrive", "arrived"),
    ("leave", "left", "depart", "departure", "departed"),
    ("important", "significant", "critical", "key", "vital", "crucial", "significance"),
    ("emphasize", "emphasise", "underscore", "stress", "highlight", "underline"),
    ("company", "firm", "business", "companies", "firms"),
    ("meet", "met", "meeting", "talk", "talks"),
    ("show", "demonstrate", "reveal"),
    ("help", "assist", "aid"),
    ("need", "require"),
    ("use", "utilize", "utilise", "employ"),
    ("ensure", "guarantee", "secure"),
    ("currently", "now"),
    ("home", "house", "houses", "homes"),
    ("car", "vehicle", "automobile"),
    ("nearly", "almost"),
    ("resident", "inhabitant", "inhabitants"),
    ("official", "authority", "authorities"),
    ("profit", "earnings"),
    ("revenue", "sales", "turnover"),
    ("judge", "court"),
    ("sentence", "jail", "prison", "imprisonment"),
    ("hospital", "clinic"),
    ("storm", "hurricane", "cyclone"),
    ("flood", "flooding", "inundation"),
    ("vote", "ballot"),
    ("win", "victory", "won", "triumph"),
    ("match", "game"),
    ("score", "goal"),
    ("about", "around", "approximately", "roughly"),
)

_IRREGULAR = {
    "built": "build", "said": "say", "told": "tell", "began": "begin", "begun": "begin",
    "won": "win", "lost": "lose", "rose": "rise", "risen": "rise", "fell": "fall",
    "fallen": "fall", "grew": "grow", "grown": "grow", "met": "meet", "left": "leave",
    "went": "go", "gone": "go", "came": "come", "took": "take", "taken": "take", "gave": "give",
    "given": "give", "made": "make", "held": "hold", "sent": "send", "spent": "spend",
    "paid": "pay", "sold": "sell", "bought": "buy", "brought": "bring", "thought": "think",
    "found": "find", "kept": "keep", "led": "lead", "ran": "run", "saw": "see", "seen": "see",
    "wrote": "write", "written": "write", "children": "child", "men": "man", "women": "woman",
    "people": "people", "hundreds": "hundred", "hundred": "hundred",
    "thousands": "thousand", "thousand": "thousand", "dozens": "dozen", "shrank": "shrink", "struck": "strike", "chose": "choose",
    "chosen": "choose", "forbade": "forbid", "forbidden": "forbid", "news": "news",
    "was": "be", "were": "be", "is": "be", "are": "be", "been": "be", "being": "be", "am": "be",
    "has": "have", "had": "have", "does": "do", "did": "do", "data": "data", "media": "media",
}
_KEEP = frozenset({"this", "his", "its", "has", "was", "is", "us", "bus", "gas", "news", "series",
                   "species", "physics", "economics", "politics", "always", "perhaps", "less",
                   "unless", "across", "thus", "plus", "yes", "ties"})

_stem_cache: dict[str, str] = {}


def _undouble(w: str) -> str:
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
        return w[:-1]
    return w


def _raw_stem(w: str) -> str:
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if len(w) <= 3 or not w.isalpha() or w in _KEEP:
        return w
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif w.endswith(("ches", "shes", "xes", "zes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if w.endswith("ing") and len(w) > 5:
        w = _undouble(w[:-3])
    elif w.endswith("ied") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("ed") and len(w) > 4:
        w = _undouble(w[:-2])
    elif w.endswith("ion") and len(w) > 6 and w[-4] in "ts":
        w = w[:-3]
    elif w.endswith("ly") and len(w) > 5:
        w = w[:-2]
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w


def _build_synonyms() -> dict[str, str]:
    table: dict[str, str] = {}
    for group in _SYNONYM_GROUPS:
        canon = _raw_stem(group[0])
        for word in group:
            table[_raw_stem(word)] = canon
    return table


_SYNONYMS = _build_synonyms()


def stem(word: str) -> str:
    """Light suffix stripping plus synonym folding: "schools" -> "school", "built" -> "build"."""
    cached = _stem_cache.get(word)
    if cached is not None:
        return cached
    base = _raw_stem(word)
    result = _SYNONYMS.get(base, base)
    if len(_stem_cache) < 200_000:
        _stem_cache[word] = result
    return result


STOP_STEMS = frozenset(stem(w) for w in STOP_WORDS) | STOP_WORDS
COMMON_STEMS = frozenset(stem(w) for w in COMMON_WORDS) - STOP_STEMS
REPORTING_STEMS = frozenset(stem(w) for w in REPORTING_WORDS) - STOP_STEMS


def prior(term: str) -> float:
    """How much a term can count before rarity: function words 0, common English words little."""
    if term in STOP_STEMS:
        return 0.0
    if term in REPORTING_STEMS:
        return 0.1
    if term in COMMON_STEMS:
        return 0.35
    return 1.0


def idf_weights(document_frequency: dict[str, int], total: int) -> dict[str, float]:
    """Weight = English prior × smoothed inverse statement frequency."""
    weights: dict[str, float] = {}
    n = max(total, 1)
    for term, df in document_frequency.items():
        p = prior(term)
        if p == 0.0:
            continue
        weights[term] = p * math.log((n + 1.0) / (df + 0.5) + 1.0)
    return weights


def content_terms(stems: Iterable[str]) -> set[str]:
    """The stems that can be evidence: no function words, no bare punctuation."""
    return {s for s in stems if s not in STOP_STEMS and (len(s) > 1 or s.isdigit())}
