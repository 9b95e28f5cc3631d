"""Hand labels for real multi-outlet stories (``../shared/realnews``): format, loading, checking.

The articles stay in the shared folder; a label names a statement by its article's two-digit
prefix and a short substring unique within that article (``"02|blamed progressivism"``), so
labels survive changes to the splitter as long as the substring stays inside one statement.

Run ``python benchmarks/_realnews.py dump STORY_DIR`` to list a story's statements, and
``python benchmarks/_realnews.py check LABELS.json [REALNEWS_DIR]`` to validate a label file.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tui.corpus.loader import load_corpus  # noqa: E402
from tui.corpus.model import Document  # noqa: E402

LABELS = Path(__file__).resolve().parent / "labels" / "realnews"
DEFAULT_ROOT = Path(__file__).resolve().parents[2] / "shared" / "realnews"


def _norm(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").replace("\u2018", "'")
                    .replace("\u201c", '"').replace("\u201d", '"').split()).lower()


@dataclass
class Story:
    name: str
    documents: list[Document]
    prefix_of: dict[str, str]
    """Document id -> two-digit article prefix ("01")."""


def load_story(root: Path, name: str) -> Story:
    folder = root / name
    files = sorted(str(p) for p in folder.glob("*.txt"))
    result = load_corpus(files)
    prefix_of = {d.id: d.name[:2] if d.name[:2].isdigit() else d.name.rsplit(".", 1)[0]
                 for d in result.documents}
    return Story(name, list(result.documents), prefix_of)


class LabelError(ValueError):
    pass


def resolve(story: Story, ref: str) -> str:
    """``"02|some words"`` -> the id of the one statement of article 02 containing them."""
    if "|" not in ref:
        raise LabelError(f"{ref!r}: expected 'NN|substring'")
    prefix, needle = ref.split("|", 1)
    needle_n = _norm(needle)
    docs = [d for d in story.documents if story.prefix_of[d.id] == prefix.strip()]
    if not docs:
        raise LabelError(f"{ref!r}: no article {prefix!r}")
    hits = [s.id for s in docs[0].statements if needle_n in _norm(s.plain)]
    if len(hits) != 1:
        raise LabelError(f"{ref!r}: matches {len(hits)} statements")
    return hits[0]


@dataclass
class Labels:
    story: Story
    pairs: set[frozenset[str]] = field(default_factory=set)
    """Statement pairs in different articles that report the same fact."""
    loose: set[frozenset[str]] = field(default_factory=set)
    """Pairs only in groups marked ``"loose"`` (a judgement call): a link there is not wrong,
    a missing one is not counted against recall."""
    conflicts: list[tuple[str, str, str, str]] = field(default_factory=list)
    """(a, b, kind, grade) with grade "contradiction" or "possible"."""
    traps: list[tuple[str, str]] = field(default_factory=list)
    corroborated: set[str] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)


def _doc(sid: str) -> str:
    return sid.rsplit(":", 1)[0]


def load_labels(path: Path, root: Path) -> Labels:
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("root") == "project":
        root = Path(__file__).resolve().parents[1]
    story = load_story(root, data["story"])
    labels = Labels(story)

    def ref(r: str) -> str | None:
        try:
            return resolve(story, r)
        except LabelError as exc:
            labels.errors.append(str(exc))
            return None

    for fact in data.get("facts", []):
        ids = [i for i in (ref(r) for r in fact["statements"]) if i]
        for a, b in combinations(sorted(set(ids)), 2):
            if _doc(a) != _doc(b):
                (labels.loose if fact.get("loose") else labels.pairs).add(frozenset((a, b)))
                labels.corroborated |= {a, b}
    labels.loose -= labels.pairs
    for c in data.get("conflicts", []):
        a, b = ref(c["a"]), ref(c["b"])
        if a and b:
            labels.conflicts.append((a, b, c["kind"], c.get("grade", "contradiction")))
            if frozenset((a, b)) not in labels.pairs | labels.loose:
                labels.errors.append(f"conflict {c['a']!r} / {c['b']!r} is in no fact")
    for t in data.get("traps", []):
        a, b = ref(t["a"]), ref(t["b"])
        if a and b:
            labels.traps.append((a, b))
    return labels


def dump(root: Path, name: str) -> None:
    story = load_story(root, name)
    for d in story.documents:
        print(f"=== {story.prefix_of[d.id]} {d.name}  title: {d.title}")
        for s in d.statements:
            print(f"[{story.prefix_of[d.id]}:{s.index}] {s.plain}")
        print()


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "dump":
        dump(Path(argv[2]) if len(argv) > 2 else DEFAULT_ROOT, argv[1]) if not os.path.isdir(
            argv[1]) else dump(Path(argv[1]).resolve().parent, Path(argv[1]).resolve().name)
        return 0
    if len(argv) >= 2 and argv[0] == "check":
        root = Path(argv[2]) if len(argv) > 2 else DEFAULT_ROOT
        labels = load_labels(Path(argv[1]), root)
        n = sum(len(d.statements) for d in labels.story.documents)
        print(f"{labels.story.name}: {n} statements, {len(labels.pairs)} same-fact pairs, "
              f"({len(labels.loose)} more loose), {len(labels.corroborated)} corroborated statements, "
              f"{len(labels.conflicts)} conflicts, {len(labels.traps)} traps")
        for e in labels.errors:
            print("ERROR", e)
        return 1 if labels.errors else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
