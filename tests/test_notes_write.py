"""``export --force`` writes through symlinks, never replaces special files, leaves no temp files."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tui.notes import ExportError, write_atomically

ROOT = Path(__file__).resolve().parent.parent


def test_force_writes_through_a_symlink_to_its_target(tmp_path: Path) -> None:
    target = tmp_path / "real" / "notes.md"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "notes.md"
    link.symlink_to(target)
    write_atomically(link, "new ✓\n", force=True)
    assert link.is_symlink(), "the link itself must survive"
    assert target.read_text(encoding="utf-8") == "new ✓\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in target.parent.iterdir()) == ["notes.md"]


def test_without_force_a_symlink_counts_as_existing(tmp_path: Path) -> None:
    link = tmp_path / "notes.md"
    link.symlink_to(tmp_path / "missing-target.md")
    with pytest.raises(ExportError) as caught:
        write_atomically(link, "x", force=False)
    assert caught.value.exists
    assert not (tmp_path / "missing-target.md").exists()


def test_force_refuses_a_fifo_with_one_line_and_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "notes.md"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(ExportError) as caught:
        write_atomically(fifo, "x", force=True)
    assert time.monotonic() - started < 5
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO is left in place"
    assert caught.value.message == f"{fifo}: is a FIFO, not a regular file; not replaced"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.md"]


def null_device(path: Path) -> Path:
    """A character device (like /dev/null) inside the test's folder; never touch the real /dev."""
    try:
        os.mknod(path, 0o600 | stat.S_IFCHR, os.makedev(1, 3))
    except (PermissionError, AttributeError):
        pytest.skip("creating a device node needs root")
    return path


def test_force_refuses_a_device_node(tmp_path: Path) -> None:
    device = null_device(tmp_path / "notes.md")
    with pytest.raises(ExportError) as caught:
        write_atomically(device, "x", force=True)
    assert caught.value.message == f"{device}: is a character device, not a regular file; not replaced"
    assert stat.S_ISCHR(os.lstat(device).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.md"]


def test_force_refuses_a_symlink_to_a_device(tmp_path: Path) -> None:
    (tmp_path / "dev").mkdir()
    device = null_device(tmp_path / "dev" / "null")
    link = tmp_path / "notes.md"
    link.symlink_to(device)
    with pytest.raises(ExportError, match="is a character device, not a regular file"):
        write_atomically(link, "x", force=True)
    assert link.is_symlink() and stat.S_ISCHR(os.lstat(device).st_mode)


def test_temp_file_is_removed_when_the_write_is_interrupted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(tmp_path / "notes.md", "new", force=True)
    assert list(tmp_path.iterdir()) == []


def test_temp_files_left_by_a_killed_export_are_removed_by_the_next(tmp_path: Path) -> None:
    stale = tmp_path / ".notes.md.0123456789ab.tmp"
    stale.write_bytes(b"x" * 1000)
    old = time.time() - 3600
    os.utime(stale, (old, old))
    fresh = tmp_path / ".notes.md.ba9876543210.tmp"  # another export may be writing right now
    fresh.write_bytes(b"y")
    unrelated = tmp_path / ".other.md.0123456789ab.tmp"
    unrelated.write_bytes(b"z")
    os.utime(unrelated, (old, old))
    write_atomically(tmp_path / "notes.md", "new", force=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["notes.md", fresh.name, unrelated.name])


def test_killed_export_leaves_at_most_one_temp_file_and_the_next_cleans_it(tmp_path: Path) -> None:
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from tui.notes import write_atomically\n"
        "os.fsync = lambda fd: os.kill(os.getpid(), 9)\n"
        "write_atomically(Path(sys.argv[1]), 'x' * 100000, force=True)\n"
    )
    out = tmp_path / "notes.md"
    proc = subprocess.run([sys.executable, "-c", script, str(out)], cwd=ROOT, timeout=60)
    assert proc.returncode == -9
    temps = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(temps) == 1
    old = time.time() - 3600
    os.utime(temps[0], (old, old))
    write_atomically(out, "done", force=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.md"]


def test_cli_export_force_to_a_fifo_is_one_clear_line(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Putin arrived in Bishkek on Tuesday. Japarov met him at the airport.\n", encoding="utf-8")
    fifo = tmp_path / "out.md"
    os.mkfifo(fifo)
    proc = subprocess.run(
        [sys.executable, "-m", "tui", "export", "--force", "--data-dir", str(tmp_path / "d"), "-o", str(fifo), str(article)],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [f"seedreader: {fifo}: is a FIFO, not a regular file; not replaced"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
