"""The claim index: link statements across sources, find conflicts, say why.

Pure functions over ``tui.corpus`` documents; no I/O and no Textual.
"""

import os

# The sentence model's matrix products are small (one document's statements against its
# nearest documents'); with a BLAS thread per core they spend their time handing work between
# threads, and they compete with the reader's UI thread. Set before numpy is first imported
# (only the claim index imports it): a 1,000-article index found its neighbours in 1.4 s
# instead of 22 s on 2 busy cores (benchmarks/index_scale.py). An explicit setting wins.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

from tui.claims.config import IndexConfig
from tui.claims.index import build_index
from tui.claims.model import Claim, ClaimIndex, Conflict, Link, Status, Verdict

__all__ = ["Claim", "ClaimIndex", "Conflict", "IndexConfig", "Link", "Status", "Verdict",
           "build_index"]
