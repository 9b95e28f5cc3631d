"""Walking folders ends and never blocks: symlink loops, FIFOs, devices, deep nesting.

Each load runs in a child process with a timeout, so a regression fails instead of hanging
the suite.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "Putin arrived in Bishkek on Tuesday. Japarov met him at the airport.\n"
_LOAD = (
    "import json, sys\n"
    "from tui.corpus import load_corpus\n"
    "r = load_corpus(sys.argv[1:])\n"
    "print(json.dumps({'docs': [d.path for d in r.documents],\n"
    "  'problems': [[p.path, p.message, p.fatal] for p in r.problems]}))\n"
)


def load(*paths: Path, timeout: float = 30) -> dict[str, list]:  # type: ignore[type-arg]
    proc = subprocess.run([sys.executable, "-c", _LOAD, *map(str, paths)], capture_output=True,
                          text=True, cwd=ROOT, timeout=timeout)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout)  # type: ignore[no-any-return]


def test_symlinks_to_dot_and_dotdot_are_walked_once(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(ARTICLE)
    (root / "sub" / "b.txt").write_text("The minister left on Friday. Nobody saw him go.\n")
    (root / "sub" / "here").symlink_to(".")
    (root / "sub" / "up").symlink_to("..")
    (root / "loop").symlink_to(root)
    result = load(root)
    assert result["docs"] == [str(root / "a.txt"), str(root / "sub" / "b.txt")]
    skipped = [p for p in result["problems"] if "already" in p[1]]
    assert sorted(p[0] for p in skipped) == sorted(str(root / n) for n in ("loop", "sub/here", "sub/up"))
    assert all(not p[2] for p in skipped), "a loop is a warning: the rest loads"


def test_fifo_in_a_folder_is_skipped_with_one_line_and_never_opened(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    os.mkfifo(tmp_path / "pipe.txt")
    result = load(tmp_path, timeout=20)
    assert result["docs"] == [str(tmp_path / "a.txt")]
    assert result["problems"] == [[str(tmp_path / "pipe.txt"), "is a FIFO, not a regular file", True]]


def test_fifo_given_as_a_path_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    good = tmp_path / "a.txt"
    good.write_text(ARTICLE)
    link = tmp_path / "link.txt"
    link.symlink_to(fifo)
    result = load(fifo, link, good, timeout=20)
    assert result["docs"] == [str(good)]
    assert result["problems"] == [
        [str(fifo), "is a FIFO, not a regular file", True],
        [str(link), "is a FIFO, not a regular file", True],
    ]


def test_device_given_as_a_path_is_refused_without_reading() -> None:
    result = load(Path("/dev/zero"), Path("/dev/urandom"), timeout=20)
    assert result["docs"] == []
    assert [p[:2] for p in result["problems"]] == [
        ["/dev/zero", "is a character device, not a regular file"],
        ["/dev/urandom", "is a character device, not a regular file"],
    ]


def test_a_thousand_nested_folders_load(tmp_path: Path) -> None:
    deep = tmp_path / "top"
    deep.mkdir()
    current = str(deep)
    for _ in range(1000):  # one level at a time: mkdir(parents=True) itself recurses
        current = os.path.join(current, "d")
        os.mkdir(current)
    current = Path(current)
    (current / "deep.txt").write_text(ARTICLE)
    (deep / "shallow.txt").write_text("The minister left on Friday. Nobody saw him go.\n")
    try:
        result = load(deep)
    finally:
        _remove_bottom_up(deep)  # pytest's own clean-up (shutil.rmtree) recurses and would fail later
    assert result["docs"] == [str(current / "deep.txt"), str(deep / "shallow.txt")]
    assert result["problems"] == []


def _remove_bottom_up(top: Path) -> None:
    """Iteratively: os.walk and shutil.rmtree recurse on Python 3.11."""
    folders = [str(top)]
    while True:
        subs = [e.path for e in os.scandir(folders[-1]) if e.is_dir(follow_symlinks=False)]
        if not subs:
            break
        folders.append(subs[0])
    for folder in reversed(folders):
        for entry in os.scandir(folder):
            if not entry.is_dir(follow_symlinks=False):
                os.unlink(entry.path)
        os.rmdir(folder)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read anything")
def test_unreadable_subfolder_gets_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        result = load(tmp_path)
    finally:
        locked.chmod(0o755)
    assert result["problems"] == [[str(locked), "permission denied", True]]
