"""Sentence vectors from the shipped static model: the semantic signal of linking.

One vector per WordPiece token (all-MiniLM-L6-v2 distilled with model2vec; see
``scripts/build_static_model.py``); a statement's vector is the normalised mean of its tokens'.
Files are checked against the sha256 sums in ``model/MANIFEST.json``. When numpy or the files
are missing or altered, :func:`load_model` returns ``None`` with the reason, and the index
falls back to lexical linking.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.claims.wordpiece import WordPiece

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Matrix = npt.NDArray[np.float32]
else:
    Matrix = Any

MODEL_DIR = Path(__file__).resolve().parent / "model"


@dataclass(frozen=True)
class StaticModel:
    name: str
    digest: str
    """Identifies the vectors, so caches keyed by it never mix two models."""
    vectors: Matrix
    tokenizer: WordPiece

    @property
    def dims(self) -> int:
        return int(self.vectors.shape[1])

    def embed(self, texts: list[str]) -> Matrix:
        """Unit-length vectors, one row per text (a text without known tokens gets zeros)."""
        import numpy as np

        unique: dict[str, int] = {}
        for text in texts:
            unique.setdefault(text, len(unique))
        if len(unique) < len(texts):
            # Syndicated and recombined corpora repeat sentences: embed each text once.
            once = self.embed(list(unique))
            return once[np.fromiter((unique[t] for t in texts), dtype=np.int64, count=len(texts))]
        out = np.zeros((len(texts), self.dims), dtype=np.float32)
        encode = self.tokenizer.encode
        chunk = 4096
        for lo in range(0, len(texts), chunk):
            ids: list[int] = []
            starts: list[int] = []
            rows: list[int] = []
            for row in range(lo, min(lo + chunk, len(texts))):
                toks = encode(texts[row])
                if toks:
                    starts.append(len(ids))
                    rows.append(row)
                    ids.extend(toks)
            if not rows:
                continue
            sums = np.add.reduceat(self.vectors[np.asarray(ids)], np.asarray(starts), axis=0)
            norms = np.linalg.norm(sums, axis=1, keepdims=True)
            norms[norms == 0.0] = 1.0
            out[np.asarray(rows)] = sums / norms
        return out


_loaded: dict[Path, tuple[StaticModel | None, str]] = {}


def load_model(folder: Path = MODEL_DIR) -> tuple[StaticModel | None, str]:
    """(model, "") or (None, why it could not be loaded). Loaded once per process."""
    if folder in _loaded:
        return _loaded[folder]
    result = _load(folder)
    _loaded[folder] = result
    return result


def _load(folder: Path) -> tuple[StaticModel | None, str]:
    try:
        import numpy as np
    except ImportError:
        return None, "numpy is not installed"
    try:
        manifest = json.loads((folder / "MANIFEST.json").read_text(encoding="utf-8"))
        blobs = {name: (folder / name).read_bytes() for name in manifest["files"]}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return None, f"model files unreadable ({exc.__class__.__name__})"
    for name, want in manifest["files"].items():
        if hashlib.sha256(blobs[name]).hexdigest() != want:
            return None, f"model file {name} does not match its sha256"
    import io

    vectors = np.load(io.BytesIO(blobs["vectors.npy"]), allow_pickle=False).astype(np.float32)
    vocab = blobs["vocab.txt"].decode("utf-8").split("\n")
    if vocab and vocab[-1] == "":
        vocab.pop()
    if len(vocab) != vectors.shape[0]:
        return None, "model vocabulary and vectors differ in size"
    digest = manifest["files"]["vectors.npy"][:16]
    tokenizer = WordPiece({t: i for i, t in enumerate(vocab)})
    return StaticModel(str(manifest.get("name", "static")), digest, vectors, tokenizer), ""
