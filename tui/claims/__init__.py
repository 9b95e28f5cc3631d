"""The claim index: link statements across sources, find conflicts, say why.

Pure functions over ``tui.corpus`` documents; no I/O and no Textual.
"""

from tui.claims.config import IndexConfig
from tui.claims.index import build_index
from tui.claims.model import Claim, ClaimIndex, Conflict, Link, Status, Verdict

__all__ = ["Claim", "ClaimIndex", "Conflict", "IndexConfig", "Link", "Status", "Verdict",
           "build_index"]
