"""Loading progress: a progress bar in the reader while files are read, one stderr line in
``report`` on a terminal and nothing when stderr is piped."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.ui_fixtures import make_index, sync
from tui.app import SeedReaderApp
from tui.corpus.loader import load_corpus
from tui.screens.loading import LoadingScreen
from tui.screens.reader import ReaderScreen

ROOT = Path(__file__).resolve().parents[1]


def _folder(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "story"
    folder.mkdir()
    for i in range(n):
        (folder / f"{i:02d}_outlet.txt").write_text(
            f"Headline number {i}\n\nThe council approved wall number {i} on Tuesday. "
            "Work starts in the spring.\n", encoding="utf-8")
    return folder


def test_load_corpus_reports_each_file_with_the_total(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 4)
    seen: list[tuple[int, int]] = []
    result = load_corpus([folder, folder / "00_outlet.txt", tmp_path / "missing.txt"],
                         progress=lambda done, total, _: seen.append((done, total)))
    assert seen == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]
    assert len(result.documents) == 4


@sync
async def test_the_reader_shows_a_progress_bar_while_files_are_read(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 6)
    gate = threading.Event()
    from tui.corpus import reading

    real_read = reading.read_file

    def slow_read(*args: object, **kwargs: object) -> object:
        if "03_" in str(args[0]):
            gate.wait(10)  # hold the worker halfway, so the screen can be looked at
        return real_read(*args, **kwargs)  # type: ignore[arg-type]

    reading.read_file = slow_read  # type: ignore[assignment]
    try:
        app = SeedReaderApp((), corpus_key="", data_dir=tmp_path, paths=[str(folder)],
                            index_builder=make_index)
        async with app.run_test(size=(100, 30)) as pilot:
            from textual.widgets import Label, ProgressBar

            for _ in range(100):
                await pilot.pause(0.02)
                screen = app.screen
                if isinstance(screen, LoadingScreen) and screen.done >= 3:
                    break
            screen = app.screen
            assert isinstance(screen, LoadingScreen)
            bar = screen.query_one(ProgressBar)
            assert (bar.progress, bar.total) == (3, 6)
            assert "3 of 6 files" in str(screen.query_one("#loading-title", Label).render())
            gate.set()
            await app.workers.wait_for_complete()
            for _ in range(50):
                await pilot.pause(0.02)
                if isinstance(app.screen, ReaderScreen):
                    break
            assert isinstance(app.screen, ReaderScreen)
            assert len(app.documents) == 6
            assert app.corpus_key
    finally:
        gate.set()
        reading.read_file = real_read  # type: ignore[assignment]


@sync
async def test_nothing_loadable_leaves_the_app_with_the_reason(tmp_path: Path) -> None:
    app = SeedReaderApp((), corpus_key="", data_dir=tmp_path, paths=[str(tmp_path / "nope.txt")])
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.return_code == 2
    assert app.load_result is not None
    assert [p.message for p in app.load_result.problems] == ["no such file or directory"]


def _report(args: list[str], stderr: int | None) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, TERM="xterm")
    env.pop("NO_COLOR", None)
    return subprocess.run([sys.executable, "-m", "tui", "report", *args], cwd=ROOT, env=env,
                          stdout=subprocess.PIPE, stderr=stderr, timeout=300)


def test_report_prints_no_progress_when_stderr_is_piped(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 3)
    proc = _report([str(folder), str(tmp_path / "missing.txt")], subprocess.PIPE)
    assert proc.returncode == 0
    assert proc.stderr.decode().splitlines() == [
        f"seedreader: {tmp_path / 'missing.txt'}: no such file or directory (skipped)"]
    assert b"\r" not in proc.stderr and b"reading" not in proc.stderr


@pytest.mark.skipif(not hasattr(pty, "openpty"), reason="needs a pseudo-terminal")
def test_report_shows_progress_on_a_terminal_and_clears_it(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 3)
    main, side = pty.openpty()
    try:
        proc = _report([str(folder)], side)
        os.close(side)
        side = -1
        chunks = []
        while True:
            try:
                chunk = os.read(main, 4096)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(main)
        if side >= 0:
            os.close(side)
    shown = b"".join(chunks).decode()
    assert proc.returncode == 0
    assert "seedreader: reading 3 of 3 files" in shown
    assert "building the claim index (3 articles" in shown
    assert shown.endswith("\r\x1b[K")  # the line is gone before the report is read
    assert b"reading" not in proc.stdout  # stdout has only the report
