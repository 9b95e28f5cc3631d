"""A hostile corpus end to end: `seedreader report` finishes, stays terminal-safe, names each bad path.

The tree holds escape-code, bidi and undecodable file names, symlink loops, a FIFO, a device
path, a thousand nested folders, a huge line and mixed encodings. Each run is a child process
with a timeout. A property test then feeds random bytes under random names to the loader.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from test_corpus_walk import _remove_bottom_up
from tui.corpus import load_corpus
from tui.safe_text import safe_line

ROOT = Path(__file__).resolve().parent.parent
BOUND_SECONDS = 90
ARTICLE = "Putin arrived in Bishkek on Tuesday. Japarov met him at the airport.\n"
OTHER = "The minister left on Friday. Nobody saw him go. The talks ended late.\n"
CYRILLIC = "Путин прибыл в Бишкек во вторник. Жапаров встретил его в аэропорту.\n"


def _unsafe(c: str) -> bool:
    code = ord(c)
    return ((code < 0x20 and c not in "\n\t") or 0x7F <= code <= 0x9F or 0x202A <= code <= 0x202E
            or 0x2066 <= code <= 0x2069 or 0xD800 <= code <= 0xDFFF)


def unsafe_in(text: str) -> set[str]:
    """Written independently of tui.safe_text: C0 but LF/tab, DEL, C1, bidi, lone surrogates."""
    return {f"U+{ord(c):04X}" for c in text if _unsafe(c)}


def name(raw: bytes) -> str:
    return os.fsdecode(raw)


def build(root: Path) -> tuple[dict[str, Path], list[Path]]:
    """The hostile tree; returns bad paths by a marker their line must carry, and the good files."""
    root.mkdir()
    bad: dict[str, Path] = {}
    good: list[Path] = []

    def write(raw: bytes, data: bytes, marker: str | None) -> Path:
        path = root / name(raw)
        path.write_bytes(data)
        if marker:
            bad[marker] = path
        else:
            good.append(path)
        return path

    write(b"BADCLIP\x1b]52;c;aGVsbG8=\x07.txt", b"", "BADCLIP")  # empty: OSC 52 in the name
    write(b"BADTITLE\x1b]0;PWNED\x07.md", b"\x00\x01\x02binary\x00" * 50, "BADTITLE")
    write(b"BADC1\xc2\x9b31m\xc2\x85.txt", b"   \n\t\n", "BADC1")  # only whitespace
    write(b"BADRAW\x9b\xff.html", b"", "BADRAW")  # undecodable bytes in the name
    write("good-bidi\u202etxt.exe\u2066.txt".encode(), ARTICLE.encode(), None)
    write(b"good-esc\x1b[2J.txt", f"Bishkek \x1b]0;PWNED\x07 welcomed \u202ethe\u202c guests on Tuesday.\n{OTHER}".encode(), None)
    write(b"good-cp1251.txt", CYRILLIC.encode("cp1251"), None)
    write(b"good-utf16.txt", OTHER.encode("utf-16-le"), None)
    write(b"good-mostly-utf8.txt", ("Le café du président a été fermé mardi\xff\xfe. " * 3).encode("utf-8", "surrogateescape")
          .replace(b"\xc3\xbf\xc3\xbe", b"\xff\xfe"), None)
    # just under MAX_TEXT_CHARS (2 million characters of text), the most one article may hold
    write(b"good-huge-line.txt", ("word " * 399_000 + ".\n" + ARTICLE).encode(), None)
    os.mkfifo(root / "BADFIFO.txt")
    bad["BADFIFO"] = root / "BADFIFO.txt"
    (root / "loop-dot").symlink_to(".")
    (root / "loop-up").symlink_to("..")
    bad["loop-dot"] = root / "loop-dot"
    (root / "BADLINK.txt").symlink_to(root / "missing")
    bad["BADLINK"] = root / "BADLINK.txt"
    current = str(root / "deep")
    os.mkdir(current)
    for _ in range(1000):
        current = os.path.join(current, "d")
        os.mkdir(current)
    deep = Path(current) / "good-deep.txt"
    deep.write_text(OTHER.replace("Friday", "Monday"))
    good.append(deep)
    return bad, good


def _remove_deep(root: Path) -> None:
    """Iteratively: pytest's rmtree recurses on Python 3.11 and fails on 1,000 levels."""
    _remove_bottom_up(root / "deep")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("hostile") / "corpus"
    bad, good = build(root)
    runs = {}
    for fmt in ("text", "json"):
        started = time.monotonic()
        proc = subprocess.run(
            [sys.executable, "-m", "tui", "report", "--format", fmt, str(root), "/dev/zero"],
            capture_output=True, cwd=ROOT, timeout=BOUND_SECONDS * 2,
        )
        runs[fmt] = (proc, time.monotonic() - started)
    yield root, bad, good, runs
    _remove_deep(root)


def test_every_run_finishes_within_the_bound(hostile) -> None:  # type: ignore[no-untyped-def]
    *_, runs = hostile
    for fmt, (proc, seconds) in runs.items():
        assert proc.returncode == 0, (fmt, proc.stderr[-3000:])
        assert seconds < BOUND_SECONDS, (fmt, seconds)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_no_control_c1_or_bidi_byte_reaches_the_terminal(hostile, fmt: str) -> None:  # type: ignore[no-untyped-def]
    *_, runs = hostile
    proc, _ = runs[fmt]
    for stream in (proc.stdout, proc.stderr):
        text = stream.decode("utf-8")  # raw undecodable name bytes would fail here
        assert b"\x1b" not in stream and b"\x07" not in stream
        assert unsafe_in(text) == set()
        assert "Traceback" not in text


def test_every_bad_path_gets_one_line_naming_it(hostile) -> None:  # type: ignore[no-untyped-def]
    root, bad, _, runs = hostile
    lines = runs["text"][0].stderr.decode().splitlines()
    for marker, path in bad.items():
        naming = [line for line in lines if safe_line(str(path)) + ":" in line]
        assert len(naming) == 1, (marker, naming, lines)
        assert marker.split("-")[0] in naming[0]
    assert len([line for line in lines if line.startswith("seedreader: /dev/zero: ")]) == 1
    assert "is a FIFO" in next(line for line in lines if "BADFIFO" in line)


def test_the_good_files_load(hostile) -> None:  # type: ignore[no-untyped-def]
    _, _, good, runs = hostile
    data = json.loads(runs["json"][0].stdout)
    assert sorted(d["path"] for d in data["documents"]) == sorted(map(str, good))
    by_name = {Path(d["path"]).name: d for d in data["documents"]}
    assert by_name["good-cp1251.txt"]["encoding"] == "cp1251"
    assert by_name["good-utf16.txt"]["encoding"] == "utf-16-le"
    assert by_name["good-mostly-utf8.txt"]["encoding"] == "utf-8"
    texts = [s["text"] for s in data["statements"]]
    assert any("\u202ethe\u202c" in t for t in texts), "JSON keeps the exact text (escaped)"
    assert any("Жапаров" in t for t in texts)


# -- property: random names, random bytes ------------------------------------------------------

_NAME = st.binary(min_size=1, max_size=40).filter(lambda b: b"/" not in b and b"\x00" not in b)
_SUFFIX = st.sampled_from([b".txt", b".md", b".html", b".log", b""])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(files=st.lists(st.tuples(_NAME, _SUFFIX, st.binary(max_size=3000)), min_size=1, max_size=4))
def test_loader_never_raises_and_shows_nothing_unsafe(tmp_path: Path, files: list[tuple[bytes, bytes, bytes]]) -> None:
    folder = tmp_path / f"case{time.monotonic_ns()}"
    folder.mkdir()
    paths = []
    for raw_name, suffix, data in files:
        path = folder / os.fsdecode(raw_name + suffix)
        if path.name in (".", "..") or path.exists():
            continue
        path.write_bytes(data)
        paths.append(path)
    for target in ([folder], paths):
        result = load_corpus(target)
        for problem in result.problems:
            assert unsafe_in(problem.message) == set(), problem.message
            assert unsafe_in(safe_line(str(problem))) == set()
        for doc in result.documents:
            assert unsafe_in(safe_line(doc.title)) == set() and unsafe_in(safe_line(doc.name)) == set()
            assert not {c for c in doc.text if ord(c) < 0x20 and c not in "\n\t"}
            assert all(doc.text[s.start : s.end] == s.text for s in doc.statements)
